// Countries (ISO 3166-1 alpha-2) and the subdivisions (ISO 3166-2) that markets and policy events
// name. Hong Kong and Macao have their own ISO 3166-1 codes, so they are countries here, which is
// also how US export rules list them beside China.
import type { Jurisdiction } from '../../shared/model/jurisdictions';

const country = (code: string, name: string): Jurisdiction => ({ code, name, parentCode: null, level: 'country' });

const subdivision = (code: string, name: string): Jurisdiction => ({
  code,
  name,
  parentCode: code.slice(0, 2),
  level: 'subdivision',
});

/** Countries first: a subdivision's parent must exist before it is inserted. */
export const seedJurisdictions: readonly Jurisdiction[] = [
  country('SG', 'Singapore'),
  country('MY', 'Malaysia'),
  country('ID', 'Indonesia'),
  country('CN', 'China'),
  country('HK', 'Hong Kong'),
  country('MO', 'Macao'),
  country('TH', 'Thailand'),
  country('JP', 'Japan'),
  country('IN', 'India'),
  country('AU', 'Australia'),
  country('US', 'United States'),
  subdivision('MY-01', 'Johor'),
  subdivision('CN-BJ', 'Beijing'),
  subdivision('CN-HE', 'Hebei'),
  subdivision('CN-NM', 'Inner Mongolia (Nei Mongol)'),
  subdivision('CN-GZ', 'Guizhou'),
  subdivision('CN-NX', 'Ningxia'),
  subdivision('CN-SH', 'Shanghai'),
  subdivision('CN-JS', 'Jiangsu'),
  subdivision('CN-GD', 'Guangdong'),
  subdivision('ID-RI', 'Riau Islands (Kepulauan Riau)'),
  subdivision('ID-JK', 'Jakarta'),
  subdivision('TH-10', 'Bangkok'),
  subdivision('TH-20', 'Chonburi'),
  subdivision('JP-13', 'Tokyo'),
  subdivision('JP-12', 'Chiba'),
  subdivision('IN-MH', 'Maharashtra'),
  subdivision('AU-NSW', 'New South Wales'),
  subdivision('US-VA', 'Virginia'),
];

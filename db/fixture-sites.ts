// A small starter set of markets and candidate sites so the first screen has something real to
// draw. Coordinates are of the named park or district; capacities are left unknown (null) unless the
// cited source states them for that campus. The store issue replaces this with the full seed.
import type { SiteStatus, Source } from '../shared/schemas';

export interface FixtureMarket {
  id: string;
  name: string;
  country: string;
}

export interface FixtureSite {
  id: string;
  name: string;
  marketId: string;
  lat: number;
  lon: number;
  existingMw: number | null;
  plannedMw: number | null;
  status: SiteStatus;
  notes: string;
  source: Source;
}

const CW_H2_2024: Source = {
  title: 'Cushman & Wakefield, Asia Pacific Data Centre Update H2 2024',
  url: 'https://cushwake.cld.bz/asiapacificdatacentreupdateh22024-02-2025-apac-regional-en-content-datacentres/18',
  asOf: '2025-02-01',
};
const CW_H1_2024: Source = {
  title: 'Cushman & Wakefield, APAC Data Centre Update H1 2024',
  url: 'https://cushwake.cld.bz/apac-dc-h1-2024-update/6',
  asOf: '2024-08-01',
};
const IMDA_2024: Source = {
  title: 'IMDA factsheet: Charting green growth for data centres in Singapore',
  url: 'https://www.imda.gov.sg/resources/press-releases-factsheets-and-speeches/factsheets/2024/charting-green-growth-for-data-centres-in-sg',
  asOf: '2024-05-30',
};
const EAST_DATA_WEST: Source = {
  title: 'Science and Technology Daily: "East Data West Computing" national hubs',
  url: 'https://digitalpaper.stdaily.com/http_www.kjrb.com/ywtk/html/2022-02/24/content_531141.htm?div=-1',
  asOf: '2022-02-24',
};
const BATAM_LOAN: Source = {
  title: 'TechStories: DBS and UOB approve US$411M loan for Batam data centre',
  url: 'https://www.techstories.co/dbs-and-uob-approves-us-411m-loan-for-batam-data-centre',
  asOf: '2025-01-01',
};
const CW_H2_2023: Source = {
  title: 'Cushman & Wakefield, APAC Data Centre Update H2 2023',
  url: 'https://cushwake.cld.bz/apac-dc-h2-2023-update/5',
  asOf: '2024-02-01',
};

export const fixtureMarkets: readonly FixtureMarket[] = [
  { id: 'sg', name: 'Singapore', country: 'SG' },
  { id: 'my-johor', name: 'Johor', country: 'MY' },
  { id: 'id-batam', name: 'Batam', country: 'ID' },
  { id: 'cn-jjj', name: 'Greater Beijing / Hebei', country: 'CN' },
  { id: 'cn-nmg', name: 'Inner Mongolia (Ulanqab)', country: 'CN' },
  { id: 'cn-gz', name: 'Guizhou', country: 'CN' },
  { id: 'cn-nx', name: 'Ningxia', country: 'CN' },
  { id: 'hk', name: 'Hong Kong', country: 'HK' },
  { id: 'jp-tokyo', name: 'Tokyo', country: 'JP' },
  { id: 'us-nova', name: 'Northern Virginia', country: 'US' },
];

const site = (
  id: string,
  name: string,
  marketId: string,
  lat: number,
  lon: number,
  status: SiteStatus,
  source: Source,
  notes = '',
  existingMw: number | null = null,
): FixtureSite => ({ id, name, marketId, lat, lon, existingMw, plannedMw: null, status, notes, source });

export const fixtureSites: readonly FixtureSite[] = [
  site('sg-tuas', 'Tuas', 'sg', 1.3236, 103.6467, 'planned', IMDA_2024, 'Western industrial estate.'),
  site('sg-loyang', 'Loyang', 'sg', 1.3705, 103.9685, 'operational', IMDA_2024),
  site('sg-jurong-west', 'Jurong West', 'sg', 1.3404, 103.709, 'operational', IMDA_2024),
  site('my-sedenak', 'Sedenak Tech Park', 'my-johor', 1.6635, 103.5346, 'under_construction', CW_H2_2024),
  site('my-kulai', 'Kulai', 'my-johor', 1.6621, 103.6032, 'under_construction', CW_H2_2024),
  site('my-nusajaya', 'Nusajaya (Iskandar Puteri)', 'my-johor', 1.426, 103.633, 'operational', CW_H2_2024),
  site(
    'id-nongsa',
    'Nongsa Digital Park',
    'id-batam',
    1.1889,
    104.1139,
    'under_construction',
    BATAM_LOAN,
    'Special economic zone since 2021.',
  ),
  site('cn-zhangjiakou', 'Zhangjiakou (Huailai)', 'cn-jjj', 40.415, 115.518, 'operational', EAST_DATA_WEST),
  site('cn-ulanqab', 'Ulanqab', 'cn-nmg', 41.034, 113.133, 'operational', EAST_DATA_WEST),
  site('cn-guian', "Gui'an New Area", 'cn-gz', 26.38, 106.42, 'operational', EAST_DATA_WEST),
  site('cn-zhongwei', 'Zhongwei', 'cn-nx', 37.5, 105.19, 'operational', EAST_DATA_WEST),
  site('hk-tseung-kwan-o', 'Tseung Kwan O', 'hk', 22.308, 114.26, 'operational', CW_H1_2024),
  site('jp-inzai', 'Inzai (Chiba)', 'jp-tokyo', 35.832, 140.146, 'operational', CW_H1_2024),
  site('us-ashburn', 'Ashburn', 'us-nova', 39.0438, -77.4874, 'operational', CW_H2_2023, 'Reference market.'),
];

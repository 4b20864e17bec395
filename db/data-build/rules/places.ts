// How the sourced tables name our markets: ISO 3166-1 alpha-3 (OWID, WGI) and country names (FRED).
// Mappings, not figures: which country a market lies in comes from the market itself.
import type { Market } from '../../../shared/model/jurisdictions';

const ISO3: Record<string, string> = {
  AU: 'AUS',
  CN: 'CHN',
  HK: 'HKG',
  ID: 'IDN',
  IN: 'IND',
  JP: 'JPN',
  MY: 'MYS',
  SG: 'SGP',
  TH: 'THA',
  US: 'USA',
};

/** The market's country as ISO alpha-3; throws for a country the tables do not cover yet. */
export function iso3(market: Market): string {
  const code = ISO3[market.country];
  if (code === undefined) throw new Error(`no ISO alpha-3 code for ${market.country} (market ${market.id})`);
  return code;
}

/** A market is a sub-national hub when the tables' figure is for its whole country. */
export const isNational = (market: Market): boolean => market.jurisdictionCode === market.country;

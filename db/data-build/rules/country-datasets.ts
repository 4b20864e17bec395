// Criteria read from country-level datasets: grid carbon intensity and renewable share (Our World
// in Data's energy dataset, from Ember) and regulatory quality (World Bank WGI). A sub-national
// market gets its country's figure, and its note says so.
import type { Market } from '../../../shared/model/jurisdictions';
import { asPublished, type Fact, type Figures } from '../figures';
import { iso3, isNational } from './places';

/** The latest year every country in the OWID table has (HK and Indonesia stop at 2024). */
export const OWID_YEAR = '2024';
/** The last year in the WGI copy (the 2023 update). */
export const WGI_YEAR = '2022';

const scope = (market: Market, what: string): string =>
  isNational(market) ? what : `${what}; national figure for ${market.country}, not specific to ${market.name}`;

export function gridCarbon(f: Figures, market: Market): Fact {
  const p = f.get('owid-energy', iso3(market), 'carbon_intensity_elec', OWID_YEAR);
  return asPublished(
    'grid_carbon_g_kwh',
    { marketId: market.id },
    p,
    scope(market, `OWID ${OWID_YEAR}, lifecycle gCO2e/kWh of electricity generated`),
  );
}

export function renewableShare(f: Figures, market: Market): Fact {
  const p = f.get('owid-energy', iso3(market), 'renewables_share_elec', OWID_YEAR);
  return asPublished(
    'renewable_share_pct',
    { marketId: market.id },
    p,
    scope(market, `OWID ${OWID_YEAR}, share of electricity generation`),
  );
}

export function regulatoryQuality(f: Figures, market: Market): Fact {
  const p = f.get('wgi-regulatory-quality', iso3(market), 'RQ.PER.RNK', WGI_YEAR);
  return asPublished(
    'rq_percentile',
    { marketId: market.id },
    p,
    scope(market, `WGI Regulatory Quality percentile rank, ${WGI_YEAR}`),
  );
}

// Criteria read from country-level datasets: grid carbon intensity and renewable share (Our World
// in Data's energy dataset, from Ember) and regulatory quality (World Bank WGI). A sub-national
// market gets its country's figure, and its note says so — except China's hubs for grid carbon,
// scaled to their own grid by the MEE's factors (CHINA_GRID).
import type { Market } from '../../../shared/model/jurisdictions';
import { asPublished, derived, type Fact, type Figures } from '../figures';
import { iso3, isNational } from './places';

/** The latest year every country in the OWID table has (HK and Indonesia stop at 2024). */
export const OWID_YEAR = '2024';
/** The last year in the WGI copy (the 2023 update). */
export const WGI_YEAR = '2022';

const scope = (market: Market, what: string): string =>
  isNational(market) ? what : `${what}; national figure for ${market.country}, not specific to ${market.name}`;

/**
 * China's hubs sit on grids of very different carbon intensity (coal-heavy North China against the
 * hydro-rich Southern grid), so each takes the national OWID figure scaled by its own MEE 2022
 * factor over the national one: the provincial factor where the source gives it (Inner Mongolia),
 * else the regional grid the province belongs to (Beijing–Tianjin–Hebei: North China; Shanghai,
 * Jiangsu and Zhejiang: East China; Guangdong and Guizhou: Southern; Ningxia: Northwest). Scaling
 * keeps OWID's lifecycle basis while the MEE ratio carries the regional difference.
 */
const CHINA_GRID: Readonly<Record<string, { subject: string; name: string }>> = {
  'cn-jjj': { subject: '華北', name: 'North China grid' },
  'cn-nmg': { subject: '內蒙古', name: 'Inner Mongolia (provincial)' },
  'cn-nx': { subject: '西北', name: 'Northwest grid' },
  'cn-gz': { subject: '南方', name: 'Southern grid' },
  'cn-yrd': { subject: '華東', name: 'East China grid' },
  'cn-gba': { subject: '南方', name: 'Southern grid' },
};
const MEE = 'mee-provincial-grid-factors';
const MEE_FACTOR = '電力平均二氧化碳排放因子';

export function gridCarbon(f: Figures, market: Market): Fact {
  const p = f.get('owid-energy', iso3(market), 'carbon_intensity_elec', OWID_YEAR);
  const grid = CHINA_GRID[market.id];
  if (grid !== undefined) {
    const own = f.get(MEE, grid.subject, MEE_FACTOR, '2022');
    const national = f.get(MEE, '全國', MEE_FACTOR, '2022');
    return derived(
      'grid_carbon_g_kwh',
      { marketId: market.id },
      (p.number * own.number) / national.number,
      `value = OWID ${OWID_YEAR} China ${p.figure.value} gCO2e/kWh × MEE 2022 ${grid.name} factor ${own.figure.value} ÷ national factor ${national.figure.value} kgCO2/kWh`,
      [p, own, national],
      `China's lifecycle intensity scaled to the ${grid.name}, whose 2022 factor the MEE published (a press report of it; the official table was not read)`,
    );
  }
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

// What sites are scored on. The first three are derived by the engine from the policy timeline and
// the deploying company's profile, and the last (site capacity) from the site's own record, so they
// never have stored metric values; every other criterion has a sourced value or an explicit
// "missing" for every market (db/seed/metrics.ts).
import type { Criterion } from '../../shared/model/criteria';

type Draft = Omit<Criterion, 'sortOrder'>;

const drafts: readonly Draft[] = [
  {
    id: 'chip_legality',
    name: 'Chip legality',
    group: 'chip_legality',
    unit: 'score 0–1',
    direction: 'benefit',
    normalisation: 'max',
    derived: true,
    description:
      "Whether the company may run the accelerators it would accept for the chosen workload here on the chosen date: the best lawful option (or every chip, in 'all' mode), computed by the engine from the policy regimes in force. An absolute scale, never rescaled: 1 allowed, 0.75 with conditions, 0.4 licence required, 0.1 licence under a presumption of denial, 0 prohibited.",
  },
  {
    id: 'lawful_compute',
    name: 'Lawful compute',
    group: 'chip_legality',
    unit: 'TPP',
    direction: 'benefit',
    normalisation: 'max',
    derived: true,
    description:
      'Total processing performance (TPP, from the chip catalogue and its sources) of the strongest accelerator of the workload the company may run here without a licence on the chosen date; 0 when none may, missing when the lawful chips have no known TPP. Why Chinese labs train in Johor: at home the best they may run is an H20.',
  },
  {
    id: 'policy_churn',
    name: 'Policy churn',
    group: 'regulatory_stability',
    unit: 'weighted events',
    direction: 'cost',
    normalisation: 'minmax',
    derived: true,
    description:
      'How unsettled the binding rules touching this jurisdiction have been up to the chosen date (its own rules and foreign rules aimed at it): chip rules that set a status and data-centre siting rules, each weighted by severity (prohibited 1, licence presumed denied 0.8, licence required 0.6, conditions 0.4, relaxed to allowed 0.3, siting rule 0.5) × confidence (rule 1, announced 0.5, reported 0.25) × recency (halving every 548 days, about 18 months, from the day it took effect), summed. Events taking effect later do not count; informational entries, market investigations and press reports about usage never do. Computed by the engine from the policy timeline.',
  },
  {
    id: 'rq_percentile',
    name: 'Regulatory quality (WGI)',
    group: 'regulatory_stability',
    unit: 'percentile 0–100',
    direction: 'benefit',
    normalisation: 'minmax',
    derived: false,
    description:
      "World Bank Worldwide Governance Indicators, Regulatory Quality percentile rank (RQ.PER.RNK) of the market's country.",
  },
  {
    id: 'latency_hk_ms',
    name: 'Round trip to Hong Kong',
    group: 'connectivity',
    unit: 'ms',
    direction: 'cost',
    normalisation: 'minmax',
    derived: false,
    description:
      'Cloud-region to cloud-region round-trip time to Hong Kong (AWS matrix), a proxy for reach to South China users.',
  },
  {
    id: 'latency_sg_ms',
    name: 'Round trip to Singapore',
    group: 'connectivity',
    unit: 'ms',
    direction: 'cost',
    normalisation: 'minmax',
    derived: false,
    description:
      'Cloud-region to cloud-region round-trip time to Singapore (Azure P50 or AWS matrix), the regional hub.',
  },
  {
    id: 'subsea_cables',
    name: 'Subsea cables',
    group: 'connectivity',
    unit: 'cable systems',
    direction: 'benefit',
    normalisation: 'minmax',
    derived: false,
    description: 'International submarine cable systems landing in the market (or its country where stated).',
  },
  {
    id: 'power_price_usc_kwh',
    name: 'Power price',
    group: 'cost',
    unit: 'US¢/kWh',
    direction: 'cost',
    normalisation: 'minmax',
    derived: false,
    description: 'Electricity tariff for data centres or industrial users, in US cents per kWh.',
  },
  {
    id: 'build_cost_usd_w',
    name: 'Build cost',
    group: 'cost',
    unit: 'US$/W',
    direction: 'cost',
    normalisation: 'minmax',
    derived: false,
    description: 'Data-centre construction cost per watt of IT load (Turner & Townsend or Cushman & Wakefield).',
  },
  {
    id: 'land_cost_usd_m2',
    name: 'Land cost',
    group: 'cost',
    unit: 'US$/m²',
    direction: 'cost',
    normalisation: 'minmax',
    derived: false,
    description: 'Price of industrial land suitable for a data centre.',
  },
  {
    id: 'tax_incentive',
    name: 'Incentive tax rate',
    group: 'cost',
    unit: '% corporate tax',
    direction: 'cost',
    normalisation: 'minmax',
    derived: false,
    description: 'Corporate tax rate under the data-centre or zone incentive available to a new investment.',
  },
  {
    id: 'dc_capacity_mw',
    name: 'Operational capacity',
    group: 'power',
    unit: 'MW',
    direction: 'benefit',
    normalisation: 'minmax',
    derived: false,
    description:
      'Operational data-centre IT capacity in the market (Cushman & Wakefield definition where available; other definitions are not mixed in).',
  },
  {
    id: 'pipeline_mw',
    name: 'Pipeline',
    group: 'power',
    unit: 'MW',
    direction: 'benefit',
    normalisation: 'minmax',
    derived: false,
    description: 'Capacity under construction plus planned: room to get power and space soon.',
  },
  {
    id: 'vacancy_pct',
    name: 'Colocation vacancy',
    group: 'power',
    unit: '%',
    direction: 'benefit',
    normalisation: 'minmax',
    derived: false,
    description: 'Share of built colocation capacity not yet leased: capacity available to rent now.',
  },
  {
    id: 'grid_carbon_g_kwh',
    name: 'Grid carbon intensity',
    group: 'carbon',
    unit: 'gCO2/kWh',
    direction: 'cost',
    normalisation: 'minmax',
    derived: false,
    description:
      'Carbon intensity of grid electricity. Bases differ by source (lifecycle CO2e vs operating CO2); each value says which.',
  },
  {
    id: 'renewable_share_pct',
    name: 'Renewable share',
    group: 'carbon',
    unit: '%',
    direction: 'benefit',
    normalisation: 'minmax',
    derived: false,
    description: 'Share of electricity from renewable sources available to data centres in the market.',
  },
  {
    id: 'mean_temp_c',
    name: 'Mean temperature',
    group: 'water_climate',
    unit: '°C',
    direction: 'cost',
    normalisation: 'minmax',
    derived: false,
    description: 'Annual mean air temperature: cooler sites need less cooling energy and water.',
  },
  {
    id: 'water_stress',
    name: 'Water stress',
    group: 'water_climate',
    unit: 'WRI score 0–5',
    direction: 'cost',
    normalisation: 'minmax',
    derived: false,
    description: "WRI water-stress score of the market's country (0 low, 5 extremely high).",
  },
  // Last, so the sort orders of the criteria above stay as older seeds stored them.
  {
    id: 'site_capacity_mw',
    name: 'Site capacity',
    group: 'power',
    unit: 'MW',
    direction: 'benefit',
    normalisation: 'minmax',
    derived: true,
    description:
      "The site's own capacity, existing plus planned MW, as its record gives it (operator announcements and market reports, from the data build); missing when neither is known. Unlike Operational capacity (the whole market's), it tells a 5 MW suite from a 300 MW campus in the same market. Computed from the sites table, never stored as a metric value.",
  },
];

/** Sort order follows the list above, in steps of 10 so a user's own criterion can go between. */
export const seedCriteria: readonly Criterion[] = drafts.map((d, i) => ({ ...d, sortOrder: (i + 1) * 10 }));

// Built-in weight presets: the usual questions a siting committee asks, each as weights per
// criterion, a scoring method and the hard constraints that exclude a site outright.
import type { Preset } from '../../shared/model/presets';

/** Built-ins carry the date of the seed they came with, so a user's edit is always later. */
const SEEDED_AT = '2026-01-24T00:00:00.000Z';

export const seedPresets: readonly Preset[] = [
  {
    id: 'frontier-training',
    name: 'Frontier training',
    description:
      'Large clusters: the chips must be legal and the strongest lawful chip strong, power cheap and plentiful, capacity available at scale.',
    builtin: true,
    method: 'topsis',
    // Lawful compute: training goes where the strongest chip the company may run is (issue 11).
    // Regulatory stability keeps its 0.1, split evenly between churn (the changes our timeline
    // records) and the WGI regulatory-quality percentile (an outside view of the whole regulatory
    // system, which a timeline of chip and siting rules cannot see); the weights still sum to 1.
    weights: {
      chip_legality: 0.2,
      lawful_compute: 0.15,
      power_price_usc_kwh: 0.15,
      dc_capacity_mw: 0.1,
      pipeline_mw: 0.1,
      policy_churn: 0.05,
      rq_percentile: 0.05,
      build_cost_usd_w: 0.05,
      vacancy_pct: 0.05,
      renewable_share_pct: 0.05,
      grid_carbon_g_kwh: 0.025,
      mean_temp_c: 0.025,
    },
    constraints: [
      { kind: 'chips_legal', allow: ['allowed', 'conditional'] },
      // The site itself must reach 100 MW (existing + planned); the market's depth is weighed above.
      { kind: 'min', criterionId: 'site_capacity_mw', value: 100 },
    ],
    normalisation: 'criterion',
    updatedAt: SEEDED_AT,
  },
  {
    id: 'latency-inference',
    name: 'Latency-sensitive inference',
    description: 'Serving users in Southeast Asia and South China: short round trips and many cables first.',
    builtin: true,
    method: 'wsm',
    weights: {
      latency_hk_ms: 0.25,
      latency_sg_ms: 0.25,
      subsea_cables: 0.15,
      chip_legality: 0.2,
      vacancy_pct: 0.05,
      power_price_usc_kwh: 0.1,
    },
    constraints: [
      { kind: 'chips_legal', allow: ['allowed', 'conditional'] },
      { kind: 'max', criterionId: 'latency_hk_ms', value: 100 },
    ],
    normalisation: 'criterion',
    updatedAt: SEEDED_AT,
  },
  {
    id: 'cost-first',
    name: 'Cost first',
    description: 'Cheapest power, build and land, with tax incentives; chips may need a licence.',
    builtin: true,
    method: 'wsm',
    weights: {
      power_price_usc_kwh: 0.35,
      build_cost_usd_w: 0.25,
      land_cost_usd_m2: 0.15,
      tax_incentive: 0.1,
      chip_legality: 0.15,
    },
    constraints: [{ kind: 'chips_legal', allow: ['allowed', 'conditional', 'licence_required'] }],
    normalisation: 'criterion',
    updatedAt: SEEDED_AT,
  },
  {
    id: 'sovereignty-low-risk',
    name: 'Sovereignty / low risk',
    description: 'Stable rules and unconditional chip access matter more than price.',
    builtin: true,
    method: 'topsis',
    // Stability is close to half of this question (0.45): churn and the WGI measure both weigh, as in
    // every preset that weighs churn.
    weights: {
      chip_legality: 0.3,
      policy_churn: 0.25,
      rq_percentile: 0.2,
      water_stress: 0.1,
      dc_capacity_mw: 0.1,
      grid_carbon_g_kwh: 0.05,
    },
    constraints: [{ kind: 'chips_legal', allow: ['allowed'] }],
    normalisation: 'criterion',
    updatedAt: SEEDED_AT,
  },
];

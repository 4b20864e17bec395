// Market facts from market reports, operator announcements and statutes: build cost (US$/W), land
// cost (US$/m², as a low–high range), statutory tax incentive (% corporate tax), operational
// capacity, development pipeline (MW) and colocation vacancy (%). Market reports count as
// `measured`; a statute or regulator as `official`; a sum or unit conversion is `derived` with its
// formula; an approximate figure, a bound or a proxy is an `estimate` with its reasoning.
import type { Market } from '../../../shared/model/jurisdictions';
import { asPublished, derived, gap, type Fact, type Figures, type Picked } from '../figures';
import { estimated, qualified, ranged } from './market-helpers';

type Rule = (f: Figures, market: Market) => Fact;

/** A criterion's per-market rules; a market without one gets the gap reason (or a general one). */
function byMarket(criterionId: string, rules: Record<string, Rule>, gaps: Record<string, string>, what: string) {
  return (f: Figures, market: Market): Fact => {
    const rule = rules[market.id];
    if (rule !== undefined) return rule(f, market);
    return gap(
      criterionId,
      { marketId: market.id },
      gaps[market.id] ?? `No ${what} for ${market.name} in the sources read`,
    );
  };
}

const sum = (ps: readonly Picked[]): number => ps.reduce((a, p) => a + p.number, 0);
const terms = (ps: readonly Picked[]): string => ps.map((p) => p.figure.value).join(' + ');

// ---------------------------------------------------------------------------------------------
// Build cost (US$ per watt of IT load)

const BUILD = 'build_cost_usd_w';

/** C&W's mainland mid-spec cost, US$ per MW → US$ per W, for a hub without a city figure. */
function chinaBuild(f: Figures, market: Market, where: string): Fact {
  const p = f.get('cw-apac-dc-cost-guide-2025-china', 'Chinese Mainland', 'mid_spec_build_cost', '2025');
  return derived(
    BUILD,
    { marketId: market.id },
    p.number / 1e6,
    `US$${p.figure.value} per MW ÷ 1,000,000 W per MW = US$/W`,
    [p],
    `C&W mid-specification build cost for the Chinese mainland, 2025: a national figure, as no ${where} build cost was found (Turner & Townsend prices only Shanghai among mainland cities).`,
  );
}

export const buildCost = byMarket(
  BUILD,
  {
    sg: (f, m) =>
      asPublished(
        BUILD,
        { marketId: m.id },
        f.get('cremediaeurope-tt-dcci-2025', 'sg', 'dc_construction_cost', '2025'),
        'Turner & Townsend 2025 cost index (US$14.53/W to two decimals, Business Times); US$13.8/W in 2024.',
      ),
    'my-johor': (f, m) => {
      const kl = f.get('bt-tt-dcci-2025', 'Kuala Lumpur', 'dc_construction_cost', '2025');
      return estimated(
        BUILD,
        { marketId: m.id },
        kl.number,
        "Johor has no figure in Turner & Townsend's 2025 index; Kuala Lumpur is the only Malaysian market it prices, and build costs (labour, materials, imported plant) are largely national, so Johor is taken to cost the same as Kuala Lumpur",
        [kl],
        'Kuala Lumpur’s 2025 figure standing in for Johor (the one earlier seeded as "Malaysia, city not named").',
      );
    },
    'cn-jjj': (f, m) => chinaBuild(f, m, 'Beijing or Hebei'),
    'cn-nmg': (f, m) => chinaBuild(f, m, 'Inner Mongolia'),
    'cn-gz': (f, m) => chinaBuild(f, m, 'Guizhou'),
    'cn-nx': (f, m) => chinaBuild(f, m, 'Ningxia'),
    'cn-yrd': (f, m) =>
      asPublished(
        BUILD,
        { marketId: m.id },
        f.get('bt-tt-dcci-2025', 'Shanghai', 'dc_construction_cost', '2025'),
        'Turner & Townsend 2025 cost index, Shanghai (the city, not Jiangsu).',
      ),
    'cn-gba': (f, m) => chinaBuild(f, m, 'Guangdong'),
    'id-jakarta': (f, m) =>
      asPublished(
        BUILD,
        { marketId: m.id },
        f.get('bt-tt-dcci-2025', 'id-jakarta', 'dc_construction_cost', '2025'),
        'Turner & Townsend 2025 cost index, Jakarta.',
      ),
    'jp-tokyo': (f, m) =>
      asPublished(
        BUILD,
        { marketId: m.id },
        f.get('cremediaeurope-tt-dcci-2025', 'jp-tokyo', 'dc_construction_cost', '2025'),
        'Turner & Townsend 2025 cost index, the most expensive of its 52 markets.',
      ),
    'in-mumbai': (f, m) =>
      asPublished(
        BUILD,
        { marketId: m.id },
        f.get('realtynmore-tt-dcci-2025-mumbai', 'in-mumbai', 'dc_construction_cost', '2025'),
        'Turner & Townsend 2025 cost index, 51st of 52 markets (52nd is the cheapest).',
      ),
  },
  {
    'id-batam':
      'No build cost for Batam in the sources read (Turner & Townsend prices Jakarta, US$11.21/W, 2025; Batam is another market)',
    'au-sydney':
      'No Sydney figure in the sources read: C&W gives US$9.63m/MW for Australia as a whole (2025 guide, via Australian Property Journal), and Turner & Townsend’s Sydney figure was not found',
  },
  'build cost',
);

// ---------------------------------------------------------------------------------------------
// Land cost (US$ per m², low–high)

const LAND = 'land_cost_usd_m2';
const LAND_SRC = 'cw-apac-dc-cost-guide-2025-land';

/** The span of several clusters' land bands: lowest low to highest high, value at the midpoint. */
function clusterSpan(f: Figures, market: Market, clusters: readonly string[], note: string): Fact {
  const lows = clusters.map((c) => f.get(LAND_SRC, c, 'land_purchase_cost_low', '2025'));
  const highs = clusters.map((c) => f.get(LAND_SRC, c, 'land_purchase_cost_high', '2025'));
  const low = Math.min(...lows.map((p) => p.number));
  const high = Math.max(...highs.map((p) => p.number));
  return ranged(
    LAND,
    { marketId: market.id },
    { low, high },
    'derived',
    `low = min(${lows.map((p) => p.figure.value).join(', ')}) = ${low}; high = max(${highs.map((p) => p.figure.value).join(', ')}) = ${high} US$/m²; value = (low + high) ÷ 2`,
    lows.flatMap((p, i) => [p, highs[i] as Picked]),
    note,
  );
}

export const landCost = byMarket(
  LAND,
  {
    'my-johor': (f, m) =>
      clusterSpan(
        f,
        m,
        ['Kulai & Sedenak', 'Pulai / Nusajaya'],
        'Spans both data-centre land bands C&W prices in Johor (Kulai & Sedenak US$202–322/m², Pulai / Nusajaya US$306–393/m²); value is the midpoint. Sites in each band carry their own.',
      ),
    'jp-tokyo': (f, m) =>
      clusterSpan(
        f,
        m,
        ['Inzai', 'Saitama', 'Sagamihara', 'Kawasaki', 'Central Tokyo'],
        'Spans the five Greater Tokyo clusters C&W prices, from Inzai (US$752–1,754/m²) to Central Tokyo (US$7,519–15,038/m²); value is the midpoint, so a campus in Inzai pays far less.',
      ),
    'au-sydney': (f, m) =>
      asPublished(
        LAND,
        { marketId: m.id },
        f.get('apj-cw-cost-guide-2025-australia', 'Australia', 'site_purchase_cost'),
        'C&W 2025 site purchase cost as reported for Australia; the article does not say whether it is Sydney’s cluster figure or a national blend.',
      ),
  },
  {},
  'data-centre land price',
);

// ---------------------------------------------------------------------------------------------
// Statutory tax incentive (% corporate tax)

const TAX = 'tax_incentive';

export const taxIncentive = byMarket(
  TAX,
  {
    'my-johor': (f, m) =>
      asPublished(
        TAX,
        { marketId: m.id },
        f.get('reedsmith-js-sez-2025', 'my-johor', 'js_sez_corporate_tax_rate'),
        'Johor-Singapore SEZ (signed 2025-01-07): 5% corporate tax for up to 15 years on eligible new investment; DESAC incentives also apply.',
      ),
  },
  {
    'id-batam':
      'Batam is a free-trade zone (2009) and Nongsa Digital Park an SEZ (2021), but no tax rate is given in the sources read',
    hk: 'C&W calls Hong Kong the "lowest-taxed data-centre jurisdiction" but gives no rate; no statutory rate in the sources read',
    'th-eec':
      'BOI grants a corporate-tax exemption tied to PUE, water and skills plans, but the sources read give no rate or period',
  },
  'statutory data-centre tax rate',
);

// ---------------------------------------------------------------------------------------------
// Operational capacity (MW, market)

const CAP = 'dc_capacity_mw';

export const dcCapacity = byMarket(
  CAP,
  {
    sg: (f, m) =>
      asPublished(
        CAP,
        { marketId: m.id },
        f.get('gitex-cw-apac-2024', 'sg', 'operational_capacity', 'H1 2024'),
        'C&W operational IT capacity, H1 2024 (876 MW in H2 2022). IMDA counts >1.4 GW in >70 DCs (2024) on another basis; not mixed.',
      ),
    'my-johor': (f, m) =>
      asPublished(
        CAP,
        { marketId: m.id },
        f.get('cw-apac-dc-update-h2-2024-johor', 'my-johor', 'operational_capacity', 'H2 2024'),
        'C&W operational IT capacity, H2 2024. Knight Frank’s 5.8 GW (Q2 2025) is aggregate supply incl. pipeline; not mixed.',
      ),
    'cn-jjj': (f, m) => {
      const p = qualified(f, 'cw-apac-dc-update-h2-2023', 'Beijing', 'operational_capacity', 'H2 2023');
      return estimated(
        CAP,
        { marketId: m.id },
        p.number * 1000,
        `C&W gives Beijing "${p.figure.value} GW" (approximate), taken as ${p.number} GW × 1,000 = ${p.number * 1000} MW; Beijing city only, so the Hebei (Zhangjiakou) cluster is not in it`,
        [p],
        'About 2 GW operational in Beijing (C&W, H2 2023). Mainland China as a whole: 4,199 MW (H1 2024).',
      );
    },
    'cn-nmg': (f, m) => {
      const p = qualified(
        f,
        'goinnermongolia-green-computing-2025',
        'cn-nmg',
        'cluster_dc_power_consumption',
        '2025-Q1',
      );
      const hours = 90 * 24; // 1 Jan – 31 Mar 2025
      return estimated(
        CAP,
        { marketId: m.id },
        p.number / hours / 1000,
        `Proxy from energy: the cluster's data centres used ${p.figure.value} kWh in Q1 2025; ÷ ${hours} h (90 days × 24) = average draw in kW, ÷ 1,000 = MW. This is the facility's average electrical draw (cooling included), not installed IT capacity, which is larger than the IT share of average use`,
        [p],
        'Inner Mongolia hub cluster, average power drawn in Q1 2025; the region reports compute (126,000 PFLOPS, 2025), not MW.',
      );
    },
    'cn-yrd': (f, m) => {
      const p = qualified(f, 'shanghaidaily-cw-2021', 'cn-yrd', 'shanghai_market_capacity');
      return estimated(
        CAP,
        { marketId: m.id },
        p.number * 1000,
        `C&W (2021 global comparison) gives Shanghai "${p.figure.value} GW"; taken as ${p.number} GW × 1,000 MW, an upper bound ("nearly"); stale (2021) and Shanghai only, not Jiangsu`,
        [p],
        'Shanghai market capacity, 2021: the only Yangtze-delta capacity figure in the sources read.',
      );
    },
    hk: (f, m) =>
      asPublished(
        CAP,
        { marketId: m.id },
        f.get('cw-apac-dc-update-h2-2024-hk', 'hk', 'operational_capacity', 'H2 2024'),
        'C&W operational IT capacity, H2 2024.',
      ),
    'jp-tokyo': (f, m) =>
      asPublished(
        CAP,
        { marketId: m.id },
        f.get('cw-apac-dc-update-h1-2024-tokyo', 'jp-tokyo', 'operational_capacity', 'H1 2024'),
        'C&W operational IT capacity, H1 2024 (1,136 MW in H2 2024 via a Statista mirror, not used).',
      ),
    'in-mumbai': (f, m) =>
      asPublished(
        CAP,
        { marketId: m.id },
        f.get('cw-apac-dc-update-h1-2024-mumbai', 'in-mumbai', 'operational_capacity', 'H1 2024'),
        'C&W operational IT capacity, H1 2024.',
      ),
    'au-sydney': (f, m) =>
      asPublished(
        CAP,
        { marketId: m.id },
        f.get('cw-apac-dc-update-h1-2024-sydney', 'au-sydney', 'operational_capacity', 'H1 2024'),
        'C&W operational IT capacity, H1 2024.',
      ),
    'us-nova': (f, m) => {
      const p = f.get('cw-apac-dc-update-h2-2023', 'us-nova', 'operational_capacity', 'H2 2023');
      return derived(
        CAP,
        { marketId: m.id },
        p.number * 1000,
        `${p.figure.value} GW × 1,000 MW per GW = MW`,
        [p],
        'C&W operational IT capacity, H2 2023. Gridlas gives roughly 4,040 MW operating in 2025 (EIA/LBNL-based, another basis); not mixed.',
      );
    },
  },
  {
    'id-batam': 'Only campus build-outs are sourced for Batam (see pipeline), not operational MW',
    'cn-gz': "Guizhou's sources give data-centre counts and servers (Gui'an, 2022), not MW",
    'cn-nx': 'Zhongwei gives servers (2020) and a projected consumption (2.29 TWh), not operational MW',
    'cn-gba': 'Shaoguan gives racks (120,000 standard racks, 2025), not operational MW',
  },
  'operational data-centre capacity (MW)',
);

// ---------------------------------------------------------------------------------------------
// Development pipeline (MW under construction + planned)

const PIPE = 'pipeline_mw';

/** Under construction + planned, from one report's key indicators. */
function ucPlusPlanned(f: Figures, market: Market, sourceId: string, period: string, note: string): Fact {
  const uc = f.get(sourceId, market.id, 'under_construction_capacity', period);
  const pl = f.get(sourceId, market.id, 'planned_capacity', period);
  return derived(
    PIPE,
    { marketId: market.id },
    uc.number + pl.number,
    `${uc.figure.value} MW under construction + ${pl.figure.value} MW planned = MW`,
    [uc, pl],
    note,
  );
}

export const pipeline = byMarket(
  PIPE,
  {
    sg: (f, m) =>
      asPublished(
        PIPE,
        { marketId: m.id },
        f.get('cw-apac-dc-update-h2-2022-sg', 'sg', 'under_construction_and_planned_capacity', 'H2 2022'),
        'C&W under construction + planned, H2 2022: stale. Policy since adds ≥300 MW near term plus ~200 MW for green energy (IMDA, 2024) and ≥200 MW (DC-CFA2, 2025); not added, as the bases differ.',
      ),
    'my-johor': (f, m) =>
      ucPlusPlanned(
        f,
        m,
        'cw-apac-dc-update-h2-2024-johor',
        'H2 2024',
        'C&W, H2 2024 (the report text rounds it to "approximately 1,046 MW"). The state had approved 51 projects by Nov 2025.',
      ),
    'id-batam': (f, m) => {
      const ps = ['PDG', 'BW', 'NeutraDC', 'DayOne/INA', 'GDG'].map((op) =>
        f.get('techstories-batam-loan-2025', `${op} (Batam)`, 'campus_build_out', '2024-25'),
      );
      return derived(
        PIPE,
        { marketId: m.id },
        sum(ps),
        `sum of announced campus build-outs: ${terms(ps)} MW (PDG, BW, NeutraDC, DayOne/INA, GDG)`,
        ps,
        'May include capacity already live; government target 150–400 MW (2022).',
      );
    },
    hk: (f, m) => ucPlusPlanned(f, m, 'cw-apac-dc-update-h2-2024-hk', 'H2 2024', 'C&W, H2 2024.'),
    'jp-tokyo': (f, m) =>
      ucPlusPlanned(
        f,
        m,
        'cw-apac-dc-update-h1-2024-tokyo',
        'H1 2024',
        'C&W, H1 2024 (223 + 1,568 in H2 2024 via a Statista mirror, not used).',
      ),
    'in-mumbai': (f, m) =>
      ucPlusPlanned(
        f,
        m,
        'cw-apac-dc-update-h1-2024-mumbai',
        'H1 2024',
        'C&W, H1 2024. Business Standard: 335 MW under construction at end-2024.',
      ),
    'au-sydney': (f, m) => ucPlusPlanned(f, m, 'cw-apac-dc-update-h1-2024-sydney', 'H1 2024', 'C&W, H1 2024.'),
  },
  {
    'th-eec':
      'C&W reports planned capacity up 193% in H1 2025 and 36 projects applied for in 2025 (728B baht), but no market MW figure; single BOI approvals are not a pipeline',
    'us-nova':
      'Dominion Energy’s contracted data-centre demand exceeds 21 GW (Jul 2024): a demand figure, not a build pipeline',
  },
  'development pipeline (MW)',
);

// ---------------------------------------------------------------------------------------------
// Colocation vacancy (%)

const VAC = 'vacancy_pct';

export const vacancy = byMarket(
  VAC,
  {
    'my-johor': (f, m) =>
      asPublished(
        VAC,
        { marketId: m.id },
        f.get('cw-apac-dc-update-h2-2024-johor', 'my-johor', 'colo_vacancy', 'H2 2024'),
        'C&W colocation vacancy, H2 2024; Knight Frank gives 1.1% (Q2 2025).',
      ),
    hk: (f, m) =>
      asPublished(
        VAC,
        { marketId: m.id },
        f.get('cw-apac-dc-update-h2-2024-hk', 'hk', 'vacancy', 'H2 2024'),
        'C&W vacancy, H2 2024.',
      ),
    'jp-tokyo': (f, m) =>
      asPublished(
        VAC,
        { marketId: m.id },
        f.get('cw-apac-dc-update-h1-2024-tokyo', 'jp-tokyo', 'colo_vacancy', 'H1 2024'),
        'C&W colocation vacancy, H1 2024.',
      ),
    'us-nova': (f, m) => {
      const p = qualified(f, 'cw-apac-dc-update-h2-2023', 'us-nova', 'colo_vacancy', 'H2 2023');
      const fact = estimated(
        VAC,
        { marketId: m.id },
        p.number / 2,
        `C&W gives vacancy "${p.figure.value}%", a bound: the value lies between 0 and ${p.number}%, taken at the midpoint`,
        [p],
        'The source says vacancy is below 1%; value is the midpoint of 0–1.',
      );
      return { ...fact, low: 0, high: p.number };
    },
  },
  {},
  'colocation vacancy',
);

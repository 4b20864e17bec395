// Market facts from market reports, operator announcements and statutes: build cost (US$/W), land
// cost (US$/m², as a low–high range), statutory tax incentive (% corporate tax), operational
// capacity, development pipeline (MW) and colocation vacancy (%). Market reports count as
// `measured`; a statute or regulator as `official`; a sum or unit conversion is `derived` with its
// formula; an approximate figure, a bound or a proxy is an `estimate` with its reasoning.
import type { Market } from '../../../shared/model/jurisdictions';
import { asPublished, derived, gap, type Fact, type Figures, type Picked, type Place } from '../figures';
import { estimated, qualified, ranged } from './market-helpers';
import { isNational, iso3 } from './places';

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
    hk: (f, m) =>
      asPublished(
        BUILD,
        { marketId: m.id },
        f.get('vir-cw-cost-guide-2023', 'Hong Kong', 'construction_cost', '2023/2024 guide'),
        'C&W Data Centre Construction Cost Guide 2023/2024 (mid-specification build), 4th most expensive in Asia Pacific then; the 2025 guide’s Hong Kong figure was not in the stored pages. Stale by one edition.',
      ),
    'au-sydney': (f, m) => {
      const p = f.get('apj-cw-cost-guide-2025-australia', 'Australia', 'build_cost_regional', '2025 guide');
      return derived(
        BUILD,
        { marketId: m.id },
        p.number,
        `US$${p.figure.value} million per MW × 1,000,000 ÷ 1,000,000 W per MW = US$/W`,
        [p],
        'C&W 2025 guide’s regional build cost for Australia: a national figure, as no Sydney figure was found (Turner & Townsend’s Sydney figure was not in the stored reports).',
      );
    },
  },
  {
    'id-batam':
      'No build cost for Batam in the sources read (Turner & Townsend prices Jakarta, US$11.21/W, 2025; Batam is another market)',
    'th-eec':
      'No Thai build cost in the sources read (C&W’s guide prices Bangkok, but its Bangkok page was not among the stored pages; Turner & Townsend’s Bangkok figure was not found)',
    'us-nova':
      'No Northern Virginia build cost in the sources read (Turner & Townsend’s index prices US markets, but the stored reports name only Silicon Valley and New Jersey among them)',
  },
  'build cost',
);

// ---------------------------------------------------------------------------------------------
// Land cost (US$ per m², low–high)

const LAND = 'land_cost_usd_m2';
const LAND_SRC = 'cw-apac-dc-cost-guide-2025-land';

/** The span of several clusters' land bands: lowest low to highest high, value at the midpoint. */
function clusterSpan(f: Figures, market: Market | Place, clusters: readonly string[], note: string): Fact {
  const lows = clusters.map((c) => f.get(LAND_SRC, c, 'land_purchase_cost_low', '2025'));
  const highs = clusters.map((c) => f.get(LAND_SRC, c, 'land_purchase_cost_high', '2025'));
  const low = Math.min(...lows.map((p) => p.number));
  const high = Math.max(...highs.map((p) => p.number));
  return ranged(
    LAND,
    'id' in market ? { marketId: market.id } : market,
    { low, high },
    'derived',
    `low = min(${lows.map((p) => p.figure.value).join(', ')}) = ${low}; high = max(${highs.map((p) => p.figure.value).join(', ')}) = ${high} US$/m²; value = (low + high) ÷ 2`,
    lows.flatMap((p, i) => [p, highs[i] as Picked]),
    note,
  );
}

const NOVA_LAND = 'datacenterfrontier-nova-land-2021';
/** The international acre, exactly (4,840 square yards of 0.9144 m). */
const M2_PER_ACRE = 4046.8564224;

/** C&W's mainland-China average land price, for the two cities its guide prices on the mainland. */
function mainlandLand(f: Figures, market: Market, city: string): Fact {
  const p = qualified(f, 'vir-cw-cost-guide-2023', 'Mainland China', 'average_land_price', '2023/2024 guide');
  return estimated(
    LAND,
    { marketId: market.id },
    p.number,
    `C&W gives the Chinese mainland's average data-centre land price as "${p.figure.value}" US$/m², taken as ${p.number} (an upper bound, "${p.qualifier}"). The guide's mainland cities are Beijing and Shanghai (the 2025 edition prices only these two), so the average stands in for ${city}; it is a national average, not a ${city} cluster price`,
    [p],
    `Mainland average (C&W guide 2023/2024) standing in for ${city}; stale by one edition.`,
  );
}

const MAINLAND_LAND_GAP =
  'No land price for this hub in the sources read: C&W’s mainland average (just under US$3,000/m², 2023/2024 guide) is drawn from Beijing and Shanghai and would overstate land in the inland and western hubs';

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
    sg: (f, m) =>
      asPublished(
        LAND,
        { marketId: m.id },
        f.get('vir-cw-cost-guide-2023', 'Singapore', 'average_land_price', '2023/2024 guide'),
        'C&W Data Centre Construction Cost Guide 2023/2024: Singapore’s average data-centre land price, the highest in Asia Pacific then; the 2025 guide’s Singapore cluster rows were not in the stored pages.',
      ),
    hk: (f, m) =>
      asPublished(
        LAND,
        { marketId: m.id },
        f.get('vir-cw-cost-guide-2023', 'Hong Kong', 'average_land_price', '2023/2024 guide'),
        'C&W Data Centre Construction Cost Guide 2023/2024: Hong Kong’s average data-centre land price; the 2025 guide’s Hong Kong cluster rows were not in the stored pages.',
      ),
    'us-nova': (f, m) => {
      const pw = qualified(f, NOVA_LAND, 'Prince William County (AWS, Gainesville)', 'land_price_per_acre', '2021');
      const ash = qualified(f, NOVA_LAND, 'Loudoun County (Ashburn, Data Center Alley)', 'land_price_per_acre', '2021');
      const low = pw.number / M2_PER_ACRE;
      const high = ash.number / M2_PER_ACRE;
      return ranged(
        LAND,
        { marketId: m.id },
        { low: Number(low.toPrecision(6)), high: Number(high.toPrecision(6)) },
        'estimate',
        `US$ per acre ÷ ${M2_PER_ACRE} m² per acre: low = ${pw.figure.value} ÷ ${M2_PER_ACRE} = ${low.toFixed(2)} (a Prince William County purchase, "${pw.qualifier}"), high = ${ash.figure.value} ÷ ${M2_PER_ACRE} = ${high.toFixed(2)} US$/m² (Ashburn's Data Center Alley, a lower bound: "${ash.qualifier}"); value = (low + high) ÷ 2. Two submarkets' transaction prices stand for the market's range; stale (2021)`,
        [pw, ash],
        'Northern Virginia data-centre land from Prince William (cheaper) to Ashburn (dearer), 2021 trade-press prices; the Ashburn site sits at the dear end.',
      );
    },
    'cn-jjj': (f, m) => mainlandLand(f, m, 'Beijing'),
    'cn-yrd': (f, m) => mainlandLand(f, m, 'Shanghai'),
  },
  {
    'cn-nmg': MAINLAND_LAND_GAP,
    'cn-gz': MAINLAND_LAND_GAP,
    'cn-nx': MAINLAND_LAND_GAP,
    'cn-gba': MAINLAND_LAND_GAP,
  },
  'data-centre land price',
);

// ---------------------------------------------------------------------------------------------
// Statutory tax incentive (% corporate tax)
//
// The corporate income tax rate a data-centre operator pays: a statutory special rate where a source
// states one for data centres (Johor's JS-SEZ), else the headline statutory rate (Tax Foundation,
// 2025). Incentives granted case by case (tax holidays, reduced rates for qualifying firms) are named
// in the note but not modelled, as no source read states the rate a data centre gets.

const TAX = 'tax_incentive';
const TAX_SRC = 'taxfoundation-corporate-tax-rates-2025';

/** The Tax Foundation's 2025 statutory rate for the market's country, as published. */
function headlineRate(unmodelled: string): Rule {
  return (f, m) => {
    const p = f.get(TAX_SRC, iso3(m), 'statutory_corporate_income_tax_rate', '2025');
    const national = isNational(m) ? '' : `, the national rate for ${m.country}`;
    return asPublished(
      TAX,
      { marketId: m.id },
      p,
      `Statutory corporate income tax rate ${p.figure.value}%${national} (Tax Foundation 2025, ${p.figure.location}).${unmodelled ? ` ${unmodelled}` : ''}`,
    );
  };
}

const CHINA_TAX =
  'Not modelled: the 15% rate for certified high- and new-technology enterprises, which a data-centre operator may or may not hold; no source read states a data-centre rate.';
const CHINA_WEST_TAX =
  'Not modelled: the 15% Western Development rate for encouraged industries in the western provinces and the 15% high- and new-technology enterprise rate; no source read states which data centres qualify.';

export const taxIncentive = byMarket(
  TAX,
  {
    // The Johor-Singapore SEZ's 5% rate is for listed sectors (AI and quantum supply-chain
    // manufacturing, medical devices, pharmaceuticals, aerospace, global services), which do not
    // name data centres: taking it as a data centre's rate would credit Johor with an incentive its
    // sources do not give one (analyst review, issue 13).
    'my-johor': headlineRate(
      "Not modelled: the Johor-Singapore SEZ's 5% rate (signed 2025-01-07, Reed Smith 2025) covers listed sectors that do not include data centres; MIDA's green data-centre incentives are granted case by case.",
    ),
    sg: headlineRate(
      "Not modelled: EDB's Pioneer and Development & Expansion incentives (reduced rates granted case by case).",
    ),
    hk: headlineRate(
      'The two-tier regime taxes the first HK$2 million of profit at half this rate; C&W calls Hong Kong the "lowest-taxed data-centre jurisdiction".',
    ),
    'id-jakarta': headlineRate('Not modelled: tax holidays and allowances granted case by case to pioneer industries.'),
    'id-batam': headlineRate(
      'Not modelled: Batam is a free-trade zone (2009) and Nongsa Digital Park an SEZ (2021), whose tax holidays are granted case by case; no source read states the rate a data centre gets.',
    ),
    'cn-jjj': headlineRate(CHINA_TAX),
    'cn-yrd': headlineRate(CHINA_TAX),
    'cn-gba': headlineRate(CHINA_TAX),
    'cn-nmg': headlineRate(CHINA_WEST_TAX),
    'cn-gz': headlineRate(CHINA_WEST_TAX),
    'cn-nx': headlineRate(CHINA_WEST_TAX),
    'th-eec': headlineRate(
      'Not modelled: BOI grants promoted data-centre projects a corporate-tax exemption for a number of years (capped, tied to PUE, water and skills plans; 5-8 years outside the EEC, fewer inside, after the 2025 revision), after which this rate applies.',
    ),
    'jp-tokyo': headlineRate('Combined national and local rate.'),
    'in-mumbai': headlineRate(
      'Excludes surcharge and cess; not modelled: the optional 22% regime (section 115BAA) and data-centre measures announced in 2026.',
    ),
    'au-sydney': headlineRate(''),
    'us-nova': headlineRate(
      "Federal 21% plus the average of state rates (deductible), not Virginia's own rate; not modelled: Virginia's sales-and-use-tax exemption for data-centre equipment (not an income tax).",
    ),
  },
  {},
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
        f.get('cw-sg-dc-update-h1-2023', 'sg', 'under_construction_and_planned_capacity', 'H1 2023'),
        'C&W under construction + planned, H1 2023 (press release of 25 Aug 2023; 170 MW in H2 2022); no later C&W Singapore figure was found. Policy since adds ≥300 MW near term plus ~200 MW for green energy (IMDA, 2024) and ≥200 MW (DC-CFA2, 2025); not added, as the bases differ.',
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
    'th-eec': (f, m) =>
      ucPlusPlanned(
        f,
        m,
        'realestateasia-cw-bangkok-h1-2025',
        'H1 2025',
        'C&W’s Bangkok market, H1 2025 (46 + 186 MW in H2 2024); whether its Eastern Seaboard campuses are counted is not stated.',
      ),
    'cn-jjj': (f, m) =>
      asPublished(
        PIPE,
        { marketId: m.id },
        f.get('mingtiandi-cw-colo-pipeline-h2-2024', 'Beijing', 'colocation_pipeline', 'H2 2024'),
        'C&W’s colocation pipeline (under construction + late-stage planned) for Beijing city, H2 2024; excludes hyperscale self-builds and the Hebei (Zhangjiakou) cluster.',
      ),
  },
  {
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
    sg: (f, m) =>
      asPublished(
        VAC,
        { marketId: m.id },
        f.get('cw-gdcmc-2024-sg-release', 'sg', 'colo_vacancy', '2024'),
        'C&W colocation vacancy (2024 Global Data Center Market Comparison), the region’s lowest; 2% in H2 2022.',
      ),
    'in-mumbai': (f, m) =>
      asPublished(
        VAC,
        { marketId: m.id },
        f.get('cw-apac-dc-update-h1-2025-mumbai', 'in-mumbai', 'colo_vacancy', 'H1 2025'),
        'C&W colocation vacancy, H1 2025 (6% in H2 2024; 28% in H2 2023).',
      ),
    'au-sydney': (f, m) =>
      asPublished(
        VAC,
        { marketId: m.id },
        f.get('wmedia-cw-sydney-h2-2024', 'au-sydney', 'colo_vacancy', 'H2 2024'),
        'C&W vacancy for Sydney, H2 2024, as summarised by W.Media in its interview with C&W.',
      ),
    'th-eec': (f, m) =>
      asPublished(
        VAC,
        { marketId: m.id },
        f.get('realestateasia-cw-bangkok-h1-2025', 'th-eec', 'colo_vacancy', 'H1 2025'),
        'C&W vacancy for the Bangkok market, H1 2025 (24% in H2 2024); whether its Eastern Seaboard campuses are counted is not stated.',
      ),
    'id-jakarta': (f, m) => {
      const lo = f.get('idnfinancials-jll-indonesia-occupancy-2025', 'Indonesia', 'dc_occupancy_rate_low');
      const hi = f.get('idnfinancials-jll-indonesia-occupancy-2025', 'Indonesia', 'dc_occupancy_rate_high');
      return ranged(
        VAC,
        { marketId: m.id },
        { low: 100 - hi.number, high: 100 - lo.number },
        'estimate',
        `vacancy = 100% − occupancy: low = 100 − ${hi.figure.value} = ${100 - hi.number}%, high = 100 − ${lo.figure.value} = ${100 - lo.number}%; value = (low + high) ÷ 2. JLL's figure is Indonesia's national average occupancy, taken for Greater Jakarta, where most of the country's capacity is`,
        [lo, hi],
        'Estimate from JLL’s national occupancy (60–70%, February 2025); no Jakarta vacancy was found in the sources read.',
      );
    },
  },
  {
    'id-batam':
      'No vacancy for Batam in the sources read (C&W counts it among emerging markets, whose vacancy averages about 22% in H1 2025 - a group figure, not Batam’s)',
    'cn-jjj':
      'No Beijing or Hebei vacancy in the sources read (C&W gives vacancy for its APAC powerhouse markets only as a group average)',
    'cn-yrd': 'No Shanghai vacancy in the sources read',
  },
  'colocation vacancy',
);

/** Johor's sites each lie in one of C&W's two land bands, finer than the market's span. */
/**
 * Sites whose own C&W land band is narrower than their market's span: the Johor clusters, and Inzai
 * (Tokyo's span runs from Inzai to Central Tokyo, six times Inzai's own prices). Campuses take the
 * band of the estate their source places them in; Bridge MY07 (Ulu Tiram), Stack (Johor Bahru) and
 * Tokyo's Koto site are in no band the guide prices, so they keep the market's span.
 */
const SITE_LAND_BANDS: Readonly<Record<string, { band: string; where: string }>> = {
  'my-kulai': { band: 'Kulai & Sedenak', where: 'Johor' },
  'my-sedenak': { band: 'Kulai & Sedenak', where: 'Johor' },
  'my-microsoft-ebp6-kulai': { band: 'Kulai & Sedenak', where: 'Johor' },
  'my-bdc-my06': { band: 'Kulai & Sedenak', where: 'Johor' },
  'my-vantage-jhb1': { band: 'Kulai & Sedenak', where: 'Johor' },
  'my-pdg-jh1': { band: 'Kulai & Sedenak', where: 'Johor' },
  'my-pulai': { band: 'Pulai / Nusajaya', where: 'Johor' },
  'my-nusajaya': { band: 'Pulai / Nusajaya', where: 'Johor' },
  'my-equinix-jh1': { band: 'Pulai / Nusajaya', where: 'Johor' },
  'my-airtrunk-jhb1': { band: 'Pulai / Nusajaya', where: 'Johor' },
  'my-airtrunk-jhb2': { band: 'Pulai / Nusajaya', where: 'Johor' },
  'my-airtrunk-jhb3-4': { band: 'Pulai / Nusajaya', where: 'Johor' },
  'my-tm-nxera-johor': { band: 'Pulai / Nusajaya', where: 'Johor' },
  'my-stt-johor': { band: 'Pulai / Nusajaya', where: 'Johor' },
  'my-logos-gerbang-nusajaya': { band: 'Pulai / Nusajaya', where: 'Johor' },
  'jp-inzai': { band: 'Inzai', where: 'Tokyo' },
  'jp-mc-digital-realty-inzai': { band: 'Inzai', where: 'Tokyo' },
};

/** Site-level land facts: each listed site's own band (low–high, value at the midpoint). */
export function siteLand(f: Figures): Fact[] {
  return Object.entries(SITE_LAND_BANDS).map(([siteId, { band, where }]) =>
    clusterSpan(f, { siteId }, [band], `C&W's ${band} band, ${where} (Cost Guide 2025, p.22); value is the midpoint.`),
  );
}

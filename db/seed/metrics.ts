// Market-level facts from section B of the reference, one per (market, criterion), each with its
// source and as-of date (see sources.ts for how as-of is chosen). Every other (market, non-derived
// criterion) pair gets an explicit missing value with the reason, so the matrix is complete and a
// gap is never read as a zero. A few site-level values override their market's where the source
// is finer-grained (Johor land prices).
import type { Fact } from '../data-build/figures';
import { METHOD_NOT_RECORDED, type HowObtained, type MetricValue } from '../../shared/model/facts';
import derivedMetrics from './derived-metrics.json';
import type { Source } from '../../shared/schemas';
import { seedCriteria } from './criteria';
import { seedMarkets } from './markets';
import {
  AZURE_LATENCY,
  BATAM_LOAN,
  CHINA_POWER_PRICE,
  CLOUDPING,
  CW_COST_GUIDE_CHINA,
  CW_COST_GUIDE_JOHOR_LAND,
  CW_COST_GUIDE_TARIFFS,
  CW_H1_2024,
  CW_H1_2024_MUMBAI,
  CW_H1_2024_SYDNEY,
  CW_H2_2022,
  CW_H2_2023,
  CW_H2_2023_HK,
  CW_H2_2024,
  CW_H2_2024_HK,
  GITEX_APAC_2024,
  OWID_CARBON,
  REFERENCE_COMPILED,
  THAILAND_BOI,
  THAILAND_PIPELINE,
  WPR_WATER_STRESS,
} from './sources';

export const NO_SOURCE = 'No source found (reference data, 2025)';

interface Range {
  low: number;
  high: number;
}

type Where = { marketId: string } | { siteId: string };

function known(
  where: Where,
  criterionId: string,
  value: number,
  source: Source,
  note: string,
  range?: Range,
  how: HowObtained = METHOD_NOT_RECORDED, // temporary default until each typed value states its method
): MetricValue {
  return {
    kind: 'known',
    criterionId,
    marketId: 'marketId' in where ? where.marketId : null,
    siteId: 'siteId' in where ? where.siteId : null,
    value,
    low: range?.low ?? null,
    high: range?.high ?? null,
    ...how,
    source,
    note,
  };
}

function missing(marketId: string, criterionId: string, reason: string, source: Source | null = null): MetricValue {
  return { kind: 'missing', criterionId, marketId, siteId: null, missingReason: reason, source, note: '' };
}

/** A range the source gives: the value is its midpoint, the range is kept as low/high. */
function ranged(where: Where, criterionId: string, range: Range, source: Source, note: string): MetricValue {
  return known(where, criterionId, (range.low + range.high) / 2, source, note, range);
}

const m = (marketId: string): Where => ({ marketId });

// Sources used once or twice here only.
const ST_CABLES: Source = {
  title: 'The Register: Singapore to double submarine cable landings',
  url: 'https://www.theregister.com/2023/06/07/singapore_to_double_submarine_cable/',
  asOf: '2023-06-07',
};
const TT_2025_SG: Source = {
  title: 'CRE Media Europe: AI boom strains data centre construction, costs rise (Turner & Townsend 2025)',
  url: 'https://www.cremediaeurope.com/news/ai-boom-strains-data-centre-construction-costs-rise~0QkR7oHK/',
  asOf: '2025-12-31',
};
const EMA_GRID: Source = {
  title: 'EMA Singapore Energy Statistics 2018: other energy-related statistics (grid emission factor)',
  url: 'https://www.ema.gov.sg/cmsmedia/Publications_and_Statistics/Publications/ses/2018/other-energy-related-statistics/index.html',
  asOf: '2017-12-31',
};
const SG_CLIMATE: Source = {
  title: 'CUNY OpenLab: Singapore geography',
  url: 'https://openlab.citytech.cuny.edu/singaporebuf3300/geography',
  asOf: REFERENCE_COMPILED,
};
const WRI_2013: Source = {
  title: 'Water Technology: WRI creates first-ever global water stress rankings by country',
  url: 'https://www.watertechonline.com/home/article/15543880/wri-creates-first-ever-global-water-stress-rankings-by-country',
  asOf: '2013-12-31',
};
const MY_TARIFF: Source = {
  title: 'The Edge Malaysia: TNB tariff structure from 1 July 2025',
  url: 'https://theedgemalaysia.com/node/741680',
  asOf: '2025-07-01',
};
const TT_2025_MY: Source = {
  title: 'Dailymotion: Turner & Townsend Data Centre Cost Index 2025, Malaysia',
  url: 'https://www.dailymotion.com/video/x9va8sq',
  asOf: '2025-12-31',
};
const MY_CABLES: Source = {
  title: 'Malay Mail: four new undersea cables for Malaysia, communications minister tells Dewan Negara',
  url: 'https://www.malaymail.com/news/malaysia/2022/03/24/in-dewan-negara-communications-minister-says-four-new-undersea-cables-to-me/2049291',
  asOf: '2022-03-24',
};
const MY_MIX: Source = {
  title: 'Low-Carbon Power: Malaysia electricity generation mix',
  url: 'https://lowcarbonpower.org/region/Malaysia',
  asOf: '2023-12-31',
};
const JOHOR_WATER: Source = {
  title: 'Malay Mail: amid fears of a water crisis by 2030, Johor sets up a committee to vet data centres',
  url: 'https://www.malaymail.com/news/malaysia/2025/08/19/amid-fears-of-water-crisis-by-2030-johor-govt-sets-up-special-committee-to-vet-data-centres-impact-on-demand/188139',
  asOf: '2025-08-19',
};
const JS_SEZ: Source = {
  title: 'Reed Smith: Johor-Singapore Special Economic Zone, a rising cross-border hub for data centers',
  url: 'https://www.reedsmith.com/fr/perspectives/data-centers-bytes-and-rights/2025/06/johor-singapore-special-economic-zone-rising-cross-border-hub-data-centers',
  asOf: '2025-01-07',
};
const BATAM_CABLES: Source = {
  title: 'The Straits Times: data centres eyeing Batam as new digital hotspot',
  url: 'https://www.straitstimes.com/asia/se-asia/data-centres-eyeing-batam-as-new-digital-hotspot',
  asOf: '2021-12-31',
};
const BATAM_SEZ: Source = {
  title: 'ASEAN Briefing: Batam receives two new special economic zones',
  url: 'https://www.aseanbriefing.com/news/indonesias-batam-receives-two-new-special-economic-zones/',
  asOf: '2021-06-12',
};
const HOHHOT_2015: Source = {
  title: 'China Daily: Inner Mongolia (Hohhot) power price and climate for data centres',
  url: 'https://global.chinadaily.com.cn/m/innermongolia/2015-03/28/content_19948300.htm',
  asOf: '2015-03-28',
};
const NMG_GREEN: Source = {
  title: 'Go Inner Mongolia: green power share and computing power of the Inner Mongolia hub',
  url: 'http://www.goinnermongolia.com.cn/2025-07/14/c_1105588.htm',
  asOf: '2025-03-31',
};
const GUIZHOU_CLIMATE: Source = {
  title: 'Globibo: data centres in Guizhou',
  url: 'https://www.globibo.com/media/tag/data-center/',
  asOf: '2017-12-31',
};
const NINGXIA_2020: Source = {
  title: 'China Culture Center (cccweb): Zhongwei, Ningxia data-centre cluster',
  url: 'http://en.cccweb.org/2020-11/16/content_1486339_2.htm',
  asOf: '2020-11-16',
};
const TT_2025_TOKYO: Source = {
  title: 'Third News: Turner & Townsend Data Centre Cost Index 2025, Tokyo',
  url: 'https://third-news.com/article/4be0c3ea-ba14-11f0-982f-9ca3ba0a67df',
  asOf: '2025-12-31',
};
const JAPAN_CO2: Source = {
  title: "Argus Media: Japan's power sector cuts CO2 emissions in 2023-24",
  url: 'https://argusmedia.com/zh/news-and-insights/latest-market-news/2616297-japan-s-power-sector-cuts-co2-emissions-in-2023-24',
  asOf: '2024-03-31',
};
const TT_2025_MUMBAI: Source = {
  title: 'Realty n More: Turner & Townsend Data Centre Cost Index 2025, Mumbai',
  url: 'https://realtynmore.com/?p=104403',
  asOf: '2025-12-31',
};
const INDIA_CABLES: Source = {
  title: 'Economic Times (via Newszop): subsea cable companies seek decongestion of Mumbai landing spot',
  url: 'https://7667.read.newszop.com/english-news/publisher-et/top-news/subsea-cable-companies-seek-decongestion-of-mumbai-landing-spot/articleshow/14504820e48a1191d159ee353df78e155d4d6e95',
  asOf: '2025-12-31',
};
const DOMINION: Source = {
  title: 'DatacenterDynamics: data centers could cause Virginia energy prices to rise 75 percent this decade',
  url: 'https://www.datacenterdynamics.com/en/news/data-centers-could-cause-virginia-energy-prices-to-rise-75-percent-this-decade-report/',
  asOf: '2024-07-31',
};

const NOT_CONVERTED = 'not converted to US¢ because the reference gives no dated exchange rate';
const CLOUDPING_UNDATED = 'cloudping is a live page with no snapshot date';
const CAVEAT_6 = 'Not found for this country (reference caveat 6: grid-intensity values are blank here)';
const CN_NO_LATENCY = 'No round-trip source from mainland Chinese regions to Hong Kong or Singapore in the reference';
const CN_POWER =
  'Mainland China average industrial price US$0.088/kWh (2024) × 100 = 8.8 US¢/kWh; a national average, not a regional tariff.';
const CN_BUILD = 'Mainland China mid-spec build cost US$7.11M per MW (2025) = US$7.11/W; national figure.';
const CN_CARBON = 'Mainland China 2023, lifecycle CO2e (OWID); national figure.';

/** Facts for the mainland Chinese hubs that the reference gives only nationally. */
function chinaNational(marketId: string, withPower: boolean): MetricValue[] {
  return [
    ...(withPower ? [known(m(marketId), 'power_price_usc_kwh', 8.8, CHINA_POWER_PRICE, CN_POWER)] : []),
    known(m(marketId), 'build_cost_usd_w', 7.11, CW_COST_GUIDE_CHINA, CN_BUILD),
    known(m(marketId), 'grid_carbon_g_kwh', 582, OWID_CARBON, CN_CARBON),
    missing(marketId, 'latency_hk_ms', CN_NO_LATENCY),
    missing(marketId, 'latency_sg_ms', CN_NO_LATENCY),
  ];
}

export const sourcedMetricValues: readonly MetricValue[] = [
  // Singapore
  known(
    m('sg'),
    'dc_capacity_mw',
    985,
    GITEX_APAC_2024,
    'C&W operational IT capacity, H1 2024 (876 MW in H2 2022). IMDA counts >1.4 GW in >70 DCs (2024) on another basis; not mixed.',
  ),
  known(
    m('sg'),
    'pipeline_mw',
    170,
    CW_H2_2022,
    'C&W under construction + planned, H2 2022. Policy since adds ≥300 MW near term plus ~200 MW for green energy (IMDA roadmap, 2024) and ≥200 MW (DC-CFA2, 2025); not added, as the bases differ.',
  ),
  known(
    m('sg'),
    'power_price_usc_kwh',
    19.19,
    CW_COST_GUIDE_TARIFFS,
    'Data-centre power tariff, Nov 2024. APAC average 11.5 US¢/kWh with a 2.7× spread (same guide, p.5).',
  ),
  known(
    m('sg'),
    'build_cost_usd_w',
    14.5,
    TT_2025_SG,
    'Turner & Townsend 2025; 2024 index US$13.8/W (w.media). The 18.09 reported by theindependent.sg is in SGD.',
  ),
  known(
    m('sg'),
    'subsea_cables',
    26,
    ST_CABLES,
    '26 cables at 3 landing sites (2023). TeleGeography via Nikkei counts 25 operating + 14 planned.',
  ),
  known(m('sg'), 'latency_hk_ms', 34, CLOUDPING, `AWS Singapore ↔ Hong Kong; ${CLOUDPING_UNDATED}.`),
  missing('sg', 'latency_sg_ms', 'Reference point: this criterion is the round trip to Singapore itself'),
  known(
    m('sg'),
    'grid_carbon_g_kwh',
    419.2,
    EMA_GRID,
    'EMA grid emission factor 0.4192 kgCO2/kWh (2017) × 1000 = 419.2 g/kWh, operating-margin basis. ~0.42 for 2022 seen only on a mirror.',
  ),
  known(m('sg'), 'mean_temp_c', 27.8, SG_CLIMATE, 'The source gives no year; as-of stands in for the retrieval date.'),
  known(
    m('sg'),
    'water_stress',
    5,
    WRI_2013,
    'Score 5 of 5, among the most water-stressed countries, in WRI’s 2013 ranking (an older vintage than the Aqueduct 2023 scores).',
  ),

  // Johor
  known(
    m('my-johor'),
    'dc_capacity_mw',
    401,
    CW_H2_2024,
    'C&W operational IT capacity, H2 2024. Knight Frank’s 5.8 GW (Q2 2025) is aggregate supply incl. pipeline; not mixed. Malaysia: 504.8 MW in 54 DCs (end-2024).',
  ),
  known(
    m('my-johor'),
    'pipeline_mw',
    1048,
    CW_H2_2024,
    '226 MW under construction + 822 MW planned (C&W, H2 2024) = 1,048 MW. The state had approved 51 projects by Nov 2025.',
  ),
  known(
    m('my-johor'),
    'vacancy_pct',
    1,
    CW_H2_2024,
    'C&W colocation vacancy, H2 2024; Knight Frank gives 1.1% (Q2 2025).',
  ),
  missing(
    'my-johor',
    'power_price_usc_kwh',
    `Malaysia's base tariff is 45.62 sen/kWh for 2025–27 (39.95 before); ${NOT_CONVERTED}`,
    MY_TARIFF,
  ),
  known(
    m('my-johor'),
    'build_cost_usd_w',
    11.37,
    TT_2025_MY,
    'Turner & Townsend 2025, Malaysia, rank 17 of 52; the source does not name the city.',
  ),
  ranged(
    m('my-johor'),
    'land_cost_usd_m2',
    { low: 202, high: 393 },
    CW_COST_GUIDE_JOHOR_LAND,
    'Spans both bands of the source, Kulai/Sedenak US$202–322/m² and Pulai/Nusajaya US$306–393/m²; value is the midpoint of 202–393. Sites in each band carry their own.',
  ),
  known(
    m('my-johor'),
    'subsea_cables',
    17,
    MY_CABLES,
    'National count (Malaysia), 17 systems per the government (2022); Nikkei counts about 20–22 (2023). Not Johor-specific.',
  ),
  missing(
    'my-johor',
    'latency_hk_ms',
    'No measured latency for Johor (reference caveat 5); AWS Kuala Lumpur ↔ Hong Kong is 40 ms, but Kuala Lumpur is not Johor',
    CLOUDPING,
  ),
  missing('my-johor', 'latency_sg_ms', 'No measured latency for Johor, 16–70 km from Singapore (reference caveat 5)'),
  ranged(
    m('my-johor'),
    'renewable_share_pct',
    { low: 17, high: 20 },
    MY_MIX,
    'Malaysia 2023 generation mix: coal 43%, gas 37%, hydro ~17%; the other 3% is not named, so renewables lie between 17% and 20%; value is the midpoint.',
  ),
  missing('my-johor', 'grid_carbon_g_kwh', CAVEAT_6),
  missing(
    'my-johor',
    'water_stress',
    'No WRI score in the reference; Johor fears a treated-water crisis by 2030 and advises ~1.8 L of water per kW of cooling',
    JOHOR_WATER,
  ),
  known(
    m('my-johor'),
    'tax_incentive',
    5,
    JS_SEZ,
    'Johor-Singapore SEZ: 5% corporate tax for up to 15 years on eligible new investment; DESAC incentives also apply.',
  ),

  // Batam
  missing('id-batam', 'dc_capacity_mw', 'Only campus build-out targets are sourced (see pipeline), not operational MW'),
  known(
    m('id-batam'),
    'pipeline_mw',
    364.2,
    BATAM_LOAN,
    'Sum of campus build-outs: PDG 96 + BW 120 + NeutraDC 51 + DayOne/INA 72 + GDG 25.2 MW (2024–25); may include capacity already live. Government target 150–400 MW (2022).',
  ),
  known(
    m('id-batam'),
    'subsea_cables',
    13,
    BATAM_CABLES,
    '13 international cable segments land ~2.5 km from Nongsa Digital Park (segments, not systems). The INSICA Singapore–Batam cable is due Q4 2026.',
  ),
  missing('id-batam', 'latency_sg_ms', 'No measured latency for Batam, ~20 km from Singapore (reference caveat 5)'),
  missing('id-batam', 'latency_hk_ms', 'No measured latency for Batam (reference caveat 5)'),
  missing(
    'id-batam',
    'tax_incentive',
    'Batam is a free-trade zone (2009) and Nongsa Digital Park an SEZ (2021), but the reference gives no tax rate',
    BATAM_SEZ,
  ),
  missing('id-batam', 'grid_carbon_g_kwh', CAVEAT_6),

  // Mainland China
  known(
    m('cn-jjj'),
    'dc_capacity_mw',
    2000,
    CW_H2_2023,
    'About 2 GW operational in Beijing (C&W, H2 2023). Mainland China as a whole: 4,199 MW (H1 2024).',
  ),
  ...chinaNational('cn-jjj', true),
  missing(
    'cn-nmg',
    'power_price_usc_kwh',
    `Hohhot 0.38 yuan/kWh (2015) and power costs ~2/3 below Beijing (2026); ${NOT_CONVERTED}, and the national average would overstate it`,
    HOHHOT_2015,
  ),
  known(m('cn-nmg'), 'mean_temp_c', 7.7, HOHHOT_2015, 'Annual mean temperature of Hohhot.'),
  known(
    m('cn-nmg'),
    'renewable_share_pct',
    84.57,
    NMG_GREEN,
    'Green-power share of the Inner Mongolia cluster’s data centres, Q1 2025 (not the whole grid).',
  ),
  missing(
    'cn-nmg',
    'dc_capacity_mw',
    'The reference gives compute (126,000 PFLOPS, 116,000 of it AI; 2025), not MW',
    NMG_GREEN,
  ),
  ...chinaNational('cn-nmg', false),
  known(m('cn-gz'), 'mean_temp_c', 15, GUIZHOU_CLIMATE, 'About 15 °C (2017).'),
  ...chinaNational('cn-gz', true),
  missing(
    'cn-nx',
    'power_price_usc_kwh',
    `Zhongwei 0.36 yuan/kWh (2020, with a claimed PUE of 1.1); ${NOT_CONVERTED}, and the national average would overstate it`,
    NINGXIA_2020,
  ),
  ...chinaNational('cn-nx', false),
  ...chinaNational('cn-yrd', true),
  ...chinaNational('cn-gba', true),

  // Hong Kong
  known(m('hk'), 'dc_capacity_mw', 581, CW_H2_2024_HK, 'C&W operational IT capacity, H2 2024.'),
  known(
    m('hk'),
    'pipeline_mw',
    698,
    CW_H2_2024_HK,
    '208 MW under construction + 490 MW planned (C&W, H2 2024) = 698 MW.',
  ),
  known(m('hk'), 'vacancy_pct', 21, CW_H2_2024_HK, 'C&W vacancy, H2 2024.'),
  known(m('hk'), 'subsea_cables', 12, CW_H2_2023_HK, '12 external cable systems (C&W, H2 2023).'),
  missing(
    'hk',
    'tax_incentive',
    'C&W calls Hong Kong the "lowest-taxed data-centre jurisdiction" but gives no rate',
    CW_H2_2023_HK,
  ),
  missing('hk', 'latency_hk_ms', 'Reference point: this criterion is the round trip to Hong Kong itself'),
  known(m('hk'), 'latency_sg_ms', 34, CLOUDPING, `AWS Hong Kong ↔ Singapore; ${CLOUDPING_UNDATED}.`),
  missing('hk', 'grid_carbon_g_kwh', CAVEAT_6),

  // Thailand
  missing(
    'th-eec',
    'pipeline_mw',
    'C&W reports planned capacity up 193% in H1 2025 and 36 projects applied for in 2025 (728B baht), but no MW figure',
    THAILAND_PIPELINE,
  ),
  known(m('th-eec'), 'water_stress', 3.62, WPR_WATER_STRESS, 'Thailand, WRI Aqueduct 2023 score 3.62 (rank 35).'),
  known(m('th-eec'), 'latency_hk_ms', 61, CLOUDPING, `AWS Bangkok ↔ Hong Kong; ${CLOUDPING_UNDATED}.`),
  missing(
    'th-eec',
    'tax_incentive',
    'BOI grants a corporate-tax exemption tied to PUE, water and skills plans, but the source gives no rate or period',
    THAILAND_BOI,
  ),
  missing('th-eec', 'grid_carbon_g_kwh', CAVEAT_6),

  // Jakarta
  known(m('id-jakarta'), 'latency_hk_ms', 48.5, CLOUDPING, `AWS Hong Kong → Jakarta; ${CLOUDPING_UNDATED}.`),
  missing('id-jakarta', 'grid_carbon_g_kwh', CAVEAT_6),

  // Tokyo
  known(
    m('jp-tokyo'),
    'dc_capacity_mw',
    1054,
    CW_H1_2024,
    'C&W operational IT capacity, H1 2024. H2 2024 via a Statista mirror: 1,136 MW.',
  ),
  known(
    m('jp-tokyo'),
    'pipeline_mw',
    1671,
    CW_H1_2024,
    '261 MW under construction + 1,410 MW planned (C&W, H1 2024) = 1,671 MW. H2 2024 via a Statista mirror: 223 + 1,568.',
  ),
  known(
    m('jp-tokyo'),
    'build_cost_usd_w',
    15.2,
    TT_2025_TOKYO,
    'Turner & Townsend 2025; US$13.7/W in 2023 and 14.3 in 2024. The 18.74 reported by theindependent.sg is in SGD.',
  ),
  known(
    m('jp-tokyo'),
    'grid_carbon_g_kwh',
    421,
    JAPAN_CO2,
    'Japan FY2023, 0.421 kgCO2/kWh × 1000, operating CO2 of the power-company council members (not lifecycle).',
  ),
  known(
    m('jp-tokyo'),
    'latency_hk_ms',
    52.6,
    CLOUDPING,
    `AWS Hong Kong → Tokyo; ${CLOUDPING_UNDATED}. Azure Japan East → Hong Kong is 46 ms (2023).`,
  ),
  known(m('jp-tokyo'), 'latency_sg_ms', 70, AZURE_LATENCY, 'Azure Southeast Asia → Japan East, P50.'),

  // Mumbai
  known(m('in-mumbai'), 'dc_capacity_mw', 672, CW_H1_2024_MUMBAI, 'C&W operational IT capacity, H1 2024.'),
  known(
    m('in-mumbai'),
    'pipeline_mw',
    1160,
    CW_H1_2024_MUMBAI,
    '545 MW under construction + 615 MW planned (C&W, H1 2024) = 1,160 MW. Business Standard: 335 MW under construction at end-2024.',
  ),
  known(m('in-mumbai'), 'build_cost_usd_w', 6.64, TT_2025_MUMBAI, 'Turner & Townsend 2025, 51st of 52.'),
  known(
    m('in-mumbai'),
    'subsea_cables',
    15,
    INDIA_CABLES,
    "15 of India's 17 international cables land at Versova (Mumbai); 14 landing stations nationally.",
  ),
  known(m('in-mumbai'), 'grid_carbon_g_kwh', 713, OWID_CARBON, 'India 2023, lifecycle CO2e (OWID); national figure.'),
  known(m('in-mumbai'), 'water_stress', 4.11, WPR_WATER_STRESS, 'India, WRI Aqueduct 2023 score 4.11 (rank 24).'),
  known(
    m('in-mumbai'),
    'latency_hk_ms',
    93.6,
    CLOUDPING,
    `AWS Hong Kong → Mumbai; ${CLOUDPING_UNDATED}. Azure West India → Hong Kong is 85 ms (2023).`,
  ),
  known(
    m('in-mumbai'),
    'latency_sg_ms',
    54,
    AZURE_LATENCY,
    'Azure Southeast Asia → West India (Mumbai), P50; Central India (Pune) is 50 ms.',
  ),

  // Sydney
  known(m('au-sydney'), 'dc_capacity_mw', 770, CW_H1_2024_SYDNEY, 'C&W operational IT capacity, H1 2024.'),
  known(
    m('au-sydney'),
    'pipeline_mw',
    1224,
    CW_H1_2024_SYDNEY,
    '274 MW under construction + 950 MW planned (C&W, H1 2024) = 1,224 MW.',
  ),
  known(
    m('au-sydney'),
    'grid_carbon_g_kwh',
    549,
    OWID_CARBON,
    'Australia 2023, lifecycle CO2e (OWID); national figure.',
  ),
  known(
    m('au-sydney'),
    'latency_hk_ms',
    125.5,
    CLOUDPING,
    `AWS Hong Kong → Sydney; ${CLOUDPING_UNDATED}. Azure Australia East → Hong Kong is 123 ms (2023).`,
  ),
  known(m('au-sydney'), 'latency_sg_ms', 89, AZURE_LATENCY, 'Azure Southeast Asia → Australia East, P50.'),

  // Northern Virginia
  known(m('us-nova'), 'dc_capacity_mw', 4600, CW_H2_2023, 'C&W operational IT capacity, H2 2023.'),
  ranged(
    m('us-nova'),
    'vacancy_pct',
    { low: 0, high: 1 },
    CW_H2_2023,
    'The source says vacancy is below 1%; value is the midpoint of 0–1.',
  ),
  missing(
    'us-nova',
    'pipeline_mw',
    'Dominion Energy’s contracted data-centre demand exceeds 21 GW (Jul 2024), a demand figure, not a build pipeline',
    DOMINION,
  ),
  known(
    m('us-nova'),
    'latency_hk_ms',
    202.5,
    CLOUDPING,
    `AWS Hong Kong → US East (N. Virginia); ${CLOUDPING_UNDATED}.`,
  ),
  missing('us-nova', 'latency_sg_ms', 'Azure gives Singapore → US West (169 ms), not US East; no other source'),
  missing('us-nova', 'grid_carbon_g_kwh', CAVEAT_6),
];

const RQ_REASON =
  'Not retrieved: World Bank WGI Regulatory Quality percentile (indicator RQ.PER.RNK); no source found (reference data, 2025)';

/** A fact of the data build (db/data-build, from data/sources) as the store keeps it. */
function fromDataBuild(f: Fact): MetricValue {
  if (f.kind === 'missing') return missing(f.marketId ?? '', f.criterionId, f.missingReason);
  return {
    kind: 'known',
    criterionId: f.criterionId,
    marketId: f.marketId,
    siteId: f.siteId,
    value: f.value,
    low: f.low,
    high: f.high,
    source: f.source,
    method: f.method,
    derivation: f.derivation,
    reference: f.reference,
    note: f.note,
  };
}

const builtFacts = (derivedMetrics.facts as Fact[]).map(fromDataBuild);

/**
 * Every (market, non-derived criterion) pair: the data build's fact where it has a rule for the
 * criterion, else the value or reason typed above (being moved into data/sources), else "no source".
 */
function completeMatrix(): MetricValue[] {
  const key = (v: MetricValue): string => `${v.marketId ?? ''}|${v.criterionId}`;
  const built = new Map(builtFacts.filter((v) => v.siteId === null).map((v) => [key(v), v]));
  const typed = new Map(sourcedMetricValues.map((v) => [key(v), v]));
  const all: MetricValue[] = [];
  for (const market of seedMarkets) {
    for (const criterion of seedCriteria) {
      if (criterion.derived) continue;
      const k = `${market.id}|${criterion.id}`;
      const reason = criterion.id === 'rq_percentile' ? RQ_REASON : NO_SOURCE;
      all.push(built.get(k) ?? typed.get(k) ?? missing(market.id, criterion.id, reason));
    }
  }
  return all;
}

/** Site-level facts (finer than their market): all from the data build. */
const siteFacts = (): MetricValue[] => builtFacts.filter((v) => v.siteId !== null);

export const seedMetricValues: readonly MetricValue[] = [...completeMatrix(), ...siteFacts()];

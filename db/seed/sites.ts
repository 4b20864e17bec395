// Candidate sites: the named park or district of each market, at its real coordinates. Capacity is
// null unless the cited source gives it for that campus (none here does: the sources are
// market-level). Each site cites the market-level source from the reference that mentions the
// place or its market, and its status says what that source reports for the district.
import type { Site, SiteStatus, Source } from '../../shared/schemas';
import type { SiteCapacity } from '../data-build/site-capacity';
import { seedCampuses, type SeedCampus } from './campuses';
import derived from './derived-metrics.json';
import {
  BATAM_LOAN,
  CLOUDPING,
  CW_COST_GUIDE_JOHOR_LAND,
  CW_H1_2024,
  CW_H1_2024_MUMBAI,
  CW_H1_2024_SYDNEY,
  CW_H2_2023,
  CW_H2_2024,
  CW_H2_2024_HK,
  EAST_DATA_WEST,
  HORINGER_LATENCY,
  IMDA_2024,
  THAILAND_BOI,
  THAILAND_PIPELINE,
} from './sources';

/** A site as seeded: the market's name and country come from its market when it is read back. */
export type SeedSite = Omit<Site, 'marketName' | 'country'>;

const site = (
  id: string,
  name: string,
  marketId: string,
  lat: number,
  lon: number,
  status: SiteStatus,
  source: Source,
  notes = '',
  operator: string | null = null,
): SeedSite =>
  withCapacity({
    id,
    name,
    marketId,
    lat,
    lon,
    capacityMw: { existing: null, planned: null },
    status,
    // null: a district or park several companies share, with no single operator.
    operator,
    notes,
    source,
  });

const capacities = new Map((derived.sites as SiteCapacity[]).map((c) => [c.siteId, c]));

/**
 * The data build's capacity for the site (operator announcements and market reports, in
 * data/sources): the site then cites that source, and its notes say how the figure was reached.
 */
function withCapacity(s: SeedSite): SeedSite {
  const c = capacities.get(s.id);
  if (c === undefined) return s;
  const how = c.derivation === null ? c.method : `${c.method}: ${c.derivation}`;
  return {
    ...s,
    capacityMw: { existing: c.existing, planned: c.planned },
    source: c.source,
    notes: `${s.notes} Capacity: ${c.note} (${how}; from ${c.reference}).`,
  };
}

const HUB = 'One of the ten national data-centre clusters of "East Data West Computing" (2022).';

const districts: readonly SeedSite[] = [
  // Singapore
  site(
    'sg-tuas',
    'Nxera DC Tuas',
    'sg',
    1.3236,
    103.6467,
    'operational',
    IMDA_2024,
    'Western industrial estate.',
    'Nxera (Singtel)',
  ),
  site('sg-loyang', 'Loyang', 'sg', 1.3705, 103.9685, 'operational', IMDA_2024),
  site(
    'sg-jurong-west',
    'ST Engineering Jalan Boon Lay DC (Jurong West)',
    'sg',
    1.3404,
    103.709,
    'under_construction',
    IMDA_2024,
    '',
    'ST Engineering',
  ),
  site(
    'sg-tai-seng',
    'Tai Seng',
    'sg',
    1.3356,
    103.8879,
    'operational',
    IMDA_2024,
    'Light-industrial district in the east.',
  ),
  // Johor
  site('my-sedenak', 'Sedenak Tech Park', 'my-johor', 1.6635, 103.5346, 'operational', CW_H2_2024),
  site('my-kulai', 'Kulai', 'my-johor', 1.6621, 103.6032, 'under_construction', CW_H2_2024),
  site('my-nusajaya', 'Nusajaya (Iskandar Puteri)', 'my-johor', 1.426, 103.633, 'operational', CW_H2_2024),
  site(
    'my-pulai',
    'Pulai',
    'my-johor',
    1.583,
    103.6,
    'land_bank',
    CW_COST_GUIDE_JOHOR_LAND,
    'Coordinates of Kangkar Pulai; the source prices data-centre land here (Pulai/Nusajaya band).',
  ),
  // Batam
  site(
    'id-nongsa',
    'Nongsa Digital Park',
    'id-batam',
    1.1889,
    104.1139,
    'under_construction',
    BATAM_LOAN,
    'Special economic zone since 2021; cable landings about 2.5 km away.',
  ),
  // Mainland China
  site('cn-zhangjiakou', 'Zhangjiakou (Huailai)', 'cn-jjj', 40.415, 115.518, 'operational', EAST_DATA_WEST, HUB),
  site(
    'cn-beijing-yizhuang',
    'Beijing (Yizhuang)',
    'cn-jjj',
    39.795,
    116.506,
    'operational',
    CW_H2_2023,
    'Beijing Economic-Technological Development Area; the source gives about 2 GW operational for Beijing.',
  ),
  site('cn-ulanqab', 'Ulanqab', 'cn-nmg', 41.034, 113.133, 'operational', EAST_DATA_WEST),
  site(
    'cn-horinger',
    'Horinger (Hohhot)',
    'cn-nmg',
    40.379,
    111.824,
    'operational',
    HORINGER_LATENCY,
    `${HUB} About 5 ms round trip to Beijing (claimed).`,
  ),
  site('cn-guian', "Gui'an New Area", 'cn-gz', 26.38, 106.42, 'operational', EAST_DATA_WEST, HUB),
  site('cn-zhongwei', 'Zhongwei', 'cn-nx', 37.5, 105.19, 'operational', EAST_DATA_WEST, HUB),
  site('cn-qingpu', 'Qingpu (Shanghai)', 'cn-yrd', 31.15, 121.124, 'planned', EAST_DATA_WEST, HUB),
  site('cn-wujiang', 'Wujiang (Suzhou, Jiangsu)', 'cn-yrd', 31.16, 120.645, 'planned', EAST_DATA_WEST, HUB),
  site('cn-shaoguan', 'Shaoguan', 'cn-gba', 24.81, 113.597, 'planned', EAST_DATA_WEST, HUB),
  // Hong Kong
  site('hk-tseung-kwan-o', 'Tseung Kwan O', 'hk', 22.308, 114.26, 'operational', CW_H1_2024),
  site('hk-tsuen-wan', 'Tsuen Wan', 'hk', 22.3707, 114.1132, 'operational', CW_H2_2024_HK),
  // Alternatives in Southeast Asia
  site(
    'th-chonburi',
    'Amata City Chonburi',
    'th-eec',
    13.427,
    101.034,
    'planned',
    THAILAND_BOI,
    'Industrial estate in the Eastern Economic Corridor.',
  ),
  site(
    'th-bang-na',
    'Empyrion TH1 (Bang Na, Bangkok)',
    'th-eec',
    13.6683,
    100.6047,
    'under_construction',
    THAILAND_PIPELINE,
    'Completion expected by 2027 (its capacity source).',
    'Empyrion DC',
  ),
  site(
    'id-cikarang',
    'Cikarang (Jababeka)',
    'id-jakarta',
    -6.3,
    107.16,
    'operational',
    CLOUDPING,
    'Industrial estate east of Jakarta, in West Java; the only Jakarta source in the reference is a latency figure.',
  ),
  // Reference markets
  site('jp-inzai', 'Inzai (Chiba)', 'jp-tokyo', 35.832, 140.146, 'operational', CW_H1_2024),
  site(
    'jp-koto',
    'ESR Koto data centre (Tokyo Bay)',
    'jp-tokyo',
    35.6729,
    139.8171,
    'under_construction',
    CW_H1_2024,
    'Construction from Q2 2025 (C&W H1 2024).',
    'ESR',
  ),
  site(
    'in-navi-mumbai',
    'L&T Vyoma Mahape (Navi Mumbai)',
    'in-mumbai',
    19.117,
    73.027,
    'under_construction',
    CW_H1_2024_MUMBAI,
    'Groundbreaking January 2026 (its capacity source).',
    'L&T Vyoma',
  ),
  site(
    'au-macquarie-park',
    'Macquarie Data Centres IC campus (Macquarie Park)',
    'au-sydney',
    -33.7769,
    151.1227,
    'operational',
    CW_H1_2024_SYDNEY,
    '',
    'Macquarie Data Centres',
  ),
  site('us-ashburn', 'Ashburn', 'us-nova', 39.0438, -77.4874, 'operational', CW_H2_2023, 'Reference market.'),
];

/**
 * District sites that are one campus of campuses.ts: the site keeps the district's id (its site-level
 * facts and a planner's edits point at it) and becomes that campus — name, place, operator, status
 * and capacity (the campus's rule, see SITE_CAPACITY_RULES).
 */
export const CAMPUS_OF_DISTRICT: Readonly<Record<string, string>> = {
  'sg-loyang': 'sg-airtrunk-sgp1',
  'my-kulai': 'my-ytl-green-dc-park',
  'my-nusajaya': 'my-gds-ntp',
  'cn-zhangjiakou': 'cn-chindata-zhangjiakou',
  'cn-horinger': 'cn-china-telecom-inner-mongolia',
  'cn-guian': 'cn-apple-guian',
  'cn-shaoguan': 'cn-china-unicom-shaoguan',
  'hk-tseung-kwan-o': 'hk-global-switch-tko',
  'hk-tsuen-wan': 'hk-airtrunk-hkg1',
};

/** What a site cites before the data build has sized it (the data-build test fails until it is re-run). */
const NOT_BUILT: Source = {
  title: 'Not derived yet: run npm run data:build',
  url: 'https://invalid.example/',
  asOf: '1970-01-01',
};

const asSite = (id: string, c: SeedCampus): SeedSite =>
  withCapacity({
    id,
    name: c.name,
    marketId: c.marketId,
    lat: c.lat,
    lon: c.lon,
    capacityMw: { existing: null, planned: null },
    status: c.status,
    operator: c.operator,
    notes: c.notes,
    source: NOT_BUILT,
  });

const campusById = new Map(seedCampuses.map((c) => [c.id, c]));
const replacing = new Set(Object.values(CAMPUS_OF_DISTRICT));

/** The seeded sites: districts and parks (those that are one campus, as that campus), then the campuses. */
export const seedSites: readonly SeedSite[] = [
  ...districts.map((d) => {
    const campusId = CAMPUS_OF_DISTRICT[d.id];
    const campus = campusId === undefined ? undefined : campusById.get(campusId);
    if (campusId !== undefined && campus === undefined) throw new Error(`${d.id}: no campus ${campusId}`);
    return campus === undefined ? d : asSite(d.id, campus);
  }),
  ...seedCampuses.filter((c) => !replacing.has(c.id)).map((c) => asSite(c.id, c)),
];

// Candidate sites: the named park or district of each market, at its real coordinates. Capacity is
// null unless the cited source gives it for that campus (none here does: the sources are
// market-level). Each site cites the market-level source from the reference that mentions the
// place or its market, and its status says what that source reports for the district.
import type { Site, SiteStatus, Source } from '../../shared/schemas';
import type { SiteCapacity } from '../data-build/derive';
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
): SeedSite =>
  withCapacity({
    id,
    name,
    marketId,
    lat,
    lon,
    capacityMw: { existing: null, planned: null },
    status,
    // A district or park several companies share: no single operator.
    operator: null,
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

export const seedSites: readonly SeedSite[] = [
  // Singapore
  site('sg-tuas', 'Tuas', 'sg', 1.3236, 103.6467, 'planned', IMDA_2024, 'Western industrial estate.'),
  site('sg-loyang', 'Loyang', 'sg', 1.3705, 103.9685, 'operational', IMDA_2024),
  site('sg-jurong-west', 'Jurong West', 'sg', 1.3404, 103.709, 'operational', IMDA_2024),
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
  site('my-sedenak', 'Sedenak Tech Park', 'my-johor', 1.6635, 103.5346, 'under_construction', CW_H2_2024),
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
  site('th-bang-na', 'Bang Na (Bangkok)', 'th-eec', 13.6683, 100.6047, 'operational', THAILAND_PIPELINE),
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
  site('jp-koto', 'Koto (Tokyo Bay)', 'jp-tokyo', 35.6729, 139.8171, 'operational', CW_H1_2024),
  site('in-navi-mumbai', 'Navi Mumbai (Mahape)', 'in-mumbai', 19.117, 73.027, 'operational', CW_H1_2024_MUMBAI),
  site('au-macquarie-park', 'Macquarie Park', 'au-sydney', -33.7769, 151.1227, 'operational', CW_H1_2024_SYDNEY),
  site('us-ashburn', 'Ashburn', 'us-nova', 39.0438, -77.4874, 'operational', CW_H2_2023, 'Reference market.'),
];

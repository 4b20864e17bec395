// Connectivity and climate criteria per market: round trips to Singapore and Hong Kong, subsea cable
// systems landing in the market, annual mean temperature and WRI water stress.
//
// Round trips: Azure's published P50 (market region → hub region) where an Azure region lies in the
// market; the hub's own intra-metro round trip for the hub itself (never missing, never zero); else a
// great-circle fibre estimate whose route factor is calibrated on Azure's measured routes into the
// same hub, so estimated and measured cells sit on one scale.
import type { Market } from '../../../shared/model/jurisdictions';
import { seedSites } from '../../seed/sites';
import {
  asPublished,
  derived,
  figureNumber,
  gap,
  type Fact,
  type Figures,
  type KnownFact,
  type Picked,
} from '../figures';
import type { Figure } from '../source-tables';
import { ranged } from './market-helpers';
import { isNational } from './places';

// ---------------------------------------------------------------------------------------------
// Round trips

const AZURE = 'azure-latency';
const AZURE_QUANTITY = 'P50 round-trip latency';
const AWS_INTRA = 'aws-inter-az-ping-2019';
const AZURE_INTRA = 'azure-inter-zone-latency-target';
const BOZKURT = 'bozkurt-fiber-latency-2018';

/** Light in silica fibre, km per ms: c / 1.47 (rounded). It cancels against k, calibrated with it. */
const V_KM_PER_MS = 204;
const EARTH_RADIUS_KM = 6371;

/**
 * The Azure region inside each market, with where Microsoft's regions list places it
 * (MicrosoftDocs/azure-docs articles/reliability/regions-list.md, ms.date 04/15/2025). A mapping,
 * not a figure. Johor is absent on purpose: Malaysia West is in Greater Kuala Lumpur.
 */
const AZURE_REGION: Readonly<Record<string, { region: string; where: string }>> = {
  sg: { region: 'Southeast Asia', where: 'Singapore' },
  hk: { region: 'East Asia', where: 'Hong Kong SAR' },
  'jp-tokyo': { region: 'Japan East', where: 'Tokyo, Saitama' },
  'in-mumbai': {
    region: 'Central India',
    where: 'Pune, not Mumbai: the table has no West India (Mumbai) row, so the Pune region stands for the market',
  },
  'au-sydney': { region: 'Australia East', where: 'New South Wales' },
  'us-nova': { region: 'East US', where: 'Virginia' },
  'id-jakarta': { region: 'Indonesia Central', where: 'Jakarta' },
};

/**
 * The site whose coordinates stand for the market in distance calculations: the market's first
 * site in db/seed/sites.ts, pinned by id so that adding sites does not move it silently.
 */
const REFERENCE_SITE: Readonly<Record<string, string>> = {
  sg: 'sg-tuas',
  'my-johor': 'my-sedenak',
  'id-batam': 'id-nongsa',
  'cn-jjj': 'cn-zhangjiakou',
  'cn-nmg': 'cn-ulanqab',
  'cn-gz': 'cn-guian',
  'cn-nx': 'cn-zhongwei',
  'cn-yrd': 'cn-qingpu',
  'cn-gba': 'cn-shaoguan',
  hk: 'hk-tseung-kwan-o',
  'th-eec': 'th-chonburi',
  'id-jakarta': 'id-cikarang',
  'jp-tokyo': 'jp-inzai',
  'in-mumbai': 'in-navi-mumbai',
  'au-sydney': 'au-macquarie-park',
  'us-nova': 'us-ashburn',
};

/** Markets whose Azure region is not near their reference site, so they cannot calibrate k. */
const NOT_FOR_CALIBRATION = new Set(['in-mumbai']);

interface Hub {
  marketId: 'sg' | 'hk';
  name: string;
}

const HUBS: Readonly<Record<'latency_sg_ms' | 'latency_hk_ms', Hub>> = {
  latency_sg_ms: { marketId: 'sg', name: 'Singapore' },
  latency_hk_ms: { marketId: 'hk', name: 'Hong Kong' },
};

interface Point {
  id: string;
  name: string;
  lat: number;
  lon: number;
}

function referencePoint(marketId: string): Point {
  const id = REFERENCE_SITE[marketId];
  const site = seedSites.find((s) => s.id === id);
  if (id === undefined || site === undefined) throw new Error(`no reference site for market ${marketId}`);
  return { id: site.id, name: site.name, lat: site.lat, lon: site.lon };
}

/** Great-circle distance (haversine on a sphere of radius 6371 km). */
export function haversineKm(a: Point, b: Point): number {
  const rad = (x: number) => (x * Math.PI) / 180;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

const km = (d: number) => `${d.toFixed(1)} km`;
const at = (p: Point) => `${p.name} (${p.lat}, ${p.lon}; site ${p.id})`;

function hubRegion(hub: Hub): string {
  const r = AZURE_REGION[hub.marketId];
  if (r === undefined) throw new Error(`no Azure region for hub ${hub.marketId}`);
  return r.region;
}

interface Route {
  marketId: string;
  region: string;
  picked: Picked;
  d: number;
  k: number;
}

/**
 * k = median over Azure's measured routes into the hub of (RTT − t0)·v / (2·d), t0 the hub's own
 * intra-metro round trip (the switching every route pays whatever its length).
 */
function calibrate(f: Figures, hub: Hub, t0: number): { k: number; routes: Route[] } {
  const target = referencePoint(hub.marketId);
  const routes: Route[] = [];
  for (const [marketId, { region }] of Object.entries(AZURE_REGION)) {
    if (marketId === hub.marketId || NOT_FOR_CALIBRATION.has(marketId)) continue;
    const picked = f.get(AZURE, `${region} -> ${hubRegion(hub)}`, AZURE_QUANTITY);
    const d = haversineKm(referencePoint(marketId), target);
    routes.push({ marketId, region, picked, d, k: ((picked.number - t0) * V_KM_PER_MS) / (2 * d) });
  }
  const ks = routes.map((r) => r.k).sort((a, b) => a - b);
  const mid = Math.floor(ks.length / 2);
  const k = ks.length % 2 === 1 ? (ks[mid] as number) : ((ks[mid - 1] as number) + (ks[mid] as number)) / 2;
  return { k, routes };
}

function estimateContext(f: Figures, market: Market, hub: Hub): string {
  if (market.id === 'my-johor') {
    const kl = f.get(AZURE, `Malaysia West -> ${hubRegion(hub)}`, AZURE_QUANTITY);
    return `Azure's Malaysia West region is in Greater Kuala Lumpur (Microsoft's announcement, reported by Reuters in March 2025), not in Johor, so it is not used; for scale, Malaysia West → ${hubRegion(hub)} is ${kl.figure.value} ms P50.`;
  }
  if (market.country === 'CN')
    return `Azure's China regions are not in the table. This is propagation over a calibrated route only: traffic from mainland China to ${hub.name} leaves through a few international gateways and is filtered, so real round trips are likely higher.`;
  if (market.id === 'id-batam') return 'No Azure region on Batam.';
  if (market.id === 'th-eec') return 'No Azure region in Thailand in the table.';
  return `No Azure region in ${market.name} in the table.`;
}

function fibreEstimate(f: Figures, criterionId: string, market: Market, hub: Hub): KnownFact {
  // A neighbour of the hub is never closer than the hub to itself: every route pays the hub's own
  // metro hop t0, and the distance term comes on top (Johor is not 0.6 ms from Singapore).
  const t0 = intraMetro(f, criterionId, hub).value;
  const { k, routes } = calibrate(f, hub, t0);
  const from = referencePoint(market.id);
  const to = referencePoint(hub.marketId);
  const d = haversineKm(from, to);
  const rtt = t0 + (2 * d * k) / V_KM_PER_MS;
  const formula =
    `great-circle fibre estimate: rtt = t0 + 2 × d × k / v = ${t0.toFixed(3)} + 2 × ${km(d)} × ${k.toFixed(4)} / ${V_KM_PER_MS} km/ms = ${rtt.toFixed(2)} ms; ` +
    `t0 = ${hub.name}'s own intra-metro round trip (its latency fact); ` +
    `d = haversine distance (R = ${EARTH_RADIUS_KM} km) from ${at(from)} to ${at(to)}; ` +
    `v = ${V_KM_PER_MS} km/ms, light in silica fibre (c / 1.47), which cancels against k; ` +
    `k = route factor, the median of (RTT − t0) × v / (2 × d) over Azure's measured routes into ${hubRegion(hub)} ` +
    `(each region at its market's reference site): ${routes
      .map((r) => `${r.region} ${r.picked.figure.value} ms over ${km(r.d)} → ${r.k.toFixed(3)}`)
      .join(', ')}`;
  const cross = f.all(BOZKURT, (x) => x.quantity === 'distance_to_latency_conversion_factor');
  const short = d < 200 ? ` Over ${km(d)} switching and routing, not distance, dominate, so read this as a floor.` : '';
  const note =
    `${estimateContext(f, market, hub)}${short} For comparison, Bozkurt et al. (2018) report distance-to-latency factors of ` +
    `${cross.map((x) => `${x.value} (${x.subject})`).join(' and ')}.`;
  const fact = derived(
    criterionId,
    { marketId: market.id },
    rtt,
    formula,
    routes.map((r) => r.picked),
    note,
  );
  return { ...fact, reference: `${fact.reference} ${f.table(BOZKURT).reference}` };
}

function measuredAzure(f: Figures, criterionId: string, market: Market, hub: Hub): KnownFact | undefined {
  const mine = AZURE_REGION[market.id];
  if (mine === undefined) return undefined;
  const p = f.get(AZURE, `${mine.region} -> ${hubRegion(hub)}`, AZURE_QUANTITY);
  const back = f.get(AZURE, `${hubRegion(hub)} -> ${mine.region}`, AZURE_QUANTITY);
  return asPublished(
    criterionId,
    { marketId: market.id },
    p,
    `Azure P50 round trip ${mine.region} (${mine.where}) → ${hubRegion(hub)} (${hub.name}), ${p.figure.value} ms over the 30 days to ${p.figure.period}; the reverse direction reads ${back.figure.value} ms.`,
  );
}

/** The hub's own intra-metro round trip: a market's latency to itself is never missing or zero. */
function intraMetro(f: Figures, criterionId: string, hub: Hub): KnownFact {
  const place = { marketId: hub.marketId };
  if (hub.marketId === 'sg') {
    const pairs = f
      .all(AWS_INTRA, (x) => x.subject.startsWith('ap-southeast-1') && x.quantity === 'avg(ms)')
      .map((x) => f.get(AWS_INTRA, x.subject, x.quantity));
    if (pairs.length === 0) throw new Error(`${AWS_INTRA}: no ap-southeast-1 pairs`);
    const mean = pairs.reduce((s, p) => s + p.number, 0) / pairs.length;
    const target = singleFigure(f, AZURE_INTRA);
    return derived(
      criterionId,
      place,
      mean,
      `Singapore's intra-metro round trip = mean of the average ping round trips between the ${pairs.length} pairs of AWS availability zones in ap-southeast-1 (Singapore) = (${pairs.map((p) => p.figure.value).join(' + ')}) / ${pairs.length} = ${mean.toFixed(3)} ms`,
      pairs,
      `A market's round trip to itself is its intra-metro figure, not zero. Third-party measurement from 2019 (one experiment); Microsoft's stated inter-zone target is under about ${target.figure.value} ms.`,
    );
  }
  const p = singleFigure(f, AZURE_INTRA);
  return asPublished(
    criterionId,
    place,
    p,
    `Hong Kong's intra-metro round trip: Microsoft's target for links between availability zones of a region (East Asia has zones), "less than approximately ${p.figure.value} milliseconds" — an upper bound, not a measurement; no measured Hong Kong inter-zone figure is in the sourced tables.`,
  );
}

function singleFigure(f: Figures, sourceId: string): Picked {
  const table = f.table(sourceId);
  const [figure, ...rest] = table.figures;
  if (figure === undefined || rest.length > 0) throw new Error(`${table.reference}: one figure expected`);
  return { figure, table, number: figureNumber(figure, table.reference) };
}

function latency(criterionId: 'latency_sg_ms' | 'latency_hk_ms', f: Figures, market: Market): Fact {
  const hub = HUBS[criterionId];
  if (market.id === hub.marketId) return intraMetro(f, criterionId, hub);
  return measuredAzure(f, criterionId, market, hub) ?? fibreEstimate(f, criterionId, market, hub);
}

export const latencySg = (f: Figures, market: Market): Fact => latency('latency_sg_ms', f, market);
export const latencyHk = (f: Figures, market: Market): Fact => latency('latency_hk_ms', f, market);

// ---------------------------------------------------------------------------------------------
// Subsea cable systems

const TG = 'telegeography-landing-points';
const TG_INDEX = 'telegeography-landing-point-index';
/** Cable files read for landing points whose own file is missing, and each system's scope. */
const TG_CABLES = 'telegeography-cable-files-hk-batam';
/** A regulator's list of the systems landing in its territory: adds what the copy lacks, and checks. */
const OFFICIAL_LISTS = ['ofca-hk-submarine-cables-2024'] as const;
/** Tables naming systems that land only in the market's own country (domestic_system rows). */
const SCOPE = [TG_CABLES, 'observerid-palapa-ring-2019'] as const;

const isPlanned = (x: Figure) => x.period.startsWith('planned');
const distinct = (xs: readonly Figure[]) => [...new Set(xs.map((x) => x.value))].sort((a, b) => a.localeCompare(b));

/** The landing points a cable row was read at (landing-point file name or the id a cable file lists). */
function landingPoints(rows: readonly Figure[]): string[] {
  const ids = rows.map(
    (x) => /landing-point\/([a-z0-9-]+)\.json/.exec(x.location)?.[1] ?? /contains ([a-z0-9-]+)/.exec(x.location)?.[1],
  );
  return [...new Set(ids.filter((x): x is string => x !== undefined))].sort();
}

export function subseaCables(f: Figures, market: Market): Fact {
  const place = { marketId: market.id };
  const none = f.find(TG_INDEX, market.id, 'landing_points_in_market');
  if (none !== undefined) {
    const china = f.get(TG_INDEX, 'China', 'landing_points_listed');
    const landlocked = /\(landlocked\)/.test(none.figure.location);
    const formula = landlocked
      ? `landlocked: no landing point, so no cable system lands in ${market.name}: 0 (TeleGeography's landing-point index lists ${china.figure.value} landing points in China, none in the province)`
      : `no landing point in Beijing, Tianjin or Hebei in TeleGeography's landing-point index (${china.figure.value} landing points in China), so no cable system lands in the market: 0`;
    const note = landlocked
      ? ''
      : 'The market has a coast (Tianjin, Hebei) but no international cable lands there in the data; the northernmost China landings are Dalian, Yantai and Qingdao, outside the market.';
    return derived('subsea_cables', place, 0, formula, [none, china], note);
  }
  const count = f.find(TG, market.id, 'cable_systems_landing_in_service');
  if (count === undefined)
    return gap('subsea_cables', place, `No landing-point reading for ${market.name} in the sourced cable tables`);
  const mine = (quantity: string) => (x: Figure) => x.subject === market.id && x.quantity === quantity;
  const isCable = mine('cable_system');
  const base = f.all(TG, isCable);
  const baseInService = distinct(base.filter((x) => !isPlanned(x)));
  if (baseInService.length !== count.number)
    throw new Error(
      `${TG}: ${market.id} lists ${baseInService.length} in-service systems but its count row says ${count.figure.value}`,
    );
  // Systems the per-landing-point table missed: from the landing-point index, from cable files read
  // for landing points whose own file is absent, and from a regulator's list.
  const addedBy = [TG_INDEX, TG_CABLES, ...OFFICIAL_LISTS].map((id) => ({ id, rows: f.all(id, isCable) }));
  const rows = [...base, ...addedBy.flatMap((a) => a.rows)];
  // International systems only: one landing only in the market's own country is domestic.
  const domesticBy = SCOPE.map((id) => ({ id, rows: f.all(id, mine('domestic_system')) }));
  const domestic = distinct(domesticBy.flatMap((d) => d.rows));
  const inService = distinct(rows.filter((x) => !isPlanned(x))).filter((name) => !domestic.includes(name));
  const planned = distinct(rows.filter(isPlanned)).filter((name) => !inService.includes(name));
  const extras = addedBy
    .map(({ id, rows: added }) => ({
      id,
      names: distinct(added.filter((x) => !isPlanned(x))).filter(
        (name) => !baseInService.includes(name) && !domestic.includes(name),
      ),
    }))
    .filter((e) => e.names.length > 0);
  const leftOut = domestic.filter((name) => rows.some((x) => x.value === name && !isPlanned(x)));
  const formula =
    `count of distinct international cable systems in service in the snapshot (is_planned = false) with a landing point in the market ` +
    `(landing points ${landingPoints(rows).join(', ')}; a system landing at two of them counted once; a system whose ` +
    `landing points are all in the market's own country or territory is domestic and not counted): ` +
    `${inService.length} = ${inService.join(', ')}` +
    extras.map((e) => ` (of which ${e.names.join(', ')} from ${f.table(e.id).reference})`).join('') +
    (leftOut.length > 0 ? `; domestic, not counted: ${leftOut.join(', ')}` : '') +
    (planned.length > 0 ? `; planned, not counted: ${planned.join(', ')}` : '');
  const unread = f.all(TG_INDEX, mine('landing_point_without_cable_file')).map((x) => x.value);
  const bound = /lower bound: (.*)$/.exec(count.figure.location)?.[1];
  // A regulator's count of the systems landing in its territory: when every one it names is counted,
  // the missing landing-point files no longer make the count a lower bound.
  const official = OFFICIAL_LISTS.map((id) => f.find(id, market.id, 'submarine_cable_systems')).find(
    (p) => p !== undefined,
  );
  const lower = [
    ...(bound === undefined ? [] : [bound]),
    ...(unread.length > 0
      ? [
          `TeleGeography's landing-point index also lists ${unread.join(' and ')} in the market, whose cable lists are not in the stored copy`,
        ]
      : []),
  ];
  const completeness =
    official !== undefined
      ? `Checked against ${official.table.meta.publisher}'s list (${official.figure.value} systems, ${official.figure.period}): all ${official.figure.value} are counted; ` +
        `the landing-point files missing from the stored copy (${lower.join('; ')}) were made up from the cable files that name those landing points. ` +
        `${inService.length - official.number} more counted here than the regulator lists (a system the snapshot still shows in service; named in the source's notes).`
      : lower.length > 0
        ? `A lower bound: ${lower.join('; ')}.`
        : 'Complete for the landing points the data lists in the market.';
  const screened = domesticBy.some((d) => d.rows.length > 0);
  const note =
    `${completeness} Snapshot c. 2023-24: systems then planned (${planned.length}) may be in service now.` +
    (screened
      ? ''
      : " Domestic systems were not screened out here: the cable files that would show each system's landing countries were not read for this market.");
  const inputs = official === undefined ? [count] : [count, official];
  const fact = derived('subsea_cables', place, inService.length, formula, inputs, note);
  const refs = [
    fact.reference,
    ...extras.map((e) => f.table(e.id).reference),
    ...domesticBy.filter((d) => d.rows.length > 0).map((d) => f.table(d.id).reference),
  ];
  return { ...fact, reference: [...new Set(refs.flatMap((r) => r.split(' ')))].join(' ') };
}

// ---------------------------------------------------------------------------------------------
// Annual mean temperature

const WIKI = 'wikipedia-city-mean-temperature-1brc';
const TEMP = 'annual_mean_temperature';

const station = (p: Picked) => /WeatherStation\("([^"]+)"/.exec(p.figure.location)?.[1] ?? p.figure.subject;

/** What the station stands for where the market is wider than its city. */
const TEMP_CONTEXT: Readonly<Record<string, string>> = {
  sg: 'The CUNY OpenLab page gives 27.8 °C (no year); the Wikipedia normal is used so that every market reads from one list.',
  'th-eec': 'Bangkok stands for the market; no station for the Chonburi estates is in the sourced tables.',
  'cn-jjj':
    'Beijing stands for the market; the Zhangjiakou cluster in Hebei is higher and colder, but no station for it is in the sourced tables.',
  'cn-yrd': 'Shanghai stands for the Shanghai / Jiangsu cluster.',
  'cn-gba':
    'Guangzhou, the provincial capital, stands for the market; the designated cluster, Shaoguan in northern Guangdong, has no station in the sourced tables.',
  'jp-tokyo': 'Tokyo stands for the market, including the Inzai cluster in Chiba.',
  'in-mumbai': 'Mumbai stands for the market, including Navi Mumbai.',
  'au-sydney': 'Sydney stands for the market.',
  'us-nova':
    'Washington, D.C., the metro centre, stands for Northern Virginia (Ashburn is in its western suburbs); the table also lists Virginia Beach (15.8 °C) on the coast, not used.',
};

/** Stand-in stations where the market's own city is not in the table (estimates, with the reasoning). */
const STAND_INS: Readonly<Record<string, { subjects: string[]; reasoning: string }>> = {
  'my-johor': {
    subjects: ['sg', 'Kuala Lumpur'],
    reasoning:
      'no station for Johor Bahru or Sedenak in the sourced tables; stand-in: the midpoint of the two equatorial lowland stations that bracket southern Johor, Singapore (across the causeway) and Kuala Lumpur (to the north-west), with their values as the range',
  },
  'id-batam': {
    subjects: ['sg'],
    reasoning:
      'no station for Batam in the sourced tables; stand-in: Singapore, across the Singapore Strait from Nongsa, in the same equatorial maritime climate',
  },
  'cn-nx': {
    subjects: ['Yinchuan'],
    reasoning:
      'no station for Zhongwei in the sourced tables; stand-in: Yinchuan, the capital of Ningxia, up the same Yellow River valley in the same arid continental climate',
  },
};

export function meanTemperature(f: Figures, market: Market): Fact {
  const place = { marketId: market.id };
  const own = f.find(WIKI, market.id, TEMP);
  if (own !== undefined)
    return asPublished(
      'mean_temp_c',
      place,
      own,
      `${station(own)} station, annual mean ${own.figure.value} °C (climate normal; the list gives no period). ${TEMP_CONTEXT[market.id] ?? ''}`.trim(),
    );
  const standIn = STAND_INS[market.id];
  if (standIn !== undefined) {
    const inputs = standIn.subjects.map((s) => f.get(WIKI, s, TEMP));
    const values = inputs.map((p) => p.number);
    const value = values.reduce((s, v) => s + v, 0) / values.length;
    const low = Math.min(...values);
    const high = Math.max(...values);
    const how =
      inputs.length === 1
        ? `${station(inputs[0] as Picked)} ${values[0]} °C`
        : `(${inputs.map((p) => `${station(p)} ${p.figure.value}`).join(' + ')}) / ${inputs.length} = ${value.toFixed(2)} °C`;
    const fact = derived('mean_temp_c', place, value, `${standIn.reasoning}: ${how}`, inputs, '');
    return {
      ...fact,
      method: 'estimate',
      low: inputs.length > 1 ? low : null,
      high: inputs.length > 1 ? high : null,
      note: `Estimate from a stand-in station, not a reading for ${market.name}.`,
    };
  }
  if (market.id === 'cn-gz') {
    const table = f.table('globibo-guizhou-climate');
    const figure = table.figures.find((x) => x.subject === 'cn-gz' && x.quantity === TEMP);
    const about = figure === undefined ? undefined : /^~(\d+(?:\.\d+)?)$/.exec(figure.value.trim());
    if (figure === undefined || about === undefined || about === null)
      throw new Error(`${table.reference}: no approximate Guizhou mean ("~N")`);
    const summer = f.get('chinatoday-guian-electricity', 'cn-gz', 'average_summer_temperature');
    return asPublished(
      'mean_temp_c',
      place,
      { figure, table, number: Number(about[1]) },
      `About ${about[1]} °C as published ("${figure.value}", ${figure.period}), from a secondary page: an estimate. China Today's ${summer.figure.value} °C for Gui'an is a summer average, not an annual mean.`,
    );
  }
  if (market.id === 'cn-nmg') {
    const horinger = f.get('goinnermongolia-green-computing-2025', 'cn-horinger', TEMP);
    const ulanqab = f.get('pandaily-apple-ulanqab', 'cn-ulanqab', 'average_temperature');
    const hohhot = f.get('xinhua-hohhot-green-computing-2026', 'cn-nmg', TEMP);
    return asPublished(
      'mean_temp_c',
      place,
      horinger,
      `Annual mean ${horinger.figure.value} °C given by the regional government for the Horinger (Hohhot) cluster, the only explicit annual mean for a cluster site. Ulanqab is colder: Pandaily (${ulanqab.table.meta.published?.slice(0, 4) ?? 'undated'}) reports an "average temperature" of ${ulanqab.figure.value} °C, not stated as annual; Xinhua gives ${hohhot.figure.value} °C for Hohhot.`,
    );
  }
  return gap(
    'mean_temp_c',
    place,
    `No annual mean temperature for ${market.name} or a nearby station in the sourced tables`,
  );
}

// ---------------------------------------------------------------------------------------------
// Water stress (WRI Aqueduct, 0–5)

const WPR = 'wpr-aqueduct-water-stress-2023';
const USU = 'usu-wri-rankings-2013';
const DESAL = 'desalination-biz-wri-2013';
const STORMWATER = 'stormwater-wri-rankings-2013';

const COUNTRY: Readonly<Record<string, string>> = {
  AU: 'Australia',
  CN: 'China',
  HK: 'Hong Kong',
  ID: 'Indonesia',
  IN: 'India',
  JP: 'Japan',
  MY: 'Malaysia',
  SG: 'Singapore',
  TH: 'Thailand',
  US: 'United States',
};

const national = (market: Market, what: string) =>
  isNational(market) ? what : `${what}; national figure for ${market.country}, not specific to ${market.name}`;

export function waterStress(f: Figures, market: Market): Fact {
  const place = { marketId: market.id };
  const total = f.find(WPR, market.id, 'aqueduct_water_stress_total_score');
  if (total !== undefined) {
    const industrial = f.find(WPR, market.id, 'aqueduct_water_stress_industrial_score');
    return asPublished(
      'water_stress',
      place,
      total,
      national(
        market,
        `WRI Aqueduct total water-stress score ${total.figure.value} of 5 (${total.figure.location}), ${total.figure.period} ranking as reproduced by World Population Review${industrial === undefined ? '' : `; industrial users ${industrial.figure.value}`}`,
      ),
    );
  }
  const usu = f.find(USU, market.id, 'aqueduct_overall_water_stress_score');
  if (usu !== undefined)
    return asPublished(
      'water_stress',
      place,
      usu,
      national(
        market,
        `WRI overall water-stress score ${usu.figure.value} (${usu.figure.unit}) in the ${usu.figure.period}, an older vintage than Aqueduct 4.0 (2023)`,
      ),
    );
  if (market.id === 'sg') {
    const table = f.table(DESAL);
    const figure = table.figures.find(
      (x) => x.subject === 'sg' && x.quantity === 'aqueduct_overall_water_stress_score',
    );
    const asRead = figure === undefined ? undefined : /\(as printed; (\d+(?:\.\d+)?)\)/.exec(figure.value);
    if (figure === undefined || asRead === undefined || asRead === null)
      throw new Error(`${table.reference}: no Singapore score`);
    const top = f.all(STORMWATER, (x) => x.subject === 'sg');
    return asPublished(
      'water_stress',
      place,
      { figure, table, number: Number(asRead[1]) },
      `WRI's first country ranking (2013) scores Singapore ${asRead[1]} of 5 (the article prints "${figure.value.split(' ')[0]}"); Stormwater puts Singapore ${top.map((x) => `"${x.value}"`).join(', ')} of 181. An older vintage: Aqueduct 4.0 (2023) gives Singapore no score or category.`,
    );
  }
  const categories = aqueductCategories(f, market);
  if (categories !== undefined) return categories;
  const country = COUNTRY[market.country] ?? market.country;
  return gap(
    'water_stress',
    place,
    `No WRI score or category for ${country} in the sourced tables${isNational(market) ? '' : ` (the figure would be national, not specific to ${market.name})`}`,
  );
}

// Aqueduct 4.0 categories where no score was read: WRI's 0-5 baseline-water-stress score runs one
// point per category (0 low, 1 low-medium, 2 medium-high, 3 high, 4 extremely high), so a category
// k places the score between k and k + 1. Province-level rows (the cloud region in the market's
// province) where the table has one; else the country row, said to be national.
const AQ_REGION = 'spruce-aqueduct40-cloud-region-water-stress';
const AQ_ZONE = 'spruce-aqueduct40-zone-water-stress';
const AQ_QUANTITY = 'aqueduct40_bws_category';

const AQ_PROVINCES: Readonly<Record<string, { rows: readonly string[]; where: string; note: string }>> = {
  'cn-jjj': {
    rows: ['aws cn-north-1 (Beijing)', 'azure chinanorth3 (Hebei)'],
    where: 'Beijing (medium-high) and Hebei (extremely high)',
    note: 'The market spans Beijing (category 2) and Hebei (category 4, the Zhangjiakou site’s province); the range covers both.',
  },
  'cn-yrd': {
    rows: ['azure chinaeast (Shanghai)', 'azure chinaeast3 (Jiangsu)'],
    where: 'Shanghai (high) and Jiangsu (medium-high)',
    note: 'The market spans Shanghai (category 3) and Jiangsu (category 2, the Wujiang site’s province); the range covers both.',
  },
  'cn-nx': { rows: ['aws cn-northwest-1 (Ningxia)'], where: 'Ningxia', note: 'Ningxia province (AWS Ningxia region).' },
  hk: { rows: ['aws ap-east-1 (Hong Kong)'], where: 'Hong Kong', note: 'Hong Kong (AWS region).' },
  'jp-tokyo': {
    rows: ['aws ap-northeast-1 (Tokyo)'],
    where: 'Tokyo',
    note: 'The AWS Tokyo region’s province (Japan as a whole is category 1, low-medium).',
  },
  'id-jakarta': { rows: ['aws ap-southeast-3 (Jakarta)'], where: 'Jakarta', note: 'Jakarta (AWS region).' },
  'au-sydney': {
    rows: ['aws ap-southeast-2 (Sydney)'],
    where: 'New South Wales',
    note: 'New South Wales (AWS Sydney region).',
  },
};

function aqueductCategories(f: Figures, market: Market): Fact | undefined {
  const province = AQ_PROVINCES[market.id];
  const zone = f.find(AQ_ZONE, market.country, AQ_QUANTITY);
  const inputs: Picked[] =
    province !== undefined
      ? province.rows.map((r) => f.get(AQ_REGION, r, AQ_QUANTITY))
      : zone !== undefined
        ? [zone]
        : [];
  if (inputs.length === 0) return undefined;
  const cats = inputs.map((p) => p.number);
  const low = Math.min(...cats);
  const high = Math.max(...cats) + 1;
  const where =
    province?.where ?? `${COUNTRY[market.country] ?? market.country} (country row; not specific to ${market.name})`;
  const kl = market.id === 'my-johor' ? f.get(AQ_REGION, 'aws ap-southeast-5 (Kuala Lumpur)', AQ_QUANTITY) : undefined;
  return ranged(
    'water_stress',
    { marketId: market.id },
    { low, high },
    'estimate',
    `WRI Aqueduct 4.0 places ${where} in baseline-water-stress category ${[...new Set(cats)].join(' and ')}; the 0-5 score runs one point per category (category k = score k to k + 1), so the score lies between ${low} and ${high}; value = (low + high) ÷ 2. The same tables put India (score 4.11) in category 4 and Thailand (3.62) in 3`,
    inputs,
    province?.note ??
      `National category for ${market.country}, not specific to ${market.name}${kl === undefined ? '' : ` (the Kuala Lumpur cloud region's province is category ${kl.figure.value}, low)`}; no score was found for ${COUNTRY[market.country] ?? market.country} (it falls below rank 43 of the readable 2023 ranking).`,
  );
}

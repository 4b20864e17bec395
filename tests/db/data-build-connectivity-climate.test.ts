// The data build's connectivity and climate criteria for every seeded market: round trips to
// Singapore and Hong Kong (Azure P50 where a region is in the market, the market's own intra-metro
// figure for the hub itself, else a great-circle fibre estimate calibrated on Azure's measured
// routes), subsea cable systems landing in the market, annual mean temperature and WRI water stress.
// Expected values are read by hand from the figures files under data/sources; the fibre estimates
// were worked by hand from the seed coordinates with the formula the rule states.
import { describe, expect, it } from 'vitest';
import { deriveAll } from '../../db/data-build/derive';
import type { Fact } from '../../db/data-build/figures';
import { loadSourceTables } from '../../db/data-build/source-tables';
import { seedMarkets } from '../../db/seed/markets';
import { seedSites } from '../../db/seed/sites';

const facts = deriveAll(loadSourceTables('data/sources'), seedMarkets, seedSites).facts;

function fact(criterionId: string, marketId: string): Fact {
  const found = facts.find((x) => x.criterionId === criterionId && x.marketId === marketId);
  if (found === undefined) throw new Error(`no ${criterionId} fact for ${marketId}`);
  return found;
}

function known(criterionId: string, marketId: string) {
  const f = fact(criterionId, marketId);
  if (f.kind !== 'known') throw new Error(`${criterionId} for ${marketId} is a gap: ${f.missingReason}`);
  return f;
}

const MARKETS = seedMarkets.map((m) => m.id);

describe('round trip to Singapore and Hong Kong', () => {
  it('is known for every market, never a gap', () => {
    for (const c of ['latency_sg_ms', 'latency_hk_ms'])
      for (const m of MARKETS) expect(fact(c, m).kind, `${c} ${m}`).toBe('known');
  });

  it('takes Azure P50 round trips from the market region to the hub region', () => {
    // azure-latency/figures.csv, row "<market region> -> Southeast Asia" / "-> East Asia".
    const sg = { hk: 36, 'jp-tokyo': 72, 'in-mumbai': 53, 'au-sydney': 95, 'us-nova': 224, 'id-jakarta': 17 };
    const hk = { sg: 36, 'jp-tokyo': 49, 'in-mumbai': 87, 'au-sydney': 121, 'us-nova': 202, 'id-jakarta': 47 };
    for (const [m, v] of Object.entries(sg))
      expect(known('latency_sg_ms', m), m).toMatchObject({
        value: v,
        method: 'measured',
        reference: 'data/sources/azure-latency/figures.csv',
      });
    for (const [m, v] of Object.entries(hk))
      expect(known('latency_hk_ms', m), m).toMatchObject({ value: v, method: 'measured' });
    // Central India is Pune, not Mumbai; the note says so.
    expect(known('latency_sg_ms', 'in-mumbai').note).toMatch(/Pune/);
  });

  it('gives a hub its own intra-metro round trip, not a gap or zero', () => {
    // aws-inter-az-ping-2019: ap-southeast-1 pairs 1.2, 0.729, 1.406 ms → mean 1.11167.
    const sg = known('latency_sg_ms', 'sg');
    expect(sg.method).toBe('derived');
    expect(sg.value).toBeCloseTo(1.11167, 4);
    expect(sg.reference).toBe('data/sources/aws-inter-az-ping-2019/figures.csv');
    // azure-inter-zone-latency-target: Microsoft's < ~2 ms target, the only Hong Kong figure (a bound).
    const hk = known('latency_hk_ms', 'hk');
    expect(hk).toMatchObject({ value: 2, method: 'official' });
    expect(hk.note).toMatch(/upper bound/);
  });

  it('estimates the rest from great-circle distance with a route factor calibrated on Azure routes', () => {
    // Every route pays the hub's own metro hop t0 (Singapore 1.1117 ms, the mean of AWS's three
    // inter-zone pairs; Hong Kong 2 ms, Microsoft's target), so k = median of (RTT − t0)·v/(2d) over
    // the five Azure routes into the hub (into Singapore: HK 1.368, Tokyo 1.346, Sydney 1.519,
    // N. Virginia 1.465, Jakarta 1.737 → 1.4647; into Hong Kong: Singapore 1.334, Tokyo 1.644,
    // Sydney 1.650, N. Virginia 1.559, Jakarta 1.402 → 1.5594), then rtt = t0 + 2·d·k/v from the
    // market's reference site to the hub's (Tuas / Tseung Kwan O). Johor: d = 39.5 km →
    // 1.1117 + 2 × 39.5 × 1.4647 / 204 = 1.68 ms, above Singapore's own 1.11.
    const toSg = {
      'my-johor': 1.68,
      'id-batam': 1.89,
      'th-eec': 20.88,
      'cn-jjj': 65.85,
      'cn-nmg': 65.98,
      'cn-gz': 41.35,
      'cn-nx': 58.91,
      'cn-yrd': 55.56,
      'cn-gba': 41.63,
    };
    const toHk = {
      'my-johor': 41.31,
      'id-batam': 41.63,
      'th-eec': 28.16,
      'cn-jjj': 32.84,
      'cn-nmg': 33.88,
      'cn-gz': 15.97,
      'cn-nx': 31.05,
      'cn-yrd': 20.28,
      'cn-gba': 6.38,
    };
    for (const [criterion, expected] of [
      ['latency_sg_ms', toSg],
      ['latency_hk_ms', toHk],
    ] as const)
      for (const [m, v] of Object.entries(expected)) {
        const f = known(criterion, m);
        expect(f.method, `${criterion} ${m}`).toBe('derived');
        expect(f.value, `${criterion} ${m}`).toBeCloseTo(v, 1);
        expect(f.derivation).toMatch(/rtt = t0 \+ 2 × d × k \/ v/);
        expect(f.derivation).toMatch(/v = 204 km\/ms/);
        expect(f.derivation).toMatch(/median/);
      }
    // Johor is not served by Malaysia West (Greater Kuala Lumpur); the note says why it is estimated.
    expect(known('latency_sg_ms', 'my-johor').note).toMatch(/Kuala Lumpur/);
    expect(known('latency_hk_ms', 'cn-gba').note).toMatch(/gateway/);
  });
});

describe('subsea cable systems landing in the market', () => {
  it('counts distinct in-service systems at the market’s landing points', () => {
    // telegeography-landing-points cable_systems_landing_in_service, plus systems the landing-point
    // index adds (BRCS at Rengit and Tanjung Pinggir; Topaz at Takahagi, Ibaraki).
    const expected = {
      sg: 22,
      'my-johor': 7,
      'id-batam': 13,
      hk: 12,
      'cn-gba': 3,
      'cn-yrd': 5,
      'th-eec': 1,
      'id-jakarta': 5, // 6 less JaSuKa (domestic: every landing in Indonesia)
      'jp-tokyo': 15,
      'in-mumbai': 10,
      'au-sydney': 7,
      'us-nova': 3,
    };
    for (const [m, v] of Object.entries(expected)) {
      const f = known('subsea_cables', m);
      expect(f, m).toMatchObject({ value: v, method: 'derived' });
      expect(f.reference).toMatch(/telegeography-landing-points/);
    }
    expect(known('subsea_cables', 'my-johor').derivation).toMatch(/Batam-Rengit Cable System/);
    expect(known('subsea_cables', 'jp-tokyo').derivation).toMatch(/Topaz/);
    expect(known('subsea_cables', 'sg').derivation).toMatch(/SeaMeWe-5/);
    // Planned systems are named but not counted.
    expect(known('subsea_cables', 'sg').derivation).toMatch(/planned, not counted.*Bifrost/);
    // Counts from an incomplete copy say they are lower bounds.
    for (const m of ['sg', 'jp-tokyo', 'th-eec', 'au-sydney'])
      expect(known('subsea_cables', m).note, m).toMatch(/lower bound/);
  });

  it('counts international systems only: a system landing only in the market’s own country is left out', () => {
    // Batam: 14 in service at Batam and Tanjung Bemban + BRCS (index) = 15, less JaSuKa (all seven
    // landings in Indonesia, its cable file) and Palapa Ring West (national backbone) = 13.
    const batam = known('subsea_cables', 'id-batam');
    expect(batam.derivation).toMatch(/domestic, not counted: JaSuKa, Palapa Ring West/);
    expect(batam.derivation).not.toMatch(/= [^;]*\bJaSuKa\b[^;]*; domestic/);
    for (const kept of ['JAKABARE', 'Batam Sarawak Internet Cable System (BaSICS)', 'PGASCOM', 'B2JS'])
      expect(batam.derivation).toContain(kept);
    expect(batam.reference).toContain('data/sources/telegeography-cable-files-hk-batam/figures.csv');
    expect(batam.reference).toContain('data/sources/observerid-palapa-ring-2019/figures.csv');
    // Hong Kong: 9 in service at the five stored landing points, less TKO Connect (Tseung Kwan O to
    // Chai Wan, both in Hong Kong) = 8; + AAE-1 (Cape D'Aguilar), FLAG/REACH North Asia Loop (Tong
    // Fuk), SeaMeWe-3 (Deep Water Bay) from their cable files; + TGN-IA from OFCA's list = 12.
    const hk = known('subsea_cables', 'hk');
    for (const name of [
      'Asia Africa Europe-1 (AAE-1)',
      'FLAG North Asia Loop/REACH North Asia Loop',
      'SeaMeWe-3',
      'TGN-Intra Asia Cable System (TGN-IA)',
    ])
      expect(hk.derivation).toContain(name);
    expect(hk.derivation).toMatch(/domestic, not counted: TKO Connect/);
    expect(hk.derivation).toMatch(/cape-daguilar-china.*deep-water-bay-china/);
    expect(hk.reference).toContain('data/sources/ofca-hk-submarine-cables-2024/figures.csv');
    // Checked against the regulator's list (11 systems, Dec 2024): every one counted, so no longer
    // a lower bound; SeaMeWe-3 is the one more.
    expect(hk.note).toMatch(/OFCA/);
    expect(hk.note).toMatch(/all 11/);
    expect(hk.note).not.toMatch(/lower bound/);
    // Markets whose systems were not screened say so.
    expect(known('subsea_cables', 'my-johor').note).toMatch(/Domestic systems were not screened out/);
    expect(known('subsea_cables', 'id-jakarta').derivation).toMatch(/domestic, not counted: JaSuKa/);
  });

  it('is zero for hubs without a landing point, with the reason', () => {
    for (const m of ['cn-nmg', 'cn-gz', 'cn-nx'])
      expect(known('subsea_cables', m), m).toMatchObject({
        value: 0,
        method: 'derived',
        derivation: expect.stringMatching(/landlocked: no landing point/),
      });
    expect(known('subsea_cables', 'cn-jjj')).toMatchObject({
      value: 0,
      derivation: expect.stringMatching(/Beijing, Tianjin or Hebei/),
    });
  });
});

describe('annual mean temperature', () => {
  it('is the market city’s climate normal where the table has it', () => {
    // wikipedia-city-mean-temperature-1brc/figures.csv
    const expected = {
      sg: 27.0,
      'th-eec': 28.6,
      'cn-jjj': 12.9,
      'cn-yrd': 16.7,
      'cn-gba': 22.4,
      hk: 23.3,
      'id-jakarta': 26.7,
      'jp-tokyo': 15.4,
      'in-mumbai': 27.1,
      'au-sydney': 17.7,
      'us-nova': 14.6,
    };
    for (const [m, v] of Object.entries(expected))
      expect(known('mean_temp_c', m), m).toMatchObject({ value: v, method: 'measured' });
  });

  it('uses a stand-in station only as an estimate, with its reasoning', () => {
    // Johor between Singapore 27.0 and Kuala Lumpur 27.3; Batam across the strait from Singapore 27.0;
    // Zhongwei from Yinchuan 9.0; Guizhou "~15" (globibo, an estimate table).
    expect(known('mean_temp_c', 'my-johor')).toMatchObject({ value: 27.15, low: 27, high: 27.3, method: 'estimate' });
    expect(known('mean_temp_c', 'id-batam')).toMatchObject({ value: 27, method: 'estimate' });
    expect(known('mean_temp_c', 'cn-nx')).toMatchObject({ value: 9, method: 'estimate' });
    expect(known('mean_temp_c', 'cn-gz')).toMatchObject({ value: 15, method: 'estimate' });
    for (const m of ['my-johor', 'id-batam', 'cn-nx'])
      expect(known('mean_temp_c', m).derivation, m).toMatch(/stand-in/);
    // Inner Mongolia: the regional government's annual mean for the Horinger (Hohhot) cluster.
    expect(known('mean_temp_c', 'cn-nmg')).toMatchObject({ value: 7, method: 'official' });
  });
});

describe('water stress (WRI, 0–5)', () => {
  it('carries the national WRI score where a sourced table has one', () => {
    expect(known('water_stress', 'in-mumbai')).toMatchObject({ value: 4.11, method: 'measured' });
    expect(known('water_stress', 'th-eec')).toMatchObject({ value: 3.62 });
    expect(known('water_stress', 'us-nova')).toMatchObject({ value: 2.9 });
    expect(known('water_stress', 'sg')).toMatchObject({ value: 5 });
    expect(known('water_stress', 'in-mumbai').note).toMatch(/national figure for IN/);
    expect(known('water_stress', 'sg').note).toMatch(/2013/);
  });

  it('elsewhere, places the score in its Aqueduct 4.0 category band: an estimate kept as a range', () => {
    // spruce-aqueduct40-cloud-region-water-stress: category k → score k to k + 1, value the midpoint.
    // Beijing 2 and Hebei 4 → 2–5 (3.5); Shanghai 3 and Jiangsu 2 → 2–4 (3); Ningxia 2, Hong Kong 2,
    // Tokyo 2, Jakarta 2 → 2–3 (2.5); Sydney (NSW) 3 → 3–4 (3.5).
    const expected: Record<string, [number, number, number]> = {
      'cn-jjj': [2, 5, 3.5],
      'cn-yrd': [2, 4, 3],
      'cn-nx': [2, 3, 2.5],
      hk: [2, 3, 2.5],
      'jp-tokyo': [2, 3, 2.5],
      'id-jakarta': [2, 3, 2.5],
      'au-sydney': [3, 4, 3.5],
      // spruce-aqueduct40-zone-water-stress country rows: CN 2, ID 2, MY 1 (national).
      'cn-nmg': [2, 3, 2.5],
      'cn-gz': [2, 3, 2.5],
      'cn-gba': [2, 3, 2.5],
      'id-batam': [2, 3, 2.5],
      'my-johor': [1, 2, 1.5],
    };
    for (const [m, [low, high, value]] of Object.entries(expected)) {
      const f = known('water_stress', m);
      expect(f, m).toMatchObject({ low, high, value, method: 'estimate' });
      expect(f.derivation, m).toMatch(/one point per category/);
    }
    expect(known('water_stress', 'cn-gz').note).toMatch(/National category for CN/);
    expect(known('water_stress', 'my-johor').note).toMatch(/Kuala Lumpur/);
  });
});

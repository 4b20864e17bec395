// The named campuses (db/seed/campuses.ts) and their capacity rules. The expected MW and methods
// were worked out by hand from the figures files under data/sources (named beside each), so a rule
// that reads the wrong row or does the wrong sum fails here.
import { describe, expect, it } from 'vitest';
import type { SiteCapacity } from '../../db/data-build/site-capacity';
import { Figures } from '../../db/data-build/figures';
import { campusCapacityRules } from '../../db/data-build/rules/campus-capacities';
import { loadSourceTables } from '../../db/data-build/source-tables';
import { seedCampuses, type SeedCampus } from '../../db/seed/campuses';
import { seedMarkets } from '../../db/seed/markets';
import { CAMPUS_OF_DISTRICT, seedSites, type SeedSite } from '../../db/seed/sites';
import { SiteStatus } from '../../shared/schemas';

const f = new Figures(loadSourceTables('data/sources'));

// The rules take the site they size; a campus read as one (operator included for stores that keep it).
function asSite(c: SeedCampus): SeedSite {
  const site = {
    id: c.id,
    name: c.name,
    marketId: c.marketId,
    lat: c.lat,
    lon: c.lon,
    operator: c.operator,
    capacityMw: { existing: null, planned: null },
    status: c.status,
    notes: c.notes,
    source: { title: 'campus', url: 'https://example.invalid/', asOf: '2026-12-03' },
  };
  return site;
}

function capacity(id: string): SiteCapacity {
  const campus = seedCampuses.find((c) => c.id === id);
  const rule = campusCapacityRules[id];
  if (campus === undefined || rule === undefined) throw new Error(`no campus or rule ${id}`);
  const c = rule(f, asSite(campus));
  if (c === undefined) throw new Error(`rule ${id} returned nothing`);
  return c;
}

// Rough boxes (south, north, west, east) around each market's region.
const BOX: Record<string, readonly [number, number, number, number]> = {
  sg: [1.15, 1.48, 103.6, 104.1],
  'my-johor': [1.25, 2.2, 102.5, 104.5],
  'id-batam': [0.9, 1.3, 103.8, 104.3],
  'cn-jjj': [38, 42, 113, 119],
  'cn-nmg': [39, 43, 109, 115],
  'cn-nx': [35, 39.5, 104, 107.7],
  'cn-gz': [24.5, 29.5, 103.5, 109.6],
  'cn-yrd': [29, 33.5, 117.5, 122.5],
  'cn-gba': [21.5, 25.6, 111.5, 115.5],
  hk: [22.15, 22.6, 113.8, 114.45],
  'jp-tokyo': [35.2, 36.2, 139, 140.6],
  'in-mumbai': [18.8, 19.4, 72.7, 73.3],
  'th-eec': [12.4, 14.2, 100.3, 101.9],
  'id-jakarta': [-6.7, -6.0, 106.4, 107.4],
};

describe('seed campuses', () => {
  it('have unique ids and names, and each is seeded once: as itself, or as the district it is', () => {
    const ids = seedCampuses.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(seedCampuses.map((c) => c.name)).size).toBe(seedCampuses.length);
    const districtOf = new Map(Object.entries(CAMPUS_OF_DISTRICT).map(([d, c]) => [c, d]));
    for (const c of seedCampuses) {
      const seeded = seedSites.filter((s) => s.id === (districtOf.get(c.id) ?? c.id));
      expect(seeded, c.id).toHaveLength(1);
      expect(seeded[0], c.id).toMatchObject({ name: c.name, operator: c.operator, lat: c.lat, lon: c.lon });
    }
    expect(new Set(seedSites.map((s) => s.id)).size).toBe(seedSites.length);
  });

  it('give the seed at least 60 named campuses with an operator (≥ 10 Singapore, ≥ 10 Johor, ≥ 15 mainland) and a MW figure for ≥ 80 % of sites', () => {
    const named = seedSites.filter((s) => s.operator !== null);
    const inMarket = (p: (id: string) => boolean) => named.filter((s) => p(s.marketId)).length;
    expect(named.length).toBeGreaterThanOrEqual(60);
    expect(inMarket((m) => m === 'sg')).toBeGreaterThanOrEqual(10);
    expect(inMarket((m) => m === 'my-johor')).toBeGreaterThanOrEqual(10);
    expect(inMarket((m) => m.startsWith('cn-'))).toBeGreaterThanOrEqual(15);
    const sized = seedSites.filter((s) => s.capacityMw.existing !== null || s.capacityMw.planned !== null);
    expect(sized.length / seedSites.length).toBeGreaterThanOrEqual(0.8);
  });

  it('lie in a seeded market, inside its region, with a valid status and an operator', () => {
    const markets = new Set(seedMarkets.map((m) => m.id));
    for (const c of seedCampuses) {
      expect(markets.has(c.marketId), c.id).toBe(true);
      const box = BOX[c.marketId];
      expect(box, `${c.id}: no box for ${c.marketId}`).toBeDefined();
      const [south, north, west, east] = box ?? [0, 0, 0, 0];
      expect(c.lat, c.id).toBeGreaterThanOrEqual(south);
      expect(c.lat, c.id).toBeLessThanOrEqual(north);
      expect(c.lon, c.id).toBeGreaterThanOrEqual(west);
      expect(c.lon, c.id).toBeLessThanOrEqual(east);
      expect(SiteStatus.safeParse(c.status).success, c.id).toBe(true);
      expect(c.operator.trim(), c.id).not.toBe('');
    }
  });

  it('meet the counts of issue 13 for the new campuses', () => {
    const inMarket = (p: (id: string) => boolean) => seedCampuses.filter((c) => p(c.marketId)).length;
    expect(inMarket((m) => m === 'sg')).toBeGreaterThanOrEqual(7);
    expect(inMarket((m) => m === 'my-johor')).toBeGreaterThanOrEqual(7);
    expect(inMarket((m) => m.startsWith('cn-'))).toBeGreaterThanOrEqual(12);
    for (const hub of ['cn-jjj', 'cn-nmg', 'cn-nx', 'cn-gz', 'cn-yrd', 'cn-gba'])
      expect(
        inMarket((m) => m === hub),
        hub,
      ).toBeGreaterThanOrEqual(1);
  });

  it('each have a rule that cites a sourced table, and no rule is left without a campus', () => {
    const ids = new Set(seedCampuses.map((c) => c.id));
    expect(Object.keys(campusCapacityRules).filter((id) => !ids.has(id))).toEqual([]);
    for (const c of seedCampuses) {
      const cap = capacity(c.id);
      expect(cap.siteId).toBe(c.id);
      expect(cap.reference, c.id).toMatch(/^data\/sources\/[a-z0-9-]+\/figures\.csv/);
      expect(cap.source.asOf, c.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (cap.method === 'derived' || cap.method === 'estimate') expect(cap.derivation, c.id).not.toBeNull();
    }
  });

  it('give a MW figure for at least 85 % of campuses', () => {
    const sized = seedCampuses.filter((c) => {
      const cap = capacity(c.id);
      return cap.existing !== null || cap.planned !== null;
    });
    expect(sized.length / seedCampuses.length).toBeGreaterThanOrEqual(0.85);
  });
});

describe('campus capacities, worked by hand from the figures files', () => {
  const expectMw = (id: string, existing: number | null, planned: number | null, method: string) => {
    const c = capacity(id);
    expect({ existing: c.existing, planned: c.planned, method: c.method }).toEqual({ existing, planned, method });
    return c;
  };

  it('Equinix SG6: 20 MW planned, as announced (wmedia-equinix-sg6-2024, official)', () => {
    const c = expectMw('sg-equinix-sg6', null, 20, 'official');
    expect(c.reference).toBe('data/sources/wmedia-equinix-sg6-2024/figures.csv');
  });

  it('STT Defu: 40 MW campus − 15 MW Defu 3 = 25 existing, 15 planned (channelasia-stt-defu3, derived)', () => {
    const c = expectMw('sg-stt-defu', 25, 15, 'derived');
    expect(c.derivation).toMatch(/40 MW with Defu 3 − Defu 3's 15 MW/);
  });

  it('STT Loyang: 40 MW existing (datacentremagazine-stt-loyang-2021, official)', () => {
    expectMw('sg-stt-loyang', 40, null, 'official');
  });

  it('PDG JH1: 52 MW completed; 150 − 52 = 98 planned (mingtiandi-pdg-sg3-2023 + jland-pdg-jh1-2023, derived)', () => {
    const c = expectMw('my-pdg-jh1', 52, 98, 'derived');
    expect(c.reference).toContain('mingtiandi-pdg-sg3-2023');
    expect(c.reference).toContain('jland-pdg-jh1-2023');
  });

  it('AirTrunk JHB1: 50 MW launched Jul 2024; 150 − 50 = 100 planned (dcd-airtrunk-jhb1-mel1-expansion-2024, derived)', () => {
    const c = expectMw('my-airtrunk-jhb1', 50, 100, 'derived');
    expect(c.derivation).toMatch(/150 MW .* − 50 MW .* = 100 MW/);
    expect(c.reference).toBe('data/sources/dcd-airtrunk-jhb1-mel1-expansion-2024/figures.csv');
    expect(c.source.asOf).toBe('2024-08-31'); // published Aug 2024: its last day
  });

  it('AirTrunk JHB2 "over 270" and Vantage JHB1 "over 300" are planned lower bounds (estimate)', () => {
    expectMw('my-airtrunk-jhb2', null, 270, 'estimate');
    expectMw('my-vantage-jhb1', null, 300, 'estimate');
  });

  it('Bridge MY07: the 400 MW grid supply agreement as a planned-capacity proxy (estimate)', () => {
    const c = expectMw('my-bdc-my07', null, 400, 'estimate');
    expect(c.derivation).toMatch(/electricity supply agreement/);
  });

  it('STT Johor: 120 MW planned IT power (edgeprop-stt-johor-2023, official)', () => {
    expectMw('my-stt-johor', null, 120, 'official');
  });

  it('Huawei Cloud Wuhu: 1万 = 10,000 cabinets × 8 kW ÷ 1,000 = 80 MW planned, a lower bound (estimate)', () => {
    const c = expectMw('cn-huawei-cloud-wuhu', null, 80, 'estimate');
    expect(c.derivation).toMatch(/it would be 220 MW/);
  });

  it('ZData Wuhu: 8,500 racks × 18 kW ÷ 1,000 = 153 MW planned (estimate)', () => {
    expectMw('cn-zdata-wuhu', null, 153, 'estimate');
  });

  it('CIDC Zhongwei: "约2050" MW planned IT load read as about 2,050 MW (estimate)', () => {
    expectMw('cn-cidc-zhongwei', null, 2050, 'estimate');
  });

  it('PDG Shanghai 42 MW existing; China Telecom Lin-gang 290 MW planned (official)', () => {
    expectMw('cn-pdg-shanghai', 42, null, 'official');
    expectMw('cn-china-telecom-lingang', null, 290, 'official');
  });

  it('a campus no source sizes keeps both figures null but cites the row naming it', () => {
    const c = expectMw('sg-meta-tanjong-kling', null, null, 'official');
    expect(c.reference).toBe('data/sources/bt-meta-singapore-2018/figures.csv');
    expect(c.source.asOf).toBe('2018-09-06');
  });
});

describe('second campus round, worked by hand from the figures files', () => {
  const expectMw = (id: string, existing: number | null, planned: number | null, method: string) => {
    const c = capacity(id);
    expect({ existing: c.existing, planned: c.planned, method: c.method }).toEqual({ existing, planned, method });
    return c;
  };

  it('Keppel DC Singapore 7: 40 MW planned, AWS Loyang 24 and Jurong 20 (mingtiandi-cw-sg-pipeline-2022, measured)', () => {
    const c = expectMw('sg-keppel-dc-sgp7', null, 40, 'measured');
    expect(c.reference).toBe('data/sources/mingtiandi-cw-sg-pipeline-2022/figures.csv');
    expectMw('sg-aws-loyang', null, 24, 'measured');
    expectMw('sg-aws-jurong', null, 20, 'measured');
  });

  it('BDx SIN1: "more than 5" read as 5 MW planned, a lower bound (estimate)', () => {
    const c = expectMw('sg-bdx-sin1', null, 5, 'estimate');
    expect(c.derivation).toMatch(/"more than 5" MW taken as 5 MW/);
  });

  it('Singtel DC West: "up to 36" MW power read as 36 MW existing (estimate)', () => {
    expectMw('sg-singtel-dc-west', 36, null, 'estimate');
  });

  it('Stack Johor Bahru: 220 MW planned (aiobserver-stack-johor, official), dated by the read date', () => {
    const c = expectMw('my-stack-johor-bahru', null, 220, 'official');
    expect(c.source.asOf).toBe('2026-12-03');
  });

  it('Logos Gerbang Nusajaya "up to 360" and MC Digital Realty Inzai "up to 35.6" are planned bounds (estimate)', () => {
    expectMw('my-logos-gerbang-nusajaya', null, 360, 'estimate');
    expectMw('jp-mc-digital-realty-inzai', null, 35.6, 'estimate');
  });

  it('PDG Cibitung: 35 MW campus − 22 MW JC2 = 13 existing, 22 planned (derived)', () => {
    const c = expectMw('id-pdg-cibitung', 13, 22, 'derived');
    expect(c.derivation).toMatch(/35 MW campus power after JC2 − JC2's 22 MW/);
  });

  it('Range Langfang 150 MW existing (estimate table); CapitaLand Shanghai 55 existing and Chayora Shanghai 54 planned (official)', () => {
    expectMw('cn-range-langfang', 150, null, 'estimate');
    expectMw('cn-capitaland-shanghai', 55, null, 'official');
    expectMw('cn-chayora-shanghai', null, 54, 'official');
  });

  it('Beijing Haoyang Rayong 300 MW and Digital Edge Bekasi 500 MW planned (official)', () => {
    expectMw('th-haoyang-wha-rayong', null, 300, 'official');
    expectMw('id-digital-edge-bekasi', null, 500, 'official');
  });

  it('China Mobile Hohhot is unsized but cites its racks row, dated 2016-12-16', () => {
    const c = expectMw('cn-china-mobile-hohhot', null, null, 'official');
    expect(c.source.asOf).toBe('2016-12-16');
  });
});

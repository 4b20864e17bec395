import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open';
import { seedMarkets } from '../../db/seed/markets';
import { seedSites } from '../../db/seed/sites';
import { countSites, listSites } from '../../db/sites-repo';
import { IsoDate, Site } from '../../shared/schemas';

let db: Db;

const ids = (sites: readonly { id: string }[]): string[] => sites.map((s) => s.id).sort();

const countryOf = new Map(seedMarkets.map((m) => [m.id, m.country]));
/** The seed's sites that a filter should return, worked out here in plain code, as the reference. */
const seedWhere = (keep: (s: (typeof seedSites)[number], country: string | undefined) => boolean): string[] =>
  ids(seedSites.filter((s) => keep(s, countryOf.get(s.marketId))));
const inBox = (s: { lat: number; lon: number }, west: number, south: number, east: number, north: number): boolean =>
  s.lat >= south && s.lat <= north && s.lon >= west && s.lon <= east;

/** The starter sites of the first release: their ids must keep working. */
const STARTER_IDS = [
  'sg-tuas',
  'sg-loyang',
  'sg-jurong-west',
  'my-sedenak',
  'my-kulai',
  'my-nusajaya',
  'id-nongsa',
  'cn-zhangjiakou',
  'cn-ulanqab',
  'cn-guian',
  'cn-zhongwei',
  'hk-tseung-kwan-o',
  'jp-inzai',
  'us-ashburn',
];

beforeAll(() => {
  db = openDatabase(':memory:');
});

afterAll(() => {
  db.close();
});

describe('seeded sites', () => {
  it('holds every seed site, each in a seeded market, and keeps the starter ids', () => {
    expect(countSites(db)).toBe(seedSites.length);
    expect(seedSites.length).toBeGreaterThanOrEqual(20);
    expect(new Set(seedSites.map((s) => s.id)).size).toBe(seedSites.length);
    const marketIds = new Set(seedMarkets.map((m) => m.id));
    for (const s of seedSites) expect(marketIds.has(s.marketId)).toBe(true);
    expect(ids(listSites(db))).toEqual(expect.arrayContaining(STARTER_IDS));
  });

  it('gives every site a source title, an http(s) url and an asOf date', () => {
    const sites = listSites(db);
    expect(sites).toHaveLength(seedSites.length);
    for (const s of sites) {
      expect(s.source.title.length).toBeGreaterThan(0);
      // A few sources (Chinese government and press pages) are published over plain http.
      expect(['https:', 'http:']).toContain(new URL(s.source.url).protocol);
      expect(IsoDate.safeParse(s.source.asOf).success).toBe(true);
      expect(Site.safeParse(s).success).toBe(true);
    }
  });

  it('maps columns to the Site shape', () => {
    const ashburn = listSites(db).find((s) => s.id === 'us-ashburn');
    expect(ashburn).toEqual({
      id: 'us-ashburn',
      name: 'Ashburn',
      marketId: 'us-nova',
      marketName: 'Northern Virginia',
      country: 'US',
      lat: 39.0438,
      lon: -77.4874,
      capacityMw: { existing: null, planned: null },
      status: 'operational',
      operator: null,
      notes: 'Reference market.',
      source: {
        title: 'Cushman & Wakefield, APAC Data Centre Update H2 2023',
        url: 'https://cushwake.cld.bz/apac-dc-h2-2023-update/5',
        asOf: '2023-12-31',
      },
    });
  });
});

describe('listSites', () => {
  it('orders by country, then name', () => {
    const sites = listSites(db);
    const keys = sites.map((s) => `${s.country}|${s.name}`);
    expect(keys).toEqual([...keys].sort());
    expect(sites[0]?.country).toBe('AU');
    expect(sites.at(-1)?.country).toBe('US');
  });

  it('filters by country', () => {
    const sg = listSites(db, { country: 'SG' });
    expect(ids(sg)).toEqual(seedWhere((_, c) => c === 'SG'));
    expect(ids(sg)).toEqual(expect.arrayContaining(['sg-jurong-west', 'sg-loyang', 'sg-tai-seng', 'sg-tuas']));
    expect(ids(sg).every((id) => id.startsWith('sg-'))).toBe(true);
    const chinaMarkets = new Set(seedMarkets.filter((m) => m.country === 'CN').map((m) => m.id));
    expect(ids(listSites(db, { country: 'CN' }))).toEqual(ids(seedSites.filter((s) => chinaMarkets.has(s.marketId))));
    expect(listSites(db, { country: 'FR' })).toEqual([]);
  });

  it('filters by status', () => {
    const building = ids(listSites(db, { status: 'under_construction' }));
    expect(building).toEqual(seedWhere((s) => s.status === 'under_construction'));
    expect(building).toEqual(expect.arrayContaining(['id-nongsa', 'my-kulai', 'sg-jurong-west']));
    expect(ids(listSites(db, { status: 'planned' }))).toEqual(ids(seedSites.filter((s) => s.status === 'planned')));
    expect(ids(listSites(db, { status: 'planned' }))).toContain('cn-qingpu');
    expect(ids(listSites(db, { status: 'land_bank' }))).toEqual(seedWhere((x) => x.status === 'land_bank'));
    expect(ids(listSites(db, { status: 'land_bank' }))).toContain('my-pulai');
  });

  it('combines country and status', () => {
    const both = ids(listSites(db, { country: 'SG', status: 'operational' }));
    expect(both).toEqual(seedWhere((s, c) => c === 'SG' && s.status === 'operational'));
    expect(both).toEqual(expect.arrayContaining(['sg-tuas', 'sg-loyang', 'sg-tai-seng']));
    expect(both).not.toContain('sg-jurong-west');
  });

  it('filters by an ordinary bounding box, edges included', () => {
    const straits = listSites(db, { bbox: { west: 103, south: 1, east: 105, north: 2 } });
    expect(ids(straits)).toEqual(seedWhere((s) => inBox(s, 103, 1, 105, 2)));
    expect(ids(straits)).toEqual(
      expect.arrayContaining([
        'id-nongsa',
        'my-kulai',
        'my-nusajaya',
        'my-pulai',
        'my-sedenak',
        'sg-loyang',
        'sg-tuas',
      ]),
    );
    expect(ids(straits).every((id) => /^(sg|my|id)-/.test(id))).toBe(true);
    // Exactly on the corner of the box.
    const edge = listSites(db, { bbox: { west: -77.4874, south: 39.0438, east: -77.4874, north: 39.0438 } });
    expect(ids(edge)).toEqual(['us-ashburn']);
    expect(listSites(db, { bbox: { west: 0, south: -10, east: 10, north: 0 } })).toEqual([]);
  });

  it('applies latitude and longitude together', () => {
    // Singapore's longitudes but a latitude band that holds none of the Straits sites.
    const north = ids(listSites(db, { bbox: { west: 103, south: 1.4, east: 105, north: 2 } }));
    expect(north).toEqual(seedWhere((s) => inBox(s, 103, 1.4, 105, 2)));
    expect(north).toEqual(expect.arrayContaining(['my-kulai', 'my-nusajaya', 'my-pulai', 'my-sedenak']));
    expect(north.filter((id) => id.startsWith('sg-'))).toEqual([]);
  });
});

describe('listSites across the antimeridian', () => {
  let pacific: Db;

  beforeAll(() => {
    pacific = openDatabase(':memory:');
    pacific.prepare("INSERT INTO markets (id, name, country) VALUES ('pacific', 'South Pacific', 'FJ')").run();
    const insert = pacific.prepare(`
      INSERT INTO sites (id, name, market_id, lat, lon, status, source_title, source_url, source_as_of)
      VALUES (@id, @name, 'pacific', @lat, @lon, 'planned', 'Test', 'https://example.com', '2025-01-01')`);
    insert.run({ id: 'fj-suva', name: 'Suva', lat: -18.14, lon: 178.44 });
    insert.run({ id: 'ws-apia', name: 'Apia', lat: -13.83, lon: -171.76 });
    insert.run({ id: 'nz-auckland', name: 'Auckland', lat: -36.85, lon: 174.76 });
  });

  afterAll(() => {
    pacific.close();
  });

  it('returns sites on both sides of 180° when west > east', () => {
    const sites = listSites(pacific, { bbox: { west: 170, south: -30, east: -170, north: 0 } });
    expect(ids(sites)).toEqual(['fj-suva', 'ws-apia']);
  });

  it('treats the same longitudes with west < east as the long way round', () => {
    const sites = listSites(pacific, { bbox: { west: -170, south: -30, east: 170, north: 0 } });
    expect(ids(sites)).not.toContain('fj-suva');
    expect(ids(sites)).not.toContain('ws-apia');
    // The seed's sites in that latitude band (Jakarta's) lie well inside the long way round.
    expect(ids(sites)).toEqual(seedWhere((s) => inBox(s, -170, -30, 170, 0)));
    expect(ids(sites)).toContain('id-cikarang');
  });

  it('still applies the latitude band to a crossing box', () => {
    const sites = listSites(pacific, { bbox: { west: 170, south: -40, east: -170, north: -15 } });
    expect(ids(sites)).toEqual(['fj-suva', 'nz-auckland']);
  });

  it('includes the seeded Inzai site in a crossing box that starts west of Japan', () => {
    const sites = listSites(pacific, { bbox: { west: 140, south: 35, east: -170, north: 36 } });
    expect(ids(sites)).toEqual(seedWhere((s) => s.lat >= 35 && s.lat <= 36 && s.lon >= 140));
    expect(ids(sites)).toContain('jp-inzai');
  });
});

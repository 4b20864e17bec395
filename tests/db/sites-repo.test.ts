import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureMarkets, fixtureSites } from '../../db/fixture-sites';
import { openDatabase, type Db } from '../../db/open';
import { countSites, listSites } from '../../db/sites-repo';
import { IsoDate, Site } from '../../shared/schemas';

let db: Db;

const ids = (sites: { id: string }[]): string[] => sites.map((s) => s.id).sort();

beforeAll(() => {
  db = openDatabase(':memory:');
});

afterAll(() => {
  db.close();
});

describe('seeded fixture', () => {
  it('holds the 14 starter sites in 10 markets', () => {
    expect(countSites(db)).toBe(14);
    expect(fixtureSites).toHaveLength(14);
    expect(fixtureMarkets).toHaveLength(10);
    expect(new Set(fixtureSites.map((s) => s.id)).size).toBe(14);
    const marketIds = new Set(fixtureMarkets.map((m) => m.id));
    for (const s of fixtureSites) expect(marketIds.has(s.marketId)).toBe(true);
  });

  it('gives every site a source title, an https url and an asOf date', () => {
    const sites = listSites(db);
    expect(sites).toHaveLength(14);
    for (const s of sites) {
      expect(s.source.title.length).toBeGreaterThan(0);
      expect(new URL(s.source.url).protocol).toBe('https:');
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
      notes: 'Reference market.',
      source: {
        title: 'Cushman & Wakefield, APAC Data Centre Update H2 2023',
        url: 'https://cushwake.cld.bz/apac-dc-h2-2023-update/5',
        asOf: '2024-02-01',
      },
    });
  });
});

describe('listSites', () => {
  it('orders by country, then name', () => {
    const sites = listSites(db);
    const keys = sites.map((s) => `${s.country}|${s.name}`);
    expect(keys).toEqual([...keys].sort());
    expect(sites[0]?.country).toBe('CN');
    expect(sites.at(-1)?.country).toBe('US');
  });

  it('filters by country', () => {
    const sg = listSites(db, { country: 'SG' });
    expect(ids(sg)).toEqual(['sg-jurong-west', 'sg-loyang', 'sg-tuas']);
    expect(listSites(db, { country: 'CN' })).toHaveLength(4);
    expect(listSites(db, { country: 'FR' })).toEqual([]);
  });

  it('filters by status', () => {
    expect(ids(listSites(db, { status: 'under_construction' }))).toEqual(['id-nongsa', 'my-kulai', 'my-sedenak']);
    expect(ids(listSites(db, { status: 'planned' }))).toEqual(['sg-tuas']);
    expect(listSites(db, { status: 'land_bank' })).toEqual([]);
  });

  it('combines country and status', () => {
    expect(ids(listSites(db, { country: 'SG', status: 'operational' }))).toEqual(['sg-jurong-west', 'sg-loyang']);
  });

  it('filters by an ordinary bounding box, edges included', () => {
    const straits = listSites(db, { bbox: { west: 103, south: 1, east: 105, north: 2 } });
    expect(ids(straits)).toEqual([
      'id-nongsa',
      'my-kulai',
      'my-nusajaya',
      'my-sedenak',
      'sg-jurong-west',
      'sg-loyang',
      'sg-tuas',
    ]);
    // Exactly on the corner of the box.
    const edge = listSites(db, { bbox: { west: -77.4874, south: 39.0438, east: -77.4874, north: 39.0438 } });
    expect(ids(edge)).toEqual(['us-ashburn']);
    expect(listSites(db, { bbox: { west: 0, south: -10, east: 10, north: 0 } })).toEqual([]);
  });

  it('applies latitude and longitude together', () => {
    // Singapore's longitudes but a latitude band that holds none of the Straits sites.
    expect(ids(listSites(db, { bbox: { west: 103, south: 1.4, east: 105, north: 2 } }))).toEqual([
      'my-kulai',
      'my-nusajaya',
      'my-sedenak',
    ]);
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
    expect(sites).toEqual([]);
  });

  it('still applies the latitude band to a crossing box', () => {
    const sites = listSites(pacific, { bbox: { west: 170, south: -40, east: -170, north: -15 } });
    expect(ids(sites)).toEqual(['fj-suva', 'nz-auckland']);
  });

  it('includes the seeded Inzai site in a crossing box that starts west of Japan', () => {
    const sites = listSites(pacific, { bbox: { west: 140, south: 35, east: -170, north: 36 } });
    expect(ids(sites)).toEqual(['jp-inzai']);
  });
});

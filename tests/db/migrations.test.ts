import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestVersion, migrate, migrations, schemaVersion } from '../../db/migrations';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
});

afterEach(() => {
  db.close();
});

function columns(table: string): { name: string; type: string; notnull: number; pk: number }[] {
  return db.pragma(`table_info(${table})`) as { name: string; type: string; notnull: number; pk: number }[];
}

function tables(): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
}

describe('migrations', () => {
  it('are numbered 1, 2, 3 … in order and latestVersion is the last', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_m, i) => i + 1));
    expect(latestVersion).toBe(migrations.length);
    for (const m of migrations) expect(m.description.length).toBeGreaterThan(0);
  });

  it('version 1 creates markets and sites and sets user_version', () => {
    expect(schemaVersion(db)).toBe(0);
    migrate(db, 1);
    expect(schemaVersion(db)).toBe(1);
    expect(tables()).toEqual(['markets', 'sites']);
    expect(columns('markets').map((c) => c.name)).toEqual(['id', 'name', 'country']);
    expect(columns('sites').map((c) => c.name)).toEqual([
      'id',
      'name',
      'market_id',
      'lat',
      'lon',
      'capacity_existing_mw',
      'capacity_planned_mw',
      'status',
      'notes',
      'source_title',
      'source_url',
      'source_as_of',
    ]);
    const sites = new Map(columns('sites').map((c) => [c.name, c]));
    expect(sites.get('id')?.pk).toBe(1);
    expect(sites.get('lat')?.type).toBe('REAL');
    expect(sites.get('capacity_existing_mw')?.notnull).toBe(0);
    expect(sites.get('source_url')?.notnull).toBe(1);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sites'").all();
    expect(indexes).toContainEqual({ name: 'sites_market' });
  });

  it('is a no-op when run again', () => {
    migrate(db);
    db.prepare("INSERT INTO markets (id, name, country) VALUES ('sg', 'Singapore', 'SG')").run();
    migrate(db);
    expect(schemaVersion(db)).toBe(latestVersion);
    expect(db.prepare('SELECT count(*) AS n FROM markets').get()).toEqual({ n: 1 });
  });

  it('runs nothing above the target version', () => {
    migrate(db, 0);
    expect(schemaVersion(db)).toBe(0);
    expect(tables()).toEqual([]);
  });

  it('refuses a database with a newer schema version, naming it "newer"', () => {
    db.pragma(`user_version = ${latestVersion + 1}`);
    expect(() => migrate(db)).toThrow(/newer/);
    expect(() => migrate(db)).toThrow(String(latestVersion + 1));
    expect(tables()).toEqual([]);
  });

  it('enforces the schema constraints', () => {
    db.pragma('foreign_keys = ON');
    migrate(db);
    db.prepare("INSERT INTO markets (id, name, country) VALUES ('sg', 'Singapore', 'SG')").run();
    expect(() => db.prepare("INSERT INTO markets (id, name, country) VALUES ('x', 'X', 'XYZ')").run()).toThrow(/CHECK/);
    const insertSite = db.prepare(`
      INSERT INTO sites (id, name, market_id, lat, lon, status, source_title, source_url, source_as_of)
      VALUES (@id, 'n', @market, @lat, 0, @status, 't', 'https://x', '2024-01-01')`);
    insertSite.run({ id: 'ok', market: 'sg', lat: 1, status: 'planned' });
    expect(() => insertSite.run({ id: 'a', market: 'nowhere', lat: 1, status: 'planned' })).toThrow(/FOREIGN KEY/);
    expect(() => insertSite.run({ id: 'b', market: 'sg', lat: 91, status: 'planned' })).toThrow(/CHECK/);
    expect(() => insertSite.run({ id: 'c', market: 'sg', lat: 1, status: 'rumoured' })).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) AS n FROM sites').get()).toEqual({ n: 1 });
  });
});

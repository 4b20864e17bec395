import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withChangeBatch } from '../../db/change-log';
import { latestVersion } from '../../db/migrations';
import { openDatabase, type Db } from '../../db/open';
import { seedMarkets } from '../../db/seed/markets';
import { seedSites } from '../../db/seed/sites';

let dir: string;
const opened: Db[] = [];

function open(path: string): Db {
  const db = openDatabase(path);
  opened.push(db);
  return db;
}

function counts(db: Db): { markets: number; sites: number } {
  const n = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { markets: n('markets'), sites: n('sites') };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-db-'));
});

afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('applies the durability pragmas and migrates to the latest version', () => {
    const db = open(join(dir, 'landfall.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(latestVersion).toBeGreaterThanOrEqual(1);
  });

  it('creates missing parent folders', () => {
    const path = join(dir, 'a', 'b', 'landfall.sqlite');
    open(path);
    expect(existsSync(path)).toBe(true);
  });

  it('opens an in-memory database with the seed', () => {
    const db = open(':memory:');
    expect(counts(db)).toEqual({ markets: seedMarkets.length, sites: seedSites.length });
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('seeds once: opening twice leaves the same counts', () => {
    const path = join(dir, 'landfall.sqlite');
    const first = open(path);
    const before = counts(first);
    expect(before).toEqual({ markets: seedMarkets.length, sites: seedSites.length });
    first.close();
    const second = open(path);
    expect(counts(second)).toEqual(before);
  });

  it('does not overwrite an edited seeded row when reopened', () => {
    const path = join(dir, 'landfall.sqlite');
    const first = open(path);
    // Through a change batch, as every edit in the app goes (so the content seal follows it).
    const changed = withChangeBatch(first, 'test', (batch) => {
      batch.record('update', 'sites', 'sg-tuas', null, null);
      return first.prepare("UPDATE sites SET name = 'Tuas (edited)' WHERE id = 'sg-tuas'").run();
    });
    expect(changed.changes).toBe(1);
    first.close();
    const second = open(path);
    const row = second.prepare("SELECT name FROM sites WHERE id = 'sg-tuas'").get() as { name: string };
    expect(row.name).toBe('Tuas (edited)');
    expect(counts(second).sites).toBe(seedSites.length);
  });

  it('refuses a database written by a newer schema version and leaves it untouched', () => {
    const path = join(dir, 'future.sqlite');
    const raw = new Database(path);
    raw.pragma(`user_version = ${latestVersion + 1}`);
    raw.close();

    expect(() => openDatabase(path)).toThrow(/newer/);

    const check = new Database(path);
    opened.push(check);
    expect(check.pragma('user_version', { simple: true })).toBe(latestVersion + 1);
    const tables = check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(tables).toEqual([]);
  });
});

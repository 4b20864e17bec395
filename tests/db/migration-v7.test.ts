// Migration 7: a site names its operator. An old store keeps every site as it was, with no operator
// (null: not recorded), a blank operator is refused, and an edit logged before the upgrade undoes
// into a complete row.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { undo } from '../../backend/services/edit/history-service';
import { withChangeBatch } from '../../db/change-log';
import { migrate, schemaVersion } from '../../db/migrations';
import { listSites } from '../../db/sites-repo';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
});
afterEach(() => db.close());

function v6Store(): void {
  migrate(db, 6);
  db.prepare("INSERT INTO markets (id, name, country) VALUES ('sg', 'Singapore', 'SG')").run();
  db.prepare(
    `INSERT INTO sites (id, name, market_id, lat, lon, capacity_existing_mw, status, source_title, source_url,
       source_as_of) VALUES ('sg-tuas', 'Tuas', 'sg', 1.32, 103.65, 58, 'operational', 'Straits Times',
       'https://example.org/tuas', '2026-02-09')`,
  ).run();
  withChangeBatch(db, 'user', (batch) => {
    const before = db.prepare("SELECT * FROM sites WHERE id = 'sg-tuas'").get();
    db.prepare("UPDATE sites SET name = 'Tuas West' WHERE id = 'sg-tuas'").run();
    const after = db.prepare("SELECT * FROM sites WHERE id = 'sg-tuas'").get();
    batch.record('update', 'sites', 'sg-tuas', before, after, 'name');
  });
}

describe('migration 7 (site operator)', () => {
  it('adds a nullable operator to every old site, keeping the rest as it was', () => {
    v6Store();
    migrate(db, 7);
    expect(schemaVersion(db)).toBe(7);
    const [site] = listSites(db);
    expect(site).toMatchObject({ id: 'sg-tuas', name: 'Tuas West', operator: null, capacityMw: { existing: 58 } });
  });

  it('refuses a blank operator but takes a named one', () => {
    v6Store();
    migrate(db, 7);
    expect(() => db.prepare("UPDATE sites SET operator = '  ' WHERE id = 'sg-tuas'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE sites SET operator = 'Nxera (Singtel)' WHERE id = 'sg-tuas'").run();
    expect(listSites(db)[0]?.operator).toBe('Nxera (Singtel)');
  });

  it('rewrites logged images so an edit from before the upgrade undoes into a complete row', () => {
    v6Store();
    migrate(db, 7);
    const image = db.prepare("SELECT before FROM change_log WHERE table_name = 'sites'").get() as { before: string };
    expect(JSON.parse(image.before)).toMatchObject({ id: 'sg-tuas', name: 'Tuas', operator: null });
    expect(undo(db).done).toBe(true);
    expect(listSites(db)[0]).toMatchObject({ name: 'Tuas', operator: null });
  });
});

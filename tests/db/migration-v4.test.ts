// Migration 4: the undo/redo state of change batches and the what-if scenario tables.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../db/migrations';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
});

afterEach(() => db.close());

const columns = (table: string): string[] =>
  (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);

const EVENT = `'e1', 'US', 'Title', '2026-01-01', NULL, 'licence_required', '', '{}', 'reported', 'Memo', 'https://example.org'`;

describe('migration 4', () => {
  it('adds history_batches, scenarios and scenario_policy_events to a version 3 store', () => {
    migrate(db, 3);
    expect(schemaVersion(db)).toBe(3);
    migrate(db, 4);
    expect(schemaVersion(db)).toBe(4);
    expect(columns('history_batches')).toEqual(['batch_id', 'kind', 'label', 'target_batch_id', 'state']);
    expect(columns('scenarios')).toEqual(['id', 'name', 'description', 'created_at', 'updated_at']);
    // The same columns as the real timeline, plus the scenario.
    expect(columns('scenario_policy_events')).toEqual(['scenario_id', ...columns('policy_events')]);
  });

  it('enforces the scenario tables’ rules: unique names (case-blind), ordered dates, cascade on delete', () => {
    migrate(db, 4);
    const at = '2026-01-01T00:00:00.000Z';
    db.prepare('INSERT INTO scenarios (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
      'a',
      'Alpha',
      at,
      at,
    );
    expect(() =>
      db
        .prepare('INSERT INTO scenarios (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run('b', 'ALPHA', at, at),
    ).toThrow(/UNIQUE/);
    db.exec(`INSERT INTO scenario_policy_events VALUES ('a', ${EVENT}, '')`);
    expect(() =>
      db.exec(
        `INSERT INTO scenario_policy_events VALUES ('a', ${EVENT.replace("'e1'", "'e2'").replace('NULL', "'2025-01-01'")}, '')`,
      ),
    ).toThrow(/CHECK/);
    expect(() =>
      db.exec(`INSERT INTO scenario_policy_events VALUES ('zz', ${EVENT.replace("'e1'", "'e3'")}, '')`),
    ).toThrow(/FOREIGN KEY/);
    db.exec("DELETE FROM scenarios WHERE id = 'a'");
    expect(db.prepare('SELECT count(*) AS n FROM scenario_policy_events').get()).toEqual({ n: 0 });
    expect(() => db.exec("INSERT INTO history_batches (batch_id, kind, state) VALUES ('b1', 'edit', 'gone')")).toThrow(
      /CHECK/,
    );
  });
});

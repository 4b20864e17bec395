// Migration 3: presets choose their normalisation. A version 2 store keeps every preset as it was,
// scoring as before ('criterion'), and the column refuses anything the engine does not know.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../db/migrations';
import { listPresets } from '../../db/presets-repo';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
});

afterEach(() => db.close());

const insertV2 = (id: string, builtin: number, weights: string, constraints: string): void => {
  db.prepare(
    `INSERT INTO presets (id, name, description, builtin, method, weights, constraints, updated_at)
     VALUES (?, ?, 'kept as written', ?, 'topsis', ?, ?, '2025-03-04T05:06:07.000Z')`,
  ).run(id, `Preset ${id}`, builtin, weights, constraints);
};

const rows = (): unknown[] => db.prepare('SELECT * FROM presets ORDER BY id').all();

describe('migration 3', () => {
  it("adds presets.normalisation to a version 2 store, keeping every row and defaulting to 'criterion'", () => {
    migrate(db, 2);
    insertV2('a-built-in', 1, '{"power_price_usc_kwh":0.7,"latency_sg_ms":0.3}', '[]');
    insertV2('mine', 0, '{"latency_sg_ms":2}', '[{"kind":"min","criterionId":"latency_sg_ms","value":5}]');
    const before = rows();

    migrate(db, 3);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(3);
    const column = (db.pragma('table_info(presets)') as { name: string; notnull: number; dflt_value: string }[]).find(
      (c) => c.name === 'normalisation',
    );
    expect(column).toMatchObject({ notnull: 1, dflt_value: "'criterion'" });
    // Every old column is unchanged; the new one says "each criterion's own", which is what v2 scored with.
    expect(rows()).toEqual((before as Record<string, unknown>[]).map((r) => ({ ...r, normalisation: 'criterion' })));
    expect(listPresets(db).map((p) => [p.id, p.builtin, p.normalisation, p.weights])).toEqual([
      ['a-built-in', true, 'criterion', { power_price_usc_kwh: 0.7, latency_sg_ms: 0.3 }],
      ['mine', false, 'criterion', { latency_sg_ms: 2 }],
    ]);
  });

  it('accepts the four rules and refuses any other', () => {
    migrate(db, 3);
    const insert = db.prepare(
      `INSERT INTO presets (id, name, builtin, method, weights, constraints, updated_at, normalisation)
       VALUES (?, 'n', 0, 'wsm', '{"x":1}', '[]', '2025-01-01T00:00:00.000Z', ?)`,
    );
    for (const rule of ['criterion', 'minmax', 'vector', 'max']) insert.run(`p-${rule}`, rule);
    expect(() => insert.run('p-bad', 'zscore')).toThrow(/CHECK/);
    expect(() => insert.run('p-null', null)).toThrow(/NOT NULL/);
    expect(db.prepare('SELECT normalisation FROM presets ORDER BY id').pluck().all()).toEqual([
      'criterion',
      'max',
      'minmax',
      'vector',
    ]);
  });
});

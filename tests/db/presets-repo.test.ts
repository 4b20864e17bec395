// The presets repository on a migrated store: writes are one logged, labelled batch (or nothing at
// all when they fail), and a deleted preset is read back from the log exactly as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../db/transfer/content-hash';
import {
  deletedPresetInBatch,
  deletePreset,
  getPreset,
  insertPreset,
  listPresets,
  presetExists,
  updatePreset,
  writePresets,
} from '../../db/presets-repo';
import type { Preset } from '../../shared/model/presets';
import { addReference, emptyDb, type Db } from './transfer-fixture';

let db: Db;

beforeEach(() => {
  db = emptyDb();
  addReference(db);
});

afterEach(() => db.close());

const PRESET: Preset = {
  id: 'cheap-power',
  name: 'Cheap power',
  description: 'Only the tariff',
  builtin: false,
  method: 'wsm',
  weights: { power_price: 2, latency_sg: 0.5 },
  constraints: [{ kind: 'max', criterionId: 'power_price', value: 150 }],
  normalisation: 'vector',
  updatedAt: '2026-02-03T04:05:06.789Z',
};

const who = (label: string): { actor: string; kind: 'edit'; label: string } => ({ actor: 'user', kind: 'edit', label });

describe('presets repository', () => {
  it('inserts, updates and deletes in labelled batches the history reads', () => {
    const created = writePresets(db, who('Create'), (batch) => insertPreset(db, PRESET, batch, 'add'));
    expect(getPreset(db, PRESET.id)).toEqual(PRESET);
    expect(presetExists(db, PRESET.id)).toBe(true);
    const edited = { ...PRESET, name: 'Cheaper power', updatedAt: '2026-02-04T00:00:00.000Z' };
    writePresets(db, who('Edit'), (batch) => updatePreset(db, PRESET, edited, batch, 'edit'));
    const deleted = writePresets(db, who('Delete'), (batch) => deletePreset(db, edited, batch, 'delete'));
    expect(listPresets(db)).toEqual([]);
    expect(db.prepare('SELECT batch_id, kind, label, state FROM history_batches ORDER BY rowid').all()).toEqual([
      expect.objectContaining({ batch_id: created, kind: 'edit', label: 'Create', state: 'done' }),
      expect.objectContaining({ kind: 'edit', label: 'Edit', state: 'done' }),
      expect.objectContaining({ batch_id: deleted, kind: 'edit', label: 'Delete', state: 'done' }),
    ]);
    expect(deletedPresetInBatch(db, deleted)).toEqual(edited);
    expect(deletedPresetInBatch(db, created)).toBeUndefined();
  });

  it('writes nothing, log included, when a write in the batch fails', () => {
    writePresets(db, who('Create'), (batch) => insertPreset(db, PRESET, batch, 'add'));
    const before = contentHash(db);
    const logged = db.prepare('SELECT count(*) AS n FROM change_log').get();
    expect(() =>
      writePresets(db, who('Two'), (batch) => {
        insertPreset(db, { ...PRESET, id: 'second' }, batch, 'add second');
        insertPreset(db, PRESET, batch, 'add the first again');
      }),
    ).toThrow(/UNIQUE/);
    expect(contentHash(db)).toBe(before);
    expect(db.prepare('SELECT count(*) AS n FROM change_log').get()).toEqual(logged);
    expect(presetExists(db, 'second')).toBe(false);
  });

  it("reads a preset deleted before presets had a normalisation as 'criterion'", () => {
    // The row as a v2 store logged it: every column but normalisation.
    const legacy = {
      id: PRESET.id,
      name: PRESET.name,
      description: PRESET.description,
      builtin: 0,
      method: PRESET.method,
      weights: JSON.stringify(PRESET.weights),
      constraints: JSON.stringify(PRESET.constraints),
      updated_at: PRESET.updatedAt,
    };
    db.prepare(
      `INSERT INTO change_log (at, actor, batch_id, action, table_name, row_id, before, after)
       VALUES ('2025-01-01T00:00:00.000Z', 'user', 'old-batch', 'delete', 'presets', ?, ?, NULL)`,
    ).run(PRESET.id, JSON.stringify(legacy));
    expect(deletedPresetInBatch(db, 'old-batch')).toEqual({ ...PRESET, normalisation: 'criterion' });
  });
});

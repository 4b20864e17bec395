// The built-in preset rules of a JSON import, at the db layer: the planner's decisions, and the
// guard in the table store that makes any slip a rolled-back failure instead of a changed built-in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withChangeBatch } from '../../db/change-log';
import { assertPresetWritable, planPresetRow } from '../../db/transfer/import-presets';
import { tableStore } from '../../db/transfer/table-store';
import { emptyDb, populate, type Db } from './transfer-fixture';

let db: Db;

beforeEach(() => {
  db = emptyDb();
  populate(db); // holds the built-in preset "balanced"
});

afterEach(() => db.close());

const stored = (id: string): Record<string, string | number | null> =>
  db.prepare('SELECT * FROM presets WHERE id = ?').get(id) as Record<string, string | number | null>;

describe('planPresetRow', () => {
  it('refuses a change to a built-in in a table file, keeps it with a note in a whole-store file', () => {
    const balanced = stored('balanced');
    const renamed = { ...balanced, name: 'Mine', weights: '{"power_price":1}' };
    expect(planPresetRow('presets-json', renamed, balanced)).toEqual({
      kind: 'refuse',
      column: 'id',
      message: expect.stringMatching(/^"balanced" is a built-in preset, .*differs in name, weights/) as unknown,
    });
    expect(planPresetRow('database-json', renamed, balanced)).toEqual({
      kind: 'keep',
      note: '"balanced" is a built-in preset here: the file\'s version (name, weights differ) is ignored and the store\'s own kept',
    });
  });

  it('a built-in repeated with another builtin flag or timestamp is simply unchanged', () => {
    const balanced = stored('balanced');
    const same = { ...balanced, builtin: 0, updated_at: '2030-01-01T00:00:00.000Z' };
    expect(planPresetRow('presets-json', same, balanced)).toEqual({ kind: 'keep', note: null });
  });

  it('writes every other preset as the user’s own, noting a builtin claim', () => {
    const claim = { ...stored('balanced'), id: 'new-one', builtin: 1 };
    expect(planPresetRow('presets-json', claim, undefined)).toMatchObject({
      kind: 'write',
      row: { id: 'new-one', builtin: 0 },
      note: expect.stringContaining('builtin: true in the file is ignored') as unknown,
    });
    const plain = { ...claim, builtin: 0 };
    expect(planPresetRow('database-json', plain, undefined)).toEqual({ kind: 'write', row: plain, note: null });
  });
});

describe('the table store refuses to write a built-in preset', () => {
  it('neither inserts one nor updates one, and the batch rolls back', () => {
    const store = tableStore(db, 'presets');
    const balanced = stored('balanced');
    expect(() => assertPresetWritable(undefined, { ...balanced, id: 'x', builtin: 1 })).toThrow(
      /never writes a built-in/,
    );
    expect(() =>
      withChangeBatch(db, 'import', (batch) =>
        store.update(balanced, { ...balanced, builtin: 0, name: 'Mine' }, batch, 'x'),
      ),
    ).toThrow(/"balanced" is built in/);
    expect(() =>
      withChangeBatch(db, 'import', (batch) => store.insert({ ...balanced, id: 'x', builtin: 1 }, batch, 'x')),
    ).toThrow(/never writes a built-in/);
    expect(stored('balanced')).toEqual(balanced);
    expect(db.prepare('SELECT count(*) AS n FROM presets').get()).toEqual({ n: 1 });
  });
});

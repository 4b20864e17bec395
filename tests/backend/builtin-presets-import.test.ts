// Built-in presets are immutable through every door (issue 14): `landfall import` of a presets table
// file or a whole-store file, data.apply and the workbench's preset calls. A row that would change
// or rename a built-in is refused (table file) or ignored with a note (whole-store file, which
// carries its own Landfall's built-ins), and `builtin` from a file is never trusted.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedPresets } from '../../db/seed/presets';
import type { ImportResult } from '../../shared/model/transfer';
import { runCliCapturing, type CliRun } from './cli-capture';
import { presetHarness } from './preset-fixture';

let dir: string;
let db: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-builtin-'));
  db = join(dir, 'store.sqlite');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]): Promise<CliRun> => runCliCapturing(argv, db);

async function withStore<T>(run: (h: ReturnType<typeof presetHarness>) => Promise<T> | T): Promise<T> {
  const h = presetHarness(db);
  try {
    return await run(h);
  } finally {
    h.close();
  }
}

const costFirst = seedPresets.find((p) => p.id === 'cost-first');
if (costFirst === undefined) throw new Error('the seed has no cost-first preset');

/** cost-first renamed, with other weights: what a hostile or careless file holds. */
const hijacked = { ...costFirst, name: 'Cost first (mine now)', weights: { power_price_usc_kwh: 1 } };

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

const tableFile = (rows: unknown[]): unknown => ({ format: 'landfall.table', version: 1, table: 'presets', rows });

const storedPreset = (id: string): Promise<Record<string, unknown> | undefined> =>
  withStore((h) => h.rows('SELECT * FROM presets WHERE id = ?', id)[0]);

describe('landfall import of a presets table file', () => {
  it('refuses a row that renames cost-first with new weights, naming it, and changes nothing', async () => {
    await cli('presets'); // seeds the store
    const before = await withStore((h) => h.hash());
    const path = file('presets.json', tableFile([hijacked]));

    const run = await cli('import', path);
    expect(run.code).toBe(1);
    expect(run.err).toContain('presets, row 1, column id: "cost-first" is a built-in preset');
    expect(run.err).toMatch(/"cost-first" is a built-in preset/);
    expect(run.err).toMatch(/never changes? a built-in/);
    expect(await withStore((h) => h.hash())).toBe(before);
    expect(await storedPreset('cost-first')).toMatchObject({ name: 'Cost first', builtin: 1 });
  });

  it('refuses it in the preview too, on the row and field, with the rest of the file', async () => {
    const preview = await withStore((h) =>
      h.value('import.preview', { kind: 'presets-json', content: JSON.stringify(tableFile([hijacked])) }),
    );
    expect(preview.errors).toEqual([
      expect.objectContaining({ table: 'presets', row: 1, column: 'id', message: expect.stringContaining('built-in') }),
    ]);
    expect(preview.changed).toEqual([]);
  });

  it('leaves a built-in alone when the file repeats it as exported (builtin: true, same content)', async () => {
    const path = file('same.json', tableFile([costFirst]));
    const run = await cli('import', path, '--format', 'json');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as ImportResult;
    expect(result.unchanged).toEqual([{ table: 'presets', id: 'cost-first', row: 1, fields: [] }]);
    expect(await storedPreset('cost-first')).toMatchObject({ builtin: 1, name: 'Cost first' });
  });

  it('never trusts builtin: true for a new preset: it is stored as the user’s own, and deletable', async () => {
    const claims = { ...costFirst, id: 'claims-built-in', name: 'Claims built-in', weights: { tax_incentive: 1 } };
    const path = file('claims.json', tableFile([claims]));

    const run = await cli('import', path);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(await storedPreset('claims-built-in')).toMatchObject({ builtin: 0, name: 'Claims built-in' });
    expect(run.out).toContain('  ! presets claims-built-in (row 1): builtin: true in the file is ignored');

    const deleted = await cli('presets', 'delete', 'claims-built-in');
    expect(deleted.err).toBe('');
    expect(deleted.code).toBe(0);
    expect(await storedPreset('claims-built-in')).toBeUndefined();
  });

  it('a bare array is held to the same rules', async () => {
    const path = file('bare.json', [hijacked]);
    const run = await cli('import', path, '--kind', 'presets-json');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/"cost-first" is a built-in preset/);
  });
});

describe('landfall import of a whole-store file', () => {
  it('keeps the store’s own built-ins, says so in the preview, and imports the rest user-owned', async () => {
    const exported = await cli('export');
    expect(exported.code).toBe(0);
    const doc = JSON.parse(exported.out) as { tables: { presets: Record<string, unknown>[] } };
    doc.tables.presets = doc.tables.presets.map((p) => (p.id === 'cost-first' ? { ...hijacked } : p));
    doc.tables.presets.push({ ...costFirst, id: 'from-elsewhere', name: 'From elsewhere', builtin: true });
    const before = await storedPreset('cost-first');

    const run = await cli('import', file('store.json', doc), '--format', 'json');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as ImportResult;
    expect(result.changed).toEqual([]);
    expect(result.unchanged).toContainEqual(expect.objectContaining({ table: 'presets', id: 'cost-first' }));
    expect(result.added).toEqual([
      {
        table: 'presets',
        id: 'from-elsewhere',
        row: expect.any(Number) as unknown,
        fields: expect.any(Array) as unknown,
      },
    ]);
    expect(result.notes).toEqual([
      expect.objectContaining({ table: 'presets', id: 'cost-first', message: expect.stringMatching(/built-in.*kept/) }),
      expect.objectContaining({ table: 'presets', id: 'from-elsewhere', message: expect.stringMatching(/builtin/) }),
    ]);
    expect(await storedPreset('cost-first')).toEqual(before);
    expect(await storedPreset('from-elsewhere')).toMatchObject({ builtin: 0 });
    expect((await cli('presets', 'delete', 'from-elsewhere')).code).toBe(0);
  });
});

describe('the other doors', () => {
  it('data.apply has no presets table; the workbench refuses to edit or delete a built-in', async () => {
    await withStore(async (h) => {
      const before = h.hash();
      const apply = await h.failure('data.apply', {
        table: 'presets',
        changes: [{ op: 'update', key: 'cost-first', values: { name: 'Mine' } }],
      });
      expect(apply.code).toBe('invalid_input');
      expect((await h.failure('presets.update', { id: 'cost-first', name: 'Mine' })).code).toBe('forbidden');
      expect((await h.failure('presets.delete', { id: 'cost-first' })).code).toBe('forbidden');
      expect(h.hash()).toBe(before);
    });
  });
});

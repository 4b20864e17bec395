// `landfall presets list|show|diff|duplicate|delete|restore|import|export`, run in-process against a
// store file: what each prints, the exit codes (0 done, 1 refused by the backend, 2 usage), and that
// a refused import leaves the store's content hash as it was.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedPresets } from '../../db/seed/presets';
import type { PresetImportResult } from '../../shared/calls/preset-calls';
import type { PresetsDocument } from '../../shared/model/preset-file';
import type { Preset } from '../../shared/model/presets';
import { runCliCapturing, type CliRun } from '../backend/cli-capture';
import { MINE, presetHarness } from '../backend/preset-fixture';

let dir: string;
let db: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-cli-presets-'));
  db = join(dir, 'store.sqlite');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]): Promise<CliRun> => runCliCapturing(argv, db);

/** Runs calls and reads the content hash through a backend of its own, closed afterwards. */
async function withStore<T>(run: (h: ReturnType<typeof presetHarness>) => Promise<T> | T): Promise<T> {
  const h = presetHarness(db);
  try {
    return await run(h);
  } finally {
    h.close();
  }
}

describe('landfall presets list and show', () => {
  it('list prints what `landfall presets` prints; show one preset with its shares', async () => {
    const bare = await cli('presets');
    const list = await cli('presets', 'list');
    expect(list).toEqual(bare);
    expect((JSON.parse(list.out) as Preset[]).map((p) => p.id).sort()).toEqual(seedPresets.map((p) => p.id).sort());
    const csv = await cli('presets', 'list', '--format', 'csv');
    expect(csv.out.split('\r\n')[0]).toBe('id,name,method,normalisation,builtin,weights,constraints,updated_at');

    const show = await cli('presets', 'show', 'cost-first');
    expect(show.code).toBe(0);
    expect(show.out).toContain('Cost first (cost-first) — built-in, read-only (duplicate it to edit)\n');
    expect(show.out).toContain("method: wsm · normalisation: criterion (each criterion's own)");
    expect(show.out).toMatch(/^ {2}power_price_usc_kwh +0\.35 +35\.0%$/m);
    expect(show.out).toContain('hard constraints:\n  chips legal: allowed, conditional, licence_required\n');
    const json = await cli('presets', 'show', 'cost-first', '--format', 'json');
    expect(JSON.parse(json.out)).toEqual(seedPresets.find((p) => p.id === 'cost-first'));

    expect(await cli('presets', 'show', 'nope')).toMatchObject({
      code: 1,
      err: 'landfall presets show: no preset "nope" (landfall presets list shows them)\n',
    });
    expect((await cli('presets', 'show')).code).toBe(2);
    const unknown = await cli('presets', 'rename', 'x');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^landfall: unknown command "presets rename" \(presets takes: list, show, diff/);
  });
});

describe('landfall presets diff', () => {
  it('prints the weights side by side and what else differs', async () => {
    const run = await cli('presets', 'diff', 'cost-first', 'latency-inference');
    expect(run.code).toBe(0);
    expect(run.out).toContain('A: Cost first (cost-first)    B: Latency-sensitive inference (latency-inference)\n');
    expect(run.out).toMatch(/^ {2}power_price_usc_kwh +0\.35 +35\.0% +0\.1 +10\.0% +−25\.0 pt$/m);
    expect(run.out).toMatch(/^ {2}latency_hk_ms +— +0\.0% +0\.25 +25\.0% +\+25\.0 pt$/m);
    expect(run.out).toContain('method: wsm (same)\n');
    expect(run.out).toContain('scores every site alike: no\n');
    const json = JSON.parse((await cli('presets', 'diff', 'cost-first', 'cost-first', '--format', 'json')).out) as {
      sameScoring: boolean;
    };
    expect(json.sameScoring).toBe(true);
    expect((await cli('presets', 'diff', 'cost-first', 'nope')).code).toBe(1);
    expect((await cli('presets', 'diff', 'cost-first')).code).toBe(2);
  });
});

describe('landfall presets duplicate, delete and restore', () => {
  it('deletes with an undo token that restores the preset exactly, in a later run', async () => {
    expect((await cli('presets', 'duplicate', 'cost-first', '--name', 'Our costs')).out).toBe(
      'created "Our costs" (our-costs)\n',
    );
    const before = await withStore((h) => h.value('presets.list', {}));
    const refused = await cli('presets', 'delete', 'cost-first');
    expect(refused).toMatchObject({
      code: 1,
      err: 'landfall presets delete: cannot delete "Cost first": built-in presets are read-only — duplicate it to edit\n',
    });
    const deleted = await cli('presets', 'delete', 'our-costs');
    expect(deleted.code).toBe(0);
    const token = /^undo token: (\S+)$/m.exec(deleted.out)?.[1] ?? '';
    expect(deleted.out).toBe(
      `deleted "Our costs" (our-costs)\nundo token: ${token}\nto undo: landfall presets restore ${token}\n`,
    );
    expect((await withStore((h) => h.value('presets.list', {}))).some((p) => p.id === 'our-costs')).toBe(false);
    expect((await cli('presets', 'restore', token)).out).toBe('restored "Our costs" (our-costs)\n');
    expect(await withStore((h) => h.value('presets.list', {}))).toEqual(before);
    expect((await cli('presets', 'restore', token)).code).toBe(1);
  });
});

describe('landfall presets export and import', () => {
  it('round-trips a file between two stores; --dry-run writes nothing', async () => {
    await withStore((h) => h.value('presets.create', MINE));
    const file = join(dir, 'presets.json');
    expect((await cli('presets', 'export', '--ids', 'cheap-quick-power,cost-first', '--out', file)).out).toBe(
      `wrote 2 presets to ${file}\n`,
    );
    const doc = JSON.parse(readFileSync(file, 'utf8')) as PresetsDocument;
    expect(doc.presets.map((p) => p.id)).toEqual(['cheap-quick-power', 'cost-first']);
    expect(JSON.parse((await cli('presets', 'export')).out)).toMatchObject({ format: 'landfall-presets', version: 1 });

    const other = join(dir, 'other.sqlite');
    const into = (...argv: string[]): Promise<CliRun> => runCliCapturing(argv, other);
    const dry = await into('presets', 'import', file, '--dry-run');
    expect(dry.out).toBe(
      'presets import (dry run, nothing written): 1 added, 1 unchanged\n' +
        '  + cheap-quick-power "Cheap, quick power"\n' +
        '  = cost-first "Cost first"\n',
    );
    expect(JSON.parse((await into('presets', 'list')).out)).toHaveLength(seedPresets.length);
    const done = await into('presets', 'import', file, '--format', 'json');
    expect(done.code).toBe(0);
    expect((JSON.parse(done.out) as PresetImportResult).counts).toEqual({
      added: 1,
      changed: 0,
      unchanged: 1,
      renamed: 0,
    });
    expect(JSON.parse((await into('presets', 'show', 'cheap-quick-power', '--format', 'json')).out)).toEqual(
      doc.presets[0],
    );
    expect((await into('presets', 'import', file)).out).toBe(
      'imported presets (nothing to change): 2 unchanged\n' +
        '  = cheap-quick-power "Cheap, quick power"\n  = cost-first "Cost first"\n',
    );
  });

  it('refuses a bad file with every problem on its own line, exit 1, the store unchanged', async () => {
    const before = await withStore((h) => h.hash());
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'landfall-presets',
        version: 1,
        presets: [
          { id: 'a', name: 'A', method: 'wsm', weights: { power_price_usc_kwh: -1, sunshine_hours: 1 } },
          { id: 'a', name: 'A again', method: 'wsm', weights: { latency_hk_ms: 1 } },
        ],
      }),
    );
    const run = await cli('presets', 'import', bad);
    expect(run).toEqual({
      code: 1,
      out: '',
      err:
        'landfall presets import: presets import refused: 3 problems in the file; nothing was changed\n' +
        '  presets[0].weights.power_price_usc_kwh: must be ≥ 0\n' +
        '  presets[0].weights.sunshine_hours: unknown criterion (criteria.list shows them)\n' +
        '  presets[1].id: "a" is used twice in the file (also presets[0])\n',
    });
    writeFileSync(bad, 'not json at all');
    expect((await cli('presets', 'import', bad)).err).toMatch(
      /^.*1 problem in the file.*\n {2}\(file\): not valid JSON/,
    );
    expect(await withStore((h) => h.hash())).toBe(before);

    expect((await cli('presets', 'import', join(dir, 'missing.json'))).code).toBe(2);
    expect((await cli('presets', 'export', '--ids', ',')).code).toBe(2);
    expect(await cli('presets', 'export', '--ids', 'nope')).toMatchObject({
      code: 1,
      err: 'landfall presets export: no preset "nope" to export\n',
    });
  });
});

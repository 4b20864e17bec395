// presets.export and presets.import through the real dispatcher: a round trip between two stores
// loses nothing, each preset's outcome is reported, built-ins are never overwritten, and a bad file
// changes nothing (the store's content hash) while naming every problem with its path.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedPresets } from '../../db/seed/presets';
import type { PresetsDocument } from '../../shared/model/preset-file';
import { MINE, presetHarness, type PresetHarness } from './preset-fixture';

let a: PresetHarness;
let b: PresetHarness;

beforeEach(() => {
  a = presetHarness();
  b = presetHarness();
});

afterEach(() => {
  a.close();
  b.close();
});

/** Two user presets in store a: one plain, one with every field set away from its default. */
async function twoPresets(): Promise<void> {
  await a.value('presets.create', MINE);
  await a.value('presets.create', {
    name: 'Sovereign, vector',
    description: 'Line one\nline "two", with a comma',
    basedOn: 'sovereignty-low-risk',
    method: 'wpm',
    normalisation: 'vector',
    constraints: [
      { kind: 'chips_legal', allow: ['allowed'] },
      { kind: 'min', criterionId: 'rq_percentile', value: 40.5 },
    ],
  });
}

const BUILTIN_IDS = seedPresets.map((p) => p.id);

describe('presets.export', () => {
  it('writes every preset, or the ids asked for, in a versioned document', async () => {
    await twoPresets();
    const all = await a.value('presets.export', {});
    expect(all).toMatchObject({ format: 'landfall-presets', version: 1 });
    expect(all.exportedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(all.presets).toEqual(await a.value('presets.list', {}));
    const some = await a.value('presets.export', { ids: ['sovereign-vector', 'cost-first', 'sovereign-vector'] });
    expect(some.presets.map((p) => p.id)).toEqual(['sovereign-vector', 'cost-first']);
    const missing = await a.failure('presets.export', { ids: ['cost-first', 'nope', 'gone'] });
    expect(missing).toMatchObject({ code: 'not_found', message: 'no preset "nope", "gone" to export' });
  });
});

describe('presets.import', () => {
  it('round-trips through a file: preview writes nothing, commit adds exactly what was exported', async () => {
    await twoPresets();
    const text = JSON.stringify(await a.value('presets.export', {}), null, 2);
    const before = b.hash();

    const preview = await b.value('presets.import', { document: text });
    expect(preview).toMatchObject({ mode: 'preview', committed: false, batchId: null });
    expect(preview.counts).toEqual({ added: 2, changed: 0, unchanged: BUILTIN_IDS.length, renamed: 0 });
    expect(preview.items.filter((i) => i.outcome === 'added').map((i) => i.storedAs)).toEqual([
      'cheap-quick-power',
      'sovereign-vector',
    ]);
    expect(b.hash()).toBe(before);
    expect(b.heard()).toEqual([]);

    const committed = await b.value('presets.import', { document: text, mode: 'commit' });
    expect(committed.committed).toBe(true);
    expect(committed.batchId).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.heard()).toEqual([['data.changed', { tables: ['presets'] }]]);
    expect(await b.value('presets.list', {})).toEqual(await a.value('presets.list', {}));
    expect(b.hash()).not.toBe(before);
    expect(b.rows('SELECT DISTINCT actor, batch_id FROM change_log')).toEqual([
      { actor: 'import', batch_id: committed.batchId },
    ]);
    const history = await b.value('history.list', { limit: 1 });
    expect(history.entries[0]).toMatchObject({ kind: 'import', label: 'Import presets: 2 added, 4 unchanged' });

    // The same file again: nothing to do, nothing written.
    const hashAfter = b.hash();
    const again = await b.value('presets.import', { document: JSON.parse(text) as unknown, mode: 'commit' });
    expect(again).toMatchObject({ committed: false, batchId: null });
    expect(again.counts).toEqual({ added: 0, changed: 0, unchanged: BUILTIN_IDS.length + 2, renamed: 0 });
    expect(b.hash()).toBe(hashAfter);
  });

  it('replaces a changed user preset and names the fields; never overwrites a built-in', async () => {
    await b.value('presets.create', MINE);
    const doc = (await b.value('presets.export', {})) as PresetsDocument;
    const edited = doc.presets.map((p) => {
      if (p.id === 'cheap-quick-power') return { ...p, weights: { latency_sg_ms: 1 }, normalisation: 'max' as const };
      if (p.id === 'cost-first') return { ...p, method: 'topsis' as const };
      if (p.id === 'frontier-training') return { ...p, name: 'Frontier, ours', weights: { chip_legality: 1 } };
      return p;
    });
    const brandNew = { ...MINE, id: 'claims-built-in', builtin: true, weights: { water_stress: 1 } };
    const result = await b.value('presets.import', {
      document: { ...doc, presets: [...edited, brandNew] },
      mode: 'commit',
    });
    const outcome = (id: string): unknown => result.items.find((i) => i.id === id);
    expect(outcome('cheap-quick-power')).toMatchObject({ outcome: 'changed', fields: ['weights', 'normalisation'] });
    expect(outcome('cost-first')).toMatchObject({
      outcome: 'renamed',
      storedAs: 'cost-first-2',
      name: 'Cost first (imported)',
      note: '"cost-first" is a built-in preset here, which a file never overwrites: imported as a copy',
    });
    expect(outcome('frontier-training')).toMatchObject({
      outcome: 'renamed',
      storedAs: 'frontier-training-2',
      name: 'Frontier, ours',
    });
    expect(outcome('claims-built-in')).toMatchObject({ outcome: 'added', storedAs: 'claims-built-in' });
    expect(result.counts).toEqual({ added: 1, changed: 1, unchanged: 2, renamed: 2 });

    const list = await b.value('presets.list', {});
    const byId = (id: string): unknown => list.find((p) => p.id === id);
    // Built-ins exactly as seeded; everything the file brought is a user preset.
    for (const seeded of seedPresets) expect(byId(seeded.id)).toEqual(seeded);
    expect(byId('cost-first-2')).toMatchObject({ builtin: false, method: 'topsis', name: 'Cost first (imported)' });
    expect(byId('claims-built-in')).toMatchObject({ builtin: false, weights: { water_stress: 1 } });
    expect(byId('cheap-quick-power')).toMatchObject({ weights: { latency_sg_ms: 1 }, normalisation: 'max' });
  });

  it('fills what a hand-written file leaves out', async () => {
    const result = await b.value('presets.import', {
      document: {
        format: 'landfall-presets',
        version: 1,
        presets: [{ id: 'by-hand', name: 'By hand', method: 'wsm', weights: { latency_hk_ms: 1 } }],
      },
      mode: 'commit',
    });
    expect(result.counts.added).toBe(1);
    expect((await b.value('presets.list', {})).find((p) => p.id === 'by-hand')).toMatchObject({
      description: '',
      builtin: false,
      constraints: [],
      normalisation: 'criterion',
    });
  });
});

describe('presets.import of a bad file', () => {
  /** Both modes refuse with these problems, and the store is byte-for-byte the same after. */
  async function refused(document: unknown): Promise<string[]> {
    await b.value('presets.create', MINE);
    const before = b.hash();
    const logged = b.rows('SELECT count(*) AS n FROM change_log');
    const preview = await b.failure('presets.import', { document });
    const commit = await b.failure('presets.import', { document, mode: 'commit' });
    expect(commit).toEqual(preview);
    expect(commit.code).toBe('invalid_input');
    expect(commit.message).toMatch(/^presets import refused: \d+ problems? in the file; nothing was changed$/);
    expect(b.hash()).toBe(before);
    expect(b.rows('SELECT count(*) AS n FROM change_log')).toEqual(logged);
    return commit.issues.map((i) => `${i.path}: ${i.message}`);
  }

  const good = { id: 'fine', name: 'Fine', method: 'wsm', weights: { latency_hk_ms: 1 } };
  const file = (presets: unknown[]): object => ({ format: 'landfall-presets', version: 1, presets });

  it('not JSON', async () => {
    const problems = await refused('{"format": "landfall-presets", "presets": [');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\(file\): not valid JSON: /);
  });

  it('the wrong format, a newer version, or not an object', async () => {
    expect(await refused({ format: 'landfall.table', version: 1, table: 'presets', rows: [] })).toEqual([
      'format: must be "landfall-presets", not "landfall.table" (a table export: use `landfall import`)',
      'presets: is required',
    ]);
    expect(await refused({ ...file([good]), version: 2 })).toEqual([
      'version: version 2 is newer than this app reads (1); open it with a newer Landfall',
    ]);
    expect(await refused([good])).toEqual(['(file): must be a JSON object with format "landfall-presets", not a list']);
  });

  it('a negative weight, unknown criteria, ids used twice and missing fields — every one, with its path', async () => {
    const problems = await refused(
      file([
        good,
        { ...good, id: 'negative', weights: { latency_hk_ms: 1, power_price_usc_kwh: -0.5 } },
        {
          ...good,
          id: 'unknown',
          weights: { sunshine_hours: 1 },
          constraints: [{ kind: 'max', criterionId: 'moon_phase', value: 3 }],
        },
        { ...good, name: 'Fine again' },
        { id: 'Bad Id', weights: {}, method: 'vibes' },
      ]),
    );
    expect(problems).toEqual([
      'presets[1].weights.power_price_usc_kwh: must be ≥ 0',
      'presets[2].weights.sunshine_hours: unknown criterion (criteria.list shows them)',
      'presets[2].constraints[0].criterionId: "moon_phase" is an unknown criterion (criteria.list shows them)',
      'presets[3].id: "fine" is used twice in the file (also presets[0])',
      'presets[4].id: must be lower-case letters, digits and hyphens, e.g. "my-preset"',
      'presets[4].name: is required',
      'presets[4].method: must be wsm, wpm or topsis',
      'presets[4].weights: at least one weight must be above zero',
    ]);
  });
});

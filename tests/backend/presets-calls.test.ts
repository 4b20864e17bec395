// presets.create/update/duplicate/delete/undoDelete/diff through the real dispatcher over a seeded
// store: what is stored (read back with SQL), what the change log says, what refusals leave behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedPresets } from '../../db/seed/presets';
import type { Preset } from '../../shared/model/presets';
import { MINE, presetHarness, type PresetHarness } from './preset-fixture';

let h: PresetHarness;

beforeEach(() => {
  h = presetHarness();
});

afterEach(() => h.close());

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const stored = (id: string): Record<string, unknown> | undefined => h.rows('SELECT * FROM presets WHERE id = ?', id)[0];
const log = (): Record<string, unknown>[] =>
  h.rows('SELECT actor, batch_id, action, table_name, row_id, before, after, summary FROM change_log ORDER BY id');

describe('presets.create', () => {
  it('stores a user preset under a slug of its name, logs it and tells the UI', async () => {
    const created = await h.value('presets.create', { ...MINE, name: '  Cheap, quick power  ' });
    expect(created).toEqual({
      id: 'cheap-quick-power',
      name: 'Cheap, quick power',
      description: MINE.description,
      builtin: false,
      method: 'wsm',
      weights: MINE.weights,
      constraints: MINE.constraints,
      normalisation: 'criterion',
      updatedAt: expect.stringMatching(ISO) as unknown,
    });
    expect(stored('cheap-quick-power')).toEqual({
      id: 'cheap-quick-power',
      name: 'Cheap, quick power',
      description: MINE.description,
      builtin: 0,
      method: 'wsm',
      weights: JSON.stringify(MINE.weights),
      constraints: JSON.stringify(MINE.constraints),
      updated_at: created.updatedAt,
      normalisation: 'criterion',
    });
    expect((await h.value('presets.list', {})).find((p) => p.id === created.id)).toEqual(created);
    expect(log()).toEqual([
      expect.objectContaining({
        actor: 'user',
        action: 'insert',
        table_name: 'presets',
        row_id: 'cheap-quick-power',
        before: null,
        summary: 'Create preset "Cheap, quick power"',
      }),
    ]);
    expect(h.heard()).toEqual([['data.changed', { tables: ['presets'] }]]);
  });

  it('makes the id unique with -2, -3 …, including against built-ins, and slugs any name', async () => {
    const ids: string[] = [];
    for (const name of ['Cost first', 'Cost  first!', 'COST FIRST', 'Économie d’énergie', '東京']) {
      ids.push((await h.value('presets.create', { ...MINE, name })).id);
    }
    expect(ids).toEqual(['cost-first-2', 'cost-first-3', 'cost-first-4', 'economie-d-energie', 'preset']);
  });

  it('copies every field not given from basedOn', async () => {
    const base = seedPresets.find((p) => p.id === 'frontier-training') as Preset;
    const created = await h.value('presets.create', {
      name: 'Frontier, vector',
      basedOn: base.id,
      normalisation: 'vector',
    });
    expect(created).toMatchObject({
      id: 'frontier-vector',
      builtin: false,
      description: base.description,
      method: base.method,
      weights: base.weights,
      constraints: base.constraints,
      normalisation: 'vector',
    });
    expect(log()[0]?.summary).toBe('Create preset "Frontier, vector" from "Frontier training"');
  });

  it('refuses bad input by field and changes nothing', async () => {
    const before = h.hash();
    const issues = async (input: unknown): Promise<string[]> =>
      (await h.failure('presets.create', input)).issues.map((i) => `${i.path}: ${i.message}`);
    expect(await issues({ ...MINE, name: '   ' })).toEqual(['name: must not be empty']);
    expect(await issues({ ...MINE, name: 'x'.repeat(81) })).toEqual(['name: must be at most 80 characters']);
    expect(await issues({ ...MINE, weights: { power_price_usc_kwh: -1, build_cost_usd_w: 1 } })).toEqual([
      'weights.power_price_usc_kwh: must be ≥ 0',
    ]);
    expect(await issues({ ...MINE, weights: { power_price_usc_kwh: 0 } })).toEqual([
      'weights: at least one weight must be above zero',
    ]);
    expect(await issues({ name: 'No method' })).toEqual([
      'method: is required (or give basedOn to copy it)',
      'weights: is required (or give basedOn to copy it)',
    ]);
    expect(await issues({ ...MINE, method: 'vibes' })).toEqual(['method: must be wsm, wpm or topsis']);
    expect(await issues({ ...MINE, normalisation: 'zscore' })).toHaveLength(1);
    expect(h.hash()).toBe(before);
    expect(log()).toEqual([]);
    expect(h.heard()).toEqual([]);
  });

  it('names every unknown criterion, in weights and constraints', async () => {
    const before = h.hash();
    const error = await h.failure('presets.create', {
      ...MINE,
      weights: { power_price_usc_kwh: 1, sunshine_hours: 2, moon_phase: 1 },
      constraints: [{ kind: 'min', criterionId: 'tide_height', value: 1 }],
    });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(
      'unknown criteria: sunshine_hours, moon_phase, tide_height (criteria.list shows them); nothing was saved',
    );
    expect(error.issues).toEqual([
      { path: 'weights.sunshine_hours', message: 'unknown criterion (criteria.list shows them)' },
      { path: 'weights.moon_phase', message: 'unknown criterion (criteria.list shows them)' },
      { path: 'constraints.0.criterionId', message: 'unknown criterion "tide_height"' },
    ]);
    expect((await h.failure('presets.create', { name: 'x', basedOn: 'no-such' })).code).toBe('not_found');
    expect(h.hash()).toBe(before);
  });
});

describe('presets.update', () => {
  it('edits a user preset in place (same id, weights replaced), logging before and after', async () => {
    const created = await h.value('presets.create', MINE);
    h.heard();
    const updated = await h.value('presets.update', {
      id: created.id,
      name: 'Renamed',
      weights: { latency_sg_ms: 1 },
      normalisation: 'max',
    });
    expect(updated).toEqual({
      ...created,
      name: 'Renamed',
      weights: { latency_sg_ms: 1 },
      normalisation: 'max',
      updatedAt: expect.stringMatching(ISO) as unknown,
    });
    expect(updated.updatedAt >= created.updatedAt).toBe(true);
    expect(stored(created.id)).toMatchObject({ name: 'Renamed', weights: '{"latency_sg_ms":1}', normalisation: 'max' });
    const entry = log()[1] as Record<string, string>;
    expect(entry).toMatchObject({
      action: 'update',
      row_id: created.id,
      summary: 'Edit preset "Renamed": name, weights, normalisation',
    });
    expect(JSON.parse(entry.before ?? '')).toMatchObject({ name: MINE.name, normalisation: 'criterion' });
    expect(JSON.parse(entry.after ?? '')).toMatchObject({ name: 'Renamed', normalisation: 'max' });
    expect(h.heard()).toEqual([['data.changed', { tables: ['presets'] }]]);
  });

  it('writes nothing when nothing changes (weights in another order are the same)', async () => {
    const created = await h.value('presets.create', MINE);
    h.heard();
    const same = await h.value('presets.update', {
      id: created.id,
      weights: { build_cost_usd_w: 1, power_price_usc_kwh: 3 },
      method: 'wsm',
    });
    expect(same).toEqual(created);
    expect(log()).toHaveLength(1);
    expect(h.heard()).toEqual([]);
  });

  it('refuses built-in presets, unknown ids and unknown criteria, changing nothing', async () => {
    const created = await h.value('presets.create', MINE);
    const before = h.hash();
    const builtin = await h.failure('presets.update', { id: 'cost-first', name: 'Mine now' });
    expect(builtin).toEqual({
      code: 'forbidden',
      message: 'cannot edit "Cost first": built-in presets are read-only — duplicate it to edit',
      issues: [],
    });
    expect((await h.failure('presets.update', { id: 'nope', name: 'x' })).code).toBe('not_found');
    const unknown = await h.failure('presets.update', { id: created.id, weights: { sunshine_hours: 1 } });
    expect(unknown.issues).toEqual([
      { path: 'weights.sunshine_hours', message: 'unknown criterion (criteria.list shows them)' },
    ]);
    expect(h.hash()).toBe(before);
  });
});

describe('presets.duplicate', () => {
  it('copies a built-in into a user preset named "(copy)", then "(copy 2)", or as named', async () => {
    const source = seedPresets.find((p) => p.id === 'cost-first') as Preset;
    const first = await h.value('presets.duplicate', { id: 'cost-first' });
    const second = await h.value('presets.duplicate', { id: 'cost-first' });
    const named = await h.value('presets.duplicate', { id: first.id, name: 'Our cost view' });
    expect(first).toEqual({
      ...source,
      id: 'cost-first-copy',
      name: 'Cost first (copy)',
      builtin: false,
      updatedAt: expect.stringMatching(ISO) as unknown,
    });
    expect([second.id, second.name]).toEqual(['cost-first-copy-2', 'Cost first (copy 2)']);
    expect([named.id, named.name, named.weights]).toEqual(['our-cost-view', 'Our cost view', source.weights]);
    expect(stored('cost-first')).toMatchObject({ builtin: 1, name: 'Cost first' });
    // The copy is editable, the original still is not.
    expect((await h.value('presets.update', { id: first.id, method: 'topsis' })).method).toBe('topsis');
  });

  it('keeps a long name within 80 characters', async () => {
    const long = await h.value('presets.create', { ...MINE, name: 'L'.repeat(80) });
    const copy = await h.value('presets.duplicate', { id: long.id });
    expect(copy.name).toBe(`${'L'.repeat(73)} (copy)`);
  });
});

describe('presets.delete and presets.undoDelete', () => {
  it('deletes a user preset and restores it exactly, logging both', async () => {
    const created = await h.value('presets.create', { ...MINE, normalisation: 'vector' });
    const row = stored(created.id);
    h.heard();
    const { deleted, undoToken } = await h.value('presets.delete', { id: created.id });
    expect(deleted).toEqual(created);
    expect(stored(created.id)).toBeUndefined();
    expect((await h.value('presets.list', {})).some((p) => p.id === created.id)).toBe(false);
    expect(h.heard()).toEqual([['data.changed', { tables: ['presets'] }]]);

    const restored = await h.value('presets.undoDelete', { undoToken });
    expect(restored).toEqual(created);
    expect(stored(created.id)).toEqual(row);
    expect(log().map((e) => [e.action, e.summary])).toEqual([
      ['insert', 'Create preset "Cheap, quick power"'],
      ['delete', 'Delete preset "Cheap, quick power"'],
      ['insert', 'Restore preset "Cheap, quick power"'],
    ]);
    expect(h.heard()).toEqual([['data.changed', { tables: ['presets'] }]]);

    const again = await h.failure('presets.undoDelete', { undoToken });
    expect(again.code).toBe('invalid_input');
    expect(again.message).toMatch(/^preset "cheap-quick-power" exists again/);
  });

  it('refuses built-ins and unknown tokens', async () => {
    const before = h.hash();
    expect(await h.failure('presets.delete', { id: 'frontier-training' })).toMatchObject({
      code: 'forbidden',
      message: 'cannot delete "Frontier training": built-in presets are read-only — duplicate it to edit',
    });
    expect((await h.failure('presets.delete', { id: 'nope' })).code).toBe('not_found');
    expect(h.hash()).toBe(before);
    const created = await h.value('presets.create', MINE);
    const withMine = h.hash();
    // A real batch that deleted no preset is no undo token either.
    const createBatch = String(log()[0]?.batch_id);
    expect((await h.failure('presets.undoDelete', { undoToken: createBatch })).code).toBe('not_found');
    expect((await h.failure('presets.undoDelete', { undoToken: 'made-up' })).message).toBe(
      'no deleted preset for undo token "made-up" (presets.delete gives one)',
    );
    expect(stored(created.id)).toBeDefined();
    expect(h.rows('SELECT 1 FROM presets WHERE builtin = 1')).toHaveLength(seedPresets.length);
    expect(h.hash()).toBe(withMine);
  });
});

describe('presets.undoDelete across restarts', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'landfall-presets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('restores from the token after the store is closed and opened again', async () => {
    const path = join(dir, 'store.sqlite');
    const first = presetHarness(path);
    const created = await first.value('presets.create', { ...MINE, method: 'topsis' });
    const { undoToken } = await first.value('presets.delete', { id: created.id });
    const afterDelete = first.hash();
    first.close();

    const second = presetHarness(path);
    try {
      expect(second.hash()).toBe(afterDelete);
      expect(await second.value('presets.undoDelete', { undoToken })).toEqual(created);
      expect((await second.value('presets.list', {})).find((p) => p.id === created.id)).toEqual(created);
    } finally {
      second.close();
    }
  });
});

describe('presets.diff', () => {
  it('puts two presets side by side: raw weights, shares of 1, differences, method and constraints', async () => {
    const a = seedPresets.find((p) => p.id === 'cost-first') as Preset;
    const b = seedPresets.find((p) => p.id === 'frontier-training') as Preset;
    const diff = await h.value('presets.diff', { a: a.id, b: b.id });
    expect(diff.a).toEqual({ id: a.id, name: a.name, builtin: true });
    const ids = [...new Set([...Object.keys(a.weights), ...Object.keys(b.weights)])];
    expect(diff.criteria.map((c) => c.criterionId).sort()).toEqual(ids.sort());
    const totalA = Object.values(a.weights).reduce((s, w) => s + w, 0);
    const totalB = Object.values(b.weights).reduce((s, w) => s + w, 0);
    for (const c of diff.criteria) {
      expect(c.a.raw).toBe(a.weights[c.criterionId] ?? null);
      expect(c.b.raw).toBe(b.weights[c.criterionId] ?? null);
      expect(c.a.share).toBeCloseTo((a.weights[c.criterionId] ?? 0) / totalA, 12);
      expect(c.b.share).toBeCloseTo((b.weights[c.criterionId] ?? 0) / totalB, 12);
      expect(c.difference).toBeCloseTo(c.b.share - c.a.share, 12);
    }
    expect(diff.criteria.reduce((s, c) => s + c.a.share, 0)).toBeCloseTo(1, 12);
    expect(diff.criteria.find((c) => c.criterionId === 'pipeline_mw')).toMatchObject({
      name: 'Pipeline',
      a: { raw: null, share: 0 },
      b: { raw: 0.1 },
    });
    expect(diff.method).toEqual({ a: 'wsm', b: 'topsis', same: false });
    expect(diff.normalisation).toEqual({ a: 'criterion', b: 'criterion', same: true });
    expect(diff.constraints).toEqual({ onlyA: a.constraints, onlyB: b.constraints, both: [] });
    expect(diff.sameScoring).toBe(false);
  });

  it('finds a copy with weights on another scale scores alike; refuses unknown ids', async () => {
    const b = seedPresets.find((p) => p.id === 'latency-inference') as Preset;
    const scaled = Object.fromEntries(Object.entries(b.weights).map(([k, w]) => [k, w * 40]));
    const copy = await h.value('presets.create', { name: 'Scaled', basedOn: b.id, weights: scaled });
    const diff = await h.value('presets.diff', { a: b.id, b: copy.id });
    expect(diff.sameScoring).toBe(true);
    expect(diff.constraints.both).toEqual(b.constraints);
    expect(diff.criteria.every((c) => Math.abs(c.difference) < 1e-12)).toBe(true);
    expect((await h.failure('presets.diff', { a: b.id, b: 'nope' })).message).toBe(
      'no preset "nope" (presets.list shows them)',
    );
  });
});

describe('score.run and a preset’s normalisation', () => {
  it('scores with the preset’s normalisation unless the call overrides it', async () => {
    const run = (input: object): Promise<(number | null)[]> =>
      h
        .value('score.run', { asOf: '2026-01-15', profileId: 'us-hyperscaler', ...input })
        .then((r) => [...r.results].sort((x, y) => (x.siteId < y.siteId ? -1 : 1)).map((s) => s.score));
    const vector = await h.value('presets.create', {
      name: 'Cost, vector',
      basedOn: 'cost-first',
      normalisation: 'vector',
    });
    const byPreset = await run({ presetId: vector.id });
    const byOverride = await run({ presetId: 'cost-first', normalisation: 'vector' });
    const own = await run({ presetId: 'cost-first' });
    expect(byPreset).toEqual(byOverride);
    expect(byPreset).not.toEqual(own);
    expect(await run({ presetId: vector.id, normalisation: 'criterion' })).toEqual(own);
    const out = await h.value('score.run', { presetId: vector.id, asOf: '2026-01-15' });
    expect(out.normalisation).toBe('vector');
  });
});

describe('presets and the store history', () => {
  it('lists preset writes under their labels, and history.undo takes them back', async () => {
    const created = await h.value('presets.create', MINE);
    const { undoToken } = await h.value('presets.delete', { id: created.id });
    const list = await h.value('history.list', { table: 'presets' });
    expect(list.entries.map((e) => [e.kind, e.label, e.actor])).toEqual([
      ['edit', 'Delete preset "Cheap, quick power"', 'user'],
      ['edit', 'Create preset "Cheap, quick power"', 'user'],
    ]);
    expect(list.entries[0]?.batchId).toBe(undoToken);

    // history.undo of the delete brings the same row back; the token then has nothing left to do.
    const undone = await h.value('history.undo', {});
    expect(undone.done).toBe(true);
    expect((await h.value('presets.list', {})).find((p) => p.id === created.id)).toEqual(created);
    expect((await h.failure('presets.undoDelete', { undoToken })).message).toMatch(/exists again/);
    // And undoing the create removes it.
    await h.value('history.undo', {});
    expect(stored(created.id)).toBeUndefined();
  });
});

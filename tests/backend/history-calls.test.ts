// history.list, history.undo, history.redo and history.revert on the seeded store: stack semantics,
// state that survives closing and reopening the database, undo of imports and cascaded deletes, and
// reverts refused with the conflicting rows named.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../backend/backend';
import { harness, openBackend, QUOTE, SOURCE, type Harness } from './edit-fixture';

let backend: Backend;
let h: Harness;

beforeEach(() => {
  backend = openBackend();
  h = harness(backend);
});

afterEach(() => backend.close());

const lat = (id = 'sg-tuas'): unknown => h.row('SELECT lat FROM sites WHERE id = ?', id)?.lat;
const editSite = (id: string, values: Record<string, unknown>, label?: string): Promise<{ batchId: string | null }> =>
  h.value('data.apply', { table: 'sites', changes: [{ op: 'update', key: id, values }], ...(label ? { label } : {}) });

describe('undo and redo', () => {
  it('undo takes back the latest edit and redo applies it again, each announced and logged', async () => {
    const original = h.hash();
    const edit = await editSite('sg-tuas', { lat: 1.4 }, 'Move Tuas');
    const edited = h.hash();
    h.heard();

    const undone = await h.value('history.undo', {});
    expect(undone).toMatchObject({
      done: true,
      target: { batchId: edit.batchId, label: 'Move Tuas' },
      changes: 1,
      tables: ['sites'],
    });
    expect(undone.message).toBe('Undid "Move Tuas" (1 row change)');
    expect(lat()).toBe(1.3236);
    expect(h.hash()).toBe(original);
    expect(h.heard()).toEqual([['data.changed', { tables: ['sites'] }]]);

    const redone = await h.value('history.redo', {});
    expect(redone).toMatchObject({ done: true, target: { batchId: edit.batchId } });
    expect(lat()).toBe(1.4);
    expect(h.hash()).toBe(edited);

    // The log holds the edit, the undo and the redo, each as its own batch.
    const list = await h.value('history.list', {});
    expect(list.entries.map((e) => [e.kind, e.state, e.label])).toEqual([
      ['redo', 'done', 'Redo: Move Tuas'],
      ['undo', 'done', 'Undo: Move Tuas'],
      ['edit', 'done', 'Move Tuas'],
    ]);
    expect(list.entries[1]?.targetBatchId).toBe(edit.batchId);
    expect(list.nextUndo).toEqual({ batchId: edit.batchId, label: 'Move Tuas' });
    expect(list.nextRedo).toBeNull();
  });

  it('walks a stack: undo, undo, redo, redo, then nothing left to redo', async () => {
    await editSite('sg-tuas', { lat: 1.4 }, 'A');
    await editSite('sg-tuas', { lat: 1.5 }, 'B');
    expect((await h.value('history.undo', {})).target?.label).toBe('B');
    expect(lat()).toBe(1.4);
    expect((await h.value('history.undo', {})).target?.label).toBe('A');
    expect(lat()).toBe(1.3236);
    expect((await h.value('history.redo', {})).target?.label).toBe('A');
    expect(lat()).toBe(1.4);
    expect((await h.value('history.redo', {})).target?.label).toBe('B');
    expect(lat()).toBe(1.5);
    const none = await h.value('history.redo', {});
    expect(none).toEqual({
      done: false,
      message: 'nothing to redo',
      batchId: null,
      target: null,
      changes: 0,
      tables: [],
    });
  });

  it('a new edit clears the redo stack, and the undone batch shows as discarded', async () => {
    const a = await editSite('sg-tuas', { lat: 1.4 }, 'A');
    await h.value('history.undo', {});
    await editSite('sg-loyang', { name: 'Loyang East' }, 'B');
    expect(await h.value('history.redo', {})).toMatchObject({ done: false, message: 'nothing to redo' });
    const entry = (await h.value('history.list', {})).entries.find((e) => e.batchId === a.batchId);
    expect(entry?.state).toBe('discarded');
    expect(lat()).toBe(1.3236);
  });

  it('an import also clears the redo stack, and an import can be undone as a whole', async () => {
    await editSite('sg-tuas', { lat: 1.4 }, 'A');
    await h.value('history.undo', {});
    const beforeImport = h.hash();
    const csv = `id,name,country,region,lat,lon,vacancy_pct,source_title,source_url,as_of\nsg-new,New,SG,sg,1.35,103.8,4.5,${SOURCE.title},${SOURCE.url},${SOURCE.asOf}\n`;
    const imported = await h.value('import.commit', { kind: 'sites-csv', content: csv });
    expect(await h.value('history.redo', {})).toMatchObject({ done: false });

    const list = await h.value('history.list', { limit: 1 });
    expect(list.entries[0]).toMatchObject({
      batchId: imported.batchId,
      kind: 'import',
      actor: 'import',
      tables: ['metric_values', 'sites'],
    });
    const undone = await h.value('history.undo', {});
    expect(undone).toMatchObject({ done: true, target: { batchId: imported.batchId }, changes: 2 });
    expect(h.row('SELECT 1 AS one FROM sites WHERE id = ?', 'sg-new')).toBeUndefined();
    expect(h.hash()).toBe(beforeImport);
  });

  it('undoing a site delete brings back the site and its own facts', async () => {
    const original = h.hash();
    await h.value('data.apply', { table: 'sites', changes: [{ op: 'delete', key: 'my-sedenak' }] });
    expect(h.row('SELECT count(*) AS n FROM metric_values WHERE site_id = ?', 'my-sedenak')).toEqual({ n: 0 });
    await h.value('history.undo', {});
    expect(h.hash()).toBe(original);
    expect(h.row('SELECT count(*) AS n FROM metric_values WHERE site_id = ?', 'my-sedenak')).toEqual({ n: 1 });
    // Redo deletes them again (facts first), and a second undo restores them again.
    await h.value('history.redo', {});
    expect(h.row('SELECT count(*) AS n FROM sites WHERE id = ?', 'my-sedenak')).toEqual({ n: 0 });
    await h.value('history.undo', {});
    expect(h.hash()).toBe(original);
  });

  it('refuses to undo a batch whose rows were changed behind the history’s back, and changes nothing', async () => {
    await editSite('sg-tuas', { lat: 1.4 }, 'A');
    backend.db.prepare("UPDATE sites SET lat = 1.45 WHERE id = 'sg-tuas'").run();
    const before = h.hash();
    const error = await h.failure('history.undo', {});
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(
      'cannot undo "A": a row it wrote has been changed since (sites sg-tuas: changed since (lat)); nothing was changed',
    );
    expect(error.issues).toEqual([{ path: 'sites sg-tuas', message: 'changed since (lat)' }]);
    expect(h.hash()).toBe(before);
  });
});

describe('undo and redo across restarts', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'landfall-history-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the history, the undo stack and the redo stack in the database file', async () => {
    const path = join(dir, 'store.sqlite');
    let b = openBackend(path);
    let x = harness(b);
    const original = x.hash();
    await x.value('data.apply', {
      table: 'sites',
      label: 'A',
      changes: [{ op: 'update', key: 'sg-tuas', values: { lat: 1.4 } }],
    });
    await x.value('data.apply', {
      table: 'sites',
      label: 'B',
      changes: [{ op: 'update', key: 'sg-tuas', values: { name: 'Tuas B' } }],
    });
    b.close();

    b = openBackend(path);
    x = harness(b);
    expect((await x.value('history.list', {})).entries.map((e) => e.label)).toEqual(['B', 'A']);
    expect((await x.value('history.undo', {})).target?.label).toBe('B');
    b.close();

    b = openBackend(path);
    x = harness(b);
    expect((await x.value('history.list', {})).nextRedo?.label).toBe('B');
    expect((await x.value('history.undo', {})).target?.label).toBe('A');
    expect(x.hash()).toBe(original);
    b.close();

    b = openBackend(path);
    x = harness(b);
    expect((await x.value('history.redo', {})).target?.label).toBe('A');
    expect((await x.value('history.redo', {})).target?.label).toBe('B');
    expect(x.row('SELECT name, lat FROM sites WHERE id = ?', 'sg-tuas')).toEqual({ name: 'Tuas B', lat: 1.4 });
    b.close();
  });
});

describe('history.revert', () => {
  it('reverts one batch that is not the latest, leaving later batches alone', async () => {
    const a = await editSite('sg-tuas', { lat: 1.4 }, 'A');
    await editSite('sg-loyang', { name: 'Loyang East' }, 'B');
    const out = await h.value('history.revert', { batchId: a.batchId });
    expect(out).toMatchObject({ done: true, target: { label: 'A' }, changes: 1 });
    expect(lat()).toBe(1.3236);
    expect(h.row('SELECT name FROM sites WHERE id = ?', 'sg-loyang')).toEqual({ name: 'Loyang East' });
    // A revert is a new edit: undo takes it back first.
    expect((await h.value('history.undo', {})).target?.label).toBe('Revert: A');
    expect(lat()).toBe(1.4);
  });

  it('refuses when a row was changed since, naming the row and the batch that changed it', async () => {
    const a = await editSite('sg-tuas', { lat: 1.4, name: 'Tuas A' }, 'A');
    const c = await editSite('sg-tuas', { name: 'Tuas C' }, 'C');
    const before = h.hash();
    const error = await h.failure('history.revert', { batchId: a.batchId });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(
      /^cannot revert "A": a row it wrote has been changed since \(sites sg-tuas: changed since \(name\) by "C" \(.*\); nothing was changed$/,
    );
    expect(error.issues[0]?.message).toContain(String(c.batchId));
    expect(h.hash()).toBe(before);

    // Reverting twice is a conflict too: the first revert changed the rows.
    await h.value('history.revert', { batchId: c.batchId });
    const again = await h.failure('history.revert', { batchId: c.batchId });
    expect(again.message).toMatch(/by "Revert: C"/);
  });

  it('says which batch does not exist', async () => {
    const error = await h.failure('history.revert', { batchId: 'no-such-batch' });
    expect(error).toMatchObject({
      code: 'not_found',
      message: 'no change batch "no-such-batch" (history.list shows them)',
    });
  });
});

describe('history.list', () => {
  it('gives who, when, the label and every row before and after, newest first, filtered by table', async () => {
    await h.value('data.apply', {
      table: 'metric_values',
      actor: 'ana',
      label: 'New quote',
      changes: [
        {
          op: 'update',
          key: { criterionId: 'power_price_usc_kwh', marketId: 'sg' },
          // Measured, as the stored value is: the number changes, with the quote it comes from.
          values: { value: 18, method: 'measured', source: QUOTE },
        },
      ],
    });
    await editSite('sg-tuas', { lat: 1.4 });
    const all = await h.value('history.list', {});
    expect(all.entries).toHaveLength(2);
    expect(all.entries[0]?.label).toBe('Edit sites: sg-tuas (lat)');
    const facts = await h.value('history.list', { table: 'metric_values' });
    expect(facts.entries).toHaveLength(1);
    const entry = facts.entries[0];
    expect(entry).toMatchObject({
      actor: 'ana',
      label: 'New quote',
      kind: 'edit',
      state: 'done',
      changeCount: 1,
      truncated: false,
    });
    expect(Date.now() - Date.parse(String(entry?.at))).toBeLessThan(60_000);
    expect(entry?.changes).toEqual([
      expect.objectContaining({
        table: 'metric_values',
        label: 'power_price_usc_kwh@market:sg',
        action: 'update',
        fields: ['value', 'source_title', 'source_url', 'as_of'],
        before: expect.objectContaining({ value: 19.19, market_id: 'sg' }) as unknown,
        after: expect.objectContaining({ value: 18, market_id: 'sg' }) as unknown,
      }),
    ]);
  });

  it('caps the rows per batch and gives one batch in full on request', async () => {
    const changes = ['sg-tuas', 'sg-loyang', 'sg-jurong-west'].map((key) => ({
      op: 'update',
      key,
      values: { notes: 'checked' },
    }));
    const { batchId } = await h.value('data.apply', { table: 'sites', changes });
    const capped = await h.value('history.list', { changesPerBatch: 1 });
    expect(capped.entries[0]).toMatchObject({ changeCount: 3, truncated: true });
    expect(capped.entries[0]?.changes).toHaveLength(1);
    const full = await h.value('history.list', { batchId });
    expect(full.entries[0]?.changes.map((c) => c.rowId)).toEqual(['sg-tuas', 'sg-loyang', 'sg-jurong-west']);
    expect(full.entries[0]?.label).toBe('Edit 3 sites rows (3 changed)');
  });
});

// data.refreshPreview / data.refreshAccept / data.refreshDismiss through the real backend on a store
// file a previous seed version left: the preview, an accept that history lists as "Data refresh vN"
// and history.undo takes back, refused keys, the data.changed event, and dismissal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../backend/backend';
import { SEED_VERSION } from '../../db/seed/run-seed';
import { harness, openBackend } from './edit-fixture';
import { JOHOR_EDIT, JOHOR_KEY, OLD_SG_VALUE, SG_KEY, seedValue, writeOldSeedStore } from './refresh-fixture';

let dir: string;
let file: string;
const backends: Backend[] = [];
const open = (path = file): ReturnType<typeof harness> => {
  const backend = openBackend(path);
  backends.push(backend);
  return harness(backend);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-refresh-calls-'));
  file = join(dir, 'store.sqlite');
  writeOldSeedStore(file);
});
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  rmSync(dir, { recursive: true, force: true });
});

const price = (h: ReturnType<typeof harness>, market: string): unknown =>
  h.row("SELECT value FROM metric_values WHERE criterion_id = 'power_price_usc_kwh' AND market_id = ?", market)?.value;

describe('the data refresh calls', () => {
  it('preview the untouched changed fact, keep the edited one, and accept it as an undoable "Data refresh" batch', async () => {
    const h = open();
    const preview = await h.value('data.refreshPreview', {});
    expect(preview.seedVersion).toBe(SEED_VERSION);
    expect(preview.counts).toEqual({ new: 0, changed: 1, retired: 0, kept: 1 });
    expect(preview.changes.map((c) => [c.key, c.criterionName, c.placeName, c.before?.value, c.after?.value])).toEqual([
      [SG_KEY, 'Power price', 'Singapore', OLD_SG_VALUE, seedValue('power_price_usc_kwh', 'sg')],
    ]);
    expect(preview.kept.map((k) => [k.key, k.yours?.value])).toEqual([[JOHOR_KEY, JOHOR_EDIT]]);

    h.heard();
    const accepted = await h.value('data.refreshAccept', {});
    const label = `Data refresh v${SEED_VERSION}: 1 fact (1 changed)`;
    expect(accepted).toMatchObject({ applied: 1, label, remaining: 0, skipped: [] });
    expect(h.heard()).toEqual([['data.changed', { tables: ['metric_values'] }]]);
    expect(price(h, 'sg')).toBe(seedValue('power_price_usc_kwh', 'sg'));
    expect(price(h, 'my-johor')).toBe(JOHOR_EDIT);

    const history = await h.value('history.list', { limit: 1 });
    expect(history.entries[0]).toMatchObject({
      batchId: accepted.batchId,
      actor: 'data-refresh',
      kind: 'import',
      label,
      tables: ['metric_values'],
      changes: [expect.objectContaining({ action: 'update', label: SG_KEY })],
    });
    expect(history.nextUndo?.label).toBe(label);
    expect((await h.value('data.refreshPreview', {})).changes).toEqual([]);

    // Undo puts the old figure back; the refresh is not offered again (it was answered).
    const undone = await h.value('history.undo', {});
    expect(undone).toMatchObject({ done: true, target: { label } });
    expect(price(h, 'sg')).toBe(OLD_SG_VALUE);
    expect((await h.value('data.refreshPreview', {})).seedVersion).toBeNull();
  });

  it('refuses a key that is not pending (a kept one included) and writes nothing', async () => {
    const h = open();
    const before = h.hash();
    const error = await h.failure('data.refreshAccept', { keys: [JOHOR_KEY] });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/not in the pending data refresh; nothing was written/);
    expect(error.issues).toEqual([{ path: 'keys', message: `${JOHOR_KEY} is not pending` }]);
    expect(h.hash()).toBe(before);
    expect((await h.failure('data.refreshAccept', { keys: [] })).code).toBe('invalid_input');
  });

  it('dismisses without writing, and nothing is pending after reopening', async () => {
    const h = open();
    const before = h.hash();
    expect(await h.value('data.refreshDismiss', {})).toEqual({ seedVersion: SEED_VERSION, dismissed: 1 });
    expect(h.hash()).toBe(before);
    expect(price(h, 'sg')).toBe(OLD_SG_VALUE);
    backends.pop()?.close();
    const again = open();
    expect((await again.value('data.refreshPreview', {})).changes).toEqual([]);
  });

  it('has nothing pending on a fresh store', async () => {
    const h = open(':memory:');
    expect(await h.value('data.refreshPreview', {})).toMatchObject({ seedVersion: null, changes: [], kept: [] });
    expect(await h.value('data.refreshAccept', {})).toMatchObject({ applied: 0, batchId: null });
    expect(await h.value('data.refreshDismiss', {})).toEqual({ seedVersion: null, dismissed: 0 });
  });
});

// Issue 14, "fast as well as safe": the fast import (bulk rows in the change log, blocks sealed from
// the values written) keeps every guarantee at full size, through the dispatcher on a seeded, sealed
// store. A bad last row of a 50 000-row file writes nothing; undoing a big import gives back the
// store exactly as it was, and redoing it gives back exactly the import.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../backend/backend';
import { SEAL_KEY, sealProblem } from '../../db/content-seal';
import { getMeta } from '../../db/meta-repo';
import { contentHash, rowCounts } from '../../db/transfer/content-hash';
import { changeLogCount } from '../db/transfer-fixture';
import { harness, openBackend, SOURCE, type Harness } from './edit-fixture';

let backend: Backend;
let h: Harness;

beforeEach(() => {
  backend = openBackend();
  h = harness(backend);
});
afterEach(() => backend.close());

/** Everything a write could touch: the records, their counts, the log, the seal and the history. */
function state(): unknown {
  return {
    hash: contentHash(backend.db),
    counts: rowCounts(backend.db),
    log: changeLogCount(backend.db),
    seal: getMeta(backend.db, SEAL_KEY),
    history: backend.db.prepare('SELECT * FROM history_batches ORDER BY batch_id').all(),
  };
}

/** A sites CSV of `n` new sites in Singapore, three facts each. */
function sitesCsv(n: number, last = ''): string {
  const criteria = backend.db
    .prepare('SELECT id FROM criteria WHERE derived = 0 ORDER BY sort_order, id LIMIT 3')
    .pluck()
    .all() as string[];
  const source = `"${SOURCE.title}",${SOURCE.url},${SOURCE.asOf}`;
  const rows = Array.from(
    { length: n },
    (_, i) =>
      `big-${i},Big ${i},SG,sg,${1 + (i % 100) / 400},${103.6 + (i % 90) / 300},${i % 97},${i / 8},${i % 5},${source}`,
  );
  return `id,name,country,region,lat,lon,${criteria.join(',')},source_title,source_url,as_of\n${rows.join('\n')}\n${last}`;
}

describe('a 50 000-row sites CSV whose last row is bad', () => {
  it('is refused naming that row, and leaves records, log, seal and history as they were', async () => {
    const before = state();
    const text = sitesCsv(
      49_999,
      `big-last,Last,SG,sg,1.3,103.8,1,2,not-a-number,"${SOURCE.title}",${SOURCE.url},${SOURCE.asOf}\n`,
    );
    const failure = await h.failure('import.commit', { kind: 'sites-csv', content: text });
    expect(failure.code).toBe('invalid_input');
    expect(failure.issues).toHaveLength(1);
    expect(failure.issues[0]?.path).toMatch(/^row 50001, column /);
    expect(failure.issues[0]?.message).toBe('"not-a-number" is not a number');
    expect(state()).toEqual(before);
    expect(sealProblem(backend.db)).toBeNull();
    expect(h.heard()).toEqual([]);
  }, 120_000);
});

describe('undoing a big import', () => {
  // 10 000 sites: 40 000 changes in 40 bulk log rows over 160 seal blocks. (Undo and redo replay
  // the log row by row, so a 50 000-site one would only make this test slower, not stricter.)
  const SITES = 10_000;

  it('gives back exactly the store before it, and redo exactly the import', async () => {
    const before = state();
    const imported = await h.value('import.commit', { kind: 'sites-csv', content: sitesCsv(SITES) });
    expect(imported.added).toHaveLength(SITES);
    const after = { hash: contentHash(backend.db), counts: rowCounts(backend.db) };
    const counts = before as { counts: Record<string, number> };
    expect(after.counts).toEqual({
      ...counts.counts,
      sites: (counts.counts.sites ?? 0) + SITES,
      metric_values: (counts.counts.metric_values ?? 0) + 3 * SITES,
    });
    const list = await h.value('history.list', { limit: 1, changesPerBatch: 2 });
    expect(list.entries[0]).toMatchObject({
      batchId: imported.batchId,
      kind: 'import',
      changeCount: 4 * SITES,
      tables: ['metric_values', 'sites'],
      truncated: true,
    });
    expect(list.entries[0]?.changes.map((c) => [c.action, c.table, c.rowId])).toEqual([
      ['insert', 'sites', 'big-0'],
      ['insert', 'sites', 'big-1'],
    ]);
    expect((await h.value('history.list', { table: 'sites', limit: 1 })).entries[0]?.batchId).toBe(imported.batchId);
    const chips = await h.value('history.list', { table: 'chips' });
    expect(chips.entries.map((e) => e.batchId)).not.toContain(imported.batchId);

    const undone = await h.value('history.undo', {});
    expect(undone).toMatchObject({ done: true, target: { batchId: imported.batchId }, changes: 4 * SITES });
    const { hash, counts: rows } = before as { hash: string; counts: unknown };
    expect(contentHash(backend.db)).toBe(hash);
    expect(rowCounts(backend.db)).toEqual(rows);
    expect(sealProblem(backend.db)).toBeNull();

    await h.value('history.redo', {});
    expect({ hash: contentHash(backend.db), counts: rowCounts(backend.db) }).toEqual(after);
    expect(sealProblem(backend.db)).toBeNull();
  }, 300_000);
});

// The history repository on its own: walking change_log batch by batch (newest first, stopping
// early), the undo state kept beside the log, and rows changed after a point.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withChangeBatch } from '../../db/change-log';
import {
  batchChanges,
  discardRedoStack,
  findBatch,
  recordBatch,
  rowsChangedAfter,
  setBatchState,
  undoneBatchIds,
  walkBatches,
  type BatchSummary,
} from '../../db/history-repo';
import { migrate } from '../../db/migrations';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
});

afterEach(() => db.close());

/** A batch of `n` logged updates to rows named `prefix-0…`. */
function batch(actor: string, prefix: string, n: number): string {
  return withChangeBatch(db, actor, (b) => {
    for (let i = 0; i < n; i++)
      b.record('update', 'sites', `${prefix}-${i}`, { name: 'a' }, { name: 'b' }, `edit ${prefix} row ${i}`);
    return b.id;
  });
}

const walk = (stopAfter = Number.MAX_SAFE_INTEGER): BatchSummary[] => {
  const seen: BatchSummary[] = [];
  walkBatches(db, (b) => {
    seen.push(b);
    return seen.length < stopAfter;
  });
  return seen;
};

describe('history repository', () => {
  it('walks batches newest first, jumping over large ones, and stops when asked', () => {
    const a = batch('user', 'a', 2);
    const big = batch('import', 'big', 5000);
    const c = batch('ana', 'c', 1);
    expect(walk().map((b) => [b.batchId, b.kind, b.actor, b.lastId - b.firstId + 1])).toEqual([
      [c, 'edit', 'ana', 1],
      [big, 'import', 'import', 5000],
      [a, 'edit', 'user', 2],
    ]);
    expect(walk(1).map((b) => b.batchId)).toEqual([c]);
    expect(findBatch(db, big)).toMatchObject({ firstSummary: 'edit big row 0', state: 'done', label: '' });
    expect(findBatch(db, 'nope')).toBeUndefined();
    expect(batchChanges(db, big, 2).map((c) => c.rowId)).toEqual(['big-0', 'big-1']);
  });

  it('keeps labels and undo state beside the log; a new edit discards the redo stack', () => {
    const a = batch('user', 'a', 1);
    recordBatch(db, a, 'edit', 'First');
    const undo = batch('user', 'a', 1);
    recordBatch(db, undo, 'undo', 'Undo: First', a);
    const summary = findBatch(db, a) as BatchSummary;
    setBatchState(db, summary, 'undone');
    expect(findBatch(db, a)).toMatchObject({ label: 'First', state: 'undone' });
    expect(undoneBatchIds(db)).toEqual([{ batchId: a, undoneAt: (findBatch(db, undo) as BatchSummary).lastId }]);
    expect(discardRedoStack(db)).toBe(1);
    expect(findBatch(db, a)?.state).toBe('discarded');
    expect(undoneBatchIds(db)).toEqual([]);
    // An undo must name what it undid: the schema refuses one that does not.
    expect(() => recordBatch(db, 'x', 'undo', 'Undo: ?')).toThrow(/CHECK constraint/);
  });

  it('finds the rows changed after a point, with the batches that changed them', () => {
    const a = batch('user', 'a', 2);
    const after = (findBatch(db, a) as BatchSummary).lastId;
    const b = batch('user', 'a', 1);
    const c = batch('user', 'a', 1);
    expect(rowsChangedAfter(db, after)).toEqual(new Map([['sites\u0000a-0', [b, c]]]));
  });
});

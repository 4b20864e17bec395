// The history of the store: change_log batches (one per edit, import, undo, redo or revert) and the
// undo/redo state kept beside them in history_batches (migration 4), so both survive restarts.
// A batch is contiguous in change_log (it is written in one transaction by the only writer), which
// lets us walk from batch to batch with index seeks instead of grouping the whole log. A bulk row
// (change-log-bulk.ts) stands for a run of inserts and holds the ids before its own for them, so a
// batch still spans consecutive ids.
import type { Db } from './db';
import { bulkRowIds, changeCount, expandBulkRow, isBulkRow } from './change-log-bulk';
import type { DbRow } from './transfer/tables';

/** What made a batch: a plain edit, an import, or a history operation on another batch. */
export type BatchKind = 'edit' | 'import' | 'undo' | 'redo' | 'revert';
/** done: in effect; undone: on the redo stack; discarded: undone, then a new edit cleared the redo stack. */
export type BatchState = 'done' | 'undone' | 'discarded';

export interface BatchSummary {
  batchId: string;
  firstId: number;
  lastId: number;
  at: string;
  actor: string;
  kind: BatchKind;
  state: BatchState;
  label: string;
  targetBatchId: string | null;
  /** The first entry's summary, for a label when none was given. */
  firstSummary: string;
}

export interface LoggedChange {
  id: number;
  action: 'insert' | 'update' | 'delete';
  table: string;
  rowId: string;
  before: DbRow | null;
  after: DbRow | null;
  summary: string;
}

interface MetaRow {
  kind: BatchKind;
  label: string;
  target_batch_id: string | null;
  state: BatchState;
}

/** Batches without a history_batches row were written by the importer or another writer: done. */
const defaultKind = (actor: string): BatchKind => (actor === 'import' ? 'import' : 'edit');

export function recordBatch(
  db: Db,
  batchId: string,
  kind: BatchKind,
  label: string,
  targetBatchId: string | null = null,
): void {
  db.prepare(
    `INSERT INTO history_batches (batch_id, kind, label, target_batch_id, state) VALUES (?, ?, ?, ?, 'done')
     ON CONFLICT(batch_id) DO UPDATE SET kind = excluded.kind, label = excluded.label, target_batch_id = excluded.target_batch_id`,
  ).run(batchId, kind, label, targetBatchId);
}

/** Sets a batch's undo state, creating its history row (with its kind and a label) if it has none. */
export function setBatchState(db: Db, batch: BatchSummary, state: BatchState): void {
  db.prepare(
    `INSERT INTO history_batches (batch_id, kind, label, target_batch_id, state) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(batch_id) DO UPDATE SET state = excluded.state`,
  ).run(batch.batchId, batch.kind, batch.label, batch.targetBatchId, state);
}

/** A new edit clears the redo stack. */
export function discardRedoStack(db: Db): number {
  return db.prepare("UPDATE history_batches SET state = 'discarded' WHERE state = 'undone'").run().changes;
}

/**
 * Batches on the redo stack, most recently undone first; `undoneAt` is the last change-log id of the
 * undo batch that undid each (a batch undone, redone and undone again counts its latest undo).
 */
export function undoneBatchIds(db: Db): { batchId: string; undoneAt: number }[] {
  return db
    .prepare<[], { batch_id: string; undone_by: number }>(
      `SELECT h.batch_id, max(c.id) AS undone_by
       FROM history_batches h
       JOIN history_batches u ON u.target_batch_id = h.batch_id AND u.kind = 'undo'
       JOIN change_log c ON c.batch_id = u.batch_id
       WHERE h.state = 'undone'
       GROUP BY h.batch_id
       ORDER BY undone_by DESC`,
    )
    .all()
    .map((r) => ({ batchId: r.batch_id, undoneAt: r.undone_by }));
}

function summarise(db: Db, batchId: string, lastId: number): BatchSummary | undefined {
  const first = db
    .prepare<[string], { first_id: number }>('SELECT min(id) AS first_id FROM change_log WHERE batch_id = ?')
    .get(batchId);
  if (first === undefined || first.first_id === null) return undefined;
  const row = db
    .prepare<[number], { at: string; actor: string; summary: string; row_id: string; after: string | null }>(
      // The first character of `after` tells a bulk row; its row_id says how many changes it holds.
      'SELECT at, actor, summary, row_id, substr(after, 1, 1) AS after FROM change_log WHERE id = ?',
    )
    .get(first.first_id);
  if (row === undefined) return undefined;
  const meta = db
    .prepare<[string], MetaRow>('SELECT kind, label, target_batch_id, state FROM history_batches WHERE batch_id = ?')
    .get(batchId);
  return {
    batchId,
    // A bulk row's first change has the first of the ids it holds.
    firstId: first.first_id - changeCount(row) + 1,
    lastId,
    at: row.at,
    actor: row.actor,
    kind: meta?.kind ?? defaultKind(row.actor),
    state: meta?.state ?? 'done',
    label: meta?.label ?? '',
    targetBatchId: meta?.target_batch_id ?? null,
    firstSummary: row.summary,
  };
}

/** One batch by id, or undefined when the log has no such batch. */
export function findBatch(db: Db, batchId: string): BatchSummary | undefined {
  const last = db
    .prepare<[string], { last_id: number | null }>('SELECT max(id) AS last_id FROM change_log WHERE batch_id = ?')
    .get(batchId);
  if (last === undefined || last.last_id === null) return undefined;
  return summarise(db, batchId, last.last_id);
}

/**
 * Walks batches newest first, calling `visit` until it returns false. Each step is two index
 * seeks, so stopping early costs nothing however long the log is.
 */
export function walkBatches(db: Db, visit: (batch: BatchSummary) => boolean): void {
  const previous = db.prepare<[number], { id: number; batch_id: string }>(
    'SELECT id, batch_id FROM change_log WHERE id < ? ORDER BY id DESC LIMIT 1',
  );
  let cursor = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const last = previous.get(cursor);
    if (last === undefined) return;
    const batch = summarise(db, last.batch_id, last.id);
    if (batch === undefined) return;
    if (!visit(batch)) return;
    cursor = batch.firstId;
  }
}

interface ChangeRow {
  id: number;
  action: LoggedChange['action'];
  table_name: string;
  row_id: string;
  before: string | null;
  after: string | null;
  summary: string;
}

const parseRow = (text: string | null): DbRow | null => (text === null ? null : (JSON.parse(text) as DbRow));

/** The changes a change_log row stands for: itself, or each insert of a bulk row. */
function toChanges(r: ChangeRow): LoggedChange[] {
  if (isBulkRow(r)) {
    return expandBulkRow(r).map((c) => ({ ...c, action: 'insert', table: r.table_name, before: null }));
  }
  return [
    {
      id: r.id,
      action: r.action,
      table: r.table_name,
      rowId: r.row_id,
      before: parseRow(r.before),
      after: parseRow(r.after),
      summary: r.summary,
    },
  ];
}

/** A batch's changes in the order they were made (at most `limit`). */
export function batchChanges(db: Db, batchId: string, limit = Number.MAX_SAFE_INTEGER): LoggedChange[] {
  const out: LoggedChange[] = [];
  if (limit <= 0) return out;
  const rows = db
    .prepare<[string], ChangeRow>(
      'SELECT id, action, table_name, row_id, before, after, summary FROM change_log WHERE batch_id = ? ORDER BY id',
    )
    .iterate(batchId);
  for (const r of rows) {
    for (const c of toChanges(r)) {
      out.push(c);
      if (out.length === limit) return out;
    }
  }
  return out;
}

/** A batch is contiguous in the log, so its size is its id span. */
export function batchChangeCount(batch: Pick<BatchSummary, 'firstId' | 'lastId'>): number {
  return batch.lastId - batch.firstId + 1;
}

/**
 * The tables a batch touched, by skipping through the (batch_id, table_name) index one table at a
 * time: a handful of seeks even for a 50 000-row import.
 */
export function batchTables(db: Db, batchId: string): string[] {
  const next = db.prepare<[string, string], { t: string }>(
    'SELECT table_name AS t FROM change_log WHERE batch_id = ? AND table_name > ? ORDER BY table_name LIMIT 1',
  );
  const out: string[] = [];
  for (let row = next.get(batchId, ''); row !== undefined; row = next.get(batchId, row.t)) out.push(row.t);
  return out;
}

/** Whether a batch touched a table (for history.list's table filter). */
export function batchTouches(db: Db, batchId: string, table: string): boolean {
  return (
    db.prepare('SELECT 1 FROM change_log WHERE batch_id = ? AND table_name = ? LIMIT 1').get(batchId, table) !==
    undefined
  );
}

/** Rows changed after a change-log id: table + row id → the batch ids that changed them, oldest first. */
export function rowsChangedAfter(db: Db, afterId: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const rows = db
    .prepare<[number], { table_name: string; row_id: string; batch_id: string; after: string | null }>(
      // Only the first character of `after`, which tells a bulk row (whose row_id lists its rows).
      'SELECT table_name, row_id, batch_id, substr(after, 1, 1) AS after FROM change_log WHERE id > ? ORDER BY id',
    )
    .iterate(afterId);
  for (const r of rows) {
    for (const rowId of isBulkRow(r) ? bulkRowIds(r) : [r.row_id]) {
      const key = `${r.table_name}\u0000${rowId}`;
      const list = out.get(key) ?? [];
      if (!list.includes(r.batch_id)) list.push(r.batch_id);
      out.set(key, list);
    }
  }
  return out;
}

/** Foreign keys are checked at COMMIT, so an undo may put parents back after their children. */
export function deferForeignKeyChecks(db: Db): void {
  db.pragma('defer_foreign_keys = ON');
}

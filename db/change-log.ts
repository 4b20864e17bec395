// Records user edits and imports in change_log, in the same transaction as the edit itself, so the
// log and the data can never disagree.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Db } from './db';
import type { ChangeEntry } from '../shared/model/changes';
import { bulkRowIds, encodeBulkInsert, expandBulkRow, isBulkRow } from './change-log-bulk';
import { sealTables } from './content-seal';
import type { Cell } from './transfer/tables';

export interface ChangeBatch {
  id: string;
  record(
    action: ChangeEntry['action'],
    table: string,
    rowId: string,
    before: unknown,
    after: unknown,
    summary?: string,
  ): void;
  /**
   * Logs inserts of `rows` into `table` in order, as bulk rows of up to LOG_BULK_CHUNK changes (see
   * change-log-bulk.ts): for bulk writers (which seal the rows as they write them, see appendSealed).
   */
  recordInserts(table: string, rows: InsertedRows): void;
}

/** Rows a bulk writer has just inserted into one table, in the order it inserted them. */
export interface InsertedRows {
  /** The keys of each row's log image. */
  columns: readonly string[];
  /** Each row as stored: its rowid, then its value for each of `columns`. */
  rows: readonly (readonly Cell[])[];
  /** change_log.row_id of each row. */
  rowIds: readonly string[];
  summaries: readonly string[];
}

/**
 * Changes per bulk row: big enough that the per-row cost of the log (its indexes, its statement)
 * vanishes, small enough that history shows a batch's first changes without parsing much.
 */
const LOG_BULK_CHUNK = 1024;

/**
 * Runs `edit` in one transaction with a batch that logs each change; everything (data, log and the
 * seal of the records it touched, see content-seal.ts) commits together or not at all. Every door
 * that writes records comes through here, which is why the seal is kept here and nowhere else.
 * The transaction starts IMMEDIATE (takes SQLite's write lock at
 * BEGIN): every batch reads before it writes, and a deferred one that has read cannot wait for
 * another writer — it fails with SQLITE_BUSY (or SQLITE_BUSY_SNAPSHOT once that writer commits)
 * regardless of the busy timeout. Taking the lock first lets the busy timeout do its job.
 */
export function withChangeBatch<T>(db: Db, actor: string, edit: (batch: ChangeBatch) => T): T {
  const insert = db.prepare(`
    INSERT INTO change_log (at, actor, batch_id, action, table_name, row_id, before, after, summary)
    VALUES (@at, @actor, @batchId, @action, @table, @rowId, @before, @after, @summary)`);
  const batchId = randomUUID();
  const at = new Date().toISOString();
  const touched = new Set<string>();
  let insertBulk: Database.Statement | null = null;
  const record: ChangeBatch['record'] = (action, table, rowId, before, after, summary = '') => {
    touched.add(table);
    insert.run({
      at,
      actor,
      batchId,
      action,
      table,
      rowId,
      before: before === null || before === undefined ? null : JSON.stringify(before),
      after: after === null || after === undefined ? null : JSON.stringify(after),
      summary,
    });
  };
  const recordInserts = (table: string, rows: InsertedRows): void => {
    touched.add(table);
    // The ids this call takes: nothing else writes to the log meanwhile.
    let lastId = lastLogId(db);
    for (let from = 0; from < rows.rows.length; from += LOG_BULK_CHUNK) {
      const to = Math.min(from + LOG_BULK_CHUNK, rows.rows.length);
      if (to - from === 1) {
        const image = Object.fromEntries(rows.columns.map((c, k) => [c, rows.rows[from]?.[k + 1] ?? null]));
        record('insert', table, rows.rowIds[from] ?? '', null, image, rows.summaries[from]);
        lastId++;
        continue;
      }
      const bulk = encodeBulkInsert(
        rows.columns,
        rows.rows.slice(from, to),
        rows.rowIds.slice(from, to),
        rows.summaries.slice(from, to),
        1,
      );
      // The row takes the id of its last change and reserves the ids before it for the others.
      lastId += to - from;
      const id = lastId;
      insertBulk ??= db.prepare(`
        INSERT INTO change_log (id, at, actor, batch_id, action, table_name, row_id, before, after, summary)
        VALUES (@id, @at, @actor, @batchId, 'insert', @table, @rowId, NULL, @after, @summary)`);
      insertBulk.run({ id, at, actor, batchId, table, ...bulk });
    }
  };
  return db
    .transaction(() => {
      const result = edit({ id: batchId, record, recordInserts });
      sealTables(db, touched);
      return result;
    })
    .immediate();
}

/** The largest id change_log has used (AUTOINCREMENT never reuses one, even after a delete). */
function lastLogId(db: Db): number {
  const row = db
    .prepare<[], { last: number }>(
      `SELECT max(coalesce((SELECT max(id) FROM change_log), 0),
                  coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'change_log'), 0)) AS last`,
    )
    .get();
  return row?.last ?? 0;
}

interface ChangeRow {
  id: number;
  at: string;
  actor: string;
  batch_id: string;
  action: ChangeEntry['action'];
  table_name: string;
  row_id: string;
  before: string | null;
  after: string | null;
  summary: string;
}

/** The newest `limit` changes, newest first (a bulk row gives each of its changes). */
export function listChanges(db: Db, limit = 200): ChangeEntry[] {
  const out: ChangeEntry[] = [];
  if (limit <= 0) return out;
  const rows = db.prepare<[], ChangeRow>('SELECT * FROM change_log ORDER BY id DESC').iterate();
  const parse = (text: string | null): unknown => (text === null ? null : (JSON.parse(text) as unknown));
  for (const r of rows) {
    const common = { at: r.at, actor: r.actor, batchId: r.batch_id, action: r.action, table: r.table_name };
    const changes = isBulkRow(r)
      ? expandBulkRow(r)
          .reverse()
          .map((c) => ({ ...common, id: c.id, rowId: c.rowId, before: null, after: c.after, summary: c.summary }))
      : [{ ...common, id: r.id, rowId: r.row_id, before: parse(r.before), after: parse(r.after), summary: r.summary }];
    for (const c of changes) {
      out.push(c);
      if (out.length === limit) return out;
    }
  }
  return out;
}

/**
 * Every row of `table` the log mentions (by change_log.row_id), with the action of its latest change:
 * what the seed needs to leave the user's rows alone. One pass over the log, bulk rows included.
 */
export function latestActions(db: Db, table: string): Map<string, ChangeEntry['action']> {
  const rows = db
    .prepare<[string], { action: ChangeEntry['action']; row_id: string; after: string | null }>(
      // Only the first character of `after`, which tells a bulk row (whose row_id lists its rows).
      'SELECT action, row_id, substr(after, 1, 1) AS after FROM change_log WHERE table_name = ? ORDER BY id',
    )
    .iterate(table);
  const latest = new Map<string, ChangeEntry['action']>();
  for (const r of rows) {
    if (isBulkRow(r)) for (const id of bulkRowIds(r)) latest.set(id, 'insert');
    else latest.set(r.row_id, r.action);
  }
  return latest;
}

// Records user edits and imports in change_log, in the same transaction as the edit itself, so the
// log and the data can never disagree.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ChangeEntry } from '../shared/model/changes';
import { sealTables } from './content-seal';

type Db = Database.Database;

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
   * Logs `count` changes, in order, with few statements: the same rows `record` would write, for
   * bulk writers. `entry(i)` is asked for each in turn, so row images are built (and freed) a chunk
   * at a time; its `before` and `after` are JSON text already (or null).
   */
  recordAll(count: number, entry: (index: number) => SerialisedChange): void;
}

/** One change_log entry whose row images are already serialised (JSON text, or null for none). */
export interface SerialisedChange {
  action: ChangeEntry['action'];
  table: string;
  rowId: string;
  before: string | null;
  after: string | null;
  summary: string;
}

/** Rows per multi-row INSERT: each statement updates the AUTOINCREMENT counter once, not per row. */
const LOG_CHUNK = 256;
const LOG_COLUMNS = 'at, actor, batch_id, action, table_name, row_id, before, after, summary';

/** `INSERT ... VALUES` for `rows` entries. */
function logInsertSql(rows: number): string {
  return `INSERT INTO change_log (${LOG_COLUMNS}) VALUES ${Array<string>(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`;
}

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
  let chunkInsert: Database.Statement | null = null;
  const recordAll = (count: number, entry: (index: number) => SerialisedChange): void => {
    let i = 0;
    const write = (stmt: Database.Statement, rows: number): void => {
      const params: (string | null)[] = [];
      for (const end = i + rows; i < end; i++) {
        const e = entry(i);
        touched.add(e.table);
        params.push(at, actor, batchId, e.action, e.table, e.rowId, e.before, e.after, e.summary);
      }
      stmt.run(params);
    };
    if (count >= LOG_CHUNK) chunkInsert ??= db.prepare(logInsertSql(LOG_CHUNK));
    while (count - i >= LOG_CHUNK && chunkInsert !== null) write(chunkInsert, LOG_CHUNK);
    if (i < count) write(db.prepare(logInsertSql(count - i)), count - i);
  };
  return db
    .transaction(() => {
      const result = edit({
        id: batchId,
        recordAll,
        record(action, table, rowId, before, after, summary = '') {
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
        },
      });
      sealTables(db, touched);
      return result;
    })
    .immediate();
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

export function listChanges(db: Db, limit = 200): ChangeEntry[] {
  const rows = db.prepare<[number], ChangeRow>('SELECT * FROM change_log ORDER BY id DESC LIMIT ?').all(limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    batchId: r.batch_id,
    action: r.action,
    table: r.table_name,
    rowId: r.row_id,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    summary: r.summary,
  }));
}

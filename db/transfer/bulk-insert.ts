// The bulk writer behind imports: rows go in with multi-row INSERTs, each exactly as the row-by-row
// writer would store it (same values, same rowids and metric value ids), sealed as they are bound
// (content-seal-append.ts) and handed back a chunk at a time for the caller to log.
import type Database from 'better-sqlite3';
import type { Db } from '../db';
import { appendSealed } from '../content-seal-append';
import { assertPresetWritable } from './import-presets';
import type { Cell, DbRow, TableDef } from './tables';

/** Rows `insertMany` has stored, a chunk at a time. */
export interface InsertedChunk {
  /** The table's columns: its rows' log images' keys. */
  columns: readonly string[];
  /** Each row as `SELECT rowid, *` reads it: its rowid, then its value for each of `columns`. */
  rows: Cell[][];
  /** change_log.row_id of each row. */
  rowIds: string[];
  /** Where the chunk's first row is in insertMany's input. */
  from: number;
}

export type InsertMany = (rows: readonly DbRow[], inserted: (chunk: InsertedChunk) => void) => void;

/** Rows per multi-row INSERT (well under SQLite's 32 766 parameters for the widest table). */
const INSERT_CHUNK = 64;
/** Rows handed over at a time: a whole number of INSERT_CHUNKs. */
const HAND_OVER = 16 * INSERT_CHUNK;
/** Statements kept per table, one per set of columns bound once (a file has few such sets). */
const STATEMENTS_KEPT = 32;

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export function bulkInserter(db: Db, def: TableDef): InsertMany {
  const name = ident(def.table);
  // Every row gets its rowid: the one SQLite would choose for a row inserted alone (one more than
  // the largest so far), so rows, metric value ids and the log match the row-by-row writer, and the
  // seal knows where each row went. A metric value's id is its rowid.
  const withId = def.table === 'metric_values';
  const keyIndex = def.columns.indexOf(def.key[0] ?? 'id');
  const logColumns = withId ? ['id', ...def.columns] : [...def.columns];
  const bound = withId ? logColumns : ['rowid', ...def.columns];
  /** Where the bound columns start in a stored row ([rowid, ...logColumns]). */
  const offset = withId ? 1 : 0;
  const maxRowid = db.prepare<[], { id: number | null }>(`SELECT max(rowid) AS id FROM ${name}`);
  const statements = new Map<string, Database.Statement>();

  /**
   * The INSERT of `count` rows where the columns marked in `once` hold the same value in every row:
   * those are bound once, by name, rather than once per row. SQLite copies every bound string, so
   * binding a source or a derivation 64 times over cost a quarter of the insert.
   */
  const statement = (count: number, once: readonly boolean[]): Database.Statement => {
    const key = `${count}:${once.map((o) => (o ? 1 : 0)).join('')}`;
    let stmt = statements.get(key);
    if (stmt === undefined) {
      const one = `(${bound.map((_, k) => (once[k] === true ? `@c${k}` : '?')).join(', ')})`;
      stmt = db.prepare(
        `INSERT INTO ${name} (${bound.map(ident).join(', ')}) VALUES ${Array(count).fill(one).join(', ')}`,
      );
      if (statements.size >= STATEMENTS_KEPT) statements.clear();
      statements.set(key, stmt);
    }
    return stmt;
  };

  const write = (rows: readonly Cell[][]): void => {
    const first = rows[0];
    if (first === undefined) return;
    const once = bound.map((_, k) => rows.every((r) => Object.is(r[offset + k], first[offset + k])));
    const each: Cell[] = [];
    for (const r of rows) for (let k = 0; k < bound.length; k++) if (once[k] !== true) each.push(r[offset + k] ?? null);
    const named: Record<string, Cell> = {};
    once.forEach((o, k) => {
      if (o) named[`c${k}`] = first[offset + k] ?? null;
    });
    const stmt = statement(rows.length, once);
    const info = once.includes(true) ? stmt.run(...each, named) : stmt.run(each);
    if (info.changes !== rows.length) {
      throw new Error(`inserting ${rows.length} rows into ${def.table} changed ${info.changes} rows`);
    }
  };

  return (rows, inserted) => {
    const firstRowid = (maxRowid.get()?.id ?? 0) + 1;
    if (!Number.isSafeInteger(firstRowid + rows.length)) {
      throw new Error(`${def.table} rowids are too large for a bulk insert`);
    }
    appendSealed(db, def.table, logColumns, firstRowid, (seal) => {
      let chunk: InsertedChunk = { columns: logColumns, rows: [], rowIds: [], from: 0 };
      let rowid = firstRowid;
      for (const row of rows) {
        if (def.table === 'presets') assertPresetWritable(undefined, row);
        // A metric value's id is its rowid, so it is bound once (as "id") and stored twice here.
        const values: Cell[] = withId ? [rowid, rowid] : [rowid];
        for (const c of def.columns) values.push(row[c] ?? null);
        seal(values);
        chunk.rows.push(values);
        chunk.rowIds.push(withId ? String(rowid) : keyIndex < 0 ? 'undefined' : String(values[keyIndex + 1]));
        rowid++;
        const pending = chunk.rows.length % INSERT_CHUNK;
        if (pending === 0) write(chunk.rows.slice(-INSERT_CHUNK));
        if (chunk.rows.length === HAND_OVER || rowid === firstRowid + rows.length) {
          if (pending !== 0) write(chunk.rows.slice(-pending));
          inserted(chunk);
          chunk = { columns: logColumns, rows: [], rowIds: [], from: chunk.from + chunk.rows.length };
        }
      }
    });
  };
}

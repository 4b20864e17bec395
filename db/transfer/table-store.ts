// The SQL behind import and export, one set of prepared statements per table. Table and column
// names come from the fixed definitions in tables.ts, never from a file being imported.
import type { Db } from '../db';
import type { ChangeBatch } from '../change-log';
import { expandBulkRow, isBulkRow, type LoggedRow } from '../change-log-bulk';
import { bulkInserter, type InsertedChunk } from './bulk-insert';
import { assertPresetWritable } from './import-presets';
import { changedColumns, tableDefs, type DbRow, type TableDef } from './tables';
import type { DataTable } from '../../shared/model/transfer';

export interface TableStore {
  def: TableDef;
  /** The stored row with the same key (including a metric value's `id`), if any. */
  find(row: DbRow): DbRow | undefined;
  /** Inserts and logs the row; returns it as stored. */
  insert(row: DbRow, batch: ChangeBatch, summary: string): void;
  /** Overwrites the stored row `before` with `row`, logging both. */
  update(before: DbRow, row: DbRow, batch: ChangeBatch, summary: string): void;
  /**
   * Inserts rows in order as `insert` would one by one (bulk-insert.ts), and seals them, without
   * logging them: hands them to `inserted` a chunk at a time as they are stored, for the caller to
   * log (so that they need not all live until the last one is written).
   */
  insertMany(rows: readonly DbRow[], inserted: (chunk: InsertedChunk) => void): void;
  /** Runs `fn` in a savepoint of the open transaction: if it throws, none of its writes remain. */
  savepoint<T>(fn: () => T): T;
}

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Null-safe key match: a metric value's market_id or site_id is NULL on one side of its key. */
const keyMatch = (def: TableDef): string => def.key.map((k) => `${ident(k)} IS @${k}`).join(' AND ');

export function tableStore(db: Db, table: DataTable): TableStore {
  const def = tableDefs[table] as TableDef;
  const name = ident(table);
  const cols = def.columns.map(ident).join(', ');
  const find = db.prepare<DbRow, DbRow>(`SELECT * FROM ${name} WHERE ${keyMatch(def)}`);
  const insert = db.prepare<DbRow>(
    `INSERT INTO ${name} (${cols}) VALUES (${def.columns.map((c) => `@${c}`).join(', ')})`,
  );
  const set = def.columns.map((c) => `${ident(c)} = @${c}`).join(', ');
  // Metric values are updated through their surrogate id, found by the natural key beforehand.
  const where = table === 'metric_values' ? '"id" = @id' : keyMatch(def);
  const update = db.prepare<DbRow>(`UPDATE ${name} SET ${set} WHERE ${where}`);
  const keyOf = (row: DbRow): DbRow => Object.fromEntries(def.key.map((k) => [k, row[k] ?? null]));
  const columnsOf = (row: DbRow): DbRow => Object.fromEntries(def.columns.map((c) => [c, row[c] ?? null]));

  const insertMany = bulkInserter(db, def);

  return {
    def,
    find: (row) => find.get(keyOf(row)),
    insert(row, batch, summary) {
      if (table === 'presets') assertPresetWritable(undefined, row);
      const values = columnsOf(row);
      const info = insert.run(values);
      if (info.changes !== 1) throw new Error(`inserting ${def.label(row)} into ${table} changed ${info.changes} rows`);
      const after = table === 'metric_values' ? { id: Number(info.lastInsertRowid), ...values } : values;
      batch.record('insert', table, rowId(def, after), null, after, summary);
    },
    update(before, row, batch, summary) {
      if (table === 'presets') assertPresetWritable(before, row);
      const values = columnsOf(row);
      const params = table === 'metric_values' ? { ...values, id: before.id ?? null } : values;
      const info = update.run(params);
      if (info.changes !== 1) throw new Error(`updating ${def.label(row)} in ${table} changed ${info.changes} rows`);
      const after = table === 'metric_values' ? { id: before.id ?? null, ...values } : values;
      batch.record(
        'update',
        table,
        rowId(def, after),
        before,
        after,
        `${summary}: ${changedColumns(def, before, values).join(', ')}`,
      );
    },
    savepoint: (fn) => db.transaction(fn)(),
    insertMany,
  };
}

/** change_log.row_id: the primary key, so an undo can find the row again. */
function rowId(def: TableDef, row: DbRow): string {
  return def.table === 'metric_values' ? String(row.id) : String(row[def.key[0] ?? 'id']);
}

/** Every row of a table in key order (metric values by their natural key, not by id). */
export function readRows(db: Db, table: DataTable): DbRow[] {
  const def = tableDefs[table] as TableDef;
  const order = def.key.map(ident).join(', ');
  return db.prepare<[], DbRow>(`SELECT * FROM ${ident(table)} ORDER BY ${order}`).all();
}

/**
 * The change log, oldest first, one row per change, for export (it is never imported): a bulk row
 * (change-log-bulk.ts) is written out as the one-change rows it stands for.
 */
export function readChangeLog(db: Db): DbRow[] {
  const out: DbRow[] = [];
  for (const row of db.prepare<[], DbRow & LoggedRow>('SELECT * FROM change_log ORDER BY id').iterate()) {
    if (!isBulkRow(row)) {
      out.push(row);
      continue;
    }
    for (const c of expandBulkRow(row)) {
      out.push({ ...row, id: c.id, row_id: c.rowId, after: JSON.stringify(c.after), summary: c.summary });
    }
  }
  return out;
}

export function changeLogColumns(db: Db): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('change_log') ORDER BY cid")
    .all()
    .map((c) => c.name);
}

/** Ids that exist in a table, for checking a file's references before anything is written. */
export function keyExists(db: Db, table: 'jurisdictions' | 'markets' | 'criteria' | 'sites'): (id: string) => boolean {
  const column = table === 'jurisdictions' ? 'code' : 'id';
  const stmt = db.prepare<[string], { one: number }>(`SELECT 1 AS one FROM ${ident(table)} WHERE ${column} = ?`);
  return (id) => stmt.get(id) !== undefined;
}

export interface StoredSites {
  site(id: string): DbRow | undefined;
  /** A site-level fact (market_id NULL) of a site that `site` found. */
  fact(criterionId: string, siteId: string): DbRow | undefined;
}

/**
 * The stored sites among `ids`, and their site-level facts: one query each for a whole file
 * instead of one per row. (Ids with unpaired surrogates, which JSON cannot carry to SQLite as they
 * are, are looked up one by one.)
 */
export function readStoredSites(db: Db, ids: readonly string[]): StoredSites {
  const json = JSON.stringify(ids);
  if (json.includes('\\ud')) {
    const site = db.prepare<[string], DbRow>('SELECT * FROM sites WHERE id = ?');
    const fact = db.prepare<[string, string], DbRow>(
      'SELECT * FROM metric_values WHERE criterion_id = ? AND site_id = ? AND market_id IS NULL',
    );
    return { site: (id) => site.get(id), fact: (criterionId, siteId) => fact.get(criterionId, siteId) };
  }
  const sites = new Map<string, DbRow>();
  const storedSites = db.prepare<[string], DbRow>('SELECT * FROM sites WHERE id IN (SELECT value FROM json_each(?))');
  for (const row of storedSites.iterate(json)) sites.set(String(row.id), row);
  const facts = new Map<string, DbRow>();
  const key = (criterionId: string, siteId: string): string => `${criterionId}\u0000${siteId}`;
  if (sites.size > 0) {
    const storedFacts = db.prepare<[string], DbRow>(
      'SELECT * FROM metric_values WHERE site_id IN (SELECT value FROM json_each(?)) AND market_id IS NULL',
    );
    for (const row of storedFacts.iterate(JSON.stringify([...sites.keys()]))) {
      facts.set(key(String(row.criterion_id), String(row.site_id)), row);
    }
  }
  return { site: (id) => sites.get(id), fact: (criterionId, siteId) => facts.get(key(criterionId, siteId)) };
}

/** Whether a stored criterion is derived (never imported as a fact); undefined when unknown. */
export function criterionDerived(db: Db): (id: string) => boolean | undefined {
  const stmt = db.prepare<[string], { derived: number }>('SELECT derived FROM criteria WHERE id = ?');
  return (id) => {
    const row = stmt.get(id);
    return row === undefined ? undefined : row.derived === 1;
  };
}

export interface MarketRef {
  id: string;
  name: string;
  country: string;
}

export function readMarketRefs(db: Db): MarketRef[] {
  return db.prepare<[], MarketRef>('SELECT id, name, country FROM markets ORDER BY id').all();
}

export function readCountryCodes(db: Db): Set<string> {
  const rows = db.prepare<[], { code: string }>("SELECT code FROM jurisdictions WHERE level = 'country'").all();
  return new Set(rows.map((r) => r.code));
}

/** Foreign keys are checked at COMMIT, so a file may list rows in any order (parents after children). */
export function deferForeignKeys(db: Db): void {
  db.pragma('defer_foreign_keys = ON');
}

/** Criteria in display order, for the criterion columns of a sites CSV export. */
export function readCriterionOrder(db: Db): string[] {
  return db
    .prepare<[], { id: string }>('SELECT id FROM criteria ORDER BY sort_order, id')
    .all()
    .map((r) => r.id);
}

/** Site-level facts, for the criterion columns of a sites CSV export (unordered: the export orders them). */
export function readSiteFacts(db: Db): DbRow[] {
  return db.prepare<[], DbRow>('SELECT * FROM metric_values WHERE site_id IS NOT NULL').all();
}

// Row-level reads and logged writes for every table an edit, an undo or a revert may touch. Rows are
// the SQL shape (snake_case columns, JSON text) that change_log keeps in `before` and `after`, so an
// undo can write back exactly what it reads there. Table and column names come from the fixed
// definitions below, never from input.
import type Database from 'better-sqlite3';
import type { Db } from './db';
import { DataTable } from '../shared/model/transfer';
import type { ChangeBatch } from './change-log';
import { canonicalJson, tableDefs, type Cell, type DbRow, type TableDef } from './transfer/tables';

/** The tables history can put back: the importable ones and the what-if scenarios. */
export type RowTableName = DataTable | 'scenarios' | 'scenario_policy_events';

export interface RowTable {
  table: RowTableName;
  /** Every column written, primary key included. */
  columns: readonly string[];
  /** The primary key columns (a metric value's surrogate `id`). */
  pk: readonly string[];
  jsonColumns: readonly string[];
  /** How a row is named to people: an id, or "criterion@site:ID" for a fact. */
  label(row: DbRow): string;
}

const POLICY_COLUMNS = tableDefs.policy_events.columns;

function fromDef(def: TableDef): RowTable {
  const metric = def.table === 'metric_values';
  return {
    table: def.table,
    columns: metric ? ['id', ...def.columns] : def.columns,
    pk: metric ? ['id'] : [def.key[0] ?? 'id'],
    jsonColumns: def.jsonColumns,
    label: (row) => def.label(row),
  };
}

export const rowTables: { readonly [T in RowTableName]: RowTable } = {
  ...(Object.fromEntries(DataTable.options.map((t) => [t, fromDef(tableDefs[t] as TableDef)])) as Record<
    DataTable,
    RowTable
  >),
  scenarios: {
    table: 'scenarios',
    columns: ['id', 'name', 'description', 'created_at', 'updated_at'],
    pk: ['id'],
    jsonColumns: [],
    label: (row) => String(row.id),
  },
  scenario_policy_events: {
    table: 'scenario_policy_events',
    columns: ['scenario_id', ...POLICY_COLUMNS],
    pk: ['scenario_id', 'id'],
    jsonColumns: ['scope'],
    label: (row) => `${String(row.scenario_id)}/${String(row.id)}`,
  },
};

export function isRowTable(name: string): name is RowTableName {
  return Object.hasOwn(rowTables, name);
}

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Prepared statements per connection and text: a one-cell edit should not pay for preparing. */
const cache = new WeakMap<Db, Map<string, Database.Statement>>();
function stmt(db: Db, sql: string): Database.Statement {
  let map = cache.get(db);
  if (map === undefined) cache.set(db, (map = new Map()));
  let s = map.get(sql);
  if (s === undefined) map.set(sql, (s = db.prepare(sql)));
  return s;
}

const pkWhere = (t: RowTable): string => t.pk.map((k) => `${ident(k)} = @${k}`).join(' AND ');
const pick = (row: DbRow, columns: readonly string[]): DbRow =>
  Object.fromEntries(columns.map((c) => [c, row[c] ?? null]));

/** change_log.row_id: the primary key as text (two-part keys joined by "/"). */
export function rowIdOf(t: RowTable, row: DbRow): string {
  return t.pk.map((k) => String(row[k] ?? '')).join('/');
}

export function findRow(db: Db, t: RowTable, key: DbRow): DbRow | undefined {
  return stmt(db, `SELECT * FROM ${ident(t.table)} WHERE ${pkWhere(t)}`).get(pick(key, t.pk)) as DbRow | undefined;
}

/** The columns whose values differ (JSON columns compared by meaning). */
export function differingColumns(t: RowTable, a: DbRow, b: DbRow): string[] {
  return t.columns.filter((c) => !sameCell(a[c] ?? null, b[c] ?? null, t.jsonColumns.includes(c)));
}

function sameCell(a: Cell, b: Cell, json: boolean): boolean {
  if (a === b) return true;
  if (json && typeof a === 'string' && typeof b === 'string') return canonicalJson(a) === canonicalJson(b);
  return false;
}

/**
 * Inserts a row and logs it. A metric value without an `id` gets a fresh one; with one (an undo of
 * a delete, a redo of an insert) it keeps it, so later log entries still point at it.
 */
export function insertRow(db: Db, t: RowTable, row: DbRow, batch: ChangeBatch, summary: string): DbRow {
  const columns = t.columns.filter((c) => !(c === 'id' && t.table === 'metric_values' && (row.id ?? null) === null));
  const sql = `INSERT INTO ${ident(t.table)} (${columns.map(ident).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
  const info = stmt(db, sql).run(pick(row, columns));
  if (info.changes !== 1) throw new Error(`inserting ${t.label(row)} into ${t.table} changed ${info.changes} rows`);
  const stored = pick({ ...row, ...(columns.includes('id') ? {} : { id: Number(info.lastInsertRowid) }) }, t.columns);
  batch.record('insert', t.table, rowIdOf(t, stored), null, stored, summary);
  return stored;
}

/** Overwrites the stored row `before` (found by its primary key) with `row`, logging both. */
export function updateRow(db: Db, t: RowTable, before: DbRow, row: DbRow, batch: ChangeBatch, summary: string): DbRow {
  const set = t.columns.filter((c) => !t.pk.includes(c));
  const sql = `UPDATE ${ident(t.table)} SET ${set.map((c) => `${ident(c)} = @${c}`).join(', ')} WHERE ${pkWhere(t)}`;
  const after = pick({ ...row, ...pick(before, t.pk) }, t.columns);
  const info = stmt(db, sql).run(after);
  if (info.changes !== 1) throw new Error(`updating ${t.label(before)} in ${t.table} changed ${info.changes} rows`);
  batch.record('update', t.table, rowIdOf(t, after), pick(before, t.columns), after, summary);
  return after;
}

export function deleteRow(db: Db, t: RowTable, before: DbRow, batch: ChangeBatch, summary: string): void {
  const info = stmt(db, `DELETE FROM ${ident(t.table)} WHERE ${pkWhere(t)}`).run(pick(before, t.pk));
  if (info.changes !== 1) throw new Error(`deleting ${t.label(before)} from ${t.table} changed ${info.changes} rows`);
  batch.record('delete', t.table, rowIdOf(t, before), pick(before, t.columns), null, summary);
}

/** A metric value by its natural key (criterion and market or site), with its id. */
export function findFact(
  db: Db,
  criterionId: string,
  owner: { marketId: string | null; siteId: string | null },
): DbRow | undefined {
  return stmt(db, 'SELECT * FROM metric_values WHERE criterion_id = @c AND market_id IS @m AND site_id IS @s').get({
    c: criterionId,
    m: owner.marketId,
    s: owner.siteId,
  }) as DbRow | undefined;
}

/** A site's own facts, which go with it when it is deleted (logged one by one, so an undo brings them back). */
export function factsOfSite(db: Db, siteId: string): DbRow[] {
  return stmt(db, 'SELECT * FROM metric_values WHERE site_id = ? ORDER BY id').all(siteId) as DbRow[];
}

/** Every fact of a criterion, which go with it when it is deleted. */
export function factsOfCriterion(db: Db, criterionId: string): DbRow[] {
  return stmt(db, 'SELECT * FROM metric_values WHERE criterion_id = ? ORDER BY id').all(criterionId) as DbRow[];
}

/** Rows of other tables that point at this row, named, for "used by" messages and undo conflicts. */
export function dependentsOf(db: Db, t: RowTable, row: DbRow): string[] {
  const id = String(row[t.pk[0] ?? 'id'] ?? '');
  const names = (sql: string, ...args: string[]): string[] =>
    (stmt(db, sql).all(...args) as { name: string }[]).map((r) => r.name);
  switch (t.table) {
    case 'sites':
      return names(
        "SELECT criterion_id || '@site:' || site_id AS name FROM metric_values WHERE site_id = ? ORDER BY id",
        id,
      ).map((n) => `fact ${n}`);
    case 'markets':
      return [
        ...names('SELECT id AS name FROM sites WHERE market_id = ? ORDER BY id', id).map((n) => `site ${n}`),
        ...names(
          "SELECT criterion_id || '@market:' || market_id AS name FROM metric_values WHERE market_id = ? ORDER BY id",
          id,
        ).map((n) => `fact ${n}`),
      ];
    case 'criteria':
      return [
        ...names(
          "SELECT criterion_id || '@' || CASE WHEN site_id IS NULL THEN 'market:' || market_id ELSE 'site:' || site_id END AS name FROM metric_values WHERE criterion_id = ? ORDER BY id",
          id,
        ).map((n) => `fact ${n}`),
        ...presetsUsingCriterion(db, id).map((n) => `preset ${n}`),
      ];
    case 'chips':
      return chipUsers(db, id);
    case 'jurisdictions':
      return [
        ...names('SELECT code AS name FROM jurisdictions WHERE parent_code = ? ORDER BY code', id).map(
          (n) => `jurisdiction ${n}`,
        ),
        ...names('SELECT id AS name FROM markets WHERE jurisdiction_code = ? ORDER BY id', id).map(
          (n) => `market ${n}`,
        ),
      ];
    case 'scenarios':
      return names('SELECT id AS name FROM scenario_policy_events WHERE scenario_id = ? ORDER BY id', id).map(
        (n) => `what-if event ${n}`,
      );
    default:
      return [];
  }
}

/** Presets that weight a criterion or constrain on it. */
export function presetsUsingCriterion(db: Db, criterionId: string): string[] {
  const rows = stmt(
    db,
    `SELECT id AS name FROM presets
     WHERE json_extract(weights, '$."' || replace(@c, '"', '') || '"') IS NOT NULL
        OR EXISTS (SELECT 1 FROM json_each(constraints) WHERE json_extract(value, '$.criterionId') = @c)
     ORDER BY id`,
  ).all({ c: criterionId }) as { name: string }[];
  return rows.map((r) => r.name);
}

/** Profiles that need a chip, and policy events (real or what-if) that name it. */
export function chipUsers(db: Db, chipId: string): string[] {
  const profiles = stmt(
    db,
    'SELECT p.id AS name FROM company_profiles p WHERE EXISTS (SELECT 1 FROM json_each(p.training_chips) WHERE value = @chip) OR EXISTS (SELECT 1 FROM json_each(p.inference_chips) WHERE value = @chip) ORDER BY p.id',
  ).all({ chip: chipId }) as { name: string }[];
  const events = stmt(
    db,
    "SELECT e.id AS name FROM policy_events e WHERE EXISTS (SELECT 1 FROM json_each(e.scope, '$.chips') WHERE value = ?) ORDER BY e.id",
  ).all(chipId) as { name: string }[];
  const whatIf = stmt(
    db,
    "SELECT e.scenario_id || '/' || e.id AS name FROM scenario_policy_events e WHERE EXISTS (SELECT 1 FROM json_each(e.scope, '$.chips') WHERE value = ?) ORDER BY e.scenario_id, e.id",
  ).all(chipId) as { name: string }[];
  return [
    ...profiles.map((r) => `profile ${r.name}`),
    ...events.map((r) => `policy event ${r.name}`),
    ...whatIf.map((r) => `what-if event ${r.name}`),
  ];
}

/** Whether a row with this id exists in a reference table (for foreign-key checks before writing). */
export function idExists(
  db: Db,
  table: 'markets' | 'sites' | 'criteria' | 'chips' | 'jurisdictions',
  id: string,
): boolean {
  const column = table === 'jurisdictions' ? 'code' : 'id';
  return stmt(db, `SELECT 1 FROM ${ident(table)} WHERE ${column} = ?`).get(id) !== undefined;
}

/** A stored criterion's unit and whether it is derived; undefined when there is none. */
export function criterionFacts(db: Db, id: string): { unit: string; derived: boolean } | undefined {
  const row = stmt(db, 'SELECT unit, derived FROM criteria WHERE id = ?').get(id) as
    { unit: string; derived: number } | undefined;
  return row === undefined ? undefined : { unit: row.unit, derived: row.derived === 1 };
}

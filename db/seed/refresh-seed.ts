// When the seed itself is corrected (a new SEED_VERSION), rows the user never touched take the
// corrected version, and rows the seed no longer has go away; a row with any change-log entry (an
// edit, an import, a delete) is the user's and stays exactly as it is. "Never touched" is read from
// change_log, which records every user edit and import by table and row id.
import type { Db } from '../db';
import type { DataTable, TableRecord } from '../../shared/model/transfer';
import { latestActions } from '../change-log';
import { tableDefs } from '../transfer/tables';

/** Seed ids a later seed version dropped or renamed, per table. */
export const RETIRED_SEED_IDS: Partial<Record<DataTable, readonly string[]>> = {
  // Renamed: a press report about usage, not a Singapore policy (issue 11).
  policy_events: ['sg-2025-11-offshore-training-pattern'],
};

/** Overwrites each untouched stored row of `table` that the seed has with the seed's version. */
export function refreshUntouched<T extends DataTable>(db: Db, table: T, records: readonly TableRecord<T>[]): number {
  const def = tableDefs[table];
  const [key] = def.key;
  if (key === undefined || def.key.length !== 1) throw new Error(`${table} has no single-column key`);
  const others = def.columns.filter((c) => c !== key);
  const update = db.prepare(
    `UPDATE ${table} SET ${others.map((c) => `${c} = @${c}`).join(', ')} WHERE ${key} = @${key}`,
  );
  const touched = latestActions(db, table);
  let changed = 0;
  for (const record of records) {
    const row = def.toRow(record);
    if (touched.has(String(row[key]))) continue;
    changed += update.run(row).changes;
  }
  const retired = RETIRED_SEED_IDS[table] ?? [];
  const remove = db.prepare(`DELETE FROM ${table} WHERE ${key} = ?`);
  for (const id of retired) if (!touched.has(id)) changed += remove.run(id).changes;
  return changed;
}

/** Inserts the seed's records of `table` that are not there yet (never over the user's rows). */
export function insertMissing<T extends DataTable>(
  db: Db,
  table: T,
  records: readonly TableRecord<T>[],
  skip: (id: string) => boolean,
): void {
  const def = tableDefs[table];
  const insert = db.prepare(
    `INSERT OR IGNORE INTO ${table} (${def.columns.join(', ')}) VALUES (${def.columns.map((c) => `@${c}`).join(', ')})`,
  );
  for (const record of records) {
    const row = def.toRow(record);
    if (!skip(def.label(row))) insert.run(row);
  }
}

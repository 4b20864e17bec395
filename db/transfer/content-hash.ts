// A fingerprint of the store's content: sha256 over every table's rows in key order. Import tests
// use it to prove a refused or failed import changed nothing and that a round trip lost nothing.
import { createHash } from 'node:crypto';
import type { Db } from '../db';
import { DataTable } from '../../shared/model/transfer';
import { canonicalJson, tableDefs, type DbRow, type TableDef } from './tables';

/** Bookkeeping, not content: the log of edits, its undo/redo state, and the store's own key/value facts. */
const NOT_CONTENT = new Set(['change_log', 'history_batches', 'meta']);

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

interface TableShape {
  name: string;
  columns: string[];
  order: string;
  jsonColumns: readonly string[];
}

/**
 * Every table except bookkeeping, with the columns and order to hash. Importable tables use their
 * definition (metric values by natural key, without the surrogate id, which no file carries);
 * any other table — one added later — is hashed whole in primary-key order.
 */
function tableShapes(db: Db): TableShape[] {
  const names = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((r) => r.name)
    .filter((n) => !NOT_CONTENT.has(n));
  return names.map((name) => {
    const known = DataTable.safeParse(name);
    if (known.success) {
      const def = tableDefs[known.data] as TableDef;
      return { name, columns: [...def.columns], order: def.key.map(ident).join(', '), jsonColumns: def.jsonColumns };
    }
    const info = db
      .prepare<[string], { name: string; pk: number }>('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid')
      .all(name);
    const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const order = pk.length > 0 ? pk.map((c) => ident(c.name)).join(', ') : 'rowid';
    return { name, columns: info.map((c) => c.name), order, jsonColumns: [] };
  });
}

export function contentHash(db: Db): string {
  const hash = createHash('sha256');
  for (const t of tableShapes(db)) {
    hash.update(`table ${t.name}\n`);
    const stmt = db.prepare<[], DbRow>(
      `SELECT ${t.columns.map(ident).join(', ')} FROM ${ident(t.name)} ORDER BY ${t.order}`,
    );
    for (const row of stmt.iterate()) {
      const values = t.columns.map((c) => {
        const v = row[c] ?? null;
        return t.jsonColumns.includes(c) && typeof v === 'string' ? canonicalJson(v) : v;
      });
      hash.update(`${JSON.stringify(values)}\n`);
    }
  }
  return hash.digest('hex');
}

/** Row count of every content table, for messages and tests. */
export function rowCounts(db: Db): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of tableShapes(db)) {
    const row = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${ident(t.name)}`).get();
    counts[t.name] = row?.n ?? 0;
  }
  return counts;
}

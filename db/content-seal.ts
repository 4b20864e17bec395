// Integrity beyond SQLite: SQLite checks its pages' structure (quick_check) but keeps no checksum of
// the values inside them, so a flipped bit in a site's name or a fact's number reads back as if it
// were true. Every write batch stores, in meta, a sha256 of each table it touched; opening the store
// recomputes them, and a table whose records no longer match is reported as damage.
//
// Why one hash per table rather than per-row hashes (of facts or of anything): a table hash is
// computed by one scan of what SQLite actually holds, at the end of the batch, so it needs to know
// nothing about how each door (data.apply, imports, undo/redo, seed refresh, scenarios, presets)
// keys or writes its rows, and no door can forget to keep it. Per-row hashes would need a column or
// a side table updated by every writer, which is exactly the coupling that lets one slip. The price
// is a scan of each touched table per batch; `npm run bench` prints it (a few ms on the seeded store).
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { getMeta, setMeta } from './meta-repo';

type Db = Database.Database;

export const SEAL_KEY = 'content_seal';

/**
 * Bookkeeping, not records: the change log (append-only and the largest table; hashing it on every
 * write would cost more than the data it protects), undo/redo state, and meta, which holds the seal.
 */
const UNSEALED = new Set(['change_log', 'history_batches', 'meta']);

interface TableSeal {
  rows: number;
  sha256: string;
}

interface Seal {
  version: 1;
  tables: Record<string, TableSeal>;
}

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function contentTables(db: Db): string[] {
  return db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((r) => r.name)
    .filter((n) => !UNSEALED.has(n));
}

/** Every column, in primary-key order (rowid when there is none), exactly as stored. */
function hashTable(db: Db, table: string): TableSeal {
  const info = db
    .prepare<[string], { name: string; pk: number }>('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid')
    .all(table);
  const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const order = pk.length > 0 ? pk.map((c) => ident(c.name)).join(', ') : 'rowid';
  const stmt = db
    .prepare(`SELECT ${info.map((c) => ident(c.name)).join(', ')} FROM ${ident(table)} ORDER BY ${order}`)
    .raw(true);
  const hash = createHash('sha256');
  let rows = 0;
  for (const row of stmt.iterate() as IterableIterator<unknown[]>) {
    hash.update(JSON.stringify(row));
    hash.update('\n');
    rows++;
  }
  return { rows, sha256: hash.digest('hex') };
}

function readSeal(db: Db): Seal | null {
  const text = getMeta(db, SEAL_KEY);
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as Partial<Seal>;
    return parsed.version === 1 && typeof parsed.tables === 'object' && parsed.tables !== null
      ? (parsed as Seal)
      : null;
  } catch {
    return null;
  }
}

/**
 * Tables a write to `tables` can change: those plus, transitively, every table whose foreign keys
 * reference them (ON DELETE CASCADE and SET NULL change rows no batch records).
 */
function withDependents(db: Db, tables: Iterable<string>, all: string[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const child of all) {
    const parents = db
      .prepare<[string], { table: string }>('SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)')
      .all(child);
    for (const p of parents) children.set(p.table, [...(children.get(p.table) ?? []), child]);
  }
  const out = new Set<string>();
  const visit = (t: string): void => {
    if (out.has(t)) return;
    out.add(t);
    for (const c of children.get(t) ?? []) visit(c);
  };
  for (const t of tables) visit(t);
  return out;
}

/**
 * Recomputes the seal of the given tables (and those their foreign keys cascade into), or of every
 * table. Runs inside the caller's transaction, so the seal commits with the data or not at all. A
 * name that is not a table (a batch may log under a short name) reseals everything, never less.
 * Only a seal that exists is kept current: a store is sealed whole when it is opened for writing
 * (sealIfUnsealed), so a seal, once there, always covers every table.
 */
export function sealTables(db: Db, tables: Iterable<string> | 'all'): void {
  const seal = readSeal(db);
  if (seal !== null) writeSeal(db, seal, tables);
}

function writeSeal(db: Db, seal: Seal, tables: Iterable<string> | 'all'): void {
  const all = contentTables(db);
  let chosen: Set<string>;
  if (tables === 'all') chosen = new Set(all);
  else {
    const named = [...tables].filter((t) => !UNSEALED.has(t));
    if (named.length === 0) return;
    chosen = named.every((t) => all.includes(t)) ? withDependents(db, named, all) : new Set(all);
  }
  for (const t of chosen) seal.tables[t] = hashTable(db, t);
  // A table dropped since (by a migration) has no seal to keep.
  for (const t of Object.keys(seal.tables)) if (!all.includes(t)) delete seal.tables[t];
  setMeta(db, SEAL_KEY, JSON.stringify(seal));
}

/** Seals a store written before seals existed (or whose seal was lost), so it is verified from now on. */
export function sealIfUnsealed(db: Db): void {
  if (readSeal(db) === null) writeSeal(db, { version: 1, tables: {} }, 'all');
}

/**
 * Why the records no longer match their seal, or null when they do (or the store has no seal yet:
 * one written before seals cannot be judged, and is sealed at its next write). Reads only.
 */
export function sealProblem(db: Db): string | null {
  const seal = readSeal(db);
  if (seal === null) return null;
  const present = new Set(contentTables(db));
  const damaged: string[] = [];
  for (const [table, expected] of Object.entries(seal.tables)) {
    if (!present.has(table)) {
      damaged.push(`${table} (the table is gone)`);
      continue;
    }
    const actual = hashTable(db, table);
    if (actual.sha256 === expected.sha256) continue;
    const counts =
      actual.rows === expected.rows ? `${actual.rows} rows` : `${actual.rows} rows, ${expected.rows} at its last write`;
    damaged.push(`${table} (${counts})`);
  }
  if (damaged.length === 0) return null;
  return (
    `the records of ${damaged.join(', ')} no longer match the checksum stored with their last write: ` +
    'bytes inside the file changed outside Landfall (disk or copy damage, or an edit with another tool)'
  );
}

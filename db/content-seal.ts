// Integrity beyond SQLite: SQLite checks its pages' structure (quick_check) but keeps no checksum of
// the values inside them, so a flipped bit in a site's name or a fact's number reads back as if it
// were true. Every write batch stores, in meta, hashes of the records it changed; opening the store
// recomputes them, and a table whose records no longer match is reported as damage.
//
// Granularity: one hash per block of 256 rows (by rowid) of every record table, rather than one per
// table or one per row. A whole-table hash must rescan the table at every write (1.4 s for one edit
// of a 50 000-site store, where facts alone are 150 000 rows); per-row hashes need a column or side
// table kept by every writer. Blocks are found by temporary triggers (connection-only: nothing is
// added to the file, other tools can still write it) that note the rowid of every row written, so
// the batch rehashes only the blocks it touched, whichever door wrote them and including rows that
// foreign keys cascaded into. `npm run bench` prints the cost of both the write and the check.
import { createHash } from 'node:crypto';
import type { Db } from './db';
import { getMeta, setMeta } from './meta-repo';

export const SEAL_KEY = 'content_seal';

/**
 * Bookkeeping, not records: the change log (append-only and the largest table; hashing it on every
 * write would cost more than the data it protects), undo/redo state, and meta, which holds the seal.
 */
const UNSEALED = new Set(['change_log', 'history_batches', 'meta']);

/** Rows per block: rowid >> BLOCK_BITS. */
export const BLOCK_BITS = 8;
const BLOCK_ROWS = 1 << BLOCK_BITS;

/** Table → block number → 16 hex digits of the block's sha256. */
interface Seal {
  version: 2;
  tables: Record<string, Record<string, string>>;
}

/** Connections whose temporary triggers note every written row in temp.seal_touched. */
const tracked = new WeakSet<Db>();

/** Whether this connection notes its writes (opened by openDatabase for writing). */
export const isTracked = (db: Db): boolean => tracked.has(db);

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export function contentTables(db: Db): string[] {
  return db
    .prepare<[], { name: string }>(
      "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((r) => r.name)
    .filter((n) => !UNSEALED.has(n));
}

/**
 * Block hashes of `table`, every column exactly as stored (JSON keeps doubles exact), within
 * [from, to] rowids or the whole table. A block's rows are hashed as one text (the same bytes as
 * row by row), which costs far less than an update per row.
 */
function hashBlocks(db: Db, table: string, from?: number, to?: number): Map<number, string> {
  const where = from === undefined ? '' : ' WHERE rowid BETWEEN ? AND ?';
  const stmt = db.prepare(`SELECT rowid, * FROM main.${ident(table)}${where} ORDER BY rowid`).raw(true);
  const rows = (from === undefined ? stmt.iterate() : stmt.iterate(from, to)) as IterableIterator<unknown[]>;
  const blocks = new Map<number, string>();
  let block = -1;
  let lines: string[] = [];
  for (const row of rows) {
    const b = blockOf(Number(row[0]));
    if (b !== block) {
      if (block >= 0) blocks.set(block, blockHash(lines));
      block = b;
      lines = [];
    }
    lines.push(JSON.stringify(row));
  }
  if (block >= 0) blocks.set(block, blockHash(lines));
  return blocks;
}

/** A block's hash from its rows' JSON, in rowid order: 16 hex digits of sha256 over each row and a newline. */
export function blockHash(lines: readonly string[]): string {
  return createHash('sha256')
    .update(`${lines.join('\n')}\n`)
    .digest('hex')
    .slice(0, 16);
}

/** Kept to 32-bit shifts, as seals have always been computed (rowids stay far below 2^31 here). */
export const blockOf = (rowid: number): number => rowid >> BLOCK_BITS;

function tableSeal(db: Db, table: string): Record<string, string> {
  return Object.fromEntries([...hashBlocks(db, table)].map(([b, h]) => [String(b), h]));
}

function hasMeta(db: Db): boolean {
  return db.prepare("SELECT 1 FROM main.sqlite_schema WHERE type = 'table' AND name = 'meta'").get() !== undefined;
}

function readSeal(db: Db): Seal | null {
  // The first migrations predate meta; a store at that version has no seal to read.
  if (!hasMeta(db)) return null;
  const text = getMeta(db, SEAL_KEY);
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as Partial<Seal>;
    return parsed.version === 2 && typeof parsed.tables === 'object' && parsed.tables !== null
      ? (parsed as Seal)
      : null;
  } catch {
    return null;
  }
}

/** Tables `tables` can change through foreign keys (ON DELETE CASCADE), transitively, with themselves. */
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
 * Notes every row written on this connection in temp.seal_touched (temporary: on this connection
 * only, never in the file), and keeps temp.seal_known for blocks a bulk writer hashed itself.
 * Inside the caller's transaction, so a rolled-back write leaves no note.
 */
function trackWrites(db: Db): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS seal_touched (tbl TEXT NOT NULL, rid INTEGER NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS seal_known (tbl TEXT NOT NULL, block INTEGER NOT NULL, hash TEXT NOT NULL);`);
  for (const t of contentTables(db)) {
    const name = t.replaceAll("'", "''");
    const on = `main.${ident(t)}`;
    createInsertNotes(db, t);
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS ${ident(`seal_upd_${t}`)} AFTER UPDATE ON ${on}
        BEGIN INSERT INTO seal_touched VALUES ('${name}', OLD.rowid), ('${name}', NEW.rowid); END;
      CREATE TEMP TRIGGER IF NOT EXISTS ${ident(`seal_del_${t}`)} AFTER DELETE ON ${on}
        BEGIN INSERT INTO seal_touched VALUES ('${name}', OLD.rowid); END;`);
  }
  tracked.add(db);
}

/** The trigger that notes the rows inserted into `table`. */
const insertNotes = (table: string): string => ident(`seal_ins_${table}`);

function createInsertNotes(db: Db, table: string): void {
  db.exec(`
    CREATE TEMP TRIGGER IF NOT EXISTS ${insertNotes(table)} AFTER INSERT ON main.${ident(table)}
      BEGIN INSERT INTO seal_touched VALUES ('${table.replaceAll("'", "''")}', NEW.rowid); END;`);
}

/**
 * Puts the hashes bulk writers computed (temp.seal_known) into the seal, then rehashes the blocks
 * noted in temp.seal_touched — which includes any such block written again later in the batch — and
 * forgets both.
 */
function resealTouched(db: Db, seal: Seal): void {
  const changed = new Map<string, Map<string, string>>();
  const blocksOf = (tbl: string): Map<string, string> => {
    let blocks = changed.get(tbl);
    if (blocks === undefined) {
      blocks = new Map(Object.entries(seal.tables[tbl] ?? {}));
      changed.set(tbl, blocks);
    }
    return blocks;
  };
  const known = db.prepare<[], { tbl: string; block: number; hash: string }>('SELECT * FROM temp.seal_known').all();
  for (const { tbl, block, hash } of known) blocksOf(tbl).set(String(block), hash);
  const touched = db
    .prepare<[], { tbl: string; block: number }>(
      `SELECT DISTINCT tbl, rid >> ${BLOCK_BITS} AS block FROM temp.seal_touched ORDER BY tbl, block`,
    )
    .all();
  for (const { tbl, block } of touched) {
    const from = block << BLOCK_BITS;
    const hash = hashBlocks(db, tbl, from, from + BLOCK_ROWS - 1).get(block);
    // A block whose rows are all gone has no hash; one with rows gets its new one.
    if (hash === undefined) blocksOf(tbl).delete(String(block));
    else blocksOf(tbl).set(String(block), hash);
  }
  for (const [tbl, blocks] of changed) seal.tables[tbl] = Object.fromEntries(blocks);
  db.prepare('DELETE FROM temp.seal_touched').run();
  db.prepare('DELETE FROM temp.seal_known').run();
}

/**
 * Runs `fn` without the trigger that notes the rows inserted into `table`, for a writer that seals
 * what it inserts itself (content-seal-append.ts). The trigger is back when `fn` returns or throws.
 */
export function withoutInsertNotes<T>(db: Db, table: string, fn: () => T): T {
  db.exec(`DROP TRIGGER IF EXISTS temp.${insertNotes(table)}`);
  try {
    return fn();
  } finally {
    // Also when `fn` fails: a caller that goes on in the same transaction is noted as before.
    createInsertNotes(db, table);
  }
}

/**
 * Keeps an existing seal current after writes, inside the caller's transaction (so the seal commits
 * with the data or not at all). On a connection opened by openDatabase only the touched blocks are
 * rehashed; on any other, the named tables (and what they cascade into) are rehashed whole, and a
 * name that is not a table reseals everything, never less. A store without a seal is left alone: it
 * is sealed whole when openDatabase opens it (sealIfUnsealed).
 */
export function sealTables(db: Db, tables: Iterable<string> | 'all'): void {
  const seal = readSeal(db);
  if (seal === null) return;
  const all = contentTables(db);
  if (tables === 'all') {
    seal.tables = Object.fromEntries(all.map((t) => [t, tableSeal(db, t)]));
  } else if (tracked.has(db)) {
    resealTouched(db, seal);
  } else {
    const named = [...tables].filter((t) => !UNSEALED.has(t));
    if (named.length === 0) return;
    const chosen = named.every((t) => all.includes(t)) ? withDependents(db, named, all) : new Set(all);
    for (const t of chosen) seal.tables[t] = tableSeal(db, t);
  }
  // A table dropped since (by a migration) has no seal to keep.
  seal.tables = Object.fromEntries(Object.entries(seal.tables).filter(([t]) => all.includes(t)));
  setMeta(db, SEAL_KEY, JSON.stringify(seal));
}

/**
 * Seals rows this connection wrote outside a change batch (the triggers saw them, so they are this
 * app's writes, not damage). Run before a backup, so the copy verifies; a no-op on a connection
 * without the triggers (read-only, or not opened by openDatabase) and when nothing is pending.
 */
export function sealPending(db: Db): void {
  if (!tracked.has(db)) return;
  const pending = db.prepare('SELECT 1 FROM temp.seal_touched UNION ALL SELECT 1 FROM temp.seal_known LIMIT 1');
  if (pending.get() === undefined) return;
  db.transaction(() => sealTables(db, []))();
}

/**
 * For a store opened for writing: seals it whole if it has no seal yet (written before seals, or
 * new) or if opening it just wrote to it (a migration or a seed), then notes every write on this
 * connection so batches rehash only what they touched. An open that changed nothing writes nothing:
 * a store another program is writing to must still open (and wait its turn at its first write)
 * rather than fail at once on a seal nobody needed.
 */
export function sealIfUnsealed(db: Db, openWrote: boolean): void {
  if (openWrote || readSeal(db) === null) {
    // IMMEDIATE, so a writer elsewhere is waited for (busy timeout) instead of failing the upgrade.
    db.transaction(() => {
      if (readSeal(db) === null) setMeta(db, SEAL_KEY, JSON.stringify({ version: 2, tables: {} } satisfies Seal));
      sealTables(db, 'all');
    }).immediate();
  }
  trackWrites(db);
}

/**
 * Why the records no longer match their seal, or null when they do (or the store has no seal yet:
 * one written before seals cannot be judged, and is sealed when next opened for writing). Reads only.
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
    const actual = hashBlocks(db, table);
    const blocks = new Set([...Object.keys(expected), ...[...actual.keys()].map(String)]);
    let bad = 0;
    for (const b of blocks) if (expected[b] !== actual.get(Number(b))) bad++;
    if (bad > 0) damaged.push(`${table} (${bad} of ${blocks.size} blocks of up to ${1 << BLOCK_BITS} rows)`);
  }
  if (damaged.length === 0) return null;
  return (
    `the records of ${damaged.join(', ')} no longer match the checksums stored with their last write: ` +
    'bytes inside the file changed outside Landfall (disk or copy damage, or an edit with another tool)'
  );
}

// Sealing rows as a bulk writer appends them (see content-seal.ts for the seal itself): an import of
// 50 000 sites writes 200 000 rows, and noting each through the seal's trigger, then reading them
// all back to hash them, cost half as much as inserting them. The writer hands each row over as it
// binds it; whole blocks of new rows are hashed from those values, in the same transaction.
import type Database from 'better-sqlite3';
import type { Db } from './db';
import { BLOCK_BITS, blockHash, blockOf, contentTables, isTracked, withoutInsertNotes } from './content-seal';

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * Runs `append`, which inserts rows into `table` at rowids firstRowid, firstRowid + 1, … (above
 * every rowid the table has) and hands each row to `seal` as `SELECT rowid, *` would read it: its
 * rowid, then its value for each of `columns`. The rows are sealed here rather than through the
 * trigger that notes each inserted row (the notes and reading the rows back cost half as much as
 * the inserts). Blocks that hold only new rows are hashed from the values bound; the block shared
 * with older rows, and any block that cannot be hashed so, is noted for the batch to read back.
 * Hashing from the values is exact only where SQLite stores what was bound: a STRICT table without
 * triggers (but the seal's) whose columns are `columns` — a STRICT table converts a bound value only
 * losslessly (3 into a REAL is 3.0, which reads back and is written in JSON as 3) or refuses it —
 * and text without a lone surrogate (stored as U+FFFD).
 */
export function appendSealed<T>(
  db: Db,
  table: string,
  columns: readonly string[],
  firstRowid: number,
  append: (seal: (row: readonly unknown[]) => void) => T,
): T {
  if (!isTracked(db) || !contentTables(db).includes(table)) return append(() => undefined);
  const top = db.prepare<[], { top: number | null }>(`SELECT max(rowid) AS top FROM main.${ident(table)}`).get()?.top;
  const exact = (top ?? 0) < firstRowid && storesAsBound(db, table, columns);
  const sealer = new BlockSealer(db, table, firstRowid, exact);
  const result = withoutInsertNotes(db, table, () => append((row) => sealer.add(row)));
  sealer.finish();
  return result;
}

/** Seals appended rows block by block as they come, keeping only the block at hand. */
class BlockSealer {
  private readonly known: Database.Statement;
  private readonly note: Database.Statement;
  private next: number;
  private block = Number.NaN;
  /** The rows' JSON of a block being hashed; null for a block that is noted instead. */
  private lines: string[] | null = null;

  constructor(
    db: Db,
    private readonly table: string,
    private readonly firstRowid: number,
    private readonly exact: boolean,
  ) {
    this.known = db.prepare('INSERT INTO temp.seal_known (tbl, block, hash) VALUES (?, ?, ?)');
    this.note = db.prepare('INSERT INTO temp.seal_touched (tbl, rid) VALUES (?, ?)');
    this.next = firstRowid;
  }

  add(row: readonly unknown[]): void {
    const rowid = this.next++;
    if (row[0] !== rowid) throw new Error(`appended rows must come in rowid order: ${String(row[0])} is not ${rowid}`);
    if (blockOf(rowid) !== this.block) this.start(rowid);
    this.lines?.push(JSON.stringify(row));
  }

  finish(): void {
    if (this.lines === null) return;
    // JSON.stringify writes a lone surrogate as a \udXXX escape (and a backslash before "ud" as \\ud).
    if (this.lines.some((l) => l.includes('\\ud'))) this.note.run(this.table, this.block << BLOCK_BITS);
    else this.known.run(this.table, this.block, blockHash(this.lines));
    this.lines = null;
  }

  private start(rowid: number): void {
    this.finish();
    this.block = blockOf(rowid);
    const hashable = this.exact && this.block << BLOCK_BITS >= this.firstRowid && rowid <= 0x7fffffff;
    this.lines = hashable ? [] : null;
    if (!hashable) this.note.run(this.table, rowid);
  }
}

/** Whether SQLite stores in `table` exactly the values a writer binds to `columns` (see appendSealed). */
function storesAsBound(db: Db, table: string, columns: readonly string[]): boolean {
  const strict = db
    .prepare<[string], { strict: number }>("SELECT strict FROM pragma_table_list WHERE schema = 'main' AND name = ?")
    .get(table);
  // Triggers of its own, in the file or on this connection (the seal's own only note rowids).
  const triggers = db
    .prepare(
      `SELECT 1 FROM main.sqlite_schema WHERE type = 'trigger' AND tbl_name = ?
       UNION ALL
       SELECT 1 FROM temp.sqlite_schema WHERE type = 'trigger' AND tbl_name = ? AND name NOT LIKE 'seal\\_%' ESCAPE '\\'`,
    )
    .get(table, table);
  const stored = db
    .prepare(`SELECT * FROM main.${ident(table)}`)
    .columns()
    .map((c) => c.name);
  return (
    strict?.strict === 1 &&
    triggers === undefined &&
    stored.length === columns.length &&
    stored.every((c, i) => c === columns[i])
  );
}

// Test helpers: a populated store file on disk, and the ways such a file gets damaged in the wild.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, truncateSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { latestVersion } from '../../db/migrations';
import { openDatabase } from '../../db/open';

export const FILLER_ROWS = 3000;

/**
 * A latest-version store with a `filler` table spread over many pages, checkpointed and closed so
 * every page is in the main file (damage written there is what SQLite will read).
 */
export function makeStoreFile(path: string): void {
  const db = openDatabase(path);
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < FILLER_ROWS; i++) insert.run(`row ${i} ${'x'.repeat(60)}`);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Everything a reader could see of the store: the main file and its WAL, if any. */
export function fingerprint(path: string): string {
  const wal = `${path}-wal`;
  const walHash = existsSync(wal) && statSync(wal).size > 0 ? sha256(wal) : 'no-wal';
  return `${sha256(path)}/${walHash}`;
}

function overwrite(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

/** (a) Something wrote over SQLite's 100-byte header. */
export function overwriteHeader(path: string): void {
  overwrite(path, 0, Buffer.alloc(100, 0x5a));
}

/** (b) Garbage in the middle of a leaf page of `filler`, the first child of its root page. */
export function damageLeafPage(path: string): void {
  const db = new Database(path, { readonly: true });
  const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'filler'").get() as { rootpage: number })
    .rootpage;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const file = readFileSync(path);
  const rootOffset = (root - 1) * pageSize;
  if (file[rootOffset] !== 0x05) throw new Error('filler should span pages, with an interior root page');
  const firstCell = file.readUInt16BE(rootOffset + 12);
  const leaf = file.readUInt32BE(rootOffset + firstCell);
  overwrite(path, (leaf - 1) * pageSize + pageSize / 2, Buffer.alloc(64, 0xa7));
}

/** (c) The file lost its second half (a copy cut short, a full disk). */
export function truncateHalf(path: string): void {
  truncateSync(path, Math.floor(statSync(path).size / 2));
}

/** (d) A newer Landfall migrated the file past what this one understands. */
export function markNewer(path: string): void {
  const db = new Database(path);
  db.pragma(`user_version = ${latestVersion + 1}`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

export const corruptions = [
  { name: 'overwritten header', kind: 'not_a_database', damage: overwriteHeader, says: /not a SQLite database/ },
  { name: 'damaged page', kind: 'damaged', damage: damageLeafPage, says: /damaged pages/ },
  { name: 'truncated file', kind: 'truncated', damage: truncateHalf, says: /truncated/ },
  { name: 'newer schema version', kind: 'newer_version', damage: markNewer, says: /newer/ },
] as const;

// Opens the SQLite store with the durability settings Landfall relies on, then migrates and seeds.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations';
import { seedFixture } from './seed';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running ABI (Electron keeps its own build). */
  nativeBinding?: string;
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    applyPragmas(db, path);
    migrate(db);
    seedFixture(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function applyPragmas(db: Db, path: string): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  // An in-memory database cannot use WAL; every file-backed one must, or readers block writers.
  if (path !== ':memory:' && mode !== 'wal') {
    throw new Error(`could not switch ${path} to WAL journal mode (got ${String(mode)})`);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL');
}

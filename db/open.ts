// Opens the SQLite store with the durability settings Landfall relies on, then migrates and seeds.
// A file that fails its integrity check is never written to: openStore opens it read-only instead.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { backupsDirFor, createBackup, migrationBackupReason } from './durability';
import { checkIntegrity, type StoreProblem } from './integrity';
import { latestVersion, migrate, schemaVersion } from './migrations';
import { seedDatabase } from './seed/run-seed';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running ABI (Electron keeps its own build). */
  nativeBinding?: string;
}

/** Thrown by openDatabase when the file fails its integrity check; nothing has been written to it. */
export class StoreProblemError extends Error {
  constructor(readonly problem: StoreProblem) {
    super(problem.reason);
    this.name = 'StoreProblemError';
  }
}

/**
 * Opens a store for writing: checks an existing file first (StoreProblemError if it fails), and
 * takes a verified backup before migrating a database that holds an older schema.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
    // An empty or missing file is a new store; anything else must pass before we write to it.
    if (existsSync(path) && statSync(path).size > 0) {
      const report = checkIntegrity(path, options);
      if (!report.ok) throw new StoreProblemError(report);
    }
  }
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    applyPragmas(db, path);
    backupBeforeMigration(db, path, options);
    migrate(db);
    seedDatabase(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export interface OpenedStore {
  db: Db;
  /** null when the store is healthy and writable; otherwise `db` is a read-only connection. */
  problem: StoreProblem | null;
}

/**
 * Opens the store for the backend, which must come up even when the file is damaged so that it can
 * say so and offer a restore. A file that fails its check, or cannot be opened for any other reason,
 * is opened read-only; one that cannot be read at all is replaced by an empty read-only store in
 * memory. Either way the file on disk is left exactly as it was.
 */
export function openStore(path: string, options: OpenOptions = {}): OpenedStore {
  if (path === ':memory:') return { db: openDatabase(path, options), problem: null };
  try {
    return { db: openDatabase(path, options), problem: null };
  } catch (error) {
    const problem: StoreProblem =
      error instanceof StoreProblemError
        ? error.problem
        : {
            kind: 'unreadable',
            reason: `${path} could not be opened: ${error instanceof Error ? error.message : String(error)}.`,
          };
    return openReadOnly(path, problem, options);
  }
}

/** Opens the file read-only, or, if not even its schema can be read, an empty read-only store in memory. */
export function openReadOnly(path: string, problem: StoreProblem, options: OpenOptions = {}): OpenedStore {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  let db: Db | undefined;
  try {
    db = new Database(path, { ...binding, readonly: true, fileMustExist: true });
    db.pragma('query_only = ON');
    db.pragma('busy_timeout = 5000');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return { db, problem };
  } catch {
    db?.close();
  }
  const empty = new Database(':memory:', binding);
  migrate(empty);
  // query_only makes SQLite refuse writes here too, so a missed guard fails the same way as on a file.
  empty.pragma('query_only = ON');
  return {
    db: empty,
    problem: { ...problem, reason: `${problem.reason} It cannot be read at all, so Landfall shows an empty store.` },
  };
}

/** A database with an older schema is copied (and the copy verified) before any migration touches it. */
function backupBeforeMigration(db: Db, path: string, options: OpenOptions): void {
  const version = schemaVersion(db);
  if (path === ':memory:' || version === 0 || version >= latestVersion) return;
  createBackup(db, backupsDirFor(path), migrationBackupReason(version), options);
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

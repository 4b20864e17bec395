// Opens the SQLite store with the durability settings Landfall relies on, then migrates and seeds.
// A file that fails its integrity check, that Landfall may not write, or that vanished while backups
// of it exist is never written to: openStore opens it read-only (or an empty stand-in) instead.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { sealIfUnsealed } from './content-seal';
import { backupsDirFor, backupStem, createBackup, migrationBackupReason } from './durability';
import { checkIntegrity, type StoreProblem } from './integrity';
import { latestVersion, migrate, schemaVersion } from './migrations';
import { seedDatabase } from './seed/run-seed';
import { permissionProblem, vanishedProblem } from './store-state';

import type { Db } from './db';

export type { Db };

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running ABI (Electron keeps its own build). */
  nativeBinding?: string;
  /**
   * Create a new store even though the file is missing or empty beside backups of it: the planner
   * chose to start afresh (store.startNew) rather than restore.
   */
  startNew?: boolean;
}

/** Thrown by openDatabase when the file must not be written (see StoreProblem); nothing has been written to it. */
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
    const refused = permissionProblem(path) ?? (options.startNew ? null : vanishedProblem(path, options));
    if (refused) throw new StoreProblemError(refused);
    // An empty or missing file without backups is a new store; anything else must pass before we write to it.
    if (existsSync(path) && statSync(path).size > 0) {
      const report = checkIntegrity(path, options);
      if (!report.ok) throw new StoreProblemError(report);
    }
  }
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    applyPragmas(db, path);
    backupBeforeMigration(db, path, options);
    const versionBefore = schemaVersion(db);
    migrate(db);
    const seeded = seedDatabase(db);
    // A store from before seals (or a new one, or one this open migrated or seeded) is sealed now,
    // so its records are verified from here on.
    sealIfUnsealed(db, seeded || schemaVersion(db) !== versionBefore);
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
        : isBusy(error)
          ? // Not damage: another program kept the store locked past the busy timeout while it opened.
            {
              kind: 'another_writer',
              reason: `another program is writing to ${path} (SQLite reports it busy); reopen when it has finished.`,
            }
          : {
              kind: 'unreadable',
              reason: `${path} could not be opened: ${error instanceof Error ? error.message : String(error)}.`,
            };
    return openReadOnly(path, problem, options);
  }
}

/**
 * Opens the file read-only, or, if not even its schema can be read, an empty read-only store in
 * memory. A vanished store is stood in for at once: there is nothing to read, and a read-only open
 * of a 0-byte file would only show a store without tables.
 */
export function openReadOnly(path: string, problem: StoreProblem, options: OpenOptions = {}): OpenedStore {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  if (problem.kind !== 'vanished') {
    const db = readOnlyFile(path, binding) ?? (problem.kind === 'permissions' ? snapshotInMemory(path, binding) : null);
    if (db) return { db, problem };
  }
  const empty = new Database(':memory:', binding);
  migrate(empty);
  // query_only makes SQLite refuse writes here too, so a missed guard fails the same way as on a file.
  empty.pragma('query_only = ON');
  // Only damage needs the extra words; a vanished or unwritable store's reason already says it all.
  const damage = problem.kind !== 'vanished' && problem.kind !== 'permissions';
  return {
    db: empty,
    problem: damage
      ? { ...problem, reason: `${problem.reason} It cannot be read at all, so Landfall shows an empty store.` }
      : problem,
  };
}

type Binding = { nativeBinding?: string };

function readOnlyFile(path: string, binding: Binding): Db | null {
  let db: Db | undefined;
  try {
    db = new Database(path, { ...binding, readonly: true, fileMustExist: true });
    db.pragma('query_only = ON');
    db.pragma('busy_timeout = 5000');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch {
    db?.close();
    return null;
  }
}

/**
 * A WAL-mode store in a folder that may not be written cannot be opened even read-only (SQLite
 * needs to create its -shm file there), so its bytes are read into memory instead. The header is
 * switched from WAL to rollback mode in the copy only, because SQLite refuses to deserialize a WAL
 * database. Commits still in a -wal file are not in the copy.
 */
function snapshotInMemory(path: string, binding: Binding): Db | null {
  try {
    const bytes = readFileSync(path);
    if (bytes.length >= 20) {
      bytes[18] = 1;
      bytes[19] = 1;
    }
    const db = new Database(bytes, binding);
    db.pragma('query_only = ON');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch {
    return null;
  }
}

/**
 * Creates a new, seeded store where one vanished, at the planner's explicit request. A -wal file
 * left beside the missing or empty store is moved into the backups folder rather than deleted
 * (SQLite would otherwise try to replay it onto the new file); the backups themselves stay.
 */
export function startNewStore(path: string, options: OpenOptions = {}): void {
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    const dir = backupsDirFor(path);
    mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:]/g, '');
    renameSync(wal, join(dir, `${backupStem(path)}-${stamp}-vanished.sqlite.old-wal`));
  }
  rmSync(wal, { force: true });
  rmSync(`${path}-shm`, { force: true });
  openDatabase(path, { ...options, startNew: true }).close();
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

/** SQLITE_BUSY or one of its extended codes (BUSY_SNAPSHOT, BUSY_RECOVERY, BUSY_TIMEOUT). */
function isBusy(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code.startsWith('SQLITE_BUSY');
}

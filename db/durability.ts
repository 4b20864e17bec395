// Backups of the store and the way back from one. A backup is a verified, self-contained copy in
// `<db dir>/backups/<db name>-<UTC timestamp>-<reason>.sqlite`; a restore replaces the store file
// with one of them, keeping a copy of what it replaced.
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, parse } from 'node:path';
import type Database from 'better-sqlite3';
import { BACKUP_REASON } from '../shared/calls/store-calls';
import { checkIntegrity, type CheckOptions } from './integrity';

type Db = Database.Database;

export interface BackupInfo {
  name: string;
  path: string;
  reason: string;
  /** ISO time the backup was taken, read from its name (copying a file changes its mtime). */
  createdAt: string;
  sizeBytes: number;
}

/** How many backups pruning leaves by default. */
export const DEFAULT_BACKUP_KEEP = 10;

/** The reason written into the name of the backup taken before migrating from `version`. */
export function migrationBackupReason(version: number): string {
  return `pre-migration-v${version}`;
}

export function backupsDirFor(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

/** The stem every backup of this store starts with: `landfall` for `landfall.sqlite`. */
export function backupStem(dbPath: string): string {
  return parse(dbPath).name;
}

// 20250601T120000.123Z: ISO 8601 basic format, so names sort by time and contain no ':' (Windows).
const NAME = /^(?<stem>.+)-(?<stamp>\d{8}T\d{6}\.\d{3}Z)-(?<reason>[a-z0-9][a-z0-9-]*)\.sqlite$/;
const MIGRATION_REASON = /^pre-migration-v\d+$/;

export interface BackupOptions extends CheckOptions {
  now?: Date;
}

/**
 * Copies the open store into `dir` and verifies the copy before giving it its final name, so a listed
 * backup is always one that passed quick_check. `VACUUM INTO` rather than better-sqlite3's
 * asynchronous `db.backup()`: the backup before a migration runs inside the synchronous open, and
 * VACUUM INTO reads one consistent snapshot that includes every commit still in the WAL.
 */
export function createBackup(db: Db, dir: string, reason: string, options: BackupOptions = {}): BackupInfo {
  if (db.memory) throw new Error('an in-memory store has no file to back up');
  if (!BACKUP_REASON.test(reason)) throw new Error(`backup reason "${reason}" must be lower-case letters, digits, -`);
  mkdirSync(dir, { recursive: true });
  const stem = backupStem(db.name);
  let time = (options.now ?? new Date()).getTime();
  let path = join(dir, backupName(stem, time, reason));
  // Two backups in the same millisecond would share a name; the later one moves on by a millisecond.
  while (existsSync(path)) path = join(dir, backupName(stem, ++time, reason));
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fsyncFile(partial);
    const report = checkIntegrity(partial, options);
    if (!report.ok) throw new Error(`the copy failed verification: ${report.reason}`);
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return {
    name: basename(path),
    path,
    reason,
    createdAt: new Date(time).toISOString(),
    sizeBytes: statSync(path).size,
  };
}

/** Backups in `dir`, newest first; with `stem`, only those of that store (a folder may hold several). */
export function listBackups(dir: string, stem?: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  const backups: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const match = NAME.exec(name)?.groups;
    if (!match?.stem || !match.stamp || !match.reason || (stem !== undefined && match.stem !== stem)) continue;
    const path = join(dir, name);
    let sizeBytes: number;
    try {
      sizeBytes = statSync(path).size;
    } catch {
      continue; // removed while we listed
    }
    backups.push({ name, path, reason: match.reason, createdAt: stampToIso(match.stamp), sizeBytes });
  }
  return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/**
 * Deletes all but the newest `keep` backups. The newest backup taken before each migration is kept
 * as well, because it is the only copy an older Landfall can still open; those count towards `keep`,
 * so they push out scheduled and manual ones rather than adding to them. Returns what was deleted.
 */
export function pruneBackups(dir: string, keep: number = DEFAULT_BACKUP_KEEP, stem?: string): BackupInfo[] {
  const backups = listBackups(dir, stem);
  const kept = new Set<string>();
  const newest = backups[0];
  if (newest) kept.add(newest.path);
  const migrationsSeen = new Set<string>();
  for (const b of backups) {
    if (MIGRATION_REASON.test(b.reason) && !migrationsSeen.has(b.reason)) {
      migrationsSeen.add(b.reason);
      kept.add(b.path);
    }
  }
  for (const b of backups) {
    if (kept.size >= keep) break;
    kept.add(b.path);
  }
  const removed = backups.filter((b) => !kept.has(b.path));
  for (const b of removed) rmSync(b.path, { force: true });
  return removed;
}

/** The chosen backup failed verification; nothing was changed. */
export class BackupRejectedError extends Error {
  override name = 'BackupRejectedError';
}

export interface RestoreResult {
  /** Where the replaced store (and its WAL) was copied, or null when there was no file to replace. */
  previousCopy: string | null;
}

/**
 * Replaces the store at `targetPath` with a backup. The caller must have closed every connection to
 * the target first. The backup is verified (quick_check, schema version not newer than this app)
 * before anything is touched; the current file is copied aside into the backups folder
 * (`…-replaced.sqlite.old`, not offered as a backup because it was never verified); the target's
 * WAL and shared-memory files are removed so SQLite cannot replay stale frames onto the restored
 * pages; and the copy lands by an atomic rename of a synced temporary file beside the target.
 */
export function restoreBackup(targetPath: string, backupPath: string, options: BackupOptions = {}): RestoreResult {
  const report = checkIntegrity(backupPath, options);
  if (!report.ok) throw new BackupRejectedError(`${basename(backupPath)} cannot be restored: ${report.reason}`);
  const temp = join(dirname(targetPath), `.${basename(targetPath)}.restore-${process.pid}.tmp`);
  let previousCopy: string | null = null;
  try {
    copyFileSync(backupPath, temp);
    fsyncFile(temp);
    if (existsSync(targetPath)) {
      const dir = backupsDirFor(targetPath);
      mkdirSync(dir, { recursive: true });
      const stamp = (options.now ?? new Date()).toISOString().replace(/[-:]/g, '');
      previousCopy = join(dir, `${backupStem(targetPath)}-${stamp}-replaced.sqlite.old`);
      copyFileSync(targetPath, previousCopy);
      // SQLite finds a database's WAL by appending -wal to its name, so this copy opens with it.
      if (existsSync(`${targetPath}-wal`)) copyFileSync(`${targetPath}-wal`, `${previousCopy}-wal`);
    }
    rmSync(`${targetPath}-wal`, { force: true });
    rmSync(`${targetPath}-shm`, { force: true });
    renameSync(temp, targetPath);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return { previousCopy };
}

function backupName(stem: string, time: number, reason: string): string {
  return `${stem}-${new Date(time).toISOString().replace(/[-:]/g, '')}-${reason}.sqlite`;
}

function stampToIso(stamp: string): string {
  // 20250601T120000.123Z → 2025-06-01T12:00:00.123Z
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13)}`;
}

/** Flushes a file to disk, so a rename that follows never publishes a name whose bytes are still in cache. */
function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface StoreSettings {
  journalMode: string | null;
  foreignKeys: boolean | null;
  synchronous: string | null;
  busyTimeoutMs: number | null;
}

const SYNCHRONOUS = ['off', 'normal', 'full', 'extra'];

/** The pragmas durability depends on, as the connection sees them; null where it cannot say. */
export function storeSettings(db: Db): StoreSettings {
  const read = (pragma: string): unknown => {
    try {
      return db.pragma(pragma, { simple: true });
    } catch {
      return null;
    }
  };
  const journal = read('journal_mode');
  const foreignKeys = read('foreign_keys');
  const synchronous = read('synchronous');
  const busy = read('busy_timeout');
  return {
    journalMode: typeof journal === 'string' ? journal : null,
    foreignKeys: typeof foreignKeys === 'number' ? foreignKeys === 1 : null,
    synchronous: typeof synchronous === 'number' ? (SYNCHRONOUS[synchronous] ?? String(synchronous)) : null,
    busyTimeoutMs: typeof busy === 'number' ? busy : null,
  };
}

/** Every table of the store, for telling the UI that all of it may have changed (after a restore). */
export function storeTables(db: Db): string[] {
  try {
    const rows = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all();
    return rows.map((r) => r.name);
  } catch {
    return [];
  }
}

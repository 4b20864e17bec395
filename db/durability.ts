// Backups of the store and the way back from one. A backup is a verified, self-contained copy in
// `<db dir>/backups/<db name>-<UTC timestamp>-<reason>[.blank].sqlite` (backup-list.ts reads the
// folder); a restore replaces the store file
// with one of them, keeping a copy of what it replaced.
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from './db';
import { BACKUP_REASON } from '../shared/calls/store-calls';
import { backupName, backupsDirFor, backupStem, type BackupInfo } from './backup-list';
import { sealPending } from './content-seal';
import { checkIntegrity, type CheckOptions } from './integrity';
import { fileContent } from './store-content';

export {
  backupsDirFor,
  backupStem,
  DEFAULT_BACKUP_KEEP,
  isGoodBackup,
  latestGoodBackup,
  listBackups,
  migrationBackupReason,
  pruneBackups,
  type BackupInfo,
} from './backup-list';

export interface BackupOptions extends CheckOptions {
  now?: Date;
}

/**
 * Copies the open store into `dir` and verifies the copy before giving it its final name, so a listed
 * backup is always one that passed quick_check. `VACUUM INTO` rather than better-sqlite3's
 * asynchronous `db.backup()`: the backup before a migration runs inside the synchronous open, and
 * VACUUM INTO reads one consistent snapshot that includes every commit still in the WAL. The name
 * says whether the copy holds only the seed (`.blank`), so it is never offered as a good backup.
 */
export function createBackup(db: Db, dir: string, reason: string, options: BackupOptions = {}): BackupInfo {
  if (db.memory) throw new Error('an in-memory store has no file to back up');
  if (!BACKUP_REASON.test(reason)) throw new Error(`backup reason "${reason}" must be lower-case letters, digits, -`);
  mkdirSync(dir, { recursive: true });
  const stem = backupStem(db.name);
  let time = (options.now ?? new Date()).getTime();
  const partial = join(dir, `${backupName(stem, time, reason, false)}.partial`);
  rmSync(partial, { force: true });
  let path: string;
  let blank: boolean;
  try {
    sealPending(db);
    db.prepare('VACUUM INTO ?').run(partial);
    fsyncFile(partial);
    const report = checkIntegrity(partial, options);
    if (!report.ok) throw new Error(`the copy failed verification: ${report.reason}`);
    blank = fileContent(partial, options) === 'blank';
    path = join(dir, backupName(stem, time, reason, blank));
    // Two backups in the same millisecond would share a name; the later one moves on by a millisecond.
    while (existsSync(path)) path = join(dir, backupName(stem, ++time, reason, blank));
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
    blank,
    futureDated: false,
  };
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

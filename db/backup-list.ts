// The backups folder: what each file's name says (time, reason, whether it holds only the seed),
// their order, which one is the latest *good* one, and rotation. A backup's name carries what it
// is so that listing and rotating never has to open every file.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { checkIntegrity, type CheckOptions } from './integrity';
import { fileContent } from './store-content';

export interface BackupInfo {
  name: string;
  path: string;
  reason: string;
  /** ISO time the backup was taken, read from its name (copying a file changes its mtime). */
  createdAt: string;
  sizeBytes: number;
  /** Taken of a store that held nothing but the seed (`….blank.sqlite`): it protects no work. */
  blank: boolean;
  /** Stamped later than now: the clock was wrong or the file was planted, so it is never "latest". */
  futureDated: boolean;
}

/** How many backups pruning leaves by default. */
export const DEFAULT_BACKUP_KEEP = 10;

/** A stamp up to this far ahead of the clock is still "now" (names that collided move on by 1 ms). */
const FUTURE_TOLERANCE_MS = 60_000;

// 20250601T120000.123Z: ISO 8601 basic format, so names sort by time and contain no ':' (Windows).
// `.blank` before `.sqlite` marks a copy of a seed-only store; an older Landfall does not list those.
const NAME = /^(?<stem>.+)-(?<stamp>\d{8}T\d{6}\.\d{3}Z)-(?<reason>[a-z0-9][a-z0-9-]*)(?<blank>\.blank)?\.sqlite$/;
const MIGRATION_REASON = /^pre-migration-v\d+$/;

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

export function backupName(stem: string, time: number, reason: string, blank: boolean): string {
  return `${stem}-${new Date(time).toISOString().replace(/[-:]/g, '')}-${reason}${blank ? '.blank' : ''}.sqlite`;
}

/**
 * Backups in `dir`, newest first, except that those stamped in the future come last (newest first
 * among them): a wrong stamp must not make a file "latest" nor stop scheduled backups, whose age
 * test reads the first entry. With `stem`, only backups of that store (a folder may hold several).
 */
export function listBackups(dir: string, stem?: string, now: number = Date.now()): BackupInfo[] {
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
    const createdAt = stampToIso(match.stamp);
    const futureDated = Date.parse(createdAt) > now + FUTURE_TOLERANCE_MS;
    backups.push({
      name,
      path,
      reason: match.reason,
      createdAt,
      sizeBytes,
      blank: match.blank !== undefined,
      futureDated,
    });
  }
  return backups.sort(
    (a, b) =>
      Number(a.futureDated) - Number(b.futureDated) ||
      b.createdAt.localeCompare(a.createdAt) ||
      b.name.localeCompare(a.name),
  );
}

/**
 * Whether a backup can bring the planner's work back: stamped no later than now, not marked blank,
 * not empty, passing quick_check, and holding more than the seed. The last test opens the file
 * because backups written before names carried `.blank` may be blank all the same.
 */
export function isGoodBackup(backup: BackupInfo, options: CheckOptions = {}): boolean {
  if (backup.futureDated || backup.blank || backup.sizeBytes === 0) return false;
  if (!checkIntegrity(backup.path, options).ok) return false;
  try {
    return fileContent(backup.path, options) === 'data';
  } catch {
    return false;
  }
}

/** The newest good backup in a list from listBackups, or null; checks files only until it finds one. */
export function latestGoodBackup(backups: BackupInfo[], options: CheckOptions = {}): BackupInfo | null {
  return backups.find((b) => isGoodBackup(b, options)) ?? null;
}

/**
 * Deletes all but the newest `keep` backups. Kept whatever their age, and counted towards `keep`:
 * the newest backup taken before each migration (the only copy an older Landfall can still open)
 * and the latest good backup, so that a run of backups of a blank store never rotates out the last
 * copy of the planner's work. Future-dated backups sort last, so they go first. Returns what was
 * deleted.
 */
export function pruneBackups(
  dir: string,
  keep: number = DEFAULT_BACKUP_KEEP,
  stem?: string,
  options: CheckOptions = {},
): BackupInfo[] {
  const backups = listBackups(dir, stem);
  const kept = new Set<string>();
  const newest = backups[0];
  if (newest && !newest.futureDated) kept.add(newest.path);
  const good = latestGoodBackup(backups, options);
  if (good) kept.add(good.path);
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

function stampToIso(stamp: string): string {
  // 20250601T120000.123Z → 2025-06-01T12:00:00.123Z
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13)}`;
}

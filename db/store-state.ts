// Two reasons not to open a store for writing that have nothing to do with damage: Landfall may not
// write there (permissions), or the file is gone or empty while backups of it exist (vanished).
// Both are found before SQLite opens anything, so the store is reported read-only up front instead
// of failing on the first write, and a lost store is never silently replaced by a freshly seeded one.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupsDirFor, backupStem, latestGoodBackup, listBackups } from './backup-list';
import type { CheckOptions, StoreProblem } from './integrity';

/**
 * The store file or its folder is not writable. The mode bits count as well as access(2): a file
 * marked read-only is read-only to Landfall even when the process (root, an administrator) could
 * write it anyway, because somebody marked it so on purpose. The folder matters because SQLite keeps
 * its -wal and -shm files beside the store.
 */
export function permissionProblem(path: string): StoreProblem | null {
  const folder = dirname(path);
  if (existsSync(path) && !writable(path)) {
    return {
      kind: 'permissions',
      reason:
        `the file ${path} is read-only, so Landfall shows its data but will not change it. ` +
        'Make the file writable, then start Landfall again.',
    };
  }
  if (existsSync(folder) && !writable(folder)) {
    return {
      kind: 'permissions',
      reason:
        `the folder ${folder} is not writable, and SQLite must keep its journal files beside the store, ` +
        'so Landfall shows the data but will not change it. Make the folder writable (or open a store ' +
        'elsewhere with --db), then start Landfall again.',
    };
  }
  return null;
}

function writable(path: string): boolean {
  try {
    if ((statSync(path).mode & 0o222) === 0) return false;
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The store is missing or 0 bytes long but backups of it exist: it was deleted, or emptied by a
 * failed copy or sync, and the planner's work is in a backup. null when the file has content or
 * there is no backup (a first start).
 */
export function vanishedProblem(path: string, options: CheckOptions = {}): StoreProblem | null {
  const missing = !existsSync(path);
  if (!missing && statSync(path).size > 0) return null;
  const backups = listBackups(backupsDirFor(path), backupStem(path));
  if (backups.length === 0) return null;
  const good = latestGoodBackup(backups, options);
  const count = backups.length === 1 ? '1 backup exists' : `${backups.length} backups exist`;
  const latest = good
    ? `the latest good one is from ${good.createdAt} (${good.name})`
    : 'none of them both passes its check and holds more than the seed';
  return {
    kind: 'vanished',
    reason:
      `the store at ${path} is ${missing ? 'missing' : 'empty'} but ${count} beside it; ${latest}. ` +
      'Landfall has not created a new store over it.',
  };
}

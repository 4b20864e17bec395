// The paths a writer must never replace while a store is open: the database itself, its -wal, -shm
// and -journal files, and its backups folder (the folder, and anything in it). Paths are compared as
// the file system sees them: relative paths and `..` resolved, symlinks followed (of the file and of
// every folder above it), an existing file matched by identity (device and inode, so a hard link or
// another spelling is found too), and names compared without case where the store's folder ignores
// case (macOS, Windows).
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { backupsDirFor } from '../durability';

/** A write aimed at the store; nothing was written. */
export class StoreTargetRefused extends Error {
  constructor(
    readonly target: string,
    readonly problem: string,
  ) {
    super(`${target} ${problem}; nothing was written — choose a file outside the store`);
    this.name = 'StoreTargetRefused';
  }
}

/** The real path of `path`, resolving symlinks in the part that exists (the rest kept as named). */
function realPath(path: string): string {
  const full = resolve(path);
  try {
    return realpathSync.native(full);
  } catch {
    const parent = dirname(full);
    return parent === full ? full : join(realPath(parent), basename(full));
  }
}

function identity(path: string): string | null {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/** Whether the folder holding `file` (which exists) finds it under another case. */
function ignoresCase(file: string): boolean {
  const name = basename(file);
  const swapped = [...name].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
  if (swapped === name) return false;
  const other = join(dirname(file), swapped);
  return existsSync(other) && identity(other) === identity(file);
}

interface Target {
  real: string;
  id: string | null;
}

function sameFile(a: Target, b: Target, foldCase: boolean): boolean {
  if (a.id !== null && b.id !== null) return a.id === b.id;
  return a.real === b.real || (foldCase && a.real.toLowerCase() === b.real.toLowerCase());
}

const target = (path: string): Target => {
  const real = realPath(path);
  return { real, id: identity(real) };
};

/** What is wrong with writing `path` while `dbPath` is open, or null when it is safe. */
export function storeTargetProblem(path: string, dbPath: string): string | null {
  const db = target(dbPath);
  const foldCase = db.id !== null && ignoresCase(db.real);
  const out = target(path);
  if (sameFile(out, db, foldCase)) return `is the open database (${dbPath})`;
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (sameFile(out, target(`${db.real}${suffix}`), foldCase)) {
      return `is the open database's ${suffix} file (${dbPath}${suffix})`;
    }
  }
  const backups = target(backupsDirFor(db.real));
  if (sameFile(out, backups, foldCase)) return `is the store's backups folder (${backups.real})`;
  for (let dir = dirname(out.real); dir !== dirname(dir); dir = dirname(dir)) {
    if (sameFile({ real: dir, id: identity(dir) }, backups, foldCase)) {
      return `is in the store's backups folder (${backups.real})`;
    }
  }
  return null;
}

/** Throws StoreTargetRefused when `path` is the store or part of it (see storeTargetProblem). */
export function refuseStoreTarget(path: string, dbPath: string): void {
  const problem = storeTargetProblem(path, dbPath);
  if (problem !== null) throw new StoreTargetRefused(path, problem);
}

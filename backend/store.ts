// The backend's one handle on the SQLite store. Services reach the connection through it on every
// call, because restoring a backup (and finding damage in a live store) swaps the connection.
// A handle opened for a writer (desktop app, browser mode, CLI) first takes the store lock, so only
// one process writes; when another holds it, the store is opened read-only and says who has it.
import { openReadOnly, openStore, type Db, type OpenedStore, type OpenOptions } from '../db/open';
import type { StoreProblem } from '../db/integrity';
import { acquireStoreLock, type LockAttempt, type WriterKind } from '../db/store-lock';

export interface StoreHandle {
  readonly path: string;
  readonly inMemory: boolean;
  readonly options: OpenOptions;
  /** The current connection; read it per call, never keep it (or statements made from it). */
  readonly db: Db;
  /** null while the store is healthy and writable. */
  readonly problem: StoreProblem | null;
  /** Set when opening took over a stale store lock (its holder had crashed): one line for the user. */
  readonly lockNote: string | null;
  /** Closes the connection, runs `change` on the closed file, then reopens it (also when `change` throws). */
  replaceFile<T>(change: () => T): T;
  /** Switches to read-only after finding damage in the open store. */
  markDamaged(problem: StoreProblem): void;
  /** Closes the connection and releases the store lock. */
  close(): void;
}

export function openStoreHandle(path: string, options: OpenOptions = {}, writer?: WriterKind): StoreHandle {
  // Without a writer kind (tests, tools in one process) no lock is taken: nothing else should be writing.
  const lock: LockAttempt | null = writer !== undefined && path !== ':memory:' ? acquireStoreLock(path, writer) : null;
  const open = (): OpenedStore => {
    if (lock?.state === 'busy') return openReadOnly(path, { kind: 'another_writer', reason: lock.message }, options);
    return openStore(path, options);
  };
  let current = open();
  return {
    path,
    inMemory: path === ':memory:',
    options,
    get db() {
      return current.db;
    },
    get problem() {
      return current.problem;
    },
    lockNote: lock?.state === 'held' ? lock.lock.tookOver : null,
    replaceFile(change) {
      // The file belongs to the lock's holder; backups.restore refuses first, this is the backstop.
      if (lock?.state === 'busy') throw new Error(lock.message);
      current.db.close();
      try {
        return change();
      } finally {
        current = open();
      }
    },
    markDamaged(problem) {
      if (current.problem !== null || path === ':memory:') return;
      current.db.close();
      current = openReadOnly(path, problem, options);
    },
    close() {
      if (current.db.open) current.db.close();
      if (lock?.state === 'held') lock.lock.release();
    },
  };
}

/** What app.info and the UI show: what was found, and the way out, which depends on the cause. */
export function readOnlyReason(problem: StoreProblem | null): string | null {
  if (problem === null) return null;
  // Nothing is wrong with the file: the way out is the other process, not a backup.
  if (problem.kind === 'another_writer') return `${problem.reason} Until then Landfall only reads it.`;
  // The file is intact; a restore would not help (and could not be written either).
  if (problem.kind === 'permissions') return `permissions: ${problem.reason}`;
  if (problem.kind === 'vanished') {
    return (
      `${problem.reason} Restore the latest good backup with \`landfall restore latest\` or from the app ` +
      '(`landfall backups` lists them all), or, to begin again with only the seed, run `landfall new-store`.'
    );
  }
  return (
    `${problem.reason} Landfall will not write to it. ` +
    'Restore the latest backup with `landfall restore FILE` (`landfall backups` lists them; FILE may be "latest") ' +
    'or from the app.'
  );
}

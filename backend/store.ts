// The backend's one handle on the SQLite store. Services reach the connection through it on every
// call, because restoring a backup (and finding damage in a live store) swaps the connection.
import { openReadOnly, openStore, type Db, type OpenOptions } from '../db/open';
import type { StoreProblem } from '../db/integrity';

export interface StoreHandle {
  readonly path: string;
  readonly inMemory: boolean;
  readonly options: OpenOptions;
  /** The current connection; read it per call, never keep it (or statements made from it). */
  readonly db: Db;
  /** null while the store is healthy and writable. */
  readonly problem: StoreProblem | null;
  /** Closes the connection, runs `change` on the closed file, then reopens it (also when `change` throws). */
  replaceFile<T>(change: () => T): T;
  /** Switches to read-only after finding damage in the open store. */
  markDamaged(problem: StoreProblem): void;
  close(): void;
}

export function openStoreHandle(path: string, options: OpenOptions = {}): StoreHandle {
  let current = openStore(path, options);
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
    replaceFile(change) {
      current.db.close();
      try {
        return change();
      } finally {
        current = openStore(path, options);
      }
    },
    markDamaged(problem) {
      if (current.problem !== null || path === ':memory:') return;
      current.db.close();
      current = openReadOnly(path, problem, options);
    },
    close() {
      if (current.db.open) current.db.close();
    },
  };
}

/** What app.info and the UI show: what was found, and the way out. */
export function readOnlyReason(problem: StoreProblem | null): string | null {
  if (problem === null) return null;
  return (
    `${problem.reason} Landfall will not write to it. ` +
    'Restore the latest backup with `landfall restore FILE` (`landfall backups` lists them; FILE may be "latest") ' +
    'or from the app.'
  );
}

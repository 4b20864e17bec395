// `store.*` and `backups.*` calls: how healthy the store is, its backups, and restoring one.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  backupsDirFor,
  BackupRejectedError,
  backupStem,
  createBackup,
  latestGoodBackup,
  listBackups,
  pruneBackups,
  restoreBackup,
  storeSettings,
  storeTables,
  type BackupInfo,
} from '../../../db/durability';
import { checkOpenDatabase } from '../../../db/integrity';
import { latestVersion, schemaVersion } from '../../../db/migrations';
import { startNewStore } from '../../../db/open';
import type { StartNewOutcome, StoreHealth } from '../../../shared/calls/store-calls';
import { ServiceError } from '../../../shared/errors';
import type { BackupJob } from '../../backup-scheduler';
import { readOnlyReason, type StoreHandle } from '../../store';
import type { DomainHandlers, ServiceContext } from '../context';

type StoreCalls = 'store.health' | 'backups.list' | 'backups.create' | 'backups.restore' | 'store.startNew';

/** Takes a verified backup of the store, then prunes beyond `keep` (never the latest good backup). */
export function backupStore(store: StoreHandle, reason: string, keep: number): BackupInfo {
  const dir = backupsDirFor(store.path);
  const backup = createBackup(store.db, dir, reason, store.options);
  pruneBackups(dir, keep, backupStem(store.path), store.options);
  return backup;
}

function backupsOf(store: StoreHandle): BackupInfo[] {
  return store.inMemory ? [] : listBackups(backupsDirFor(store.path), backupStem(store.path));
}

/** What the scheduler needs; a store that is read-only is skipped, so its damage never replaces good backups. */
export function scheduledBackupJob(store: StoreHandle, keep: number): BackupJob {
  return {
    newestBackupAt: () => {
      // A backup stamped in the future says nothing about how old the newest real one is.
      const newest = backupsOf(store).find((b) => !b.futureDated);
      return newest ? Date.parse(newest.createdAt) : null;
    },
    backup: () => {
      if (store.problem === null) backupStore(store, 'scheduled', keep);
    },
  };
}

function requireFile(store: StoreHandle): void {
  // not_found rather than forbidden: the transports use forbidden for a caller they refuse.
  if (store.inMemory)
    throw new ServiceError('not_found', 'the store is in memory: there is no file to back up or restore');
}

/** A name from backups.list, the path of one, or "latest"; anything else is refused. */
function findBackup(store: StoreHandle, file: string): BackupInfo {
  const backups = backupsOf(store);
  const dir = backupsDirFor(store.path);
  if (file === 'latest') {
    if (backups.length === 0) throw new ServiceError('not_found', `there are no backups of ${store.path} in ${dir}`);
    const good = latestGoodBackup(backups, store.options);
    if (!good) {
      throw new ServiceError(
        'not_found',
        `none of the ${backups.length} backups in ${dir} is a good one (each is blank, stamped in the future ` +
          'or fails its check); restore one by name from backups.list if you want it anyway',
      );
    }
    return good;
  }
  const asPath = /[/\\]/.test(file) ? resolve(file) : null;
  const found = backups.find((b) => b.name === file || b.path === asPath);
  if (!found) {
    throw new ServiceError('not_found', `"${file}" is not one of the backups in ${dir} (backups.list shows them)`);
  }
  return found;
}

function sizeOf(path: string): number | null {
  return existsSync(path) ? statSync(path).size : null;
}

/**
 * The integrity part of store.health. Read-only because another process writes, or because the
 * file or folder may not be written, is not damage: integrity then says what the file itself is (a
 * fresh check, nothing marked). A writable store that fails the fresh check turns read-only at once.
 */
function integrityOf(store: StoreHandle): StoreHealth['integrity'] {
  const problem = store.problem;
  if (problem === null || problem.kind === 'another_writer' || problem.kind === 'permissions') {
    const report = checkOpenDatabase(store.db);
    if (report.ok) return { ok: true, problem: null, detail: null };
    if (problem === null) store.markDamaged({ kind: report.kind, reason: report.reason });
    return { ok: false, problem: report.kind, detail: report.reason };
  }
  return { ok: false, problem: problem.kind, detail: problem.reason };
}

function health(store: StoreHandle): StoreHealth {
  const integrity = integrityOf(store);
  const problem = store.problem;
  // A file that could not be read at all is stood in for by an empty store in memory: report nothing of it.
  const standIn = !store.inMemory && store.db.memory;
  let version: number | null = null;
  if (!standIn) {
    try {
      version = schemaVersion(store.db);
    } catch {
      version = null;
    }
  }
  const backups = backupsOf(store);
  return {
    dbPath: store.path,
    inMemory: store.inMemory,
    readOnly: problem !== null,
    readOnlyReason: readOnlyReason(problem),
    integrity,
    schemaVersion: version,
    latestSchemaVersion: latestVersion,
    pragmas: standIn
      ? { journalMode: null, foreignKeys: null, synchronous: null, busyTimeoutMs: null }
      : storeSettings(store.db),
    sizeBytes: store.inMemory ? null : sizeOf(store.path),
    walSizeBytes: store.inMemory ? null : sizeOf(`${store.path}-wal`),
    backupsDir: store.inMemory ? null : backupsDirFor(store.path),
    backupCount: backups.length,
    latestBackup: backups.find((b) => !b.futureDated) ?? null,
    latestGoodBackup: latestGoodBackup(backups, store.options),
  };
}

/** The planner chose a new store over restoring one that vanished; its backups stay where they are. */
function startNew(ctx: ServiceContext): StartNewOutcome {
  const store = ctx.store;
  requireFile(store);
  if (store.problem?.kind !== 'vanished') {
    throw new ServiceError(
      'invalid_input',
      `the store at ${store.path} has not vanished, so there is nothing to start afresh ` +
        '(a damaged store is replaced by restoring a backup)',
    );
  }
  store.replaceFile(() => startNewStore(store.path, store.options));
  ctx.events.emit('data.changed', { tables: storeTables(store.db) });
  return { dbPath: store.path, backupsDir: backupsDirFor(store.path), backupsKept: backupsOf(store).length };
}

export function storeHandlers(ctx: ServiceContext, keep: number): DomainHandlers<StoreCalls> {
  const store = ctx.store;
  return {
    'store.health': () => health(store),
    'store.startNew': () => startNew(ctx),
    'backups.list': () => backupsOf(store),
    'backups.create': (input) => {
      requireFile(store);
      return backupStore(store, input.reason ?? 'manual', keep);
    },
    'backups.restore': (input) => {
      requireFile(store);
      // Replacing the file under the process that holds it would lose every write it makes after.
      const problem = store.problem;
      if (problem?.kind === 'another_writer') {
        throw new ServiceError('read_only', `restore refused, nothing was changed: ${problem.reason}`);
      }
      const backup = findBackup(store, input.file);
      const { previousCopy } = store.replaceFile(() => {
        try {
          return restoreBackup(store.path, backup.path, store.options);
        } catch (error) {
          if (error instanceof BackupRejectedError) throw new ServiceError('invalid_input', error.message);
          throw error;
        }
      });
      ctx.events.emit('data.changed', { tables: storeTables(store.db) });
      return {
        restored: backup,
        previousCopy,
        readOnly: store.problem !== null,
        readOnlyReason: readOnlyReason(store.problem),
      };
    },
  };
}

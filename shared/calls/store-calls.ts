// `store.*` and `backups.*` calls: the health of the SQLite store, its backups, and restoring one.
import { z } from 'zod';
import { StoreProblemKind } from '../schemas';
import type { CallSpecs } from './call-spec';

/** What a backup's reason may look like; it becomes part of the file name. */
export const BACKUP_REASON = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * Why the store is read-only. Damage: not_a_database, truncated, damaged, unreadable; newer_version;
 * another_writer (db/store-lock.ts); vanished (the file is missing or empty while backups of it
 * exist); permissions (the file or its folder may not be written). New causes are added here.
 */
// Why a store is read-only: one list, in shared/schemas.ts beside AppInfo, which carries it too.
export { StoreProblemKind } from '../schemas';

export const BackupInfo = z.object({
  name: z.string(),
  path: z.string(),
  reason: z.string(),
  createdAt: z.iso.datetime(),
  sizeBytes: z.number().int().nonnegative(),
  /** A copy of a store that held nothing but the seed: never chosen as "latest". */
  blank: z.boolean(),
  /** Stamped later than now: listed last and never chosen as "latest". */
  futureDated: z.boolean(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const StoreHealth = z.object({
  dbPath: z.string(),
  inMemory: z.boolean(),
  readOnly: z.boolean(),
  readOnlyReason: z.string().nullable(),
  integrity: z.object({
    ok: z.boolean(),
    problem: StoreProblemKind.nullable(),
    detail: z.string().nullable(),
  }),
  /** null when the file cannot be read far enough to tell. */
  schemaVersion: z.number().int().nullable(),
  latestSchemaVersion: z.number().int(),
  pragmas: z.object({
    journalMode: z.string().nullable(),
    foreignKeys: z.boolean().nullable(),
    synchronous: z.string().nullable(),
    busyTimeoutMs: z.number().int().nullable(),
  }),
  sizeBytes: z.number().int().nullable(),
  walSizeBytes: z.number().int().nullable(),
  backupsDir: z.string().nullable(),
  backupCount: z.number().int(),
  latestBackup: BackupInfo.nullable(),
  /** What `restore latest` would bring back: verified, stamped no later than now, more than the seed. */
  latestGoodBackup: BackupInfo.nullable(),
});
export type StoreHealth = z.infer<typeof StoreHealth>;

export const RestoreOutcome = z.object({
  restored: BackupInfo,
  /** Where the replaced store was copied before the restore, or null when there was none. */
  previousCopy: z.string().nullable(),
  readOnly: z.boolean(),
  readOnlyReason: z.string().nullable(),
});
export type RestoreOutcome = z.infer<typeof RestoreOutcome>;

export const StartNewOutcome = z.object({
  dbPath: z.string(),
  backupsDir: z.string(),
  /** Backups of the vanished store, left where they were (still listed, still restorable). */
  backupsKept: z.number().int(),
});
export type StartNewOutcome = z.infer<typeof StartNewOutcome>;

export const storeCalls = {
  'store.health': {
    summary: 'Integrity (a fresh quick_check), pragmas, schema version, path, size and latest backup of the store.',
    input: z.strictObject({}),
    output: StoreHealth,
  },
  'backups.list': {
    summary: 'Backups of the store, newest first.',
    input: z.strictObject({}),
    output: z.array(BackupInfo),
  },
  'backups.create': {
    summary: 'Takes a verified backup now, then prunes old ones beyond the retention limit.',
    // Refused while the store is read-only: a copy of a damaged store would push good backups out.
    writes: true,
    input: z.strictObject({
      reason: z
        .string()
        .regex(BACKUP_REASON, 'must be 1–40 lower-case letters, digits or hyphens, e.g. "before-import"')
        .refine((r) => !r.startsWith('pre-migration'), 'is reserved for the backups taken before a migration')
        .optional(),
    }),
    output: BackupInfo,
  },
  'backups.restore': {
    summary:
      'Replaces the store with a backup (a name from backups.list, its path, or "latest": the latest good one); the replaced file is kept.',
    // Not `writes`: restoring is the way out of read-only mode, so it must work there.
    input: z.strictObject({ file: z.string().min(1, 'name a backup from backups.list, or "latest"') }),
    output: RestoreOutcome,
  },
  'store.startNew': {
    summary:
      'When the store vanished (missing or empty beside backups), creates a new seeded store instead of restoring; backups stay.',
    // Not `writes`, like backups.restore: it is one of the two ways out of the vanished state.
    input: z.strictObject({}),
    output: StartNewOutcome,
  },
} as const satisfies CallSpecs;

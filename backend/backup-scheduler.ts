// Timed backups while the app runs: shortly after start if the newest backup is older than the
// interval, then whenever the newest backup (manual ones included) becomes that old again.
// Timers are unref'd so a scheduler never keeps a process alive; backend.close() stops it.
import { DEFAULT_BACKUP_KEEP } from '../db/durability';

export interface BackupSchedule {
  /** Age at which the newest backup is stale and a new one is taken. */
  intervalMs: number;
  /** Backups left after pruning. */
  keep: number;
  /** Wait after start before the first check, so opening the app is not slowed by a copy. */
  startDelayMs: number;
}

export const defaultBackupSchedule: BackupSchedule = {
  intervalMs: 24 * 60 * 60 * 1000,
  keep: DEFAULT_BACKUP_KEEP,
  startDelayMs: 5_000,
};

export interface BackupJob {
  /** Epoch milliseconds of the newest backup, or null when there is none. */
  newestBackupAt(): number | null;
  backup(): void;
}

export interface BackupScheduler {
  stop(): void;
}

/** After a failed backup (disk full, folder gone), try again this soon rather than a day later. */
const RETRY_MS = 60 * 60 * 1000;
/** setTimeout fires at once for delays above 2^31 − 1 ms; longer waits are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function startBackupScheduler(
  job: BackupJob,
  schedule: Pick<BackupSchedule, 'intervalMs' | 'startDelayMs'>,
  onError: (error: unknown) => void = reportError,
  now: () => number = Date.now,
): BackupScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const arm = (delayMs: number): void => {
    if (stopped) return;
    timer = setTimeout(check, Math.min(Math.max(delayMs, 1_000), MAX_TIMER_MS));
    timer.unref();
  };

  const check = (): void => {
    let next = schedule.intervalMs;
    try {
      const newest = job.newestBackupAt();
      const age = newest === null ? Infinity : now() - newest;
      if (age >= schedule.intervalMs) job.backup();
      else next = schedule.intervalMs - age;
    } catch (error) {
      onError(error);
      next = Math.min(schedule.intervalMs, RETRY_MS);
    }
    arm(next);
  };

  arm(schedule.startDelayMs);
  return {
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}

function reportError(error: unknown): void {
  console.error(`landfall: scheduled backup failed: ${error instanceof Error ? error.message : String(error)}`);
}

// Builds the one backend: opens the store, wires every contract call to its service, and hands
// out a dispatcher and an event bus for the transports to carry.
import type { Db } from '../db/open';
import type { WriterKind } from '../db/store-lock';
import { defaultBackupSchedule, startBackupScheduler, type BackupSchedule } from './backup-scheduler';
import { createDispatcher, type Dispatch, type Handlers } from './dispatcher';
import { createEventBus, type EventBus } from './event-bus';
import { guardWrites } from './read-only-guard';
import { appHandlers } from './services/store/app-service';
import type { ServiceContext } from './services/context';
import { dataHealthHandlers } from './services/data/data-health';
import { dataHandlers } from './services/data/data-service';
import { editHandlers } from './services/edit/edit-service';
import { historyHandlers } from './services/edit/history-service';
import { legalityHandlers } from './services/legality/legality-service';
import { presetHandlers } from './services/presets/presets-service';
import { chromiumPdfPrinter, type PdfPrinter } from './services/report/report-pdf';
import { reportHandlers } from './services/report/report-service';
import { scenarioHandlers } from './services/scenario/scenario-service';
import { scoreHandlers } from './services/scoring/score-service';
import { createSensitivityRunner } from './services/sensitivity/sensitivity-runner';
import { sensitivityHandlers } from './services/sensitivity/sensitivity-service';
import { siteHandlers } from './services/data/sites-service';
import { scheduledBackupJob, storeHandlers } from './services/store/store-service';
import { transferHandlers } from './services/transfer/transfer-service';
import { openStoreHandle } from './store';

export interface BackendOptions {
  dbPath: string;
  version: string;
  nativeBinding?: string;
  /** Timed backups (default: daily, keep 10); false for short-lived processes such as the CLI. */
  backupSchedule?: Partial<BackupSchedule> | false;
  /** Prints report HTML to PDF: the desktop app passes Electron's; elsewhere a local Chromium. */
  printPdf?: PdfPrinter;
  /**
   * Which kind of process this is; given, the store lock is taken so that one process writes at a
   * time (another holder makes this backend read-only). The desktop app, browser mode and the CLI pass it.
   */
  writer?: WriterKind;
}

export interface Backend {
  dispatch: Dispatch;
  events: EventBus;
  /** The current connection (a getter: restoring a backup replaces it). */
  readonly db: Db;
  /** Set when opening took over a stale store lock left by a crashed process: say so once. */
  readonly lockNote: string | null;
  /** Stops timers, closes the store and releases its lock. */
  close(): void;
}

export function createBackend(options: BackendOptions): Backend {
  // Never throws for a bad file: a damaged store comes up read-only so the UI can say so and offer a restore.
  const store = openStoreHandle(
    options.dbPath,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
    options.writer,
  );
  const events = createEventBus();
  const ctx: ServiceContext = {
    get db() {
      return store.db;
    },
    store,
    dbPath: options.dbPath,
    version: options.version,
    events,
  };
  const schedule = options.backupSchedule === false ? null : { ...defaultBackupSchedule, ...options.backupSchedule };
  const keep = schedule?.keep ?? defaultBackupSchedule.keep;
  // One runner for every SMAA run, so a cancel finds a report's run as it finds sensitivity.run's.
  const runner = createSensitivityRunner();
  // One spread per domain (backend/services/); TypeScript refuses a contract call without a handler.
  // guardWrites refuses calls the contract marks `writes` while the store is read-only.
  const handlers: Handlers = guardWrites(
    {
      ...appHandlers(ctx),
      ...siteHandlers(ctx),
      ...dataHandlers(ctx),
      ...legalityHandlers(ctx),
      ...scoreHandlers(ctx),
      ...sensitivityHandlers(ctx, runner),
      ...reportHandlers(ctx, options.printPdf ?? chromiumPdfPrinter(), runner),
      ...transferHandlers(ctx),
      ...storeHandlers(ctx, keep),
      ...editHandlers(ctx),
      ...historyHandlers(ctx),
      ...dataHealthHandlers(ctx),
      ...scenarioHandlers(ctx),
      ...presetHandlers(ctx),
    },
    store,
  );
  const scheduler =
    schedule && !store.inMemory ? startBackupScheduler(scheduledBackupJob(store, keep), schedule) : null;
  return {
    dispatch: createDispatcher(handlers),
    events,
    get db() {
      return store.db;
    },
    lockNote: store.lockNote,
    close: () => {
      scheduler?.stop();
      store.close();
    },
  };
}

// What every service gets: the open store and facts about this run.
import type { Db } from '../../db/open';
import type { CallName } from '../../shared/contract';
import type { Handlers } from '../dispatcher';
import type { EventBus } from '../event-bus';
import type { StoreHandle } from '../store';

export interface ServiceContext {
  /**
   * The current connection. backend.ts makes this a getter over `store`, because restoring a backup
   * swaps the connection: read it on every call, never keep it (or a statement prepared on it).
   */
  readonly db: Db;
  /** The store behind `db`: its path, whether it is read-only and why, and the means to replace it. */
  readonly store: StoreHandle;
  dbPath: string;
  version: string;
  events: EventBus;
}

/** The handlers of one domain's calls; backend.ts merges them and TypeScript checks none is missing. */
export type DomainHandlers<N extends CallName> = Pick<Handlers, N>;

// What every service gets: the open store and facts about this run.
import type { Db } from '../../db/open';
import type { CallName } from '../../shared/contract';
import type { Handlers } from '../dispatcher';
import type { EventBus } from '../event-bus';

export interface ServiceContext {
  db: Db;
  dbPath: string;
  version: string;
  events: EventBus;
}

/** The handlers of one domain's calls; backend.ts merges them and TypeScript checks none is missing. */
export type DomainHandlers<N extends CallName> = Pick<Handlers, N>;

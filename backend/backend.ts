// Builds the one backend: opens the store, wires every contract call to its service, and hands
// out a dispatcher and an event bus for the transports to carry.
import { openDatabase, type Db } from '../db/open';
import { createDispatcher, type Dispatch, type Handlers } from './dispatcher';
import { createEventBus, type EventBus } from './event-bus';
import { appHandlers } from './services/app-service';
import type { ServiceContext } from './services/context';
import { siteHandlers } from './services/sites-service';

export interface BackendOptions {
  dbPath: string;
  version: string;
  nativeBinding?: string;
}

export interface Backend {
  dispatch: Dispatch;
  events: EventBus;
  db: Db;
  close(): void;
}

export function createBackend(options: BackendOptions): Backend {
  const db = openDatabase(options.dbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const events = createEventBus();
  const ctx: ServiceContext = { db, dbPath: options.dbPath, version: options.version, events };
  // One spread per domain (backend/services/); TypeScript refuses a contract call without a handler.
  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...siteHandlers(ctx),
  };
  return {
    dispatch: createDispatcher(handlers),
    events,
    db,
    close: () => db.close(),
  };
}

// Builds the one backend: opens the store, wires every contract call to its service, and hands
// out a dispatcher and an event bus for the transports to carry.
import { openDatabase, type Db } from '../db/open';
import { createDispatcher, type Dispatch, type Handlers } from './dispatcher';
import { createEventBus, type EventBus } from './event-bus';
import { appInfo } from './services/app-service';
import { sitesList } from './services/sites-service';

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
  const ctx = { db, dbPath: options.dbPath, version: options.version };
  const handlers: Handlers = {
    'app.info': () => appInfo(ctx),
    'sites.list': (input) => sitesList(db, input),
  };
  return {
    dispatch: createDispatcher(handlers),
    events: createEventBus(),
    db,
    close: () => db.close(),
  };
}

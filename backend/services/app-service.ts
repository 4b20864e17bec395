// `app.*` calls: facts about the running backend and its store.
import type { CallOutput } from '../../shared/contract';
import type { Db } from '../../db/open';
import { schemaVersion } from '../../db/migrations';
import { countSites } from '../../db/sites-repo';

export interface AppContext {
  db: Db;
  dbPath: string;
  version: string;
}

export function appInfo(ctx: AppContext): CallOutput<'app.info'> {
  return {
    name: 'Landfall',
    version: ctx.version,
    schemaVersion: schemaVersion(ctx.db),
    dbPath: ctx.dbPath,
    siteCount: countSites(ctx.db),
    readOnly: false,
    readOnlyReason: null,
  };
}

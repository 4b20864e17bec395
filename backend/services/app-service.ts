// `app.*` calls: facts about the running backend and its store.
import { schemaVersion } from '../../db/migrations';
import { countSites } from '../../db/sites-repo';
import type { DomainHandlers, ServiceContext } from './context';

export function appHandlers(ctx: ServiceContext): DomainHandlers<'app.info'> {
  return {
    'app.info': () => ({
      name: 'Landfall',
      version: ctx.version,
      schemaVersion: schemaVersion(ctx.db),
      dbPath: ctx.dbPath,
      siteCount: countSites(ctx.db),
      readOnly: false,
      readOnlyReason: null,
    }),
  };
}

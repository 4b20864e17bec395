// `app.*` calls: facts about the running backend and its store.
import { schemaVersion } from '../../../db/migrations';
import { countSites } from '../../../db/sites-repo';
import { readOnlyReason } from '../../store';
import type { DomainHandlers, ServiceContext } from '../context';

export function appHandlers(ctx: ServiceContext): DomainHandlers<'app.info'> {
  return {
    'app.info': () => {
      const problem = ctx.store.problem;
      return {
        name: 'Landfall',
        version: ctx.version,
        // A damaged store may not answer these; app.info must still arrive to say it is read-only.
        schemaVersion: problem ? orZero(() => schemaVersion(ctx.db)) : schemaVersion(ctx.db),
        dbPath: ctx.dbPath,
        siteCount: problem ? orZero(() => countSites(ctx.db)) : countSites(ctx.db),
        readOnly: problem !== null,
        readOnlyReason: readOnlyReason(problem),
        readOnlyCause: problem?.kind ?? null,
      };
    },
  };
}

function orZero(read: () => number): number {
  try {
    return read();
  } catch {
    return 0;
  }
}

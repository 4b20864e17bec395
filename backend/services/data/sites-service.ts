// `sites.*` calls.
import { listSites } from '../../../db/sites-repo';
import type { DomainHandlers, ServiceContext } from '../context';

export function siteHandlers(ctx: ServiceContext): DomainHandlers<'sites.list'> {
  return {
    'sites.list': (input) => listSites(ctx.db, input),
  };
}

// `sites.*` calls.
import type { CallOutput, ParsedInput } from '../../shared/contract';
import type { Db } from '../../db/open';
import { listSites } from '../../db/sites-repo';

export function sitesList(db: Db, input: ParsedInput<'sites.list'>): CallOutput<'sites.list'> {
  return listSites(db, input);
}

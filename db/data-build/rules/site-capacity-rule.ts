// The shape of a capacity rule, apart from derive.ts, which imports the rules.
import type { SeedSite } from '../../seed/sites';
import type { Figures } from '../figures';
import type { SiteCapacity } from '../site-capacity';

/** A rule for one site's capacity; undefined when no source gives one (the site keeps "unknown"). */
export type SiteCapacityRule = (f: Figures, site: SeedSite) => SiteCapacity | undefined;

// A site's capacity as the data build derives it: its own module, so the seed's site list can name
// the type without importing the build (whose rules read the site list).
import type { FactMethod } from '../../shared/model/facts';

/** A site's capacity from operator announcements or market reports (the sites table's capacityMw). */
export interface SiteCapacity {
  siteId: string;
  /** MW in operation / planned (null when the source gives none). */
  existing: number | null;
  planned: number | null;
  method: FactMethod;
  derivation: string | null;
  reference: string;
  source: { title: string; url: string; asOf: string };
  note: string;
}

// Reads of markets: the regions sites belong to and metric values attach to.
import type { Db } from './db';
import type { Market } from '../shared/model/jurisdictions';

interface MarketRow {
  id: string;
  name: string;
  country: string;
  jurisdiction_code: string | null;
  description: string;
}

export interface MarketFilter {
  country?: string | undefined;
}

export function listMarkets(db: Db, filter: MarketFilter = {}): Market[] {
  const rows = db
    .prepare<{ country: string | null }, MarketRow>(
      `SELECT id, name, country, jurisdiction_code, description FROM markets
       WHERE @country IS NULL OR country = @country
       ORDER BY country, name`,
    )
    .all({ country: filter.country ?? null });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    country: r.country,
    jurisdictionCode: r.jurisdiction_code,
    description: r.description,
  }));
}

// Reads and writes of sites and markets. Every query is a prepared statement.
import type { Db } from './db';
import type { BBox, Site, SiteStatus } from '../shared/schemas';

interface SiteRow {
  id: string;
  name: string;
  market_id: string;
  market_name: string;
  country: string;
  lat: number;
  lon: number;
  capacity_existing_mw: number | null;
  capacity_planned_mw: number | null;
  status: SiteStatus;
  operator: string | null;
  notes: string;
  source_title: string;
  source_url: string;
  source_as_of: string;
}

export interface SiteFilter {
  country?: string | undefined;
  status?: SiteStatus | undefined;
  bbox?: BBox | undefined;
}

const SELECT_SITES = `
  SELECT s.*, m.name AS market_name, m.country AS country
  FROM sites s JOIN markets m ON m.id = s.market_id
  WHERE (@country IS NULL OR m.country = @country)
    AND (@status IS NULL OR s.status = @status)
    AND (@south IS NULL OR s.lat BETWEEN @south AND @north)
    AND (@west IS NULL
         OR (@west <= @east AND s.lon BETWEEN @west AND @east)
         OR (@west > @east AND (s.lon >= @west OR s.lon <= @east)))
  ORDER BY m.country, s.name`;

export function listSites(db: Db, filter: SiteFilter = {}): Site[] {
  const rows = db.prepare<Record<string, unknown>, SiteRow>(SELECT_SITES).all({
    country: filter.country ?? null,
    status: filter.status ?? null,
    south: filter.bbox?.south ?? null,
    north: filter.bbox?.north ?? null,
    west: filter.bbox?.west ?? null,
    east: filter.bbox?.east ?? null,
  });
  return rows.map(toSite);
}

export function countSites(db: Db): number {
  const row = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sites').get();
  return row?.n ?? 0;
}

function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    name: row.name,
    marketId: row.market_id,
    marketName: row.market_name,
    country: row.country,
    lat: row.lat,
    lon: row.lon,
    capacityMw: { existing: row.capacity_existing_mw, planned: row.capacity_planned_mw },
    status: row.status,
    operator: row.operator,
    notes: row.notes,
    source: { title: row.source_title, url: row.source_url, asOf: row.source_as_of },
  };
}

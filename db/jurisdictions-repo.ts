// Reads of jurisdictions: countries and their ISO 3166-2 subdivisions.
import type { Db } from './db';
import type { Jurisdiction } from '../shared/model/jurisdictions';

interface JurisdictionRow {
  code: string;
  name: string;
  parent_code: string | null;
  level: Jurisdiction['level'];
}

/** Each country followed by its subdivisions, countries in code order. */
export function listJurisdictions(db: Db): Jurisdiction[] {
  const rows = db
    .prepare<[], JurisdictionRow>(
      `SELECT code, name, parent_code, level FROM jurisdictions
       ORDER BY coalesce(parent_code, code), level = 'subdivision', code`,
    )
    .all();
  return rows.map((r) => ({ code: r.code, name: r.name, parentCode: r.parent_code, level: r.level }));
}

// Reads of metric values. A site's value for a criterion is its own override if it has one, else
// its market's; each value returned says which (marketId or siteId set), so the source shown is
// always the one the number came from.
import type { Db } from './db';
import { FactMethod, type MetricValue } from '../shared/model/facts';

interface MetricRow {
  criterion_id: string;
  market_id: string | null;
  site_id: string | null;
  value: number | null;
  low: number | null;
  high: number | null;
  missing_reason: string | null;
  source_title: string | null;
  source_url: string | null;
  as_of: string | null;
  note: string;
  method: string | null;
  derivation: string | null;
  reference: string | null;
}

export interface MetricFilter {
  /** The values that apply to this site: its overrides, else its market's. */
  siteId?: string | undefined;
  /** This market's own values (not its sites' overrides). */
  marketId?: string | undefined;
  criterionId?: string | undefined;
}

const COLUMNS = `mv.criterion_id, mv.market_id, mv.site_id, mv.value, mv.low, mv.high, mv.missing_reason,
  mv.source_title, mv.source_url, mv.as_of, mv.note, mv.method, mv.derivation, mv.reference`;

const FOR_SITE = `
  SELECT ${COLUMNS}
  FROM sites s
  JOIN metric_values mv
    ON mv.site_id = s.id
    OR (mv.market_id = s.market_id AND NOT EXISTS (
          SELECT 1 FROM metric_values o WHERE o.site_id = s.id AND o.criterion_id = mv.criterion_id))
  JOIN criteria c ON c.id = mv.criterion_id
  WHERE s.id = @siteId AND (@criterionId IS NULL OR mv.criterion_id = @criterionId)
  ORDER BY c.sort_order, c.id`;

const STORED = `
  SELECT ${COLUMNS}
  FROM metric_values mv
  JOIN criteria c ON c.id = mv.criterion_id
  WHERE (@marketId IS NULL OR mv.market_id = @marketId)
    AND (@criterionId IS NULL OR mv.criterion_id = @criterionId)
  ORDER BY mv.market_id IS NULL, mv.market_id, mv.site_id, c.sort_order, c.id`;

/**
 * With `siteId`: the effective values for that site. Otherwise the stored values, optionally of
 * one market (market-level only) and one criterion. An unknown site or market gives an empty list.
 */
export function listMetricValues(db: Db, filter: MetricFilter = {}): MetricValue[] {
  const criterionId = filter.criterionId ?? null;
  const rows =
    filter.siteId !== undefined
      ? db.prepare<Record<string, unknown>, MetricRow>(FOR_SITE).all({ siteId: filter.siteId, criterionId })
      : db.prepare<Record<string, unknown>, MetricRow>(STORED).all({ marketId: filter.marketId ?? null, criterionId });
  return rows.map(toMetricValue);
}

function toMetricValue(r: MetricRow): MetricValue {
  const base = { criterionId: r.criterion_id, marketId: r.market_id, siteId: r.site_id, note: r.note };
  // A title is optional in the table; the URL stands in for one that was never typed.
  const source =
    r.source_url !== null && r.as_of !== null
      ? { title: r.source_title ?? r.source_url, url: r.source_url, asOf: r.as_of }
      : null;
  if (r.value !== null && source !== null) {
    // The table's checks give every known value one of the methods; parse keeps the type honest.
    const how = { method: FactMethod.parse(r.method), derivation: r.derivation, reference: r.reference };
    return { kind: 'known', ...base, value: r.value, low: r.low, high: r.high, ...how, source };
  }
  // The table's checks make a value without a source impossible; a row without a value is missing.
  return { kind: 'missing', ...base, missingReason: r.missing_reason ?? 'No value recorded', source };
}

// Reads of the policy timeline. The scope column is JSON; it is parsed with PolicyScope on the way
// out, so a row that does not fit the model fails here rather than inside the legality engine.
import type Database from 'better-sqlite3';
import { PolicyScope, type PolicyEvent } from '../shared/model/policy';

type Db = Database.Database;

/** A policy event row as stored; scenario_policy_events has the same columns (plus scenario_id). */
export interface PolicyEventRow {
  id: string;
  issuer: string;
  title: string;
  effective_date: string;
  end_date: string | null;
  effect: PolicyEvent['effect'];
  condition: string;
  scope: string;
  confidence: PolicyEvent['confidence'];
  source_title: string;
  source_url: string;
  note: string;
}

/** Shapes a stored row as the model's PolicyEvent, parsing the JSON scope so a bad row fails here. */
export function policyEventFromRow(r: PolicyEventRow): PolicyEvent {
  return {
    id: r.id,
    issuer: r.issuer,
    title: r.title,
    effectiveDate: r.effective_date,
    endDate: r.end_date,
    effect: r.effect,
    condition: r.condition,
    scope: PolicyScope.parse(JSON.parse(r.scope)),
    confidence: r.confidence,
    source: { title: r.source_title, url: r.source_url },
    note: r.note,
  };
}

export interface PolicyFilter {
  /** Only events in force on this day: effective on or before it, and not ended by it (end_date is exclusive). */
  asOf?: string | undefined;
  /** Only events issued by this jurisdiction; a country also matches its subdivisions (MY matches MY-01). */
  issuer?: string | undefined;
}

const SELECT_EVENTS = `
  SELECT * FROM policy_events
  WHERE (@asOf IS NULL OR (effective_date <= @asOf AND (end_date IS NULL OR end_date > @asOf)))
    AND (@issuer IS NULL OR issuer = @issuer OR issuer LIKE @issuer || '-%')
  ORDER BY effective_date, id`;

export function listPolicyEvents(db: Db, filter: PolicyFilter = {}): PolicyEvent[] {
  const rows = db
    .prepare<Record<string, unknown>, PolicyEventRow>(SELECT_EVENTS)
    .all({ asOf: filter.asOf ?? null, issuer: filter.issuer ?? null });
  return rows.map(policyEventFromRow);
}

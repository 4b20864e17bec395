// Reads of the policy timeline. The scope column is JSON; it is parsed with PolicyScope on the way
// out, so a row that does not fit the model fails here rather than inside the legality engine.
import type { Db } from './db';
import { PolicyLink, PolicyScope, type PolicyEvent } from '../shared/model/policy';
import { z } from 'zod';

/** A policy event row as stored; scenario_policy_events has the same columns (plus scenario_id). */
export interface PolicyEventRow {
  id: string;
  issuer: string;
  regime: PolicyEvent['regime'];
  title: string;
  published_date: string | null;
  effective_date: string;
  compliance_date: string | null;
  end_date: string | null;
  effect: PolicyEvent['effect'];
  condition: string;
  scope: string;
  links: string;
  confidence: PolicyEvent['confidence'];
  source_title: string;
  source_url: string;
  note: string;
}

const Links = z.array(PolicyLink);

/** Shapes a stored row as the model's PolicyEvent, parsing the JSON scope so a bad row fails here. */
export function policyEventFromRow(r: PolicyEventRow): PolicyEvent {
  return {
    id: r.id,
    issuer: r.issuer,
    regime: r.regime,
    title: r.title,
    publishedDate: r.published_date,
    effectiveDate: r.effective_date,
    complianceDate: r.compliance_date,
    endDate: r.end_date,
    effect: r.effect,
    condition: r.condition,
    scope: PolicyScope.parse(JSON.parse(r.scope)),
    links: Links.parse(JSON.parse(r.links)),
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

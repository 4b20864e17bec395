// The report's sources: metric facts numbered M1, M2, … as the rows cite them, and the policy events
// behind the legality chains and the policy-churn counts.
import type { ChipLegalityResult } from '../../shared/calls/legality-calls';
import type { PolicyEvent } from '../../shared/model/policy';
import type { ReportModel, ReportSiteLegality } from '../../shared/report/model';
import { policyChurnColumn } from './score-matrix';

/** Metric sources numbered M1, M2, … in order of first citation. */
export class SourceRegistry {
  private readonly byKey = new Map<string, ReportModel['sources']['metrics'][number]>();

  cite(source: { title: string; url: string; asOf: string }, criterionId: string): string {
    const key = JSON.stringify([source.title, source.url, source.asOf]);
    let entry = this.byKey.get(key);
    if (entry === undefined) {
      entry = { id: `M${this.byKey.size + 1}`, ...source, criteria: [], facts: 0 };
      this.byKey.set(key, entry);
    }
    if (!entry.criteria.includes(criterionId)) entry.criteria.push(criterionId);
    entry.facts++;
    return entry.id;
  }

  list(): ReportModel['sources']['metrics'] {
    return [...this.byKey.values()];
  }
}

/**
 * Policy events cited: every event in a legality chain, and, when policy churn is scored, every event
 * it counted for some site (policyChurnColumn on that one event: the scoring rule itself decides).
 */
export function policySources(
  legality: ReadonlyMap<string, ReportSiteLegality> | null,
  events: readonly PolicyEvent[],
  hypothetical: ReadonlySet<string>,
  places: Parameters<typeof policyChurnColumn>[0],
  criteria: readonly { id: string }[],
  asOf: string,
): ReportModel['sources']['policies'] {
  const used = new Map<string, Set<'legality' | 'policy_churn'>>();
  const mark = (id: string, why: 'legality' | 'policy_churn'): void => {
    used.set(id, (used.get(id) ?? new Set()).add(why));
  };
  for (const l of legality?.values() ?? []) {
    for (const chip of l.chips as ChipLegalityResult[]) for (const e of chip.events) mark(e.id, 'legality');
  }
  if (criteria.some((c) => c.id === 'policy_churn')) {
    for (const e of events) {
      if (policyChurnColumn(places, [e], asOf).some((n) => n > 0)) mark(e.id, 'policy_churn');
    }
  }
  return events
    .filter((e) => used.has(e.id))
    .sort((a, b) =>
      a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : a.id < b.id ? -1 : 1,
    )
    .map((e) => ({
      eventId: e.id,
      title: e.title,
      issuer: e.issuer,
      regime: e.regime,
      effectiveDate: e.effectiveDate,
      endDate: e.endDate,
      confidence: e.confidence,
      hypothetical: hypothetical.has(e.id),
      sourceTitle: e.source.title,
      url: e.source.url,
      usedFor: [...(used.get(e.id) ?? [])].sort(),
    }));
}

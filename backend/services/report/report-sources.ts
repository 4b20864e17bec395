// The report's sources: metric facts numbered M1, M2, … as the rows cite them (with how each fact was
// obtained, and the formula or reasoning of derived and estimated ones), and the policy events
// behind the legality chains and the policy-churn counts.
import type { ChipLegalityResult } from '../../../shared/calls/legality-calls';
import { DERIVATION_NEEDED, FactMethod, methodNotRecorded, type MetricValue } from '../../../shared/model/facts';
import type { PolicyEvent } from '../../../shared/model/policy';
import type { ReportModel, ReportSiteLegality } from '../../../shared/report/model';
import { policyChurnColumn } from '../scoring/score-matrix';

type MetricSourceRef = ReportModel['sources']['metrics'][number];

/**
 * Metric sources numbered M1, M2, … in order of first citation, with how the facts citing each were
 * obtained; and each derived or estimated fact cited, once however many sites share it, with its
 * formula or reasoning.
 */
export class SourceRegistry {
  private readonly byKey = new Map<string, MetricSourceRef & { methodSet: Set<FactMethod> }>();
  private readonly facts = new Set<string>();
  private readonly derived: ReportModel['sources']['derivations'] = [];
  private unrecorded = 0;

  cite(fact: MetricValue & { source: NonNullable<MetricValue['source']> }): string {
    const { source, criterionId } = fact;
    const key = JSON.stringify([source.title, source.url, source.asOf]);
    let entry = this.byKey.get(key);
    if (entry === undefined) {
      const { title, url, asOf } = source;
      const id = `M${this.byKey.size + 1}`;
      entry = { id, title, url, asOf, criteria: [], facts: 0, methods: [], references: [], methodSet: new Set() };
      this.byKey.set(key, entry);
    }
    if (!entry.criteria.includes(criterionId)) entry.criteria.push(criterionId);
    entry.facts++;
    if (fact.kind === 'known') {
      entry.methodSet.add(fact.method);
      for (const path of fact.reference?.split(' ') ?? []) {
        if (!entry.references.includes(path)) entry.references.push(path);
      }
      this.noteDerivation(fact, entry.id);
    }
    return entry.id;
  }

  /** A stored fact is listed once, though every site of its market cites it. */
  private noteDerivation(fact: Extract<MetricValue, { kind: 'known' }>, source: string): void {
    const owner = fact.siteId !== null ? `site:${fact.siteId}` : `market:${fact.marketId ?? ''}`;
    const id = `${fact.criterionId}@${owner}`;
    if (this.facts.has(id)) return;
    this.facts.add(id);
    if (methodNotRecorded(fact)) this.unrecorded++;
    else if (DERIVATION_NEEDED[fact.method] !== null && fact.derivation !== null) {
      const { criterionId, marketId, siteId, value, method, derivation, reference } = fact;
      this.derived.push({ criterionId, marketId, siteId, value, method, derivation, reference, source });
    }
  }

  list(): ReportModel['sources']['metrics'] {
    return [...this.byKey.values()].map(({ methodSet, ...entry }) => ({
      ...entry,
      methods: FactMethod.options.filter((m) => methodSet.has(m)),
    }));
  }

  derivations(): ReportModel['sources']['derivations'] {
    return [...this.derived];
  }

  /** Cited facts (each stored fact once) whose method was never recorded. */
  methodNotRecorded(): number {
    return this.unrecorded;
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

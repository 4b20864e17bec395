// The seeded metric values: every one comes from the data build (db/data-build, from the sourced
// tables under data/sources, into derived-metrics.json) — nothing here types a figure in. Every
// (market, non-derived criterion) pair has a fact, known or an explicit gap with its reason, so a gap
// is never read as a zero; site-level facts (finer than their market) follow.
import type { Fact } from '../data-build/figures';
import type { MetricValue } from '../../shared/model/facts';
import derivedMetrics from './derived-metrics.json';
import { seedCriteria } from './criteria';
import { seedMarkets } from './markets';

/** The reason for a pair no rule of the data build covers (none today: a guard for new criteria). */
export const NO_SOURCE = 'No rule of the data build derives this criterion yet (db/data-build/derive.ts)';

function missing(marketId: string | null, siteId: string | null, criterionId: string, reason: string): MetricValue {
  return { kind: 'missing', criterionId, marketId, siteId, missingReason: reason, source: null, note: '' };
}

/** A fact of the data build as the store keeps it. */
function fromDataBuild(f: Fact): MetricValue {
  if (f.kind === 'missing') return missing(f.marketId, f.siteId, f.criterionId, f.missingReason);
  return {
    kind: 'known',
    criterionId: f.criterionId,
    marketId: f.marketId,
    siteId: f.siteId,
    value: f.value,
    low: f.low,
    high: f.high,
    source: f.source,
    method: f.method,
    derivation: f.derivation,
    reference: f.reference,
    note: f.note,
  };
}

const builtFacts = (derivedMetrics.facts as Fact[]).map(fromDataBuild);

/** Every (market, non-derived criterion) pair: the data build's fact, else an explicit gap. */
function completeMatrix(): MetricValue[] {
  const key = (marketId: string | null, criterionId: string): string => `${marketId ?? ''}|${criterionId}`;
  const built = new Map(builtFacts.filter((v) => v.siteId === null).map((v) => [key(v.marketId, v.criterionId), v]));
  const all: MetricValue[] = [];
  for (const market of seedMarkets) {
    for (const criterion of seedCriteria) {
      if (criterion.derived) continue;
      all.push(built.get(key(market.id, criterion.id)) ?? missing(market.id, null, criterion.id, NO_SOURCE));
    }
  }
  return all;
}

export const seedMetricValues: readonly MetricValue[] = [
  ...completeMatrix(),
  ...builtFacts.filter((v) => v.siteId !== null),
];

// `data.health`: what needs fixing in the facts. A site counts as having a criterion's value when it
// has its own known value or its market has one (as scoring reads them); stale and unsourced facts
// are listed per stored fact, since fixing one market fact fixes it for every site in the market.
// Methods are counted both ways: per stored value (what there is to review) and per site × criterion
// cell (what the scores rest on, where one market estimate weighs once per site).
import { listCriteria } from '../../../db/criteria-repo';
import { listMarkets } from '../../../db/markets-repo';
import { listMetricValues } from '../../../db/metrics-repo';
import type { Db } from '../../../db/open';
import { listPolicyEvents } from '../../../db/policies-repo';
import { listPresets } from '../../../db/presets-repo';
import { listSites } from '../../../db/sites-repo';
import type { DataHealth, FactKey, MethodCounts } from '../../../shared/calls/edit-calls';
import { dayNumber } from '../../../shared/engine/score';
import type { Criterion } from '../../../shared/model/criteria';
import { FactMethod, methodNotRecorded, type MetricValue } from '../../../shared/model/facts';
import type { Market } from '../../../shared/model/jurisdictions';
import type { PolicyEvent } from '../../../shared/model/policy';
import type { Preset } from '../../../shared/model/presets';
import { todayIso, type Site } from '../../../shared/schemas';
import type { DomainHandlers, ServiceContext } from '../context';
import { dataCoverage } from './data-coverage';
import { dataRefreshHandlers } from './data-refresh-service';

/** What data.health reads: a scenario snapshot holds all of it, so the report reads nothing more. */
export interface HealthData {
  criteria: readonly Criterion[];
  facts: readonly MetricValue[];
  sites: readonly Site[];
  presets: readonly Preset[];
  markets: readonly Market[];
  /** The real policy timeline (hypothetical events are not the store's to fix). */
  realEvents: readonly PolicyEvent[];
}

const keyOf = (v: Pick<MetricValue, 'criterionId' | 'siteId' | 'marketId'>): FactKey =>
  v.siteId !== null
    ? { criterionId: v.criterionId, siteId: v.siteId }
    : { criterionId: v.criterionId, marketId: v.marketId };

type HealthInput = { staleAfterDays: number; asOf?: string | undefined };

export function dataHealth(db: Db, input: HealthInput): DataHealth {
  return dataHealthOf(
    {
      criteria: listCriteria(db),
      facts: listMetricValues(db),
      sites: listSites(db),
      presets: listPresets(db),
      markets: listMarkets(db),
      realEvents: listPolicyEvents(db),
    },
    input,
  );
}

/** Pure: data.health's answer over data already read. */
export function dataHealthOf(data: HealthData, input: HealthInput): DataHealth {
  const asOf = input.asOf ?? todayIso();
  const criteria = data.criteria.filter((c) => !c.derived);
  const names = new Map(criteria.map((c) => [c.id, c.name]));
  const stored = new Set(criteria.map((c) => c.id));
  const facts = data.facts.filter((v) => stored.has(v.criterionId));
  const own = new Map<string, MetricValue>();
  for (const v of facts) own.set(`${v.criterionId}\u0000${v.siteId ?? `market:${v.marketId ?? ''}`}`, v);
  const ref = (
    v: Pick<MetricValue, 'criterionId' | 'siteId' | 'marketId'>,
    op: 'insert' | 'update',
    field: string,
  ) => ({
    criterionId: v.criterionId,
    criterionName: names.get(v.criterionId) ?? v.criterionId,
    marketId: v.marketId,
    siteId: v.siteId,
    fix: { table: 'metric_values' as const, key: keyOf(v), op, field },
  });

  const { sites } = data;
  const today0 = dayNumber(asOf);
  const isStale = (v: MetricValue & { kind: 'known' }): boolean =>
    v.source !== null && today0 - dayNumber(v.source.asOf) > input.staleAfterDays;
  const coverage = dataCoverage({
    sites,
    criteria,
    cell: (criterionId, site) => {
      const fact = own.get(`${criterionId}\u0000${site.id}`) ?? own.get(`${criterionId}\u0000market:${site.marketId}`);
      return fact?.kind === 'known' ? fact : undefined;
    },
    presets: data.presets,
    marketNames: new Map(data.markets.map((m) => [m.id, m.name])),
    isStale,
  });
  const undatedEvents = data.realEvents
    .filter((e) => e.publishedDate === null)
    .map((e) => ({ id: e.id, title: e.title, sourceTitle: e.source.title }));
  const missingBySite: DataHealth['missingBySite'] = [];
  let missing = 0;
  const cells = new MethodTally();
  for (const s of sites) {
    const list: DataHealth['missingBySite'][number]['missing'] = [];
    for (const c of criteria) {
      const fact = own.get(`${c.id}\u0000${s.id}`) ?? own.get(`${c.id}\u0000market:${s.marketId}`);
      if (fact?.kind === 'known') cells.add(fact);
      if (fact === undefined) {
        // Nothing stored: the market is where most facts live, so that is where to add it.
        list.push({
          ...ref({ criterionId: c.id, siteId: null, marketId: s.marketId }, 'insert', 'value'),
          reason: 'no_fact',
          missingReason: null,
        });
      } else if (fact.kind === 'missing') {
        list.push({ ...ref(fact, 'update', 'value'), reason: 'missing', missingReason: fact.missingReason });
      }
    }
    missing += list.length;
    if (list.length > 0) missingBySite.push({ siteId: s.id, name: s.name, marketId: s.marketId, missing: list });
  }
  missingBySite.sort((a, b) => b.missing.length - a.missing.length || a.name.localeCompare(b.name));

  const stale: DataHealth['stale'] = [];
  const unsourced: DataHealth['unsourced'] = [];
  for (const v of facts) {
    if (v.source === null) {
      unsourced.push({ ...ref(v, 'update', 'source'), kind: v.kind });
      continue;
    }
    const age = today0 - dayNumber(v.source.asOf);
    if (v.kind === 'known' && age > input.staleAfterDays) {
      stale.push({ ...ref(v, 'update', 'source.asOf'), sourceAsOf: v.source.asOf, ageDays: age });
    }
  }
  stale.sort((a, b) => b.ageDays - a.ageDays || a.criterionId.localeCompare(b.criterionId));
  const values = new MethodTally();
  for (const v of facts) if (v.kind === 'known') values.add(v);

  return {
    asOf,
    staleAfterDays: input.staleAfterDays,
    summary: {
      sites: sites.length,
      criteria: criteria.length,
      missing,
      sitesWithMissing: missingBySite.length,
      stale: stale.length,
      unsourced: unsourced.length,
      methods: { values: values.counts(), cells: cells.counts() },
    },
    coverage,
    undatedEvents,
    missingBySite,
    stale,
    unsourced,
  };
}

/** Counts known values by method, telling estimates from values whose method was never recorded. */
class MethodTally {
  private readonly byMethod = Object.fromEntries(FactMethod.options.map((m) => [m, 0])) as Record<FactMethod, number>;
  private known = 0;
  private notRecorded = 0;

  add(v: Extract<MetricValue, { kind: 'known' }>): void {
    this.known++;
    this.byMethod[v.method]++;
    if (methodNotRecorded(v)) this.notRecorded++;
  }

  counts(): MethodCounts {
    const estimateShare = this.known === 0 ? null : this.byMethod.estimate / this.known;
    return { known: this.known, byMethod: { ...this.byMethod }, estimateShare, notRecorded: this.notRecorded };
  }
}

/** data.health and the data refresh calls beside it (the panel shows a pending refresh). */
export function dataHealthHandlers(
  ctx: ServiceContext,
): DomainHandlers<'data.health' | 'data.refreshPreview' | 'data.refreshAccept' | 'data.refreshDismiss'> {
  return { 'data.health': (input) => dataHealth(ctx.db, input), ...dataRefreshHandlers(ctx) };
}

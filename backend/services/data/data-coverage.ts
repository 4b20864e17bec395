// Coverage of the fact matrix: of the site × criterion cells a planner scores, how many rest on a
// known value (the site's own, else its market's, as scoring reads them), how many of those are
// estimates and how many are stale — per criterion, per market and per site, for every stored
// criterion and for those the built-in presets weigh (the cells the issue-13 targets are set on).
import type { DataCoverage, CoverageCount } from '../../../shared/calls/edit-calls';
import type { Criterion } from '../../../shared/model/criteria';
import type { MetricValue } from '../../../shared/model/facts';
import type { Preset } from '../../../shared/model/presets';
import type { Site } from '../../../shared/schemas';

type Known = Extract<MetricValue, { kind: 'known' }>;

/** A running tally of cells: how many, how many known, estimated and stale. */
class Tally {
  cells = 0;
  known = 0;
  estimates = 0;
  stale = 0;

  add(fact: Known | undefined, isStale: (f: Known) => boolean): void {
    this.cells++;
    if (fact === undefined) return;
    this.known++;
    if (fact.method === 'estimate') this.estimates++;
    if (isStale(fact)) this.stale++;
  }

  count(): CoverageCount {
    const share = (n: number, of: number): number | null => (of === 0 ? null : n / of);
    return {
      cells: this.cells,
      known: this.known,
      share: share(this.known, this.cells),
      estimates: this.estimates,
      estimateShare: share(this.estimates, this.known),
      stale: this.stale,
    };
  }
}

export interface CoverageInput {
  sites: readonly Site[];
  /** Stored (non-derived) criteria. */
  criteria: readonly Criterion[];
  /** The known value each (criterion, site) cell reads, or undefined for a gap. */
  cell: (criterionId: string, site: Site) => Known | undefined;
  presets: readonly Preset[];
  marketNames: ReadonlyMap<string, string>;
  isStale: (f: Known) => boolean;
}

export function dataCoverage(input: CoverageInput): DataCoverage {
  const { sites, criteria, cell, isStale } = input;
  const weighed = new Set(
    input.presets
      .filter((p) => p.builtin)
      .flatMap((p) =>
        Object.entries(p.weights)
          .filter(([, w]) => w > 0)
          .map(([id]) => id),
      ),
  );
  const all = new Tally();
  const presetCells = new Tally();
  const byCriterion = new Map(criteria.map((c) => [c.id, new Tally()]));
  const byMarket = new Map<string, Tally>();
  const bySite = new Map<string, Tally>();
  for (const site of sites) {
    const siteTally = new Tally();
    bySite.set(site.id, siteTally);
    let marketTally = byMarket.get(site.marketId);
    if (marketTally === undefined) byMarket.set(site.marketId, (marketTally = new Tally()));
    for (const c of criteria) {
      const fact = cell(c.id, site);
      for (const t of [all, siteTally, marketTally, byCriterion.get(c.id)]) t?.add(fact, isStale);
      if (weighed.has(c.id)) presetCells.add(fact, isStale);
    }
  }
  const worstFirst = <T extends CoverageCount & { name: string }>(rows: T[]): T[] =>
    rows.sort((a, b) => (a.share ?? -1) - (b.share ?? -1) || a.name.localeCompare(b.name));
  return {
    all: all.count(),
    presets: { criteria: criteria.filter((c) => weighed.has(c.id)).map((c) => c.id), ...presetCells.count() },
    byCriterion: worstFirst(
      criteria.map((c) => ({
        criterionId: c.id,
        name: c.name,
        weighedByBuiltin: weighed.has(c.id),
        ...(byCriterion.get(c.id) ?? new Tally()).count(),
      })),
    ),
    byMarket: worstFirst(
      [...byMarket].map(([id, t]) => ({ marketId: id, name: input.marketNames.get(id) ?? id, ...t.count() })),
    ),
    bySite: worstFirst(
      sites.map((s) => ({
        siteId: s.id,
        name: s.name,
        marketId: s.marketId,
        ...(bySite.get(s.id) ?? new Tally()).count(),
      })),
    ),
  };
}

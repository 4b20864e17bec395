// What the ranking table shows, as plain data: one row per scored site joined with its market,
// capacity and legality; the filters and the sort; and, when every site is excluded, which hard
// constraint excludes the most. Pure functions, so the table's logic is tested without a DOM.
import { LEGALITY_ORDER, type LegalityStatus } from '../../../shared/engine/types';
import type { Site } from '../../../shared/schemas';
import type { RankingView, SortKey } from '../remembered/layout';
import type { ScoreRun } from '../store';

export type SiteResult = ScoreRun['results'][number];

export interface RankingRow {
  siteId: string;
  name: string;
  marketName: string;
  country: string;
  /** Shared with another site (equal scores share a rank, shown "3="). */
  rank: number | null;
  tied: boolean;
  score: number | null;
  /** Share (0..1) of the weight resting on known values, and of it on stale ones. */
  coverage: number;
  staleCoverage: number;
  /** Coverage below the scenario's minimum: marked "thin data". */
  thin: boolean;
  excluded: boolean;
  reasons: string[];
  contributions: Record<string, number> | null;
  /** The site's combined chip legality; null while unknown (no profile, or still being checked). */
  status: LegalityStatus | null;
  /** Set when the status rests on an announcement without rule text, or on press reports. */
  tier: 'announced' | 'reported' | null;
  existingMw: number | null;
  plannedMw: number | null;
  /** existing + planned (an unknown part counts as 0); null when both are unknown. */
  totalMw: number | null;
  /** Lower-cased name and market, for the text filter. */
  haystack: string;
}

export function totalCapacity(existing: number | null, planned: number | null): number | null {
  return existing === null && planned === null ? null : (existing ?? 0) + (planned ?? 0);
}

/** What a row takes from its site: fixed while the planner re-weights, so built once per site list. */
export type SiteFacts = Pick<
  RankingRow,
  'marketName' | 'country' | 'existingMw' | 'plannedMw' | 'totalMw' | 'haystack'
>;

export function siteFacts(sites: readonly Site[]): Map<string, SiteFacts> {
  return new Map(
    sites.map((s) => [
      s.id,
      {
        marketName: s.marketName,
        country: s.country,
        existingMw: s.capacityMw.existing,
        plannedMw: s.capacityMw.planned,
        totalMw: totalCapacity(s.capacityMw.existing, s.capacityMw.planned),
        haystack: `${s.name} ${s.marketName}`.toLowerCase(),
      },
    ]),
  );
}

const UNKNOWN_SITE: SiteFacts = {
  marketName: '',
  country: '',
  existingMw: null,
  plannedMw: null,
  totalMw: null,
  haystack: '',
};

/** Joins the score results with what the table needs from each site. */
export function buildRows(
  results: readonly SiteResult[],
  facts: ReadonlyMap<string, SiteFacts>,
  legality: Readonly<Record<string, LegalityStatus>>,
  tiers: Readonly<Record<string, 'announced' | 'reported'>> = {},
): RankingRow[] {
  return results.map((r) => ({
    ...(facts.get(r.siteId) ?? { ...UNKNOWN_SITE, haystack: r.name.toLowerCase() }),
    siteId: r.siteId,
    name: r.name,
    rank: r.rank,
    tied: r.tied,
    score: r.score,
    coverage: r.coverage,
    staleCoverage: r.staleCoverage,
    thin: r.thin,
    excluded: r.excluded,
    reasons: r.reasons,
    contributions: r.contributions,
    status: legality[r.siteId] ?? null,
    tier: tiers[r.siteId] ?? null,
  }));
}

/** True when any filter narrows the ranking (the sort is not a filter). */
export function hasFilters(view: RankingView): boolean {
  return (
    view.country !== '' ||
    view.statuses.length > 0 ||
    view.minCapacityMw !== null ||
    view.text.trim() !== '' ||
    view.hideExcluded
  );
}

export function filterRows(rows: readonly RankingRow[], view: RankingView): RankingRow[] {
  const needle = view.text.trim().toLowerCase();
  const statuses = new Set<LegalityStatus>(view.statuses);
  const min = view.minCapacityMw;
  return rows.filter(
    (r) =>
      (view.country === '' || r.country === view.country) &&
      (statuses.size === 0 || (r.status !== null && statuses.has(r.status))) &&
      // A site whose capacity is not on record cannot be shown to meet a minimum.
      (min === null || (r.totalMw !== null && r.totalMw >= min)) &&
      (needle === '' || r.haystack.includes(needle)) &&
      !(view.hideExcluded && r.excluded),
  );
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The value a column sorts by; null sorts last in either direction. */
function sortValue(row: RankingRow, key: SortKey): number | string | null {
  switch (key) {
    case 'rank':
      return row.rank;
    case 'site':
      return row.name;
    case 'market':
      return row.marketName;
    case 'score':
      return row.score;
    case 'status':
      return row.status === null ? null : LEGALITY_ORDER.indexOf(row.status);
    case 'capacity':
      return row.totalMw;
  }
}

/** Ties fall back to the rank (excluded last), then the name, so the order never depends on input order. */
function byRankThenName(a: RankingRow, b: RankingRow): number {
  if (a.rank !== b.rank) {
    if (a.rank === null) return 1;
    if (b.rank === null) return -1;
    return a.rank - b.rank;
  }
  return collator.compare(a.name, b.name) || (a.siteId < b.siteId ? -1 : a.siteId > b.siteId ? 1 : 0);
}

export function sortRows(rows: readonly RankingRow[], sort: RankingView['sort']): RankingRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, value: sortValue(row, sort.key) }));
  keyed.sort((a, b) => {
    if (a.value !== b.value) {
      if (a.value === null) return 1;
      if (b.value === null) return -1;
      const d =
        typeof a.value === 'string' && typeof b.value === 'string'
          ? collator.compare(a.value, b.value)
          : (a.value as number) - (b.value as number);
      if (d !== 0) return sign * d;
    }
    return byRankThenName(a.row, b.row);
  });
  return keyed.map((k) => k.row);
}

/** The direction a column starts in when first clicked: best, biggest or A first. */
export const FIRST_DIRECTION: Record<SortKey, 'asc' | 'desc'> = {
  rank: 'asc',
  site: 'asc',
  market: 'asc',
  score: 'desc',
  status: 'asc',
  capacity: 'desc',
};

/** Clicking the sorted column flips it; another column starts in its natural direction. */
export function nextSort(current: RankingView['sort'], key: SortKey): RankingView['sort'] {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: FIRST_DIRECTION[key] };
}

/** The names of the `n` criteria that add the most to a site's score (WSM only). */
export function topContributors(
  contributions: Readonly<Record<string, number>> | null,
  names: ReadonlyMap<string, string>,
  n = 2,
): string {
  if (!contributions) return '';
  return Object.entries(contributions)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([id]) => names.get(id) ?? id)
    .join(', ');
}

/** The cause of every exclusion for thin data (thinData 'exclude'), whatever the site's coverage. */
export const THIN_DATA_CAUSE = 'the minimum coverage (thin data left out)';

export interface ExclusionCause {
  /** What the constraint demands, in words ("chips must be legal", "Latency to Hong Kong maximum 100 ms"). */
  constraint: string;
  /** How many sites it excludes (a site can fail several). */
  count: number;
  /** True for the chip legality constraint, which another company profile can change. */
  legality: boolean;
}

/**
 * Groups the exclusion reasons (shared/engine/score.ts writes them) by the constraint behind them,
 * most sites first. A criterion's bound is recognised by the criterion's name at the start of the
 * reason, or after "no value for".
 */
export function exclusionCauses(results: readonly SiteResult[], criterionNames: readonly string[]): ExclusionCause[] {
  const names = [...criterionNames].sort((a, b) => b.length - a.length);
  const counts = new Map<string, ExclusionCause>();
  for (const r of results) {
    if (!r.excluded) continue;
    const seen = new Set<string>();
    for (const reason of r.reasons) {
      const cause = causeOf(reason, names);
      if (seen.has(cause.constraint)) continue;
      seen.add(cause.constraint);
      const entry = counts.get(cause.constraint) ?? { ...cause, count: 0 };
      entry.count++;
      counts.set(cause.constraint, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.constraint.localeCompare(b.constraint));
}

function causeOf(reason: string, names: readonly string[]): Omit<ExclusionCause, 'count'> {
  if (reason.startsWith('chip')) return { constraint: 'chips must be legal for the profile', legality: true };
  // Each thin site's reason states its own coverage; they are one cause, the minimum coverage.
  if (reason.startsWith('thin data')) return { constraint: THIN_DATA_CAUSE, legality: false };
  const bound = /the preset's (minimum|maximum) (?:is|of) (.+)$/.exec(reason);
  const subject = reason.startsWith('no value for ') ? reason.slice('no value for '.length) : reason;
  const name = names.find((n) => subject.startsWith(n));
  if (bound && name) return { constraint: `${name} ${bound[1]} ${bound[2]}`, legality: false };
  return { constraint: reason, legality: false };
}

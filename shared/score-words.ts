// The words every door (screens, reports, CLI) uses for a rank, a coverage and the top of a
// ranking, so "3=", "thin data" and "rests on filled-in values" read the same everywhere.
import type { SiteScore } from './calls/score-calls';
import type { TopStatement } from './engine/lead';

/** "3" or, for a rank shared with another site, "3="; "—" when not ranked. */
export function rankLabel(rank: number | null, tied: boolean): string {
  if (rank === null) return '—';
  return tied ? `${rank}=` : String(rank);
}

/** A share 0..1 as a whole percentage, "72 %". */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** "coverage 72 %", with the stale part when there is one: "coverage 72 % (20 % stale)". */
export function coverageLabel(r: Pick<SiteScore, 'coverage' | 'staleCoverage'>): string {
  const stale = r.staleCoverage > 0.005 ? ` (${percent(r.staleCoverage)} stale)` : '';
  return `coverage ${percent(r.coverage)}${stale}`;
}

/** What "thin data" means, for tooltips and legends. */
export function thinDataNote(minCoverage: number): string {
  return `thin data: less than ${percent(minCoverage)} of the weight rests on known values`;
}

/**
 * One sentence about the top of a ranking that never calls a site first when it is not: a tie
 * says so, a lead from filled-in values says so, a thin leader says so. `name` turns ids into
 * names; `label` criterion ids into their names.
 */
export function topSentence(
  top: TopStatement,
  name: (siteId: string) => string,
  label: (criterionId: string) => string,
): string {
  if (top.kind === 'none') return 'No site is ranked.';
  if (top.kind === 'tie') {
    const names = top.siteIds.map(name);
    return `${listOf(names)} tie for first with the same score: the data does not tell them apart.`;
  }
  if (top.kind === 'alone') {
    return `${name(top.siteId)} is the only site ranked${top.thin ? ', on thin data' : ''}.`;
  }
  const leader = name(top.siteId);
  const runnerUp = name(top.runnerUpId);
  if (!top.restsOnKnown) {
    const filled = top.filledCriteria.map(label);
    return `${leader} scores highest, but its lead over ${runnerUp} rests on filled-in values (no value for ${listOf(filled)} on one side): on the facts both have, it is not ahead.`;
  }
  if (top.thin) return `${leader} scores highest, but on thin data: most of its score is filled in.`;
  return `${leader} ranks first, ahead of ${runnerUp} on the facts both have.`;
}

function listOf(xs: readonly string[]): string {
  if (xs.length <= 1) return xs[0] ?? '';
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1] as string}`;
}

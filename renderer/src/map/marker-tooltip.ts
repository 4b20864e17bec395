// What a marker's tooltip says after the site's name: its rank as the ranking shows it (shared
// ranks "1="), its score with its coverage, thin data; or why it is excluded.
import type { SiteScore } from '../../../shared/calls/score-calls';
import { coverageLabel, rankLabel } from '../../../shared/score-words';

/** "#1= (0.736, coverage 75 %), thin data", or "excluded: …". */
export function markerResult(
  r: Pick<SiteScore, 'rank' | 'tied' | 'score' | 'coverage' | 'staleCoverage' | 'thin' | 'excluded' | 'reasons'>,
): string {
  if (r.excluded) return `excluded: ${r.reasons.join('; ')}`;
  const thin = r.thin ? ', thin data' : '';
  return `#${rankLabel(r.rank, r.tied)} (${(r.score ?? 0).toFixed(3)}, ${coverageLabel(r)})${thin}`;
}

/**
 * Under a stacked site's name: its spot is the estate's (the source names the estate, not the
 * building), shared with the other sites there; or, if only nearly the same, that they were drawn apart.
 */
export function sharedPositionNote(count: number, exact: boolean): string {
  return exact
    ? `Position is the estate's, shared with ${count - 1} other site${count === 2 ? '' : 's'}: drawn apart, the dot marks it`
    : `${count} sites at nearly the same position: drawn apart, the dot marks it`;
}

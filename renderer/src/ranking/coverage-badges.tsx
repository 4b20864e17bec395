// The marks that travel with a score wherever it is shown (ranking, details, compare): its coverage,
// a "thin data" mark, and a rank that may be shared. Text, not colour, carries each of them, in the
// shared words (shared/score-words.ts).
import type { ReactNode } from 'react';
import type { SiteScore } from '../../../shared/calls/score-calls';
import { coverageLabel, percent, rankLabel, thinDataNote } from '../../../shared/score-words';
import './coverage.css';

/** What the coverage number means, for its tooltip. */
export function coverageTitle(r: Pick<SiteScore, 'coverage' | 'staleCoverage'>): string {
  return `${coverageLabel(r)}: share of the weight resting on known values`;
}

/** "72 %", titled "coverage 72 % (20 % stale): share of the weight resting on known values". */
export function CoverageBadge({ result }: { result: Pick<SiteScore, 'coverage' | 'staleCoverage'> }): ReactNode {
  return (
    <span className="coverage-badge" title={coverageTitle(result)}>
      <span className="sr-only">coverage </span>
      {percent(result.coverage)}
    </span>
  );
}

/** "thin data", with what that means in its tooltip. */
export function ThinBadge({ minCoverage }: { minCoverage: number }): ReactNode {
  return (
    <span className="thin-badge" title={thinDataNote(minCoverage)}>
      thin data
    </span>
  );
}

/**
 * "3" or "3=": a shared rank reads "3, shared" to a screen reader (an "=" alone is read as
 * "equals"), and says in its tooltip why it is shared.
 */
export function RankText({ rank, tied }: Pick<SiteScore, 'rank' | 'tied'>): ReactNode {
  const label = rankLabel(rank, tied);
  if (!tied || rank === null) return label;
  return (
    <span title={`rank ${rank}, shared: another site has the same score`}>
      <span aria-hidden="true">{label}</span>
      <span className="sr-only">{rank}, shared</span>
    </span>
  );
}

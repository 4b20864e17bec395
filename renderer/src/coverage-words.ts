// The screen's words for what a score does not rest on: a criterion that gives nobody anything
// (score.run's `uninformative`), a value a site does not have (`missingHandled`, in the shared gap
// words of shared/report/words.ts), and how many sites are thin. Ranks, coverage and the top are in
// shared/score-words.ts; these are kept in one place so the details pane, the weights drawer and the
// compare panel say the same thing.
import { gapWords } from '../../shared/compare-explain';
import type { ScoreRun } from './store';

export type Uninformative = ScoreRun['uninformative'][number];
export type MissingPolicy = ScoreRun['results'][number]['missingHandled'][number]['policy'];

/**
 * Why a weighted criterion cannot tell the ranked sites apart. "Among the ranked sites": score.run
 * judges the candidates, and a site left out by a constraint may still have a value.
 */
function noSpread(u: Uninformative): string {
  switch (u.reason) {
    case 'no known value':
      return 'no known value among the ranked sites';
    case 'one known value':
      return 'only one ranked site has a value';
    case 'all known values equal':
      return `all ${u.known} known values are equal`;
  }
}

/** "contributes nothing to anyone: only one ranked site has a value" — the details pane's line. */
export function uninformativeNote(u: Uninformative): string {
  return `contributes nothing to anyone: ${noSpread(u)}`;
}

/** "no known value among the ranked sites — contributes nothing" — the flag beside a weight slider. */
export function uninformativeFlag(u: Uninformative): string {
  return `${noSpread(u)} — contributes nothing`;
}

/** "no value — scored 0, no credit": what a gap scored, by the criterion's missing-value policy. */
export function missingNote(policy: MissingPolicy): string {
  return `no value — ${gapWords(policy)}`;
}

/** "12 sites marked thin data" or "3 sites left out for thin data"; '' when none (or no minimum). */
export function thinCount(score: Pick<ScoreRun, 'results' | 'minCoverage' | 'thinData'>): string {
  if (score.minCoverage <= 0) return '';
  const count =
    score.thinData === 'exclude'
      ? score.results.filter((r) => r.excluded && r.reasons.some((x) => x.startsWith('thin data'))).length
      : score.results.filter((r) => r.thin && !r.excluded).length;
  if (count === 0) return '';
  const sites = `${count} ${count === 1 ? 'site' : 'sites'}`;
  return score.thinData === 'exclude' ? `${sites} left out for thin data` : `${sites} marked thin data`;
}

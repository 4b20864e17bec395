// Above the ranking: what may be said about its top — a tie, a lead on the facts both sites have,
// or a lead that rests on filled-in values (shared topSentence) — and what the percentage beside
// each score is, with how many sites are thin data. The table's order alone would call the first
// row "first" even when it shares the rank or leads on gaps.
import { useMemo, type ReactNode } from 'react';
import { percent, topSentence } from '../../../shared/score-words';
import { useApp } from '../context';
import { thinCount } from '../coverage-words';
import type { ScoreRun } from '../store';

export function RankingSummary({ score }: { score: ScoreRun }): ReactNode {
  const criteria = useApp((s) => s.choices.criteria);
  const sentence = useMemo(() => {
    const sites = new Map(score.results.map((r) => [r.siteId, r.name]));
    const names = new Map(criteria.map((c) => [c.id, c.name]));
    return topSentence(
      score.top,
      (id) => sites.get(id) ?? id,
      (id) => names.get(id) ?? id,
    );
  }, [score.results, score.top, criteria]);
  const thin = thinCount(score);
  return (
    <div className="ranking-summary" role="note" aria-label="Top of the ranking">
      <p className="top-sentence">{sentence}</p>
      <p className="muted">
        The % beside a score is its coverage: the share of the weight resting on known values.
        {thin && ` ${thin} (coverage below ${percent(score.minCoverage)}).`}
      </p>
    </div>
  );
}

// The selected site's score taken apart: its rank (shared or not) and coverage, each criterion's
// share as a bar, and in words what the score does not rest on — criteria the site has no value
// for, and criteria that give nobody anything because the sites' values do not differ.
import type { ReactNode } from 'react';
import { thinDataNote } from '../../../shared/score-words';
import { useApp } from '../context';
import { missingNote, uninformativeNote, type Uninformative } from '../coverage-words';
import type { ScoreRun } from '../store';
import { coverageTitle, RankText } from '../ranking/coverage-badges';

type SiteScore = ScoreRun['results'][number];

export function Contributions({ siteId }: { siteId: string }): ReactNode {
  const score = useApp((s) => s.score);
  const criteria = useApp((s) => s.choices.criteria);
  const result = score?.results.find((r) => r.siteId === siteId);
  if (!score || !result) return null;
  const names = new Map(criteria.map((c) => [c.id, c.name]));
  const coverage = <CoverageLine result={result} minCoverage={score.minCoverage} />;
  if (result.excluded) {
    return (
      <>
        <p className="excluded-note" role="note">
          Excluded: {result.reasons.join('; ')}
        </p>
        {coverage}
      </>
    );
  }
  return (
    <section aria-label="Score contributions" className="contributions">
      <h3>
        Score {result.score?.toFixed(3)} (rank <RankText rank={result.rank} tied={result.tied} />)
      </h3>
      {coverage}
      {result.contributions ? (
        <Bars result={result} contributions={result.contributions} score={score} names={names} />
      ) : (
        <>
          <p className="hint">This method does not split the score into per-criterion shares.</p>
          <Unscored result={result} uninformative={score.uninformative} names={names} />
        </>
      )}
    </section>
  );
}

/** "coverage 75 % (20 % stale): share of the weight resting on known values", and thin data. */
function CoverageLine({ result, minCoverage }: { result: SiteScore; minCoverage: number }): ReactNode {
  return (
    <p className="coverage-line">
      {coverageTitle(result)}.{result.thin && <span className="thin-note"> {thinDataNote(minCoverage)}.</span>}
    </p>
  );
}

/**
 * Known values as bars, largest first; a criterion without a value or without spread is a line of
 * words in place of its bar, so a 0 never reads as a measured 0.
 */
function Bars({
  result,
  contributions,
  score,
  names,
}: {
  result: SiteScore;
  contributions: Readonly<Record<string, number>>;
  score: ScoreRun;
  names: ReadonlyMap<string, string>;
}): ReactNode {
  const words = unscoredWords(result, score.uninformative);
  const entries = Object.entries(contributions).sort((a, b) => b[1] - a[1]);
  const max = Math.max(...entries.map(([, v]) => v), 1e-9);
  return entries.map(([id, value]) => {
    const note = words.get(id);
    return (
      <div key={id} className={note === undefined ? 'contribution' : 'contribution unscored'}>
        <span className="contribution-name">{names.get(id) ?? id}</span>
        {note === undefined ? (
          <span className="contribution-bar" style={{ width: `${(value / max) * 100}%` }} />
        ) : (
          <span className="contribution-words">{note.text}</span>
        )}
        <span className="contribution-value">{note?.uninformative ? '' : value.toFixed(3)}</span>
      </div>
    );
  });
}

/** The same words as a list, for methods that do not split the score. */
function Unscored({
  result,
  uninformative,
  names,
}: {
  result: SiteScore;
  uninformative: readonly Uninformative[];
  names: ReadonlyMap<string, string>;
}): ReactNode {
  const words = [...unscoredWords(result, uninformative)];
  if (words.length === 0) return null;
  return (
    <ul className="unscored-list" aria-label="Not resting on known values">
      {words.map(([id, note]) => (
        <li key={id}>
          {names.get(id) ?? id}: {note.text}
        </li>
      ))}
    </ul>
  );
}

/** Criterion id → what the score says about it in words; uninformative wins over a gap. */
function unscoredWords(
  result: SiteScore,
  uninformative: readonly Uninformative[],
): Map<string, { text: string; uninformative: boolean }> {
  const out = new Map<string, { text: string; uninformative: boolean }>();
  for (const m of result.missingHandled) out.set(m.criterionId, { text: missingNote(m.policy), uninformative: false });
  for (const u of uninformative) out.set(u.criterionId, { text: uninformativeNote(u), uninformative: true });
  return out;
}

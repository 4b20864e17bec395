// Side by side: 2–4 pinned sites, their ranks (shared or not) and coverage, each criterion's
// contribution (a gap says "no value"), and why the leader wins in the shared words, which name a
// gap as a gap and say when two sites score the same.
import type { ReactNode } from 'react';
import { explainWin, type Contender } from '../../../shared/compare-explain';
import { useApp } from '../context';
import { uninformativeNote, type Uninformative } from '../coverage-words';
import type { ScoreRun } from '../store';
import { CoverageBadge, RankText, ThinBadge } from '../ranking/coverage-badges';

type SiteScore = ScoreRun['results'][number];

export function ComparePanel(): ReactNode {
  const pinned = useApp((s) => s.compare);
  const toggle = useApp((s) => s.toggleCompare);
  const score = useApp((s) => s.score);
  const criteria = useApp((s) => s.choices.criteria);
  if (pinned.length < 2 || !score) return null;
  const names = new Map(criteria.map((c) => [c.id, c.name]));
  const results = pinned
    .map((id) => score.results.find((r) => r.siteId === id))
    .filter((r): r is NonNullable<typeof r> => r !== undefined);
  const scored = results.filter((r) => r.score !== null && r.contributions !== null);
  const leader = [...scored].sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
  const criterionIds = Object.keys(score.weights);
  const uninformative = new Map(score.uninformative.map((u) => [u.criterionId, u]));
  const silent = new Set(uninformative.keys());
  return (
    <section className="compare overlay-panel" aria-label="Compare sites">
      <header>
        <h2>Compare</h2>
        <button type="button" onClick={() => pinned.forEach((id) => toggle(id))}>
          Clear
        </button>
      </header>
      <table>
        <thead>
          <tr>
            <th scope="col">Criterion (weight)</th>
            {results.map((r) => (
              <th key={r.siteId} scope="col">
                {r.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="compare-total">
            <th scope="row">Score · coverage</th>
            {results.map((r) => (
              <td key={r.siteId}>
                {r.excluded ? 'excluded' : (r.score ?? 0).toFixed(3)}
                <CoverageBadge result={r} />
                {r.thin && (
                  <>
                    {' '}
                    <ThinBadge minCoverage={score.minCoverage} />
                  </>
                )}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Rank</th>
            {results.map((r) => (
              <td key={r.siteId}>
                <RankText rank={r.rank} tied={r.tied} />
              </td>
            ))}
          </tr>
          {criterionIds.map((id) => (
            <tr key={id}>
              <th scope="row">
                {names.get(id) ?? id} ({Math.round((score.weights[id] ?? 0) * 100)}%)
                <SilentNote u={uninformative.get(id)} />
              </th>
              {results.map((r) => {
                const value = r.contributions?.[id];
                const gap = r.missingHandled.some((m) => m.criterionId === id);
                return (
                  <td key={r.siteId}>
                    {gap && <span className="muted">no value </span>}
                    {value === undefined ? (gap ? '' : '—') : value.toFixed(3)}
                    {value !== undefined && (
                      <span
                        className="compare-bar"
                        style={{ width: `${Math.min(100, (value / (score.weights[id] || 1)) * 100)}%` }}
                      />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="explain" role="note" aria-label="Why the leader wins">
        {leader && scored.length >= 2 ? (
          scored
            .filter((r) => r.siteId !== leader.siteId)
            .map((r) => (
              <p key={r.siteId}>{explainWin(contender(leader), contender(r), names, { uninformative: silent })}</p>
            ))
        ) : (
          <p>
            An explanation needs at least two scored sites and a method that splits the score into contributions
            (weighted sum).
          </p>
        )}
      </div>
    </section>
  );
}

/** A site as explainWin takes it: with its gaps, so a filled-in value is never given as a strength. */
function contender(r: SiteScore): Contender {
  return { name: r.name, score: r.score ?? 0, contributions: r.contributions ?? {}, missingHandled: r.missingHandled };
}

/** After a criterion's name: why it gives nobody anything, when it does not. */
function SilentNote({ u }: { u: Uninformative | undefined }): ReactNode {
  return u === undefined ? null : <span className="muted"> — {uninformativeNote(u)}</span>;
}

// Side by side: 2–4 pinned sites, each criterion's contribution, and why the leader wins.
import type { ReactNode } from 'react';
import { explainWin } from '../../../shared/compare-explain';
import { useApp } from '../context';

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
            <th scope="row">Score</th>
            {results.map((r) => (
              <td key={r.siteId}>{r.excluded ? 'excluded' : (r.score ?? 0).toFixed(3)}</td>
            ))}
          </tr>
          {criterionIds.map((id) => (
            <tr key={id}>
              <th scope="row">
                {names.get(id) ?? id} ({Math.round((score.weights[id] ?? 0) * 100)}%)
              </th>
              {results.map((r) => {
                const value = r.contributions?.[id];
                return (
                  <td key={r.siteId}>
                    {value === undefined ? '—' : value.toFixed(3)}
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
              <p key={r.siteId}>
                {explainWin(
                  { name: leader.name, score: leader.score ?? 0, contributions: leader.contributions ?? {} },
                  { name: r.name, score: r.score ?? 0, contributions: r.contributions ?? {} },
                  names,
                )}
              </p>
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

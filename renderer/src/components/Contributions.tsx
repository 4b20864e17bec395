// The selected site's score taken apart: each criterion's share, as bars.
import type { ReactNode } from 'react';
import { useApp } from '../context';

export function Contributions({ siteId }: { siteId: string }): ReactNode {
  const result = useApp((s) => s.score?.results.find((r) => r.siteId === siteId));
  const criteria = useApp((s) => s.choices.criteria);
  if (!result) return null;
  if (result.excluded) {
    return (
      <p className="excluded-note" role="note">
        Excluded: {result.reasons.join('; ')}
      </p>
    );
  }
  if (!result.contributions) {
    return <p className="hint">This method does not split the score into per-criterion shares.</p>;
  }
  const names = new Map(criteria.map((c) => [c.id, c.name]));
  const entries = Object.entries(result.contributions).sort((a, b) => b[1] - a[1]);
  const max = Math.max(...entries.map(([, v]) => v), 1e-9);
  return (
    <section aria-label="Score contributions" className="contributions">
      <h3>
        Score {result.score?.toFixed(3)} (rank {result.rank})
      </h3>
      {entries.map(([id, value]) => (
        <div key={id} className="contribution">
          <span className="contribution-name">{names.get(id) ?? id}</span>
          <span className="contribution-bar" style={{ width: `${(value / max) * 100}%` }} />
          <span className="contribution-value">{value.toFixed(3)}</span>
        </div>
      ))}
    </section>
  );
}

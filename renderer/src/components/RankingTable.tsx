// The ranking: rank, site, market, score bar and the criteria that contribute most; excluded sites
// follow with the reason. Rows select the site (and the map follows).
import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useApp } from '../context';
import { scoreColor } from '../score-colors';

function topContributors(contributions: Record<string, number> | null, names: Map<string, string>, n = 2): string {
  if (!contributions) return '';
  return Object.entries(contributions)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([id]) => names.get(id) ?? id)
    .join(', ');
}

export function RankingTable(): ReactNode {
  const score = useApp((s) => s.score);
  const scoreError = useApp((s) => s.scoreError);
  const sites = useApp((s) => s.sites);
  const selected = useApp((s) => s.selectedSiteId);
  const select = useApp((s) => s.select);
  const criteria = useApp((s) => s.choices.criteria);
  const market = useMemo(() => new Map(sites.map((s) => [s.id, s.marketName])), [sites]);
  const names = useMemo(() => new Map(criteria.map((c) => [c.id, c.name])), [criteria]);
  const country = useMemo(() => new Map(sites.map((s) => [s.id, s.country])), [sites]);
  const countries = useMemo(() => [...new Set(sites.map((s) => s.country))].sort(), [sites]);
  const [countryFilter, setCountryFilter] = useState('');
  const [text, setText] = useState('');
  const [hideExcluded, setHideExcluded] = useState(false);

  if (scoreError)
    return (
      <p className="error" role="alert">
        Could not score: {scoreError}
      </p>
    );
  if (!score) return <p className="hint">Scoring…</p>;
  const needle = text.trim().toLowerCase();
  const shown = score.results.filter(
    (r) =>
      (countryFilter === '' || country.get(r.siteId) === countryFilter) &&
      (needle === '' || `${r.name} ${market.get(r.siteId) ?? ''}`.toLowerCase().includes(needle)),
  );
  const ranked = shown.filter((r) => !r.excluded).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const excluded = hideExcluded ? [] : shown.filter((r) => r.excluded);
  const order = [...ranked, ...excluded].map((r) => r.siteId);
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = order.indexOf(selected ?? '');
    const next = event.key === 'ArrowDown' ? Math.min(order.length - 1, index + 1) : Math.max(0, index - 1);
    const id = order[next];
    if (id) select(id);
  };
  return (
    <>
      <div className="ranking-filter" role="search" aria-label="Filter the ranking">
        <select aria-label="Country" value={countryFilter} onChange={(e) => setCountryFilter(e.target.value)}>
          <option value="">All countries</option>
          {countries.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <input
          type="search"
          aria-label="Find a site"
          placeholder="Find a site…"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <label>
          <input type="checkbox" checked={hideExcluded} onChange={(e) => setHideExcluded(e.target.checked)} /> Hide
          excluded
        </label>
      </div>
      {ranked.length + excluded.length === 0 && <p className="hint">No site matches this filter.</p>}
      <table className="ranking" aria-label="Ranking" tabIndex={0} onKeyDown={onKeyDown}>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Site</th>
            <th scope="col">Score</th>
            <th scope="col">Top criteria</th>
          </tr>
        </thead>
        <tbody>
          {ranked.map((r) => (
            <tr
              key={r.siteId}
              className={r.siteId === selected ? 'selected' : undefined}
              aria-selected={r.siteId === selected}
              onClick={() => select(r.siteId)}
            >
              <td>{r.rank}</td>
              <td>
                <div className="site-name">{r.name}</div>
                <div className="muted">{market.get(r.siteId)}</div>
              </td>
              <td className="score-cell">
                <span
                  className="score-bar"
                  style={{ width: `${Math.round((r.score ?? 0) * 100)}%`, background: scoreColor(r.score ?? 0) }}
                />
                <span className="score-value">{(r.score ?? 0).toFixed(3)}</span>
              </td>
              <td className="muted">{topContributors(r.contributions, names)}</td>
            </tr>
          ))}
          {excluded.map((r) => (
            <tr
              key={r.siteId}
              className={r.siteId === selected ? 'excluded selected' : 'excluded'}
              aria-selected={r.siteId === selected}
              onClick={() => select(r.siteId)}
            >
              <td>—</td>
              <td>
                <div className="site-name">{r.name}</div>
                <div className="muted">{market.get(r.siteId)}</div>
              </td>
              <td colSpan={2} className="muted">
                <div className="reason" title={r.reasons.join('\n')}>
                  Excluded: {r.reasons.join('; ')}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

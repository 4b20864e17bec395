// Every metric of the selected site: value, range, unit, source link and as-of date; missing facts
// say why they are missing.
import type { ReactNode } from 'react';
import { useApp } from '../context';
import { useCall } from '../hooks/use-call';

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 3 });

export function SiteFacts({ siteId }: { siteId: string }): ReactNode {
  const criteria = useApp((s) => s.choices.criteria);
  const state = useCall('metrics.list', { siteId });
  if (state.status === 'error') return <p className="error">Facts unavailable: {state.message}</p>;
  if (state.status !== 'ok') return <p className="hint">Loading facts…</p>;
  const byId = new Map(criteria.map((c) => [c.id, c]));
  return (
    <table className="facts" aria-label="Facts">
      <thead>
        <tr>
          <th scope="col">Criterion</th>
          <th scope="col">Value</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {state.value.map((fact) => {
          const criterion = byId.get(fact.criterionId);
          return (
            <tr key={fact.criterionId}>
              <td>{criterion?.name ?? fact.criterionId}</td>
              {fact.kind === 'known' ? (
                <td>
                  {fmt(fact.value)} {criterion?.unit}
                  {fact.low !== null && fact.high !== null && (
                    <div className="muted">
                      range {fmt(fact.low)}–{fmt(fact.high)}
                    </div>
                  )}
                </td>
              ) : (
                <td className="missing">missing — {fact.missingReason}</td>
              )}
              <td>
                {fact.source ? (
                  <>
                    <a href={fact.source.url} target="_blank" rel="noreferrer">
                      {fact.source.title}
                    </a>
                    <div className="muted">as of {fact.source.asOf}</div>
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

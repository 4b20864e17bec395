// Every metric of the selected site: value, range, unit, how it was obtained (official, measured,
// derived, estimate), source link, as-of date and the repository path of its sourced table; missing
// facts say why they are missing. A derived value's formula and an estimate's reasoning open on demand.
import type { ReactNode } from 'react';
import { methodNotRecorded, type FactMethod, type MetricValue } from '../../../shared/model/facts';
import { useApp } from '../context';
import { useCall } from '../hooks/use-call';

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 3 });

/** What each method label means, for its tooltip. */
const METHOD_MEANING: Record<FactMethod, string> = {
  official: 'Published by a regulator or statistics office',
  measured: 'From published measurements',
  derived: 'Computed from other sourced values by a stated formula',
  estimate: 'An estimate, with its reasoning',
};

type Known = Extract<MetricValue, { kind: 'known' }>;

/** The method label, and the derivation behind a disclosure (the formula, or the reasoning). */
function Method({ fact }: { fact: Known }): ReactNode {
  const unrecorded = methodNotRecorded(fact);
  const label = unrecorded ? 'method not recorded' : fact.method;
  return (
    <div className="fact-method-line">
      <span
        className={`fact-method fact-method-${unrecorded ? 'unrecorded' : fact.method}`}
        title={unrecorded ? (fact.derivation ?? '') : METHOD_MEANING[fact.method]}
      >
        {label}
      </span>
      {fact.derivation !== null && !unrecorded && (
        <details className="fact-derivation">
          <summary>
            {fact.method === 'derived' ? 'formula' : fact.method === 'estimate' ? 'reasoning' : 'how read'}
          </summary>
          <p>{fact.derivation}</p>
        </details>
      )}
    </div>
  );
}

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
                  <Method fact={fact} />
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
                {fact.kind === 'known' && fact.reference !== null && (
                  <div className="muted fact-reference" title="Where in the repository the value was read">
                    from{' '}
                    {fact.reference.split(' ').map((path, i) => (
                      <span key={path}>
                        {i > 0 && ', '}
                        <code>{path}</code>
                      </span>
                    ))}
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

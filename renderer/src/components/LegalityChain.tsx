// For the selected site: the legality of each chip the profile needs on the as-of date, with the
// policy events that decided it.
import type { ReactNode } from 'react';
import { useApp } from '../context';
import { useCall } from '../hooks/use-call';

import { STATUS_TITLE as STATUS_LABEL } from '../../../shared/engine/legality';

export function LegalityChain({ siteId }: { siteId: string }): ReactNode {
  const { profileId, asOf } = useApp((s) => s.scenario);
  const state = useCall('legality.site', profileId ? { profileId, siteId, asOf } : null);
  if (state.status === 'error') return <p className="error">Legality unavailable: {state.message}</p>;
  if (state.status !== 'ok') return <p className="hint">Checking chip legality…</p>;
  return (
    <section aria-label="Chip legality" className="legality">
      <h3>
        Chip legality on {asOf}:{' '}
        <span className={`status status-${state.value.status}`}>{STATUS_LABEL[state.value.status]}</span>
      </h3>
      <ul>
        {state.value.chips.map((chip) => (
          <li key={chip.chipId} data-chip={chip.chipId}>
            <span className={`status status-${chip.status}`}>{STATUS_LABEL[chip.status]}</span>{' '}
            <strong>{chip.chipId}</strong>
            <div className="muted">{chip.reason}</div>
            {chip.events.length > 0 && (
              <ol className="chain">
                {chip.events.map((e) => (
                  <li key={e.id} className={`role-${e.role}`}>
                    <span className="muted">
                      {e.effectiveDate} · {e.issuer} · {e.role}
                      {e.confidence === 'reported' ? ' · press report' : ''}
                    </span>{' '}
                    <a href={e.source.url} target="_blank" rel="noreferrer">
                      {e.title}
                    </a>
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

// For the selected site: the profile's workload answer on the as-of date (status with the chip
// behind it, a flag when it rests on announced or reported measures, lawful compute), then per
// chip a table of each regime's verdict and the chain of policy events with each one's role and why.
import type { ReactNode } from 'react';
import type { ChipLegalityResult, LegalityChainEvent } from '../../../shared/calls/legality-calls';
import { STATUS_TITLE } from '../../../shared/engine/legality';
import { REGIMES } from '../../../shared/model/policy';
import { WORKLOAD_NAMES } from '../../../shared/model/profiles';
import { useApp } from '../context';
import { useCall } from '../hooks/use-call';
import { legalityChoice } from '../store';
import {
  chipName,
  lawfulCompute,
  legalityHeadline,
  QUIET_ROLES,
  ROLE_WORDS,
  tierFlag,
  type ChipCatalogue,
} from './legality-answer';

export function LegalityChain({ siteId }: { siteId: string }): ReactNode {
  const scenario = useApp((s) => s.scenario);
  const catalogue = useApp((s) => s.choices.chips);
  const { profileId, asOf } = scenario;
  const state = useCall('legality.site', profileId ? { profileId, siteId, asOf, ...legalityChoice(scenario) } : null);
  if (profileId === null) return <p className="hint">Choose a company profile to see chip legality.</p>;
  if (state.status === 'error') return <p className="error">Legality unavailable: {state.message}</p>;
  if (state.status !== 'ok') return <p className="hint">Checking chip legality…</p>;
  const answer = state.value;
  const flag = tierFlag(answer.confidence);
  const headline = legalityHeadline(answer, catalogue);
  return (
    <section aria-label="Chip legality" className="legality">
      <h3>
        Chip legality on {asOf} · {WORKLOAD_NAMES[answer.workload]} ·{' '}
        {answer.mode === 'best' ? 'best lawful chip' : 'every chip must clear'}
      </h3>
      <div className="legality-headline" data-status={answer.status}>
        {/* The status as a coloured badge, then the rest of the sentence: "… with Nvidia B200 · …". */}
        <strong className="legality-answer">
          <span className={`status status-${answer.status}`}>{STATUS_TITLE[answer.status]}</span>
          {headline.slice(STATUS_TITLE[answer.status].length)}
        </strong>
      </div>
      <div className="legality-facts">
        {flag !== null && (
          <span className="tier-flag" data-confidence={answer.confidence ?? ''}>
            {flag}
          </span>
        )}
        <span>
          Lawful compute: <strong className="lawful-compute">{lawfulCompute(answer, catalogue)}</strong>
        </span>
      </div>
      <p className="muted legality-reason">{answer.reason}</p>
      {answer.chips.map((chip) => (
        <ChipVerdict key={chip.chipId} chip={chip} catalogue={catalogue} decides={chip.chipId === answer.chipId} />
      ))}
    </section>
  );
}

/**
 * One chip: its status and its own reason (with the conditions of its deciding events, which the
 * answer's short reason leaves out), then the regime table and the chain. The deciding chip starts open.
 */
function ChipVerdict({
  chip,
  catalogue,
  decides,
}: {
  chip: ChipLegalityResult;
  catalogue: ChipCatalogue;
  decides: boolean;
}): ReactNode {
  const flag = tierFlag(chip.confidence);
  const titleOf = new Map(chip.events.map((e) => [e.id, e.title]));
  const loud = chip.events.filter((e) => !QUIET_ROLES.has(e.role));
  const quiet = chip.events.filter((e) => QUIET_ROLES.has(e.role));
  return (
    <details className="legality-chip" data-chip={chip.chipId} open={decides}>
      <summary>
        <span className={`status status-${chip.status}`}>{STATUS_TITLE[chip.status]}</span>{' '}
        <strong>{chipName(chip.chipId, catalogue)}</strong>
        {flag !== null && <span className="tier-flag"> {chip.confidence}</span>}
      </summary>
      <p className="muted">{chip.reason}</p>
      {chip.regimes.length > 0 && (
        <table className="regime-table" aria-label={`Regimes for ${chipName(chip.chipId, catalogue)}`}>
          <thead>
            <tr>
              <th scope="col">Regime</th>
              <th scope="col">Verdict</th>
              <th scope="col">Deciding event(s)</th>
            </tr>
          </thead>
          <tbody>
            {chip.regimes.map((r) => (
              <tr key={r.regime} data-regime={r.regime}>
                <td>{r.name}</td>
                <td>
                  {r.status === null ? (
                    <span className="muted">does not bind</span>
                  ) : (
                    <span className={`status status-${r.status}`}>{STATUS_TITLE[r.status]}</span>
                  )}
                </td>
                <td>
                  {r.deciders.map((id) => (
                    <div key={id} title={id}>
                      {titleOf.get(id) ?? id}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {loud.length > 0 && <Chain events={loud} />}
      {quiet.length > 0 && (
        <details className="chain-quiet">
          <summary>
            {quiet.length} more event{quiet.length === 1 ? '' : 's'} that do not bind here (out of scope or not counted)
          </summary>
          <Chain events={quiet} />
        </details>
      )}
    </details>
  );
}

function Chain({ events }: { events: readonly LegalityChainEvent[] }): ReactNode {
  return (
    <ol className="chain">
      {events.map((e) => (
        <li key={e.id} className={`role-${e.role}`} data-event={e.id}>
          <span className="role">{ROLE_WORDS[e.role]}</span>{' '}
          <span className="muted">
            {e.effectiveDate} · {REGIMES[e.regime].name}
            {e.confidence === 'reported' ? ' · press report' : e.confidence === 'announced' ? ' · announced' : ''}
            {e.hypothetical === true ? ' · what-if' : ''}
          </span>{' '}
          <a href={e.source.url} target="_blank" rel="noreferrer">
            {e.title}
          </a>
          <div className="muted">{e.why}</div>
        </li>
      ))}
    </ol>
  );
}

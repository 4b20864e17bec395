// "Data health": what needs fixing in the facts — criteria a site has no value for, facts whose
// source is older than a threshold the planner picks, facts with no source — and how the known
// values were obtained (the share of estimates). Each item opens the data grid at the fact (and
// field) to fix; coverage per criterion, market and site says how much of the matrix is known. A
// pending data refresh (a newer seed's facts) is offered at the top.
import { useEffect, useState, type ReactNode } from 'react';
import type { DataHealth } from '../../../../shared/calls/edit-calls';
import { FactMethod } from '../../../../shared/model/facts';
import { useApp, useServices } from '../../context';
import { CoverageTables } from './CoverageTables';
import { DataRefreshNotice } from './DataRefreshNotice';
import '../scenarios/whatif.css';

type Fix = DataHealth['stale'][number]['fix'];

const THRESHOLDS = [90, 180, 365, 730];

/** The grid's key for a fact: "criterion@site:ID" or "criterion@market:ID", as history.list names it. */
export function factKey(fix: Fix): string {
  const { criterionId, siteId, marketId } = fix.key;
  return siteId ? `${criterionId}@site:${siteId}` : `${criterionId}@market:${marketId ?? ''}`;
}

const percent = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 1000) / 10} %`);

/**
 * How the known values were obtained: each stored value once, and per site × criterion cell (what the
 * scores rest on). Estimates whose method was never recorded are counted apart: they need a look.
 */
function MethodTable({ methods }: { methods: DataHealth['summary']['methods'] }): ReactNode {
  const { values, cells } = methods;
  return (
    <table className="health-methods" aria-label="Values by method">
      <thead>
        <tr>
          <th scope="col">Method</th>
          <th scope="col">Values</th>
          <th scope="col">Site cells</th>
        </tr>
      </thead>
      <tbody>
        {FactMethod.options.map((m) => (
          <tr key={m}>
            <th scope="row">{m}</th>
            <td>{values.byMethod[m]}</td>
            <td>{cells.byMethod[m]}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">estimates with no recorded method</th>
          <td>{values.notRecorded}</td>
          <td>{cells.notRecorded}</td>
        </tr>
        <tr>
          <th scope="row">share of estimates</th>
          <td>{percent(values.estimateShare)}</td>
          <td>{percent(cells.estimateShare)}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function HealthPanel({ onClose }: { onClose: () => void }): ReactNode {
  const { client } = useServices();
  const asOf = useApp((s) => s.scenario.asOf);
  const openWorkbench = useApp((s) => s.openWorkbench);
  const [days, setDays] = useState(365);
  const [health, setHealth] = useState<DataHealth | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const read = (): void =>
      void client.call('data.health', { staleAfterDays: days, asOf }).then(
        (h) => live && (setHealth(h), setError(null)),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    read();
    const off = client.subscribe('data.changed', read);
    return () => {
      live = false;
      off();
    };
  }, [client, days, asOf]);
  const link = (fix: Fix, text: ReactNode): ReactNode => (
    <button
      type="button"
      className="link-button"
      onClick={() => openWorkbench('metric_values', { key: factKey(fix), field: fix.field })}
      title={`Open ${factKey(fix)} (${fix.field}) in the data grid`}
    >
      {text}
    </button>
  );
  return (
    <section className="overlay-panel health-panel" aria-label="Data health">
      <header>
        <h2>Data health</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      <DataRefreshNotice />
      <label className="health-threshold">
        Stale after
        <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {THRESHOLDS.map((d) => (
            <option key={d} value={d}>
              {d} days
            </option>
          ))}
        </select>
        <span className="muted">as of {asOf}</span>
      </label>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {health && (
        <>
          <dl className="health-counts" aria-label="Counts">
            <div>
              <dt>Sites</dt>
              <dd>{health.summary.sites}</dd>
            </div>
            <div>
              <dt>Missing values</dt>
              <dd>{health.summary.missing}</dd>
            </div>
            <div>
              <dt>Sites with gaps</dt>
              <dd>{health.summary.sitesWithMissing}</dd>
            </div>
            <div>
              <dt>Stale facts</dt>
              <dd>{health.summary.stale}</dd>
            </div>
            <div>
              <dt>Without a source</dt>
              <dd>{health.summary.unsourced}</dd>
            </div>
            <div>
              <dt>Estimates</dt>
              <dd title="Share of the known values that are estimates">
                {percent(health.summary.methods.values.estimateShare)}
              </dd>
            </div>
          </dl>
          <CoverageTables coverage={health.coverage} />
          <MethodTable methods={health.summary.methods} />
          <details open>
            <summary>Metrics missing per site ({health.summary.sitesWithMissing})</summary>
            <ul className="health-list" aria-label="Metrics missing per site">
              {health.missingBySite.map((s, i) => (
                <li key={s.siteId}>
                  {/* Each site folded keeps the list short; the worst site comes first, unfolded. */}
                  <details open={i === 0}>
                    <summary>
                      {s.name} <span className="muted">({s.missing.length} missing)</span>
                    </summary>
                    <ul>
                      {s.missing.map((m) => (
                        <li key={m.criterionId}>
                          {link(m.fix, m.criterionName)}{' '}
                          <span className="muted">
                            {m.reason === 'no_fact' ? 'no fact' : `missing: ${m.missingReason ?? 'no reason given'}`}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
              ))}
            </ul>
          </details>
          <details open>
            <summary>Stale facts ({health.stale.length})</summary>
            <ul className="health-list" aria-label="Stale facts">
              {health.stale.map((f) => (
                <li key={factKey(f.fix)}>
                  {link(f.fix, `${f.criterionName} · ${f.siteId ?? f.marketId ?? ''}`)}{' '}
                  <span className="muted">
                    source of {f.sourceAsOf}, {f.ageDays} days old
                  </span>
                </li>
              ))}
            </ul>
          </details>
          <details open>
            <summary>Facts without a source ({health.unsourced.length})</summary>
            <ul className="health-list" aria-label="Facts without a source">
              {health.unsourced.map((f) => (
                <li key={factKey(f.fix)}>
                  {link(f.fix, `${f.criterionName} · ${f.siteId ?? f.marketId ?? ''}`)}{' '}
                  <span className="muted">
                    {f.kind === 'missing' ? 'missing, nowhere looked' : 'value with no source'}
                  </span>
                </li>
              ))}
            </ul>
          </details>
          <details>
            <summary>Policy events without a publication date ({health.undatedEvents.length})</summary>
            <ul className="health-list" aria-label="Policy events without a publication date">
              {health.undatedEvents.map((e) => (
                <li key={e.id}>
                  {e.title} <span className="muted">({e.sourceTitle})</span>
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}

// The ranking under the real timeline and under the active what-if scenario, side by side, with the
// same preset, profile, date and overrides as the workspace. Sites whose rank or legality status
// changes are highlighted with the rank delta (▲ better, ▼ worse) and the status before → after.
import { useEffect, useState, type ReactNode } from 'react';
import type { ScenarioComparison } from '../../../shared/calls/scenario-calls';
import { useApp, useServices } from '../context';
import { scenarioOverrides } from '../store';
import { RankText } from '../ranking/coverage-badges';
import '../workbench/scenarios/whatif.css';

type Row = ScenarioComparison['sites'][number];
type Side = 'real' | 'whatIf';

const STATUS_LABEL: Record<string, string> = {
  allowed: 'allowed',
  conditional: 'conditional',
  licence_required: 'licence required',
  prohibited: 'prohibited',
};
const statusText = (s: string | null): string => (s === null ? '—' : (STATUS_LABEL[s] ?? s));

/** Rank delta from real to what-if: positive is better (a smaller rank number). */
export function rankDelta(row: Row): number | null {
  if (row.real.rank === null || row.whatIf.rank === null) return null;
  return row.real.rank - row.whatIf.rank;
}

export function WhatIfCompare(): ReactNode {
  const { client, store } = useServices();
  const scenarioId = useApp((s) => s.whatIfScenarioId);
  const scenario = useApp((s) => s.scenario);
  const score = useApp((s) => s.score);
  const comparison = useApp((s) => s.whatIfComparison);
  const mapScores = useApp((s) => s.mapScores);
  const [error, setError] = useState<string | null>(null);
  // Bumped on every write (an event added to the scenario changes no score on screen by itself).
  const [dataSeq, setDataSeq] = useState(0);
  useEffect(() => client.subscribe('data.changed', () => setDataSeq((n) => n + 1)), [client]);
  // Again whenever the scenario on screen or the data changes.
  useEffect(() => {
    if (scenarioId === null || scenario.presetId === null) return;
    let live = true;
    client
      .call('scenarios.compare', {
        scenarioId,
        presetId: scenario.presetId,
        ...(scenario.profileId ? { profileId: scenario.profileId } : {}),
        asOf: scenario.asOf,
        ...scenarioOverrides(scenario),
      })
      .then((c) => {
        if (!live) return;
        setError(null);
        store.getState().setWhatIf({ whatIfComparison: c });
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [client, store, scenarioId, scenario, score, dataSeq]);
  if (scenarioId === null) return null;
  const close = (): void => store.getState().setWhatIf({ whatIfScenarioId: null });
  return (
    <section className="whatif-compare" aria-label="Real and what-if rankings">
      <header>
        <h2>
          What-if: {comparison?.scenario.name ?? '…'}{' '}
          {comparison && (
            <span className="muted">
              {comparison.changedCount} site{comparison.changedCount === 1 ? '' : 's'} changed ·{' '}
              {comparison.scenario.eventCount} hypothetical event{comparison.scenario.eventCount === 1 ? '' : 's'}
            </span>
          )}
        </h2>
        <div className="whatif-map-toggle" role="group" aria-label="Map shows">
          <span>Map shows</span>
          {(['real', 'whatIf'] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={mapScores === m}
              onClick={() => store.getState().setWhatIf({ mapScores: m })}
            >
              {m === 'real' ? 'Real' : 'What-if'}
            </button>
          ))}
        </div>
        <button type="button" onClick={close}>
          Close what-if
        </button>
      </header>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {comparison && <ChangedSites rows={comparison.sites} />}
      {comparison && (
        <div className="whatif-sides">
          <RankList title="Real timeline" side="real" rows={comparison.sites} scores={comparison.real} />
          <RankList
            title={`With “${comparison.scenario.name}”`}
            side="whatIf"
            rows={comparison.sites}
            scores={comparison.whatIf}
          />
        </div>
      )}
    </section>
  );
}

function RankList({
  title,
  side,
  rows,
  scores,
}: {
  title: string;
  side: Side;
  rows: Row[];
  /** That side's full results, which say whether a rank is shared. */
  scores: ScenarioComparison['real'];
}): ReactNode {
  const select = useApp((s) => s.select);
  const tied = new Set(scores.filter((r) => r.tied).map((r) => r.siteId));
  const ordered = [...rows].sort((a, b) => (a[side].rank ?? Infinity) - (b[side].rank ?? Infinity));
  return (
    <table className="whatif-table" aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Site</th>
          <th scope="col">Score</th>
          <th scope="col">Legality</th>
          {side === 'whatIf' && <th scope="col">Change</th>}
        </tr>
      </thead>
      <tbody>
        {ordered.map((r) => {
          const s = r[side];
          const delta = rankDelta(r);
          return (
            <tr key={r.siteId} className={r.changed.any ? 'changed' : undefined} data-site={r.siteId}>
              <td>
                <RankText rank={s.rank} tied={tied.has(r.siteId)} />
              </td>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => select(r.siteId)}>
                  {r.name}
                </button>
              </th>
              <td>{s.excluded ? 'excluded' : s.score === null ? '—' : s.score.toFixed(3)}</td>
              <td>{statusText(s.status)}</td>
              {side === 'whatIf' && (
                <td>{r.changed.any && <span className="whatif-badge">{changeText(r, delta)}</span>}</td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** "▲4", "out · allowed → licence required", "back in"… what changed for one site. */
function changeText(r: Row, delta: number | null): string {
  const parts: string[] = [];
  if (delta !== null && delta !== 0) parts.push(delta > 0 ? `▲${delta}` : `▼${-delta}`);
  if (r.changed.excluded) parts.push(r.whatIf.excluded ? 'out' : 'back in');
  if (r.changed.status) parts.push(`${statusText(r.real.status)} → ${statusText(r.whatIf.status)}`);
  return parts.join(' · ');
}

/** Most telling changes first: legality flips and exclusions, then the biggest moves. */
const CHANGES_SHOWN = 6;

function ChangedSites({ rows }: { rows: Row[] }): ReactNode {
  const select = useApp((s) => s.select);
  const changed = rows
    .filter((r) => r.changed.any)
    .sort(
      (a, b) =>
        Number(b.changed.status || b.changed.excluded) - Number(a.changed.status || a.changed.excluded) ||
        Math.abs(rankDelta(b) ?? 0) - Math.abs(rankDelta(a) ?? 0),
    );
  if (changed.length === 0) return <p className="whatif-changes muted">No site changes rank or legality.</p>;
  return (
    <ul className="whatif-changes" aria-label="Changed sites">
      {changed.slice(0, CHANGES_SHOWN).map((r) => (
        <li key={r.siteId}>
          <button type="button" className="whatif-chip" onClick={() => select(r.siteId)}>
            {r.name} <span className="whatif-badge">{changeText(r, rankDelta(r))}</span>
          </button>
        </li>
      ))}
      {changed.length > CHANGES_SHOWN && <li className="muted">+{changed.length - CHANGES_SHOWN} more below</li>}
    </ul>
  );
}

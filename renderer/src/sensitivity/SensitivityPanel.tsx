// How robust is the ranking? Runs the backend's sensitivity analysis for the current scenario with a
// progress bar and cancel, then shows stability intervals, SMAA rank probabilities and a weight sweep.
import { useEffect, useState, type ReactNode } from 'react';
import type { CallOutput } from '../../../shared/contract';
import { useApp, useServices } from '../context';
import { scenarioOverrides } from '../store';
import { SmaaBars } from './SmaaBars';
import { sharedTopText } from './smaa-words';
import { SweepChart } from './SweepChart';

type Run = CallOutput<'sensitivity.run'>;

export function SensitivityPanel({ onClose }: { onClose: () => void }): ReactNode {
  const { client } = useServices();
  const scenario = useApp((s) => s.scenario);
  const sites = useApp((s) => s.sites);
  const criteria = useApp((s) => s.choices.criteria);
  const [samples, setSamples] = useState(2000);
  const [runId, setRunId] = useState<string | null>(null);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [result, setResult] = useState<Run | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sweepCriterion, setSweepCriterion] = useState<string | null>(null);
  const names = new Map(sites.map((s) => [s.id, s.name]));
  const criterionNames = new Map(criteria.map((c) => [c.id, c.name]));

  useEffect(
    () =>
      client.subscribe('sensitivity.progress', (p) => {
        if (p.runId === runId) setProgress({ done: p.done, total: p.total });
      }),
    [client, runId],
  );

  const run = async (): Promise<void> => {
    if (!scenario.presetId) return;
    const id = crypto.randomUUID();
    setRunId(id);
    setError(null);
    setProgress({ done: 0, total: samples });
    try {
      const out = await client.call('sensitivity.run', {
        presetId: scenario.presetId,
        ...(scenario.profileId ? { profileId: scenario.profileId } : {}),
        asOf: scenario.asOf,
        ...scenarioOverrides(scenario),
        samples,
        runId: id,
      });
      setResult(out);
      setSweepCriterion((c) => c ?? out.sweep[0]?.criterionId ?? null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunId(null);
    }
  };

  const sweep = result?.sweep.find((s) => s.criterionId === sweepCriterion);
  const sharedTop = result ? sharedTopText(result.stability, (id) => names.get(id) ?? id) : null;
  const leaders = result
    ? [...result.smaa.sites]
        .sort((a, b) => b.pFirst - a.pFirst)
        .slice(0, 5)
        .map((s) => s.siteId)
    : [];
  return (
    <section className="sensitivity overlay-panel" aria-label="Sensitivity">
      <header>
        <h2>Sensitivity</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      <div className="sensitivity-controls">
        <label>
          Samples
          <input
            type="number"
            min={100}
            max={100000}
            step={100}
            value={samples}
            onChange={(e) => setSamples(Number(e.target.value) || 2000)}
          />
        </label>
        <button type="button" onClick={() => void run()} disabled={runId !== null}>
          Run
        </button>
        {runId !== null && (
          <>
            <progress max={progress.total || samples} value={progress.done} aria-label="Sensitivity progress" />
            <button type="button" onClick={() => void client.call('sensitivity.cancel', { runId })}>
              Cancel
            </button>
          </>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div className="sensitivity-results">
          <p className="muted" role="status">
            {result.cancelled
              ? `Cancelled after ${result.smaa.samples} of ${result.smaa.requested} samples`
              : `${result.smaa.samples} samples`}
            , seed {result.seed}, {result.smaa.valuesSampled ? 'weights and value ranges sampled' : 'weights sampled'}.
          </p>
          <h3>Rank probabilities (SMAA)</h3>
          <SmaaBars sites={result.smaa.sites} names={names} />
          <h3>Stability of the top site</h3>
          {sharedTop !== null && <p className="muted">{sharedTop}</p>}
          <table className="stability" aria-label="Stability intervals">
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col">Weight</th>
                <th scope="col">Top site holds from – to</th>
                <th scope="col">Then first</th>
              </tr>
            </thead>
            <tbody>
              {result.stability.map((s) => (
                <tr key={s.criterionId}>
                  <td>{criterionNames.get(s.criterionId) ?? s.criterionId}</td>
                  <td>{(s.current * 100).toFixed(0)}%</td>
                  <td>
                    {(s.lo * 100).toFixed(0)}% – {(s.hi * 100).toFixed(0)}%
                  </td>
                  <td className="muted">
                    {[s.changesTo.lo, s.changesTo.hi]
                      .filter((x): x is string => x !== null)
                      .map((id) => names.get(id) ?? id)
                      .join(' / ') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>
            Weight sweep:{' '}
            <select
              aria-label="Sweep criterion"
              value={sweepCriterion ?? ''}
              onChange={(e) => setSweepCriterion(e.target.value)}
            >
              {result.sweep.map((s) => (
                <option key={s.criterionId} value={s.criterionId}>
                  {criterionNames.get(s.criterionId) ?? s.criterionId}
                </option>
              ))}
            </select>
          </h3>
          {sweep && (
            <SweepChart
              points={sweep.points}
              siteIds={leaders}
              names={names}
              current={sweep.current}
              criterion={criterionNames.get(sweep.criterionId) ?? sweep.criterionId}
            />
          )}
        </div>
      )}
    </section>
  );
}

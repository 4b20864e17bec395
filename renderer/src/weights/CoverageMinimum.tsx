// The minimum coverage a score must have before the planner trusts it, and what happens to a site
// below it: ranked and marked "thin data", or left out. Scenario settings like the legality question
// (the planner's, kept across presets, undoable), sent with every scoring call (store.ts).
import type { ReactNode } from 'react';
import { percent, thinDataNote } from '../../../shared/score-words';
import type { ThinDataPolicy } from '../../../shared/model/coverage-settings';
import { useApp, useServices } from '../context';
import { thinCount } from '../coverage-words';
import '../ranking/coverage.css';

/** Tenths, 0 meaning no check: finer steps would suggest more precision than the seed's coverage has. */
const STEPS = Array.from({ length: 10 }, (_, i) => i / 10);

const POLICIES: { id: ThinDataPolicy; label: string }[] = [
  { id: 'mark', label: 'Rank them, marked thin data' },
  { id: 'exclude', label: 'Leave them out of the ranking' },
];

export function CoverageMinimum(): ReactNode {
  const { client, store } = useServices();
  const minCoverage = useApp((s) => s.scenario.minCoverage);
  const thinData = useApp((s) => s.scenario.thinData);
  const score = useApp((s) => s.score);
  // A value set elsewhere (a test, a later import of settings) is still offered, not silently shown as another.
  const steps = STEPS.includes(minCoverage) ? STEPS : [...STEPS, minCoverage].sort((a, b) => a - b);
  const change = (patch: { minCoverage?: number; thinData?: ThinDataPolicy }): void =>
    void store.getState().setScenario(client, patch);
  const explain =
    minCoverage <= 0
      ? 'Off: no site is marked, however little of its score rests on known values.'
      : `${thinDataNote(minCoverage)} — ${(score && thinCount(score)) || 'no site is below it'}.`;
  return (
    <div className="scoring-choices coverage-minimum">
      <div className="scoring-choice">
        <label htmlFor="weights-min-coverage">Min. coverage</label>
        <select
          id="weights-min-coverage"
          value={String(minCoverage)}
          aria-describedby="weights-min-coverage-explain"
          onChange={(e) => change({ minCoverage: Number(e.target.value) })}
        >
          {steps.map((x) => (
            <option key={x} value={String(x)}>
              {x === 0 ? 'Off (0 %)' : percent(x)}
            </option>
          ))}
        </select>
        <p id="weights-min-coverage-explain" className="scoring-explain">
          {explain}
        </p>
      </div>
      <div className="scoring-choice">
        <label htmlFor="weights-thin-data">Below it</label>
        <select
          id="weights-thin-data"
          value={thinData}
          disabled={minCoverage <= 0}
          onChange={(e) => change({ thinData: e.target.value as ThinDataPolicy })}
        >
          {POLICIES.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

// How scores are made: the aggregation method (the same store field as the scenario bar's Method
// select) and the normalisation, each with one line saying what the choice does to the ranking.
import type { ReactNode } from 'react';
import { useApp, useServices } from '../context';
import type { Method, Normalisation } from '../store';

export const METHOD_TEXT: Record<Method, { label: string; explain: string }> = {
  wsm: {
    label: 'Weighted sum (WSM)',
    explain: 'Adds the weighted scores: a strong criterion can make up for a weak one.',
  },
  wpm: {
    label: 'Weighted product (WPM)',
    explain: 'Multiplies the scores raised to their weights: one very weak criterion drags a site down.',
  },
  topsis: {
    label: 'TOPSIS',
    explain: 'Ranks by closeness to an ideal site and distance from the worst one, on raw values.',
  },
};

export const NORMALISATION_TEXT: Record<Normalisation, { label: string; explain: string }> = {
  criterion: {
    label: "Each criterion's own",
    explain: 'Min–max for most criteria; chip legality keeps its absolute 0–1 scale.',
  },
  minmax: {
    label: 'Min–max',
    explain: 'The worst candidate scores 0 and the best 1: small differences are stretched to the full range.',
  },
  vector: {
    label: 'Vector',
    explain: "Each value divided by the column's Euclidean length: keeps proportions, compresses the spread.",
  },
  max: {
    label: 'Share of the best',
    explain: 'Each value divided by the best (for costs, the best divided by it): 0 only for a zero value.',
  },
};

export function ScoringChoices(): ReactNode {
  const { client, store } = useServices();
  const method = useApp((s) => s.scenario.method);
  const normalisation = useApp((s) => s.scenario.normalisation);
  const preset = useApp((s) => s.choices.presets.find((p) => p.id === s.scenario.presetId));
  const presetMethod = preset?.method ?? 'wsm';
  const presetNorm = preset?.normalisation ?? 'criterion';
  const effective = method ?? presetMethod;
  const effectiveNorm = normalisation ?? presetNorm;
  return (
    <div className="scoring-choices">
      <div className="scoring-choice">
        <label htmlFor="weights-method">Method</label>
        <select
          id="weights-method"
          value={method ?? ''}
          aria-describedby="weights-method-explain"
          onChange={(e) =>
            void store.getState().setScenario(client, {
              method: e.target.value === '' ? null : (e.target.value as Method),
            })
          }
        >
          <option value="">Preset&apos;s: {METHOD_TEXT[presetMethod].label}</option>
          {(Object.keys(METHOD_TEXT) as Method[]).map((m) => (
            <option key={m} value={m}>
              {METHOD_TEXT[m].label}
            </option>
          ))}
        </select>
        <p id="weights-method-explain" className="scoring-explain">
          {METHOD_TEXT[effective].explain}
        </p>
      </div>
      <div className="scoring-choice">
        <label htmlFor="weights-normalisation">Normalisation</label>
        <select
          id="weights-normalisation"
          value={normalisation ?? ''}
          aria-describedby="weights-normalisation-explain"
          onChange={(e) =>
            void store.getState().setScenario(client, {
              normalisation: e.target.value === '' ? null : (e.target.value as Normalisation),
            })
          }
        >
          <option value="">
            Preset&apos;s: {presetNorm === 'criterion' ? "each criterion's own" : NORMALISATION_TEXT[presetNorm].label}
          </option>
          {(Object.keys(NORMALISATION_TEXT) as Normalisation[]).map((n) => (
            <option key={n} value={n}>
              {NORMALISATION_TEXT[n].label}
            </option>
          ))}
        </select>
        <p id="weights-normalisation-explain" className="scoring-explain">
          {effective === 'topsis'
            ? 'TOPSIS normalises by vector length itself; this choice applies to WSM and WPM.'
            : NORMALISATION_TEXT[effectiveNorm].explain}
        </p>
      </div>
    </div>
  );
}

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
    explain: 'Ranks by closeness to an ideal site and distance from the worst one, on the normalised values.',
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
      <ScoringChoice
        id="weights-method"
        label="Method"
        texts={METHOD_TEXT}
        value={method}
        presetLabel={METHOD_TEXT[presetMethod].label}
        explain={METHOD_TEXT[effective].explain}
        onChange={(m) => void store.getState().setScenario(client, { method: m })}
      />
      <ScoringChoice
        id="weights-normalisation"
        label="Normalisation"
        texts={NORMALISATION_TEXT}
        value={normalisation}
        presetLabel={presetNorm === 'criterion' ? "each criterion's own" : NORMALISATION_TEXT[presetNorm].label}
        // Every method honours it (TOPSIS builds its ideal points on the normalised values).
        explain={NORMALISATION_TEXT[effectiveNorm].explain}
        onChange={(n) => void store.getState().setScenario(client, { normalisation: n })}
      />
    </div>
  );
}

/** One labelled select whose empty option means "the preset's choice", with its explanation below. */
function ScoringChoice<K extends string>({
  id,
  label,
  texts,
  value,
  presetLabel,
  explain,
  onChange,
}: {
  id: string;
  label: string;
  texts: Record<K, { label: string }>;
  value: K | null;
  presetLabel: string;
  explain: string;
  onChange(value: K | null): void;
}): ReactNode {
  return (
    <div className="scoring-choice">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        aria-describedby={`${id}-explain`}
        onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as K))}
      >
        <option value="">Preset&apos;s: {presetLabel}</option>
        {(Object.keys(texts) as K[]).map((k) => (
          <option key={k} value={k}>
            {texts[k].label}
          </option>
        ))}
      </select>
      <p id={`${id}-explain`} className="scoring-explain">
        {explain}
      </p>
    </div>
  );
}

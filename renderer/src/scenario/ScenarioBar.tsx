// Which question the ranking answers: preset, company profile and how its legality is asked
// (workload, best lawful chip or every chip, which policy tiers count), method and the as-of date.
import type { ReactNode } from 'react';
import { useApp, useServices } from '../context';
import type { Method } from '../store';
import { LegalityQuestion } from './LegalityQuestion';
import { TimelineSlider } from './TimelineSlider';
import { WhatIfSelect } from '../whatif/WhatIfSelect';

const METHODS: { id: Method | ''; label: string }[] = [
  { id: '', label: "Preset's method" },
  { id: 'wsm', label: 'Weighted sum' },
  { id: 'wpm', label: 'Weighted product' },
  { id: 'topsis', label: 'TOPSIS' },
];

export function ScenarioBar(): ReactNode {
  const { client, store } = useServices();
  const choices = useApp((s) => s.choices);
  const scenario = useApp((s) => s.scenario);
  const presetMethod = choices.presets.find((p) => p.id === scenario.presetId)?.method;
  const change = (patch: Parameters<ReturnType<typeof store.getState>['setScenario']>[1]): void =>
    void store.getState().setScenario(client, patch);
  return (
    <div className="scenario-bar" role="toolbar" aria-label="Scenario">
      <label>
        Preset
        <select value={scenario.presetId ?? ''} onChange={(e) => change({ presetId: e.target.value })}>
          {choices.presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Company profile
        <select
          className="profile-select"
          title={choices.profiles.find((p) => p.id === scenario.profileId)?.name}
          value={scenario.profileId ?? ''}
          onChange={(e) => change({ profileId: e.target.value })}
        >
          {choices.profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <LegalityQuestion
        choice={{
          workload: scenario.workload,
          legalityMode: scenario.legalityMode,
          confidenceFloor: scenario.confidenceFloor,
        }}
        onChange={change}
      />
      <label>
        Method
        <select
          value={scenario.method ?? ''}
          onChange={(e) => change({ method: e.target.value === '' ? null : (e.target.value as Method) })}
        >
          {METHODS.map((m) => (
            <option key={m.id} value={m.id}>
              {/* Say which method "the preset's" is, so both Method selects read alike. */}
              {m.id === '' && presetMethod ? `Preset's: ${METHODS.find((x) => x.id === presetMethod)?.label}` : m.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        As of
        <input
          type="date"
          value={scenario.asOf}
          min="2022-01-01"
          onChange={(e) => {
            if (e.target.value) change({ asOf: e.target.value });
          }}
        />
      </label>
      <TimelineSlider />
      <WhatIfSelect />
    </div>
  );
}

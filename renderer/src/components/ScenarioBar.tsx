// Which question the ranking answers: preset, company profile and how its legality is asked
// (workload, best lawful chip or every chip, which policy tiers count), method and the as-of date.
import type { ReactNode } from 'react';
import type { LegalityMode } from '../../../shared/model/legality-settings';
import type { PolicyConfidence } from '../../../shared/model/policy';
import { Workload, WORKLOAD_NAMES } from '../../../shared/model/profiles';
import { useApp, useServices } from '../context';
import type { Method } from '../store';
import { TimelineSlider } from './TimelineSlider';
import { WhatIfSelect } from './WhatIfSelect';

const MODES: { id: LegalityMode; label: string }[] = [
  { id: 'best', label: 'best lawful chip' },
  { id: 'all', label: 'every chip must clear' },
];

const FLOORS: { id: PolicyConfidence; label: string }[] = [
  { id: 'reported', label: 'rules, announcements and press reports' },
  { id: 'announced', label: 'rules and announcements' },
  { id: 'rule', label: 'rules only' },
];

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
        <select value={scenario.profileId ?? ''} onChange={(e) => change({ profileId: e.target.value })}>
          {choices.profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Workload
        <select value={scenario.workload} onChange={(e) => change({ workload: e.target.value as Workload })}>
          {Workload.options.map((w) => (
            <option key={w} value={w}>
              {WORKLOAD_NAMES[w]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Legality
        <select
          value={scenario.legalityMode}
          onChange={(e) => change({ legalityMode: e.target.value as LegalityMode })}
        >
          {MODES.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Count
        <select
          value={scenario.confidenceFloor}
          onChange={(e) => change({ confidenceFloor: e.target.value as PolicyConfidence })}
        >
          {FLOORS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
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

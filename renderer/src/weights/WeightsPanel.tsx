// The planner's scenario on top of a preset: method and normalisation, a weight slider per criterion
// grouped by category (always totalling 100 %; moving one rescales the unlocked others) or AHP
// pairwise judgments, and the hard constraints. Every change re-scores at once (the store drops stale
// replies) and is one undoable edit.
import { useMemo, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CriterionGroup } from '../../../shared/model/criteria';
import { useApp, useServices } from '../context';
import { uninformativeFlag } from '../coverage-words';
import { NO_OVERRIDES, type Choices, type Scenario } from '../store';
import { normalise, rescale, toPercent } from './weights-math';
import { AhpPairwise } from './AhpPairwise';
import { ConstraintsEditor } from './ConstraintsEditor';
import { CoverageMinimum } from './CoverageMinimum';
import { PresetActions, type ScenarioToSave } from '../presets/SavePresetDialog';
import { ScoringChoices } from './ScoringChoices';
import './weights-panel.css';

const GROUPS: { id: CriterionGroup; label: string }[] = [
  { id: 'chip_legality', label: 'Chip legality' },
  { id: 'connectivity', label: 'Connectivity' },
  { id: 'cost', label: 'Cost' },
  { id: 'regulatory_stability', label: 'Regulatory stability' },
  { id: 'power', label: 'Power' },
  { id: 'water_climate', label: 'Water and climate' },
  { id: 'carbon', label: 'Carbon' },
];

/** Every criterion's weight (0 when absent), summing to 1: the overrides if any, else the preset's. */
function currentWeights(choices: Choices, scenario: Pick<Scenario, 'presetId' | 'weights'>): Record<string, number> {
  const preset = choices.presets.find((p) => p.id === scenario.presetId);
  const source = scenario.weights ?? preset?.weights ?? {};
  return normalise(Object.fromEntries(choices.criteria.map((c) => [c.id, source[c.id] ?? 0])));
}

export function WeightsPanel(): ReactNode {
  const { client, store } = useServices();
  const choices = useApp((s) => s.choices);
  const { criteria, presets } = choices;
  const presetId = useApp((s) => s.scenario.presetId);
  const overrides = useApp((s) => s.scenario.weights);
  const scenarioEdit = useApp(
    useShallow((s) => ({
      method: s.scenario.method,
      normalisation: s.scenario.normalisation,
      constraints: s.scenario.constraints,
    })),
  );
  const changed = useApp((s) =>
    (Object.keys(NO_OVERRIDES) as (keyof typeof NO_OVERRIDES)[]).some((k) => s.scenario[k] !== null),
  );
  // Weighted criteria that tell no site apart (no value, one value, all equal): flagged at their slider.
  const uninformative = useApp((s) => s.score?.uninformative);
  const canUndo = useApp((s) => s.history.past.length > 0);
  const canRedo = useApp((s) => s.history.future.length > 0);
  const [locked, setLocked] = useState<ReadonlySet<string>>(() => new Set());
  const [showAll, setShowAll] = useState(false);
  const [pairwise, setPairwise] = useState(false);

  const preset = presets.find((p) => p.id === presetId);
  const weights = useMemo(
    () => currentWeights(choices, { presetId, weights: overrides }),
    [choices, overrides, presetId],
  );
  // The preset's criteria (those it weights at 0 too, so they can be added) and any the planner added.
  const visible = useMemo(
    () =>
      [...criteria]
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .filter((c) => showAll || Object.hasOwn(preset?.weights ?? {}, c.id) || (weights[c.id] ?? 0) > 0),
    [criteria, preset, showAll, weights],
  );
  const ordered = useMemo(() => [...criteria].sort((a, b) => a.sortOrder - b.sortOrder), [criteria]);
  const percent = useMemo(
    () =>
      toPercent(
        weights,
        visible.map((c) => c.id),
      ),
    [weights, visible],
  );

  // What "Save as preset" and "Update preset" store: the scenario exactly as it is scored now.
  const toSave = useMemo((): ScenarioToSave | null => {
    if (!preset) return null;
    return {
      method: scenarioEdit.method ?? preset.method,
      weights: Object.fromEntries(Object.entries(weights).filter(([, w]) => w > 0)),
      constraints: scenarioEdit.constraints ?? preset.constraints,
      normalisation: scenarioEdit.normalisation ?? preset.normalisation,
    };
  }, [preset, scenarioEdit, weights]);

  if (!preset || !toSave) return null;

  const move = (id: string, value: number): void => {
    // Read the store, not this render's props: several input events can arrive between renders.
    const { choices: latest, scenario } = store.getState();
    const all = currentWeights(latest, scenario);
    const shown = Object.fromEntries(visible.map((c) => [c.id, all[c.id] ?? 0]));
    // Hidden criteria weigh 0 (a weighted criterion is always shown) and stay 0.
    const next = { ...all, ...rescale(shown, id, value, locked) };
    void store.getState().setScenario(client, { weights: next }, { gesture: true });
  };
  const toggleLock = (id: string): void =>
    setLocked((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <section
      className="weights-panel"
      aria-label="Weights"
      // About to drag: fetch the matrix for live re-ranking now, not on the first step (live-score.ts).
      onFocus={() => store.getState().prepareLiveScoring(client)}
      onPointerDown={() => store.getState().prepareLiveScoring(client)}
    >
      <div className="weights-panel-head">
        <h2>Weights</h2>
        <button
          type="button"
          disabled={!canUndo}
          title="Undo the last edit (Ctrl+Z)"
          onClick={() => void store.getState().undo(client)}
        >
          Undo
        </button>
        <button
          type="button"
          disabled={!canRedo}
          title="Redo (Ctrl+Shift+Z)"
          onClick={() => void store.getState().redo(client)}
        >
          Redo
        </button>
        <button
          type="button"
          disabled={!changed}
          title="Drop every change made to the preset: weights, constraints, method and normalisation"
          onClick={() => void store.getState().setScenario(client, { ...NO_OVERRIDES })}
        >
          Reset to preset
        </button>
      </div>
      <ScoringChoices />
      <CoverageMinimum />
      <div className="weights-subhead">
        <h3>Criteria</h3>
        {!pairwise && (
          <label className="weights-show-all">
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
            Show all criteria
          </label>
        )}
        <button
          type="button"
          className="weights-mode"
          aria-pressed={pairwise}
          title="Set the weights by comparing criteria two at a time (Analytic Hierarchy Process)"
          onClick={() => setPairwise((on) => !on)}
        >
          Pairwise (AHP)
        </button>
      </div>
      {pairwise && (
        <AhpPairwise
          criteria={ordered}
          weights={weights}
          onApply={(next) => void store.getState().setScenario(client, { weights: next })}
        />
      )}
      {!pairwise &&
        GROUPS.map((group) => {
          const members = visible.filter((c) => c.group === group.id);
          if (members.length === 0) return null;
          return (
            <fieldset key={group.id} className="weights-group">
              <legend>{group.label}</legend>
              {members.map((c) => {
                const inputId = `weight-${c.id}`;
                const isLocked = locked.has(c.id);
                const pct = percent[c.id] ?? 0;
                const flag = uninformative?.find((u) => u.criterionId === c.id);
                return (
                  <div key={c.id} className={isLocked ? 'weight-row locked' : 'weight-row'}>
                    <label htmlFor={inputId} title={c.description}>
                      {c.name}
                    </label>
                    <input
                      id={inputId}
                      type="range"
                      min={0}
                      max={100}
                      step={1}
                      value={pct}
                      aria-valuetext={`${pct} %`}
                      aria-describedby={flag ? `${inputId}-flag` : undefined}
                      disabled={isLocked}
                      onChange={(e) => move(c.id, Number(e.target.value) / 100)}
                    />
                    <output htmlFor={inputId} className="weight-value">
                      {pct} %
                    </output>
                    <button
                      type="button"
                      className="weight-lock"
                      aria-pressed={isLocked}
                      aria-label={`Lock ${c.name}`}
                      title={isLocked ? 'Locked: this weight keeps its value' : 'Lock this weight'}
                      onClick={() => toggleLock(c.id)}
                    >
                      {/* Text, not an emoji: the desktop fonts on Linux often have no lock glyph. */}
                      {isLocked ? 'Locked' : 'Lock'}
                    </button>
                    {flag && (
                      <p id={`${inputId}-flag`} className="weight-flag">
                        <span aria-hidden="true">⚠ </span>
                        {uninformativeFlag(flag)}
                      </p>
                    )}
                  </div>
                );
              })}
            </fieldset>
          );
        })}
      <ConstraintsEditor />
      <PresetActions preset={preset} scenario={toSave} />
    </section>
  );
}

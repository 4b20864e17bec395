// The scenario's name in the title bar and the top bar: preset, profile and date, "(edited)" when
// the preset has changes on top, and the app's name alone before a preset is chosen.
import { describe, expect, it } from 'vitest';
import { scenarioTitle, windowTitle } from '../../renderer/src/scenario/scenario-title';
import {
  DEFAULT_COVERAGE_CHOICE,
  DEFAULT_LEGALITY_CHOICE,
  NO_OVERRIDES,
  type Scenario,
} from '../../renderer/src/store';

const choices = {
  presets: [{ id: 'sovereignty-low-risk', name: 'Sovereignty / low risk' }],
  profiles: [{ id: 'cn-private-lab-rented', name: 'China-HQ private AI lab (renting offshore capacity)' }],
} as unknown as Parameters<typeof scenarioTitle>[1];

const scenario: Scenario = {
  presetId: 'sovereignty-low-risk',
  profileId: 'cn-private-lab-rented',
  asOf: '2025-12-01',
  ...NO_OVERRIDES,
  ...DEFAULT_LEGALITY_CHOICE,
  ...DEFAULT_COVERAGE_CHOICE,
};

describe('the scenario title', () => {
  it('names the preset, the profile and the date', () => {
    const title = scenarioTitle(scenario, choices);
    expect(title).toBe('Sovereignty / low risk · China-HQ private AI lab (renting offshore capacity) · 2025-12-01');
    expect(windowTitle(title)).toBe(`Landfall — ${title}`);
  });

  const edits: [string, Partial<Scenario>][] = [
    ['method', { method: 'topsis' }],
    ['normalisation', { normalisation: 'minmax' }],
    ['weights', { weights: { chip_legality: 1 } }],
    ['constraints', { constraints: [] }],
  ];
  it.each(edits)('marks the preset edited when the %s is changed on top', (_what, change) => {
    expect(scenarioTitle({ ...scenario, ...change }, choices)).toMatch(/^Sovereignty \/ low risk \(edited\) · /);
  });

  it('leaves out a profile it does not know, and is null without a known preset', () => {
    expect(scenarioTitle({ ...scenario, profileId: null }, choices)).toBe('Sovereignty / low risk · 2025-12-01');
    expect(scenarioTitle({ ...scenario, presetId: null }, choices)).toBeNull();
    expect(scenarioTitle({ ...scenario, presetId: 'gone' }, choices)).toBeNull();
    expect(windowTitle(null)).toBe('Landfall');
  });
});

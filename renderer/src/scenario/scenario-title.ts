// The scenario's name as the title bar and the top bar say it: preset, company profile and as-of
// date, so a planner can tell at a glance (and in the window list) which question is on screen.
// "(edited)" marks a preset changed on top (method, normalisation, weights or constraints).
import type { Choices, Scenario } from '../store';

export const APP_NAME = 'Landfall';

/** "Cost first (edited) · US hyperscaler · 2025-12-01"; null before a preset is chosen. */
export function scenarioTitle(scenario: Scenario, choices: Pick<Choices, 'presets' | 'profiles'>): string | null {
  const preset = choices.presets.find((p) => p.id === scenario.presetId);
  if (!preset) return null;
  const edited =
    scenario.method !== null ||
    scenario.normalisation !== null ||
    scenario.weights !== null ||
    scenario.constraints !== null;
  const profile = choices.profiles.find((p) => p.id === scenario.profileId);
  return [`${preset.name}${edited ? ' (edited)' : ''}`, profile?.name, scenario.asOf]
    .filter((part) => part !== undefined)
    .join(' · ');
}

/** The window's title: "Landfall — <scenario>", or the app's name alone before there is one. */
export function windowTitle(title: string | null): string {
  return title === null ? APP_NAME : `${APP_NAME} — ${title}`;
}

// The scenario remembered on this machine (a remembered record, record.ts): the question the planner
// was defending when the app closed — preset, company profile, as-of date, method, normalisation,
// the weights and constraints changed on top of the preset, the legality question and the coverage
// settings. Each field is validated with the scenario's one schema (shared/model/scenario.ts), the
// one every scoring call takes its input from, so the record can only hold what score.run accepts.
//
// The as-of date is remembered as the fixed date it was, not as "today": a planner who defended the
// ranking as of 2025-12-01 reopens the same ranking, and the title and status bar say which date it
// is. A remembered preset or profile that is no longer in the store falls back to the default, and
// the status bar says so (restoreScenario).
import { z } from 'zod';
import { Scenario as ScenarioSchema } from '../../../shared/model/scenario';
import type { Choices, Scenario } from '../scenario/scenario-state';
import { rememberedRecord, type RememberedRecord } from './record';

export const SCENARIO_KEY = 'landfall.scenario';
/** Bump when a field changes meaning; older records are then ignored rather than misread. */
export const SCENARIO_VERSION = 1;

/** Every field of Scenario, each falling back to its default alone, except the preset (see below). */
function scenarioSchema(defaults: () => Scenario): z.ZodType<Scenario> {
  const field =
    <K extends keyof Scenario>(key: K) =>
    (): Scenario[K] =>
      defaults()[key];
  const { shape } = ScenarioSchema;
  // z.object, not the calls' strict object: a field this version no longer has is dropped, not refused.
  return z.object({
    // Not caught: the weights and constraints were set for this preset, so a damaged preset id
    // leaves the whole record unusable rather than applying them to another preset.
    presetId: shape.presetId.nullable(),
    profileId: shape.profileId.unwrap().nullable().catch(field('profileId')),
    asOf: shape.asOf.unwrap().catch(field('asOf')),
    method: shape.method.unwrap().nullable().catch(field('method')),
    normalisation: shape.normalisation.unwrap().nullable().catch(field('normalisation')),
    weights: shape.weights.unwrap().nullable().catch(field('weights')),
    constraints: shape.constraints.unwrap().nullable().catch(field('constraints')),
    workload: shape.workload.unwrap().catch(field('workload')),
    legalityMode: shape.legalityMode.unwrap().catch(field('legalityMode')),
    confidenceFloor: shape.confidenceFloor.unwrap().catch(field('confidenceFloor')),
    minCoverage: shape.minCoverage.unwrap().catch(field('minCoverage')),
    thinData: shape.thinData.unwrap().catch(field('thinData')),
  });
}

/** The remembered scenario, with `defaults` (the store's starting scenario) for what is missing or damaged. */
export function scenarioRecord(defaults: () => Scenario): RememberedRecord<Scenario> {
  return rememberedRecord({ key: SCENARIO_KEY, version: SCENARIO_VERSION, schema: scenarioSchema(defaults), defaults });
}

/** The preset the workspace falls back to, and the profile; null when the store has none. */
export interface ScenarioFallback {
  presetId: string | null;
  profileId: string | null;
}

/**
 * The scenario made to fit the data in the store: a preset or profile it no longer holds is
 * replaced by the fallback (a preset's weights and constraints go with it), and weights or
 * constraints on criteria that no longer exist are dropped. `notice` says what was replaced, for
 * the status bar; null when the scenario fits as it is (or was not set yet).
 */
export function restoreScenario(
  scenario: Scenario,
  choices: Pick<Choices, 'presets' | 'profiles' | 'criteria'>,
  fallback: ScenarioFallback,
): { scenario: Scenario; notice: string | null } {
  const notices: string[] = [];
  const presetKnown = choices.presets.some((p) => p.id === scenario.presetId);
  const profileKnown = choices.profiles.some((p) => p.id === scenario.profileId);
  const nameOf = (list: readonly { id: string; name: string }[], id: string | null): string =>
    list.find((x) => x.id === id)?.name ?? 'none';
  if (!presetKnown && scenario.presetId !== null)
    notices.push(
      `The preset “${scenario.presetId}” is no longer in the store: showing ${nameOf(choices.presets, fallback.presetId)}.`,
    );
  if (!profileKnown && scenario.profileId !== null)
    notices.push(
      `The company profile “${scenario.profileId}” is no longer in the store: showing ${nameOf(choices.profiles, fallback.profileId)}.`,
    );
  const criteria = new Set(choices.criteria.map((c) => c.id));
  const weights = presetKnown ? knownWeights(scenario.weights, criteria) : null;
  const constraints = presetKnown ? knownConstraints(scenario.constraints, criteria) : null;
  if (presetKnown && (weights !== scenario.weights || constraints !== scenario.constraints))
    notices.push('Weights or constraints on criteria no longer in the store were dropped.');
  return {
    scenario: {
      ...scenario,
      presetId: presetKnown ? scenario.presetId : fallback.presetId,
      profileId: profileKnown ? scenario.profileId : fallback.profileId,
      weights,
      constraints,
    },
    notice: notices.length === 0 ? null : notices.join(' '),
  };
}

/** The weights on known criteria; the same object when all are known, null when none is. */
function knownWeights(weights: Scenario['weights'], criteria: ReadonlySet<string>): Scenario['weights'] {
  if (weights === null) return null;
  const kept = Object.entries(weights).filter(([id]) => criteria.has(id));
  if (kept.length === Object.keys(weights).length) return weights;
  return kept.length === 0 ? null : Object.fromEntries(kept);
}

/** The constraints on known criteria (chip legality always is); the same array when all are known. */
function knownConstraints(
  constraints: Scenario['constraints'],
  criteria: ReadonlySet<string>,
): Scenario['constraints'] {
  if (constraints === null) return null;
  const kept = constraints.filter((c) => c.kind === 'chips_legal' || criteria.has(c.criterionId));
  return kept.length === constraints.length ? constraints : kept;
}

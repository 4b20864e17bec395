// The scenario: everything a planner's question is made of — the weight preset and what they
// changed on top of it (method, weights, normalisation, hard constraints), the company profile and
// the legality question (workload, best-or-all, confidence floor), the date, the what-if scenario
// whose hypothetical events join the timeline, and the coverage settings. Described once, here:
// every call that scores, explains or reports takes its input from this schema (pick, omit,
// extend), so a field is added, validated and worded in one place.
import { z } from 'zod';
import { IsoDate, RowId } from '../schemas';
import { CoverageOverrides } from './coverage-settings';
import { CriterionId } from './criteria';
import { LegalityOverrides } from './legality-settings';
import { HardConstraint, PresetMethod, PresetNormalisation } from './presets';

/** How scores combine: the same choice a preset stores, so an override and a saved preset agree. */
export const ScoreMethod = PresetMethod;
export type ScoreMethod = z.infer<typeof ScoreMethod>;

/**
 * How every criterion's raw values become scores in [0, 1]: 'criterion' keeps each criterion's own
 * normalisation (criteria.list); the others apply one rule to all of them. Every method honours it
 * (TOPSIS builds its ideal points on the normalised values).
 */
export const ScoreNormalisation = PresetNormalisation;
export type ScoreNormalisation = z.infer<typeof ScoreNormalisation>;

/** Facts older than this (days before asOf) are flagged stale unless the scenario says otherwise. */
export const DEFAULT_STALE_AFTER_DAYS = 365;

/**
 * A strict object's message for fields it does not know: every door (IPC, HTTP, CLI) shows it, so
 * a misspelt field is named rather than silently ignored.
 */
const unknownFields = (issue: { code?: string; keys?: readonly string[] }): string | undefined =>
  issue.code === 'unrecognized_keys'
    ? `${issue.keys?.length === 1 ? 'this field is' : 'these fields are'} not part of the call: ${(issue.keys ?? []).join(', ')}`
    : undefined;

const required = (what: string): z.ZodString =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is required: ${what}` : 'must be an id (text)') })
    .min(1, `must not be empty: ${what}`)
    .max(200, 'must be at most 200 characters');

export const Scenario = z.strictObject(
  {
    presetId: required('the weight preset to score with (presets.list shows them)'),
    /** The company whose chip legality counts; absent: legality is not scored (it depends on who deploys). */
    profileId: RowId.optional(),
    /** YYYY-MM-DD; today (UTC, todayIso) when absent. */
    asOf: IsoDate.optional(),
    /** A what-if scenario (scenarios.list): its hypothetical policy events join the real timeline. */
    scenarioId: RowId.optional(),
    /** Overrides the preset's method. */
    method: ScoreMethod.optional(),
    /** Criterion id → weight, merged over the preset's weights (for the UI's sliders). */
    weights: z
      .record(CriterionId, z.number('a weight must be a number').finite().nonnegative('a weight must not be below 0'), {
        error: (issue) =>
          issue.code === 'invalid_key'
            ? 'a weight is keyed by a criterion id (snake_case, e.g. "power_price")'
            : undefined,
      })
      .optional(),
    /** Overrides the preset's normalisation (and each criterion's, unless 'criterion'). */
    normalisation: ScoreNormalisation.optional(),
    /** Replaces the preset's hard constraints (an empty list: none). */
    constraints: z.array(HardConstraint).max(100, 'at most 100 constraints').optional(),
    ...LegalityOverrides,
    ...CoverageOverrides,
    /** Facts older than this many days before asOf are flagged stale (default DEFAULT_STALE_AFTER_DAYS). */
    staleAfterDays: z
      .number('must be a number of days')
      .int('must be a whole number of days')
      .nonnegative('must not be below 0')
      .max(36_500, 'must be at most 36 500 days')
      .optional(),
  },
  { error: unknownFields },
);
export type Scenario = z.infer<typeof Scenario>;

/**
 * The part of a scenario that decides chip legality, with the profile required: the legality calls
 * take it (legality.site, legality.check, legality.batch).
 */
export const LegalityQuestion = Scenario.pick({
  asOf: true,
  scenarioId: true,
  workload: true,
  legalityMode: true,
  confidenceFloor: true,
}).extend({ profileId: required('the company profile whose chip legality is asked (profiles.list shows them)') });
export type LegalityQuestion = z.infer<typeof LegalityQuestion>;

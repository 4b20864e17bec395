// The scoring calls: rank every site for a scenario (shared/model/scenario.ts), or hand out the
// decision matrix the renderer scores itself while weights are dragged.
import { z } from 'zod';
import { LegalityStatusSchema } from './legality-calls';
import { ThinDataPolicy } from '../model/coverage-settings';
import { PolicyConfidence } from '../model/policy';
import { HardConstraint } from '../model/presets';
import { Scenario, ScoreMethod, ScoreNormalisation } from '../model/scenario';
import { IsoDate } from '../schemas';
import type { CallSpecs } from './call-spec';

/** What a gap scores (shared/engine/types.ts, MissingPolicy); stored criteria use 'zero'. */
const MissingPolicy = z.enum(['zero', 'exclude', 'worst', 'neutral', 'reweight']);

export const TopStatementSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('alone'), siteId: z.string(), thin: z.boolean() }),
  z.object({ kind: z.literal('tie'), siteIds: z.array(z.string()) }),
  z.object({
    kind: z.literal('lead'),
    siteId: z.string(),
    runnerUpId: z.string(),
    restsOnKnown: z.boolean(),
    filledCriteria: z.array(z.string()),
    thin: z.boolean(),
  }),
]);

export const SiteScore = z.object({
  siteId: z.string(),
  name: z.string(),
  /** 1 = best; equal scores share a rank (shown "3="); null when excluded. */
  rank: z.number().int().positive().nullable(),
  /** Another ranked site has the same score, so the same rank. */
  tied: z.boolean(),
  /** Share (0..1) of the weight resting on known values for this site; the rest was filled in. */
  coverage: z.number().min(0).max(1),
  /** Share of the weight resting on known values older than staleAfterDays (part of coverage). */
  staleCoverage: z.number().min(0).max(1),
  /** Coverage below the scenario's minimum: "thin data". */
  thin: z.boolean(),
  /** In [0, 1]; null when excluded. */
  score: z.number().min(0).max(1).nullable(),
  excluded: z.boolean(),
  reasons: z.array(z.string()),
  /** WSM only: criterion id → share of the score (they sum to it); null otherwise or when excluded. */
  contributions: z.record(z.string(), z.number()).nullable(),
  missingHandled: z.array(z.object({ criterionId: z.string(), policy: MissingPolicy })),
  /** Criteria whose fact is older than staleAfterDays before asOf. */
  stale: z.array(z.string()),
});
export type SiteScore = z.infer<typeof SiteScore>;

/** NaN (a missing value) cannot cross JSON: missing cells are null on the wire. */
const Cells = z.array(z.number().nullable());

/**
 * The decision matrix of a scenario over every criterion (not only the weighted ones), with what
 * score.run needs besides the weights: the renderer scores it itself while a weight slider is
 * dragged (renderer/src/live-score.ts, shared/score-live.ts) and score.run confirms at the end.
 */
export const ScoreMatrix = z.object({
  asOf: IsoDate,
  preset: z.object({ id: z.string(), name: z.string() }),
  profile: z.object({ id: z.string(), name: z.string() }).nullable(),
  method: ScoreMethod,
  normalisation: ScoreNormalisation,
  constraints: z.array(HardConstraint),
  /** The preset's own weights; the caller's are merged over them, as score.run does. */
  presetWeights: z.record(z.string(), z.number()),
  staleAfterDays: z.number(),
  siteIds: z.array(z.string()),
  names: z.array(z.string()),
  criteria: z.array(
    z.object({
      id: z.string(),
      direction: z.enum(['benefit', 'cost']),
      /** 'absolute': the values are already on a fixed 0..1 scale (chip legality). */
      normalisation: z.enum(['minmax', 'vector', 'max', 'absolute']),
      missing: MissingPolicy,
      label: z.string(),
      unit: z.string(),
    }),
  ),
  /** Row-major, sites × criteria (cell i, j at i * criteria.length + j). */
  values: Cells,
  low: Cells,
  high: Cells,
  asOfDay: Cells,
  /** The scenario's coverage settings, applied by live scoring as score.run applies them. */
  minCoverage: z.number().min(0).max(1),
  thinData: ThinDataPolicy,
  /** Per site id: the profile's answer for the scenario's workload, and its tier; absent without a profile. */
  legality: z
    .record(
      z.string(),
      z.object({
        status: LegalityStatusSchema,
        reason: z.string(),
        confidence: PolicyConfidence.nullable().optional(),
      }),
    )
    .optional(),
});
export type ScoreMatrix = z.infer<typeof ScoreMatrix>;

export const scoreCalls = {
  'score.matrix': {
    summary:
      "The decision matrix score.run would score for a scenario, over every criterion, with the preset's weights and the rest of the scoring options: for scoring in the renderer while weights are dragged.",
    // Everything of the scenario but the weights, which the renderer applies itself.
    input: Scenario.omit({ weights: true }),
    output: ScoreMatrix,
  },
  'score.run': {
    summary:
      'Scores and ranks every site for a preset (optionally a company profile, date, and overrides of the method, weights, normalisation and hard constraints); excluded sites are listed with their reasons.',
    input: Scenario,
    output: z.object({
      asOf: IsoDate,
      preset: z.object({ id: z.string(), name: z.string() }),
      profile: z.object({ id: z.string(), name: z.string() }).nullable(),
      method: ScoreMethod,
      normalisation: ScoreNormalisation,
      /** The hard constraints applied (the preset's, or the caller's override). */
      constraints: z.array(HardConstraint),
      /** The weights used, normalised to sum 1 over the scored criteria. */
      weights: z.record(z.string(), z.number()),
      minCoverage: z.number().min(0).max(1),
      thinData: ThinDataPolicy,
      results: z.array(SiteScore),
      /** What a summary may say about the top (shared/engine/lead.ts): a tie, a lead on known facts, or not. */
      top: TopStatementSchema,
      /** Weighted criteria not scored by the rule they asked for (a ratio scale that cannot read them), and why. */
      scaleNotes: z.array(z.object({ criterionId: z.string(), note: z.string() })),
      /** Weighted criteria with no spread among the candidates' known values: they gave nobody anything. */
      uninformative: z.array(
        z.object({
          criterionId: z.string(),
          known: z.number().int().nonnegative(),
          reason: z.enum(['no known value', 'one known value', 'all known values equal']),
        }),
      ),
    }),
  },
} satisfies CallSpecs;

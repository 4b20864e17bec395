// Sensitivity and uncertainty calls: one-at-a-time weight sweeps, stability intervals of the top
// site, and SMAA rank probabilities for a preset (and company profile) on a date.
import { z } from 'zod';
import { Preset } from '../model/presets';
import { CompanyProfile } from '../model/profiles';
import { IsoDate } from '../schemas';
import type { CallSpecs } from './call-spec';
import { ScenarioOverrides } from './score-calls';

const RowId = z.string().min(1).max(200);
const Score = z.number().nullable();

export const SweepPointOut = z.object({
  weight: z.number(),
  scores: z.record(z.string(), Score),
  ranks: z.record(z.string(), z.number().int().nullable()),
});

export const StabilityOut = z.object({
  criterionId: z.string(),
  current: z.number(),
  lo: z.number(),
  hi: z.number(),
  topSite: z.string().nullable(),
  /** Other sites sharing the top score at the current weights (a tie: topSite is only the first by id). */
  tiedWith: z.array(z.string()),
  changesTo: z.object({ lo: z.string().nullable(), hi: z.string().nullable() }),
});

export const SmaaOut = z.object({
  samples: z.number().int(),
  requested: z.number().int(),
  seed: z.number().int(),
  mode: z.enum(['around_preset', 'uniform']),
  concentration: z.number(),
  valuesSampled: z.boolean(),
  fastPath: z.boolean(),
  sites: z.array(
    z.object({
      siteId: z.string(),
      rankProbabilities: z.array(z.number()),
      /** Includes 1/g of every sample in which the site tied for first with g − 1 others. */
      pFirst: z.number(),
      /** Share of samples in which the site shared first place (a tie is split, never broken). */
      pTiedFirst: z.number(),
      meanRank: z.number().nullable(),
      pExcluded: z.number(),
    }),
  ),
});

export const SensitivityRunOutput = z.object({
  runId: z.string(),
  asOf: IsoDate,
  preset: Preset,
  profile: CompanyProfile.nullable(),
  method: z.enum(['wsm', 'wpm', 'topsis']),
  samples: z.number().int(),
  seed: z.number().int(),
  sweep: z.array(z.object({ criterionId: z.string(), current: z.number(), points: z.array(SweepPointOut) })),
  stability: z.array(StabilityOut),
  smaa: SmaaOut,
  cancelled: z.boolean(),
});
export type SensitivityRunOutput = z.infer<typeof SensitivityRunOutput>;

export const sensitivityCalls = {
  'sensitivity.run': {
    summary:
      'Weight sweeps, stability intervals of the top site and SMAA rank probabilities for a preset (and profile) on a date; progress goes out as sensitivity.progress events and sensitivity.cancel stops it.',
    input: z.strictObject({
      presetId: RowId,
      /** A what-if scenario (scenarios.list): its hypothetical policy events join the real timeline. */
      scenarioId: RowId.optional(),
      profileId: RowId.optional(),
      asOf: IsoDate.optional(),
      /** The same overrides as score.run, so the analysis is of the scenario on screen. */
      ...ScenarioOverrides,
      samples: z.number().int().min(1).max(100_000).default(2000),
      seed: z.number().int().min(0).max(4_294_967_295).default(1),
      mode: z.enum(['around_preset', 'uniform']).default('around_preset'),
      /** Dirichlet concentration for 'around_preset' (larger = closer to the preset). */
      concentration: z.number().positive().max(1e9).optional(),
      sweepSteps: z.number().int().min(2).max(201).default(21),
      /** Names the run for progress events and sensitivity.cancel; one is made up when absent. */
      runId: z.string().min(1).max(100).optional(),
    }),
    output: SensitivityRunOutput,
  },
  'sensitivity.cancel': {
    summary: 'Stops a running sensitivity.run between chunks; it then answers with cancelled: true.',
    input: z.strictObject({ runId: z.string().min(1).max(100) }),
    output: z.object({ runId: z.string(), found: z.boolean() }),
  },
} as const satisfies CallSpecs;

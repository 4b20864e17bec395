// Sensitivity and uncertainty calls: one-at-a-time weight sweeps, stability intervals of the top
// site, and SMAA rank probabilities for a preset (and company profile) on a date.
import { z } from 'zod';
import { Preset } from '../model/presets';
import { CompanyProfile } from '../model/profiles';
import { Scenario, ScoreMethod } from '../model/scenario';
import { IsoDate } from '../schemas';
import type { CallSpecs } from './call-spec';

const Score = z.number().nullable();

/** Names a long run for its progress events and its cancel (sensitivity.run, report.*). */
export const RunId = z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

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
  method: ScoreMethod,
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
    // The scenario on screen, as score.run takes it, so the analysis is of exactly what is ranked.
    input: Scenario.extend({
      samples: z.number().int().min(1).max(100_000).default(2000),
      seed: z.number().int().min(0).max(4_294_967_295).default(1),
      mode: z.enum(['around_preset', 'uniform']).default('around_preset'),
      /** Dirichlet concentration for 'around_preset' (larger = closer to the preset). */
      concentration: z.number().positive().max(1e9).optional(),
      sweepSteps: z.number().int().min(2).max(201).default(21),
      /** Names the run for progress events and sensitivity.cancel; one is made up when absent. */
      runId: RunId.optional(),
    }),
    output: SensitivityRunOutput,
  },
  'sensitivity.cancel': {
    summary: 'Stops a running sensitivity.run between chunks; it then answers with cancelled: true.',
    input: z.strictObject({ runId: RunId }),
    output: z.object({ runId: z.string(), found: z.boolean() }),
  },
} as const satisfies CallSpecs;

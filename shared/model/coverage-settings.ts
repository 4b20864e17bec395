// How much of a score must rest on known values before the planner trusts it. One description,
// spread into every call that scores (score.run, score.matrix, sensitivity, reports).
import { z } from 'zod';

export const ThinDataPolicy = z.enum(['mark', 'exclude'], { error: 'must be mark or exclude' });
export type ThinDataPolicy = z.infer<typeof ThinDataPolicy>;

export interface CoverageSettings {
  /** Coverage (0..1, share of the weight on known values) below which a site is "thin data". */
  minCoverage: number;
  /** 'mark': ranked but marked thin; 'exclude': left out of the ranking with the reason. */
  thinData: ThinDataPolicy;
}

/**
 * Half the weight: below it, more of the score is the missing-value policy's filling than the
 * site's own facts, and the planner should see that before trusting the rank. Marked, not
 * excluded, by default: an unknown is a reason to look, not proof that a site is bad.
 */
export const DEFAULT_COVERAGE_SETTINGS: CoverageSettings = { minCoverage: 0.5, thinData: 'mark' };

/** The optional scenario fields, as every scoring call's input spreads them. */
export const CoverageOverrides = {
  /** Minimum coverage, 0..1 (default 0.5; 0 turns the check off). */
  minCoverage: z
    .number('must be a number')
    .min(0, 'must be between 0 and 1')
    .max(1, 'must be between 0 and 1')
    .optional(),
  /** What happens below it: 'mark' (default) or 'exclude'. */
  thinData: ThinDataPolicy.optional(),
};

export function coverageSettings(input: {
  minCoverage?: number | undefined;
  thinData?: ThinDataPolicy | undefined;
}): CoverageSettings {
  return {
    minCoverage: input.minCoverage ?? DEFAULT_COVERAGE_SETTINGS.minCoverage,
    thinData: input.thinData ?? DEFAULT_COVERAGE_SETTINGS.thinData,
  };
}

// Weight presets: how much each criterion counts, how scores combine, and what excludes a site.
import { z } from 'zod';
import { CriterionId } from './criteria';

export const HardConstraint = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chips_legal'), allow: z.array(z.enum(['allowed', 'conditional', 'licence_required'])) }),
  z.object({
    kind: z.literal('min'),
    criterionId: CriterionId,
    value: z.number().finite(),
  }),
  z.object({
    kind: z.literal('max'),
    criterionId: CriterionId,
    value: z.number().finite(),
  }),
]);
export type HardConstraint = z.infer<typeof HardConstraint>;

/**
 * How a preset turns each criterion's raw values into scores in [0, 1]: 'criterion' keeps each
 * criterion's own normalisation (criteria.list); the others apply one rule to every criterion.
 */
export const PresetNormalisation = z.enum(['criterion', 'minmax', 'vector', 'max']);
export type PresetNormalisation = z.infer<typeof PresetNormalisation>;

export const Preset = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  description: z.string(),
  builtin: z.boolean(),
  method: z.enum(['wsm', 'wpm', 'topsis']),
  weights: z.record(CriterionId, z.number().nonnegative()).refine((w) => Object.values(w).some((v) => v > 0), {
    message: 'at least one weight must be above zero',
  }),
  constraints: z.array(HardConstraint),
  // Files written before presets had a normalisation (schema v2) still read: they meant 'criterion'.
  normalisation: PresetNormalisation.default('criterion'),
  updatedAt: z.iso.datetime(),
});
export type Preset = z.infer<typeof Preset>;

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
  updatedAt: z.iso.datetime(),
});
export type Preset = z.infer<typeof Preset>;

// What a site is scored on. Derived criteria (chip legality, policy churn) are computed from the
// policy timeline by the engine and never stored as metric values.
import { z } from 'zod';
import { Text } from '../text';

export const CriterionGroup = z.enum([
  'chip_legality',
  'connectivity',
  'cost',
  'regulatory_stability',
  'power',
  'water_climate',
  'carbon',
]);
export type CriterionGroup = z.infer<typeof CriterionGroup>;

export const Direction = z.enum(['benefit', 'cost']);
export const Normalisation = z.enum(['minmax', 'vector', 'max', 'target']);

export const CriterionId = Text.regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case, e.g. "power_price"');

export const Criterion = z.object({
  id: CriterionId,
  name: Text.min(1),
  group: CriterionGroup,
  unit: Text,
  direction: Direction,
  normalisation: Normalisation,
  derived: z.boolean(),
  description: Text.min(1),
  sortOrder: z.number().int(),
});
export type Criterion = z.infer<typeof Criterion>;

// Metric values: one sourced, dated fact per (criterion, market or site). Missing is explicit.
import { z } from 'zod';
import { IsoDate } from '../schemas';
import { CriterionId } from './criteria';

export const FactSource = z.object({ title: z.string().min(1), url: z.url(), asOf: IsoDate });

const base = {
  criterionId: CriterionId,
  marketId: z.string().nullable(),
  siteId: z.string().nullable(),
  note: z.string(),
};

export const MetricValue = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('known'),
    ...base,
    value: z.number().finite(),
    low: z.number().finite().nullable(),
    high: z.number().finite().nullable(),
    source: FactSource,
  }),
  z.object({
    kind: z.literal('missing'),
    ...base,
    /** Why there is no number, e.g. "no source found" — shown to the planner instead of a zero. */
    missingReason: z.string().min(1),
    source: FactSource.nullable(),
  }),
]);
export type MetricValue = z.infer<typeof MetricValue>;

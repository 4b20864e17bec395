// Accelerators and their export-control class.
import { z } from 'zod';
import { IsoDate } from '../schemas';

export const ChipClass = z.enum(['frontier_controlled', 'china_export_variant', 'domestic_chinese', 'other']);
export type ChipClass = z.infer<typeof ChipClass>;

export const Chip = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  vendor: z.string().min(1),
  name: z.string().min(1),
  chipClass: ChipClass,
  /** Total processing performance as BIS defines it, where known or derived from specs. */
  tpp: z.number().nonnegative().nullable(),
  memoryGb: z.number().nonnegative().nullable(),
  notes: z.string(),
  source: z.object({ title: z.string().min(1), url: z.url(), asOf: IsoDate }),
});
export type Chip = z.infer<typeof Chip>;

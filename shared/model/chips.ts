// Accelerators and their export-control class.
import { z } from 'zod';
import { HttpUrl, Text } from '../text';
import { IsoDate } from '../schemas';

export const ChipClass = z.enum(['frontier_controlled', 'china_export_variant', 'domestic_chinese', 'other']);
export type ChipClass = z.infer<typeof ChipClass>;

export const Chip = z.object({
  id: Text.regex(/^[a-z0-9][a-z0-9-]*$/),
  vendor: Text.min(1),
  name: Text.min(1),
  chipClass: ChipClass,
  /** Total processing performance as BIS defines it, where known or derived from specs. */
  tpp: z.number().nonnegative().nullable(),
  memoryGb: z.number().nonnegative().nullable(),
  notes: Text,
  source: z.object({ title: Text.min(1), url: HttpUrl, asOf: IsoDate }),
});
export type Chip = z.infer<typeof Chip>;

// The change log: every user edit and import, with the row before and after.
import { z } from 'zod';

export const ChangeEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actor: z.string(),
  batchId: z.string(),
  action: z.enum(['insert', 'update', 'delete']),
  table: z.string(),
  rowId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  summary: z.string(),
});
export type ChangeEntry = z.infer<typeof ChangeEntry>;

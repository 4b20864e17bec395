// Company profiles: who is deploying, which decides which rules reach them.
import { z } from 'zod';

export const CompanyProfile = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  description: z.string(),
  hqCountry: z.string().regex(/^[A-Z]{2}$/),
  stateFunded: z.boolean(),
  entityListed: z.boolean(),
  deployment: z.enum(['owned', 'rented']),
  /** A named company some rules single out (e.g. "ByteDance"), or null. */
  namedCompany: z.string().nullable(),
  neededChips: z.array(z.string()).min(1),
  builtin: z.boolean(),
});
export type CompanyProfile = z.infer<typeof CompanyProfile>;

// The shape of one contract entry; each domain's calls live in their own file beside this one.
import type { z } from 'zod';

export interface CallSpec {
  summary: string;
  input: z.ZodType;
  output: z.ZodType;
}

export type CallSpecs = Record<string, CallSpec>;

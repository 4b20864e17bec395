// The shape of one contract entry; each domain's calls live in their own file beside this one.
import type { z } from 'zod';

export interface CallSpec {
  summary: string;
  input: z.ZodType;
  output: z.ZodType;
  /**
   * The call changes the store (or its backups). While the store is read-only (a damaged or newer
   * file), the backend refuses such calls with 'read_only' before running them. Leaving it off is
   * not a hole: a read-only store is also opened read-only by SQLite, and a write that gets that
   * far is turned into the same 'read_only' error.
   */
  writes?: boolean;
}

export type CallSpecs = Record<string, CallSpec>;

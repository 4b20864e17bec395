// Chip legality calls: the status of a chip (or of every chip a profile needs) for a company at a
// site on a date, derived from the policy timeline, with the events that produced it.
import { z } from 'zod';
import { PolicyEffect } from '../model/policy';
import { IsoDate } from '../schemas';
import type { CallSpecs } from './call-spec';

const RowId = z.string().min(1).max(200);
const Status = z.enum(['allowed', 'conditional', 'licence_required', 'prohibited']);

/** One event of the chain, flattened for the wire; `role` says why it is there. */
export const LegalityChainEvent = z.object({
  id: z.string(),
  title: z.string(),
  issuer: z.string(),
  effectiveDate: IsoDate,
  endDate: IsoDate.nullable(),
  effect: PolicyEffect,
  condition: z.string(),
  confidence: z.enum(['official', 'reported']),
  source: z.object({ title: z.string(), url: z.string() }),
  role: z.enum(['decides', 'applies', 'superseded', 'context']),
  /** The event comes from the what-if scenario asked for, not from the real timeline. */
  hypothetical: z.boolean().optional(),
});
export type LegalityChainEvent = z.infer<typeof LegalityChainEvent>;

const Verdict = {
  status: Status,
  reason: z.string(),
  /** 1 allowed, 0.75 conditional, 0.25 licence_required, 0 prohibited (see legalityScore). */
  score: z.number().min(0).max(1),
};

export const ChipLegalityResult = z.object({ chipId: z.string(), ...Verdict, events: z.array(LegalityChainEvent) });
export type ChipLegalityResult = z.infer<typeof ChipLegalityResult>;

export const legalityCalls = {
  'legality.check': {
    summary:
      'The legality of one chip for a company profile at a site on a date (default today), with the policy events behind it.',
    input: z.strictObject({
      profileId: RowId,
      chipId: RowId,
      siteId: RowId,
      asOf: IsoDate.optional(),
      /** A what-if scenario (scenarios.list): its hypothetical policy events join the real timeline. */
      scenarioId: RowId.optional(),
    }),
    output: ChipLegalityResult.extend({ asOf: IsoDate, profileId: z.string(), siteId: z.string() }),
  },
  'legality.site': {
    summary:
      'The legality of every chip a profile needs at a site on a date (default today), and the combined status: the worst chip wins.',
    input: z.strictObject({
      profileId: RowId,
      siteId: RowId,
      asOf: IsoDate.optional(),
      /** A what-if scenario (scenarios.list): its hypothetical policy events join the real timeline. */
      scenarioId: RowId.optional(),
    }),
    output: z.object({
      ...Verdict,
      worstChipId: z.string(),
      chips: z.array(ChipLegalityResult),
      asOf: IsoDate,
      profileId: z.string(),
      siteId: z.string(),
    }),
  },
} as const satisfies CallSpecs;

// Chip legality calls: the status of a chip (or a profile's best lawful option for a workload) for a
// company at a site on a date, derived from the policy timeline, with each regime's verdict and the
// events that produced it; for one site, or for every site (or the sites of some countries) at once.
// Each takes the scenario's legality question (shared/model/scenario.ts, LegalityQuestion).
import { z } from 'zod';
import { LEGALITY_ORDER, type LegalityStatus } from '../engine/types';
import { LegalityMode } from '../model/legality-settings';
import { PolicyConfidence, PolicyEffect, PolicyLink, PolicyRegime } from '../model/policy';
import { Workload } from '../model/profiles';
import { LegalityQuestion } from '../model/scenario';
import { IsoCountry, IsoDate, RowId } from '../schemas';
import type { CallSpecs } from './call-spec';

export const LegalityStatusSchema = z.enum(LEGALITY_ORDER as [LegalityStatus, ...LegalityStatus[]]);

/** One event of the chain, flattened for the wire; `role` says why it is there and `why` in words. */
export const LegalityChainEvent = z.object({
  id: z.string(),
  title: z.string(),
  issuer: z.string(),
  regime: PolicyRegime,
  publishedDate: IsoDate.nullable(),
  effectiveDate: IsoDate,
  complianceDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  effect: PolicyEffect,
  condition: z.string(),
  confidence: PolicyConfidence,
  links: z.array(PolicyLink),
  source: z.object({ title: z.string(), url: z.string() }),
  role: z.enum(['decides', 'applies', 'superseded', 'not-counted', 'out-of-scope', 'context']),
  why: z.string(),
  /** The event comes from the what-if scenario asked for, not from the real timeline. */
  hypothetical: z.boolean().optional(),
});
export type LegalityChainEvent = z.infer<typeof LegalityChainEvent>;

/** One regime's verdict for a chip: null status = in the chain, but nothing of it binds. */
export const RegimeVerdict = z.object({
  regime: PolicyRegime,
  name: z.string(),
  status: LegalityStatusSchema.nullable(),
  deciders: z.array(z.string()),
});
export type RegimeVerdict = z.infer<typeof RegimeVerdict>;

const Verdict = {
  status: LegalityStatusSchema,
  reason: z.string(),
  /** Absolute: 1 allowed, 0.75 conditional, 0.4 licence_required, 0.1 licence_denial, 0 prohibited. */
  score: z.number().min(0).max(1),
  /** The least firm tier among the deciding events (null: nothing restricts). */
  confidence: PolicyConfidence.nullable(),
};

export const ChipLegalityResult = z.object({
  chipId: z.string(),
  ...Verdict,
  regimes: z.array(RegimeVerdict),
  events: z.array(LegalityChainEvent),
});
export type ChipLegalityResult = z.infer<typeof ChipLegalityResult>;

/** A site's answer for one workload: the best lawful option (or the worst chip in 'all' mode). */
export const SiteLegalityResult = z.object({
  ...Verdict,
  workload: Workload,
  mode: LegalityMode,
  /** The chip behind the answer. */
  chipId: z.string(),
  /** 'best' mode: the strongest chip of the workload when it fares worse than chipId (named beside it). */
  strongestChipId: z.string().nullable(),
  /** TPP of the strongest chip the company may run without a licence; 0 none; null unknown. */
  lawfulTpp: z.number().nullable(),
  lawfulChipId: z.string().nullable(),
  chips: z.array(ChipLegalityResult),
});
export type SiteLegalityResult = z.infer<typeof SiteLegalityResult>;

/** One site of legality.batch: the workload answer, or the one chip's verdict when a chip was asked. */
export const BatchSiteLegality = z.object({
  siteId: z.string(),
  country: z.string(),
  /** Without `chipId`: the profile's answer for the workload, as legality.site gives it; otherwise null. */
  workload: SiteLegalityResult.nullable(),
  /** With `chipId`: that chip's verdict at the site, as legality.check gives it; otherwise null. */
  chip: ChipLegalityResult.nullable(),
});
export type BatchSiteLegality = z.infer<typeof BatchSiteLegality>;

/** At most this many sites or countries named in one legality.batch (the whole store needs neither). */
export const MAX_BATCH_NAMES = 10_000;

export const legalityCalls = {
  'legality.check': {
    summary:
      'The legality of one chip for a company profile at a site on a date (default today), with each regime’s verdict and the policy events behind it.',
    // One chip: the workload and the best-or-all mode do not apply, only the tiers counted.
    input: LegalityQuestion.pick({ profileId: true, asOf: true, scenarioId: true, confidenceFloor: true }).extend({
      chipId: RowId,
      siteId: RowId,
    }),
    output: ChipLegalityResult.extend({ asOf: IsoDate, profileId: z.string(), siteId: z.string() }),
  },
  'legality.site': {
    summary:
      'The legality of a profile’s workload at a site on a date (default today): the best lawful option with its chip named (or, in "all" mode, the most restricted chip), and every chip’s own verdict.',
    input: LegalityQuestion.extend({ siteId: RowId }),
    output: SiteLegalityResult.extend({ asOf: IsoDate, profileId: z.string(), siteId: z.string() }),
  },
  'legality.batch': {
    summary:
      'legality.site (or, given a chipId, legality.check) for many sites in one call: every site, or those named, or those in the countries named, in store order. The store and the timeline are read once.',
    input: LegalityQuestion.extend({
      /** Only these sites (unknown ids are refused); absent: every site. */
      siteIds: z.array(RowId).max(MAX_BATCH_NAMES).optional(),
      /** Only the sites in these countries; absent: every country. */
      countries: z.array(IsoCountry).max(MAX_BATCH_NAMES).optional(),
      /** Judge this one chip at each site instead of the workload (e.g. to shade a map by one chip). */
      chipId: RowId.optional(),
    }),
    output: z.object({
      asOf: IsoDate,
      profileId: z.string(),
      chipId: z.string().nullable(),
      sites: z.array(BatchSiteLegality),
    }),
  },
} as const satisfies CallSpecs;

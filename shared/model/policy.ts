// Policy events: who decided what, from when to when, for which chips, places and companies.
// Chip legality is derived from these by the engine; it is never typed in.
import { z } from 'zod';
import { IsoDate } from '../schemas';
import { ChipClass } from './chips';
import { JurisdictionCode } from './jurisdictions';

export const PolicyEffect = z.enum([
  'prohibited',
  'licence_presumption_denial',
  'licence_required',
  'allowed_with_conditions',
  'allowed',
  'informational',
]);
export type PolicyEffect = z.infer<typeof PolicyEffect>;

/** Empty lists mean "any". A null flag means the event does not depend on it. */
export const PolicyScope = z.object({
  chips: z.array(z.string()),
  chipClasses: z.array(ChipClass),
  /** Where the hardware is, e.g. CN, HK, MY; subdivisions match their country too. */
  destinations: z.array(JurisdictionCode),
  /** Companies headquartered in these countries (e.g. US rules reaching CN-HQ firms anywhere). */
  companyHq: z.array(z.string().regex(/^[A-Z]{2}$/)),
  stateFunded: z.boolean().nullable(),
  entityListed: z.boolean().nullable(),
  /** Named companies (e.g. "ByteDance"); empty means any company. */
  companies: z.array(z.string()),
  deployment: z.enum(['owned', 'rented', 'any']),
});
export type PolicyScope = z.infer<typeof PolicyScope>;

export const PolicyEvent = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    issuer: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/),
    title: z.string().min(1),
    effectiveDate: IsoDate,
    endDate: IsoDate.nullable(),
    effect: PolicyEffect,
    condition: z.string(),
    scope: PolicyScope,
    confidence: z.enum(['official', 'reported']),
    source: z.object({ title: z.string().min(1), url: z.url() }),
    note: z.string(),
  })
  .refine((e) => e.endDate === null || e.endDate >= e.effectiveDate, {
    message: 'end date must not be before the effective date',
    path: ['endDate'],
  });
export type PolicyEvent = z.infer<typeof PolicyEvent>;

// Read calls over the store's reference data: jurisdictions, markets, criteria, metric values,
// chips, the policy timeline, company profiles and weight presets.
import { z } from 'zod';
import { Chip } from '../model/chips';
import { Criterion, CriterionId } from '../model/criteria';
import { MetricValue } from '../model/facts';
import { Jurisdiction, JurisdictionCode, Market } from '../model/jurisdictions';
import { PolicyEvent } from '../model/policy';
import { Preset } from '../model/presets';
import { CompanyProfile } from '../model/profiles';
import { IsoCountry, IsoDate } from '../schemas';
import type { CallSpecs } from './call-spec';

const RowId = z.string().min(1).max(200);

export const dataCalls = {
  'jurisdictions.list': {
    summary: 'Countries and their subdivisions (ISO 3166 codes).',
    input: z.strictObject({}),
    output: z.array(Jurisdiction),
  },
  'markets.list': {
    summary: 'Markets, optionally of one country.',
    input: z.strictObject({ country: IsoCountry.optional() }),
    output: z.array(Market),
  },
  'criteria.list': {
    summary: 'The criteria sites are scored on, in display order.',
    input: z.strictObject({}),
    output: z.array(Criterion),
  },
  'metrics.list': {
    summary:
      "Sourced metric values. With siteId: the values that apply to that site (its own, else its market's); with marketId: that market's values.",
    input: z
      .strictObject({ siteId: RowId.optional(), marketId: RowId.optional(), criterionId: CriterionId.optional() })
      .refine((i) => i.siteId === undefined || i.marketId === undefined, {
        message: 'give siteId or marketId, not both: a site already implies its market',
        path: ['marketId'],
      }),
    output: z.array(MetricValue),
  },
  'chips.list': {
    summary: 'The accelerator catalogue with export-control class and TPP.',
    input: z.strictObject({}),
    output: z.array(Chip),
  },
  'policies.list': {
    summary:
      'Policy events, optionally only those in force on a date and of one issuer (a country includes its subdivisions).',
    input: z.strictObject({ asOf: IsoDate.optional(), issuer: JurisdictionCode.optional() }),
    output: z.array(PolicyEvent),
  },
  'profiles.list': {
    summary: 'Company profiles, built-in first.',
    input: z.strictObject({}),
    output: z.array(CompanyProfile),
  },
  'presets.list': {
    summary: 'Weight presets, built-in first.',
    input: z.strictObject({}),
    output: z.array(Preset),
  },
} as const satisfies CallSpecs;

import { z } from 'zod';
import { BBox, IsoCountry, Site, SiteStatus } from '../schemas';
import type { CallSpecs } from './call-spec';

export const siteCalls = {
  'sites.list': {
    summary: 'Candidate sites, optionally filtered by country, status or a map bounding box.',
    input: z.strictObject({
      country: IsoCountry.optional(),
      status: SiteStatus.optional(),
      bbox: BBox.optional(),
    }),
    output: z.array(Site),
  },
} as const satisfies CallSpecs;

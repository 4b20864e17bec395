// Countries and their subdivisions (ISO 3166-1 alpha-2 and ISO 3166-2 codes), and markets in them.
import { z } from 'zod';
import { Text } from '../text';

export const JurisdictionCode = z
  .string()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must be an ISO 3166 code such as "MY" or "MY-01"');

export const Jurisdiction = z.object({
  code: JurisdictionCode,
  name: Text.min(1),
  parentCode: JurisdictionCode.nullable(),
  level: z.enum(['country', 'subdivision']),
});
export type Jurisdiction = z.infer<typeof Jurisdiction>;

export const Market = z.object({
  id: Text.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
  name: Text.min(1),
  country: Text.regex(/^[A-Z]{2}$/),
  jurisdictionCode: JurisdictionCode.nullable(),
  description: Text,
});
export type Market = z.infer<typeof Market>;

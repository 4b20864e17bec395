// Shapes of the things the backend hands out. JSON-safe only: ISO date strings, plain arrays.
import { z } from 'zod';
import { HttpUrl, Text } from './text';

export const IsoCountry = z.string().regex(/^[A-Z]{2}$/, 'must be a 2-letter upper-case ISO 3166-1 code, e.g. "SG"');

export const IsoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

/** A row's id as a call names it (a site, preset, profile, chip, what-if scenario …). */
export const RowId = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be an id (text)') })
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

/**
 * Today in UTC as YYYY-MM-DD: the default `asOf` of every call and screen. UTC, so a planner's "now"
 * is the same day on every transport and in every time zone a report is re-run from.
 */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export const LatLon = z.object({
  lat: z.number().min(-90, 'latitude must be ≥ -90').max(90, 'latitude must be ≤ 90'),
  lon: z.number().min(-180, 'longitude must be ≥ -180').max(180, 'longitude must be ≤ 180'),
});

/** West, south, east, north in degrees; west > east crosses the antimeridian. */
export const BBox = z
  .object({
    west: z.number().min(-180).max(180),
    south: z.number().min(-90).max(90),
    east: z.number().min(-180).max(180),
    north: z.number().min(-90).max(90),
  })
  .refine((b) => b.south <= b.north, { message: 'south must not be above north', path: ['south'] });
export type BBox = z.infer<typeof BBox>;

export const SiteStatus = z.enum(['operational', 'under_construction', 'planned', 'land_bank']);
export type SiteStatus = z.infer<typeof SiteStatus>;

export const Source = z.object({ title: Text.min(1), url: HttpUrl, asOf: IsoDate });
export type Source = z.infer<typeof Source>;

export const Site = z.object({
  id: Text,
  name: Text,
  marketId: Text,
  marketName: Text,
  country: IsoCountry,
  lat: LatLon.shape.lat,
  lon: LatLon.shape.lon,
  capacityMw: z.object({ existing: z.number().nullable(), planned: z.number().nullable() }),
  status: SiteStatus,
  /** The company that runs or builds the campus; null for a district or park several share. */
  operator: Text.trim().min(1).nullable(),
  notes: Text,
  source: Source,
});
export type Site = z.infer<typeof Site>;

export const StoreProblemKind = z.enum([
  'not_a_database',
  'truncated',
  'damaged',
  'newer_version',
  'unreadable',
  // Not damage: another Landfall process has the store open for writing, so this one only reads.
  'another_writer',
  'vanished',
  'permissions',
]);
export type StoreProblemKind = z.infer<typeof StoreProblemKind>;

export const AppInfo = z.object({
  name: z.literal('Landfall'),
  version: z.string(),
  schemaVersion: z.number().int(),
  dbPath: z.string(),
  siteCount: z.number().int(),
  readOnly: z.boolean(),
  readOnlyReason: z.string().nullable(),
  /** What kind of problem keeps the store read-only (null when writable): the app offers what fits it. */
  readOnlyCause: StoreProblemKind.nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

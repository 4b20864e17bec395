// A data refresh: when a new seed version brings corrected or new facts, a store that already has
// data does not take them silently. Opening it works out what the new seed would change in the facts
// nobody edited (new, changed, retired) and keeps that as pending; the planner previews it, accepts
// all or some (one change-log batch, undoable like an import) or dismisses it. Facts the planner
// edited or deleted are never in it: they are listed apart as kept.
import { z } from 'zod';
import { FactMethod } from '../model/facts';
import type { CallSpecs } from './call-spec';

/** A fact's key as history.list and the data grid name it: "criterion@market:ID" or "criterion@site:ID". */
export const RefreshKey = z.string().min(1).max(300);

/** One side of a change: a fact as stored (or as the seed has it). */
export const RefreshFact = z.object({
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  missingReason: z.string().nullable(),
  source: z
    .object({ title: z.string().nullable(), url: z.string().nullable(), asOf: z.string().nullable() })
    .nullable(),
  note: z.string(),
  method: FactMethod.nullable(),
  derivation: z.string().nullable(),
  reference: z.string().nullable(),
});
export type RefreshFact = z.infer<typeof RefreshFact>;

const Where = {
  key: RefreshKey,
  criterionId: z.string(),
  criterionName: z.string(),
  marketId: z.string().nullable(),
  siteId: z.string().nullable(),
  /** The market's or site's name. */
  placeName: z.string(),
  /** The stored columns that differ (every data column for a new or retired fact). */
  fields: z.array(z.string()),
};

export const RefreshChange = z.object({
  ...Where,
  /** new: the store has no such fact; changed: the seed restates it; retired: the seed no longer has it. */
  kind: z.enum(['new', 'changed', 'retired']),
  /** The fact as stored now; null for a new one. */
  before: RefreshFact.nullable(),
  /** The fact as the seed has it; null for a retired one. */
  after: RefreshFact.nullable(),
});
export type RefreshChange = z.infer<typeof RefreshChange>;

export const RefreshKept = z.object({
  ...Where,
  /** edited: the planner changed (or added) it; deleted: the planner removed it. */
  kind: z.enum(['edited', 'deleted']),
  /** The planner's fact as stored (null when they deleted it). */
  yours: RefreshFact.nullable(),
  /** What the seed would have made it (null when the seed no longer has it). */
  seed: RefreshFact.nullable(),
});
export type RefreshKept = z.infer<typeof RefreshKept>;

export const RefreshCounts = z.object({
  new: z.number().int(),
  changed: z.number().int(),
  retired: z.number().int(),
  kept: z.number().int(),
});

export const DataRefreshPreview = z.object({
  /** The seed version this store has been opened with (null for a store never seeded). */
  storeSeedVersion: z.number().int().nullable(),
  /** The seed version the pending refresh comes from; null when nothing is pending. */
  seedVersion: z.number().int().nullable(),
  /** The seed version the store had before it (what the old facts came from). */
  fromVersion: z.number().int().nullable(),
  /** When the refresh was worked out (the store was opened with the new seed). */
  computedAt: z.iso.datetime().nullable(),
  counts: RefreshCounts,
  /** What accepting would do, by key; only facts nobody has edited. */
  changes: z.array(RefreshChange),
  /** Facts the seed would change that the planner edited or deleted: never touched by a refresh. */
  kept: z.array(RefreshKept),
});
export type DataRefreshPreview = z.infer<typeof DataRefreshPreview>;

export const DataRefreshAccepted = z.object({
  seedVersion: z.number().int().nullable(),
  /** Facts written (in one change-log batch). */
  applied: z.number().int(),
  counts: RefreshCounts.omit({ kept: true }),
  /** The change-log batch (history.undo takes it back); null when nothing was written. */
  batchId: z.string().nullable(),
  label: z.string().nullable(),
  /** Asked for but no longer applicable (edited, deleted or changed since the refresh was worked out). */
  skipped: z.array(z.object({ key: RefreshKey, reason: z.string() })),
  /** Changes still pending (those not asked for). */
  remaining: z.number().int(),
});
export type DataRefreshAccepted = z.infer<typeof DataRefreshAccepted>;

export const DataRefreshDismissed = z.object({
  seedVersion: z.number().int().nullable(),
  /** Pending changes dropped without applying. */
  dismissed: z.number().int(),
});
export type DataRefreshDismissed = z.infer<typeof DataRefreshDismissed>;

export const dataRefreshCalls = {
  'data.refreshPreview': {
    summary:
      'The pending data refresh: what a newer seed version would change in the facts nobody edited (new, changed and retired facts with criterion, place, old and new value, source and method) and, apart, the facts kept because the planner edited or deleted them. Nothing pending on a fresh store or once accepted or dismissed.',
    input: z.strictObject({}),
    output: DataRefreshPreview,
  },
  'data.refreshAccept': {
    summary:
      'Applies the pending data refresh (all of it, or only the given keys) in one transaction, logged as one change-log batch labelled "Data refresh vN" that history.undo takes back; a fact edited since is skipped, never overwritten. Unknown keys refuse the call and nothing is written.',
    input: z.strictObject({ keys: z.array(RefreshKey).min(1).max(100_000).optional() }),
    output: DataRefreshAccepted,
    writes: true,
  },
  'data.refreshDismiss': {
    summary: 'Drops the pending data refresh without applying any of it (the facts stay as they are).',
    input: z.strictObject({}),
    output: DataRefreshDismissed,
    writes: true,
  },
} as const satisfies CallSpecs;

// Editing calls for the data workbench: apply a batch of row changes to one table (all or nothing,
// one undoable change-log batch), check a batch without writing, walk the history (undo, redo,
// revert one batch) and report the data's health. Values arrive loosely typed on purpose — a grid
// sends what was typed or pasted — and are checked field by field by the backend, so every bad cell
// comes back as an issue naming its change, row and field instead of one opaque input error.
import { z } from 'zod';
import { Text } from '../text';
import { CriterionId } from '../model/criteria';
import { FactMethod } from '../model/facts';
import { IsoDate } from '../schemas';
import type { CallSpecs } from './call-spec';
import { dataRefreshCalls } from './data-refresh-calls';

const RowId = z.string().min(1).max(200);

/**
 * The tables the workbench edits. 'profiles' is accepted as a short name for 'company_profiles'
 * (the table's name in the store, in change_log and in history.list).
 */
export const EditTable = z.enum([
  'sites',
  'metric_values',
  'chips',
  'policy_events',
  'company_profiles',
  'profiles',
  'criteria',
]);
export type EditTable = z.infer<typeof EditTable>;

/** A fact is named by its criterion and its owner: one market (inherited by its sites) or one site. */
export const FactKey = z.strictObject({
  criterionId: CriterionId,
  siteId: RowId.nullish(),
  marketId: RowId.nullish(),
});
export type FactKey = z.infer<typeof FactKey>;

/**
 * Which row a change is about: the id (a string) for every table; for metric values a FactKey, or
 * its label "criterion@site:ID" / "criterion@market:ID" as history.list shows it. An insert may leave
 * it out and give the id (or criterionId and siteId/marketId) in `values`.
 */
export const RowKey = z.union([RowId, FactKey]);
export type RowKey = z.infer<typeof RowKey>;

export const EditChange = z.strictObject({
  op: z.enum(['insert', 'update', 'delete']),
  key: RowKey.optional(),
  /**
   * The record's fields as shared/model names them (camelCase, nested `source`, `capacityMw`,
   * `scope`). Insert: the whole record (defaults fill notes, description and the like). Update: only
   * the fields that change; nested objects merge. Numbers may come as numeric text (a pasted cell);
   * lists of ids may come as comma-separated text. A metric value may carry `unit`, which must be
   * its criterion's.
   */
  values: z.record(z.string(), z.unknown()).optional(),
});
export type EditChange = z.infer<typeof EditChange>;

export const EditInput = z.strictObject({
  table: EditTable,
  changes: z.array(EditChange).min(1).max(100_000),
  /** Who made the change, for the history (default "user"). */
  actor: Text.min(1).max(100).optional(),
  /** What the change was, for the history (default: made up from the changes). */
  label: Text.max(500).optional(),
});
export type EditInput = z.infer<typeof EditInput>;

/** One problem with one change: which change (index in `changes`), which row, which field, what to do. */
export const EditIssue = z.object({
  index: z.number().int(),
  /** The row's label ("sg-tuas", "power_price_usc_kwh@site:sg-tuas"); null when it could not be told. */
  key: z.string().nullable(),
  /** The field as in `values` ("lat", "source.url", "scope.destinations.0"); null for the whole row. */
  field: z.string().nullable(),
  /** The same place as a path, as in every other error: "changes.3.values.lat". */
  path: z.string(),
  message: z.string(),
});
export type EditIssue = z.infer<typeof EditIssue>;

const Counts = {
  inserts: z.number().int(),
  updates: z.number().int(),
  deletes: z.number().int(),
  /** Updates that change nothing (the values already stored). */
  unchanged: z.number().int(),
};

export const EditValidation = z.object({ ok: z.boolean(), issues: z.array(EditIssue), ...Counts });
export type EditValidation = z.infer<typeof EditValidation>;

export const EditResult = z.object({
  /** The change-log batch (for history.revert); null when every change was already in place. */
  batchId: z.string().nullable(),
  /** Rows written, including a deleted site's or criterion's facts that went with it. */
  applied: z.number().int(),
  ...Counts,
  /** Tables written, as data.changed announced them. */
  tables: z.array(z.string()),
});
export type EditResult = z.infer<typeof EditResult>;

export const BatchKind = z.enum(['edit', 'import', 'undo', 'redo', 'revert']);
export const BatchState = z.enum(['done', 'undone', 'discarded']);

export const HistoryChange = z.object({
  /** change_log id. */
  id: z.number().int(),
  table: z.string(),
  rowId: z.string(),
  /** How people name the row: an id, or "criterion@site:ID" for a fact. */
  label: z.string(),
  action: z.enum(['insert', 'update', 'delete']),
  /** The row as stored (SQL column names) before and after; null for an insert's before or a delete's after. */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  /** The columns that differ (every column for an insert or delete). */
  fields: z.array(z.string()),
});
export type HistoryChange = z.infer<typeof HistoryChange>;

export const HistoryEntry = z.object({
  batchId: z.string(),
  at: z.iso.datetime(),
  actor: z.string(),
  kind: BatchKind,
  /** done: in effect; undone: on the redo stack; discarded: undone, then a later edit cleared the redo stack. */
  state: BatchState,
  label: z.string(),
  /** For an undo, redo or revert: the batch it acted on. */
  targetBatchId: z.string().nullable(),
  tables: z.array(z.string()),
  changeCount: z.number().int(),
  changes: z.array(HistoryChange),
  /** More changes than `changesPerBatch`: ask again with `batchId` for them all. */
  truncated: z.boolean(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

const BatchRef = z.object({ batchId: z.string(), label: z.string() });

export const HistoryList = z.object({
  entries: z.array(HistoryEntry),
  /** What history.undo / history.redo would act on now; null when there is nothing. */
  nextUndo: BatchRef.nullable(),
  nextRedo: BatchRef.nullable(),
});
export type HistoryList = z.infer<typeof HistoryList>;

export const HistoryOutcome = z.object({
  /** false when there was nothing to undo or redo (nothing was written). */
  done: z.boolean(),
  message: z.string(),
  /** The new change-log batch holding the writes; null when nothing was written. */
  batchId: z.string().nullable(),
  /** The batch undone, redone or reverted. */
  target: BatchRef.nullable(),
  changes: z.number().int(),
  tables: z.array(z.string()),
});
export type HistoryOutcome = z.infer<typeof HistoryOutcome>;

/** Where to fix something: the table, the row (as data.apply takes it) and the field. */
export const HealthFix = z.object({
  table: z.literal('metric_values'),
  key: FactKey,
  /** insert: there is no such fact yet; update: the fact exists and needs this field. */
  op: z.enum(['insert', 'update']),
  field: z.string(),
});

const FactRef = {
  criterionId: z.string(),
  criterionName: z.string(),
  marketId: z.string().nullable(),
  siteId: z.string().nullable(),
  fix: HealthFix,
};

/** Known values counted by how they were obtained. */
export const MethodCounts = z.object({
  known: z.number().int(),
  byMethod: z.record(FactMethod, z.number().int()),
  /** estimate / known; null when nothing is known. */
  estimateShare: z.number().min(0).max(1).nullable(),
  /** Of the estimates, those whose method was never recorded (stored before schema 6, or imported without one). */
  notRecorded: z.number().int(),
});
export type MethodCounts = z.infer<typeof MethodCounts>;

/** Site × criterion cells: how many, how many rest on a known value, of those estimates and stale ones. */
export const CoverageCount = z.object({
  cells: z.number().int(),
  known: z.number().int(),
  /** known / cells; null when there are no cells. */
  share: z.number().min(0).max(1).nullable(),
  estimates: z.number().int(),
  /** estimates / known; null when nothing is known. */
  estimateShare: z.number().min(0).max(1).nullable(),
  /** Known values older than the stale threshold. */
  stale: z.number().int(),
});
export type CoverageCount = z.infer<typeof CoverageCount>;

/** Coverage of the fact matrix, overall and per criterion, market and site (worst first). */
export const DataCoverage = z.object({
  /** Every stored criterion for every site. */
  all: CoverageCount,
  /** The criteria some built-in preset weighs, for every site. */
  presets: CoverageCount.extend({ criteria: z.array(z.string()) }),
  byCriterion: z.array(
    CoverageCount.extend({ criterionId: z.string(), name: z.string(), weighedByBuiltin: z.boolean() }),
  ),
  byMarket: z.array(CoverageCount.extend({ marketId: z.string(), name: z.string() })),
  bySite: z.array(CoverageCount.extend({ siteId: z.string(), name: z.string(), marketId: z.string() })),
});
export type DataCoverage = z.infer<typeof DataCoverage>;

export const DataHealth = z.object({
  asOf: IsoDate,
  staleAfterDays: z.number().int(),
  summary: z.object({
    sites: z.number().int(),
    /** Stored (non-derived) criteria each site should have a fact for. */
    criteria: z.number().int(),
    /** Site × criterion pairs with no known value (neither the site's own nor its market's). */
    missing: z.number().int(),
    sitesWithMissing: z.number().int(),
    stale: z.number().int(),
    unsourced: z.number().int(),
    methods: z.object({
      /** Each stored known value once (a market fact counts once, however many sites it serves). */
      values: MethodCounts,
      /** Site × criterion cells with a known value (a site's own, else its market's), by that value's method. */
      cells: MethodCounts,
    }),
  }),
  coverage: DataCoverage,
  /** Policy events whose source gives no publication date. */
  undatedEvents: z.array(z.object({ id: z.string(), title: z.string(), sourceTitle: z.string() })),
  /** Per site, the criteria it has no known value for, worst site first. */
  missingBySite: z.array(
    z.object({
      siteId: z.string(),
      name: z.string(),
      marketId: z.string(),
      missing: z.array(
        z.object({
          ...FactRef,
          /** no_fact: nothing stored; missing: a fact saying why there is no number. */
          reason: z.enum(['no_fact', 'missing']),
          missingReason: z.string().nullable(),
        }),
      ),
    }),
  ),
  /** Known values whose source is older than staleAfterDays before asOf, oldest first. */
  stale: z.array(z.object({ ...FactRef, sourceAsOf: IsoDate, ageDays: z.number().int() })),
  /** Facts with no source at all (a missing fact that does not say where anyone looked). */
  unsourced: z.array(z.object({ ...FactRef, kind: z.enum(['known', 'missing']) })),
});
export type DataHealth = z.infer<typeof DataHealth>;

export const editCalls = {
  'data.apply': {
    summary:
      "Applies a batch of inserts, updates and deletes to one table (sites, metric_values, chips, policy_events, company_profiles, criteria): every change is checked field by field and against the store; any bad change refuses the whole batch (invalid_input, one issue per change and field) and nothing is written. A fact whose value changes needs a source decision: its new source, or method estimate with a derivation written for the new number — the old value's source alone is refused (issue on `source`). The batch is one change-log entry that history.undo takes back.",
    input: EditInput,
    output: EditResult,
    writes: true,
  },
  'data.validate': {
    summary:
      'Checks a data.apply batch without writing anything: the issues per change and field, and what it would do.',
    input: EditInput,
    output: EditValidation,
  },
  'history.list': {
    summary:
      'Change batches newest first (edits, imports, undos, redos, reverts) with who, when, a label and each row before and after; and what undo and redo would act on.',
    input: z.strictObject({
      limit: z.number().int().min(1).max(1000).default(50),
      /** Only batches that touched this table (e.g. "sites", "metric_values"). */
      table: z.string().min(1).max(100).optional(),
      /** Only this batch (with all its changes up to changesPerBatch). */
      batchId: z.string().min(1).max(100).optional(),
      changesPerBatch: z.number().int().min(0).max(100_000).default(100),
    }),
    output: HistoryList,
  },
  'history.undo': {
    summary:
      'Takes back the latest edit, import or revert still in effect (as a new logged batch) and puts it on the redo stack, which is kept in the store across restarts.',
    input: z.strictObject({}),
    output: HistoryOutcome,
    writes: true,
  },
  'history.redo': {
    summary:
      'Applies again the batch undone last, unless an edit has been made since (a new edit clears the redo stack).',
    input: z.strictObject({}),
    output: HistoryOutcome,
    writes: true,
  },
  'history.revert': {
    summary:
      'Reverts one batch (not only the latest) as a new logged batch, if none of its rows has been changed since; otherwise refuses and names the rows and the batches that changed them.',
    input: z.strictObject({ batchId: z.string().min(1).max(100) }),
    output: HistoryOutcome,
    writes: true,
  },
  'data.health': {
    summary:
      'What needs fixing in the facts: per site the criteria without a known value (a market fact counts for its sites), stale facts (source older than staleAfterDays before asOf, default today) and facts without a source, each naming the table, key and field to fix; and the known values (and site × criterion cells) counted by method, with the share of estimates.',
    input: z.strictObject({
      staleAfterDays: z.number().int().min(0).max(36_500).default(365),
      asOf: IsoDate.optional(),
    }),
    output: DataHealth,
  },
  // A newer seed's facts, offered rather than written (data-refresh-calls.ts).
  ...dataRefreshCalls,
} as const satisfies CallSpecs;

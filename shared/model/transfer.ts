// Import and export: the file kinds Landfall reads and writes, the record shape of every table in
// those files, and what a preview or a committed import reports back.
import { z } from 'zod';
import { HttpUrl, Text } from '../text';
import { IsoDate, SiteStatus } from '../schemas';
import { Chip } from './chips';
import { Criterion } from './criteria';
import { MetricValueRecord } from './facts';
import { Jurisdiction, Market } from './jurisdictions';
import { PolicyEvent } from './policy';
import { Preset } from './presets';
import { CompanyProfile } from './profiles';

/** The tables an import may write, in an order where every reference points backwards. */
export const DataTable = z.enum([
  'jurisdictions',
  'markets',
  'criteria',
  'chips',
  'sites',
  'metric_values',
  'policy_events',
  'company_profiles',
  'presets',
]);
export type DataTable = z.infer<typeof DataTable>;

/** Everything that can be exported; the change log can be read out but never imported. */
export const ExportTable = z.enum([...DataTable.options, 'change_log']);
export type ExportTable = z.infer<typeof ExportTable>;

export const tableImportKind = {
  jurisdictions: 'jurisdictions-json',
  markets: 'markets-json',
  criteria: 'criteria-json',
  chips: 'chips-json',
  sites: 'sites-json',
  metric_values: 'metric-values-json',
  policy_events: 'policies-json',
  company_profiles: 'profiles-json',
  presets: 'presets-json',
} as const satisfies Record<DataTable, string>;

export const ImportKind = z.enum(['sites-csv', 'database-json', ...Object.values(tableImportKind)]);
export type ImportKind = z.infer<typeof ImportKind>;

/** The table a one-table JSON kind writes, or null for the multi-table kinds. */
export function tableOfKind(kind: ImportKind): DataTable | null {
  const entry = Object.entries(tableImportKind).find(([, k]) => k === kind);
  return entry === undefined ? null : DataTable.parse(entry[0]);
}

/** A site as stored (the `Site` the UI reads adds its market's name and country). */
export const SiteRecord = z.object({
  id: Text.min(1)
    .max(200)
    .refine((id) => id === id.trim(), 'must not start or end with a space'),
  name: Text.min(1),
  marketId: Text.min(1),
  lat: z.number().min(-90, 'latitude must be ≥ -90').max(90, 'latitude must be ≤ 90'),
  lon: z.number().min(-180, 'longitude must be ≥ -180').max(180, 'longitude must be ≤ 180'),
  capacityMw: z.object({
    existing: z.number().finite().nonnegative().nullable(),
    planned: z.number().finite().nonnegative().nullable(),
  }),
  status: SiteStatus,
  // Files written before schema 7 have no operator: absent reads as unknown.
  operator: Text.trim().min(1).nullable().default(null),
  notes: Text,
  source: z.object({ title: Text.min(1), url: HttpUrl, asOf: IsoDate }),
  origin: z.enum(['seed', 'user', 'import']),
});
export type SiteRecord = z.infer<typeof SiteRecord>;

/**
 * One record of each table in an import or export file: the domain model, camelCase (a metric value
 * from a file written before schema 6 may leave its method out, see MetricValueRecord).
 */
export const tableRecord = {
  jurisdictions: Jurisdiction,
  markets: Market,
  criteria: Criterion,
  chips: Chip,
  sites: SiteRecord,
  metric_values: MetricValueRecord,
  policy_events: PolicyEvent,
  company_profiles: CompanyProfile,
  presets: Preset,
} as const satisfies Record<DataTable, z.ZodType>;

export type TableRecord<T extends DataTable> = z.infer<(typeof tableRecord)[T]>;

export const TABLE_FILE_FORMAT = 'landfall.table';
export const DATABASE_FILE_FORMAT = 'landfall.database';

/**
 * A one-table JSON file. Rows are checked one by one after the envelope, so that each bad row is
 * named instead of the whole array failing at once.
 */
export const TableFile = z.object({
  format: z.literal(TABLE_FILE_FORMAT),
  version: z.literal(1),
  table: z.string(),
  rows: z.array(z.unknown()),
});

/** The whole store; every table is optional on import. */
export const DatabaseFile = z.object({
  format: z.literal(DATABASE_FILE_FORMAT),
  version: z.literal(1),
  schemaVersion: z.number().int(),
  tables: z.partialRecord(DataTable, z.array(z.unknown())),
});

export const ImportError = z.object({
  /** The table a JSON row belongs to; null for CSV and for problems with the whole file. */
  table: z.string().nullable(),
  /** CSV: the spreadsheet row (header = 1). JSON: the 1-based position in the table's array. */
  row: z.number().int().nullable(),
  /** CSV: the file line where the row starts (differs from `row` after quoted line breaks). */
  line: z.number().int().nullable(),
  /** CSV: the header name. JSON: the field path, e.g. "source.url". */
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportError = z.infer<typeof ImportError>;

export const PreviewEntry = z.object({
  table: z.string(),
  id: z.string(),
  row: z.number().int().nullable(),
  /** For a changed row: which columns (or criteria, in a sites CSV) differ. */
  fields: z.array(z.string()),
});
export type PreviewEntry = z.infer<typeof PreviewEntry>;

/** Something the import does differently from what the file says, and why (e.g. a built-in kept). */
export const ImportNote = z.object({
  table: z.string(),
  id: z.string(),
  row: z.number().int().nullable(),
  message: z.string(),
});
export type ImportNote = z.infer<typeof ImportNote>;

export const ImportPreview = z.object({
  kind: ImportKind,
  added: z.array(PreviewEntry),
  changed: z.array(PreviewEntry),
  unchanged: z.array(PreviewEntry),
  errors: z.array(ImportError),
  notes: z.array(ImportNote).default([]),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = ImportPreview.extend({
  /** The change_log batch that holds every row written, for undo. */
  batchId: z.string(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportInput = z
  .strictObject({
    kind: ImportKind,
    /** The file as text (already decoded). */
    content: z.string().optional(),
    /** The file's bytes, so the backend can check the encoding itself. */
    contentBase64: z.base64().optional(),
  })
  .refine((i) => (i.content === undefined) !== (i.contentBase64 === undefined), {
    message: 'give exactly one of content and contentBase64',
    path: ['content'],
  });
export type ImportInput = z.infer<typeof ImportInput>;

export const ExportFormat = z.enum(['csv', 'json']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportInput = z
  .strictObject({ table: z.union([ExportTable, z.literal('all')]), format: ExportFormat })
  .refine((i) => !(i.table === 'all' && i.format === 'csv'), {
    message: 'the whole store exports as one JSON file; export CSV one table at a time',
    path: ['format'],
  });

export const ExportOutput = z.object({ filename: z.string(), content: z.string() });
export type ExportOutput = z.infer<typeof ExportOutput>;

/**
 * Guesses what a file holds from its name and text: CSV is a sites file; JSON says what it is in
 * its `format` (and `table`). Null when it cannot tell, e.g. a bare JSON array.
 */
export function guessImportKind(filename: string, text: string): ImportKind | null {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.tsv')) return 'sites-csv';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return null;
  }
  const envelope = z.object({ format: z.string(), table: z.string().optional() }).safeParse(parsed);
  if (!envelope.success) return null;
  if (envelope.data.format === DATABASE_FILE_FORMAT) return 'database-json';
  const table = DataTable.safeParse(envelope.data.table);
  return envelope.data.format === TABLE_FILE_FORMAT && table.success ? tableImportKind[table.data] : null;
}

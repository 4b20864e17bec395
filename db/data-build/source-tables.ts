// The sourced tables under data/sources/: one directory per source, with source.json (where the
// figures were read, when, under which licence, by which method) and figures.csv (each figure as
// published, with where in the source it sits). The data build derives every seeded value from
// them; nothing else in the repository may type a figure in.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseCsv } from '../../shared/csv-parse';

export const SourceMeta = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  publisher: z.string().min(1),
  url: z.url().nullable(),
  repository: z.string().nullable(),
  path: z.string().nullable(),
  commit: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .nullable(),
  read: z.iso.date(),
  /** A date, a year, or null when the release date could not be read. */
  published: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .nullable(),
  licence: z.string().min(1),
  method: z.enum(['official', 'measured', 'estimate']),
  notes: z.string(),
});
export type SourceMeta = z.infer<typeof SourceMeta>;

export const FIGURE_COLUMNS = ['subject', 'quantity', 'value', 'unit', 'period', 'location'] as const;

export interface Figure {
  /** The id the source uses for the place (ISO code, name, region) or our market/site id. */
  subject: string;
  quantity: string;
  /** As published (text). */
  value: string;
  unit: string;
  /** The year or date the figure is for. */
  period: string;
  /** Where in the source: table, row, column, offset. */
  location: string;
}

export interface SourceTable {
  meta: SourceMeta;
  figures: Figure[];
  /** Repository path of the figures file, for tracing a value back. */
  reference: string;
}

/** Every table under `root` (data/sources), by source id; refuses a malformed table with its path. */
export function loadSourceTables(root: string): Map<string, SourceTable> {
  const out = new Map<string, SourceTable>();
  for (const dir of readdirSync(root, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const base = join(root, dir.name);
    const where = `data/sources/${dir.name}`;
    const parsed = SourceMeta.safeParse(JSON.parse(readFileSync(join(base, 'source.json'), 'utf8')));
    if (!parsed.success)
      throw new Error(
        `${where}/source.json: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
    if (parsed.data.id !== dir.name)
      throw new Error(`${where}/source.json: id "${parsed.data.id}" is not the directory's name`);
    const csv = parseCsv(readFileSync(join(base, 'figures.csv'), 'utf8'), ',');
    if (csv.problems.length > 0) throw new Error(`${where}/figures.csv: ${csv.problems[0]?.message ?? 'unreadable'}`);
    const [header, ...rows] = csv.records;
    if (header?.fields.join(',') !== FIGURE_COLUMNS.join(',')) {
      throw new Error(`${where}/figures.csv: the header must be ${FIGURE_COLUMNS.join(',')}`);
    }
    const figures = rows.map((r): Figure => {
      const [subject, quantity, value, unit, period, location] = r.fields;
      if (location === undefined || r.fields.length !== FIGURE_COLUMNS.length)
        throw new Error(`${where}/figures.csv row ${r.row}: ${FIGURE_COLUMNS.length} fields expected`);
      return {
        subject: subject as string,
        quantity: quantity as string,
        value: value as string,
        unit: unit as string,
        period: period as string,
        location,
      };
    });
    out.set(dir.name, { meta: parsed.data, figures, reference: `${where}/figures.csv` });
  }
  return out;
}

// The columns of a sites CSV: which are site fields, which name a criterion (and which of its
// extra columns), and the checks on the header row that need no database.
import { unescapeFormula, type CsvRecord } from './csv-parse';
import { CriterionId } from './model/criteria';
import type { ImportError } from './model/transfer';
import type { FactMethod } from './model/facts';
import type { SiteStatus, Source } from './schemas';

export const SITE_CSV_REQUIRED = ['id', 'name', 'country', 'region', 'lat', 'lon'] as const;
export const SITE_CSV_OPTIONAL = [
  'status',
  'capacity_existing_mw',
  'capacity_planned_mw',
  'notes',
  'operator',
  'origin',
  'site_source_title',
  'site_source_url',
  'site_source_as_of',
  'source_title',
  'source_url',
  'as_of',
] as const;
/** Optional per-criterion columns, written `<criterion>.<attribute>`, e.g. `power_price.low`. */
export const FACT_ATTRIBUTES = [
  'low',
  'high',
  'note',
  'missing_reason',
  'source_title',
  'source_url',
  'as_of',
  'method',
  'derivation',
  'reference',
] as const;
export type FactAttribute = (typeof FACT_ATTRIBUTES)[number];

export const SITE_ORIGINS = ['seed', 'user', 'import'] as const;
export type SiteOrigin = (typeof SITE_ORIGINS)[number];

export interface SiteCsvFact {
  criterionId: string;
  value: number | null;
  low: number | null;
  high: number | null;
  missingReason: string | null;
  note: string;
  source: Source | null;
  /** How the value was obtained; null when the file does not say (older files have no such column). */
  method: FactMethod | null;
  derivation: string | null;
  reference: string | null;
}

/** One data row. Optional site fields are undefined when their column is absent (or, for status, empty). */
export interface SiteCsvRow {
  row: number;
  line: number;
  id: string;
  name: string;
  /** Upper-cased; empty when the cell is (allowed if the region is a known market). */
  country: string;
  region: string;
  lat: number;
  lon: number;
  status: SiteStatus | undefined;
  capacityExisting: number | null | undefined;
  capacityPlanned: number | null | undefined;
  /** undefined when the column is absent; null when its cell is empty (no single operator). */
  operator: string | null | undefined;
  notes: string | undefined;
  origin: SiteOrigin | undefined;
  /** From site_source_*: the site's own source. */
  siteSource: Source | null;
  /** From source_*: the source of this row's values (and of a new site without site_source_*). */
  rowSource: Source | null;
  /** Some source cell is filled (a bad one is reported already, so "no source" would be noise). */
  sourceGiven: boolean;
  facts: SiteCsvFact[];
}

export interface SitesCsv {
  /** Where the header row is, for errors about columns. */
  header: { row: number; line: number };
  /** Criterion ids named by the header (the database decides whether they exist). */
  criteria: string[];
  rows: SiteCsvRow[];
  errors: ImportError[];
}

export interface FactColumns {
  id: string;
  value: number | undefined;
  attributes: Partial<Record<FactAttribute, number>>;
}

export interface Columns {
  site: Partial<Record<(typeof SITE_CSV_REQUIRED)[number] | (typeof SITE_CSV_OPTIONAL)[number], number>>;
  facts: FactColumns[];
}

/** Maps header names to cell positions; problems with the header go to `errors` (row = the header's). */
export function readHeader(header: CsvRecord, errors: ImportError[]): Columns {
  const site: Columns['site'] = {};
  const facts = new Map<string, FactColumns>();
  const seen = new Map<string, number>();
  const known: readonly string[] = [...SITE_CSV_REQUIRED, ...SITE_CSV_OPTIONAL];
  const headerError = (column: string | null, message: string): void => {
    errors.push({ table: null, row: header.row, line: header.line, column, message });
  };
  header.fields.forEach((raw, index) => {
    // Header names are matched trimmed and case-blind: "Lat " from a spreadsheet is `lat`.
    const name = unescapeFormula(raw).trim().toLowerCase();
    if (name === '') {
      headerError(`(column ${index + 1})`, 'a column has no name');
      return;
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      headerError(name, `column "${name}" appears twice (columns ${earlier + 1} and ${index + 1})`);
      return;
    }
    seen.set(name, index);
    if (known.includes(name)) {
      site[name as keyof Columns['site']] = index;
      return;
    }
    const [criterion = '', attribute, ...more] = name.split('.');
    if (!CriterionId.safeParse(criterion).success || more.length > 0) {
      headerError(name, `unknown column "${raw}": not a site field and not a criterion id`);
      return;
    }
    const fact = facts.get(criterion) ?? { id: criterion, value: undefined, attributes: {} };
    facts.set(criterion, fact);
    if (attribute === undefined) fact.value = index;
    else if ((FACT_ATTRIBUTES as readonly string[]).includes(attribute)) {
      fact.attributes[attribute as FactAttribute] = index;
    } else {
      headerError(name, `unknown column "${raw}": a criterion column may end in .${FACT_ATTRIBUTES.join(', .')}`);
    }
  });
  for (const required of SITE_CSV_REQUIRED) {
    if (site[required] === undefined) headerError(required, `missing required column "${required}"`);
  }
  for (const fact of facts.values()) {
    if (fact.value === undefined) headerError(fact.id, `columns for criterion "${fact.id}" but no "${fact.id}" column`);
  }
  const factList = [...facts.values()].filter((f) => f.value !== undefined);
  const hasRowSource = ['source_title', 'source_url', 'as_of'].every(
    (c) => site[c as keyof Columns['site']] !== undefined,
  );
  const everyFactOwnSource = factList.every((f) => f.attributes.source_url !== undefined);
  if (factList.length > 0 && !hasRowSource && !everyFactOwnSource) {
    for (const c of ['source_title', 'source_url', 'as_of'] as const) {
      if (site[c] === undefined) {
        headerError(
          c,
          `missing column "${c}": required when the file gives criterion values (every fact needs a source)`,
        );
      }
    }
  }
  return { site, facts: factList };
}

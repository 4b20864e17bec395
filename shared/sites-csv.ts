// The spreadsheet-friendly sites file: one row per site, fixed columns first, then one column per
// criterion whose cells become site-level facts. This file checks everything that needs no database
// (numbers, coordinates, sources, duplicate ids); db/transfer/ checks markets and criteria.
import { parseCsv, parseNumber, unescapeFormula, type CsvRecord } from './csv-parse';
import { DERIVATION_NEEDED, FactMethod, FactReference, FactSource } from './model/facts';
import type { ImportError } from './model/transfer';
import { SiteStatus, type Source } from './schemas';
import { textProblem } from './text';
import {
  FACT_ATTRIBUTES,
  readHeader,
  SITE_ORIGINS,
  type Columns,
  type FactAttribute,
  type FactColumns,
  type SiteCsvFact,
  type SiteCsvRow,
  type SiteOrigin,
  type SitesCsv,
} from './sites-csv-header';

/** Reads a sites CSV (text already decoded). Every problem is collected; nothing stops at the first. */
export function parseSitesCsv(text: string): SitesCsv {
  const csv = parseCsv(text);
  const errors: ImportError[] = csv.problems.map((p) =>
    error(p.row, p.line, null, `${p.message} (line ${p.line}, character ${p.column})`),
  );
  const [header, ...records] = csv.records;
  if (header === undefined) {
    errors.push(error(1, 1, null, 'the file is empty: expected a header row starting id,name,country,region,lat,lon'));
    return { header: { row: 1, line: 1 }, criteria: [], rows: [], errors };
  }
  if (!cleanCells(header, header, errors)) return { header: { row: 1, line: 1 }, criteria: [], rows: [], errors };
  const columns = readHeader(header, errors);
  const decimalComma = csv.delimiter === ';';
  const sources: SourceCache = new Map();
  const rows: SiteCsvRow[] = [];
  for (const record of records) {
    if (record.broken) continue; // already reported by the parser; its cells are not trustworthy
    if (record.fields.every((f) => f.trim() === '')) continue; // a spreadsheet's empty row
    if (!cleanCells(record, header, errors)) continue;
    if (record.fields.length !== header.fields.length) {
      errors.push(
        error(
          record.row,
          record.line,
          null,
          `the row has ${record.fields.length} cells but the header has ${header.fields.length}`,
        ),
      );
      continue;
    }
    rows.push(readRow(record, columns, decimalComma, errors, sources));
  }
  markDuplicates(rows, errors);
  return { header: { row: header.row, line: header.line }, criteria: columns.facts.map((f) => f.id), rows, errors };
}

/**
 * Sources already read in this file, by their three cells: a file names the same few sources on
 * every row, and checking one is pure, so each distinct good source is checked once. (Bad ones are
 * not kept: they go through the full check, which names the problem, every time.)
 */
type SourceCache = Map<string, Source>;

function readRow(
  record: CsvRecord,
  columns: Columns,
  decimalComma: boolean,
  errors: ImportError[],
  sources: SourceCache,
): SiteCsvRow {
  const cell = (index: number | undefined): string | undefined =>
    index === undefined ? undefined : unescapeFormula(record.fields[index] ?? '');
  const bad = (column: string, message: string): void => {
    errors.push(error(record.row, record.line, column, message));
  };
  const site = columns.site;

  const id = (cell(site.id) ?? '').trim();
  if (id === '') bad('id', 'id is empty');
  const name = cell(site.name) ?? '';
  if (site.name !== undefined && name.trim() === '') bad('name', 'name is empty');
  const country = (cell(site.country) ?? '').trim().toUpperCase();
  if (country !== '' && !/^[A-Z]{2}$/.test(country)) {
    bad('country', `"${country}" is not a 2-letter ISO 3166-1 country code (e.g. SG, MY)`);
  }
  const region = (cell(site.region) ?? '').trim();
  if (site.region !== undefined && region === '') bad('region', 'region is empty: give a market id or name');

  const coordinate = (column: 'lat' | 'lon', limit: number): number => {
    const text = cell(site[column]);
    if (text === undefined) return Number.NaN;
    const value = parseNumber(text, decimalComma);
    const label = column === 'lat' ? 'latitude' : 'longitude';
    if (value === null) bad(column, `${label} ${quote(text)} is not a number`);
    else if (Math.abs(value) > limit) bad(column, `${label} ${value} is outside -${limit} to ${limit}`);
    return value ?? Number.NaN;
  };
  const lat = coordinate('lat', 90);
  const lon = coordinate('lon', 180);

  const statusText = cell(site.status)?.trim();
  let status: SiteStatus | undefined;
  if (statusText) {
    const parsed = SiteStatus.safeParse(statusText);
    if (parsed.success) status = parsed.data;
    else bad('status', `status ${quote(statusText)} must be one of ${SiteStatus.options.join(', ')}`);
  }
  const capacity = (column: 'capacity_existing_mw' | 'capacity_planned_mw'): number | null | undefined => {
    const text = cell(site[column]);
    if (text === undefined || text.trim() === '') return text === undefined ? undefined : null;
    const value = parseNumber(text, decimalComma);
    if (value === null) bad(column, `${quote(text)} is not a number`);
    else if (value < 0) bad(column, `capacity ${value} MW is negative`);
    return value;
  };
  const originText = cell(site.origin)?.trim();
  let origin: SiteOrigin | undefined;
  if (originText) {
    if ((SITE_ORIGINS as readonly string[]).includes(originText)) origin = originText as SiteOrigin;
    else bad('origin', `origin ${quote(originText)} must be one of ${SITE_ORIGINS.join(', ')}`);
  }

  const source = (prefix: string, title?: number, url?: number, asOf?: number): Source | null => {
    const names = [
      `${prefix}source_title`,
      `${prefix}source_url`,
      prefix === 'site_' ? 'site_source_as_of' : `${prefix}as_of`,
    ];
    return readSource(names, [cell(title), cell(url), cell(asOf)], bad, sources);
  };
  const siteSource = source('site_', site.site_source_title, site.site_source_url, site.site_source_as_of);
  const rowSource = source('', site.source_title, site.source_url, site.as_of);
  const filled = (i: number | undefined): boolean => (cell(i) ?? '').trim() !== '';
  const rowSourceGiven = [site.source_title, site.source_url, site.as_of].some(filled);
  const siteSourceGiven = [site.site_source_title, site.site_source_url, site.site_source_as_of].some(filled);

  const facts: SiteCsvFact[] = [];
  const unsourced: string[] = [];
  for (const f of columns.facts) {
    const fact = readFact(f, cell, decimalComma, bad, sources);
    if (fact === null) continue;
    if (fact.source === null && fact.value !== null) {
      if (rowSource !== null) fact.source = rowSource;
      else if (!rowSourceGiven) unsourced.push(f.id); // a given but bad source is reported already
    }
    facts.push(fact);
  }
  if (unsourced.length > 0) {
    bad(
      'source_url',
      `values for ${unsourced.join(', ')} need a source: fill source_title, source_url and as_of for this row`,
    );
  }
  return {
    row: record.row,
    line: record.line,
    id,
    name,
    country,
    region,
    lat,
    lon,
    status,
    capacityExisting: capacity('capacity_existing_mw'),
    capacityPlanned: capacity('capacity_planned_mw'),
    operator: operatorOf(cell(site.operator)),
    notes: cell(site.notes),
    origin,
    siteSource,
    rowSource,
    sourceGiven: rowSourceGiven || siteSourceGiven,
    facts,
  };
}

/** One criterion's cells in one row; null when the row says nothing about it. Its own source only. */
function readFact(
  f: FactColumns,
  cell: (index: number | undefined) => string | undefined,
  decimalComma: boolean,
  bad: (column: string, message: string) => void,
  sources: SourceCache,
): SiteCsvFact | null {
  const at = (a: FactAttribute): string => cell(f.attributes[a]) ?? '';
  const valueText = (cell(f.value) ?? '').trim();
  const missingReason = at('missing_reason');
  const number = (column: string, text: string): number | null => {
    if (text.trim() === '') return null;
    const value = parseNumber(text, decimalComma);
    if (value === null) bad(column, `${quote(text)} is not a number`);
    return value;
  };
  if (valueText === '' && missingReason.trim() === '') {
    const stray = FACT_ATTRIBUTES.filter((a) => at(a).trim() !== '');
    for (const a of stray) bad(`${f.id}.${a}`, `${f.id}.${a} is given but ${f.id} has no value or missing_reason`);
    return null;
  }
  const value = valueText === '' ? null : number(f.id, valueText);
  if (value !== null && missingReason.trim() !== '') {
    bad(`${f.id}.missing_reason`, `give either a value or a missing_reason for ${f.id}, not both`);
  }
  const low = number(`${f.id}.low`, at('low'));
  const high = number(`${f.id}.high`, at('high'));
  if (low !== null && high !== null && low > high) bad(`${f.id}.low`, `low ${low} is above high ${high}`);
  if (value === null && (low !== null || high !== null)) {
    bad(`${f.id}.low`, `${f.id} has a missing_reason, so it cannot have a low or high`);
  }
  const source = readSource(
    [`${f.id}.source_title`, `${f.id}.source_url`, `${f.id}.as_of`],
    [cell(f.attributes.source_title), cell(f.attributes.source_url), cell(f.attributes.as_of)],
    bad,
    sources,
  );
  return {
    criterionId: f.id,
    value: valueText === '' ? null : (value ?? Number.NaN),
    low,
    high,
    missingReason: value === null && valueText === '' ? missingReason : null,
    note: at('note'),
    source,
    ...readMethod(f.id, valueText !== '', at, bad),
  };
}

/**
 * A fact's method, derivation and reference cells. All empty is "not said" (older files have no such
 * columns: the importer then applies its default); a derivation or reference needs a method beside it.
 */
function readMethod(
  id: string,
  hasValue: boolean,
  at: (a: FactAttribute) => string,
  bad: (column: string, message: string) => void,
): Pick<SiteCsvFact, 'method' | 'derivation' | 'reference'> {
  const [methodText, derivationText, referenceText] = (['method', 'derivation', 'reference'] as const).map((a) =>
    at(a).trim(),
  ) as [string, string, string];
  const none = { method: null, derivation: null, reference: null };
  if (methodText === '' && derivationText === '' && referenceText === '') return none;
  if (!hasValue) {
    bad(`${id}.method`, `${id} has a missing_reason, so it has no method, derivation or reference`);
    return none;
  }
  if (methodText === '') {
    bad(`${id}.method`, `${id}.method is empty: say how the value was obtained (${FactMethod.options.join(', ')})`);
    return none;
  }
  const method = FactMethod.safeParse(methodText);
  if (!method.success) {
    bad(`${id}.method`, `${id}.method ${quote(methodText)} must be one of ${FactMethod.options.join(', ')}`);
    return none;
  }
  const needed = DERIVATION_NEEDED[method.data];
  if (needed !== null && derivationText === '') {
    bad(`${id}.derivation`, `${id} is ${method.data}, so ${id}.derivation must give ${needed}`);
  }
  const reference = FactReference.safeParse(referenceText);
  if (referenceText !== '' && !reference.success) {
    bad(`${id}.reference`, `${id}.reference ${quote(referenceText)}: ${reference.error.issues[0]?.message ?? ''}`);
  }
  return {
    method: method.data,
    derivation: derivationText === '' ? null : at('derivation'),
    reference: referenceText === '' ? null : referenceText,
  };
}

/** A source is all three cells or none; a partial one names each empty column. */
function readSource(
  names: string[],
  cells: (string | undefined)[],
  bad: (column: string, message: string) => void,
  cache: SourceCache,
): Source | null {
  const title = cells[0] ?? '';
  const url = cells[1] ?? '';
  const asOf = cells[2] ?? '';
  if (title.trim() === '' && url.trim() === '' && asOf.trim() === '') return null;
  const key = `${title.length},${url.length},${title}${url}${asOf}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const parsed = FactSource.safeParse({ title, url: url.trim(), asOf: asOf.trim() });
  if (parsed.success) {
    cache.set(key, parsed.data);
    return parsed.data;
  }
  const fields = ['title', 'url', 'asOf'];
  for (const issue of parsed.error.issues) {
    const column = names[fields.indexOf(String(issue.path[0]))] ?? names[0] ?? 'source';
    const empty = [title, url, asOf][fields.indexOf(String(issue.path[0]))]?.trim() === '';
    bad(
      column,
      empty ? `${column} is required when the other source columns are filled` : `${column}: ${issue.message}`,
    );
  }
  return null;
}

/**
 * Names every cell holding a NUL or an unpaired surrogate by its row and header column; false if
 * any does. Checked on the raw cells, before any is read, so that no column can forget it (the
 * schemas check again what they store).
 */
function cleanCells(record: CsvRecord, header: CsvRecord, errors: ImportError[]): boolean {
  let clean = true;
  record.fields.forEach((field, i) => {
    const problem = textProblem(field);
    if (problem === null) return;
    clean = false;
    const name = record === header ? null : header.fields[i]?.trim() || `column ${i + 1}`;
    const where = record === header ? `header cell ${i + 1}` : 'the cell';
    errors.push(error(record.row, record.line, name, `${where} ${problem}`));
  });
  return clean;
}

function markDuplicates(rows: SiteCsvRow[], errors: ImportError[]): void {
  // Counted first, so that a file of unique ids (the usual case) builds no list per id.
  const count = new Map<string, number>();
  for (const r of rows) if (r.id !== '') count.set(r.id, (count.get(r.id) ?? 0) + 1);
  const byId = new Map<string, SiteCsvRow[]>();
  for (const r of rows) {
    if (r.id === '' || (count.get(r.id) ?? 0) < 2) continue;
    const list = byId.get(r.id);
    if (list) list.push(r);
    else byId.set(r.id, [r]);
  }
  for (const [id, list] of byId) {
    for (const r of list) {
      const others = list.filter((o) => o !== r).map((o) => o.row);
      errors.push(error(r.row, r.line, 'id', `duplicate id "${id}": also on row ${others.join(', ')}`));
    }
  }
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function error(row: number, line: number, column: string | null, message: string): ImportError {
  return { table: null, row, line, column, message };
}

/** Regions that are not countries, though ISO reserves codes for them. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'ZZ']);

/** Whether `code` is an ISO 3166-1 country the runtime's ICU data can name (XX, QQ are not). */
export function isKnownCountry(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(code);
    return name !== undefined && name !== code;
  } catch {
    return false;
  }
}

/** An operator cell: absent stays absent, blank means none, anything else is trimmed. */
function operatorOf(text: string | undefined): string | null | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  return t === '' ? null : t;
}

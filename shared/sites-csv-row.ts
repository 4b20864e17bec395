// Reads the data rows of a sites CSV: numbers, coordinates, sources and methods, each problem named
// with its row and column. One reader serves a whole file, so the names its messages use are worked
// out once and reading a row allocates little beyond the row itself: a 50 000-row file spent most of
// its parse making per-row closures, names and arrays, and collecting them again.
import { parseNumber, unescapeFormula, type CsvRecord } from './csv-parse';
import { DERIVATION_NEEDED, FactMethod, FactReference, FactSource } from './model/facts';
import type { ImportError } from './model/transfer';
import { SiteStatus, type Source } from './schemas';
import {
  FACT_ATTRIBUTES,
  SITE_ORIGINS,
  type Columns,
  type FactColumns,
  type SiteCsvFact,
  type SiteCsvRow,
  type SiteOrigin,
} from './sites-csv-header';

export function csvError(row: number, line: number, column: string | null, message: string): ImportError {
  return { table: null, row, line, column, message };
}

/** A cell as messages quote it: JSON-quoted, cut at 40 characters. */
function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** The three columns of a source, as messages name them. */
type SourceNames = readonly [title: string, url: string, asOf: string];

const SOURCE_FIELDS = ['title', 'url', 'asOf'] as const;

/** A criterion's columns, with the names its messages use. */
interface FactReader {
  f: FactColumns;
  low: string;
  high: string;
  missingReason: string;
  method: string;
  derivation: string;
  reference: string;
  source: SourceNames;
}

export class SiteRowReader {
  private record: CsvRecord = { row: 0, line: 0, fields: [], broken: false };
  private readonly facts: FactReader[];
  /**
   * Sources already read in this file, by their three cells: a file names the same few sources on
   * every row, and checking one is pure, so each distinct good source is checked once (the last
   * one is compared first, which needs no key). Bad ones are not kept: they go through the full
   * check, which names the problem, every time.
   */
  private readonly sources = new Map<string, Source>();
  private last: { title: string; url: string; asOf: string; source: Source } | null = null;

  constructor(
    private readonly columns: Columns,
    private readonly decimalComma: boolean,
    private readonly errors: ImportError[],
  ) {
    this.facts = columns.facts.map((f) => ({
      f,
      low: `${f.id}.low`,
      high: `${f.id}.high`,
      missingReason: `${f.id}.missing_reason`,
      method: `${f.id}.method`,
      derivation: `${f.id}.derivation`,
      reference: `${f.id}.reference`,
      source: [`${f.id}.source_title`, `${f.id}.source_url`, `${f.id}.as_of`],
    }));
  }

  /** The criteria the header names, in its order. */
  get criteria(): string[] {
    return this.columns.facts.map((f) => f.id);
  }

  read(record: CsvRecord): SiteCsvRow {
    this.record = record;
    const site = this.columns.site;
    const id = (this.cell(site.id) ?? '').trim();
    if (id === '') this.bad('id', 'id is empty');
    const name = this.cell(site.name) ?? '';
    if (site.name !== undefined && name.trim() === '') this.bad('name', 'name is empty');
    const country = (this.cell(site.country) ?? '').trim().toUpperCase();
    if (country !== '' && !/^[A-Z]{2}$/.test(country)) {
      this.bad('country', `"${country}" is not a 2-letter ISO 3166-1 country code (e.g. SG, MY)`);
    }
    const region = (this.cell(site.region) ?? '').trim();
    if (site.region !== undefined && region === '') this.bad('region', 'region is empty: give a market id or name');
    const lat = this.coordinate(site.lat, 'lat', 'latitude', 90);
    const lon = this.coordinate(site.lon, 'lon', 'longitude', 180);

    const statusText = this.cell(site.status)?.trim();
    let status: SiteStatus | undefined;
    if (statusText) {
      const parsed = SiteStatus.safeParse(statusText);
      if (parsed.success) status = parsed.data;
      else this.bad('status', `status ${quote(statusText)} must be one of ${SiteStatus.options.join(', ')}`);
    }
    const originText = this.cell(site.origin)?.trim();
    let origin: SiteOrigin | undefined;
    if (originText) {
      if ((SITE_ORIGINS as readonly string[]).includes(originText)) origin = originText as SiteOrigin;
      else this.bad('origin', `origin ${quote(originText)} must be one of ${SITE_ORIGINS.join(', ')}`);
    }

    const siteSource = this.source(
      SITE_SOURCE,
      this.cell(site.site_source_title),
      this.cell(site.site_source_url),
      this.cell(site.site_source_as_of),
    );
    const rowSource = this.source(
      ROW_SOURCE,
      this.cell(site.source_title),
      this.cell(site.source_url),
      this.cell(site.as_of),
    );
    const rowSourceGiven = this.filled(site.source_title) || this.filled(site.source_url) || this.filled(site.as_of);
    const siteSourceGiven =
      this.filled(site.site_source_title) || this.filled(site.site_source_url) || this.filled(site.site_source_as_of);

    const facts: SiteCsvFact[] = [];
    let unsourced: string[] | null = null;
    for (const reader of this.facts) {
      const fact = this.fact(reader);
      if (fact === null) continue;
      if (fact.source === null && fact.value !== null) {
        if (rowSource !== null) fact.source = rowSource;
        else if (!rowSourceGiven) (unsourced ??= []).push(reader.f.id); // a given but bad source is reported already
      }
      facts.push(fact);
    }
    if (unsourced !== null) {
      this.bad(
        'source_url',
        `values for ${unsourced.join(', ')} need a source: fill source_title, source_url and as_of for this row`,
      );
    }
    // Read last, as they always were: a row's problems are listed in the same order as before.
    const capacityExisting = this.capacity(site.capacity_existing_mw, 'capacity_existing_mw');
    const capacityPlanned = this.capacity(site.capacity_planned_mw, 'capacity_planned_mw');
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
      capacityExisting,
      capacityPlanned,
      operator: operatorOf(this.cell(site.operator)),
      notes: this.cell(site.notes),
      origin,
      siteSource,
      rowSource,
      sourceGiven: rowSourceGiven || siteSourceGiven,
      facts,
    };
  }

  private cell(index: number | undefined): string | undefined {
    return index === undefined ? undefined : unescapeFormula(this.record.fields[index] ?? '');
  }

  private filled(index: number | undefined): boolean {
    return (this.cell(index) ?? '').trim() !== '';
  }

  private bad(column: string, message: string): void {
    this.errors.push(csvError(this.record.row, this.record.line, column, message));
  }

  private coordinate(index: number | undefined, column: 'lat' | 'lon', label: string, limit: number): number {
    const text = this.cell(index);
    if (text === undefined) return Number.NaN;
    const value = parseNumber(text, this.decimalComma);
    if (value === null) this.bad(column, `${label} ${quote(text)} is not a number`);
    else if (Math.abs(value) > limit) this.bad(column, `${label} ${value} is outside -${limit} to ${limit}`);
    return value ?? Number.NaN;
  }

  private capacity(index: number | undefined, column: string): number | null | undefined {
    const text = this.cell(index);
    if (text === undefined || text.trim() === '') return text === undefined ? undefined : null;
    const value = parseNumber(text, this.decimalComma);
    if (value === null) this.bad(column, `${quote(text)} is not a number`);
    else if (value < 0) this.bad(column, `capacity ${value} MW is negative`);
    return value;
  }

  /** A number cell of a fact, or null when empty. */
  private number(column: string, text: string): number | null {
    if (text.trim() === '') return null;
    const value = parseNumber(text, this.decimalComma);
    if (value === null) this.bad(column, `${quote(text)} is not a number`);
    return value;
  }

  /** One criterion's cells in one row; null when the row says nothing about it. Its own source only. */
  private fact(reader: FactReader): SiteCsvFact | null {
    const { f } = reader;
    const at = f.attributes;
    const valueText = (this.cell(f.value) ?? '').trim();
    const missingReason = this.cell(at.missing_reason) ?? '';
    if (valueText === '' && missingReason.trim() === '') {
      for (const a of FACT_ATTRIBUTES) {
        if ((this.cell(at[a]) ?? '').trim() !== '') {
          this.bad(`${f.id}.${a}`, `${f.id}.${a} is given but ${f.id} has no value or missing_reason`);
        }
      }
      return null;
    }
    const value = valueText === '' ? null : this.number(f.id, valueText);
    if (value !== null && missingReason.trim() !== '') {
      this.bad(reader.missingReason, `give either a value or a missing_reason for ${f.id}, not both`);
    }
    const low = this.number(reader.low, this.cell(at.low) ?? '');
    const high = this.number(reader.high, this.cell(at.high) ?? '');
    if (low !== null && high !== null && low > high) this.bad(reader.low, `low ${low} is above high ${high}`);
    if (value === null && (low !== null || high !== null)) {
      this.bad(reader.low, `${f.id} has a missing_reason, so it cannot have a low or high`);
    }
    const source = this.source(
      reader.source,
      this.cell(at.source_title),
      this.cell(at.source_url),
      this.cell(at.as_of),
    );
    const how = this.method(reader, valueText !== '');
    return {
      criterionId: f.id,
      value: valueText === '' ? null : (value ?? Number.NaN),
      low,
      high,
      missingReason: value === null && valueText === '' ? missingReason : null,
      note: this.cell(at.note) ?? '',
      source,
      method: how.method,
      derivation: how.derivation,
      reference: how.reference,
    };
  }

  /**
   * A fact's method, derivation and reference cells. All empty is "not said" (older files have no
   * such columns: the importer then applies its default); a derivation or reference needs a method.
   */
  private method(reader: FactReader, hasValue: boolean): Pick<SiteCsvFact, 'method' | 'derivation' | 'reference'> {
    const { f } = reader;
    const methodText = (this.cell(f.attributes.method) ?? '').trim();
    const derivationText = (this.cell(f.attributes.derivation) ?? '').trim();
    const referenceText = (this.cell(f.attributes.reference) ?? '').trim();
    if (methodText === '' && derivationText === '' && referenceText === '') return NOT_SAID;
    if (!hasValue) {
      this.bad(reader.method, `${f.id} has a missing_reason, so it has no method, derivation or reference`);
      return NOT_SAID;
    }
    if (methodText === '') {
      this.bad(
        reader.method,
        `${f.id}.method is empty: say how the value was obtained (${FactMethod.options.join(', ')})`,
      );
      return NOT_SAID;
    }
    const method = FactMethod.safeParse(methodText);
    if (!method.success) {
      this.bad(reader.method, `${f.id}.method ${quote(methodText)} must be one of ${FactMethod.options.join(', ')}`);
      return NOT_SAID;
    }
    const needed = DERIVATION_NEEDED[method.data];
    if (needed !== null && derivationText === '') {
      this.bad(reader.derivation, `${f.id} is ${method.data}, so ${f.id}.derivation must give ${needed}`);
    }
    const reference = FactReference.safeParse(referenceText);
    if (referenceText !== '' && !reference.success) {
      this.bad(
        reader.reference,
        `${f.id}.reference ${quote(referenceText)}: ${reference.error.issues[0]?.message ?? ''}`,
      );
    }
    return {
      method: method.data,
      derivation: derivationText === '' ? null : (this.cell(f.attributes.derivation) ?? ''),
      reference: referenceText === '' ? null : referenceText,
    };
  }

  /** A source is all three cells or none; a partial one names each empty column. */
  private source(
    names: SourceNames,
    titleCell: string | undefined,
    urlCell: string | undefined,
    asOfCell: string | undefined,
  ): Source | null {
    const title = titleCell ?? '';
    const url = urlCell ?? '';
    const asOf = asOfCell ?? '';
    if (title.trim() === '' && url.trim() === '' && asOf.trim() === '') return null;
    const last = this.last;
    if (last !== null && last.title === title && last.url === url && last.asOf === asOf) return last.source;
    const key = `${title.length},${url.length},${title}${url}${asOf}`;
    const known = this.sources.get(key);
    if (known !== undefined) {
      this.last = { title, url, asOf, source: known };
      return known;
    }
    const parsed = FactSource.safeParse({ title, url: url.trim(), asOf: asOf.trim() });
    if (parsed.success) {
      this.sources.set(key, parsed.data);
      this.last = { title, url, asOf, source: parsed.data };
      return parsed.data;
    }
    const cells = [title, url, asOf];
    for (const issue of parsed.error.issues) {
      const at = SOURCE_FIELDS.indexOf(String(issue.path[0]) as (typeof SOURCE_FIELDS)[number]);
      const column = names[at] ?? names[0];
      const empty = cells[at]?.trim() === '';
      this.bad(
        column,
        empty ? `${column} is required when the other source columns are filled` : `${column}: ${issue.message}`,
      );
    }
    return null;
  }
}

const NOT_SAID = { method: null, derivation: null, reference: null } as const;
const SITE_SOURCE: SourceNames = ['site_source_title', 'site_source_url', 'site_source_as_of'];
const ROW_SOURCE: SourceNames = ['source_title', 'source_url', 'as_of'];

/** An operator cell: absent stays absent, blank means none, anything else is trimmed. */
function operatorOf(text: string | undefined): string | null | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  return t === '' ? null : t;
}

// Looking figures up in the sourced tables, and turning one (or a formula over several) into a
// seeded fact with its method, derivation and the path of the table it came from.
import type { Figure, SourceTable } from './source-tables';

import type { FactMethod } from '../../shared/model/facts';

export type { FactMethod };

/** Where a fact belongs: a market, or one site (finer-grained than its market). */
export type Place = { marketId: string; siteId?: undefined } | { siteId: string; marketId?: undefined };

export interface KnownFact {
  kind: 'known';
  criterionId: string;
  marketId: string | null;
  siteId: string | null;
  value: number;
  low: number | null;
  high: number | null;
  method: FactMethod;
  /** Derived: the formula with its inputs; estimate: the reasoning; otherwise null. */
  derivation: string | null;
  /** The figures file(s) the value comes from, e.g. data/sources/owid-energy/figures.csv. */
  reference: string;
  source: { title: string; url: string; asOf: string };
  note: string;
}

export interface MissingFact {
  kind: 'missing';
  criterionId: string;
  marketId: string | null;
  siteId: string | null;
  missingReason: string;
  source: null;
  note: string;
}

export type Fact = KnownFact | MissingFact;

/** One figure, with its table, parsed as a number. */
export interface Picked {
  figure: Figure;
  table: SourceTable;
  number: number;
}

/** "1,114.74" → 1114.74; "60+" or "about 500" are refused: a bound is not a value. */
export function figureNumber(f: Figure, where: string): number {
  const text = f.value.replace(/,/g, '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`${where}: "${f.value}" is not a plain number`);
  return Number(text);
}

export class Figures {
  constructor(private readonly tables: ReadonlyMap<string, SourceTable>) {}

  /** The one figure matching; throws when there is none or several (say which period you mean). */
  get(sourceId: string, subject: string, quantity: string, period?: string): Picked {
    const found = this.find(sourceId, subject, quantity, period);
    if (found === undefined)
      throw new Error(`${sourceId}: no ${quantity} for ${subject}${period ? ` in ${period}` : ''}`);
    return found;
  }

  find(sourceId: string, subject: string, quantity: string, period?: string): Picked | undefined {
    const table = this.tables.get(sourceId);
    if (table === undefined) throw new Error(`no sourced table "${sourceId}" under data/sources`);
    const rows = table.figures.filter(
      (f) => f.subject === subject && f.quantity === quantity && (period === undefined || f.period === period),
    );
    if (rows.length > 1)
      throw new Error(`${sourceId}: ${rows.length} figures for ${quantity} of ${subject}; name the period`);
    const figure = rows[0];
    if (figure === undefined) return undefined;
    return { figure, table, number: figureNumber(figure, `${table.reference} ${subject} ${quantity}`) };
  }

  /** Every figure of a table matching the filter (e.g. every cable landing in a market). */
  all(sourceId: string, keep: (f: Figure) => boolean): Figure[] {
    const table = this.tables.get(sourceId);
    if (table === undefined) throw new Error(`no sourced table "${sourceId}" under data/sources`);
    return table.figures.filter(keep);
  }

  table(sourceId: string): SourceTable {
    const table = this.tables.get(sourceId);
    if (table === undefined) throw new Error(`no sourced table "${sourceId}" under data/sources`);
    return table;
  }
}

/**
 * A fact's date: the figure's period — a year means its last day, a month its last day — else the
 * source's publication (or, without one, the day it was read).
 */
export function factDate(p: Picked): string {
  // A month is 01–12: "2024-25" is a financial year, not a month, and falls back to publication.
  const when = /^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/.test(p.figure.period)
    ? p.figure.period
    : (p.table.meta.published ?? p.table.meta.read);
  if (/^\d{4}$/.test(when)) return `${when}-12-31`;
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(when);
  if (month) {
    const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
    return `${when}-${String(last).padStart(2, '0')}`;
  }
  return when;
}

/** Where to read the source: its page, else the file at its commit. */
export function sourceUrl(t: SourceTable): string {
  const { url, repository, path, commit } = t.meta;
  if (repository !== null && path !== null && commit !== null)
    return `https://github.com/${repository}/blob/${commit}/${path}`;
  if (url !== null) return url;
  throw new Error(`${t.reference}: the source names neither a page nor a file at a commit`);
}

const at = (place: Place): { marketId: string | null; siteId: string | null } => ({
  marketId: place.marketId ?? null,
  siteId: place.siteId ?? null,
});

/** A figure taken as published (the unit already the criterion's): the table's own method. */
export function asPublished(criterionId: string, place: Place, p: Picked, note = ''): KnownFact {
  const said =
    note || `${p.figure.value} ${p.figure.unit}, ${p.figure.period} (${p.figure.subject}: ${p.figure.location})`;
  return {
    kind: 'known',
    criterionId,
    ...at(place),
    value: p.number,
    low: null,
    high: null,
    method: p.table.meta.method,
    // An estimate carries its reasoning: the fact's own note, and the table's notes on how it was made.
    derivation: p.table.meta.method === 'estimate' ? `${said} — ${p.table.meta.notes}` : null,
    reference: p.table.reference,
    source: { title: p.table.meta.title, url: sourceUrl(p.table), asOf: factDate(p) },
    note: said,
  };
}

/** How an input reads in a derivation: "45.40 sen/kWh (Malaysia, 2025; Energy Commission …)". */
export function inputText(p: Picked): string {
  return `${p.figure.value} ${p.figure.unit} (${p.figure.subject}, ${p.figure.period}; ${p.table.meta.title})`;
}

/**
 * A value computed from sourced figures by a stated formula. The first input is the primary one:
 * its source and date are the fact's (the others are named in the derivation). `formula` names the
 * operation in words and symbols; the inputs are appended with their values and sources.
 */
export function derived(
  criterionId: string,
  place: Place,
  value: number,
  formula: string,
  inputs: readonly Picked[],
  note = '',
): KnownFact {
  const primary = inputs[0];
  if (primary === undefined) throw new Error(`${criterionId}: a derived value needs at least one input`);
  const refs = [...new Set(inputs.map((p) => p.table.reference))];
  const asOf = inputs.map(factDate).sort()[0] as string; // the oldest input dates the value
  return {
    kind: 'known',
    criterionId,
    ...at(place),
    value: Number(value.toPrecision(6)),
    low: null,
    high: null,
    method: 'derived',
    derivation: `${formula}; inputs: ${inputs.map(inputText).join('; ')}`,
    reference: refs.join(' '),
    source: { title: primary.table.meta.title, url: sourceUrl(primary.table), asOf },
    note,
  };
}

/** An honest gap: why there is no number. */
export function gap(criterionId: string, place: Place, reason: string): MissingFact {
  return { kind: 'missing', criterionId, ...at(place), missingReason: reason, source: null, note: '' };
}

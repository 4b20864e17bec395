// Helpers the market-report, power-price and site-capacity rules share: reading a figure the source
// qualifies ("about 2", "nearly 500", "just under 3,000", "<1", "1.22 billion"), turning it into an `estimate` with its
// reasoning, a value the source gives as a range (low/high), and a site's capacity with its source.
import type { SiteCapacity } from '../site-capacity';
import {
  factDate,
  inputText,
  sourceUrl,
  type FactMethod,
  type Figures,
  type KnownFact,
  type Picked,
  type Place,
} from '../figures';

/** A qualified figure: the number it names, and the qualifier the source put on it. */
export interface Qualified extends Picked {
  qualifier: string;
}

const QUALIFIERS = [
  'approximately',
  'just under',
  'more than',
  'exceeding',
  'roughly',
  'nearly',
  'almost',
  'around',
  'about',
  'up to',
  'over',
  '~',
  '<',
  '>',
] as const;

const SCALE: Record<string, number> = { billion: 1e9, million: 1e6 };

/** The one figure matching, read even when the source qualifies it; throws when there is none or several. */
export function qualified(f: Figures, sourceId: string, subject: string, quantity: string, period?: string): Qualified {
  const rows = f.all(
    sourceId,
    (x) => x.subject === subject && x.quantity === quantity && (period === undefined || x.period === period),
  );
  const figure = rows[0];
  if (figure === undefined || rows.length > 1)
    throw new Error(`${sourceId}: ${rows.length} figures for ${quantity} of ${subject}; expected one`);
  let text = figure.value.trim().toLowerCase();
  let qualifier = '';
  for (const q of QUALIFIERS) {
    if (text.startsWith(q)) {
      qualifier = q;
      text = text.slice(q.length).trim();
      break;
    }
  }
  const [digits, scale] = text.replace(/,/g, '').split(/\s+/);
  const base = Number(digits);
  const times = scale === undefined ? 1 : SCALE[scale];
  if (!/^\d+(\.\d+)?$/.test(digits ?? '') || times === undefined)
    throw new Error(`${sourceId} ${subject} ${quantity}: cannot read "${figure.value}"`);
  return { figure, table: f.table(sourceId), number: base * times, qualifier };
}

/**
 * A rupiah rate as Indonesian sources write it, the dot separating thousands ("16.752" = 16,752);
 * refuses a figure whose unit does not say so.
 */
export function dottedThousands(p: Picked): Picked {
  if (!/dot is the thousands separator/.test(p.figure.unit))
    throw new Error(`${p.table.reference}: ${p.figure.value} is not marked as dot-separated thousands`);
  return { ...p, number: Number(p.figure.value.replace(/\./g, '')) };
}

const refsOf = (inputs: readonly Picked[]): string => [...new Set(inputs.map((p) => p.table.reference))].join(' ');
const oldest = (inputs: readonly Picked[]): string => inputs.map(factDate).sort()[0] as string;
const at = (place: Place): { marketId: string | null; siteId: string | null } => ({
  marketId: place.marketId ?? null,
  siteId: place.siteId ?? null,
});

/** The source a value cites: its first input's table, dated by the oldest input. */
function citedSource(inputs: readonly Picked[]): KnownFact['source'] {
  const primary = inputs[0];
  if (primary === undefined) throw new Error('a sourced value needs at least one input');
  return { title: primary.table.meta.title, url: sourceUrl(primary.table), asOf: oldest(inputs) };
}

/** An `estimate`: a value read from a bound, an approximation or a proxy, with the reasoning written down. */
export function estimated(
  criterionId: string,
  place: Place,
  value: number,
  reasoning: string,
  inputs: readonly Picked[],
  note = '',
): KnownFact {
  return {
    kind: 'known',
    criterionId,
    ...at(place),
    value: Number(value.toPrecision(6)),
    low: null,
    high: null,
    method: 'estimate',
    derivation: `${reasoning}; inputs: ${inputs.map(inputText).join('; ')}`,
    reference: refsOf(inputs),
    source: citedSource(inputs),
    note,
  };
}

/**
 * A value the sources give as a range: low and high are kept, the value is the midpoint. `method`
 * is the table's own when low and high are read off one row, `derived` when they span several.
 */
export function ranged(
  criterionId: string,
  place: Place,
  range: { low: number; high: number },
  method: FactMethod,
  derivation: string | null,
  inputs: readonly Picked[],
  note: string,
): KnownFact {
  return {
    kind: 'known',
    criterionId,
    ...at(place),
    value: Number(((range.low + range.high) / 2).toPrecision(6)),
    low: range.low,
    high: range.high,
    method,
    derivation: derivation === null ? null : `${derivation}; inputs: ${inputs.map(inputText).join('; ')}`,
    reference: refsOf(inputs),
    source: citedSource(inputs),
    note,
  };
}

/** A site's capacity from the figures it rests on (the first is the one the site cites). */
export function siteCapacity(
  siteId: string,
  mw: { existing: number | null; planned: number | null },
  method: FactMethod,
  derivation: string | null,
  inputs: readonly Picked[],
  note: string,
): SiteCapacity {
  const round = (x: number | null): number | null => (x === null ? null : Number(x.toPrecision(6)));
  return {
    siteId,
    existing: round(mw.existing),
    planned: round(mw.planned),
    method,
    derivation: derivation === null ? null : `${derivation}; inputs: ${inputs.map(inputText).join('; ')}`,
    reference: refsOf(inputs),
    source: citedSource(inputs),
    note,
  };
}

/**
 * A site's capacity from one announced figure, taken as published (its table's method); a table
 * recorded as an estimate carries its reasoning (the table's notes) into the derivation.
 */
export function singleCapacity(
  f: Figures,
  id: string,
  which: 'existing' | 'planned',
  [sourceId, subject, quantity]: readonly [string, string, string],
  note: string,
): SiteCapacity {
  const p = f.get(sourceId, subject, quantity);
  const mw = which === 'existing' ? { existing: p.number, planned: null } : { existing: null, planned: p.number };
  const why =
    p.table.meta.method === 'estimate'
      ? `${p.figure.value} ${p.figure.unit} as the source gives it: ${p.table.meta.notes}`
      : null;
  return siteCapacity(id, mw, p.table.meta.method, why, [p], note);
}

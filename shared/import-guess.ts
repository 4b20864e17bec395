// Why a JSON file's kind could not be guessed, in words that say what the file is and what it
// lacks. guessImportKind (model/transfer.ts) answers null; this answers the planner's next question.
import { DATABASE_FILE_FORMAT, DataTable, TABLE_FILE_FORMAT, tableImportKind } from './model/transfer';

/** The fields that tell each table's records apart from the others' (a record has more). */
const TELLING_KEYS: Readonly<Record<DataTable, readonly string[]>> = {
  jurisdictions: ['code', 'name', 'level'],
  markets: ['id', 'name', 'country', 'jurisdictionCode'],
  criteria: ['id', 'name', 'group', 'unit', 'direction'],
  chips: ['id', 'vendor', 'name', 'chipClass'],
  sites: ['id', 'name', 'marketId', 'lat', 'lon'],
  metric_values: ['kind', 'criterionId', 'marketId', 'siteId'],
  policy_events: ['id', 'issuer', 'regime', 'effect', 'effectiveDate'],
  company_profiles: ['id', 'name', 'hqCountry', 'trainingChips'],
  presets: ['id', 'name', 'method', 'weights'],
};

const KINDS = `${DataTable.options.map((t) => tableImportKind[t]).join(', ')}`;

/** One sentence on what `text` (from `filename`) holds and why no import kind fits it. */
export function explainUnguessable(filename: string, text: string): string {
  let data: unknown;
  try {
    data = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return /\.json$/i.test(filename)
      ? `it is not valid JSON (${why})`
      : `it is neither a .csv nor valid JSON (${why}); a sites file must end in .csv or .tsv`;
  }
  if (Array.isArray(data)) return describeArray(data);
  if (typeof data !== 'object' || data === null) return `it is ${describeValue(data)}, not a Landfall file`;
  const envelope = data as Record<string, unknown>;
  if (!('format' in envelope)) {
    return `it is a JSON object with no "format" field (keys: ${keyList(Object.keys(envelope))}); a Landfall file says "format": "${TABLE_FILE_FORMAT}" or "${DATABASE_FILE_FORMAT}"`;
  }
  const format = envelope.format;
  if (format !== TABLE_FILE_FORMAT && format !== DATABASE_FILE_FORMAT) {
    return `the envelope's format is ${JSON.stringify(format)}, expected ${TABLE_FILE_FORMAT} or ${DATABASE_FILE_FORMAT}`;
  }
  // Only a table file can get here: a database file is always guessed.
  const table = envelope.table;
  if (table === undefined) return `it is a ${TABLE_FILE_FORMAT} file without a "table" field`;
  return `its table ${JSON.stringify(table)} is not one Landfall imports (${DataTable.options.join(', ')})`;
}

function describeArray(items: unknown[]): string {
  if (items.length === 0) return `it is an empty JSON array; pass --kind to say which table it is for (${KINDS})`;
  const objects = items.filter(
    (i): i is Record<string, unknown> => typeof i === 'object' && i !== null && !Array.isArray(i),
  );
  if (objects.length < items.length) {
    return `it is a JSON array of ${items.length} items, ${items.length - objects.length} of them not objects; records are JSON objects`;
  }
  const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))];
  const table = DataTable.options.find((t) => TELLING_KEYS[t].every((k) => keys.includes(k)));
  if (table !== undefined) {
    return `it is a JSON array of ${items.length} objects that looks like ${table}: import it with --kind ${tableImportKind[table]}, or wrap it as {"format": "${TABLE_FILE_FORMAT}", "version": 1, "table": "${table}", "rows": [...]}`;
  }
  const needs = DataTable.options.map((t) => `a ${t} file needs ${TELLING_KEYS[t].join(', ')}`).join('; ');
  return `it is a JSON array of ${items.length} objects whose keys (${keyList(keys)}) match no Landfall table: ${needs}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'JSON null';
  return `a JSON ${typeof value}`;
}

function keyList(keys: string[]): string {
  if (keys.length === 0) return 'none';
  const shown = keys.slice(0, 8).join(', ');
  return keys.length > 8 ? `${shown}, … ${keys.length - 8} more` : shown;
}

// CSV writing (RFC 4180 quoting) with spreadsheet formula-injection escaping.

/**
 * Cells a spreadsheet would run as a formula get a leading apostrophe. A cell that already starts
 * with apostrophes before such a character gets one more, so the importer can always strip exactly
 * one (shared/csv-parse.ts `unescapeFormula`) and give back the original text.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

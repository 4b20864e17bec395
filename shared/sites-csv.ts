// The spreadsheet-friendly sites file: one row per site, fixed columns first, then one column per
// criterion whose cells become site-level facts. This file and the two beside it check everything
// that needs no database: the header (sites-csv-header.ts), each row's numbers, coordinates and
// sources (sites-csv-row.ts), and here what spans rows (duplicate ids, unreadable cells);
// db/transfer/ checks markets and criteria.
import { detectDelimiter, readCsv, type CsvRecord } from './csv-parse';
import type { ImportError } from './model/transfer';
import { readHeader, type SiteCsvRow, type SitesCsv } from './sites-csv-header';
import { csvError, SiteRowReader } from './sites-csv-row';
import { textProblem } from './text';

/** Reads a sites CSV (text already decoded). Every problem is collected; nothing stops at the first. */
export function parseSitesCsv(text: string): SitesCsv {
  const delimiter = detectDelimiter(text);
  // A cell can only hold a NUL or an unpaired surrogate if the file holds one of those characters:
  // most files hold none, and then no cell needs checking.
  const mayBeUnclean = text.includes('\u0000') || /[\uD800-\uDFFF]/.test(text);
  // The header's and the rows' problems, after the parser's (as they always were listed).
  const found: ImportError[] = [];
  const rows: SiteCsvRow[] = [];
  // Set by the first record (the header); no reader when the header is unreadable.
  const file: { header?: CsvRecord; reader: SiteRowReader | null } = { reader: null };
  const { problems } = readCsv(text, delimiter, (record) => {
    const { header, reader } = file;
    if (header === undefined) {
      file.header = record;
      if (mayBeUnclean && !cleanCells(record, record, found)) return;
      file.reader = new SiteRowReader(readHeader(record, found), delimiter === ';', found);
      return;
    }
    if (reader === null) return; // its problems say why
    if (record.broken) return; // already reported by the parser; its cells are not trustworthy
    if (record.fields.every((f) => f.trim() === '')) return; // a spreadsheet's empty row
    if (mayBeUnclean && !cleanCells(record, header, found)) return;
    if (record.fields.length !== header.fields.length) {
      found.push(
        csvError(
          record.row,
          record.line,
          null,
          `the row has ${record.fields.length} cells but the header has ${header.fields.length}`,
        ),
      );
      return;
    }
    rows.push(reader.read(record));
  });
  const parser = problems.map((p) =>
    csvError(p.row, p.line, null, `${p.message} (line ${p.line}, character ${p.column})`),
  );
  const { header, reader } = file;
  if (header === undefined) {
    const empty = csvError(
      1,
      1,
      null,
      'the file is empty: expected a header row starting id,name,country,region,lat,lon',
    );
    return { header: { row: 1, line: 1 }, criteria: [], rows: [], errors: [...parser, empty] };
  }
  const errors = [...parser, ...found];
  if (reader === null) return { header: { row: 1, line: 1 }, criteria: [], rows: [], errors };
  markDuplicates(rows, errors);
  return { header: { row: header.row, line: header.line }, criteria: reader.criteria, rows, errors };
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
    errors.push(csvError(record.row, record.line, name, `${where} ${problem}`));
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
      errors.push(csvError(r.row, r.line, 'id', `duplicate id "${id}": also on row ${others.join(', ')}`));
    }
  }
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

// Tab-separated text as spreadsheets put it on the clipboard: cells split by tabs, rows by newlines,
// a cell with a tab, newline or quote wrapped in double quotes (a quote inside doubled). Pure, so the
// grid's copy and paste are tested without a browser.

/** Reads a TSV block into rows of cells. A trailing newline (spreadsheets add one) makes no empty row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const s = text.replace(/\r\n?/g, '\n');
  let atCellStart = true;
  while (i < s.length) {
    const c = s[i] as string;
    if (atCellStart && c === '"') {
      // A quoted cell: read to the closing quote; "" is one quote.
      i++;
      while (i < s.length) {
        const q = s[i] as string;
        if (q === '"' && s[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (q === '"') {
          i++;
          break;
        } else {
          cell += q;
          i++;
        }
      }
      atCellStart = false;
      continue;
    }
    atCellStart = false;
    if (c === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += c;
    }
    i++;
  }
  if (!atCellStart || cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function quoteCell(cell: string): string {
  return /[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Writes rows of cells as TSV that parseTsv (and a spreadsheet) reads back to the same cells. */
export function serialiseTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quoteCell).join('\t')).join('\n');
}

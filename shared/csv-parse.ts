// Reading CSV that people save from spreadsheets: bytes → text (UTF-8 only, with or without a BOM,
// anything else named and refused), the delimiter guessed from the header line, and RFC 4180
// records that remember where they started so every error can name its row and line.

export type TextCheck = { ok: true; text: string } | { ok: false; message: string };

export type Delimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** 1-based record number, counting blank records, i.e. the row a spreadsheet shows (header = 1). */
  row: number;
  /** 1-based line of the file where the record starts (differs from `row` after quoted newlines). */
  line: number;
  fields: string[];
  /** The record had a quoting problem; its fields are unreliable. */
  broken: boolean;
}

export interface CsvProblem {
  row: number;
  line: number;
  /** 1-based character column within the line. */
  column: number;
  message: string;
}

export interface ParsedCsv {
  delimiter: Delimiter;
  records: CsvRecord[];
  problems: CsvProblem[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Decodes file bytes as UTF-8, refusing UTF-16/32 and invalid UTF-8 with a message that says which. */
export function decodeText(bytes: Uint8Array): TextCheck {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { ok: false, message: utf16Message('UTF-16 LE (byte-order mark FF FE)') };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { ok: false, message: utf16Message('UTF-16 BE (byte-order mark FE FF)') };
  const hasBom = bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
  const body = hasBom ? bytes.subarray(3) : bytes;
  const nul = guessNulEncoding(body);
  if (nul !== null) return { ok: false, message: utf16Message(nul) };
  try {
    // `ignoreBOM` because the BOM is already handled above; a second one would be content.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    const bad = firstInvalidUtf8(body);
    const at = bad === null ? '' : ` at line ${bad.line} (byte ${bad.offset + (hasBom ? 4 : 1)}, 0x${hex(bad.byte)})`;
    return {
      ok: false,
      message: `the file is not valid UTF-8${at}; it is probably Windows-1252 or Latin-1. Save it as "CSV UTF-8" and try again`,
    };
  }
}

/** Checks text that was decoded elsewhere (e.g. by the renderer) for the traces of a wrong encoding. */
export function checkText(text: string): TextCheck {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // Text that came through a UTF-16 misreading is full of NULs; a stray one is named with its row and
  // column by the file's parser instead (see shared/text.ts), which is more use than a wrong guess.
  let nuls = 0;
  const sample = Math.min(body.length, 4096);
  for (let i = 0; i < sample; i++) if (body.charCodeAt(i) === 0) nuls++;
  if (looksLikeUtf16(nuls, sample)) {
    return {
      ok: false,
      message: utf16Message(
        `text with NUL characters (line ${lineAt(body, body.indexOf('\u0000'))}), the mark of UTF-16 read as UTF-8`,
      ),
    };
  }
  const replacement = body.indexOf('\uFFFD');
  if (replacement >= 0) {
    return {
      ok: false,
      message:
        `the text holds U+FFFD replacement characters (line ${lineAt(body, replacement)}): the file was not valid ` +
        'UTF-8 when it was read. Save it as "CSV UTF-8" and try again',
    };
  }
  return { ok: true, text: body };
}

function utf16Message(what: string): string {
  return `the file is ${what}; Landfall reads UTF-8 only. Save it as "CSV UTF-8" (or UTF-8 JSON) and try again`;
}

/**
 * UTF-16 text of mostly ASCII has a NUL in every other byte; valid UTF-8 text has none. A few NULs
 * are not an encoding: they are bad characters, refused with their row and column by the parser.
 */
function guessNulEncoding(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  if (!looksLikeUtf16(even + odd, n)) return null;
  if (odd > even) return 'UTF-16 LE without a byte-order mark (every other byte is NUL)';
  if (even > odd) return 'UTF-16 BE without a byte-order mark (every other byte is NUL)';
  return 'binary, not text (it holds NUL bytes)';
}

/** At least one NUL in eight units of the sample: UTF-16 of Latin text has one in two. */
function looksLikeUtf16(nuls: number, sample: number): boolean {
  return nuls > 0 && nuls * 8 >= sample;
}

function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number; byte: number } | null {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      if (b === 0x0a) line++;
      i++;
      continue;
    }
    // Lead byte → number of continuation bytes and the allowed range of the first one (RFC 3629 table).
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) [need, lo] = [2, 0xa0];
    else if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) need = 2;
    else if (b === 0xed) [need, hi] = [2, 0x9f];
    else if (b === 0xf0) [need, lo] = [3, 0x90];
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else if (b === 0xf4) [need, hi] = [3, 0x8f];
    else return { offset: i, line, byte: b };
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c === undefined || c < min || c > max) return { offset: i, line, byte: b };
    }
    i += need + 1;
  }
  return null;
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Picks the delimiter that occurs most often, outside quotes, in the first record: spreadsheets in
 * locales with a decimal comma save with semicolons. Ties and a single-column header mean comma.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/**
 * RFC 4180 parsing: quoted fields may hold delimiters, doubled quotes and line breaks; records end
 * at CRLF, LF or CR. Blank lines are counted (so row numbers match a spreadsheet) but not returned.
 * Problems (an unclosed quote, text after a closing quote, a quote inside an unquoted field) are
 * reported with their row, line and column, and the record is marked broken rather than guessed at.
 */
export function parseCsv(text: string, delimiter: Delimiter = detectDelimiter(text)): ParsedCsv {
  const records: CsvRecord[] = [];
  const { problems } = readCsv(text, delimiter, (record) => records.push(record));
  return { delimiter, records, problems };
}

/**
 * parseCsv that hands each record to `onRecord` as soon as it is read instead of keeping them all:
 * a large file's records (and the cells nobody keeps) then die young rather than all living until
 * the last line is read.
 */
export function readCsv(
  text: string,
  delimiter: Delimiter,
  onRecord: (record: CsvRecord) => void,
): { problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let row = 0;

  while (i < n) {
    row++;
    const recordLine = line;
    const fields: string[] = [];
    let broken = false;
    let blank = true;
    const problem = (at: number, message: string): void => {
      broken = true;
      problems.push({ row, line, column: at - lineStart + 1, message });
    };

    for (;;) {
      // One field starts at i.
      let value: string;
      if (text.charCodeAt(i) === 34 /* " */) {
        blank = false;
        const openLine = line;
        const openColumn = i - lineStart + 1;
        const parts: string[] = [];
        let j = i + 1;
        let closed = false;
        while (j < n) {
          const q = text.indexOf('"', j);
          const end = q < 0 ? n : q;
          // Line breaks inside the quotes still advance the file's line count.
          for (let k = j; k < end; k++) {
            const c = text.charCodeAt(k);
            if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) {
              line++;
              lineStart = k + 1;
            }
          }
          if (q < 0) {
            parts.push(text.slice(j));
            j = n;
            break;
          }
          parts.push(text.slice(j, q));
          if (text.charCodeAt(q + 1) === 34) {
            parts.push('"');
            j = q + 2;
          } else {
            j = q + 1;
            closed = true;
            break;
          }
        }
        value = parts.join('');
        if (!closed) {
          broken = true;
          problems.push({
            row,
            line: openLine,
            column: openColumn,
            message: 'a quoted field is never closed (missing ")',
          });
        }
        i = j;
        // After the closing quote only a delimiter or the end of the record may follow.
        if (closed && i < n) {
          const c = text.charCodeAt(i);
          if (c !== delim && c !== 10 && c !== 13) {
            problem(i, 'text after a closing quote; double a quote inside a quoted field ("")');
            while (i < n && text.charCodeAt(i) !== delim && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
          }
        }
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === delim || c === 10 || c === 13) break;
          if (c === 34)
            problem(i, 'a quote inside an unquoted field; put the whole field in quotes and double the quote');
          i++;
        }
        value = text.slice(start, i);
        if (value !== '') blank = false;
      }
      fields.push(value);
      if (i < n && text.charCodeAt(i) === delim) {
        blank = false;
        i++;
        continue;
      }
      break;
    }
    // End of record: CRLF, LF, CR or end of text.
    if (i < n) {
      if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i += 2;
      else i++;
      line++;
      lineStart = i;
    }
    if (!blank) onRecord({ row, line: recordLine, fields, broken });
  }
  return { problems };
}

/**
 * Undoes the apostrophe shared/csv.ts puts before a cell a spreadsheet would run as a formula, so
 * an exported name like "-north" comes back as it was. Exactly one apostrophe is removed, and only
 * before a formula character, which makes escape and unescape exact inverses.
 */
export function unescapeFormula(cell: string): string {
  // Most cells do not start with an apostrophe: skip the pattern (called for every cell of a file).
  if (cell.charCodeAt(0) !== 39) return cell;
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A plain decimal number, or null. With semicolon-separated files (written by spreadsheets in
 * decimal-comma locales) "12,5" means 12.5; thousands separators are never guessed at.
 */
export function parseNumber(text: string, decimalComma = false): number | null {
  let t = text.trim();
  if (decimalComma && /^[+-]?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  if (!NUMBER.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../shared/csv';
import { checkText, decodeText, detectDelimiter, parseCsv, parseNumber, unescapeFormula } from '../../shared/csv-parse';
import { guessImportKind } from '../../shared/model/transfer';
import { isKnownCountry, parseSitesCsv } from '../../shared/sites-csv';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const fields = (text: string): string[][] => parseCsv(text).records.map((r) => r.fields);

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM to the same text', () => {
    const plain = utf8('id,name\r\nsg-tuas,Tuas – Jurong\r\n');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeText(plain)).toEqual({ ok: true, text: 'id,name\r\nsg-tuas,Tuas – Jurong\r\n' });
    expect(decodeText(withBom)).toEqual(decodeText(plain));
  });

  it('names UTF-16 LE and BE by their byte-order marks', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00]);
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x69, 0x00, 0x64]);
    expect(decodeText(le)).toEqual({ ok: false, message: expect.stringContaining('UTF-16 LE') });
    expect(decodeText(be)).toEqual({ ok: false, message: expect.stringContaining('UTF-16 BE') });
  });

  it('names UTF-16 without a byte-order mark by its NUL bytes', () => {
    const le = new Uint8Array([...'id,name\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    const be = new Uint8Array([...'id,name\n'].flatMap((c) => [0, c.charCodeAt(0)]));
    expect(decodeText(le)).toEqual({
      ok: false,
      message: expect.stringContaining('UTF-16 LE without a byte-order mark'),
    });
    expect(decodeText(be)).toEqual({
      ok: false,
      message: expect.stringContaining('UTF-16 BE without a byte-order mark'),
    });
  });

  it('names invalid UTF-8 (a Latin-1 file) with its line and byte', () => {
    const latin1 = new Uint8Array([...utf8('id,name\nx,Caf'), 0xe9, ...utf8('\n')]);
    const result = decodeText(latin1);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('not valid UTF-8');
      expect(result.message).toContain('line 2');
      expect(result.message).toContain('0xE9');
    }
  });

  it.each([
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a truncated sequence', [0xe2, 0x82]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ])('refuses %s', (_name, bytes) => {
    expect(decodeText(new Uint8Array([0x61, ...bytes])).ok).toBe(false);
  });
});

describe('checkText (text decoded elsewhere)', () => {
  it('strips a BOM', () => {
    expect(checkText('\uFEFFid\n')).toEqual({ ok: true, text: 'id\n' });
  });

  it('names the traces of a wrong decoding', () => {
    expect(checkText('i\u0000d\u0000')).toEqual({ ok: false, message: expect.stringContaining('UTF-16') });
    expect(checkText('id\nCaf\uFFFD\n')).toEqual({ ok: false, message: expect.stringContaining('line 2') });
  });
});

describe('detectDelimiter', () => {
  it('picks the delimiter of the header line, ignoring quoted text and later lines', () => {
    expect(detectDelimiter('id,name,lat\n1;2;3;4;5\n')).toBe(',');
    expect(detectDelimiter('id;name;lat\n"a,b",c\n')).toBe(';');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('id\tname\n')).toBe('\t');
    expect(detectDelimiter('id\n')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('reads quoted fields holding delimiters, doubled quotes and line breaks', () => {
    const text = 'id,notes\r\n1,"a, b"\r\n2,"say ""hi"""\r\n3,"line1\r\nline2\nline3"\r\n4,""\r\n';
    expect(fields(text)).toEqual([
      ['id', 'notes'],
      ['1', 'a, b'],
      ['2', 'say "hi"'],
      ['3', 'line1\r\nline2\nline3'],
      ['4', ''],
    ]);
  });

  it('accepts LF, CRLF and CR line ends and a missing final newline', () => {
    expect(fields('a,b\n1,2')).toEqual(fields('a,b\r\n1,2\r\n'));
    expect(fields('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('numbers rows like a spreadsheet and lines like an editor', () => {
    const parsed = parseCsv('h1,h2\n"multi\nline",x\n\nlast,y\n');
    expect(parsed.records.map((r) => [r.row, r.line])).toEqual([
      [1, 1],
      [2, 2],
      [4, 5],
    ]);
    expect(parsed.records.map((r) => r.row)).not.toContain(3); // the blank line is counted, not returned
  });

  it('keeps empty fields and trailing empty fields', () => {
    expect(fields('a,,c,\n')).toEqual([['a', '', 'c', '']]);
  });

  it('reports an unclosed quote at the line and column where it opens', () => {
    const parsed = parseCsv('id,name\n1,ok\n2,"never closed\n3,x\n');
    expect(parsed.problems).toEqual([{ row: 3, line: 3, column: 3, message: expect.stringContaining('never closed') }]);
    expect(parsed.records.at(-1)?.broken).toBe(true);
  });

  it('reports text after a closing quote and a quote inside an unquoted field', () => {
    const parsed = parseCsv('id,name\n1,"a"b\n2,5" drive\n');
    expect(parsed.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 6],
      [3, 4],
    ]);
    expect(parsed.records.filter((r) => r.broken).map((r) => r.row)).toEqual([2, 3]);
  });

  it('reads back whatever toCsv writes, for any cells (after removing the formula escape)', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('=1+1', '-5', '@x', "'=x", '"', ',', '\r\n', ' '));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const text = toCsv(['a', 'b'], rows);
        const back = parseCsv(text, ',');
        expect(back.problems).toEqual([]);
        // toCsv writes a row of two empty cells as ",", which the parser keeps; nothing is blank.
        expect(back.records.slice(1).map((r) => r.fields.map(unescapeFormula))).toEqual(rows);
      }),
    );
  });
});

describe('unescapeFormula', () => {
  it('is the exact inverse of the formula escape in csvCell', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('', "'", "''", '=', '-', '+', '@', '\t', "'-"), (tail, head) => {
        const text = head + tail;
        const escaped = csvCell(text);
        const unquoted = /^"/.test(escaped) ? escaped.slice(1, -1).replaceAll('""', '"') : escaped;
        expect(unescapeFormula(unquoted)).toBe(text);
      }),
    );
  });
});

describe('parseNumber', () => {
  it('reads plain decimals and exponents, and a decimal comma only when asked', () => {
    expect(parseNumber(' -77.4874 ')).toBe(-77.4874);
    expect(parseNumber('1e-7')).toBe(1e-7);
    expect(parseNumber('1e+21')).toBe(1e21);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('12,5')).toBeNull();
    expect(parseNumber('12,5', true)).toBe(12.5);
    expect(parseNumber('1,234,5', true)).toBeNull();
  });

  it.each(['', 'abc', '0x10', 'Infinity', 'NaN', '1 000', '5 MW', '1e999', '--1'])('refuses %j', (text) => {
    expect(parseNumber(text)).toBeNull();
  });

  it('reads back every finite number String() writes', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(parseNumber(String(n))).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

describe('isKnownCountry', () => {
  it('knows ISO countries and refuses unassigned and non-country codes', () => {
    expect(['SG', 'MY', 'CN', 'US', 'ID'].every(isKnownCountry)).toBe(true);
    expect(['XQ', 'QQ', 'ZZ', 'EU', 'sg', 'SGP'].some(isKnownCountry)).toBe(false);
  });
});

describe('parseSitesCsv (checks that need no database)', () => {
  const HEAD = 'id,name,country,region,lat,lon';
  const SRC = 'source_title,source_url,as_of';
  const errorsOf = (text: string): [number | null, string | null][] =>
    parseSitesCsv(text).errors.map((e) => [e.row, e.column]);

  it('names every missing required column', () => {
    expect(errorsOf('id,name,lat\nx,X,1\n')).toEqual([
      [1, 'country'],
      [1, 'region'],
      [1, 'lon'],
    ]);
  });

  it('names a column given twice and an unknown column', () => {
    expect(errorsOf(`${HEAD},lat,Capacity (MW)\n`)).toEqual([
      [1, 'lat'],
      [1, 'capacity (mw)'],
    ]);
  });

  it('needs source columns when the file gives criterion values', () => {
    expect(errorsOf(`${HEAD},power_price\n`).map(([, c]) => c)).toEqual(['source_title', 'source_url', 'as_of']);
  });

  it('names each bad cell by row and column', () => {
    const text = [
      `${HEAD},power_price,${SRC}`,
      'a,A,SG,sg,1,103,12,T,https://x.org,2025-01-01',
      'b,B,SG,sg,95,103,,,,',
      'c,C,SGP,sg,1,200,abc,T,https://x.org,2025-01-01',
      'd,D,SG,sg,1,103,5,,,',
      'e,E,SG,sg,1,103,5,T,not a url,2025-13-01',
    ].join('\n');
    expect(errorsOf(text)).toEqual([
      [3, 'lat'],
      [4, 'country'],
      [4, 'lon'],
      [4, 'power_price'],
      [5, 'source_url'],
      [6, 'source_url'],
      [6, 'as_of'],
    ]);
  });

  it('names both rows of a duplicate id', () => {
    const errors = parseSitesCsv(`${HEAD}\nx,X,SG,sg,1,2\ny,Y,SG,sg,1,2\nx,X2,SG,sg,1,2\n`).errors;
    expect(errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'id', 'duplicate id "x": also on row 4'],
      [4, 'id', 'duplicate id "x": also on row 2'],
    ]);
  });

  it('refuses a row with a different number of cells than the header', () => {
    expect(errorsOf(`${HEAD}\nx,X,SG,sg,1\n`)).toEqual([[2, null]]);
  });

  it('skips rows a spreadsheet leaves empty', () => {
    expect(parseSitesCsv(`${HEAD}\n,,,,,\nx,X,SG,sg,1,2\n;\n`).rows.map((r) => r.id)).toEqual(['x']);
  });
});

describe('guessImportKind', () => {
  it('tells files apart by extension and by their format field', () => {
    expect(guessImportKind('sites.CSV', '')).toBe('sites-csv');
    expect(guessImportKind('x.json', '{"format":"landfall.database","version":1}')).toBe('database-json');
    expect(guessImportKind('x.json', '{"format":"landfall.table","table":"presets"}')).toBe('presets-json');
    expect(guessImportKind('x.json', '{"format":"landfall.table","table":"policy_events"}')).toBe('policies-json');
    expect(guessImportKind('x.json', '[]')).toBeNull();
    expect(guessImportKind('x.json', 'not json')).toBeNull();
  });
});

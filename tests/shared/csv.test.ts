import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../shared/csv';

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('Tuas')).toBe('Tuas');
    expect(csvCell("Gui'an New Area")).toBe("Gui'an New Area");
  });

  it('quotes cells holding a comma, a quote, a CR or an LF, doubling inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('line1\r\nline2')).toBe('"line1\r\nline2"');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['-5', "'-5"],
  ])('prefixes a formula-looking string %j with an apostrophe', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('escapes a leading tab or carriage return (and still quotes the CR)', () => {
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
  });

  it('escapes and quotes a formula that also holds a comma and quotes', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('only escapes a formula character at the start of the cell', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('x-1@y')).toBe('x-1@y');
  });

  it('writes numbers untouched, negative ones included', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(-77.4874)).toBe('-77.4874');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(103.6467)).toBe('103.6467');
  });

  it('writes null and undefined as empty cells', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('writes booleans as text', () => {
    expect(csvCell(true)).toBe('true');
  });
});

describe('toCsv', () => {
  it('joins cells with commas and rows with CRLF, ending with CRLF', () => {
    const text = toCsv(
      ['id', 'name', 'mw'],
      [
        ['a', 'x, y', null],
        ['b', '=cmd', -5],
      ],
    );
    expect(text).toBe('id,name,mw\r\na,"x, y",\r\nb,\'=cmd,-5\r\n');
  });

  it('writes just the header when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });
});

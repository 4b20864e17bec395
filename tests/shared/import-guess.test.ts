// When the importer cannot tell what a JSON file holds, it says what the file is and what is wrong
// with it, rather than only "cannot tell what FILE holds" (issue 14).
import { describe, expect, it } from 'vitest';
import { explainUnguessable } from '../../shared/import-guess';

describe('explainUnguessable', () => {
  it('describes a bare array of objects whose keys match no table', () => {
    const text = JSON.stringify([{ a: 1, b: 2 }, { a: 3 }, { b: 4 }]);
    const message = explainUnguessable('x.json', text);
    expect(message).toMatch(/JSON array of 3 objects whose keys \(a, b\) match no Landfall table/);
    expect(message).toMatch(/a sites file needs id, name, marketId/);
  });

  it('names the table a bare array looks like, and the envelope it needs', () => {
    const text = JSON.stringify([{ id: 's', name: 'S', marketId: 'sg', lat: 1, lon: 2 }]);
    expect(explainUnguessable('x.json', text)).toMatch(/looks like sites.*landfall\.table/);
  });

  it('names a wrong format and a wrong table', () => {
    expect(explainUnguessable('x.json', '{"format":"acme.export","version":1}')).toMatch(
      /the envelope's format is "acme\.export", expected landfall\.table or landfall\.database/,
    );
    expect(explainUnguessable('x.json', '{"format":"landfall.table","version":1,"table":"widgets"}')).toMatch(
      /table "widgets" is not one Landfall imports \(jurisdictions, markets/,
    );
    expect(explainUnguessable('x.json', '{"version":1}')).toMatch(/no "format" field/);
  });

  it('says when the text is not JSON at all, and where', () => {
    expect(explainUnguessable('x.json', '{"a": }')).toMatch(/not valid JSON/);
    expect(explainUnguessable('x.txt', 'hello')).toMatch(/neither a \.csv nor valid JSON/);
    expect(explainUnguessable('x.json', '42')).toMatch(/a JSON number/);
  });
});

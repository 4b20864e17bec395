// The JSON and CSV imports apply the source-decision rule: a row that changes a stored value under
// the source stored with the old value is refused (an import cannot ask the planner, so it never
// stores an estimate on their behalf); a new source, or an estimate with its own derivation, goes in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../db/transfer/content-hash';
import { commitImport, ImportRefused, previewImport } from '../../db/transfer/import';
import { plannersEstimate } from '../../shared/model/fact-source-decision';
import type { ImportKind } from '../../shared/model/transfer';
import { addReference, emptyDb, OTHER, SOURCE, type Db } from './transfer-fixture';

let db: Db;

beforeEach(() => {
  db = emptyDb();
  addReference(db);
});

afterEach(() => db.close());

const fact = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind: 'known',
  criterionId: 'power_price',
  marketId: 'sg',
  siteId: null,
  note: '',
  value: 180,
  low: null,
  high: null,
  method: 'official',
  source: SOURCE,
  ...over,
});
const json = (over: Record<string, unknown> = {}): string => JSON.stringify([fact(over)]);
const stored = (): unknown =>
  db
    .prepare(
      "SELECT value, source_title, as_of, method, derivation FROM metric_values WHERE criterion_id = 'power_price' AND market_id = 'sg'",
    )
    .get();

/** Commits, expects a refusal that wrote nothing, and gives its errors' [row, column, message]. */
function refused(kind: ImportKind, text: string): [number | null, string | null, string][] {
  const hash = contentHash(db);
  try {
    commitImport(db, kind, text);
  } catch (error) {
    if (!(error instanceof ImportRefused)) throw error;
    expect(contentHash(db)).toBe(hash);
    expect(previewImport(db, kind, text).errors).toEqual(error.preview.errors);
    return error.preview.errors.map((e) => [e.row, e.column, e.message]);
  }
  throw new Error('the import should have been refused');
}

describe('JSON import: a changed value needs a source decision', () => {
  beforeEach(() => {
    commitImport(db, 'metric-values-json', json());
  });

  it('refuses another number under the stored source, with or without a method', () => {
    const message =
      'the value changes from 180 to 50 but keeps the source of the old value ("Test source, 2025", as of 2025-01-01), which does not give the new number: give the new value\'s own source (source.title, source.url, source.asOf), or mark it as your estimate (method estimate, with a derivation saying why it is 50)';
    expect(refused('metric-values-json', json({ value: 50 }))).toEqual([[1, 'source', message]]);
    // A file from before schema 6 (no method): its stand-in is no decision either.
    const { method: _m, ...old } = fact({ value: 50 });
    expect(refused('metric-values-json', JSON.stringify([old]))).toEqual([[1, 'source', message]]);
    expect(stored()).toMatchObject({ value: 180 });
  });

  it('takes a new source, or the planner’s estimate with its note, and an unchanged value as it is', () => {
    expect(previewImport(db, 'metric-values-json', json()).unchanged).toHaveLength(1);
    commitImport(db, 'metric-values-json', json({ value: 50, source: OTHER }));
    expect(stored()).toMatchObject({ value: 50, source_title: OTHER.title });
    const estimate = plannersEstimate('the operator quoted 45–55 in March');
    commitImport(db, 'metric-values-json', json({ value: 48, source: OTHER, ...estimate }));
    expect(stored()).toEqual({
      value: 48,
      source_title: OTHER.title,
      as_of: OTHER.asOf,
      method: 'estimate',
      derivation: estimate.derivation,
    });
  });
});

describe('sites CSV import: a changed value needs a source decision', () => {
  const HEAD = 'id,name,country,region,lat,lon,power_price,source_title,source_url,as_of';
  const row = (value: number, s: { title: string; url: string; asOf: string }): string =>
    `${HEAD}\nx1,Site one,SG,sg,1.25,103.5,${value},"${s.title.replaceAll('"', '""')}",${s.url},${s.asOf}\n`;
  const siteFact = (): unknown =>
    db
      .prepare("SELECT value, source_url FROM metric_values WHERE criterion_id = 'power_price' AND site_id = 'x1'")
      .get();

  it('refuses a row that changes a fact under the same source, naming the row and the criterion', () => {
    commitImport(db, 'sites-csv', row(99.5, SOURCE));
    const errors = refused('sites-csv', row(80, SOURCE));
    expect(errors.map(([r, c]) => [r, c])).toEqual([[2, 'power_price']]);
    expect(errors[0]?.[2]).toMatch(/^the value changes from 99\.5 to 80 but keeps the source of the old value/);
    expect(siteFact()).toEqual({ value: 99.5, source_url: SOURCE.url });
    // The same file with the new value's source goes in.
    commitImport(db, 'sites-csv', row(80, OTHER));
    expect(siteFact()).toEqual({ value: 80, source_url: OTHER.url });
  });
});

// The bulk writer behind imports (multi-row INSERTs, one bulk log row per thousand inserts)
// writes exactly what the row-by-row writer does, and a large file is still all or nothing.
import { describe, expect, it } from 'vitest';
import { withChangeBatch } from '../../db/change-log';
import { batchChanges } from '../../db/history-repo';
import { contentHash, rowCounts } from '../../db/transfer/content-hash';
import { commitImport, ImportRefused } from '../../db/transfer/import';
import type { InsertedChunk } from '../../db/transfer/bulk-insert';
import { readChangeLog, tableStore } from '../../db/transfer/table-store';
import type { Cell, DbRow } from '../../db/transfer/tables';
import { addReference, changeLogCount, emptyDb, populate, SOURCE, type Db } from './transfer-fixture';

const AWKWARD: Cell[] = [
  '',
  'plain',
  'quote " and backslash \\ and tab \t and newline \n',
  'unicode é ☃ 𝄞 and U+2028 \u2028',
  'control \u0001\u001f',
  '\ud800 lone',
  0,
  -0,
  1.5,
  -123.456,
  0.1 + 0.2,
  1e21,
  1e-7,
  Number.MAX_SAFE_INTEGER,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  null,
];

/** Every row of the tables a sites import writes, and the changes logged (without batch id and time). */
function written(db: Db): unknown {
  const all = (sql: string): unknown[] => db.prepare(sql).raw().all();
  const batch = db.prepare('SELECT batch_id FROM change_log ORDER BY id DESC LIMIT 1').pluck().get() as string;
  return {
    sites: all('SELECT rowid, * FROM sites ORDER BY rowid'),
    facts: all('SELECT * FROM metric_values ORDER BY id'),
    log: batchChanges(db, batch),
    exported: readChangeLog(db).map(({ batch_id: _, at: __, ...rest }) => rest),
    sequence: all('SELECT * FROM sqlite_sequence ORDER BY name'),
  };
}

describe('insertMany', () => {
  it('stores and logs the same rows, with the same metric value ids, as insert one by one', () => {
    const site = (i: number): DbRow => ({
      id: `bulk-${i}`,
      name: String(AWKWARD[i % 6]) || `Bulk ${i}`,
      market_id: 'sg',
      lat: i % 2 === 0 ? 1.3 : -0,
      lon: 103 + i / 7,
      capacity_existing_mw: i % 3 === 0 ? null : i * 0.1,
      capacity_planned_mw: null,
      status: 'planned',
      notes: String(AWKWARD[(i + 2) % 6]),
      source_title: SOURCE.title,
      source_url: SOURCE.url,
      source_as_of: SOURCE.asOf,
      origin: 'import',
      operator: i % 4 === 0 ? null : `Operator ${i}`,
    });
    const fact = (i: number): DbRow => ({
      criterion_id: i % 2 === 0 ? 'power_price' : 'latency_sg',
      site_id: `bulk-${Math.floor(i / 2)}`,
      value: i % 5 === 0 ? 1e21 : i * 0.37,
      low: null,
      high: i % 3 === 0 ? 1e21 : null,
      missing_reason: null,
      source_title: SOURCE.title,
      source_url: SOURCE.url,
      as_of: SOURCE.asOf,
      note: String(AWKWARD[i % 6]),
      method: 'measured',
      derivation: null,
      reference: null,
    });
    // More rows than one multi-row statement holds, and a remainder.
    const sites = Array.from({ length: 301 }, (_, i) => site(i));
    const facts = Array.from({ length: 602 }, (_, i) => fact(i));

    const one = emptyDb();
    populate(one);
    withChangeBatch(one, 'import', (batch) => {
      const siteStore = tableStore(one, 'sites');
      const factStore = tableStore(one, 'metric_values');
      sites.forEach((s, i) => siteStore.insert(s, batch, `row ${i}`));
      facts.forEach((f, i) => factStore.insert(f, batch, `row ${i}`));
    });

    const bulk = emptyDb();
    populate(bulk);
    withChangeBatch(bulk, 'import', (batch) => {
      const siteStore = tableStore(bulk, 'sites');
      const factStore = tableStore(bulk, 'metric_values');
      const summaries = (chunk: InsertedChunk): string[] => chunk.rows.map((_, i) => `row ${chunk.from + i}`);
      siteStore.insertMany(sites, (chunk) => batch.recordInserts('sites', { ...chunk, summaries: summaries(chunk) }));
      factStore.insertMany(facts, (chunk) =>
        batch.recordInserts('metric_values', { ...chunk, summaries: summaries(chunk) }),
      );
    });

    // The same rows and the same changes, read back from far fewer log rows.
    expect(written(bulk)).toEqual(written(one));
    expect(changeLogCount(one)).toBe(903);
    expect(changeLogCount(bulk)).toBe(903);
    expect(bulk.prepare('SELECT count(*) FROM change_log').pluck().get()).toBeLessThan(10);
    expect(contentHash(bulk)).toBe(contentHash(one));
    one.close();
    bulk.close();
  });
});

describe('a 50 000-row sites CSV', () => {
  const HEAD = 'id,name,country,region,lat,lon,power_price,latency_sg,source_title,source_url,as_of';
  const row = (i: number): string =>
    `b${i},Site ${i},SG,sg,${(i % 180) - 89.5},${(i % 360) - 179.5},${i * 0.5},${i % 50},"${SOURCE.title}",${SOURCE.url},${SOURCE.asOf}`;
  const rows = Array.from({ length: 49_999 }, (_, i) => row(i));

  it('is refused whole when its last row is bad, and the store is byte for byte as it was', () => {
    const db = emptyDb();
    populate(db);
    const before = { hash: contentHash(db), counts: rowCounts(db), log: changeLogCount(db) };
    const text = `${HEAD}\n${rows.join('\n')}\nlast,Last,SG,sg,1,103,12,not-a-number,"${SOURCE.title}",${SOURCE.url},${SOURCE.asOf}\n`;
    let refused: unknown;
    try {
      commitImport(db, 'sites-csv', text);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ImportRefused);
    expect((refused as ImportRefused).preview.errors).toEqual([
      { table: null, row: 50_001, line: 50_001, column: 'latency_sg', message: '"not-a-number" is not a number' },
    ]);
    expect({ hash: contentHash(db), counts: rowCounts(db), log: changeLogCount(db) }).toEqual(before);
    expect(db.inTransaction).toBe(false);
    db.close();
  });

  it('is written whole when every row is good: every site, fact and log entry', () => {
    const db = emptyDb();
    addReference(db);
    const { result } = commitImport(db, 'sites-csv', `${HEAD}\n${rows.join('\n')}\n`);
    expect(result.added).toHaveLength(49_999);
    expect(rowCounts(db)).toMatchObject({ sites: 49_999, metric_values: 99_998 });
    expect(changeLogCount(db)).toBe(49_999 * 3);
    db.close();
  });
});

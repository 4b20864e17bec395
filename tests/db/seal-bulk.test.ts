// The content seal of rows a bulk import writes is hashed from the values it bound instead of read
// back (db/content-seal.ts, appendSealed). That is only right if it is byte for byte the seal a
// read-back gives, for every kind of value, and if a rolled-back import leaves no hash behind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withChangeBatch } from '../../db/change-log';
import { SEAL_KEY, sealProblem, sealTables } from '../../db/content-seal';
import { getMeta } from '../../db/meta-repo';
import { openDatabase, type Db } from '../../db/open';
import { contentHash } from '../../db/transfer/content-hash';
import { commitImport, ImportFailed } from '../../db/transfer/import';
import { tableStore } from '../../db/transfer/table-store';
import type { DbRow } from '../../db/transfer/tables';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

const SOURCE = 'Survey,https://example.org/s,2025-03-01';

/** The seal as stored, and the one a full read-back computes now. */
function seals(): { stored: unknown; recomputed: unknown } {
  const stored = JSON.parse(getMeta(db, SEAL_KEY) ?? 'null') as unknown;
  db.transaction(() => sealTables(db, 'all'))();
  return { stored, recomputed: JSON.parse(getMeta(db, SEAL_KEY) ?? 'null') as unknown };
}

const count = (sql: string): number => db.prepare(sql).pluck().get() as number;

/** A site whose cells are awkward for JSON and for SQLite's types. */
function site(i: number, name: string): DbRow {
  return {
    id: `bulk-${i}`,
    name,
    market_id: 'sg',
    lat: i % 2 === 0 ? 1 : -0,
    lon: 103 + (i % 70) / 7,
    capacity_existing_mw: i % 3 === 0 ? null : 1e21,
    capacity_planned_mw: i % 5 === 0 ? Number.NaN : 0.1 + 0.2,
    status: 'planned',
    notes: 'quote " backslash \\ tab \t newline \n U+2028 \u2028 𝄞',
    source_title: 'T',
    source_url: 'https://t.org',
    source_as_of: '2020-01-01',
    origin: 'import',
    operator: null,
  };
}

describe('the seal of bulk-inserted rows', () => {
  it('is the seal a read-back gives, for awkward values and a first block shared with older rows', () => {
    const market = db.prepare('SELECT id, country FROM markets ORDER BY id LIMIT 1').get() as {
      id: string;
      country: string;
    };
    const criteria = db
      .prepare('SELECT id FROM criteria WHERE derived = 0 ORDER BY sort_order LIMIT 2')
      .pluck()
      .all() as string[];
    const rows = Array.from(
      { length: 1500 },
      (_, i) => `s${i},"Site, ""${i}""",${market.country},${market.id},${(i % 180) - 89.5},-0,${i / 3},1e21,${SOURCE}`,
    );
    commitImport(
      db,
      'sites-csv',
      `id,name,country,region,lat,lon,${criteria.join(',')},source_title,source_url,as_of\n${rows.join('\n')}\n`,
    );
    expect(sealProblem(db)).toBeNull();
    const { stored, recomputed } = seals();
    expect(stored).toEqual(recomputed);
  });

  it('is hashed from the values for whole blocks of new rows, and read back for a lone surrogate', () => {
    const sites = tableStore(db, 'sites');
    withChangeBatch(db, 'import', (batch) => {
      const top = count('SELECT max(rowid) FROM sites');
      const rows = Array.from({ length: 1200 }, (_, i) => site(i, i === 700 ? 'lone \ud800 surrogate' : `Site ${i}`));
      const rowids: unknown[] = [];
      sites.insertMany(rows, (chunk) => {
        rowids.push(...chunk.rows.map((r) => r[0]));
        batch.recordInserts('sites', { ...chunk, summaries: chunk.rows.map(() => 'bulk') });
      });
      expect(rowids).toEqual(rows.map((_, i) => top + 1 + i));
      // Blocks of 256 rowids: the first one is shared with the seed's rows, the one with the lone
      // surrogate is read back; every other one that holds new rows is hashed from the values.
      const blocks = (from: number, to: number): number => Math.floor(to / 256) - Math.floor(from / 256) + 1;
      const lone = Math.floor((top + 701) / 256);
      const hashed = count("SELECT count(*) FROM temp.seal_known WHERE tbl = 'sites'");
      expect(hashed).toBe(blocks(top + 1, top + 1200) - 2);
      expect(count(`SELECT count(*) FROM temp.seal_known WHERE tbl = 'sites' AND block = ${lone}`)).toBe(0);
      expect(count(`SELECT count(*) FROM temp.seal_touched WHERE tbl = 'sites' AND rid >> 8 = ${lone}`)).toBe(1);
      // One note each for the shared and the lone-surrogate block, none per row.
      expect(count("SELECT count(*) FROM temp.seal_touched WHERE tbl = 'sites'")).toBe(2);
      // Later writes in the batch are noted as ever, the rows just hashed included.
      db.prepare("UPDATE sites SET notes = 'changed later' WHERE id = 'bulk-1000'").run();
      db.prepare(
        `INSERT INTO sites (id, name, market_id, lat, lon, status, source_title, source_url, source_as_of)
         VALUES ('after-bulk', 'After', 'sg', 1, 103, 'planned', 'T', 'https://t.org', '2020-01-01')`,
      ).run();
      expect(count("SELECT count(*) FROM temp.seal_touched WHERE tbl = 'sites'")).toBe(5);
    });
    // What SQLite stored is not what was bound: that block could only be sealed by reading it back.
    expect(db.prepare("SELECT name FROM sites WHERE id = 'bulk-700'").pluck().get()).toMatch(
      /^lone \ufffd+ surrogate$/,
    );
    expect(count('SELECT count(*) FROM temp.seal_known')).toBe(0);
    expect(sealProblem(db)).toBeNull();
    const { stored, recomputed } = seals();
    expect(stored).toEqual(recomputed);
  });

  it('leaves nothing behind when the import fails after some blocks were hashed', () => {
    const before = { hash: contentHash(db), seal: getMeta(db, SEAL_KEY) };
    const criterion = db
      .prepare('SELECT id FROM criteria WHERE derived = 0 ORDER BY sort_order LIMIT 1')
      .pluck()
      .get() as string;
    // The sites go in (and are hashed) first; then the last fact is refused.
    db.exec(`CREATE TEMP TRIGGER refuse AFTER INSERT ON main.metric_values WHEN NEW.site_id = 'f999'
               BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    const rows = Array.from({ length: 1000 }, (_, i) => `f${i},Site ${i},SG,sg,1.3,103.8,${i},${SOURCE}`);
    const text = `id,name,country,region,lat,lon,${criterion},source_title,source_url,as_of\n${rows.join('\n')}\n`;
    expect(() => commitImport(db, 'sites-csv', text)).toThrow(ImportFailed);
    expect(count('SELECT count(*) FROM temp.seal_known')).toBe(0);
    expect({ hash: contentHash(db), seal: getMeta(db, SEAL_KEY) }).toEqual(before);

    db.exec('DROP TRIGGER temp.refuse');
    commitImport(db, 'sites-csv', text);
    expect(count("SELECT count(*) FROM sites WHERE id LIKE 'f%'")).toBe(1000);
    expect(sealProblem(db)).toBeNull();
    const { stored, recomputed } = seals();
    expect(stored).toEqual(recomputed);
  });
});

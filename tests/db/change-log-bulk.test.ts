// An import logs its inserts as bulk rows (db/change-log-bulk.ts): one change_log row per thousand
// inserts into one table. Every reader of change_log must still see each insert as its own change,
// with its own id, row id, image and summary: history, the export, the seed's "touched by the user"
// checks and the migrations that rewrite images.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestActions, listChanges, withChangeBatch } from '../../db/change-log';
import {
  batchChangeCount,
  batchChanges,
  findBatch,
  rowsChangedAfter,
  walkBatches,
  type BatchSummary,
} from '../../db/history-repo';
import { rewriteChangeLog } from '../../db/migration-regimes';
import { openDatabase } from '../../db/open';
import { planDataRefresh, previewDataRefresh } from '../../db/seed-refresh';
import { refreshUntouched } from '../../db/seed/refresh-seed';
import { commitImport } from '../../db/transfer/import';
import { readChangeLog, tableStore } from '../../db/transfer/table-store';
import { tableDefs, type DbRow } from '../../db/transfer/tables';
import type { MetricValue } from '../../shared/model/facts';
import type { SiteRecord } from '../../shared/model/transfer';
import { addReference, changeLogCount, emptyDb, SOURCE, type Db } from './transfer-fixture';

const SITES = 2500;
const HEAD = 'id,name,country,region,lat,lon,power_price,latency_sg,source_title,source_url,as_of';
const csv = (from: number, to: number): string => {
  const rows: string[] = [];
  for (let i = from; i < to; i++) {
    rows.push(`b${i},Site ${i},SG,sg,1.${i},103.${i},${i / 4},${i % 7},"${SOURCE.title}",${SOURCE.url},${SOURCE.asOf}`);
  }
  return `${HEAD}\n${rows.join('\n')}\n`;
};

let db: Db;
beforeEach(() => {
  db = emptyDb();
  addReference(db);
});
afterEach(() => db.close());

/** A one-change batch renaming a site that the test inserts with plain SQL first. */
function editBatch(id: string): string {
  db.prepare(
    `INSERT OR IGNORE INTO sites (id, name, market_id, lat, lon, status, source_title, source_url, source_as_of)
     VALUES (?, 'Plain', 'sg', 1, 103, 'planned', 'T', 'https://t.org', '2020-01-01')`,
  ).run(id);
  return withChangeBatch(db, 'user', (b) => {
    b.record('update', 'sites', id, { id, name: 'Plain' }, { id, name: 'Edited' }, `edit ${id}`);
    return b.id;
  });
}

const stored = (table: string, where: string, ...args: unknown[]): DbRow =>
  db.prepare(`SELECT * FROM ${table} WHERE ${where}`).get(...args) as DbRow;

/** The import between two edits; the 2 500 sites and their 5 000 facts. */
function importBetweenEdits(): { before: BatchSummary; imported: BatchSummary; after: BatchSummary } {
  const before = findBatch(db, editBatch('edit-before')) as BatchSummary;
  const { result } = commitImport(db, 'sites-csv', csv(0, SITES));
  const after = findBatch(db, editBatch('edit-after')) as BatchSummary;
  return { before, imported: findBatch(db, result.batchId) as BatchSummary, after };
}

describe('an import logged as bulk rows', () => {
  it('holds one change per row written, in few log rows, each change with its own consecutive id', () => {
    const { before, imported, after } = importBetweenEdits();
    expect(changeLogCount(db)).toBe(1 + 3 * SITES + 1);
    // 2 500 sites in 3 bulk rows, 5 000 facts in 5.
    expect(db.prepare('SELECT count(*) FROM change_log WHERE batch_id = ?').pluck().get(imported.batchId)).toBe(8);
    expect(imported).toMatchObject({
      firstId: before.lastId + 1,
      kind: 'import',
      firstSummary: 'import sites-csv row 2',
    });
    expect(batchChangeCount(imported)).toBe(3 * SITES);
    expect(after.firstId).toBe(imported.lastId + 1);

    const changes = batchChanges(db, imported.batchId);
    expect(changes.map((c) => c.id)).toEqual(changes.map((_, i) => imported.firstId + i));
    // Parents first (sites in file order), then the facts in file order.
    const sites = changes.slice(0, SITES);
    expect(sites.map((c) => c.rowId)).toEqual(sites.map((_, i) => `b${i}`));
    expect(changes.every((c) => c.action === 'insert' && c.before === null)).toBe(true);
    for (const i of [0, 1023, 1024, SITES - 1]) {
      expect(sites[i]?.after).toEqual(stored('sites', 'id = ?', `b${i}`));
      expect(sites[i]?.summary).toBe(`import sites-csv row ${i + 2}`);
    }
    const facts = changes.slice(SITES);
    expect(facts).toHaveLength(2 * SITES);
    for (const fact of [facts[0], facts[2047], facts.at(-1)]) {
      expect(fact?.table).toBe('metric_values');
      expect(fact?.after).toEqual(stored('metric_values', 'id = ?', Number(fact?.rowId)));
    }
    expect(facts[1]?.after).toMatchObject({ site_id: 'b0', criterion_id: 'latency_sg', value: 0 });
    expect(facts[1]?.summary).toBe('import sites-csv row 2');
    expect(batchChanges(db, imported.batchId, 2).map((c) => c.rowId)).toEqual(['b0', 'b1']);
  });

  it('walks, lists and finds later changes across bulk rows as across one-change rows', () => {
    const { before, imported, after } = importBetweenEdits();
    const walked: [string, number][] = [];
    walkBatches(db, (b) => {
      walked.push([b.batchId, batchChangeCount(b)]);
      return true;
    });
    expect(walked).toEqual([
      [after.batchId, 1],
      [imported.batchId, 3 * SITES],
      [before.batchId, 1],
    ]);

    const newest = listChanges(db, 3);
    expect(newest.map((c) => [c.id, c.rowId])).toEqual([
      [after.lastId, 'edit-after'],
      [imported.lastId, String(stored('metric_values', "site_id = ? AND criterion_id = 'latency_sg'", 'b2499').id)],
      [
        imported.lastId - 1,
        String(stored('metric_values', "site_id = ? AND criterion_id = 'power_price'", 'b2499').id),
      ],
    ]);
    expect(newest[1]).toMatchObject({ batchId: imported.batchId, actor: 'import', action: 'insert', before: null });

    const later = rowsChangedAfter(db, before.lastId);
    expect(later.get('sites\u0000b1500')).toEqual([imported.batchId]);
    expect(later.get('sites\u0000edit-after')).toEqual([after.batchId]);
    const fact = stored('metric_values', 'site_id = ?', 'b42');
    expect(later.get(`metric_values\u0000${String(fact.id)}`)).toEqual([imported.batchId]);
  });

  it('exports each change as its own row, as a store without bulk rows would', () => {
    const { imported } = importBetweenEdits();
    const exported = readChangeLog(db).filter((r) => r.batch_id === imported.batchId);
    const changes = batchChanges(db, imported.batchId);
    expect(exported).toHaveLength(3 * SITES);
    expect(exported.map((r) => [r.id, r.row_id, r.action, r.table_name, r.before, r.summary])).toEqual(
      changes.map((c) => [c.id, c.rowId, 'insert', c.table, null, c.summary]),
    );
    expect(exported.map((r) => JSON.parse(String(r.after)) as unknown)).toEqual(changes.map((c) => c.after));
  });

  it('counts as the user touching each row it wrote, for the seed, until a later delete', () => {
    importBetweenEdits();
    const sites = latestActions(db, 'sites');
    expect(sites.get('b0')).toBe('insert');
    expect(sites.get(`b${SITES - 1}`)).toBe('insert');
    expect(sites.get('edit-before')).toBe('update');
    withChangeBatch(db, 'user', (b) => b.record('delete', 'sites', 'b7', stored('sites', 'id = ?', 'b7'), null));
    expect(latestActions(db, 'sites').get('b7')).toBe('delete');

    // The seed refreshes rows nobody touched, and leaves the imported ones alone.
    const record = (id: string): SiteRecord => ({
      ...tableDefs.sites.fromRow(stored('sites', 'id = ?', id)),
      name: 'Seed name',
    });
    db.prepare(
      `INSERT INTO sites (id, name, market_id, lat, lon, status, source_title, source_url, source_as_of)
       VALUES ('untouched', 'Plain', 'sg', 1, 103, 'planned', 'T', 'https://t.org', '2020-01-01')`,
    ).run();
    expect(refreshUntouched(db, 'sites', [record('b1'), record('b2000'), record('untouched')])).toBe(1);
    expect(stored('sites', 'id = ?', 'b2000').name).toBe('Site 2000');
    expect(stored('sites', 'id = ?', 'untouched').name).toBe('Seed name');
  });

  it('is rewritten image by image when a migration rewrites the log', () => {
    const { imported } = importBetweenEdits();
    const old = batchChanges(db, imported.batchId);
    rewriteChangeLog(db, 'sites', (r) => ({ ...r, added: `x-${String(r.id)}` }));
    const changes = batchChanges(db, imported.batchId);
    expect(changes.slice(0, SITES).map((c) => c.after)).toEqual(
      old.slice(0, SITES).map((c) => ({ ...c.after, added: `x-${String(c.after?.id)}` })),
    );
    expect(changes.slice(SITES)).toEqual(old.slice(SITES));
    expect(changes.map((c) => [c.id, c.rowId, c.summary])).toEqual(old.map((c) => [c.id, c.rowId, c.summary]));
  });
});

describe('a store whose imports were logged one row per change (before bulk rows)', () => {
  it('reads those rows as it always did, beside bulk rows', () => {
    // What an import wrote before: one insert row per row written, with its image.
    const old = withChangeBatch(db, 'import', (b) => {
      const sites = tableStore(db, 'sites');
      for (let i = 0; i < 3; i++) {
        sites.insert(
          {
            id: `old-${i}`,
            name: `Old ${i}`,
            market_id: 'sg',
            lat: 1,
            lon: 103,
            capacity_existing_mw: null,
            capacity_planned_mw: null,
            status: 'planned',
            notes: '',
            source_title: 'T',
            source_url: 'https://t.org',
            source_as_of: '2020-01-01',
            origin: 'import',
            operator: null,
          },
          b,
          `import sites-csv row ${i + 2}`,
        );
      }
      return b.id;
    });
    const { imported } = importBetweenEdits();
    const oldBatch = findBatch(db, old) as BatchSummary;
    expect(batchChangeCount(oldBatch)).toBe(3);
    expect(batchChanges(db, old).map((c) => [c.id, c.rowId, c.after?.name])).toEqual([
      [oldBatch.firstId, 'old-0', 'Old 0'],
      [oldBatch.firstId + 1, 'old-1', 'Old 1'],
      [oldBatch.firstId + 2, 'old-2', 'Old 2'],
    ]);
    const walked: string[] = [];
    walkBatches(db, (b) => {
      walked.push(b.batchId);
      return true;
    });
    expect(walked.indexOf(imported.batchId)).toBeLessThan(walked.indexOf(old));
    expect(latestActions(db, 'sites').get('old-1')).toBe('insert');
    expect(readChangeLog(db).filter((r) => r.batch_id === old)).toHaveLength(3);
  });
});

describe('a data refresh after an import', () => {
  it('keeps the facts the import wrote, as edits of the planner', () => {
    const store = openDatabase(':memory:');
    try {
      const criterion = store
        .prepare('SELECT id FROM criteria WHERE derived = 0 ORDER BY sort_order LIMIT 1')
        .pluck()
        .get() as string;
      const text = `id,name,country,region,lat,lon,${criterion},source_title,source_url,as_of\n${['a', 'b', 'c']
        .map((id) => `bulk-${id},Bulk ${id},SG,sg,1.3,103.8,7,"${SOURCE.title}",${SOURCE.url},${SOURCE.asOf}`)
        .join('\n')}\n`;
      commitImport(store, 'sites-csv', text);
      // The seed would say 8 for bulk-b's fact: the imported 7 is the planner's, so it is kept.
      const seeded: MetricValue = {
        kind: 'known',
        criterionId: criterion,
        marketId: null,
        siteId: 'bulk-b',
        value: 8,
        low: null,
        high: null,
        method: 'measured',
        derivation: null,
        reference: null,
        note: '',
        source: { title: 'Seed', url: 'https://example.org/seed', asOf: '2025-01-01' },
      };
      planDataRefresh(store, {
        seedVersion: 99,
        fromVersion: 98,
        facts: [seeded],
        scope: { markets: [], sites: ['bulk-b'], criteria: [criterion] },
      });
      const preview = previewDataRefresh(store);
      expect(preview.changes).toEqual([]);
      expect(preview.kept.map((k) => k.key)).toEqual([`${criterion}@site:bulk-b`]);
    } finally {
      store.close();
    }
  });
});

// A data refresh (issue 13, item 4): a store seeded by an older seed version does not take the new
// seed's facts silently. Opening it works out the pending refresh — facts nobody edited that the new
// seed adds, restates or retires — and leaves every fact as it was; accepting writes them as one
// logged batch, dismissing drops them. Facts the planner edited or deleted are never in it.
//
// The old store is made by hand from a freshly seeded one: a few facts are set back to what "the
// previous seed" had (plain SQL, no change-log entry, as the seed writes), one is edited through a
// logged batch (the planner's), and the version stamp is set back by one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withChangeBatch } from '../../db/change-log';
import { getMeta, setMeta } from '../../db/meta-repo';
import { openDatabase, type Db } from '../../db/open';
import {
  DATA_REFRESH_KEY,
  REFRESH_ACTOR,
  UnknownRefreshKeys,
  acceptDataRefresh,
  dismissDataRefresh,
  previewDataRefresh,
} from '../../db/seed-refresh';
import { seedMetricValues } from '../../db/seed/metrics';
import { SEED_VERSION, SEED_VERSION_KEY } from '../../db/seed/run-seed';
import type { MetricValue } from '../../shared/model/facts';

let dir: string;
let file: string;
const opened: Db[] = [];
const open = (): Db => {
  const db = openDatabase(file);
  opened.push(db);
  return db;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-refresh-'));
  file = join(dir, 'landfall.sqlite');
});
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

type Row = Record<string, unknown>;
type Owner = { marketId: string } | { siteId: string };

const where = (owner: Owner): [string | null, string | null] =>
  'marketId' in owner ? [owner.marketId, null] : [null, owner.siteId];

function fact(db: Db, criterionId: string, owner: Owner): Row | undefined {
  return db
    .prepare('SELECT * FROM metric_values WHERE criterion_id = ? AND market_id IS ? AND site_id IS ?')
    .get(criterionId, ...where(owner)) as Row | undefined;
}

/** The seed's record (the input data, not the code under test). */
function seeded(criterionId: string, owner: Owner): Extract<MetricValue, { kind: 'known' }> {
  const [marketId, siteId] = where(owner);
  const v = seedMetricValues.find(
    (m) => m.criterionId === criterionId && m.marketId === marketId && m.siteId === siteId,
  );
  if (v?.kind !== 'known') throw new Error(`the seed has no known ${criterionId} for ${String(marketId ?? siteId)}`);
  return v;
}

const SG = { marketId: 'sg' };
const JOHOR = { marketId: 'my-johor' };
const SG_KEY = 'power_price_usc_kwh@market:sg';
const JOHOR_KEY = 'power_price_usc_kwh@market:my-johor';

/** Logs an update of one fact as the app does (a planner's edit). */
function editFact(db: Db, criterionId: string, owner: Owner, set: string, actor = 'user'): void {
  withChangeBatch(db, actor, (batch) => {
    const before = fact(db, criterionId, owner) as Row;
    db.prepare(`UPDATE metric_values SET ${set} WHERE id = ?`).run(before.id);
    const after = db.prepare('SELECT * FROM metric_values WHERE id = ?').get(before.id);
    batch.record('update', 'metric_values', String(before.id), before, after, 'edited');
  });
}

/**
 * A store as the previous seed version left it: Singapore's power price an older survey figure
 * nobody touched, Johor's edited by the planner to 12.0 (their PPA quote).
 */
function oldSeedStore(extra: (db: Db) => void = () => undefined): void {
  const db = open();
  db.prepare(
    `UPDATE metric_values SET value = 17.5, low = NULL, high = NULL, source_title = 'Old tariff survey',
       source_url = 'https://example.org/old-tariffs', as_of = '2023-06-30', note = 'older survey',
       method = 'estimate', derivation = 'average of two 2023 quotes', reference = NULL
     WHERE criterion_id = 'power_price_usc_kwh' AND market_id = 'sg'`,
  ).run();
  db.prepare(
    "UPDATE metric_values SET value = 9.8 WHERE criterion_id = 'power_price_usc_kwh' AND market_id = 'my-johor'",
  ).run();
  editFact(db, 'power_price_usc_kwh', JOHOR, "value = 12.0, note = 'our PPA quote'");
  extra(db);
  setMeta(db, SEED_VERSION_KEY, String(SEED_VERSION - 1));
  db.close();
}

const OLD_SG = {
  value: 17.5,
  low: null,
  high: null,
  missingReason: null,
  source: { title: 'Old tariff survey', url: 'https://example.org/old-tariffs', asOf: '2023-06-30' },
  note: 'older survey',
  method: 'estimate',
  derivation: 'average of two 2023 quotes',
  reference: null,
};

function asRefreshFact(v: Extract<MetricValue, { kind: 'known' }>): Row {
  return {
    value: v.value,
    low: v.low,
    high: v.high,
    missingReason: null,
    source: v.source,
    note: v.note,
    method: v.method,
    derivation: v.derivation,
    reference: v.reference,
  };
}

/** Every fact row except the given keys, for "nothing else changed". */
function factsExcept(db: Db, ...skip: [string, Owner][]): Row[] {
  const ids = new Set(skip.map(([c, o]) => fact(db, c, o)?.id));
  return (db.prepare('SELECT * FROM metric_values ORDER BY id').all() as Row[]).filter((r) => !ids.has(r.id));
}

describe('opening a store seeded by an older seed version', () => {
  it('overwrites no fact, and proposes only the untouched changed one, naming the edited one as kept', () => {
    oldSeedStore();
    const db = open();
    expect(getMeta(db, SEED_VERSION_KEY)).toBe(String(SEED_VERSION));
    // Nothing was written over: both facts are as the old store had them.
    expect(fact(db, 'power_price_usc_kwh', SG)).toMatchObject({ value: 17.5, source_title: 'Old tariff survey' });
    expect(fact(db, 'power_price_usc_kwh', JOHOR)).toMatchObject({ value: 12, note: 'our PPA quote' });

    const sg = seeded('power_price_usc_kwh', SG);
    const johor = seeded('power_price_usc_kwh', JOHOR);
    expect(sg.value).not.toBe(17.5);
    const preview = previewDataRefresh(db);
    expect(preview).toMatchObject({
      storeSeedVersion: SEED_VERSION,
      seedVersion: SEED_VERSION,
      fromVersion: SEED_VERSION - 1,
      counts: { new: 0, changed: 1, retired: 0, kept: 1 },
    });
    expect(preview.computedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(preview.changes).toEqual([
      {
        key: SG_KEY,
        kind: 'changed',
        criterionId: 'power_price_usc_kwh',
        criterionName: 'Power price',
        marketId: 'sg',
        siteId: null,
        placeName: 'Singapore',
        // low, high and missing_reason are null on both sides.
        fields: ['value', 'source_title', 'source_url', 'as_of', 'note', 'method', 'derivation', 'reference'],
        before: OLD_SG,
        after: asRefreshFact(sg),
      },
    ]);
    expect(preview.kept).toEqual([
      {
        key: JOHOR_KEY,
        kind: 'edited',
        criterionId: 'power_price_usc_kwh',
        criterionName: 'Power price',
        marketId: 'my-johor',
        siteId: null,
        placeName: 'Johor',
        fields: expect.arrayContaining(['value', 'note']) as string[],
        yours: expect.objectContaining({ value: 12, note: 'our PPA quote' }) as Row,
        seed: asRefreshFact(johor),
      },
    ]);
  });

  it('accepts it as one logged "data refresh" batch, leaves the edited fact alone, and does not propose it again', () => {
    oldSeedStore();
    const db = open();
    const others = factsExcept(db, ['power_price_usc_kwh', SG]);
    const sgId = fact(db, 'power_price_usc_kwh', SG)?.id;
    const result = acceptDataRefresh(db);
    expect(result).toMatchObject({
      seedVersion: SEED_VERSION,
      applied: 1,
      counts: { new: 0, changed: 1, retired: 0 },
      skipped: [],
      remaining: 0,
      label: `Data refresh v${SEED_VERSION}: 1 fact (1 changed)`,
    });
    const sg = seeded('power_price_usc_kwh', SG);
    // The same row (same id), now the seed's.
    expect(fact(db, 'power_price_usc_kwh', SG)).toMatchObject({
      id: sgId,
      value: sg.value,
      source_url: sg.source.url,
      as_of: sg.source.asOf,
      method: sg.method,
      reference: sg.reference,
    });
    // Every other fact, the planner's Johor price included, exactly as before.
    expect(factsExcept(db, ['power_price_usc_kwh', SG])).toEqual(others);
    expect(fact(db, 'power_price_usc_kwh', JOHOR)).toMatchObject({ value: 12, note: 'our PPA quote' });

    const log = db.prepare('SELECT * FROM change_log WHERE batch_id = ?').all(result.batchId) as Row[];
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      actor: REFRESH_ACTOR,
      action: 'update',
      table_name: 'metric_values',
      row_id: String(sgId),
    });
    expect(String(log[0]?.summary)).toContain(`Data refresh v${SEED_VERSION}: ${SG_KEY}`);
    expect(JSON.parse(String(log[0]?.before))).toMatchObject({ value: 17.5 });
    expect(JSON.parse(String(log[0]?.after))).toMatchObject({ value: sg.value });
    expect(db.prepare('SELECT kind, label, state FROM history_batches WHERE batch_id = ?').get(result.batchId)).toEqual(
      { kind: 'import', label: `Data refresh v${SEED_VERSION}: 1 fact (1 changed)`, state: 'done' },
    );

    // Nothing pending any more, in this connection or the next.
    expect(previewDataRefresh(db)).toMatchObject({ seedVersion: null, changes: [], kept: [] });
    expect(getMeta(db, DATA_REFRESH_KEY)).toBeNull();
    db.close();
    const again = open();
    expect(previewDataRefresh(again).changes).toEqual([]);
    // Even worked out afresh (as a later seed version would), the accepted fact is the seed's, not the
    // planner's: it is not proposed, nor kept; Johor still is kept.
    setMeta(again, SEED_VERSION_KEY, String(SEED_VERSION - 1));
    again.close();
    const third = open();
    const later = previewDataRefresh(third);
    expect(later.changes).toEqual([]);
    expect(later.kept.map((k) => k.key)).toEqual([JOHOR_KEY]);
  });

  it('dismisses it: nothing applied, nothing pending, not proposed again on the next open', () => {
    oldSeedStore();
    const db = open();
    const before = db.prepare('SELECT * FROM metric_values ORDER BY id').all();
    const changes = (db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    expect(dismissDataRefresh(db)).toEqual({ seedVersion: SEED_VERSION, dismissed: 1 });
    expect(db.prepare('SELECT * FROM metric_values ORDER BY id').all()).toEqual(before);
    expect((db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n).toBe(changes);
    expect(previewDataRefresh(db)).toMatchObject({ seedVersion: null, counts: { new: 0, changed: 0, kept: 0 } });
    db.close();
    const again = open();
    expect(previewDataRefresh(again).changes).toEqual([]);
    expect(fact(again, 'power_price_usc_kwh', SG)).toMatchObject({ value: 17.5 });
    // A second dismiss has nothing to drop.
    expect(dismissDataRefresh(again)).toEqual({ seedVersion: null, dismissed: 0 });
  });

  it('proposes a fact the old seed lacked and retires one it no longer has, but never re-adds a fact the planner deleted', () => {
    const SEDENAK = { siteId: 'my-sedenak' };
    const KULAI = { siteId: 'my-kulai' };
    const TUAS = { siteId: 'sg-tuas' };
    oldSeedStore((db) => {
      // The previous seed had no Sedenak land price, and a Tuas vacancy figure the new one dropped.
      db.prepare("DELETE FROM metric_values WHERE criterion_id = 'land_cost_usd_m2' AND site_id = 'my-sedenak'").run();
      db.prepare(
        `INSERT INTO metric_values (criterion_id, site_id, value, source_title, source_url, as_of, note, method, derivation)
         VALUES ('vacancy_pct', 'sg-tuas', 3, 'Old broker note', 'https://example.org/old-vacancy', '2022-12-31', '',
           'estimate', 'one broker''s word')`,
      ).run();
      // The planner deleted Kulai's land price (logged).
      withChangeBatch(db, 'user', (batch) => {
        const row = fact(db, 'land_cost_usd_m2', KULAI) as Row;
        db.prepare('DELETE FROM metric_values WHERE id = ?').run(row.id);
        batch.record('delete', 'metric_values', String(row.id), row, null, 'not a real figure');
      });
    });
    const db = open();
    expect(fact(db, 'land_cost_usd_m2', SEDENAK)).toBeUndefined();
    expect(fact(db, 'vacancy_pct', TUAS)).toMatchObject({ value: 3 });
    const preview = previewDataRefresh(db);
    expect(preview.counts).toEqual({ new: 1, changed: 1, retired: 1, kept: 2 });
    const sedenak = seeded('land_cost_usd_m2', SEDENAK);
    expect(
      preview.changes.map((c) => [c.key, c.kind, c.placeName, c.before?.value ?? null, c.after?.value ?? null]),
    ).toEqual([
      ['land_cost_usd_m2@site:my-sedenak', 'new', 'Sedenak Tech Park', null, sedenak.value],
      [SG_KEY, 'changed', 'Singapore', 17.5, seeded('power_price_usc_kwh', SG).value],
      ['vacancy_pct@site:sg-tuas', 'retired', 'Nxera DC Tuas', 3, null],
    ]);
    expect(preview.kept.map((k) => [k.key, k.kind, k.yours?.value ?? null, k.seed?.value ?? null])).toEqual([
      ['land_cost_usd_m2@site:my-kulai', 'deleted', null, seeded('land_cost_usd_m2', KULAI).value],
      [JOHOR_KEY, 'edited', 12, seeded('power_price_usc_kwh', JOHOR).value],
    ]);

    // Accept only the new one: the rest stays pending.
    const first = acceptDataRefresh(db, ['land_cost_usd_m2@site:my-sedenak']);
    expect(first).toMatchObject({ applied: 1, counts: { new: 1, changed: 0, retired: 0 }, remaining: 2 });
    expect(fact(db, 'land_cost_usd_m2', SEDENAK)).toMatchObject({
      value: sedenak.value,
      low: sedenak.low,
      high: sedenak.high,
      as_of: sedenak.source.asOf,
    });
    expect(previewDataRefresh(db).changes.map((c) => c.key)).toEqual([SG_KEY, 'vacancy_pct@site:sg-tuas']);
    // Then the rest: the retired fact is deleted, logged as a delete.
    const rest = acceptDataRefresh(db);
    expect(rest).toMatchObject({ applied: 2, counts: { new: 0, changed: 1, retired: 1 }, remaining: 0 });
    expect(fact(db, 'vacancy_pct', TUAS)).toBeUndefined();
    const actions = db
      .prepare('SELECT action, actor FROM change_log WHERE batch_id = ? ORDER BY id')
      .all(rest.batchId) as Row[];
    expect(actions.map((a) => a.action).sort()).toEqual(['delete', 'update']);
    expect(new Set(actions.map((a) => a.actor))).toEqual(new Set([REFRESH_ACTOR]));
    // The planner's deletion stands.
    expect(fact(db, 'land_cost_usd_m2', KULAI)).toBeUndefined();
  });

  it('skips, never overwrites, a fact the planner edits after the refresh was worked out', () => {
    oldSeedStore();
    const db = open();
    expect(previewDataRefresh(db).changes.map((c) => c.key)).toEqual([SG_KEY]);
    editFact(db, 'power_price_usc_kwh', SG, 'value = 18.25');
    // The preview moves it to "kept", and accepting all writes nothing.
    const preview = previewDataRefresh(db);
    expect(preview.changes).toEqual([]);
    expect(preview.kept.map((k) => [k.key, k.yours?.value])).toEqual([
      [JOHOR_KEY, 12],
      [SG_KEY, 18.25],
    ]);
    const result = acceptDataRefresh(db, [SG_KEY]);
    expect(result).toMatchObject({ applied: 0, batchId: null, remaining: 0 });
    expect(result.skipped).toEqual([{ key: SG_KEY, reason: expect.stringMatching(/edited/) as string }]);
    expect(fact(db, 'power_price_usc_kwh', SG)).toMatchObject({ value: 18.25 });
  });

  it('refuses unknown keys and writes nothing', () => {
    oldSeedStore();
    const db = open();
    const before = db.prepare('SELECT * FROM metric_values ORDER BY id').all();
    expect(() => acceptDataRefresh(db, [SG_KEY, 'nope@market:sg'])).toThrow(UnknownRefreshKeys);
    expect(() => acceptDataRefresh(db, [JOHOR_KEY])).toThrow(/power_price_usc_kwh@market:my-johor/);
    expect(db.prepare('SELECT * FROM metric_values ORDER BY id').all()).toEqual(before);
    expect(previewDataRefresh(db).changes.map((c) => c.key)).toEqual([SG_KEY]);
  });

  it('leaves the change log, sites and markets as they were when working the refresh out', () => {
    oldSeedStore();
    const raw = open();
    const log = raw.prepare('SELECT * FROM change_log ORDER BY id').all();
    const sites = raw.prepare('SELECT * FROM sites ORDER BY id').all();
    raw.close();
    // The version stamp was already bumped; set it back to work it out again.
    const db = open();
    setMeta(db, SEED_VERSION_KEY, String(SEED_VERSION - 1));
    db.close();
    const again = open();
    expect(again.prepare('SELECT * FROM change_log ORDER BY id').all()).toEqual(log);
    expect(again.prepare('SELECT * FROM sites ORDER BY id').all()).toEqual(sites);
    expect(previewDataRefresh(again).changes.map((c) => c.key)).toEqual([SG_KEY]);
  });
});

describe('a fresh store', () => {
  it('gets the seed directly and has nothing pending', () => {
    const db = open();
    expect((db.prepare('SELECT count(*) AS n FROM metric_values').get() as { n: number }).n).toBe(
      seedMetricValues.length,
    );
    expect(getMeta(db, DATA_REFRESH_KEY)).toBeNull();
    expect(previewDataRefresh(db)).toEqual({
      storeSeedVersion: SEED_VERSION,
      seedVersion: null,
      fromVersion: null,
      computedAt: null,
      counts: { new: 0, changed: 0, retired: 0, kept: 0 },
      changes: [],
      kept: [],
    });
    expect(acceptDataRefresh(db)).toMatchObject({ applied: 0, batchId: null, remaining: 0 });
  });

  it('opened again with an older stamp but untouched facts equal to the seed: nothing pending', () => {
    const db = open();
    setMeta(db, SEED_VERSION_KEY, String(SEED_VERSION - 1));
    db.close();
    const again = open();
    expect(getMeta(again, DATA_REFRESH_KEY)).toBeNull();
    expect(previewDataRefresh(again).seedVersion).toBeNull();
  });
});

// Migration 6: metric values record their method, derivation and reference. A fresh store enforces
// the new checks; an old store keeps every fact (ids, numbers, sources, notes), its known values
// become estimates whose derivation says the method was not recorded, and an edit logged before the
// upgrade can still be undone.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { undo } from '../../backend/services/edit/history-service';
import { withChangeBatch } from '../../db/change-log';
import { listMetricValues } from '../../db/metrics-repo';
import { migrate, schemaVersion } from '../../db/migrations';
import { METHOD_NOT_RECORDED } from '../../shared/model/facts';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
});
afterEach(() => db.close());

const columns = (table: string): string[] =>
  (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);

const SOURCE = ['Tariff book', 'https://example.org/tariffs', '2025-06-30'] as const;

/** A market, a site and two criteria, as any version since 2 holds them. */
function reference(): void {
  db.prepare("INSERT INTO markets (id, name, country) VALUES ('my-johor', 'Johor', 'MY')").run();
  db.prepare(
    `INSERT INTO sites (id, name, market_id, lat, lon, status, source_title, source_url, source_as_of)
     VALUES ('my-sedenak', 'Sedenak', 'my-johor', 1.6, 103.6, 'planned', ?, ?, ?)`,
  ).run(...SOURCE);
  const criterion = db.prepare(
    `INSERT INTO criteria (id, name, group_id, unit, direction, normalisation, description)
     VALUES (?, ?, 'cost', ?, 'cost', 'minmax', 'd')`,
  );
  criterion.run('power_price_usc_kwh', 'Power price', 'USc/kWh');
  criterion.run('water_stress', 'Water stress', 'score');
}

/** Inserts a fact with the v6 columns; returns the error's message, or null when the row went in. */
function tryFact(v: {
  value: number | null;
  missing?: string;
  method: string | null;
  derivation?: string | null;
  reference?: string | null;
}): string | null {
  try {
    db.prepare(
      `INSERT INTO metric_values (criterion_id, site_id, value, missing_reason, source_title, source_url, as_of,
         method, derivation, reference)
       VALUES ('power_price_usc_kwh', 'my-sedenak', ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(v.value, v.missing ?? null, ...SOURCE, v.method, v.derivation ?? null, v.reference ?? null);
    db.prepare('DELETE FROM metric_values').run();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('migration 6 on a fresh store', () => {
  it('adds method, derivation and reference after the old columns', () => {
    migrate(db, 6);
    expect(schemaVersion(db)).toBe(6);
    expect(columns('metric_values')).toEqual([
      'id',
      'criterion_id',
      'market_id',
      'site_id',
      'value',
      'low',
      'high',
      'missing_reason',
      'source_title',
      'source_url',
      'as_of',
      'note',
      'method',
      'derivation',
      'reference',
    ]);
    const indexes = (db.pragma('index_list(metric_values)') as { name: string; unique: number }[])
      .map((i) => `${i.name}:${i.unique}`)
      .sort();
    expect(indexes).toEqual(['metric_values_market:1', 'metric_values_site:1', 'metric_values_site_lookup:0']);
  });

  it('takes a known value with its method, and refuses one without, an unknown method or a bare derived value', () => {
    migrate(db);
    reference();
    expect(tryFact({ value: 10.19, method: 'official' })).toBeNull();
    expect(tryFact({ value: 10.19, method: 'measured', reference: 'data/sources/x/figures.csv' })).toBeNull();
    expect(
      tryFact({ value: 10.19, method: 'derived', derivation: '45.40 sen/kWh × 0.2245 USD/MYR = 10.19 US¢/kWh' }),
    ).toBeNull();
    expect(tryFact({ value: 9, method: 'estimate', derivation: 'between the two neighbouring tariffs' })).toBeNull();
    expect(tryFact({ value: null, missing: 'not published', method: null })).toBeNull();

    expect(tryFact({ value: 10.19, method: null })).toMatch(/CHECK constraint failed: \(value IS NULL\) = \(method/);
    expect(tryFact({ value: 10.19, method: 'guess' })).toMatch(/CHECK constraint failed: method IN/);
    expect(tryFact({ value: 10.19, method: 'derived' })).toMatch(/CHECK constraint failed: method IS NULL OR/);
    expect(tryFact({ value: 10.19, method: 'estimate', derivation: '   ' })).toMatch(/CHECK constraint failed/);
    // A missing value has no method to state, nor a derivation or reference.
    expect(tryFact({ value: null, missing: 'not published', method: 'official' })).toMatch(/CHECK constraint failed/);
    expect(tryFact({ value: null, missing: 'not published', method: null, reference: 'data/x.csv' })).toMatch(
      /CHECK constraint failed/,
    );
  });
});

describe('migration 6 on a version 5 store', () => {
  function v5Store(): void {
    migrate(db, 5);
    reference();
    const fact = db.prepare(
      `INSERT INTO metric_values (id, criterion_id, market_id, site_id, value, low, high, missing_reason,
         source_title, source_url, as_of, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    fact.run(7, 'power_price_usc_kwh', 'my-johor', null, 10.19, null, null, null, ...SOURCE, 'tariff E2');
    fact.run(12, 'power_price_usc_kwh', null, 'my-sedenak', 9.5, 9, 10, null, ...SOURCE, 'site quote');
    fact.run(13, 'water_stress', 'my-johor', null, null, null, null, 'not published', ...SOURCE, '');
    fact.run(20, 'water_stress', null, 'my-sedenak', null, null, null, 'no source found', null, null, null, '');
    // An edit made before the upgrade: its images must still restore after it.
    withChangeBatch(db, 'user', (batch) => {
      const before = db.prepare('SELECT * FROM metric_values WHERE id = 7').get();
      db.prepare('UPDATE metric_values SET value = 11.5 WHERE id = 7').run();
      const after = db.prepare('SELECT * FROM metric_values WHERE id = 7').get();
      batch.record('update', 'metric_values', '7', before, after, 'value');
    });
  }

  it('keeps every fact, makes known values estimates with "method not recorded", leaves missing ones without', () => {
    v5Store();
    migrate(db, 6);
    expect(schemaVersion(db)).toBe(6);
    const rows = db.prepare('SELECT * FROM metric_values ORDER BY id').all();
    const notRecorded = { method: 'estimate', derivation: METHOD_NOT_RECORDED.derivation, reference: null };
    const none = { method: null, derivation: null, reference: null };
    expect(rows).toEqual([
      {
        id: 7,
        criterion_id: 'power_price_usc_kwh',
        market_id: 'my-johor',
        site_id: null,
        value: 11.5,
        low: null,
        high: null,
        missing_reason: null,
        source_title: 'Tariff book',
        source_url: 'https://example.org/tariffs',
        as_of: '2025-06-30',
        note: 'tariff E2',
        ...notRecorded,
      },
      {
        id: 12,
        criterion_id: 'power_price_usc_kwh',
        market_id: null,
        site_id: 'my-sedenak',
        value: 9.5,
        low: 9,
        high: 10,
        missing_reason: null,
        source_title: 'Tariff book',
        source_url: 'https://example.org/tariffs',
        as_of: '2025-06-30',
        note: 'site quote',
        ...notRecorded,
      },
      {
        id: 13,
        criterion_id: 'water_stress',
        market_id: 'my-johor',
        site_id: null,
        value: null,
        low: null,
        high: null,
        missing_reason: 'not published',
        source_title: 'Tariff book',
        source_url: 'https://example.org/tariffs',
        as_of: '2025-06-30',
        note: '',
        ...none,
      },
      {
        id: 20,
        criterion_id: 'water_stress',
        market_id: null,
        site_id: 'my-sedenak',
        value: null,
        low: null,
        high: null,
        missing_reason: 'no source found',
        source_title: null,
        source_url: null,
        as_of: null,
        note: '',
        ...none,
      },
    ]);
    // The model reads them back: the site's own power price, its market's gap.
    expect(listMetricValues(db, { siteId: 'my-sedenak' })).toEqual([
      expect.objectContaining({ kind: 'known', value: 9.5, ...notRecorded }),
      expect.objectContaining({ kind: 'missing', missingReason: 'no source found' }),
    ]);
    // The unique (criterion, owner) indexes are back.
    expect(() =>
      db
        .prepare(
          `INSERT INTO metric_values (criterion_id, market_id, value, source_url, as_of, method)
           VALUES ('power_price_usc_kwh', 'my-johor', 1, 'https://example.org', '2025-01-01', 'official')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it('rewrites the logged images, so an edit from before the upgrade undoes into a row the checks accept', () => {
    v5Store();
    migrate(db);
    const image = db.prepare("SELECT before, after FROM change_log WHERE table_name = 'metric_values'").get() as {
      before: string;
      after: string;
    };
    expect(JSON.parse(image.before)).toMatchObject({ id: 7, value: 10.19, method: 'estimate', reference: null });
    expect(JSON.parse(image.after)).toMatchObject({ id: 7, value: 11.5, derivation: METHOD_NOT_RECORDED.derivation });
    expect(undo(db).done).toBe(true);
    expect(db.prepare('SELECT value, method, derivation FROM metric_values WHERE id = 7').get()).toEqual({
      value: 10.19,
      method: 'estimate',
      derivation: METHOD_NOT_RECORDED.derivation,
    });
  });

  it('runs on an empty version 5 store', () => {
    migrate(db, 5);
    migrate(db, 6);
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare('SELECT count(*) AS n FROM metric_values').get()).toEqual({ n: 0 });
  });
});

// How each known value was obtained, counted by data.health and printed by `landfall data-health` and
// `landfall metrics`, on a small store built by hand so every count is known in advance.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../backend/cli/io';
import { runCli } from '../../backend/cli/main';
import { dataHealth } from '../../backend/services/data/data-health';
import { setMeta } from '../../db/meta-repo';
import { migrate } from '../../db/migrations';
import { SEED_VERSION, SEED_VERSION_KEY } from '../../db/seed/run-seed';
import { METHOD_NOT_RECORDED } from '../../shared/model/facts';

const FORMULA = '45.40 sen/kWh × 0.2245 USD/MYR (Fed 2025 average) = 10.19 US¢/kWh';
const SOURCE = ['Tariff book', 'https://example.org/tariffs', '2025-06-30'] as const;

/**
 * Markets A (sites a1, a2) and B (site b1); criteria c1, c2, c3 and a derived one the engine
 * computes (never counted). Stored values:
 *   c1@A official   c2@A estimate   c3@A estimate (method not recorded)   c1@a2 derived
 *   c1@B measured   c2@B missing    c3@b1 estimate
 * Values: official 1, measured 1, derived 1, estimate 3 (1 not recorded) — 6 known, half estimates.
 * Cells:  a1: c1 official (A), c2 estimate (A), c3 not recorded (A)
 *         a2: c1 derived (own), c2 estimate (A), c3 not recorded (A)
 *         b1: c1 measured (B), c2 missing, c3 estimate (own)
 *   — 8 known: official 1, measured 1, derived 1, estimate 5 (2 not recorded); 5/8 estimates.
 */
function build(db: Database.Database): void {
  migrate(db);
  // The store counts as seeded, so opening it adds nothing of the seed's.
  setMeta(db, SEED_VERSION_KEY, String(SEED_VERSION));
  db.exec(`
    INSERT INTO markets (id, name, country) VALUES ('a', 'Market A', 'MY'), ('b', 'Market B', 'SG');
    INSERT INTO criteria (id, name, group_id, unit, direction, normalisation, derived, description, sort_order) VALUES
      ('c1', 'Power price', 'cost', 'US¢/kWh', 'cost', 'minmax', 0, 'd', 1),
      ('c2', 'Vacancy', 'cost', '%', 'benefit', 'minmax', 0, 'd', 2),
      ('c3', 'Water stress', 'water_climate', 'score', 'cost', 'minmax', 0, 'd', 3),
      ('chip_legality', 'Chip legality', 'chip_legality', 'score', 'benefit', 'max', 1, 'd', 0);
  `);
  const site = db.prepare(
    `INSERT INTO sites (id, name, market_id, lat, lon, status, source_title, source_url, source_as_of)
     VALUES (?, ?, ?, 1, 103, 'planned', ?, ?, ?)`,
  );
  site.run('a1', 'Site a1', 'a', ...SOURCE);
  site.run('a2', 'Site a2', 'a', ...SOURCE);
  site.run('b1', 'Site b1', 'b', ...SOURCE);
  const fact = db.prepare(
    `INSERT INTO metric_values (criterion_id, market_id, site_id, value, missing_reason, source_title, source_url,
       as_of, method, derivation, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  fact.run('c1', 'a', null, 9.1, null, ...SOURCE, 'official', null, 'data/sources/tnb/figures.csv');
  fact.run('c2', 'a', null, 12, null, ...SOURCE, 'estimate', 'midpoint of two brokers’ ranges', null);
  fact.run('c3', 'a', null, 2.5, null, ...SOURCE, 'estimate', METHOD_NOT_RECORDED.derivation, null);
  fact.run('c1', null, 'a2', 10.19, null, ...SOURCE, 'derived', FORMULA, 'data/sources/tnb/figures.csv');
  fact.run('c1', 'b', null, 18, null, ...SOURCE, 'measured', null, null);
  fact.run('c2', 'b', null, null, 'not published', null, null, null, null, null, null);
  fact.run('c3', null, 'b1', 1, null, ...SOURCE, 'estimate', 'national score used for the island', null);
}

let dir: string;
let dbPath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-methods-'));
  dbPath = join(dir, 'store.sqlite');
  const db = new Database(dbPath);
  db.pragma('foreign_keys = ON');
  build(db);
  db.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t) };
  const code = await runCli([...argv, '--db', dbPath], io);
  return { code, out, err };
}

describe('data.health: methods', () => {
  it('counts each stored known value once, and each site × criterion cell by the value it reads', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    build(db);
    const health = dataHealth(db, { staleAfterDays: 365, asOf: '2026-01-01' });
    expect(health.summary.methods).toEqual({
      values: {
        known: 6,
        byMethod: { official: 1, measured: 1, derived: 1, estimate: 3 },
        estimateShare: 0.5,
        notRecorded: 1,
      },
      cells: {
        known: 8,
        byMethod: { official: 1, measured: 1, derived: 1, estimate: 5 },
        estimateShare: 0.625,
        notRecorded: 2,
      },
    });
    // The gap is still a gap: b1 has no vacancy.
    expect(health.summary.missing).toBe(1);
    db.close();
  });

  it('says there is no share of estimates when nothing is known', () => {
    const db = new Database(':memory:');
    migrate(db);
    const { values, cells } = dataHealth(db, { staleAfterDays: 365, asOf: '2026-01-01' }).summary.methods;
    const none = { known: 0, byMethod: { official: 0, measured: 0, derived: 0, estimate: 0 }, notRecorded: 0 };
    expect(values).toEqual({ ...none, estimateShare: null });
    expect(cells).toEqual({ ...none, estimateShare: null });
    db.close();
  });
});

describe('landfall data-health and landfall metrics', () => {
  it('prints the counts by method and the share of estimates', async () => {
    const run = await cli('data-health', '--as-of', '2026-01-01');
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toContain(
      'methods of 6 known values: official 1, measured 1, derived 1, estimate 3 (50 % estimates, 1 with no recorded method)\n',
    );
    expect(run.out).toContain(
      'methods of 8 site × criterion cells with a value: official 1, measured 1, derived 1, estimate 5 (62.5 % estimates, 2 with no recorded method)\n',
    );
  });

  it('lists each value with its method, derivation and reference', async () => {
    const run = await cli('metrics', '--site', 'a2', '--criterion', 'c1', '--format', 'csv');
    expect(run.code).toBe(0);
    const [header, row] = run.out.split('\r\n');
    expect(header).toBe(
      'criterion,market,site,kind,value,low,high,missing_reason,source_title,source_url,as_of,note,method,derivation,reference',
    );
    expect(row).toBe(
      `c1,,a2,known,10.19,,,,Tariff book,https://example.org/tariffs,2025-06-30,,derived,${FORMULA},data/sources/tnb/figures.csv`,
    );
    const json = JSON.parse((await cli('metrics', '--site', 'b1')).out) as unknown[];
    expect(json).toContainEqual(
      expect.objectContaining({
        criterionId: 'c3',
        method: 'estimate',
        derivation: 'national score used for the island',
      }),
    );
  });
});

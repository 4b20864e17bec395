// What the content seal (db/content-seal.ts) costs: a write batch with and without it, and the
// open-time verification against the quick_check open already runs, on the seeded store and on one
// of 50 000 sites (three facts each).
import { createBackend, type Backend } from '../../backend/backend';
import { SEAL_KEY, sealProblem, sealTables } from '../../db/content-seal';
import type { BenchCase } from './harness';

const SITES = 50_000;
const SOURCE = ['Bench source', 'https://example.org/bench', '2025-01-01'] as const;

const fresh = (): Backend => createBackend({ dbPath: ':memory:', version: 'bench', backupSchedule: false });

/** The store without a seal: write batches then skip it, which is the "without" side. */
function unsealed(b: Backend): Backend {
  b.db.prepare('DELETE FROM meta WHERE key = ?').run(SEAL_KEY);
  return b;
}

/** 50 000 more sites with three facts each, by plain INSERTs, then sealed whole. */
function grow(b: Backend): Backend {
  const db = b.db;
  const market = db.prepare('SELECT id FROM markets ORDER BY id LIMIT 1').pluck().get() as string;
  const criteria = db
    .prepare('SELECT id FROM criteria WHERE derived = 0 ORDER BY sort_order LIMIT 3')
    .pluck()
    .all() as string[];
  const site = db.prepare(
    `INSERT INTO sites (id, name, market_id, lat, lon, status, notes, source_title, source_url, source_as_of, origin)
     VALUES (?, ?, ?, ?, ?, 'planned', '', ?, ?, ?, 'import')`,
  );
  const fact = db.prepare(
    `INSERT INTO metric_values (criterion_id, site_id, value, source_title, source_url, as_of, note, method)
     VALUES (?, ?, ?, ?, ?, ?, '', 'measured')`,
  );
  db.transaction(() => {
    for (let i = 0; i < SITES; i++) {
      site.run(`bench-${i}`, `Bench site ${i}`, market, (i % 170) - 85, (i % 350) - 175, ...SOURCE);
      criteria.forEach((c, k) => fact.run(c, `bench-${i}`, (i * (k + 7)) % 997, ...SOURCE));
    }
    sealTables(db, 'all');
  })();
  return b;
}

/** One data.apply that renames a site (alternating names, so every batch writes). */
function renamer(b: Backend, id: string): () => Promise<void> {
  let n = 0;
  return async () => {
    const r = await b.dispatch('data.apply', {
      table: 'sites',
      changes: [{ op: 'update', key: id, values: { name: `Renamed ${n++ % 2}` } }],
    });
    if (!r.ok) throw new Error(`bench data.apply failed: ${JSON.stringify(r.error)}`);
  };
}

const quickCheck = (b: Backend) => (): unknown => b.db.pragma('quick_check(10)');

export function sealCases(): { cases: BenchCase[]; close(): void } {
  const seeded = fresh();
  const seededBare = unsealed(fresh());
  const large = grow(fresh());
  const largeBare = unsealed(grow(fresh()));
  const site = seeded.db.prepare('SELECT id FROM sites ORDER BY id LIMIT 1').pluck().get() as string;
  const cases: BenchCase[] = [
    {
      name: 'write batch, seeded store: sealed vs not',
      iterations: 50,
      baseline: renamer(seededBare, site),
      candidate: renamer(seeded, site),
    },
    {
      name: `write batch, ${SITES.toLocaleString('en-US')}-site store: sealed vs not`,
      iterations: 20,
      warmup: 2,
      baseline: renamer(largeBare, site),
      candidate: renamer(large, site),
    },
    {
      name: 'open: verify seal vs quick_check, seeded',
      iterations: 20,
      baseline: quickCheck(seeded),
      candidate: () => sealProblem(seeded.db),
    },
    {
      name: `open: verify seal vs quick_check, ${SITES.toLocaleString('en-US')} sites`,
      iterations: 5,
      warmup: 1,
      baseline: quickCheck(large),
      candidate: () => sealProblem(large.db),
    },
  ];
  return {
    cases,
    close: () => [seeded, seededBare, large, largeBare].forEach((b) => b.close()),
  };
}

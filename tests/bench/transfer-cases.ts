// Benchmarks of import and export at 50 000 sites, each against the plainest code that does the
// same storage work: the ratio is the price of parsing, validation, previews and the change log.
import { createBackend, type Backend } from '../../backend/backend';
import { contentHash } from '../../db/transfer/content-hash';
import { METHOD_NOT_RECORDED } from '../../shared/model/facts';
import type { BenchCase } from './harness';

const SITES = 50_000;
const SOURCE = { title: 'Bench source', url: 'https://example.org/bench', asOf: '2025-01-01' };

interface BenchData {
  csv: string;
  sites: { id: string; name: string; lat: number; lon: number }[];
  marketId: string;
  criteria: string[];
  value(site: number, criterion: number): number;
}

/** 50 000 sites in the seed's first market, with a value for three of the seed's criteria each. */
function benchData(backend: Backend): BenchData {
  const market = backend.db.prepare('SELECT id, country FROM markets ORDER BY id LIMIT 1').get() as
    { id: string; country: string } | undefined;
  if (market === undefined) throw new Error('the seeded store has no market to import into');
  const criteria = (
    backend.db.prepare('SELECT id FROM criteria WHERE derived = 0 ORDER BY sort_order, id LIMIT 3').all() as {
      id: string;
    }[]
  ).map((c) => c.id);
  const value = (site: number, criterion: number): number => ((site * (criterion + 7)) % 997) / 4;
  const sites = Array.from({ length: SITES }, (_, i) => ({
    id: `bench-${i}`,
    name: `Bench site ${i}`,
    lat: (i % 170) - 85 + 0.25,
    lon: (i % 350) - 175 + 0.5,
  }));
  const header = ['id', 'name', 'country', 'region', 'lat', 'lon', ...criteria, 'source_title', 'source_url', 'as_of'];
  const lines = sites.map((s, i) =>
    [
      s.id,
      s.name,
      market.country,
      market.id,
      s.lat,
      s.lon,
      ...criteria.map((_, k) => value(i, k)),
      SOURCE.title,
      SOURCE.url,
      SOURCE.asOf,
    ].join(','),
  );
  return { csv: `${header.join(',')}\n${lines.join('\n')}\n`, sites, marketId: market.id, criteria, value };
}

const fresh = (): Backend => createBackend({ dbPath: ':memory:', version: 'bench' });

async function expectOk(result: Promise<{ ok: boolean }>): Promise<void> {
  const r = await result;
  if (!r.ok) throw new Error(`bench call failed: ${JSON.stringify(r)}`);
}

/**
 * The plain way to store the same rows: prepared INSERTs in one transaction, no checks, no log. A
 * file that does not say how its values were obtained stores them as METHOD_NOT_RECORDED, and so
 * does this (`transferCases` checks that both sides leave the same content).
 */
function plainInsert(backend: Backend, data: BenchData): void {
  const site = backend.db.prepare(
    `INSERT INTO sites (id, name, market_id, lat, lon, status, notes, source_title, source_url, source_as_of, origin)
     VALUES (?, ?, ?, ?, ?, 'planned', '', ?, ?, ?, 'import')`,
  );
  const fact = backend.db.prepare(
    `INSERT INTO metric_values (criterion_id, site_id, value, source_title, source_url, as_of, note, method, derivation)
     VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)`,
  );
  const { method, derivation } = METHOD_NOT_RECORDED;
  backend.db.transaction(() => {
    data.sites.forEach((s, i) => {
      site.run(s.id, s.name, data.marketId, s.lat, s.lon, SOURCE.title, SOURCE.url, SOURCE.asOf);
      data.criteria.forEach((c, k) =>
        fact.run(c, s.id, data.value(i, k), SOURCE.title, SOURCE.url, SOURCE.asOf, method, derivation),
      );
    });
  })();
}

/** The import and the plain INSERTs must store the same rows, or the ratio compares different work. */
async function checkSameContent(data: BenchData): Promise<void> {
  const plain = fresh();
  const imported = fresh();
  plainInsert(plain, data);
  await expectOk(imported.dispatch('import.commit', { kind: 'sites-csv', content: data.csv }));
  const same = contentHash(plain.db) === contentHash(imported.db);
  plain.close();
  imported.close();
  if (!same) throw new Error('the plain INSERTs and the import store different rows: fix the bench');
}

/** Raw rows of every site (with its market) and every fact: what a load costs with no mapping or checks. */
function rawLoad(backend: Backend): number {
  const sites = backend.db
    .prepare('SELECT s.*, m.name AS market_name, m.country FROM sites s JOIN markets m ON m.id = s.market_id')
    .raw()
    .all();
  const facts = backend.db.prepare('SELECT * FROM metric_values').raw().all();
  return sites.length + facts.length;
}

export async function transferCases(): Promise<{ cases: BenchCase[]; close(): void }> {
  const probe = fresh();
  const data = benchData(probe);
  probe.close();
  await checkSameContent(data);
  const loaded = fresh();
  plainInsert(loaded, data);

  const cases: BenchCase[] = [
    {
      // Issue 14: at least 50 000 sites a second with validation, the preview, the change log, the
      // seal and all-or-nothing (on an idle machine the plain INSERTs take about 0.65 s).
      name: `import ${SITES.toLocaleString('en-US')} sites (CSV) vs plain INSERTs`,
      unitsPerIteration: SITES,
      unit: 'sites',
      target: 50_000,
      // Five, not three: on a shared machine one slow run of either side moves a median of three.
      iterations: 5,
      warmup: 1,
      interleave: true,
      baseline: () => {
        const b = fresh();
        plainInsert(b, data);
        b.close();
      },
      candidate: async () => {
        const b = fresh();
        await expectOk(b.dispatch('import.commit', { kind: 'sites-csv', content: data.csv }));
        b.close();
      },
    },
    {
      name: `load ${SITES.toLocaleString('en-US')} sites + metrics vs raw SELECT`,
      unitsPerIteration: SITES,
      unit: 'sites',
      iterations: 5,
      warmup: 1,
      baseline: () => rawLoad(loaded),
      candidate: async () => {
        await expectOk(loaded.dispatch('sites.list', {}));
        await expectOk(loaded.dispatch('metrics.list', {}));
      },
    },
    {
      name: `export ${SITES.toLocaleString('en-US')} sites (CSV) vs raw SELECT`,
      unitsPerIteration: SITES,
      unit: 'sites',
      iterations: 5,
      warmup: 1,
      baseline: () => rawLoad(loaded),
      candidate: () => expectOk(loaded.dispatch('export.table', { table: 'sites', format: 'csv' })),
    },
  ];
  return { cases, close: () => loaded.close() };
}

// Coverage of the fact matrix (issue 13, item 5): a small case worked by hand, then the seeded store
// against the issue's targets (≥ 90 % of the built-in presets' cells known, ≤ 20 % of them estimates).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../backend/backend';
import { dataCoverage } from '../../backend/services/data/data-coverage';
import type { Criterion } from '../../shared/model/criteria';
import type { MetricValue } from '../../shared/model/facts';
import type { Preset } from '../../shared/model/presets';
import type { Site } from '../../shared/schemas';
import { harness, openBackend, type Harness } from './edit-fixture';

type Known = Extract<MetricValue, { kind: 'known' }>;

const site = (id: string, marketId: string): Site => ({
  id,
  name: id.toUpperCase(),
  marketId,
  marketName: marketId,
  country: 'SG',
  lat: 1,
  lon: 103,
  capacityMw: { existing: null, planned: null },
  status: 'operational',
  operator: null,
  notes: '',
  source: { title: 'T', url: 'https://example.org', asOf: '2025-01-01' },
});
const criterion = (id: string): Criterion => ({ id, name: `Criterion ${id}` }) as Criterion;
const known = (method: Known['method'], asOf: string): Known =>
  ({ kind: 'known', method, source: { title: 'T', url: 'https://example.org', asOf } }) as Known;

describe('dataCoverage, by hand', () => {
  // Markets m1 (sites a, b) and m2 (site c); criteria p (weighed by the built-in preset) and q (not).
  // p: m1 has an official 2025 value (a and b read it), c has nothing → 2 of 3 known.
  // q: a has its own estimate dated 2020 (stale at 365 days on 2026-01-01), b and c nothing → 1 of 3.
  const cells = new Map<string, Known>([
    ['p/a', known('official', '2025-06-30')],
    ['p/b', known('official', '2025-06-30')],
    ['q/a', known('estimate', '2020-01-01')],
  ]);
  const coverage = dataCoverage({
    sites: [site('a', 'm1'), site('b', 'm1'), site('c', 'm2')],
    criteria: [criterion('p'), criterion('q')],
    cell: (c, s) => cells.get(`${c}/${s.id}`),
    presets: [
      { id: 'b1', builtin: true, weights: { p: 1, q: 0 } } as unknown as Preset,
      { id: 'mine', builtin: false, weights: { q: 1 } } as unknown as Preset,
    ],
    marketNames: new Map([['m1', 'Market one']]),
    isStale: (f) => f.source !== null && f.source.asOf < '2025-01-01',
  });

  it('counts all cells and those of the criteria a built-in preset weighs (a user preset does not count)', () => {
    expect(coverage.all).toEqual({ cells: 6, known: 3, share: 0.5, estimates: 1, estimateShare: 1 / 3, stale: 1 });
    expect(coverage.presets).toEqual({
      criteria: ['p'],
      cells: 3,
      known: 2,
      share: 2 / 3,
      estimates: 0,
      estimateShare: 0,
      stale: 0,
    });
  });

  it('per criterion, market and site, worst first, naming each', () => {
    expect(coverage.byCriterion.map((c) => [c.criterionId, c.known, c.cells, c.weighedByBuiltin])).toEqual([
      ['q', 1, 3, false],
      ['p', 2, 3, true],
    ]);
    // m2: c knows nothing (0 of 2); m1: a knows 2, b knows 1 → 3 of 4.
    expect(coverage.byMarket.map((m) => [m.marketId, m.name, m.known, m.cells])).toEqual([
      ['m2', 'm2', 0, 2],
      ['m1', 'Market one', 3, 4],
    ]);
    expect(coverage.bySite.map((s) => [s.siteId, s.known, s.share])).toEqual([
      ['c', 0, 0],
      ['b', 1, 0.5],
      ['a', 2, 1],
    ]);
  });
});

describe('data.health coverage on the seeded store', () => {
  let backend: Backend;
  let h: Harness;
  beforeAll(() => {
    backend = openBackend();
    h = harness(backend);
  });
  afterAll(() => backend.close());

  it('meets the issue-13 targets and adds up across criteria, markets and sites', async () => {
    const health = await h.value('data.health', { staleAfterDays: 3650, asOf: '2026-12-03' });
    const c = health.coverage;
    expect(c.presets.share).toBeGreaterThanOrEqual(0.9);
    expect(c.presets.estimateShare).toBeLessThanOrEqual(0.2);
    const sum = (rows: { known: number; cells: number }[]): [number, number] => [
      rows.reduce((n, r) => n + r.known, 0),
      rows.reduce((n, r) => n + r.cells, 0),
    ];
    for (const rows of [c.byCriterion, c.byMarket, c.bySite]) expect(sum(rows)).toEqual([c.all.known, c.all.cells]);
    expect(c.all.cells - c.all.known).toBe(health.summary.missing);
    expect(c.bySite).toHaveLength(health.summary.sites);
  });
});

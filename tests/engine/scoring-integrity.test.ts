// Issue 12's rules, each with hand-written expectations first and a property where one exists:
// no credit without a value, coverage, honest ties (scores and SMAA), methods that honour the
// normalisation setting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreSites } from '../../shared/engine/score';
import { runSmaa } from '../../shared/engine/smaa';
import type {
  CriterionSpec,
  DecisionMatrix,
  Method,
  MissingPolicy,
  NormalisationSpec,
  ScoreOptions,
} from '../../shared/engine/types';

const NaN_ = Number.NaN;

const crit = (
  id: string,
  direction: 'benefit' | 'cost' = 'benefit',
  kind: NormalisationSpec['kind'] = 'minmax',
  missing: MissingPolicy = 'zero',
): CriterionSpec => ({
  id,
  direction,
  normalisation:
    kind === 'target'
      ? {
          kind,
          breakpoints: [
            [0, 0],
            [1, 1],
          ],
        }
      : ({ kind } as NormalisationSpec),
  missing,
  label: id,
});

function matrixOf(
  siteIds: string[],
  criteria: CriterionSpec[],
  rows: number[][],
  asOfDay?: number[][],
): DecisionMatrix {
  const cells = rows.flat();
  return {
    siteIds,
    criteria,
    values: Float64Array.from(cells),
    low: new Float64Array(cells.length).fill(NaN_),
    high: new Float64Array(cells.length).fill(NaN_),
    asOfDay: asOfDay ? Float64Array.from(asOfDay.flat()) : new Float64Array(cells.length).fill(NaN_),
  };
}

const opts = (weights: Record<string, number>, extra: Partial<ScoreOptions> = {}): ScoreOptions => ({
  method: 'wsm',
  weights,
  constraints: [],
  asOf: '2025-12-15',
  staleAfterDays: 365,
  ...extra,
});

describe('no credit without a value', () => {
  // The case: power price known only for Singapore (19.19 US¢/kWh, the dearest), tax
  // incentive known only for Johor; build cost known everywhere.
  const m = matrixOf(
    ['sg', 'kulai', 'beijing'],
    [crit('power', 'cost'), crit('tax', 'benefit'), crit('build', 'cost')],
    [
      [19.19, NaN_, 10],
      [NaN_, 1, 8],
      [NaN_, NaN_, 6],
    ],
  );

  it('a criterion with one known value gives nobody anything, and says so', () => {
    const r = scoreSites(m, opts({ power: 0.35, tax: 0.1, build: 0.55 }));
    // power and tax have no spread: 0 for all. build min–max cost: sg 0, kulai 0.5, beijing 1.
    // Scores: 0.55 · (0, 0.5, 1) = 0, 0.275, 0.55. Kulai no longer tops on an unknown power price.
    expect(r.results.map((x) => x.score)).toEqual([0, 0.275, 0.55]);
    expect(r.results.map((x) => x.rank)).toEqual([3, 2, 1]);
    expect(r.results[1]?.contributions).toEqual({ power: 0, tax: 0, build: 0.275 });
    expect(r.uninformative).toEqual([
      { criterionId: 'power', known: 1, reason: 'one known value' },
      { criterionId: 'tax', known: 1, reason: 'one known value' },
    ]);
  });

  it('a criterion with no known value anywhere is listed as such', () => {
    const none = matrixOf(
      ['a', 'b'],
      [crit('rq'), crit('x')],
      [
        [NaN_, 1],
        [NaN_, 2],
      ],
    );
    const r = scoreSites(none, opts({ rq: 0.2, x: 0.8 }));
    expect(r.uninformative).toEqual([{ criterionId: 'rq', known: 0, reason: 'no known value' }]);
    expect(r.results.map((x) => x.score)).toEqual([0, 0.8]);
  });

  it('under the weighted product an uninformative column is a factor of 1, not a wipe-out', () => {
    const r = scoreSites(m, opts({ power: 0.35, tax: 0.1, build: 0.55 }, { method: 'wpm' }));
    // Power and tax are factors of 1 with their weight kept: build (0 → floor, 0.5, 1) counts with
    // exponent 0.55, not stretched to 1 → ≈0, 0.5^0.55 = 0.68302, 1.
    expect(r.results[0]?.score).toBeLessThan(1e-4);
    expect(r.results[1]?.score).toBeCloseTo(0.5 ** 0.55, 12);
    expect(r.results[2]?.score).toBeCloseTo(1, 12);
  });

  it("'zero' and 'worst' never give a gap more than the worst known cell, in every normalisation", () => {
    const kinds = ['minmax', 'vector', 'max'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(NaN_), fc.double({ min: 0.5, max: 100, noNaN: true })), {
          minLength: 3,
          maxLength: 12,
        }),
        fc.constantFrom(...kinds),
        fc.constantFrom<'benefit' | 'cost'>('benefit', 'cost'),
        fc.constantFrom<MissingPolicy>('zero', 'worst'),
        (col, kind, direction, missing) => {
          const rows = col.map((x, i) => [x, i]); // a second, informative column keeps every row scored
          const mm = matrixOf(
            col.map((_, i) => `s${String(i).padStart(2, '0')}`),
            [crit('c', direction, kind, missing), crit('d')],
            rows,
          );
          const r = scoreSites(mm, opts({ c: 1, d: 1 }));
          const cells = r.results.map((x) => (x.contributions?.c ?? 0) / 0.5);
          const known = cells.filter((_, i) => !Number.isNaN(col[i] as number));
          const gaps = cells.filter((_, i) => Number.isNaN(col[i] as number));
          if (known.length === 0) return;
          for (const g of gaps) expect(g).toBeLessThanOrEqual(Math.min(...known) + 1e-12);
        },
      ),
    );
  });

  // Under WSM an uninformative criterion scores 0, the bottom, so losing a value can never help. Under
  // WPM and TOPSIS "contributes nothing" is a factor of 1 or no distance, which is relative: when
  // the removed value was one of only two distinct ones, the criterion stops counting for everyone
  // (the site that had the better value loses its edge too). The rule holds whenever the criterion
  // still tells the other candidates apart.
  it("removing a site's value never raises its score ('zero', every normalisation and method)", () => {
    const value = fc.double({ min: 0.5, max: 100, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value, fc.oneof(fc.constant(NaN_), value)), { minLength: 2, maxLength: 10 }),
        fc.constantFrom('minmax', 'vector', 'max' as const),
        fc.constantFrom<Method>('wsm', 'wpm', 'topsis'),
        fc.nat(),
        fc.nat(2),
        (rows, kind, method, pick, col) => {
          const i = pick % rows.length;
          const criteria = [crit('a', 'benefit', kind), crit('b', 'cost', kind), crit('c', 'benefit', kind)];
          const ids = rows.map((_, k) => `s${String(k).padStart(2, '0')}`);
          const w = opts({ a: 0.5, b: 0.3, c: 0.2 }, { method });
          const before = scoreSites(matrixOf(ids, criteria, rows), w).results[i]?.score as number;
          const removed = rows.map((r, k) => (k === i ? r.map((x, j) => (j === col ? NaN_ : x)) : r));
          const others = new Set(removed.map((r) => r[col] as number).filter((x) => !Number.isNaN(x)));
          if (method !== 'wsm' && others.size < 2) return;
          // TOPSIS measures from the candidates' best and worst known values: removing the unique
          // best or worst moves the ideal points themselves (docs/scoring.md).
          const x = rows[i]?.[col] as number;
          if (method === 'topsis' && !Number.isNaN(x)) {
            const all = rows.map((r) => r[col] as number).filter((v) => !Number.isNaN(v));
            const lo = Math.min(...all);
            const hi = Math.max(...all);
            if ((x === lo && !others.has(lo)) || (x === hi && !others.has(hi))) return;
          }
          const after = scoreSites(matrixOf(ids, criteria, removed), w).results[i]?.score as number;
          expect(after).toBeLessThanOrEqual(before + 1e-9);
        },
      ),
    );
  });

  it("'neutral' and 'reweight' can give an unknown credit (why no built-in preset uses them)", () => {
    // Power (cost) known: a 5, b 10; c unknown. Under min–max a scores 1, b 0.
    const rows = [
      [5, 0],
      [10, 10],
      [NaN_, 10],
    ];
    const neutral = scoreSites(
      matrixOf(['a', 'b', 'c'], [crit('p', 'cost', 'minmax', 'neutral'), crit('q')], rows),
      opts({ p: 1, q: 1 }),
    );
    // c's unknown power gets 0.5 — above b's known worst 0: credit without a value.
    expect((neutral.results[2]?.contributions?.p ?? 0) / 0.5).toBe(0.5);
    const reweight = scoreSites(
      matrixOf(['a', 'b', 'c'], [crit('p', 'cost', 'minmax', 'reweight'), crit('q')], rows),
      opts({ p: 1, q: 1 }),
    );
    // c is scored on q alone (1), above b (0·½ + 1·½ = 0.5) that shares its q but has a value for p.
    expect(reweight.results[2]?.score).toBe(1);
    expect(reweight.results[1]?.score).toBe(0.5);
  });
});

describe('coverage', () => {
  const asOf = 20_000; // a day number; stale threshold below is asOf − 365
  const m = matrixOf(
    ['a', 'b', 'c'],
    [crit('p', 'cost'), crit('q'), crit('r')],
    [
      [1, 2, 3],
      [2, NaN_, 1],
      [NaN_, NaN_, 2],
    ],
    [
      [asOf - 10, asOf - 400, asOf - 10],
      [asOf - 10, NaN_, asOf - 10],
      [NaN_, NaN_, asOf - 400],
    ],
  );
  const when = new Date(asOf * 86_400_000).toISOString().slice(0, 10);

  it('is the share of the weight resting on known values, and on stale ones', () => {
    const r = scoreSites(m, opts({ p: 0.5, q: 0.3, r: 0.2 }, { asOf: when }));
    // a knows all (1); b knows p and r (0.7); c knows r (0.2). Stale: a's q (0.3), c's r (0.2).
    expect(r.results.map((x) => x.coverage)).toEqual([1, 0.7, 0.2]);
    expect(r.results.map((x) => x.staleCoverage)).toEqual([0.3, 0, 0.2]);
    expect(r.results.map((x) => x.thin)).toEqual([false, false, false]);
  });

  it('is the same whichever way it is taken: a gap where nothing is weighted, a gap where something is', () => {
    // b lacks r. Unweighted, r's gap rests no weight: every site's coverage is 1 (taken as one
    // number for all). Weighted a quarter (2 : 1 : 1), b's coverage is 3/4 (taken per site).
    const g = matrixOf(
      ['a', 'b', 'c'],
      [crit('p', 'cost'), crit('q'), crit('r')],
      [
        [1, 2, 3],
        [2, 5, NaN_],
        [3, 1, 2],
      ],
    );
    for (const method of ['wsm', 'wpm', 'topsis'] as const) {
      const none = scoreSites(g, opts({ p: 2, q: 2, r: 0 }, { method, minCoverage: 0.8 }));
      expect(none.results.map((x) => [x.coverage, x.thin])).toEqual([
        [1, false],
        [1, false],
        [1, false],
      ]);
      const quarter = scoreSites(g, opts({ p: 2, q: 1, r: 1 }, { method, minCoverage: 0.8 }));
      expect(quarter.results.map((x) => [x.coverage, x.thin])).toEqual([
        [1, false],
        [0.75, true],
        [1, false],
      ]);
    }
  });

  it('below the minimum a site is marked thin, or excluded with the reason', () => {
    const marked = scoreSites(m, opts({ p: 0.5, q: 0.3, r: 0.2 }, { asOf: when, minCoverage: 0.5 }));
    expect(marked.results.map((x) => [x.thin, x.excluded])).toEqual([
      [false, false],
      [false, false],
      [true, false],
    ]);
    const out = scoreSites(m, opts({ p: 0.5, q: 0.3, r: 0.2 }, { asOf: when, minCoverage: 0.5, thinData: 'exclude' }));
    expect(out.results[2]?.excluded).toBe(true);
    expect(out.results[2]?.reasons).toEqual([
      'thin data: 20 % of the weight rests on known values, below the minimum of 50 %',
    ]);
    // Excluded before normalisation: r over a and b only (3, 1) → a 1, b 0.
    expect(out.results[0]?.contributions?.r).toBeCloseTo(0.2, 12);
  });
});

describe('honest ties', () => {
  it('tied inputs give tied ranks, whatever the site ids and method', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 2 }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.nat(),
        fc.constantFrom<Method>('wsm', 'wpm', 'topsis'),
        (rows, pick, method) => {
          const twin = rows[pick % rows.length] as number[];
          const all = [...rows, [...twin]];
          const ids = all.map((_, k) => `z${String(all.length - k).padStart(2, '0')}`); // ids against row order
          const r = scoreSites(
            matrixOf(ids, [crit('a'), crit('b', 'cost')], all),
            opts({ a: 0.6, b: 0.4 }, { method }),
          );
          const a = r.results[pick % rows.length];
          const b = r.results[all.length - 1];
          expect(a?.score).toBe(b?.score);
          expect(a?.rank).toBe(b?.rank);
          expect(a?.tied && b?.tied).toBe(true);
        },
      ),
    );
  });

  it('SMAA splits a shared rank evenly: six identical sites each get 1/6 of first … sixth', () => {
    const rows = [...Array.from({ length: 6 }, () => [5, 2]), [1, 9]];
    const ids = ['bj', 'ga', 'hh', 'qy', 'sh', 'zw', 'zz'];
    const r = runSmaa(matrixOf(ids, [crit('a'), crit('b', 'cost')], rows), opts({ a: 0.5, b: 0.5 }), {
      samples: 400,
      seed: 1,
      mode: 'around_preset',
    });
    for (const s of r.sites.slice(0, 6)) {
      s.rankProbabilities.slice(0, 6).forEach((p) => expect(p).toBeCloseTo(1 / 6, 12));
      expect(s.pFirst).toBeCloseTo(1 / 6, 12);
      expect(s.pTiedFirst).toBe(1);
      expect(s.meanRank).toBeCloseTo(3.5, 12);
    }
    expect(r.sites[6]?.rankProbabilities[6]).toBe(1);
    expect(r.sites[6]?.pTiedFirst).toBe(0);
  });
});

describe('methods honour the normalisation', () => {
  const rows = [
    [10, 4],
    [20, 1],
    [40, 2],
  ];
  const ids = ['a', 'b', 'c'];
  const run = (kind: 'minmax' | 'vector' | 'max', method: Method) =>
    scoreSites(
      matrixOf(ids, [crit('x', 'benefit', kind), crit('y', 'cost', kind)], rows),
      opts({ x: 0.5, y: 0.5 }, { method }),
    ).results.map((r) => r.score as number);

  it('TOPSIS with min–max: hand-computed', () => {
    // x minmax: 0, 1/3, 1; y cost minmax (max 4, min 1): 0, 1, 2/3. v = 0.5·r.
    // Ideal (0.5, 0.5), anti (0, 0).
    // a: d+ = √(0.25 + 0.25) = 0.7071, d− = 0 → 0.
    // b: d+ = √((0.5 − 1/6)² + 0) = 1/3, d− = √((1/6)² + 0.25) = 0.52705 → 0.52705 / 0.86038 = 0.61257
    // c: d+ = √(0 + (0.5 − 1/3)²) = 1/6, d− = √(0.25 + (1/3)²) = 0.60093 → 0.60093 / 0.76759 = 0.78287
    const c = run('minmax', 'topsis');
    expect(c[0]).toBe(0);
    expect(c[1]).toBeCloseTo(0.61257, 4);
    expect(c[2]).toBeCloseTo(0.78287, 4);
  });

  it('gives different answers for different normalisations (it used to ignore the setting)', () => {
    const v = run('vector', 'topsis');
    const mm = run('minmax', 'topsis');
    const mx = run('max', 'topsis');
    expect(v).not.toEqual(mm);
    expect(mx).not.toEqual(mm);
  });

  it('keeps chip legality on its absolute scale in TOPSIS: all conditional is not all ideal', () => {
    const legal: CriterionSpec = {
      id: 'legal',
      direction: 'benefit',
      normalisation: { kind: 'absolute' },
      missing: 'zero',
    };
    const r = scoreSites(
      matrixOf(
        ['a', 'b'],
        [legal, crit('x')],
        [
          [0.75, 1],
          [0.75, 2],
        ],
      ),
      opts({ legal: 0.5, x: 0.5 }, { method: 'topsis' }),
    );
    // a: x r 0 → d+ = √(0.125² + 0.5²), d− = √(0.375² + 0) → 0.375 / (0.51539 + 0.375) = 0.42117
    // b: x r 1 → d+ = 0.125, d− = √(0.375² + 0.5²) = 0.625 → 0.625 / 0.75 = 0.83333
    expect(r.results[0]?.score).toBeCloseTo(0.42117, 4);
    expect(r.results[1]?.score).toBeCloseTo(0.83333, 4);
  });
});

describe('what a summary may say about the top', () => {
  const ids = ['a', 'b', 'c'];
  const criteria = [crit('p', 'cost'), crit('q')];

  it('a lead that comes from the runner-up having no value is not a lead on known facts', () => {
    // p (cost): a 5, b unknown, c 10 → a 1, b 0 (no credit), c 0. q: a 1, b 2, c 0 → 0.5, 1, 0.
    // Weights 0.7 / 0.3: a 0.85, b 0.3, c 0. On q, the one criterion both know, b is ahead.
    const r = scoreSites(
      matrixOf(ids, criteria, [
        [5, 1],
        [NaN_, 2],
        [10, 0],
      ]),
      opts({ p: 0.7, q: 0.3 }),
    );
    expect(r.top).toEqual({
      kind: 'lead',
      siteId: 'a',
      runnerUpId: 'b',
      restsOnKnown: false,
      filledCriteria: ['p'],
      thin: false,
    });
  });

  it('a lead on every criterion both know stands, gaps or not', () => {
    // Same, but b's q is 0.5 (below a's 1): a is ahead on q as well.
    const r = scoreSites(
      matrixOf(ids, criteria, [
        [5, 1],
        [NaN_, 0.5],
        [10, 2],
      ]),
      opts({ p: 0.7, q: 0.3 }),
    );
    // q: a 0.5, b 0.25, c 1 → a 0.85, b 0.075, c 0.3: runner-up c, who knows everything.
    expect(r.top).toMatchObject({ kind: 'lead', siteId: 'a', runnerUpId: 'c', restsOnKnown: true, filledCriteria: [] });
  });

  it('equal best scores are a tie, and nobody is first', () => {
    const r = scoreSites(
      matrixOf(ids, criteria, [
        [5, 1],
        [5, 1],
        [10, 0],
      ]),
      opts({ p: 0.5, q: 0.5 }),
    );
    expect(r.top).toEqual({ kind: 'tie', siteIds: ['a', 'b'] });
  });

  it('a thin leader is flagged', () => {
    const r = scoreSites(
      matrixOf(ids, criteria, [
        [NaN_, 2],
        [NaN_, 1],
        [NaN_, 0],
      ]),
      opts({ p: 0.7, q: 0.3 }, { minCoverage: 0.5 }),
    );
    expect(r.top).toMatchObject({ kind: 'lead', siteId: 'a', thin: true });
  });
});

describe('stability intervals name a shared top', () => {
  it('when two sites share the best score, the interval says who it is shared with', async () => {
    const { stabilityIntervals } = await import('../../shared/engine/sensitivity');
    // a and b identical (0.5·1 + 0.5·1 = 1), c worst: a is listed first by id, tied with b.
    const m = matrixOf(
      ['a', 'b', 'c'],
      [crit('p'), crit('q')],
      [
        [2, 2],
        [2, 2],
        [1, 1],
      ],
    );
    const s = stabilityIntervals(m, opts({ p: 0.5, q: 0.5 }));
    expect(s.map((x) => [x.topSite, x.tiedWith])).toEqual([
      ['a', ['b']],
      ['a', ['b']],
    ]);
  });
});

// Cases from the analyst's review (each expectation from first principles).
describe('review cases', () => {
  it('a lead must stand against every site tied for second', () => {
    // minmax, weights ½/½: a = (10, 2) → (1, 0.2) = 0.6; b = (5, 5) → (0.5, 0.5) = 0.5;
    // c = (gap, 10) → (0, 1) = 0.5; d = (0, 0) → 0. b and c share 2nd. On q, the one fact a and c
    // share, c is ahead: a's lead over c comes from c's gap.
    const r = scoreSites(
      matrixOf(
        ['a', 'b', 'c', 'd'],
        [crit('p'), crit('q')],
        [
          [10, 2],
          [5, 5],
          [NaN_, 10],
          [0, 0],
        ],
      ),
      opts({ p: 0.5, q: 0.5 }),
    );
    expect(r.results.map((x) => x.rank)).toEqual([1, 2, 2, 4]);
    expect(r.top).toMatchObject({ kind: 'lead', siteId: 'a', restsOnKnown: false, filledCriteria: ['p'] });
  });

  it('two adjacent doubles are one score, wherever they fall on the sorting grid', async () => {
    const { rankScores } = await import('../../shared/engine/score');
    const r = rankScores(
      ['a', 'b'],
      Float64Array.from([0.4999999997671694, 0.49999999976716947]),
      Uint8Array.from([1, 1]),
    );
    expect(Array.from(r.rank)).toEqual([1, 1]);
    expect(Array.from(r.tied)).toEqual([1, 1]);
    // 1e-10 apart is a real difference (TIE_TOLERANCE is 1e-12), in the right order.
    const s = rankScores(['a', 'b'], Float64Array.from([0.5, 0.5 + 1e-10]), Uint8Array.from([1, 1]));
    expect(Array.from(s.rank)).toEqual([2, 1]);
  });

  it('SMAA and the table agree on what a tie is', () => {
    // a and b 2e-11 apart (above the tolerance): not a tie in the table, and not in SMAA either.
    const m = matrixOf(
      ['a', 'b', 'c'],
      [crit('p', 'benefit', 'absolute'), crit('q', 'benefit', 'absolute')],
      [
        [1, 0.5],
        [1 - 2e-11, 0.5],
        [0, 0],
      ],
    );
    const table = scoreSites(m, opts({ p: 0.5, q: 0.5 }));
    expect(table.results.map((x) => [x.rank, x.tied])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    const smaa = runSmaa(m, opts({ p: 0.5, q: 0.5 }), {
      samples: 50,
      seed: 3,
      mode: 'around_preset',
      concentration: 1e6,
    });
    expect(smaa.sites[0]?.pFirst).toBe(1);
    expect(smaa.sites[0]?.pTiedFirst).toBe(0);
    // 1e-13 apart: a tie in both.
    const m2 = { ...m, values: Float64Array.from([1, 0.5, 1 - 1e-13, 0.5, 0, 0]) };
    expect(scoreSites(m2, opts({ p: 0.5, q: 0.5 })).results.map((x) => x.rank)).toEqual([1, 1, 3]);
    const smaa2 = runSmaa(m2, opts({ p: 0.5, q: 0.5 }), {
      samples: 50,
      seed: 3,
      mode: 'around_preset',
      concentration: 1e6,
    });
    expect(smaa2.sites[0]?.pTiedFirst).toBe(1);
    expect(smaa2.sites[0]?.pFirst).toBeCloseTo(0.5, 12);
  });

  it('under vector TOPSIS a site with no data moves nobody else', () => {
    const rows = [
      [59.1, 30.6],
      [26.8, 99.4],
      [10.9, 72.2],
    ];
    const criteria = [crit('p', 'benefit', 'vector'), crit('q', 'benefit', 'vector')];
    const w = opts({ p: 0.5, q: 0.5 }, { method: 'topsis' });
    const before = scoreSites(matrixOf(['a', 'b', 'c'], criteria, rows), w).results.map((x) => x.score);
    const after = scoreSites(matrixOf(['a', 'b', 'c', 'z'], criteria, [...rows, [NaN_, NaN_]]), w).results;
    expect(after.slice(0, 3).map((x) => x.score)).toEqual(before);
    // z sits at the anti-ideal on both: closeness 0.
    expect(after[3]?.score).toBe(0);
  });

  it('share-of-best cost with a best of 0 reads 1 − x/max, and says so', () => {
    // costs 0, 2, 4: min/x would give 1, 0, 0; the flip gives 1, 0.5, 0.
    const r = scoreSites(
      matrixOf(['a', 'b', 'c'], [crit('churn', 'cost', 'max')], [[0], [2], [4]]),
      opts({ churn: 1 }),
    );
    expect(r.results.map((x) => x.score)).toEqual([1, 0.5, 0]);
    expect(r.scaleNotes.map((x) => x.criterionId)).toEqual(['churn']);
  });

  it('a negative value on a ratio scale is read min–max, and says so', () => {
    // vector benefit −3, −1, 2 → min–max 0, 0.4, 1 (−1 above −3).
    const r = scoreSites(
      matrixOf(['a', 'b', 'c'], [crit('t', 'benefit', 'vector')], [[-3], [-1], [2]]),
      opts({ t: 1 }),
    );
    expect(r.results.map((x) => x.score)).toEqual([0, 0.4, 1]);
    expect(r.scaleNotes).toHaveLength(1);
  });

  it('a gap is never listed as a stale fact', () => {
    const m = matrixOf(
      ['a', 'b'],
      [crit('p'), crit('q')],
      [
        [1, NaN_],
        [2, 3],
      ],
      [
        [0, 0],
        [0, 0],
      ],
    );
    const r = scoreSites(m, opts({ p: 1, q: 1 }, { asOf: '2026-01-01' }));
    expect(r.results.map((x) => x.stale)).toEqual([['p'], ['p', 'q']]);
  });
});

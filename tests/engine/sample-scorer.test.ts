// The value-sampling fast path (sample-scorer.ts, scoreDraws) against scoreSites on the matrix with
// the drawn values written in: the same exclusions and the same scores, on random matrices with
// gaps, constant columns, both directions, every normalisation and missing-value policy, hard
// constraints on sampled criteria, chip legality and thin data; and whole SMAA runs against the
// reference path (every sample through scoreSites), which must give identical results.
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../shared/engine/random';
import { createSampleScorer, rangedCells } from '../../shared/engine/sample-scorer';
import { scoreSites } from '../../shared/engine/score';
import { runSmaa } from '../../shared/engine/smaa';
import type {
  CriterionSpec,
  DecisionMatrix,
  MissingPolicy,
  NormalisationSpec,
  ScoreOptions,
  SiteLegality,
} from '../../shared/engine/types';

const NORMALISATIONS: NormalisationSpec[] = [
  { kind: 'minmax' },
  { kind: 'minmax' },
  { kind: 'vector' },
  { kind: 'max' },
  { kind: 'absolute' },
  {
    kind: 'target',
    breakpoints: [
      [60, 1],
      [10, 0],
      [40, 0.8],
    ],
  },
];
const POLICIES: MissingPolicy[] = ['zero', 'zero', 'worst', 'neutral', 'reweight', 'exclude'];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)] as T;

interface Case {
  matrix: DecisionMatrix;
  options: ScoreOptions;
}

/** A random matrix and options exercising every rule scoreSites has (seeded). */
function randomCase(seed: number, sites: number, cols: number): Case {
  const rng = createRng(seed);
  const criteria: CriterionSpec[] = Array.from({ length: cols }, (_, j) => {
    const normalisation = j === 0 ? { kind: 'minmax' as const } : pick(rng, NORMALISATIONS);
    return {
      id: j === 1 ? '7' : `c${j}`, // an integer-like id changes the order weights are summed in
      direction: rng.next() < 0.4 ? 'cost' : 'benefit',
      normalisation,
      missing: j === 0 ? 'zero' : pick(rng, POLICIES),
    };
  });
  const n = sites * cols;
  const values = new Float64Array(n);
  const low = new Float64Array(n).fill(Number.NaN);
  const high = new Float64Array(n).fill(Number.NaN);
  // Some columns constant, some with few distinct values (ties), some with negative values.
  const style = criteria.map(() => rng.next());
  for (let i = 0; i < sites; i++) {
    for (let j = 0; j < cols; j++) {
      const k = i * cols + j;
      const st = style[j] as number;
      const c = criteria[j] as CriterionSpec;
      let v: number;
      if (c.normalisation.kind === 'absolute') v = rng.next() < 0.3 ? pick(rng, [0, 0.5, 1]) : rng.next();
      else if (st < 0.1) v = 5;
      else if (st < 0.25) v = pick(rng, [1, 2, 3]);
      else if (st < 0.35 && c.normalisation.kind === 'minmax') v = -50 + 100 * rng.next();
      else v = 100 * rng.next();
      values[k] = rng.next() < 0.15 ? Number.NaN : v;
      if (values[k] === values[k] && rng.next() < 0.5) {
        const spread = c.normalisation.kind === 'absolute' ? 0.2 : st < 0.1 ? 1 : 15;
        low[k] = v - spread * rng.next();
        high[k] = v + spread * rng.next();
        if (rng.next() < 0.05) high[k] = low[k]; // not a range: stays fixed
      }
    }
  }
  const siteIds = Array.from({ length: sites }, (_, i) => `s${String((i * 7) % sites).padStart(3, '0')}-${i}`);
  const legality: Record<string, SiteLegality> = {};
  siteIds.forEach((id, i) => {
    if (i % 9 !== 4) legality[id] = { status: i % 5 === 0 ? 'prohibited' : 'allowed', reason: 'test' };
  });
  const weights: Record<string, number> = {};
  criteria.forEach((c, j) => (weights[c.id] = j > 1 && rng.next() < 0.15 ? 0 : 0.1 + rng.next()));
  const constraints: ScoreOptions['constraints'][number][] = [];
  if (rng.next() < 0.6) constraints.push({ kind: 'min', criterionId: 'c0', value: 40 });
  if (rng.next() < 0.4) constraints.push({ kind: 'max', criterionId: criteria[2]?.id ?? 'c0', value: 70 });
  if (rng.next() < 0.3) constraints.push({ kind: 'chips_legal', allow: ['allowed'] });
  const thin = rng.next();
  return {
    matrix: { siteIds, criteria, values, low, high, asOfDay: new Float64Array(n).fill(Number.NaN) },
    options: {
      method: 'wsm',
      weights,
      constraints,
      asOf: '2026-01-01',
      staleAfterDays: 3650,
      legality,
      ...(thin < 0.3 ? { minCoverage: 0.75, thinData: 'exclude' as const } : {}),
      ...(thin >= 0.3 && thin < 0.45 ? { minCoverage: 0.75, thinData: 'mark' as const } : {}),
    },
  };
}

/** scoreSites on the matrix with the draws written in: scores by site index, NaN when excluded. */
function reference(c: Case, w: Float64Array, draws: Float64Array): Float64Array {
  const cells = rangedCells(c.matrix);
  const values = Float64Array.from(c.matrix.values);
  cells.cell.forEach((k, q) => (values[k] = draws[q] as number));
  const weights: Record<string, number> = {};
  c.matrix.criteria.forEach((k, j) => (weights[k.id] = w[j] as number));
  const out = new Float64Array(c.matrix.siteIds.length).fill(Number.NaN);
  scoreSites({ ...c.matrix, values }, { ...c.options, weights, contributions: 'none' }).results.forEach((r, i) => {
    if (r.score !== null) out[i] = r.score;
  });
  return out;
}

describe('scoreDraws (the value-sampling fast path)', () => {
  it('gives scoreSites’ exclusions and scores on random matrices with every rule in play', () => {
    let compared = 0;
    let identical = 0;
    let excludedSome = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const c = randomCase(seed, 12 + (seed % 5) * 9, 4 + (seed % 4));
      const scorer = createSampleScorer(c.matrix, c.options);
      const rng = createRng(1000 + seed);
      const m = c.matrix.criteria.length;
      const w = new Float64Array(m);
      const draws = new Float64Array(scorer.ranged.cell.length);
      const got = new Float64Array(c.matrix.siteIds.length);
      for (let sample = 0; sample < 12; sample++) {
        // Weights on the preset's support, sometimes one of them dropped to 0 (another support).
        rng.dirichlet(
          Float64Array.from(scorer.baseWeights, (b, j) => (b > 0 && !(sample % 5 === 4 && j === 2) ? 20 * b : 0)),
          w,
        );
        if (!w.some((x) => x > 0)) continue;
        if (sample % 2 === 0) {
          rng.fillRange(scorer.ranged.low, scorer.ranged.span, draws);
          scorer.scoreDraws(w, draws, got);
        } else {
          // Drawing as it goes, column by column: the same numbers as one fillRange.
          const twin = rng.clone();
          scorer.scoreSample(w, rng, got);
          twin.fillRange(scorer.ranged.low, scorer.ranged.span, draws);
          expect(rng.next()).toBe(twin.next());
        }
        const want = reference(c, w, draws);
        for (let i = 0; i < got.length; i++) {
          const a = want[i] as number;
          const b = got[i] as number;
          expect(Number.isNaN(b), `seed ${seed} sample ${sample} site ${i}`).toBe(Number.isNaN(a));
          if (a === a) {
            expect(Math.abs(a - b), `seed ${seed} sample ${sample} site ${i}`).toBeLessThanOrEqual(1e-12);
            compared++;
            if (Object.is(a, b)) identical++;
          } else excludedSome++;
        }
      }
      expect(scorer.slowEvaluations).toBe(0);
    }
    expect(compared).toBeGreaterThan(8000);
    expect(excludedSome).toBeGreaterThan(1000);
    // The arithmetic is scoreMatrix's, in its order: the same doubles, not just close ones.
    expect(identical).toBe(compared);
  });

  it('takes each column’s min and max from the drawn cells that can decide them, whatever the ranges', () => {
    // c0: every cell ranged (no fixed cell bounds the min or max), overlapping ranges 0.25 apart, so
    // the lowest and highest draws come from a few cells at either end; c1: half the cells ranged a
    // few ulps around huge values; c2: a cost column of fixed values in [40, 60] but for two ranged
    // cells straddling its ends, which decide its min or max in about half the samples. A minimum
    // on c0 that some draws break changes the candidates in some samples.
    const n = 40;
    const m = 3;
    const values = new Float64Array(n * m);
    const low = new Float64Array(n * m).fill(Number.NaN);
    const high = new Float64Array(n * m).fill(Number.NaN);
    const range = (k: number, lo: number, hi: number): void => {
      low[k] = lo;
      high[k] = hi;
      values[k] = (lo + hi) / 2;
    };
    for (let i = 0; i < n; i++) {
      range(i * m, 10 + 0.25 * i, 11 + 0.25 * i);
      values[i * m + 1] = 1e15 + 8 * i;
      if (i % 2 === 0) range(i * m + 1, 1e15 + 8 * i - 0.25, 1e15 + 8 * i + 0.25);
      values[i * m + 2] = 40 + (20 * i) / (n - 1);
    }
    range(5 * m + 2, 39.5, 40.5);
    range(6 * m + 2, 59.5, 60.5);
    const rng = createRng(77);
    const c: Case = {
      matrix: {
        siteIds: Array.from({ length: n }, (_, i) => `s${String(i).padStart(2, '0')}`),
        criteria: [0, 1, 2].map((j) => ({
          id: `c${j}`,
          direction: j === 2 ? 'cost' : 'benefit',
          normalisation: { kind: 'minmax' },
          missing: 'zero',
        })),
        values,
        low,
        high,
        asOfDay: new Float64Array(n * m).fill(Number.NaN),
      },
      options: {
        method: 'wsm',
        weights: { c0: 1, c1: 1, c2: 1 },
        constraints: [{ kind: 'min', criterionId: 'c0', value: 10.2 }],
        asOf: '2026-01-01',
        staleAfterDays: 3650,
      },
    };
    const scorer = createSampleScorer(c.matrix, c.options);
    const w = new Float64Array(m);
    const draws = new Float64Array(scorer.ranged.cell.length);
    const got = new Float64Array(n);
    let excluded = 0;
    for (let sample = 0; sample < 40; sample++) {
      rng.dirichlet(Float64Array.from([5, 5, 5]), w);
      const twin = rng.clone();
      scorer.scoreSample(w, rng, got);
      twin.fillRange(scorer.ranged.low, scorer.ranged.span, draws);
      const want = reference(c, w, draws);
      for (let i = 0; i < n; i++) {
        expect(Object.is(got[i], want[i]), `sample ${sample} site ${i}: ${got[i]} vs ${want[i]}`).toBe(true);
        if (Number.isNaN(want[i] as number)) excluded++;
      }
    }
    expect(scorer.slowEvaluations).toBe(0);
    expect(excluded).toBeGreaterThan(0);
  });

  it('excludes a site in a sample whose draw breaks a hard constraint, and not in another', () => {
    // c0 of site a ranges over [30, 50] against a minimum of 40: excluded in about half the samples.
    const matrix: DecisionMatrix = {
      siteIds: ['a', 'b', 'c'],
      criteria: [
        { id: 'c0', direction: 'benefit', normalisation: { kind: 'minmax' }, missing: 'zero' },
        { id: 'c1', direction: 'cost', normalisation: { kind: 'minmax' }, missing: 'zero' },
      ],
      values: Float64Array.from([40, 1, 60, 2, 80, 3]),
      low: Float64Array.from([30, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN]),
      high: Float64Array.from([50, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN]),
      asOfDay: new Float64Array(6).fill(Number.NaN),
    };
    const options: ScoreOptions = {
      method: 'wsm',
      weights: { c0: 1, c1: 1 },
      constraints: [{ kind: 'min', criterionId: 'c0', value: 40 }],
      asOf: '2026-01-01',
      staleAfterDays: 3650,
    };
    const fast = runSmaa(matrix, options, { samples: 2000, seed: 3, mode: 'around_preset' });
    const slow = runSmaa(matrix, options, { samples: 2000, seed: 3, mode: 'around_preset' }, { referencePath: true });
    expect(fast).toEqual({ ...slow, fastPath: true });
    expect(slow.fastPath).toBe(false);
    const a = fast.sites[0];
    expect(a?.pExcluded).toBeGreaterThan(0.4);
    expect(a?.pExcluded).toBeLessThan(0.6);
  });
});

describe('SMAA with value ranges: fast path against the reference', () => {
  it('gives identical results (rank counts, ties, exclusions) to scoring every sample through scoreSites', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const c = randomCase(500 + seed, 15 + seed, 5);
      for (const mode of ['around_preset', 'uniform'] as const) {
        const settings = { samples: 150, seed, mode };
        const fast = runSmaa(c.matrix, c.options, settings);
        const slow = runSmaa(c.matrix, c.options, settings, { referencePath: true });
        expect(fast.fastPath, `seed ${seed}`).toBe(true);
        expect(fast, `seed ${seed} ${mode}`).toEqual({ ...slow, fastPath: true });
      }
    }
  });

  it('shares tied ranks the same way on both paths', () => {
    // Six identical sites with identical ranges draw different values, but sites d, e share data
    // without ranges and tie whenever they are ranked.
    const rows = [
      [5, 2],
      [5, 2],
      [3, 1],
      [4, 4],
      [4, 4],
    ];
    const matrix: DecisionMatrix = {
      siteIds: ['a', 'b', 'c', 'd', 'e'],
      criteria: [
        { id: 'x', direction: 'benefit', normalisation: { kind: 'minmax' }, missing: 'zero' },
        { id: 'y', direction: 'cost', normalisation: { kind: 'minmax' }, missing: 'zero' },
      ],
      values: Float64Array.from(rows.flat()),
      low: Float64Array.from([4, Number.NaN, 4, Number.NaN, 2, 0.5, Number.NaN, Number.NaN, Number.NaN, Number.NaN]),
      high: Float64Array.from([6, Number.NaN, 6, Number.NaN, 5, 1.5, Number.NaN, Number.NaN, Number.NaN, Number.NaN]),
      asOfDay: new Float64Array(10).fill(Number.NaN),
    };
    const options: ScoreOptions = {
      method: 'wsm',
      weights: { x: 1, y: 1 },
      constraints: [],
      asOf: '2026-01-01',
      staleAfterDays: 3650,
    };
    const settings = { samples: 1000, seed: 9, mode: 'uniform' as const };
    const fast = runSmaa(matrix, options, settings);
    expect(fast).toEqual({ ...runSmaa(matrix, options, settings, { referencePath: true }), fastPath: true });
    const [d, e] = [fast.sites[3], fast.sites[4]];
    expect(d?.rankProbabilities).toEqual(e?.rankProbabilities);
    expect(d?.meanRank).toBe(e?.meanRank);
  });

  it('does not depend on the chunk size', () => {
    const c = randomCase(77, 30, 6);
    const settings = { samples: 1100, seed: 5, mode: 'around_preset' as const };
    const whole = runSmaa(c.matrix, c.options, settings, { chunkSize: 1100 });
    for (const chunkSize of [1, 7, 250, 333])
      expect(runSmaa(c.matrix, c.options, settings, { chunkSize })).toEqual(whole);
  });

  it('goes through scoreMatrix for WPM and TOPSIS and stays consistent', () => {
    const c = randomCase(91, 20, 5);
    for (const method of ['wpm', 'topsis'] as const) {
      const options = { ...c.options, method };
      const settings = { samples: 60, seed: 2, mode: 'uniform' as const };
      const fast = runSmaa(c.matrix, options, settings);
      expect(fast.fastPath).toBe(false);
      expect(fast).toEqual(runSmaa(c.matrix, options, settings, { referencePath: true }));
    }
  });
});

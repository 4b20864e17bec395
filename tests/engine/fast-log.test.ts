// fastLog (shared/engine/fast-log.ts) against Math.log, and WPM as scored (fastLog, four rows at a
// time) against a plain Math.log computation of the same rules: equal within 1e-12 relative — the
// tie tolerance — on random and edge inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WPM_FLOOR } from '../../shared/engine/aggregate';
import { FAST_LOG_MAX, FAST_LOG_MIN, fastLog } from '../../shared/engine/fast-log';
import { applyTransform, type ColumnTransform } from '../../shared/engine/normalise';
import { createRng } from '../../shared/engine/random';
import { scoreMatrix, type ScoreArrays } from '../../shared/engine/score';
import type {
  CriterionSpec,
  DecisionMatrix,
  MissingPolicy,
  NormalisationSpec,
  ScoreOptions,
} from '../../shared/engine/types';

const NaN_ = Number.NaN;

describe('fastLog', () => {
  it('is within 4e-15 of Math.log on [2^-30, 2), and 4e-16 from 1/2 up', () => {
    const rng = createRng(12);
    let worst = 0;
    let worstHigh = 0;
    for (let k = 0; k < 200_000; k++) {
      // Log-uniform over the table's range, then uniform over [0, 1) (WPM's normalised values).
      const r = k % 2 === 0 ? 2 ** (-30 + 31 * rng.next()) : Math.max(FAST_LOG_MIN, rng.next());
      const d = Math.abs(fastLog(r) - Math.log(r));
      worst = Math.max(worst, d);
      if (r >= 0.5) worstHigh = Math.max(worstHigh, d);
    }
    expect(worst).toBeLessThanOrEqual(4e-15);
    expect(worstHigh).toBeLessThanOrEqual(4e-16);
  });

  it('is exact-enough at the edges of every binade and of the table', () => {
    for (let e = -30; e <= 0; e++) {
      for (let d = -8; d <= 8; d++) {
        const r = 2 ** e * (1 + d * 2 ** -52);
        if (r < FAST_LOG_MIN || r >= FAST_LOG_MAX) continue;
        expect(Math.abs(fastLog(r) - Math.log(r))).toBeLessThanOrEqual(4e-15);
      }
    }
    for (const r of [WPM_FLOOR, 1, 1 - 2 ** -53, 1 + 2 ** -52, 2 - 2 ** -52, Math.SQRT1_2, 0.5, 0.999_999])
      expect(Math.abs(fastLog(r) - Math.log(r))).toBeLessThanOrEqual(4e-15);
  });

  it('is Math.log outside its table: 0, subnormals, negatives, NaN, infinities, large values', () => {
    for (const r of [0, -0, -1, NaN_, Infinity, -Infinity, 5e-324, 1e-310, FAST_LOG_MIN * (1 - 2 ** -53), 2, 3, 1e300])
      expect(Object.is(fastLog(r), Math.log(r))).toBe(true);
  });
});

/**
 * WPM by its rules (score.ts, aggregateFused) with Math.log, cell by cell: the reference. It takes
 * the engine's column transforms and gap fills (normalisation is not what is under test here).
 */
function referenceWpm(matrix: DecisionMatrix, core: ScoreArrays): Float64Array {
  const { weights, transforms, fill } = core;
  const n = matrix.siteIds.length;
  const m = matrix.criteria.length;
  const out = new Float64Array(n).fill(NaN_);
  for (let i = 0; i < n; i++) {
    let s = 0;
    let wk = 0;
    let silent = 0;
    for (let j = 0; j < m; j++) {
      const w = weights[j] as number;
      const t = transforms?.[j] as ColumnTransform;
      if (w === 0) continue;
      if (t.code === 3) {
        silent += w;
        wk += w;
        continue;
      }
      const x = matrix.values[i * m + j] as number;
      const r = Number.isNaN(x) ? (fill?.[j] as number) : applyTransform(t, x);
      if (Number.isNaN(r)) continue; // 'reweight'
      s += w * Math.log(Math.max(r, WPM_FLOOR));
      wk += w;
    }
    out[i] = wk === silent && silent > 0 ? 0 : wk > 0 ? Math.exp(s / wk) : NaN_;
  }
  return out;
}

function matrixOf(criteria: CriterionSpec[], values: number[]): DecisionMatrix {
  const n = values.length / criteria.length;
  return {
    siteIds: Array.from({ length: n }, (_, i) => `s${String(i).padStart(4, '0')}`),
    criteria,
    values: Float64Array.from(values),
    low: new Float64Array(values.length).fill(NaN_),
    high: new Float64Array(values.length).fill(NaN_),
    asOfDay: new Float64Array(values.length).fill(NaN_),
  };
}

const wpm = (weights: Record<string, number>): ScoreOptions => ({
  method: 'wpm',
  weights,
  constraints: [],
  asOf: '2026-01-01',
  staleAfterDays: 3650,
  contributions: 'none',
});

/** Scores as scored and by the reference agree within 1e-12 relative (NaN where the other is NaN). */
function expectReference(matrix: DecisionMatrix, options: ScoreOptions): void {
  const core = scoreMatrix(matrix, options);
  const ref = referenceWpm(matrix, core);
  core.scores.forEach((s, i) => {
    const r = ref[i] as number;
    if (core.include[i] === 0 || Number.isNaN(r)) return; // excluded (a reason says why)
    expect(Math.abs(s - r)).toBeLessThanOrEqual(1e-12 * Math.abs(r));
  });
}

describe('WPM with fastLog against Math.log', () => {
  const kinds: NormalisationSpec['kind'][] = ['minmax', 'vector', 'max', 'absolute', 'target'];
  const spec = (j: number, kind: NormalisationSpec['kind'], missing: MissingPolicy, cost: boolean): CriterionSpec => ({
    id: `c${j}`,
    direction: cost ? 'cost' : 'benefit',
    normalisation:
      kind === 'target'
        ? {
            kind,
            breakpoints: [
              [0, 0],
              [10, 0.8],
              [1000, 1],
            ],
          }
        : ({ kind } as NormalisationSpec),
    missing,
  });
  // Values from every corner: zeros, ones, subnormals, huge, negatives, gaps.
  const cell = fc.oneof(
    fc.double({ min: 0, max: 1000, noNaN: true }),
    fc.constantFrom(0, 1, 5e-324, 1e-310, 1e-12, 1e300, -3, NaN_),
  );

  it('equals the reference on random matrices: every normalisation, policy, weight 0, gap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((m) =>
          fc.record({
            m: fc.constant(m),
            cols: fc.array(
              fc.record({
                kind: fc.constantFrom(...kinds),
                missing: fc.constantFrom<MissingPolicy>('zero', 'worst', 'neutral', 'reweight', 'exclude'),
                cost: fc.boolean(),
                w: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 5, noNaN: true })),
              }),
              { minLength: m, maxLength: m },
            ),
            values: fc.array(cell, { minLength: m, maxLength: m * 13 }),
          }),
        ),
        ({ m, cols, values }) => {
          const rows = Math.max(1, Math.floor(values.length / m));
          const cells = values.slice(0, rows * m);
          while (cells.length < rows * m) cells.push(1);
          const criteria = cols.map((c, j) => spec(j, c.kind, c.missing, c.cost));
          const weights = Object.fromEntries(cols.map((c, j) => [`c${j}`, c.w]));
          if (cols.every((c) => c.w === 0)) weights.c0 = 1;
          expectReference(matrixOf(criteria, cells), wpm(weights));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equals the reference on 1 003 × 20 min-max values (the four-row path and its tail) and fills coverage alike', () => {
    const m = 20;
    const n = 1003;
    const rng = createRng(5);
    const criteria = Array.from({ length: m }, (_, j) =>
      spec(j, j % 5 === 4 ? 'vector' : 'minmax', 'zero', j % 4 === 3),
    );
    const values = Array.from({ length: n * m }, () => 1000 * rng.next());
    const weights = Object.fromEntries(criteria.map((c) => [c.id, 0.2 + rng.next()]));
    const matrix = matrixOf(criteria, values);
    expectReference(matrix, wpm(weights));
    // With gaps (and so the general path for those rows) and an uninformative column.
    for (let k = 0; k < 300; k++) values[Math.floor(rng.next() * n * m)] = NaN_;
    for (let i = 0; i < n; i++) values[i * m + 7] = 42;
    const gappy = matrixOf(criteria, values);
    expectReference(gappy, wpm(weights));
    // Coverage as the separate pass (TOPSIS takes it first) gives it: the same doubles.
    const topsis = scoreMatrix(gappy, { ...wpm(weights), method: 'topsis' });
    expect(Array.from(scoreMatrix(gappy, wpm(weights)).coverage)).toEqual(Array.from(topsis.coverage));
  });

  it('gives one row the same double on the four-row path and in the tail, so identical sites tie', () => {
    const criteria = [
      spec(0, 'minmax', 'zero', false),
      spec(1, 'minmax', 'zero', true),
      spec(2, 'vector', 'zero', false),
    ];
    const row = [0.3, 7, 12];
    // Five sites: rows 0–3 take the four-row path, row 4 (a copy of row 0) the general one.
    const matrix = matrixOf(criteria, [...row, 0.1, 9, 1, 1, 2, 30, 0.2, 4, 5, ...row]);
    const core = scoreMatrix(matrix, wpm({ c0: 1, c1: 2, c2: 0.5 }));
    expect(core.scores[4]).toBe(core.scores[0]);
    expect(core.rank[4]).toBe(core.rank[0]);
    expect(core.tied[0]).toBe(1);
  });

  it('keeps the floor and the edge rules: the bottom of a criterion is a factor 1e-9^(w/Σw), not 0', () => {
    const criteria = [spec(0, 'minmax', 'zero', false), spec(1, 'minmax', 'zero', false)];
    const core = scoreMatrix(matrixOf(criteria, [0, 1, 1, 0, 0.5, 0.5, 1, 1]), wpm({ c0: 3, c1: 1 }));
    expect(Math.abs((core.scores[0] as number) / WPM_FLOOR ** 0.75 - 1)).toBeLessThan(1e-12);
    expect(core.scores[3]).toBe(1);
    // A gap with 'zero' is the floor too; every weighted criterion uninformative scores 0.
    const gap = scoreMatrix(matrixOf(criteria, [NaN_, 1, 1, 0, 0.5, 0.5, 1, 1]), wpm({ c0: 3, c1: 1 }));
    expect(Math.abs((gap.scores[0] as number) / WPM_FLOOR ** 0.75 - 1)).toBeLessThan(1e-12);
    const flat = scoreMatrix(matrixOf(criteria, [1, 2, 1, 2, 1, 2, 1, 2]), wpm({ c0: 3, c1: 1 }));
    expect(Array.from(flat.scores)).toEqual([0, 0, 0, 0]);
  });

  it('is deterministic: the same doubles on every run', () => {
    const rng = createRng(9);
    const criteria = Array.from({ length: 6 }, (_, j) => spec(j, 'minmax', 'zero', j % 2 === 1));
    const matrix = matrixOf(
      criteria,
      Array.from({ length: 6 * 401 }, () => rng.next() * 1e6),
    );
    const w = { c0: 1, c1: 2, c2: 3, c3: 4, c4: 5, c5: 6 };
    expect(Array.from(scoreMatrix(matrix, wpm(w)).scores)).toEqual(Array.from(scoreMatrix(matrix, wpm(w)).scores));
  });
});

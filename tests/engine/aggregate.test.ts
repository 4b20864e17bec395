import { describe, expect, it } from 'vitest';
import { topsis } from '../../shared/engine/aggregate';
import { scoreSites } from '../../shared/engine/score';
import type { CriterionSpec, DecisionMatrix, NormalisationSpec } from '../../shared/engine/types';

function matrix(rows: number[][], criteria: CriterionSpec[]): DecisionMatrix {
  const n = rows.length * criteria.length;
  return {
    siteIds: rows.map((_, i) => `s${i}`),
    criteria,
    values: Float64Array.from(rows.flat()),
    low: new Float64Array(n).fill(Number.NaN),
    high: new Float64Array(n).fill(Number.NaN),
    asOfDay: new Float64Array(n).fill(Number.NaN),
  };
}

const spec = (id: string, direction: 'benefit' | 'cost', normalisation: NormalisationSpec): CriterionSpec => ({
  id,
  direction,
  normalisation,
  missing: 'zero',
});

describe('TOPSIS', () => {
  it('reproduces Hwang & Yoon’s fighter-aircraft example with vector normalisation', () => {
    // Hwang, C.L. & Yoon, K. (1981) Multiple Attribute Decision Making: Methods and Applications,
    // Springer, §TOPSIS numerical example (also in Yoon & Hwang 1995, "Multiple Attribute Decision
    // Making: An Introduction", Sage): four fighter aircraft on maximum speed (Mach), ferry range
    // (NM), maximum payload (lb), acquisition cost ($M, a cost), reliability and manoeuvrability
    // (1–9 scale); weights 0.2, 0.1, 0.1, 0.1, 0.2, 0.3. Published relative closeness:
    // A1 0.643, A2 0.268, A3 0.613, A4 0.312, so A1 ≻ A3 ≻ A4 ≻ A2.
    const rows = [
      [2.0, 1500, 20000, 5.5, 5, 9],
      [2.5, 2700, 18000, 6.5, 3, 5],
      [1.8, 2000, 21000, 4.5, 7, 7],
      [2.2, 1800, 20000, 5.0, 5, 5],
    ];
    const dirs = ['benefit', 'benefit', 'benefit', 'cost', 'benefit', 'benefit'] as const;
    const criteria = dirs.map((d, j) => spec(`c${j}`, d, { kind: 'vector' }));
    const weights = Object.fromEntries([0.2, 0.1, 0.1, 0.1, 0.2, 0.3].map((w, j) => [`c${j}`, w]));
    const r = scoreSites(matrix(rows, criteria), {
      method: 'topsis',
      weights,
      constraints: [],
      asOf: '2026-01-01',
      staleAfterDays: 365,
    });
    const c = r.results.map((x) => x.score as number);
    // Within 0.001: the book rounds its intermediate tables (we get 0.6433, 0.2684, 0.6135, 0.3123).
    [0.643, 0.268, 0.613, 0.312].forEach((p, i) => expect(Math.abs((c[i] as number) - p)).toBeLessThan(1e-3));
    expect(r.results.map((x) => x.rank)).toEqual([1, 4, 2, 3]);
  });

  it('builds the ideal points over the included rows only', () => {
    // One benefit column already normalised: 0, 0.5, 1 (the third row excluded).
    const norm = Float64Array.from([0, 0.5, 1]);
    const all = topsis(norm, 3, Float64Array.from([1]), [false]);
    const some = topsis(norm, 3, Float64Array.from([1]), [false], Uint8Array.from([1, 1, 0]));
    expect(Array.from(all.closeness)).toEqual([0, 0.5, 1]);
    expect(Array.from(some.closeness)).toEqual([0, 1, Number.NaN]);
  });

  it('measures a fixed-scale column from 1 and 0, not from the best and worst candidate', () => {
    // Every site 0.75 on an absolute scale (all "conditional"): d+ = 0.25, d− = 0.75 → 0.75 each.
    const fixed = topsis(Float64Array.from([0.75, 0.75]), 2, Float64Array.from([1]), [true]);
    expect(Array.from(fixed.closeness)).toEqual([0.75, 0.75]);
    // The same column read as relative has no spread: no distance either way, no credit.
    const relative = topsis(Float64Array.from([0.75, 0.75]), 2, Float64Array.from([1]), [false]);
    expect(Array.from(relative.closeness)).toEqual([0, 0]);
  });

  it('leaves a NaN cell (reweight) out of that row, and a row with nothing known is NaN', () => {
    // Two columns, weights 0.5 each. Row 0: (1, NaN); row 1: (0, 1); row 2: (NaN, NaN).
    const norm = Float64Array.from([1, Number.NaN, 0, 1, Number.NaN, Number.NaN]);
    const r = topsis(norm, 3, Float64Array.from([0.5, 0.5]), [false, false]);
    // Column 0: ideal 0.5, anti 0. Column 1 has one value, so ideal = anti = 0.5 and it tells
    // nothing. Row 0: d+ 0, d− 0.5 → 1. Row 1: d+ 0.5, d− 0 → 0.
    expect(r.closeness[0]).toBe(1);
    expect(r.closeness[1]).toBe(0);
    expect(r.closeness[2]).toBeNaN();
  });
});

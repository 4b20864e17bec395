import { describe, expect, it } from 'vitest';
import { normaliseColumn, normaliseMatrix, valueFunction } from '../../shared/engine/normalise';

const list = (a: Float64Array): number[] => Array.from(a);

describe('normaliseColumn', () => {
  it('min-max: benefit (x − min)/(max − min), cost (max − x)/(max − min)', () => {
    expect(
      list(normaliseColumn([10, 20, 30, 50], { direction: 'benefit', normalisation: { kind: 'minmax' } })),
    ).toEqual([0, 0.25, 0.5, 1]);
    expect(list(normaliseColumn([10, 20, 30, 50], { direction: 'cost', normalisation: { kind: 'minmax' } }))).toEqual([
      1, 0.75, 0.5, 0,
    ]);
  });

  it('vector: x/‖x‖ for benefit, 1 − x/‖x‖ for cost', () => {
    // ‖(3, 4)‖ = 5
    const b = normaliseColumn([3, 4], { direction: 'benefit', normalisation: { kind: 'vector' } });
    expect(b[0]).toBeCloseTo(0.6, 12);
    expect(b[1]).toBeCloseTo(0.8, 12);
    const c = normaliseColumn([3, 4], { direction: 'cost', normalisation: { kind: 'vector' } });
    expect(c[0]).toBeCloseTo(0.4, 12);
    expect(c[1]).toBeCloseTo(0.2, 12);
  });

  it('max: x/max for benefit, min/x for cost', () => {
    expect(list(normaliseColumn([2, 4, 8], { direction: 'benefit', normalisation: { kind: 'max' } }))).toEqual([
      0.25, 0.5, 1,
    ]);
    expect(list(normaliseColumn([2, 4, 8], { direction: 'cost', normalisation: { kind: 'max' } }))).toEqual([
      1, 0.5, 0.25,
    ]);
  });

  it('target: piecewise-linear through the breakpoints, clamped, direction ignored', () => {
    const breakpoints = [
      [100, 1],
      [0, 0],
      [200, 0.5],
    ] as const; // unsorted on purpose
    const spec = { direction: 'cost', normalisation: { kind: 'target', breakpoints } } as const;
    expect(list(normaliseColumn([-5, 0, 50, 100, 150, 200, 900], spec))).toEqual([0, 0, 0.5, 1, 0.75, 0.5, 0.5]);
    expect(valueFunction([[5, 1.4]], 0)).toBe(1); // scores clamped into [0, 1]
  });

  it('a column with no spread tells sites apart by nothing, so it gives every site 0 (never a free 1)', () => {
    for (const kind of ['minmax', 'vector', 'max'] as const) {
      for (const direction of ['benefit', 'cost'] as const) {
        expect(list(normaliseColumn([7, 7, 7], { direction, normalisation: { kind } }))).toEqual([0, 0, 0]);
        // One known value among gaps: the gaps stay NaN (the policy decides), the known one gets 0.
        expect(list(normaliseColumn([Number.NaN, 19.19, Number.NaN], { direction, normalisation: { kind } }))).toEqual([
          Number.NaN,
          0,
          Number.NaN,
        ]);
      }
    }
  });

  it('an absolute scale keeps its values however little they vary', () => {
    expect(list(normaliseColumn([0.75, 0.75], { direction: 'benefit', normalisation: { kind: 'absolute' } }))).toEqual([
      0.75, 0.75,
    ]);
  });

  it('keeps NaN (missing) and ignores it in the column stats', () => {
    const r = normaliseColumn([0, Number.NaN, 10], { direction: 'benefit', normalisation: { kind: 'minmax' } });
    expect(list(r)).toEqual([0, Number.NaN, 1]);
  });
});

describe('normaliseMatrix', () => {
  it('computes stats over the included rows only', () => {
    const values = Float64Array.from([0, 1, 5, 2, 10, 3]); // 3 rows × 2 cols
    const crit = [
      { direction: 'benefit', normalisation: { kind: 'minmax' } },
      { direction: 'benefit', normalisation: { kind: 'minmax' } },
    ] as const;
    const all = normaliseMatrix(values, crit, 3);
    expect(list(all.normalised)).toEqual([0, 0, 0.5, 0.5, 1, 1]);
    const some = normaliseMatrix(values, crit, 3, Uint8Array.from([1, 1, 0]));
    expect(list(some.normalised)).toEqual([0, 0, 1, 1, Number.NaN, Number.NaN]);
    expect(list(some.worst)).toEqual([0, 0]);
  });
});

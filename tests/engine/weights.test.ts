import { describe, expect, it } from 'vitest';
import { ahpWeights, directWeights, rankOrderCentroid, rocWeights, weightVector } from '../../shared/engine/weights';

describe('directWeights', () => {
  it('normalises to sum 1', () => {
    expect(directWeights({ a: 2, b: 6, c: 0 })).toEqual({ a: 0.25, b: 0.75, c: 0 });
  });
  it('refuses negative, non-finite and all-zero weights', () => {
    expect(() => directWeights({ a: -1, b: 2 })).toThrow(/a is -1/);
    expect(() => directWeights({ a: Number.NaN })).toThrow();
    expect(() => directWeights({ a: 0, b: 0 })).toThrow(/above zero/);
  });
  it('weightVector picks the matrix criteria in order, absent = 0', () => {
    expect(Array.from(weightVector(['b', 'x', 'a'], { a: 1, b: 3 }))).toEqual([0.75, 0, 0.25]);
  });
});

describe('rank-order centroid', () => {
  it('matches w_k = (1/n) Σ_{i=k..n} 1/i', () => {
    // n = 3: (1 + 1/2 + 1/3)/3, (1/2 + 1/3)/3, (1/3)/3 = 0.6111, 0.2778, 0.1111
    const w = rocWeights(3);
    expect(w[0]).toBeCloseTo(0.6111, 4);
    expect(w[1]).toBeCloseTo(0.2778, 4);
    expect(w[2]).toBeCloseTo(0.1111, 4);
    // n = 4, the table in Barron & Barrett (1996): 0.5208, 0.2708, 0.1458, 0.0625
    expect(rocWeights(4).map((x) => Number(x.toFixed(4)))).toEqual([0.5208, 0.2708, 0.1458, 0.0625]);
    expect(rankOrderCentroid(['power', 'latency'])).toEqual({ power: 0.75, latency: 0.25 });
  });
});

describe('AHP', () => {
  it("reproduces Wikipedia's 'Analytic hierarchy process – leader example' criteria weights and CR", () => {
    // Source: https://en.wikipedia.org/wiki/Analytic_hierarchy_process_%E2%80%93_leader_example
    // Criteria Experience, Education, Charisma, Age; published priorities .547, .127, .270, .056
    // and consistency ratio 0.044.
    const r = ahpWeights([
      [1, 4, 3, 7],
      [1 / 4, 1, 1 / 3, 3],
      [1 / 3, 3, 1, 5],
      [1 / 7, 1 / 3, 1 / 5, 1],
    ]);
    // Within 0.001 of the published three decimals (the eigenvector gives 0.5476 for Experience,
    // which the article prints as .547).
    const published = [0.547, 0.127, 0.27, 0.056];
    r.weights.forEach((w, i) => expect(Math.abs(w - (published[i] as number))).toBeLessThan(1e-3));
    expect(r.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(r.cr).toBeCloseTo(0.044, 3);
    expect(r.lambdaMax).toBeCloseTo(4.118, 3);
    expect(r.warning).toBeNull();
  });

  it('a consistent matrix has λmax = n and CR 0', () => {
    const w = [0.5, 0.3, 0.2];
    const r = ahpWeights(w.map((wi) => w.map((wj) => wi / wj)));
    r.weights.forEach((x, i) => expect(x).toBeCloseTo(w[i] as number, 10));
    expect(r.lambdaMax).toBeCloseTo(3, 10);
    expect(r.cr).toBeCloseTo(0, 10);
  });

  it('warns when CR > 0.10', () => {
    // a ≻ b 9×, b ≻ c 9×, yet c ≻ a 9×: circular.
    const r = ahpWeights([
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ]);
    expect(r.cr).toBeGreaterThan(0.1);
    expect(r.warning).toMatch(/consistency ratio/);
  });

  it('validates the reciprocal matrix', () => {
    expect(() =>
      ahpWeights([
        [1, 2],
        [2, 1],
      ]),
    ).toThrow(/not reciprocal/);
    expect(() =>
      ahpWeights([
        [2, 1],
        [1, 1],
      ]),
    ).toThrow(/diagonal/);
    expect(() =>
      ahpWeights([
        [1, 0],
        [0, 1],
      ]),
    ).toThrow(/> 0/);
    expect(() =>
      ahpWeights([
        [1, 2, 3],
        [0.5, 1],
      ]),
    ).toThrow(/2×2/);
  });
});

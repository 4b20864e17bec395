// One-at-a-time sweeps and stability intervals, against a hand-made example and against scoreSites.
import { describe, expect, it } from 'vitest';
import { createSampleScorer } from '../../shared/engine/sample-scorer';
import { scoreSites } from '../../shared/engine/score';
import {
  rescaledWeights,
  scoresAtWeight,
  stabilityIntervals,
  sweepAll,
  sweepCriterion,
} from '../../shared/engine/sensitivity';
import { criterion, matrixOf, optionsOf, randomMatrix, randomWeights } from './sensitivity-fixtures';

// Min-max normalised: A = (1, 0), B = (0, 1), C = (0.6, 0.6). With w1 = t: A = t, B = 1 − t, C = 0.6.
// A is on top while t ≥ 0.6 (C overtakes below; B only below 0.4, where C is already ahead).
const handMade = matrixOf(
  ['A', 'B', 'C'],
  [criterion('c1'), criterion('c2')],
  [
    [10, 0],
    [0, 10],
    [6, 6],
  ],
);

describe('rescaledWeights', () => {
  it('keeps the others in proportion and the sum at 1', () => {
    const out = rescaledWeights(Float64Array.from([0.5, 0.3, 0.2]), 0, 0.8, new Float64Array(3));
    expect(Array.from(out)).toEqual([0.8, expect.closeTo(0.12, 12), expect.closeTo(0.08, 12)]);
  });

  it('spreads the rest equally when every other weight is 0', () => {
    const out = rescaledWeights(Float64Array.from([1, 0, 0]), 0, 0.4, new Float64Array(3));
    expect(Array.from(out)).toEqual([0.4, expect.closeTo(0.3, 12), expect.closeTo(0.3, 12)]);
  });
});

describe('sweepCriterion', () => {
  it('runs the weight 0 → 1 in N steps plus the current weight, and matches the hand-made scores', () => {
    const sweep = sweepCriterion(handMade, optionsOf({ c1: 0.7, c2: 0.3 }), 'c1', 11);
    expect(sweep.current).toBeCloseTo(0.7, 12);
    expect(sweep.points.map((p) => p.weight)).toEqual(Array.from({ length: 11 }, (_, i) => i / 10));
    const at = (t: number): Record<string, number | null> =>
      sweep.points.find((p) => Math.abs(p.weight - t) < 1e-12)?.scores ?? {};
    expect(at(0.2).A).toBeCloseTo(0.2, 12);
    expect(at(0.2).B).toBeCloseTo(0.8, 12);
    expect(at(0.2).C).toBeCloseTo(0.6, 12);
    expect(sweep.points.find((p) => p.weight === 0.2)?.ranks).toEqual({ B: 1, C: 2, A: 3 });
    const odd = sweepCriterion(handMade, optionsOf({ c1: 0.65, c2: 0.35 }), 'c1', 3);
    expect(odd.points.map((p) => p.weight)).toEqual([0, 0.5, 0.65, 1]);
  });

  it('reproduces scoreSites at the current weight (WSM fast path and WPM through scoreSites)', () => {
    const matrix = randomMatrix(40, 5, 1);
    for (const method of ['wsm', 'wpm', 'topsis'] as const) {
      const options = optionsOf(randomWeights(5, 2), method);
      const base = scoreSites(matrix, options).results;
      for (const sweep of sweepAll(matrix, options, 5)) {
        const point = sweep.points.find((p) => p.weight === sweep.current);
        for (const r of base) {
          expect(point?.scores[r.siteId]).toBeCloseTo(r.score ?? Number.NaN, 9);
          expect(point?.ranks[r.siteId]).toBe(r.rank);
        }
      }
    }
  });

  it('marks excluded sites with null', () => {
    const options = {
      ...optionsOf({ c1: 1, c2: 1 }),
      constraints: [{ kind: 'min' as const, criterionId: 'c1', value: 5 }],
    };
    const sweep = sweepCriterion(handMade, options, 'c2', 3);
    for (const p of sweep.points) {
      expect(p.scores.B).toBeNull();
      expect(p.ranks.B).toBeNull();
    }
  });
});

describe('the sample scorer', () => {
  it('agrees with scoreSites for random weights (the WSM mat-vec fast path)', () => {
    const matrix = randomMatrix(60, 6, 3);
    const options = optionsOf(randomWeights(6, 4));
    const scorer = createSampleScorer(matrix, options);
    expect(scorer.linear).toBe(true);
    const w = Float64Array.from([0.1, 0.3, 0.05, 0.25, 0.2, 0.1]);
    const out = new Float64Array(60);
    scorer.score(w, null, out);
    const want = scoreSites(matrix, optionsOf({ c0: 0.1, c1: 0.3, c2: 0.05, c3: 0.25, c4: 0.2, c5: 0.1 }));
    want.results.forEach((r, i) => expect(out[i]).toBeCloseTo(r.score ?? Number.NaN, 12));
  });

  it('falls back to scoreSites where WSM is not linear in the weights (the reweight policy)', () => {
    const matrix = matrixOf(
      ['A', 'B', 'C'],
      [{ ...criterion('c1'), missing: 'reweight' }, criterion('c2')],
      [
        [Number.NaN, 3],
        [1, 5],
        [4, 2],
      ],
    );
    const options = optionsOf({ c1: 0.5, c2: 0.5 });
    const scorer = createSampleScorer(matrix, options);
    expect(scorer.linear).toBe(false);
    expect(scoresAtWeight(matrix, options, 'c1', 0.5, scorer)[0]).toBeCloseTo(
      scoreSites(matrix, options).results[0]?.score ?? Number.NaN,
      12,
    );
  });
});

describe('stabilityIntervals', () => {
  it('finds the hand-computed crossings exactly for WSM', () => {
    const [c1, c2] = stabilityIntervals(handMade, optionsOf({ c1: 0.7, c2: 0.3 }));
    expect(c1).toMatchObject({ criterionId: 'c1', topSite: 'A', hi: 1, changesTo: { lo: 'C', hi: null } });
    expect(c1?.current).toBeCloseTo(0.7, 12);
    expect(c1?.lo).toBeCloseTo(0.6, 9);
    expect(c2).toMatchObject({ criterionId: 'c2', topSite: 'A', lo: 0, changesTo: { lo: null, hi: 'C' } });
    expect(c2?.hi).toBeCloseTo(0.4, 9);
  });

  it('reports a change that happens only at the end of the range (a criterion leaving the weighted set)', () => {
    // A has no c2 and c2's missing policy excludes: A is out while c2 has weight, and best once it has none.
    // Inside (0, 1), min-max over B, C, D: B = t + (1 − t)·2/7, C = 1 − t, D = t/2, so B leads from t = 5/12.
    const m = matrixOf(
      ['A', 'B', 'C', 'D'],
      [criterion('c1'), { ...criterion('c2'), missing: 'exclude' }],
      [
        [10, Number.NaN],
        [6, 5],
        [0, 10],
        [3, 3],
      ],
    );
    const [wsm] = stabilityIntervals(m, optionsOf({ c1: 0.5, c2: 0.5 }));
    expect(wsm).toMatchObject({ topSite: 'B', hi: 1, changesTo: { lo: 'C', hi: 'A' } });
    expect(wsm?.lo).toBeCloseTo(5 / 12, 9);
    const [wpm] = stabilityIntervals(m, optionsOf({ c1: 0.5, c2: 0.5 }, 'wpm'));
    expect(wpm).toMatchObject({ topSite: 'B', hi: 1, changesTo: { hi: 'A' } });
  });

  it('finds the crossings by bisection to 1e-4 for other methods', () => {
    const matrix = randomMatrix(30, 4, 8);
    const options = optionsOf(randomWeights(4, 9), 'topsis');
    for (const s of stabilityIntervals(matrix, options)) {
      const top = (t: number): string | undefined => {
        const scores = scoresAtWeight(matrix, options, s.criterionId, t);
        let best = 0;
        scores.forEach((x, i) => {
          if (x > (scores[best] as number)) best = i;
        });
        return matrix.siteIds[best];
      };
      expect(top(s.current)).toBe(s.topSite);
      expect(top(s.lo)).toBe(s.topSite);
      expect(top(s.hi)).toBe(s.topSite);
      if (s.changesTo.lo) expect(top(Math.max(0, s.lo - 2e-4))).not.toBe(s.topSite);
      if (s.changesTo.hi) expect(top(Math.min(1, s.hi + 2e-4))).not.toBe(s.topSite);
    }
  });

  it('agrees between the exact WSM crossing and a bisection over the same scores', () => {
    const matrix = randomMatrix(50, 4, 12);
    const options = optionsOf(randomWeights(4, 13));
    for (const s of stabilityIntervals(matrix, options)) {
      const top = (t: number): number => {
        const scores = scoresAtWeight(matrix, options, s.criterionId, t);
        return scores.indexOf(Math.max(...scores));
      };
      const at = top(s.current);
      if (s.changesTo.lo) {
        expect(top(s.lo + 1e-7)).toBe(at);
        expect(top(s.lo - 1e-7)).not.toBe(at);
      }
      if (s.changesTo.hi) {
        expect(top(s.hi - 1e-7)).toBe(at);
        expect(top(s.hi + 1e-7)).not.toBe(at);
      }
    }
  });
});

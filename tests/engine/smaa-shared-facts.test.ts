// A fact several sites read (a market's range, shared by its sites) is one unknown: SMAA draws it
// once per sample for all of them, so those sites stay tied in every sample, as they are in the data.
import { describe, expect, it } from 'vitest';
import { rangedCells, shareDraws } from '../../shared/engine/sample-scorer';
import { runSmaa } from '../../shared/engine/smaa';
import { criterion, matrixOf, optionsOf } from './sensitivity-fixtures';

// Three sites, one benefit criterion, each valued 5 in [0, 10]. A and B read one market fact (group
// 0); C has its own figure with the same range.
function market(shared: boolean) {
  const m = matrixOf(
    ['a', 'b', 'c'],
    [criterion('x'), criterion('y')],
    [
      [5, 1],
      [5, 1],
      [5, 1],
    ],
    {
      low: [
        [0, 1],
        [0, 1],
        [0, 1],
      ],
      high: [
        [10, 1],
        [10, 1],
        [10, 1],
      ],
    },
  );
  return shared ? { ...m, rangeGroup: Int32Array.from([0, -1, 0, -1, -1, -1]) } : m;
}

describe('SMAA with a fact shared by several sites', () => {
  it('finds each ranged cell’s leader: the first cell of its group, else itself', () => {
    const r = rangedCells(market(true));
    expect([...r.cell]).toEqual([0, 2, 4]);
    expect([...r.leader]).toEqual([0, 0, 2]);
    expect(r.shared).toBe(true);
    const draws = Float64Array.from([3, 7, 9]);
    shareDraws(r, draws);
    expect([...draws]).toEqual([3, 3, 9]);
    expect(rangedCells(market(false)).shared).toBe(false);
  });

  it('keeps the two sites of one fact tied in every sample; each is first (tied) about half the time', () => {
    const result = runSmaa(market(true), optionsOf({ x: 1, y: 0 }), { samples: 4000, seed: 11, mode: 'around_preset' });
    const [a, b, c] = result.sites;
    // The shared draw beats C's own draw with probability 1/2 (continuous draws never tie), and A and
    // B then share first place: tied for first in ~50 % of samples, never first alone.
    expect(a?.pTiedFirst).toBeCloseTo(b?.pTiedFirst ?? -1, 12);
    expect(a?.pTiedFirst ?? 0).toBeGreaterThan(0.45);
    expect(a?.pTiedFirst ?? 1).toBeLessThan(0.55);
    expect(a?.rankProbabilities).toEqual(b?.rankProbabilities);
    // C is first alone whenever A and B are not: the rest of the samples.
    expect((c?.rankProbabilities[0] ?? 0) + (a?.pTiedFirst ?? 0)).toBeCloseTo(1, 9);
  });

  it('without the group the same data untie at random: the sites are drawn on their own', () => {
    const result = runSmaa(market(false), optionsOf({ x: 1, y: 0 }), {
      samples: 4000,
      seed: 11,
      mode: 'around_preset',
    });
    expect(result.sites[0]?.pTiedFirst).toBe(0);
  });
});

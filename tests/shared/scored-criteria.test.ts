// chooseCriteria: the one rule for which criteria a scenario scores (score.run and live scoring).
import { describe, expect, it } from 'vitest';
import { chooseCriteria } from '../../shared/scored-criteria';

const CATALOGUE = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];

describe('chooseCriteria', () => {
  it("merges the caller's weights over the preset's and keeps those above zero, in catalogue order", () => {
    expect(chooseCriteria(CATALOGUE, { a: 1, c: 2 }, { c: 0, d: 3 }, [])).toEqual({
      ok: true,
      weights: { a: 1, c: 0, d: 3 },
      used: [0, 3],
    });
  });

  it('adds a criterion a min or max constraint names, at weight zero, but not for chips_legal', () => {
    const constraints = [
      { kind: 'min' as const, criterionId: 'b', value: 1 },
      { kind: 'chips_legal' as const, allow: ['allowed' as const] },
    ];
    expect(chooseCriteria(CATALOGUE, { a: 1 }, undefined, constraints)).toEqual({
      ok: true,
      weights: { a: 1 },
      used: [0, 1],
    });
  });

  it('refuses a weight or a constraint on no criterion, and a scenario with nothing weighted', () => {
    expect(chooseCriteria(CATALOGUE, { a: 1 }, { z: 1 }, [])).toEqual({
      ok: false,
      problem: 'unknown_weight',
      criterionId: 'z',
    });
    expect(chooseCriteria(CATALOGUE, { a: 1 }, undefined, [{ kind: 'max', criterionId: 'y', value: 0 }])).toEqual({
      ok: false,
      problem: 'unknown_constraint',
      criterionId: 'y',
    });
    expect(chooseCriteria(CATALOGUE, { a: 1 }, { a: 0 }, [{ kind: 'min', criterionId: 'b', value: 0 }])).toEqual({
      ok: false,
      problem: 'no_weight',
      criterionId: null,
    });
  });
});

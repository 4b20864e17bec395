// The weights panel's arithmetic: rescaling keeps the total at 1 and respects locks; the displayed
// percentages always add up to 100.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise, rescale, toPercent, toPercents } from '../../renderer/src/weights/weights-math';

const sum = (w: Record<string, number>): number => Object.values(w).reduce((s, v) => s + v, 0);
/** A weight by id; 0 when absent (the generated records hold every id they are asked for). */
const at = (w: Record<string, number>, id: string | undefined): number => w[id ?? ''] ?? 0;

/** Weights over c0…cn summing to 1 (with zeros in the mix), the locked ids, the moved id and its new value. */
const scenario = fc
  .array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 12 })
  .filter((raw) => raw.some((v) => v > 1e-6))
  .chain((raw) =>
    fc.record({
      weights: fc.constant(normalise(Object.fromEntries(raw.map((v, i) => [`c${i}`, v])))),
      locked: fc.array(fc.boolean(), { minLength: raw.length, maxLength: raw.length }),
      moved: fc.nat({ max: raw.length - 1 }),
      value: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
    }),
  )
  .map(({ weights, locked, moved, value }) => ({
    weights,
    locked: new Set(Object.keys(weights).filter((_, i) => locked[i])),
    id: `c${moved}`,
    value,
  }));

describe('rescale', () => {
  it('scales the unlocked others in proportion', () => {
    const next = rescale({ a: 0.5, b: 0.3, c: 0.2 }, 'a', 0.7, new Set());
    expect(next.a).toBeCloseTo(0.7, 12);
    expect(next.b).toBeCloseTo(0.18, 12);
    expect(next.c).toBeCloseTo(0.12, 12);
  });

  it('leaves a locked weight alone and caps the moved one at what the locks leave', () => {
    const kept = rescale({ a: 0.5, b: 0.3, c: 0.2 }, 'a', 0.7, new Set(['c']));
    expect(kept.a).toBe(0.7);
    expect(kept.b).toBeCloseTo(0.1, 12);
    expect(kept.c).toBe(0.2);
    const capped = rescale({ a: 0.5, b: 0.3, c: 0.2 }, 'a', 0.95, new Set(['b']));
    expect(capped.a).toBeCloseTo(0.7, 12);
    expect(capped.b).toBe(0.3);
    expect(capped.c).toBe(0);
  });

  it('shares the remainder equally when every other unlocked weight is 0', () => {
    const next = rescale({ a: 1, b: 0, c: 0, d: 0 }, 'a', 0.4, new Set(['d']));
    expect(next).toEqual({ a: 0.4, b: 0.3, c: 0.3, d: 0 });
  });

  it('clamps the moved weight to what is left when everything else is locked', () => {
    const locked = new Set(['b', 'c']);
    expect(rescale({ a: 0.5, b: 0.3, c: 0.2 }, 'a', 0.9, locked).a).toBeCloseTo(0.5, 12);
    expect(rescale({ a: 0.5, b: 0.3, c: 0.2 }, 'a', 0.1, locked).a).toBeCloseTo(0.5, 12);
  });

  it('does not move a locked weight, an unknown id, or to a non-finite value', () => {
    const w = { a: 0.5, b: 0.5 };
    expect(rescale(w, 'a', 0.2, new Set(['a']))).toEqual(w);
    expect(rescale(w, 'zz', 0.2, new Set())).toEqual(w);
    expect(rescale(w, 'a', Number.NaN, new Set())).toEqual(w);
  });

  it('keeps the sum at 1, never goes negative and never touches a locked weight (property)', () => {
    fc.assert(
      fc.property(scenario, ({ weights, locked, id, value }) => {
        const next = rescale(weights, id, value, locked);
        expect(Object.keys(next).sort()).toEqual(Object.keys(weights).sort());
        expect(Math.abs(sum(next) - 1)).toBeLessThan(1e-9);
        for (const v of Object.values(next)) expect(v).toBeGreaterThanOrEqual(0);
        for (const k of locked) expect(next[k]).toBe(weights[k]);
      }),
    );
  });

  it('gives the moved weight its value, clamped to what the locks leave (property)', () => {
    fc.assert(
      fc.property(scenario, ({ weights, locked, id, value }) => {
        if (locked.has(id)) return;
        const next = rescale(weights, id, value, locked);
        const free = Object.keys(weights).filter((k) => k !== id && !locked.has(k));
        const left = 1 - Object.keys(weights).reduce((s, k) => s + (k !== id && locked.has(k) ? at(weights, k) : 0), 0);
        const expected = free.length === 0 ? left : Math.min(Math.max(value, 0), left);
        expect(next[id]).toBeCloseTo(Math.max(0, expected), 9);
      }),
    );
  });

  it('preserves the proportions among the unlocked others (property)', () => {
    fc.assert(
      fc.property(scenario, ({ weights, locked, id, value }) => {
        if (locked.has(id)) return;
        const next = rescale(weights, id, value, locked);
        const free = Object.keys(weights).filter((k) => k !== id && !locked.has(k));
        const freeSum = free.reduce((s, k) => s + at(weights, k), 0);
        if (freeSum === 0) return;
        const remainder = free.reduce((s, k) => s + at(next, k), 0);
        for (const k of free) expect(at(next, k)).toBeCloseTo((at(weights, k) / freeSum) * remainder, 9);
      }),
    );
  });
});

describe('normalise', () => {
  it('scales to sum 1 and leaves an all-zero record at zero', () => {
    expect(normalise({ a: 2, b: 6 })).toEqual({ a: 0.25, b: 0.75 });
    expect(normalise({ a: 0, b: 0 })).toEqual({ a: 0, b: 0 });
    expect(normalise({ a: -1, b: 1 })).toEqual({ a: 0, b: 1 });
  });
});

describe('toPercent', () => {
  it('rounds by largest remainder so the shown percentages add up to 100', () => {
    expect(toPercents({ a: 1 / 3, b: 1 / 3, c: 1 / 3 }, ['a', 'b', 'c'])).toEqual([34, 33, 33]);
    expect(toPercent({ a: 0.125, b: 0.125, c: 0.75 }, ['a', 'b', 'c'])).toEqual({ a: 13, b: 12, c: 75 });
    expect(toPercent({ a: 0.666, b: 0.334 }, ['a', 'b', 'x'])).toEqual({ a: 67, b: 33, x: 0 });
    expect(toPercents({ a: 0, b: 0 }, ['a', 'b'])).toEqual([0, 0]);
  });

  it('always sums to 100, each within 1 of the exact share (property)', () => {
    fc.assert(
      fc.property(scenario, ({ weights }) => {
        const ids = Object.keys(weights);
        const shown = toPercents(weights, ids);
        expect(shown.reduce((s, v) => s + v, 0)).toBe(100);
        shown.forEach((p, i) => {
          expect(Number.isInteger(p)).toBe(true);
          expect(Math.abs(p - at(weights, ids[i]) * 100)).toBeLessThan(1);
        });
      }),
    );
  });
});

// Fanning out sites that share a spot at the last zoom level: for 2 to 12 sites every spot is
// distinct, at least a marker's diameter from every other and clear of the true point; the order
// is by site id whatever order they come in; the same input always gives the same fan; stacks are
// found from positions alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAN_RING_MAX, fanOffsets, fanOut, findStacks } from '../../renderer/src/map/fan-out';
import { layoutLabels } from '../../renderer/src/map/map-labels';
import { FAN_MIN_RADIUS, FAN_SPACING, MARKER_RADIUS, SELECTED_RADIUS } from '../../renderer/src/map/marker-style';

const options = { spacing: FAN_SPACING, minRadius: FAN_MIN_RADIUS };
const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `site-${String(i).padStart(2, '0')}`);

function nearest(points: readonly { dx: number; dy: number }[]): number {
  let least = Infinity;
  points.forEach((a, i) =>
    points.slice(i + 1).forEach((b) => {
      least = Math.min(least, Math.hypot(a.dx - b.dx, a.dy - b.dy));
    }),
  );
  return least;
}

describe('fanOffsets', () => {
  it.each(Array.from({ length: 11 }, (_, i) => i + 2))('puts %i sites apart, a marker diameter or more', (n) => {
    const spots = fanOffsets(n, options);
    expect(spots).toHaveLength(n);
    expect(new Set(spots.map((s) => `${s.dx},${s.dy}`)).size).toBe(n);
    // Tenths of a pixel are rounded off: allow that much.
    expect(nearest(spots)).toBeGreaterThanOrEqual(FAN_SPACING - 0.2);
    expect(nearest(spots)).toBeGreaterThanOrEqual(2 * SELECTED_RADIUS);
    // Clear of the true point's dot, so every leg shows.
    for (const s of spots) expect(Math.hypot(s.dx, s.dy)).toBeGreaterThanOrEqual(FAN_MIN_RADIUS - 0.1);
  });

  it('uses a ring up to FAN_RING_MAX sites and a spiral beyond', () => {
    const radii = (n: number): number[] => fanOffsets(n, options).map((s) => Math.round(Math.hypot(s.dx, s.dy)));
    expect(new Set(radii(FAN_RING_MAX)).size).toBe(1);
    const spiral = radii(FAN_RING_MAX + 1);
    expect(spiral.every((r, i) => i === 0 || r >= (spiral[i - 1] ?? 0))).toBe(true);
    expect(spiral[spiral.length - 1]).toBeGreaterThan(spiral[0] ?? 0);
  });

  it('keeps many sites apart too (a spiral of up to 60)', () => {
    for (let n = FAN_RING_MAX + 1; n <= 60; n++)
      expect(nearest(fanOffsets(n, options))).toBeGreaterThanOrEqual(FAN_SPACING - 0.2);
  });

  it('never puts a spot level with the true point, where its label would run along the legs', () => {
    for (let n = 2; n <= FAN_RING_MAX; n++)
      for (const s of fanOffsets(n, options)) expect(Math.abs(s.dy)).toBeGreaterThan(1);
  });

  it('gives nothing for none and the point itself for one', () => {
    expect(fanOffsets(0, options)).toEqual([]);
    expect(fanOffsets(1, options)).toEqual([{ dx: 0, dy: 0 }]);
  });
});

describe('fanOut', () => {
  it('hands out spots in site-id order, whatever order the sites come in', () => {
    const spots = fanOut(['c', 'a', 'b'], options);
    expect(spots.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(fanOut(['b', 'c', 'a'], options)).toEqual(spots);
  });

  it('is deterministic: the same sites always fan the same way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 0, max: 1000 }), (n, seed) => {
        const list = ids(n);
        const shuffled = [...list].sort((a, b) => ((a.charCodeAt(6) * seed) % 7) - ((b.charCodeAt(6) * seed) % 7));
        expect(fanOut(shuffled, options)).toEqual(fanOut(list, options));
      }),
    );
  });

  it('leaves room on a ring for every fanned site to have its label (2 to 8 sites, names up to 230 px)', () => {
    for (let n = 2; n <= FAN_RING_MAX; n++) {
      const targets = fanOut(ids(n), options).map((s, i) => ({
        key: s.id,
        text: 'x'.repeat(14 + (i % 3) * 9),
        x: 500 + s.dx,
        y: 500 + s.dy,
        radius: MARKER_RADIUS,
        selected: false,
        cluster: false,
      }));
      const placed = layoutLabels(targets, [], { x: 0, y: 0, width: 1000, height: 1000 }, (t) => t.length * 7, 60);
      expect(placed.map((l) => l.key).sort()).toEqual(ids(n));
    }
  });
});

describe('findStacks', () => {
  it('groups points on (nearly) the same pixel, keyed by their smallest id, and leaves the rest alone', () => {
    const stacks = findStacks(
      [
        { id: 'nusajaya-b', x: 100, y: 100 },
        { id: 'alone', x: 200, y: 100 },
        { id: 'nusajaya-a', x: 100, y: 100 },
        { id: 'near', x: 104, y: 103 },
        { id: 'kulai-2', x: 400, y: 400 },
        { id: 'kulai-1', x: 400, y: 400 },
      ],
      MARKER_RADIUS,
    );
    expect(stacks).toEqual([
      { key: 'kulai-1', ids: ['kulai-1', 'kulai-2'] },
      { key: 'near', ids: ['near', 'nusajaya-a', 'nusajaya-b'] },
    ]);
  });

  it('depends on the points only, not on their order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            id: fc.string({ minLength: 1, maxLength: 3 }),
            x: fc.integer({ min: 0, max: 40 }),
            y: fc.integer({ min: 0, max: 40 }),
          }),
          {
            selector: (p) => p.id,
            maxLength: 30,
          },
        ),
        (points) => {
          expect(findStacks([...points].reverse(), MARKER_RADIUS)).toEqual(findStacks(points, MARKER_RADIUS));
        },
      ),
    );
  });
});

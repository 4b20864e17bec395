// Clustering of markers on projected pixels: nearby points merge best-first, far ones stay apart,
// the selected site is never merged, every point lands in exactly one cluster.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterPoints, nudgeAway, separatingZoom, type ClusterPoint } from '../../renderer/src/map/clustering';

const pt = (id: string, x: number, y: number): ClusterPoint => ({ id, x, y });

describe('clusterPoints', () => {
  it('merges points within the radius of the best-ranked one and leaves far points alone', () => {
    const points = [pt('a', 100, 100), pt('b', 110, 100), pt('c', 100, 130), pt('d', 300, 300)];
    const clusters = clusterPoints(points, 40);
    expect(clusters.map((c) => c.ids)).toEqual([['a', 'b', 'c'], ['d']]);
    expect(clusters[0]?.leader).toBe('a');
    // Drawn at its leader, so badges (no wider than the radius) never overlap.
    expect([clusters[0]?.x, clusters[0]?.y]).toEqual([100, 100]);
  });

  it('is greedy by priority: the leader is the first point, not the densest spot', () => {
    // b is within reach of a and c, but a comes first and takes b; c (60 px from a) starts its own.
    const clusters = clusterPoints([pt('a', 0, 0), pt('c', 60, 0), pt('b', 30, 0)], 40);
    expect(clusters.map((c) => c.ids)).toEqual([['a', 'b'], ['c']]);
  });

  it('keeps members in priority order whatever grid cells they fall in', () => {
    const clusters = clusterPoints([pt('a', 45, 45), pt('b', 20, 20), pt('c', 70, 70), pt('d', 41, 39)], 40);
    expect(clusters[0]?.ids).toEqual(['a', 'b', 'c', 'd']);
  });

  it('counts a point exactly on the radius as inside', () => {
    expect(clusterPoints([pt('a', 0, 0), pt('b', 30, 40)], 50)).toHaveLength(1);
    expect(clusterPoints([pt('a', 0, 0), pt('b', 30, 40.01)], 50)).toHaveLength(2);
  });

  it('never merges a site in `alone`, nor lets it lead a cluster', () => {
    const points = [pt('a', 0, 0), pt('sel', 5, 5), pt('b', 10, 0)];
    const clusters = clusterPoints(points, 40, new Set(['sel']));
    expect(clusters.map((c) => c.ids)).toEqual([['a', 'b'], ['sel']]);
    const first = clusterPoints([pt('sel', 0, 0), pt('a', 1, 1), pt('b', 2, 2)], 40, new Set(['sel']));
    expect(first.map((c) => c.ids)).toEqual([['sel'], ['a', 'b']]);
  });

  it('handles negative coordinates (a world copy west of the antimeridian)', () => {
    const clusters = clusterPoints([pt('a', -5, -5), pt('b', 5, 5), pt('c', -500, 3)], 40);
    expect(clusters.map((c) => c.ids)).toEqual([['a', 'b'], ['c']]);
  });

  it('with no radius every point is its own cluster', () => {
    expect(clusterPoints([pt('a', 0, 0), pt('b', 0, 0)], 0)).toHaveLength(2);
  });

  it('puts every point in exactly one cluster and no two leaders within the radius', () => {
    const points = fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 4 }),
        x: fc.integer({ min: -400, max: 400 }),
        y: fc.integer({ min: -400, max: 400 }),
      }),
      { selector: (p) => p.id, maxLength: 80 },
    );
    fc.assert(
      fc.property(points, fc.integer({ min: 1, max: 120 }), (ps, radius) => {
        const clusters = clusterPoints(ps, radius);
        const ids = clusters.flatMap((c) => c.ids);
        expect([...ids].sort()).toEqual(ps.map((p) => p.id).sort());
        const byId = new Map(ps.map((p) => [p.id, p]));
        for (const c of clusters) {
          const leader = byId.get(c.leader);
          expect(c.ids[0]).toBe(c.leader);
          for (const id of c.ids) {
            const p = byId.get(id);
            if (!p || !leader) throw new Error('unknown id');
            expect(Math.hypot(p.x - leader.x, p.y - leader.y)).toBeLessThanOrEqual(radius);
          }
        }
        const leaders = clusters.map((c) => byId.get(c.leader));
        for (let i = 0; i < leaders.length; i++)
          for (let j = i + 1; j < leaders.length; j++) {
            const a = leaders[i];
            const b = leaders[j];
            if (a && b) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(radius);
          }
      }),
    );
  });

  it('clusters 10 000 points quickly', () => {
    const points = Array.from({ length: 10_000 }, (_, i) => pt(`s${i}`, (i * 7919) % 4000, (i * 104729) % 3000));
    const start = performance.now();
    const clusters = clusterPoints(points, 40);
    const elapsed = performance.now() - start;
    expect(clusters.reduce((n, c) => n + c.ids.length, 0)).toBe(10_000);
    expect(clusters.length).toBeLessThan(10_000);
    expect(elapsed).toBeLessThan(200);
  });
});

describe('separatingZoom', () => {
  it('is the first zoom at which the nearest neighbour is beyond the radius', () => {
    // 1 px apart at zoom 0: 2^z px at zoom z; 40 px needs 2^z ≥ 40, z = 6 (64 px).
    expect(separatingZoom(pt('a', 0, 0), [pt('a', 0, 0), pt('b', 1, 0), pt('c', 0, 5)], 40)).toBe(6);
    expect(separatingZoom(pt('a', 0, 0), [pt('b', 40, 0)], 40)).toBe(0);
  });

  it('is 0 with no neighbours and null when another point shares the position', () => {
    expect(separatingZoom(pt('a', 0, 0), [], 40)).toBe(0);
    expect(separatingZoom(pt('a', 3, 3), [pt('b', 3, 3)], 40)).toBeNull();
  });
});

describe('nudgeAway', () => {
  it('pushes a badge straight away from the selected marker until they clear each other', () => {
    expect(nudgeAway(103, 104, { x: 100, y: 100 }, 20)).toEqual({ x: 112, y: 116 });
    expect(nudgeAway(100, 100, { x: 100, y: 100 }, 20)).toEqual({ x: 100, y: 80 });
  });

  it('leaves a badge that is already clear where it is', () => {
    expect(nudgeAway(130, 100, { x: 100, y: 100 }, 20)).toEqual({ x: 130, y: 100 });
  });
});

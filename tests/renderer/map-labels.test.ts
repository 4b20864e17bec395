// Label placement: labels go right of the marker when they can, move round it when a better-ranked
// label or a marker is in the way, and are dropped when nothing fits; placed labels never overlap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  candidateBox,
  LABEL_SIDES,
  markerBox,
  overlaps,
  placeLabels,
  type LabelRequest,
} from '../../renderer/src/map/label-placement';

const label = (id: string, x: number, y: number, width = 60, height = 16, gap = 9): LabelRequest => ({
  id,
  x,
  y,
  width,
  height,
  gap,
});

describe('candidateBox', () => {
  it('puts the label beside, above, below and at the corners of its marker, clear of it', () => {
    const l = label('a', 100, 100, 60, 16, 9);
    expect(candidateBox(l, 'right')).toEqual({ x: 109, y: 92, width: 60, height: 16 });
    expect(candidateBox(l, 'left')).toEqual({ x: 31, y: 92, width: 60, height: 16 });
    expect(candidateBox(l, 'top')).toEqual({ x: 70, y: 75, width: 60, height: 16 });
    expect(candidateBox(l, 'bottom')).toEqual({ x: 70, y: 109, width: 60, height: 16 });
    // Every side clears a marker of radius 6 (gap 9 = radius + 3).
    for (const side of LABEL_SIDES) {
      const box = candidateBox(l, side);
      const nearestX = Math.max(box.x, Math.min(100, box.x + box.width));
      const nearestY = Math.max(box.y, Math.min(100, box.y + box.height));
      expect(Math.hypot(nearestX - 100, nearestY - 100)).toBeGreaterThanOrEqual(6);
    }
  });
});

describe('overlaps', () => {
  it('counts shared area, not touching edges', () => {
    const a = { x: 0, y: 0, width: 10, height: 10 };
    expect(overlaps(a, { x: 9, y: 9, width: 5, height: 5 })).toBe(true);
    expect(overlaps(a, { x: 10, y: 0, width: 5, height: 5 })).toBe(false);
    expect(overlaps(a, { x: 0, y: 10, width: 5, height: 5 })).toBe(false);
    expect(overlaps(a, { x: 2, y: 2, width: 2, height: 2 })).toBe(true);
  });
});

describe('placeLabels', () => {
  it('places a lone label to the right of its marker', () => {
    expect(placeLabels([label('a', 100, 100)]).map((p) => [p.id, p.side])).toEqual([['a', 'right']]);
  });

  it('moves a label round its marker when its first choice would cover another marker', () => {
    // Two markers 30 px apart on a row (Singapore and Johor at a middling zoom).
    const placed = placeLabels([label('a', 100, 100), label('b', 130, 100)], {
      obstacles: [markerBox(100, 100, 6, 'a'), markerBox(130, 100, 6, 'b')],
    });
    const a = placed.find((p) => p.id === 'a');
    const b = placed.find((p) => p.id === 'b');
    // a's right box would cover b's marker, so a goes left; b keeps the right.
    expect(a?.side).toBe('left');
    expect(b?.side).toBe('right');
  });

  it('hides the lower-ranked label when no position is free', () => {
    // Two markers on the same spot: every box of b collides with a's label or a's marker.
    const labels = [label('a', 100, 100, 60, 16, 9), label('b', 101, 100, 60, 16, 9)];
    const obstacles = [markerBox(100, 100, 6, 'a'), markerBox(101, 100, 6, 'b')];
    const placed = placeLabels(labels, { obstacles });
    expect(placed.map((p) => p.id)).toContain('a');
    for (const p of placed) for (const q of placed) if (p !== q) expect(overlaps(p.box, q.box)).toBe(false);
    // Fill all eight sides around a point with better-ranked labels' obstacles: the last one is dropped.
    const blockers = LABEL_SIDES.map((side) => candidateBox(label('x', 300, 300), side));
    expect(placeLabels([label('c', 300, 300)], { obstacles: blockers })).toEqual([]);
  });

  it('never lets a label cover another marker or a cluster badge', () => {
    const placed = placeLabels([label('a', 100, 100)], { obstacles: [{ x: 110, y: 90, width: 20, height: 20 }] });
    expect(placed[0]?.side).toBe('left');
  });

  it('keeps labels inside the bounds, trying other sides at the edge', () => {
    const bounds = { x: 0, y: 0, width: 200, height: 200 };
    expect(placeLabels([label('a', 180, 100)], { bounds })[0]?.side).toBe('left');
    expect(placeLabels([label('a', 100, 100, 300)], { bounds })).toEqual([]);
  });

  it('stops at `max` labels, keeping the best-ranked', () => {
    const labels = Array.from({ length: 10 }, (_, i) => label(`s${i}`, i * 200, 0));
    expect(placeLabels(labels, { max: 3 }).map((p) => p.id)).toEqual(['s0', 's1', 's2']);
  });

  it('never places two overlapping labels or a label over a foreign marker (random layouts)', () => {
    const layout = fc.array(
      fc.record({
        x: fc.integer({ min: 0, max: 400 }),
        y: fc.integer({ min: 0, max: 300 }),
        width: fc.integer({ min: 10, max: 120 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(layout, (items) => {
        const labels = items.map((it, i) => label(`s${i}`, it.x, it.y, it.width, 14, 9));
        const markers = labels.map((l) => markerBox(l.x, l.y, 6, l.id));
        const placed = placeLabels(labels, { obstacles: markers });
        for (let i = 0; i < placed.length; i++) {
          const p = placed[i];
          if (!p) continue;
          for (let j = i + 1; j < placed.length; j++) {
            const q = placed[j];
            if (q) expect(overlaps(p.box, q.box)).toBe(false);
          }
          for (const m of markers) if (m.id !== p.id) expect(overlaps(p.box, m)).toBe(false);
        }
        // The best-ranked label always fits unless its own neighbourhood is full of markers.
        if (labels.length > 0 && markers.length === 1) expect(placed).toHaveLength(1);
      }),
    );
  });
});

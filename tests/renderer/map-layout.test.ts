// What the map's labels say and their order: the selected site first, then best-ranked; cluster
// labels name their markets; labels avoid map controls; the site order and badge text colours.
import { describe, expect, it } from 'vitest';
import { overlaps } from '../../renderer/src/map/label-placement';
import { clusterLabel, layoutLabels, type LabelTarget } from '../../renderer/src/map/map-labels';
import { clusterDiameter, textOn } from '../../renderer/src/map/marker-style';
import { byPriority } from '../../renderer/src/map/site-priority';
import { SCORE_SCALE } from '../../renderer/src/score-colors';

const measure = (text: string): number => text.length * 7 + 6;
const target = (key: string, x: number, y: number, extra: Partial<LabelTarget> = {}): LabelTarget => ({
  key,
  text: key,
  x,
  y,
  radius: 6,
  selected: false,
  cluster: false,
  ...extra,
});
const VIEW = { x: 0, y: 0, width: 800, height: 600 };

describe('layoutLabels', () => {
  it('gives the selected site first pick, even over a better-ranked neighbour', () => {
    // Two markers 20 px apart on a row: only one of them can have the space between them.
    const targets = [target('best', 100, 100, { text: 'Best site' }), target('sel', 120, 100, { selected: true })];
    const placed = layoutLabels(targets, [], VIEW, measure, 10);
    expect(placed[0]?.key).toBe('sel');
    expect(placed[0]?.side).toBe('right');
    expect(placed.find((p) => p.key === 'best')?.side).toBe('left');
  });

  it('never covers a map control, and drops a label with nowhere to go', () => {
    // A control box right of and above the marker; the label goes left.
    const control = { x: 110, y: 0, width: 300, height: 300 };
    const placed = layoutLabels([target('a', 100, 100)], [control], VIEW, measure, 10);
    expect(placed[0]?.side).toBe('left');
    expect(overlaps(placed[0]?.box ?? VIEW, control)).toBe(false);
    const everywhere = { x: 0, y: 0, width: 800, height: 600 };
    expect(layoutLabels([target('a', 100, 100)], [everywhere], VIEW, measure, 10)).toEqual([]);
  });

  it('keeps labels inside the view and off every marker and badge, cluster labels included', () => {
    const targets = [
      target('c1', 300, 300, { radius: 13, cluster: true, text: 'Johor · Singapore +1' }),
      target('s1', 330, 300),
      target('s2', 300, 330),
      target('edge', 795, 300),
    ];
    const placed = layoutLabels(targets, [], VIEW, measure, 10);
    expect(placed.find((p) => p.key === 'c1')?.cluster).toBe(true);
    expect(placed.find((p) => p.key === 'edge')?.side).toBe('left');
    for (const p of placed) {
      expect(p.box.x).toBeGreaterThanOrEqual(0);
      expect(p.box.x + p.box.width).toBeLessThanOrEqual(800);
      for (const t of targets) {
        if (t.key === p.key) continue;
        const marker = { x: t.x - t.radius, y: t.y - t.radius, width: t.radius * 2, height: t.radius * 2 };
        expect(overlaps(p.box, marker)).toBe(false);
      }
    }
  });

  it('says a cluster label once per neighbourhood, but always names single sites', () => {
    const targets = [
      target('c1', 100, 100, { cluster: true, radius: 12, text: 'Tokyo' }),
      target('c2', 100, 160, { cluster: true, radius: 12, text: 'Tokyo' }),
      target('c3', 100, 500, { cluster: true, radius: 12, text: 'Tokyo' }),
      target('s1', 400, 100, { text: 'Tokyo' }),
      target('c4', 400, 200, { cluster: true, radius: 12, text: 'Osaka' }),
    ];
    const keys = layoutLabels(targets, [], VIEW, measure, 10).map((p) => p.key);
    // c2 repeats c1 60 px away; c3 is 400 px away, far enough to say it again.
    expect(keys).toEqual(['c1', 'c3', 's1', 'c4']);
  });

  it('stops at the maximum', () => {
    const targets = Array.from({ length: 20 }, (_, i) =>
      target(`s${i}`, 50 + (i % 4) * 180, 40 + Math.floor(i / 4) * 100),
    );
    expect(layoutLabels(targets, [], VIEW, measure, 5)).toHaveLength(5);
  });
});

describe('clusterLabel', () => {
  it('names the one market, or the two biggest and how many more', () => {
    expect(clusterLabel(['Hong Kong', 'Hong Kong'])).toBe('Hong Kong');
    expect(clusterLabel(['Johor', 'Singapore', 'Singapore', 'Batam'])).toBe('Singapore · Johor +1');
    // A tie keeps the order of the members (best-ranked first).
    expect(clusterLabel(['Johor', 'Singapore'])).toBe('Johor · Singapore');
  });
});

describe('byPriority', () => {
  const sites = [{ id: 'x' }, { id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
  it('puts ranked sites by rank, then unscored, then excluded', () => {
    const results = new Map([
      ['a', { rank: 2, excluded: false }],
      ['b', { rank: null, excluded: true }],
      ['c', { rank: 1, excluded: false }],
      ['d', { rank: null, excluded: true }],
    ]);
    expect(byPriority(sites, results).map((s) => s.id)).toEqual(['c', 'a', 'x', 'b', 'd']);
  });
  it('keeps the given order with no results', () => {
    expect(byPriority(sites, new Map()).map((s) => s.id)).toEqual(['x', 'a', 'b', 'c', 'd']);
  });
});

describe('badges', () => {
  it('grow with the log of the count', () => {
    expect(clusterDiameter(2)).toBe(24);
    expect(clusterDiameter(100)).toBe(33);
    // Capped at the cluster radius, the least distance between two badges' centres.
    expect(clusterDiameter(10_000)).toBe(40);
  });

  it('write white on the dark end of viridis and dark on the light end, each at 4.5:1 or better', () => {
    const luminance = (hex: string): number => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string): number => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    expect(textOn(SCORE_SCALE[0] ?? '')).toBe('#ffffff');
    expect(textOn(SCORE_SCALE[9] ?? '')).toBe('#0f172a');
    for (const fill of SCORE_SCALE) expect(contrast(fill, textOn(fill))).toBeGreaterThanOrEqual(4.5);
  });
});

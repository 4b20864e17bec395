// @vitest-environment jsdom
// The weight sweep chart: its axes say what they plot (the swept weight in %, the score), and lines
// that coincide are shown as such ("A = B" in the key, a note in words, dashes so both colours show)
// instead of one hiding the other.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SweepChart, type SweepPoint } from '../../renderer/src/sensitivity/SweepChart';
import { coincidentGroups } from '../../renderer/src/sensitivity/sweep-lines';

afterEach(cleanup);

const names = new Map([
  ['a', 'Alpha'],
  ['b', 'Beta'],
  ['c', 'Gamma'],
  ['d', 'Delta'],
]);

/** Alpha and Beta the same everywhere (Beta within float noise), Gamma apart, Delta excluded at the end. */
const points: SweepPoint[] = [0, 0.5, 1].map((w) => ({
  weight: w,
  scores: { a: 0.2 + 0.5 * w, b: 0.2 + 0.5 * w + 1e-12, c: 0.9 - 0.4 * w, d: w === 1 ? null : 0.4 },
}));

describe('coincidentGroups', () => {
  it('groups lines equal to three decimals at every weight, and only those', () => {
    expect(coincidentGroups(points, ['a', 'b', 'c', 'd'])).toEqual([['a', 'b']]);
    // Apart at a single weight: not the same line.
    const split = points.map((p, i) => ({ ...p, scores: { ...p.scores, b: i === 1 ? 0.46 : (p.scores.b ?? null) } }));
    expect(coincidentGroups(split, ['a', 'b', 'c'])).toEqual([]);
    // An excluded point is part of the line: null only matches null.
    const gap = points.map((p) => ({ ...p, scores: { ...p.scores, e: p.weight === 1 ? null : 0.4 } }));
    expect(coincidentGroups(gap, ['d', 'e', 'a'])).toEqual([['d', 'e']]);
  });
});

describe('SweepChart', () => {
  it('titles its axes: the swept weight in %, and the score', () => {
    const { container } = render(
      <SweepChart points={points} siteIds={['a', 'c']} names={names} current={0.35} criterion="Power price" />,
    );
    const titles = [...container.querySelectorAll('svg .axis-title')].map((t) => t.textContent);
    expect(titles).toEqual(['Weight of Power price (%)', 'Score (0–1)']);
    const ticks = [...container.querySelectorAll('svg .tick')].map((t) => t.textContent);
    expect(ticks).toEqual(expect.arrayContaining(['0 %', '50 %', '100 %', '0.0', '1.0', 'now 35 %']));
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Scores of Alpha and Gamma as the weight of Power price runs from 0 % to 100 % (now 35 %)',
    );
    // Nothing coincides: one key entry per site, no note.
    expect([...container.querySelectorAll('.sweep-key')].map((k) => k.textContent?.trim())).toEqual(['Alpha', 'Gamma']);
    expect(container.querySelector('.sweep-note')).toBeNull();
  });

  it('shows coinciding lines: both drawn, the second dashed, "Alpha = Beta" in the key and a note', () => {
    const { container } = render(
      <SweepChart points={points} siteIds={['a', 'b', 'c']} names={names} current={0.35} criterion="Power price" />,
    );
    const line = (id: string): Element | null => container.querySelector(`svg path[data-site="${id}"]`);
    expect(line('a')?.getAttribute('d')).toBe(line('b')?.getAttribute('d'));
    expect(line('a')?.getAttribute('stroke-dasharray')).toBeNull();
    expect(line('b')?.getAttribute('stroke-dasharray')).toBe('6 6');
    expect(line('b')?.getAttribute('stroke-dashoffset')).toBe('-6');
    expect(line('a')?.getAttribute('stroke')).not.toBe(line('b')?.getAttribute('stroke'));
    expect([...container.querySelectorAll('.sweep-key')].map((k) => k.textContent?.trim())).toEqual([
      'Alpha = Beta',
      'Gamma',
    ]);
    expect(container.querySelector('.sweep-note')?.textContent).toBe(
      'The lines of Alpha and Beta coincide (the same score, to three decimals, at every weight): they are drawn as one, in alternating dashes of their colours.',
    );
  });
});

// Each site's move between two rankings: up, down, the same, newly ranked, excluded — with ties and
// exclusions as score.run gives them, in B's order.
import { describe, expect, it } from 'vitest';
import { moveText, moveWords, rankChanges, type RankedSite } from '../../shared/rank-moves';

const site = (siteId: string, rank: number | null, tied = false): RankedSite => ({
  siteId,
  name: siteId.toUpperCase(),
  rank,
  tied,
  excluded: rank === null,
});

describe('rankChanges', () => {
  const a = [site('p', 1), site('q', 2, true), site('r', 2, true), site('s', 4), site('t', null), site('u', null)];
  const b = [site('p', 3), site('q', 1), site('r', 2), site('s', null), site('t', 4), site('u', null)];
  const changes = rankChanges(a, b);

  it('says how far each site moves from A to B, and which are newly ranked or excluded', () => {
    expect(changes.map((c) => [c.siteId, moveText(c.move)])).toEqual([
      ['q', '↑1'],
      ['r', '='],
      ['p', '↓2'],
      ['t', 'new'],
      ['s', 'excluded'],
      ['u', '—'],
    ]);
    expect(changes.find((c) => c.siteId === 'q')).toEqual({
      siteId: 'q',
      name: 'Q',
      a: { rank: 2, tied: true },
      b: { rank: 1, tied: false },
      move: { kind: 'up', by: 1 },
    });
  });

  it('words each move for a screen reader', () => {
    expect(changes.map((c) => moveWords(c.move))).toEqual([
      'up 1 place',
      'same rank',
      'down 2 places',
      'ranked under B, excluded under A',
      'excluded under B, ranked under A',
      'excluded under both',
    ]);
  });

  it('counts an excluded site as unranked whatever rank it carries, and a site one side lacks as excluded there', () => {
    const odd = rankChanges([{ ...site('x', 3), excluded: true }], [site('x', 1), site('y', 2)]);
    expect(odd.map((c) => [c.siteId, c.a.rank, c.move.kind])).toEqual([
      ['x', null, 'new'],
      ['y', null, 'new'],
    ]);
  });
});

// @vitest-environment jsdom
// SMAA with a tie at the top: six sites with identical data share first place in every sample, so
// each is "first" in 1/6 of them — the view says they were tied, not that each lost five times in six.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SmaaBars, type SmaaSite } from '../../renderer/src/sensitivity/SmaaBars';
import { firstText, share, sharedTopText, topTieSentence } from '../../renderer/src/sensitivity/smaa-words';

afterEach(cleanup);

const SIX = ['Beijing', 'Guian', 'Qingpu', 'Shaoguan', 'Wujiang', 'Zhangjiakou'];
const sixth = 1 / 6;

function tiedSix(): SmaaSite[] {
  const tied = SIX.map((name) => ({
    siteId: name.toLowerCase(),
    rankProbabilities: [sixth, sixth, sixth, sixth, sixth, sixth, 0],
    pFirst: sixth,
    pTiedFirst: 1,
  }));
  return [...tied, { siteId: 'kulai', rankProbabilities: [0, 0, 0, 0, 0, 0, 1], pFirst: 0, pTiedFirst: 0 }];
}
const names = new Map([...SIX.map((n) => [n.toLowerCase(), n] as const), ['kulai', 'Kulai'] as const]);
const name = (id: string): string => names.get(id) ?? id;

describe('SMAA words', () => {
  it('says a shared first place as such', () => {
    expect(share(sixth)).toBe('16.7 %');
    expect(share(1)).toBe('100 %');
    expect(firstText({ siteId: 'beijing', pFirst: sixth, pTiedFirst: 1 })).toBe(
      'first 16.7 % — tied for first in 100 % of samples',
    );
    expect(firstText({ siteId: 'kulai', pFirst: 0.4, pTiedFirst: 0 })).toBe('first 40 %');
  });

  it('sums up a tie at the top, and only then', () => {
    expect(topTieSentence(tiedSix(), name)).toBe(
      'The top is a tie: Beijing, Guian, Qingpu, Shaoguan, Wujiang and Zhangjiakou shared first place in every sample. "First" splits a shared first place equally among the sites sharing it: none of them is first on its own.',
    );
    const clear = [
      { siteId: 'a', pFirst: 0.7, pTiedFirst: 0.05 },
      { siteId: 'b', pFirst: 0.3, pTiedFirst: 0.05 },
    ];
    expect(topTieSentence(clear, name)).toBeNull();
    const mostly = [
      { siteId: 'a', pFirst: 0.45, pTiedFirst: 0.8 },
      { siteId: 'b', pFirst: 0.45, pTiedFirst: 0.6 },
      { siteId: 'c', pFirst: 0.1, pTiedFirst: 0 },
    ];
    expect(topTieSentence(mostly, name)).toContain('a and b shared first place in at least 60 % of samples.');
  });
});

describe('SmaaBars', () => {
  it('says each tied site was tied for first, and that the top is a tie', () => {
    render(<SmaaBars sites={tiedSix()} names={names} />);
    expect(
      screen.getByRole('img', { name: 'Beijing: first 16.7 % — tied for first in 100 % of samples' }),
    ).toBeTruthy();
    expect(screen.getAllByText('tied for first in 100 % of samples')).toHaveLength(6);
    expect(screen.getByRole('img', { name: 'Kulai: first 0 %' })).toBeTruthy();
    expect(screen.getByRole('note').textContent).toMatch(/^The top is a tie: Beijing, Guian, Qingpu/);
    // Equal shares keep one order, by name.
    expect([...document.querySelectorAll('.smaa-name')].map((n) => n.textContent).slice(0, 6)).toEqual(SIX);
  });

  it('says nothing of ties when no site shared first place', () => {
    render(
      <SmaaBars
        sites={[
          { siteId: 'kulai', rankProbabilities: [0.6, 0.4], pFirst: 0.6, pTiedFirst: 0 },
          { siteId: 'beijing', rankProbabilities: [0.4, 0.6], pFirst: 0.4, pTiedFirst: 0 },
        ]}
        names={names}
      />,
    );
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.queryByText(/tied for first/)).toBeNull();
    expect(screen.getByRole('img', { name: 'Kulai: first 60 %' })).toBeTruthy();
  });
});

describe('stability with a shared top', () => {
  it('names whose interval it is and who shares the top, and says nothing when one site leads', () => {
    const shared = [{ topSite: 'beijing', tiedWith: ['guian', 'qingpu'] }];
    expect(sharedTopText(shared, name)).toBe(
      'The top is shared by Beijing, Guian, Qingpu: each interval is where Beijing stays among the best.',
    );
    expect(sharedTopText([{ topSite: 'kulai', tiedWith: [] }], name)).toBeNull();
  });
});

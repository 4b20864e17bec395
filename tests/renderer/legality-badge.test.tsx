// @vitest-environment jsdom
// The ranking's legality badge: a word and a shape for every status, and a flag when the answer
// rests on an announcement or press reports rather than rule text.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LegalityBadge } from '../../renderer/src/ranking/ranking-row';
import { buildRows } from '../../renderer/src/ranking/ranking-model';

afterEach(cleanup);

describe('LegalityBadge', () => {
  it('names the presumption of denial apart from an ordinary licence', () => {
    render(
      <>
        <LegalityBadge status="licence_required" />
        <LegalityBadge status="licence_denial" />
      </>,
    );
    expect(screen.getByText(/Licence required/).textContent).toBe('◆ Licence required');
    expect(screen.getByText(/presumption of denial/).textContent).toBe('⊘ Licence, presumption of denial');
  });

  it('in the ranking (compact) shows the presumption of denial in fewer words, the full title for screen readers', () => {
    render(
      <>
        <LegalityBadge status="licence_denial" compact />
        <LegalityBadge status="licence_required" compact />
        <LegalityBadge status="licence_denial" tier="announced" compact />
      </>,
    );
    const [plain, announced] = screen.getAllByTitle(/^Licence, presumption of denial/);
    expect(plain?.title).toBe('Licence, presumption of denial');
    expect(plain?.querySelector('[aria-hidden="true"]:not(:first-child)')?.textContent).toBe('Presumed denial');
    expect(plain?.querySelector('.sr-only')?.textContent).toBe('Licence, presumption of denial');
    expect(announced?.title).toBe('Licence, presumption of denial: rests on an announcement without rule text');
    // A title that fits in two lines is shown whole, as outside the ranking.
    expect(screen.getByText(/Licence required/).textContent).toBe('◆ Licence required');
  });

  it('flags an answer resting on an announcement or a press report, in words for screen readers', () => {
    render(
      <>
        <LegalityBadge status="conditional" tier="announced" />
        <LegalityBadge status="prohibited" tier="reported" />
        <LegalityBadge status="allowed" tier={null} />
      </>,
    );
    const announced = screen.getByTitle('Conditional: rests on an announcement without rule text');
    expect(announced.textContent).toBe('◐ Conditional † (announced)');
    expect(screen.getByTitle('Prohibited: rests on press reports, not an official text').textContent).toContain(
      '(reported)',
    );
    expect(screen.getByText(/Allowed/).textContent).toBe('✓ Allowed');
  });
});

describe('buildRows', () => {
  it('carries each site’s tier beside its status', () => {
    const result = (siteId: string) => ({
      siteId,
      name: siteId,
      rank: 1,
      tied: false,
      coverage: 1,
      staleCoverage: 0,
      thin: false,
      score: 0.5,
      excluded: false,
      reasons: [],
      contributions: null,
      missingHandled: [],
      stale: [],
    });
    const rows = buildRows(
      [result('a'), result('b')],
      new Map(),
      { a: 'conditional', b: 'allowed' },
      { a: 'announced' },
    );
    expect(rows.map((r) => [r.siteId, r.status, r.tier])).toEqual([
      ['a', 'conditional', 'announced'],
      ['b', 'allowed', null],
    ]);
  });
});

// @vitest-environment jsdom
// The presets compare shows what the two presets do to the ranking: both ranked by score.run for the
// scenario on screen (profile, date, legality question, coverage), with each preset's own weights,
// and each site's move from A to B. The expected ranks come from score.run called here directly.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TOP_RANKS } from '../../renderer/src/presets/presets-rank-changes';
import { rankLabel } from '../../shared/score-words';
import { callsNamed, setup } from './presets-panel-harness';

afterEach(cleanup);

const A = 'cost-first';
const B = 'latency-inference';

describe('Presets panel: compare, what B does to the ranking', () => {
  it('ranks the sites under both presets for the scenario on screen and shows each site’s move', async () => {
    const h = await setup();
    // The scenario's context, and weight overrides that must not leak into either preset's ranking.
    await act(() =>
      h.store.getState().setScenario(h.client, {
        asOf: '2025-09-01',
        workload: 'inference',
        weights: { power_price_usc_kwh: 5 },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Preset A' }), { target: { value: A } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Preset B' }), { target: { value: B } });
    const section = await screen.findByRole('region', { name: 'What B does to the ranking' });
    const table = await within(section).findByRole('table');

    const { scenario } = h.store.getState();
    expect(scenario.profileId).not.toBeNull();
    const context = {
      profileId: scenario.profileId as string,
      asOf: '2025-09-01',
      workload: 'inference' as const,
      legalityMode: scenario.legalityMode,
      confidenceFloor: scenario.confidenceFloor,
      minCoverage: scenario.minCoverage,
      thinData: scenario.thinData,
    };
    const runs = callsNamed(h, 'score.run');
    expect(runs.slice(-2)).toEqual([
      { presetId: A, ...context },
      { presetId: B, ...context },
    ]);
    const [ra, rb] = await Promise.all([
      h.client.call('score.run', { presetId: A, ...context }),
      h.client.call('score.run', { presetId: B, ...context }),
    ]);
    const rankOf = (r: typeof ra, id: string) => r.results.find((x) => x.siteId === id);
    const expectedMove = (id: string): string => {
      const [x, y] = [rankOf(ra, id), rankOf(rb, id)];
      const [p, q] = [x?.excluded ? null : (x?.rank ?? null), y?.excluded ? null : (y?.rank ?? null)];
      if (p === null) return q === null ? '—' : 'new';
      if (q === null) return 'excluded';
      return q < p ? `↑${p - q}` : q > p ? `↓${q - p}` : '=';
    };

    const rows = (): HTMLTableRowElement[] => [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')];
    const check = (): void => {
      for (const row of rows()) {
        const id = row.dataset.site as string;
        const cells = [...row.querySelectorAll('td')].map(
          (c) => c.querySelector('[aria-hidden]')?.textContent ?? c.textContent,
        );
        const [x, y] = [rankOf(ra, id), rankOf(rb, id)];
        expect(cells).toEqual([
          rankLabel(x?.excluded ? null : (x?.rank ?? null), x?.tied ?? false),
          rankLabel(y?.excluded ? null : (y?.rank ?? null), y?.tied ?? false),
          expectedMove(id),
        ]);
      }
    };
    // At first the top of either ranking, every one of them.
    const top = new Set(
      [...ra.results, ...rb.results].filter((r) => !r.excluded && (r.rank ?? 99) <= TOP_RANKS).map((r) => r.siteId),
    );
    expect(new Set(rows().map((r) => r.dataset.site))).toEqual(top);
    check();
    // The two presets do move sites: the comparison is not trivially "=".
    expect(rows().some((r) => /[↑↓]/.test(r.textContent ?? ''))).toBe(true);
    expect(within(section).getByRole('status').textContent).toMatch(/^Under B, \d+ sites? rank higher/);

    fireEvent.click(within(section).getByRole('button', { name: `Show all ${ra.results.length} sites` }));
    await waitFor(() => expect(rows()).toHaveLength(ra.results.length));
    check();
    // B's order: ranked sites by B's rank, then the ones B excludes.
    const bRanks = rows().map((r) => rankOf(rb, r.dataset.site as string));
    const ranked = bRanks.filter((r) => r && !r.excluded).map((r) => r?.rank as number);
    expect(ranked).toEqual([...ranked].sort((x, y) => x - y));
  });
});

// @vitest-environment jsdom
// Issue 12 on screen, over the real backend on an in-memory store with the seed: shared ranks read
// "1=", every score carries its coverage, thin rows say "thin data", the top of the ranking is stated
// honestly, the details pane says in words what a score does not rest on, the compare panel and the
// map tooltip show the same, the weights drawer flags criteria that give nobody anything, and the
// minimum coverage is a scenario setting sent with every scoring call.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { createClient, type Client } from '../../renderer/src/api/client';
import { ComparePanel } from '../../renderer/src/components/ComparePanel';
import { WeightsPanel } from '../../renderer/src/components/WeightsPanel';
import { buildRows, exclusionCauses, THIN_DATA_CAUSE } from '../../renderer/src/components/ranking-model';
import { ServicesProvider } from '../../renderer/src/context';
import {
  missingNote,
  thinCount,
  uninformativeFlag,
  uninformativeNote,
  type Uninformative,
} from '../../renderer/src/coverage-words';
import { matrixInput } from '../../renderer/src/live-score';
import { markerResult } from '../../renderer/src/map/marker-tooltip';
import { createAppStore, scoreRunInput, type ScoreRun } from '../../renderer/src/store';
import { inMemoryTransport } from './fake-backend';

vi.mock('../../renderer/src/map/SiteMap', () => ({ SiteMap: () => <div data-testid="map" /> }));

afterEach(cleanup);

type Store = ReturnType<typeof createAppStore>;
type SiteScore = ScoreRun['results'][number];

/** Cost first for a China-HQ lab owning its chips on 2025-12-15: six mainland sites score the same. */
const COST_FIRST = { presetId: 'cost-first', profileId: 'cn-private-lab-owned', asOf: '2025-12-15' };
const MAINLAND_TIE = ['cn-beijing-yizhuang', 'cn-guian', 'cn-qingpu', 'cn-shaoguan', 'cn-wujiang', 'cn-zhangjiakou'];

async function workspace(
  ui: 'app' | 'weights' | 'compare',
  scenario: Record<string, string>,
): Promise<{ store: Store; client: Client; close(): void }> {
  const { transport, backend } = inMemoryTransport();
  const client = createClient(transport);
  const store = createAppStore();
  await store.getState().load(client);
  await store.getState().setScenario(client, scenario);
  render(
    <ServicesProvider client={client} store={store}>
      {ui === 'app' ? <App /> : ui === 'weights' ? <WeightsPanel /> : <ComparePanel />}
    </ServicesProvider>,
  );
  return { store, client, close: () => backend.close() };
}

const row = (siteId: string): HTMLElement => {
  const tr = document.querySelector<HTMLElement>(`table[aria-label="Ranking"] tr[data-site="${siteId}"]`);
  if (!tr) throw new Error(`no row for ${siteId}`);
  return tr;
};
/** The rank as seen (a shared rank's "=" is hidden from screen readers, who hear "1, shared"). */
const seenRank = (siteId: string): string => {
  const cell = row(siteId).querySelector('.rank-cell');
  return (cell?.querySelector('[aria-hidden="true"]') ?? cell)?.textContent ?? '';
};

describe('the ranking', () => {
  it('shows shared ranks as "1=", coverage beside every score, "thin data" on thin rows and the tie above', async () => {
    const { close } = await workspace('app', COST_FIRST);
    await waitFor(() => expect(document.querySelector('tr[data-site="cn-beijing-yizhuang"]')).not.toBeNull());

    for (const id of MAINLAND_TIE) {
      expect(seenRank(id)).toBe('1=');
      expect(row(id).querySelector('.rank-cell .sr-only')?.textContent).toBe('1, shared');
    }
    // Navi Mumbai is the only site at 0.400: its rank is its own.
    expect(seenRank('in-navi-mumbai')).toBe('9');

    // Coverage beside the score, with what it means (and the stale part) in the tooltip.
    const beijing = row('cn-beijing-yizhuang').querySelector<HTMLElement>('.coverage-badge');
    expect(beijing?.textContent).toBe('coverage 75 %');
    expect(beijing?.title).toBe('coverage 75 %: share of the weight resting on known values');
    expect(row('sg-jurong-west').querySelector<HTMLElement>('.coverage-badge')?.title).toBe(
      'coverage 75 % (35 % stale): share of the weight resting on known values',
    );
    for (const tr of document.querySelectorAll('table[aria-label="Ranking"] tr[data-site]:not(.excluded)')) {
      expect(tr.querySelector('.coverage-badge')?.textContent).toMatch(/^coverage \d+ %$/);
    }

    // Thin data in words, not colour: Macquarie Park has 15 % of the weight on known values.
    const thin = within(row('au-macquarie-park')).getByText('thin data');
    expect(thin.title).toBe('thin data: less than 50 % of the weight rests on known values');
    expect(within(row('cn-beijing-yizhuang')).queryByText('thin data')).toBeNull();

    const summary = screen.getByRole('note', { name: 'Top of the ranking' });
    expect(summary.textContent).toContain(
      "Beijing (Yizhuang), Gui'an New Area, Qingpu (Shanghai), Shaoguan, Wujiang (Suzhou, Jiangsu) and Zhangjiakou (Huailai) tie for first with the same score: the data does not tell them apart.",
    );
    expect(summary.textContent).toContain('14 sites marked thin data (coverage below 50 %).');
    close();
  });

  it('states in the details pane what the score rests on, and what it does not', async () => {
    const { store, close } = await workspace('app', COST_FIRST);
    await waitFor(() => expect(document.querySelector('tr[data-site="cn-beijing-yizhuang"]')).not.toBeNull());
    act(() => store.getState().select('cn-beijing-yizhuang'));
    const pane = await screen.findByRole('region', { name: 'Score contributions' });
    const heading = within(pane).getByRole('heading');
    expect(heading.textContent).toContain('Score 0.736 (rank 1=');
    expect(pane.querySelector('.coverage-line')?.textContent).toBe(
      'coverage 75 %: share of the weight resting on known values.',
    );
    const line = (name: string): Element | undefined =>
      [...pane.querySelectorAll('.contribution')].find(
        (c) => c.querySelector('.contribution-name')?.textContent === name,
      );
    // A gap is said in words instead of drawn as a bar of 0.
    expect(line('Land cost')?.querySelector('.contribution-words')?.textContent).toBe('no value — scored 0, no credit');
    expect(line('Land cost')?.querySelector('.contribution-bar')).toBeNull();
    // Every known tax rate is the same: it gives nobody anything, and shows no contribution.
    expect(line('Incentive tax rate')?.querySelector('.contribution-words')?.textContent).toBe(
      'contributes nothing to anyone: all 4 known values are equal',
    );
    expect(line('Incentive tax rate')?.querySelector('.contribution-value')?.textContent).toBe('');
    expect(line('Power price')?.querySelector('.contribution-bar')).not.toBeNull();
    close();
  });
});

describe('the compare panel', () => {
  it('shows both sites at the shared rank with their coverage, and does not call either the winner', async () => {
    const { store, close } = await workspace('compare', COST_FIRST);
    act(() => {
      store.getState().toggleCompare('cn-beijing-yizhuang');
      store.getState().toggleCompare('cn-guian');
    });
    const panel = screen.getByRole('region', { name: 'Compare sites' });
    const rankRow = within(panel).getByRole('rowheader', { name: 'Rank' }).closest('tr');
    expect([...(rankRow?.querySelectorAll('td [aria-hidden="true"]') ?? [])].map((c) => c.textContent)).toEqual([
      '1=',
      '1=',
    ]);
    expect([...panel.querySelectorAll('.compare-total .coverage-badge')].map((c) => c.textContent)).toEqual([
      'coverage 75 %',
      'coverage 75 %',
    ]);
    // The same facts: the shared explanation says so instead of naming a winner.
    expect(within(panel).getByRole('note', { name: 'Why the leader wins' }).textContent).toBe(
      "Beijing (Yizhuang) and Gui'an New Area score the same on every criterion.",
    );
    close();
  });
});

describe('the weights drawer', () => {
  it('flags a weighted criterion with no spread beside its slider, and says why', async () => {
    const { close } = await workspace('weights', { ...COST_FIRST, presetId: 'frontier-training' });
    const flagOf = (name: string): string | null => {
      const id = screen.getByRole('slider', { name }).getAttribute('aria-describedby');
      return id === null ? null : (document.getElementById(id)?.textContent ?? null);
    };
    expect(flagOf('Regulatory quality (WGI)')).toBe('⚠ no known value among the ranked sites — contributes nothing');
    expect(flagOf('Renewable share')).toBe('⚠ all 4 known values are equal — contributes nothing');
    expect(flagOf('Chip legality')).toBeNull();
    close();
  });

  it('sets the minimum coverage and what happens below it; both reach score.run and score.matrix and undo', async () => {
    const { store, client, close } = await workspace('weights', COST_FIRST);
    const minimum = screen.getByRole('combobox', { name: 'Min. coverage' }) as HTMLSelectElement;
    const below = screen.getByRole('combobox', { name: 'Below it' }) as HTMLSelectElement;
    expect(minimum.value).toBe('0.5');
    expect(below.value).toBe('mark');
    expect(document.getElementById('weights-min-coverage-explain')?.textContent).toBe(
      'thin data: less than 50 % of the weight rests on known values — 14 sites marked thin data.',
    );

    fireEvent.change(minimum, { target: { value: '0.7' } });
    fireEvent.change(below, { target: { value: 'exclude' } });
    await waitFor(() => expect(store.getState().score?.thinData).toBe('exclude'));
    const score = store.getState().score;
    expect(score?.minCoverage).toBe(0.7);
    // Kulai rests 65 % of its weight on known values: left out, with the reason.
    const kulai = score?.results.find((r) => r.siteId === 'my-kulai');
    expect(kulai?.excluded).toBe(true);
    expect(kulai?.reasons[0]).toMatch(/^thin data: 65 % of the weight rests on known values/);
    expect(score?.results.find((r) => r.siteId === 'cn-beijing-yizhuang')?.excluded).toBe(false);
    // Live re-ranking asks score.matrix for the same scenario.
    const input = scoreRunInput(store.getState().scenario);
    expect(input && matrixInput(input)).toMatchObject({ minCoverage: 0.7, thinData: 'exclude' });

    // Two edits, undone one at a time; a preset change keeps them (they are the planner's).
    await act(() => store.getState().undo(client));
    expect(store.getState().scenario).toMatchObject({ minCoverage: 0.7, thinData: 'mark' });
    await act(() => store.getState().setScenario(client, { presetId: 'frontier-training' }));
    expect(store.getState().scenario.minCoverage).toBe(0.7);
    fireEvent.change(minimum, { target: { value: '0' } });
    await waitFor(() => expect(below.disabled).toBe(true));
    close();
  });
});

describe('words', () => {
  const result = (over: Partial<SiteScore>): SiteScore => ({
    siteId: 's',
    name: 'S',
    rank: 2,
    tied: true,
    coverage: 0.42,
    staleCoverage: 0.2,
    thin: true,
    score: 0.5,
    excluded: false,
    reasons: [],
    contributions: null,
    missingHandled: [],
    stale: [],
    ...over,
  });

  it('says each reason a criterion gives nobody anything, and what each missing-value policy scored', () => {
    const u = (reason: Uninformative['reason'], known: number): Uninformative => ({ criterionId: 'x', known, reason });
    expect(uninformativeNote(u('one known value', 1))).toBe(
      'contributes nothing to anyone: only one ranked site has a value',
    );
    expect(uninformativeFlag(u('no known value', 0))).toBe(
      'no known value among the ranked sites — contributes nothing',
    );
    expect(uninformativeFlag(u('all known values equal', 3))).toBe(
      'all 3 known values are equal — contributes nothing',
    );
    expect(missingNote('zero')).toBe('no value — scored 0, no credit');
    expect(missingNote('neutral')).toBe('no value — scored 0.5');
  });

  it('puts the shared rank, coverage and thin data in the map tooltip', () => {
    expect(markerResult(result({}))).toBe('#2= (0.500, coverage 42 % (20 % stale)), thin data');
    expect(markerResult(result({ tied: false, thin: false, staleCoverage: 0 }))).toBe('#2 (0.500, coverage 42 %)');
    expect(markerResult(result({ excluded: true, rank: null, score: null, reasons: ['too far'] }))).toBe(
      'excluded: too far',
    );
  });

  it('counts thin sites for the mode, and groups exclusions for thin data as one cause', () => {
    const results = [
      result({ siteId: 'a' }),
      result({
        siteId: 'b',
        excluded: true,
        rank: null,
        reasons: ['thin data: 10 % of the weight rests on known values, below the minimum of 50 %'],
      }),
      result({
        siteId: 'c',
        excluded: true,
        rank: null,
        reasons: ['thin data: 30 % of the weight rests on known values, below the minimum of 50 %'],
      }),
    ];
    expect(thinCount({ results, minCoverage: 0.5, thinData: 'mark' })).toBe('1 site marked thin data');
    expect(thinCount({ results, minCoverage: 0.5, thinData: 'exclude' })).toBe('2 sites left out for thin data');
    expect(thinCount({ results, minCoverage: 0, thinData: 'mark' })).toBe('');
    expect(exclusionCauses(results, [])).toEqual([{ constraint: THIN_DATA_CAUSE, count: 2, legality: false }]);
    expect(buildRows(results, new Map(), {})[0]).toMatchObject({ tied: true, coverage: 0.42, thin: true });
  });
});

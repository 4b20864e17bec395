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
import { ComparePanel } from '../../renderer/src/details/ComparePanel';
import { WeightsPanel } from '../../renderer/src/weights/WeightsPanel';
import { buildRows, exclusionCauses, THIN_DATA_CAUSE } from '../../renderer/src/ranking/ranking-model';
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
import type { FactKey } from '../../shared/calls/edit-calls';
import { plannersEstimate } from '../../shared/model/fact-source-decision';
import { inMemoryTransport } from './fake-backend';
import { allShownRows } from './ranking-scroll';

vi.mock('../../renderer/src/map/SiteMap', () => ({ SiteMap: () => <div data-testid="map" /> }));

afterEach(cleanup);

type Store = ReturnType<typeof createAppStore>;
type SiteScore = ScoreRun['results'][number];

/**
 * Cost first for a China-HQ lab owning its chips on 2025-12-15: every site is allowed, so all 75 are
 * ranked, on power price 0.35, build cost 0.25, land cost 0.15, tax 0.1 (each min-max, cost) and chip
 * legality 0.15 (1 for every site here, so 0.15 each). Figures from the seed (db/seed/derived-metrics.json):
 * power 5.07 (Gui'an) to 24.27 US¢/kWh (Tokyo), build 6.12 (Yangtze River Delta) to 15.2 US$/W (Tokyo),
 * land 262 (Kulai, Sedenak and the park's campuses) to 11 500 US$/m² (Singapore), tax 16.5 (Hong Kong)
 * to 30 % (Sydney, Mumbai); Johor is at Malaysia's statutory 24 %, not the JS-SEZ 5 % it had before.
 */
const COST_FIRST = { presetId: 'cost-first', profileId: 'cn-private-lab-owned', asOf: '2025-12-15' };

/**
 * A site added in Qingpu's market (the Yangtze River Delta) with no facts of its own: it inherits every
 * market figure, as the delta's eight seeded sites do (Qingpu, Wujiang and six campuses, none with a
 * cost fact of its own), so the nine score the same by construction.
 * The delta leads Cost first: power 8.8 → 0.35 × (24.27 − 8.8) / (24.27 − 5.07) = 0.282, the cheapest
 * build 0.25 × 1, land 3 000 → 0.15 × (11 500 − 3 000) / (11 500 − 262) = 0.113, tax 25 % → 0.1 × 5/13.5
 * = 0.037, chips 0.15: 0.832. Next, Beijing's market differs only in build 7.11 → 0.25 × 8.09/9.08 =
 * 0.223: 0.805.
 */
const TWIN = { id: 'cn-qingpu-twin', name: 'Qingpu twin' };
const TOP_TIE = [
  'cn-qingpu',
  TWIN.id,
  'cn-wujiang',
  'cn-china-telecom-lingang',
  'cn-pdg-shanghai',
  'cn-huawei-cloud-wuhu',
  'cn-zdata-wuhu',
  'cn-chayora-shanghai',
  'cn-capitaland-shanghai',
];

async function addTwin(client: Client): Promise<void> {
  await client.call('import.commit', {
    kind: 'sites-csv',
    content:
      'id,name,country,region,lat,lon,source_title,source_url,as_of\n' +
      `${TWIN.id},${TWIN.name},CN,cn-yrd,31.16,121.05,Survey,https://example.org/s,2025-03-01\n`,
  });
}

/** The data.apply key of every stored fact of a criterion: a site's own, else its market's. */
async function factKeys(client: Client, criterionId: string): Promise<FactKey[]> {
  return (await client.call('metrics.list', { criterionId })).map((f) =>
    f.siteId ? { criterionId, siteId: f.siteId } : { criterionId, marketId: f.marketId },
  );
}

async function workspace(
  ui: 'app' | 'weights' | 'compare',
  scenario: Record<string, string>,
  prepare?: (client: Client) => Promise<void>,
): Promise<{ store: Store; client: Client; close(): void }> {
  const { transport, backend } = inMemoryTransport();
  const client = createClient(transport);
  await prepare?.(client);
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

/**
 * Selects a site so that its row is scrolled into the ranking's window (above 60 sites only about 30
 * rows are rendered); jsdom has no layout, so the scroller is given a height first.
 */
const reveal = (store: Store, siteId: string): void => {
  const scroller = document.querySelector('table[aria-label="Ranking"]')?.parentElement;
  if (scroller) Object.defineProperty(scroller, 'clientHeight', { configurable: true, value: 400 });
  act(() => store.getState().select(siteId));
};

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
    const { store, close } = await workspace('app', COST_FIRST, addTwin);
    await waitFor(() => expect(document.querySelector(`tr[data-site="${TWIN.id}"]`)).not.toBeNull());

    // The delta's nine sites: one market's figures, the best score (0.832, see TWIN).
    for (const id of TOP_TIE) {
      expect(seenRank(id)).toBe('1=');
      expect(row(id).querySelector('.rank-cell .sr-only')?.textContent).toBe('1, shared');
    }
    // Navi Mumbai scores 0.706: power 6.71 → 0.35 × (24.27 − 6.71) / 19.20 = 0.320, build 6.64 →
    // 0.25 × (15.2 − 6.64) / 9.08 = 0.236, no land cost (0), tax 30 % → 0, chips 0.15; NTT Chandivali,
    // in the same market with no cost facts of its own, scores the same. Above them (tax 0.1 × 5/13.5 =
    // 0.037 at each Chinese hub): the nine at 0.832, the Beijing market's four at 0.805, Gui'an's two at
    // 0.35 + 0.223 + 0 + 0.037 + 0.15 = 0.760, Zhongwei's two at 0.757 and Inner Mongolia's four at
    // 0.742, 21 sites. Johor's 17 now come below them: power 0.35 × (24.27 − 10.61)/19.20 = 0.249, build
    // 0.25 × (15.2 − 11.37)/9.08 = 0.105, land 0.150 to 0.149 (262 to 349.5), tax 0.1 × 6/13.5 = 0.044,
    // chips 0.15: 0.699 to 0.698.
    reveal(store, 'in-navi-mumbai');
    expect(seenRank('in-navi-mumbai')).toBe('22=');
    reveal(store, 'in-ntt-chandivali');
    expect(seenRank('in-ntt-chandivali')).toBe('22=');
    // A rank of its own: Ashburn, alone in Northern Virginia (power 0.280 + no build + land 0.15 ×
    // (11 500 − 371)/11 238 = 0.149 + tax 0.1 × 4.43/13.5 = 0.033 + chips 0.15 = 0.611), below those 23,
    // Johor's 17, Shaoguan's three (0.282 + 0.223 + 0.037 + 0.15 = 0.692), Jakarta's three (0.334 +
    // 0.110 + 0.059 + 0.15 = 0.653) and Hong Kong's two (0.105 + 0.165 + 0.108 + 0.1 + 0.15 = 0.628, now
    // above it with the lowest tax): 48 sites, so 49; next below, Thailand's three at 0.494.
    reveal(store, 'us-ashburn');
    expect(seenRank('us-ashburn')).toBe('49');
    reveal(store, 'cn-qingpu');

    // Coverage beside the score, with what it means (and the stale part) in the tooltip. Qingpu has a
    // value for every weighted criterion; its land cost (0.15 of the weight) is from November 2023, more
    // than 365 days before the date.
    const qingpu = row('cn-qingpu').querySelector<HTMLElement>('.coverage-badge');
    expect(qingpu?.textContent).toBe('coverage 100 %');
    expect(qingpu?.title).toBe('coverage 100 % (15 % stale): share of the weight resting on known values');
    // Gui'an has no land cost (100 − 15 = 85 %), and its power price (0.35) is from 2020.
    reveal(store, 'cn-guian');
    expect(row('cn-guian').querySelector<HTMLElement>('.coverage-badge')?.title).toBe(
      'coverage 85 % (35 % stale): share of the weight resting on known values',
    );
    // Kulai's figures are all from the year before the date (the oldest, Johor's power tariff, 2025-06-20).
    reveal(store, 'my-kulai');
    expect(row('my-kulai').querySelector<HTMLElement>('.coverage-badge')?.title).toBe(
      'coverage 100 %: share of the weight resting on known values',
    );
    const every = allShownRows();
    expect(every).toHaveLength(75 + 1);
    for (const { element } of every.filter((r) => !r.className.includes('excluded'))) {
      expect(element.querySelector('.coverage-badge')?.textContent).toMatch(/^coverage \d+ %$/);
    }

    // Thin data in words, not colour: Batam has no power price, build or land cost, so its three sites
    // (Nongsa, BW Digital, NeutraDC) rest 0.1 + 0.15 = 25 % of the weight on known values. Every other
    // site has at least 60 % (Thailand's three lack build and land cost: 100 − 25 − 15).
    reveal(store, 'id-nongsa');
    const thin = within(row('id-nongsa')).getByText('thin data');
    expect(thin.title).toBe('thin data: less than 50 % of the weight rests on known values');
    expect(
      every
        .filter((r) => r.element.querySelector('.thin-badge'))
        .map((r) => r.site)
        .sort(),
    ).toEqual(['id-bw-digital-batam', 'id-neutradc-batam', 'id-nongsa']);
    reveal(store, 'cn-qingpu');
    expect(within(row('cn-qingpu')).queryByText('thin data')).toBeNull();

    // The nine share first place; the sentence names each of them (in its own order) and no other.
    const summary = screen.getByRole('note', { name: 'Top of the ranking' });
    const tie = /^(.*) tie for first with the same score: the data does not tell them apart\./m.exec(
      summary.textContent ?? '',
    );
    expect(tie).not.toBeNull();
    const names = new Map(store.getState().sites.map((s) => [s.id, s.name]));
    let rest = tie?.[1] ?? '';
    for (const id of TOP_TIE) {
      const name = names.get(id) ?? id;
      expect(rest).toContain(name);
      rest = rest.replace(name, '');
    }
    // Nothing left but the list's separators: seven commas and one "and".
    expect(rest).toBe(`${', '.repeat(TOP_TIE.length - 2)} and `);
    expect(summary.textContent).toContain('3 sites marked thin data (coverage below 50 %).');
    close();
  });

  it('states in the details pane what the score rests on, and what it does not', async () => {
    // Two edits make both sides of the pane certain: every market's tax rate set to 20 % (a criterion
    // that then tells no site apart), and the Yangtze River Delta's land cost marked missing (a gap for
    // Qingpu and Wujiang in a criterion that does differ between sites).
    const { store, close } = await workspace('app', COST_FIRST, async (client) => {
      const tax = await factKeys(client, 'tax_incentive');
      await client.call('data.apply', {
        table: 'metric_values',
        changes: [
          ...tax.map((key) => ({
            op: 'update' as const,
            key,
            // A changed value needs a source decision: this one is the test's own estimate.
            values: { value: 20, ...plannersEstimate('test edit: one tax rate for every market') },
          })),
          {
            op: 'update',
            key: { criterionId: 'land_cost_usd_m2', marketId: 'cn-yrd' },
            values: { missingReason: 'no land price for the delta (test edit)' },
          },
        ],
      });
    });
    await waitFor(() => expect(document.querySelector('tr[data-site="cn-qingpu"]')).not.toBeNull());
    act(() => store.getState().select('cn-qingpu'));
    const pane = await screen.findByRole('region', { name: 'Score contributions' });
    const heading = within(pane).getByRole('heading');
    // Power 8.8 → 0.35 × (24.27 − 8.8) / (24.27 − 5.07) = 0.282, the cheapest build 0.25, no land cost,
    // tax 0 for everyone, chips 0.15: 0.682, as the delta's seven other sites. Above: the Beijing market's
    // four (0.282 + 0.25 × 8.09/9.08 + 0.15 × 8 500/11 238 + 0.15 = 0.768), Gui'an's two 0.723,
    // Zhongwei's two 0.720, Mumbai's two 0.706 and Inner Mongolia's four 0.705 (Johor, without its tax
    // edge, falls to 0.655): 14 sites, so rank 15, shared.
    expect(heading.textContent).toContain('Score 0.682 (rank 15=');
    // Everything but land cost is known (0.35 + 0.25 + 0.1 + 0.15), none of it older than 365 days.
    expect(pane.querySelector('.coverage-line')?.textContent).toBe(
      'coverage 85 %: share of the weight resting on known values.',
    );
    const line = (name: string): Element | undefined =>
      [...pane.querySelectorAll('.contribution')].find(
        (c) => c.querySelector('.contribution-name')?.textContent === name,
      );
    // A gap is said in words instead of drawn as a bar of 0.
    expect(line('Land cost')?.querySelector('.contribution-words')?.textContent).toBe('no value — scored 0, no credit');
    expect(line('Land cost')?.querySelector('.contribution-bar')).toBeNull();
    // Every tax rate is the same (all 75 sites are ranked, each with its market's 20 %): it gives
    // nobody anything, and shows no contribution.
    expect(line('Incentive tax rate')?.querySelector('.contribution-words')?.textContent).toBe(
      'contributes nothing to anyone: all 75 known values are equal',
    );
    expect(line('Incentive tax rate')?.querySelector('.contribution-value')?.textContent).toBe('');
    expect(line('Power price')?.querySelector('.contribution-bar')).not.toBeNull();
    close();
  });
});

describe('the compare panel', () => {
  it('shows both sites at the shared rank with their coverage, and does not call either the winner', async () => {
    const { store, close } = await workspace('compare', COST_FIRST, addTwin);
    act(() => {
      store.getState().toggleCompare('cn-qingpu');
      store.getState().toggleCompare(TWIN.id);
    });
    const panel = screen.getByRole('region', { name: 'Compare sites' });
    const rankRow = within(panel).getByRole('rowheader', { name: 'Rank' }).closest('tr');
    expect([...(rankRow?.querySelectorAll('td [aria-hidden="true"]') ?? [])].map((c) => c.textContent)).toEqual([
      '1=',
      '1=',
    ]);
    // Both have a value for every weighted criterion (the twin inherits them all).
    expect([...panel.querySelectorAll('.compare-total .coverage-badge')].map((c) => c.textContent)).toEqual([
      'coverage 100 %',
      'coverage 100 %',
    ]);
    // The same facts: the shared explanation says so instead of naming a winner.
    expect(within(panel).getByRole('note', { name: 'Why the leader wins' }).textContent).toBe(
      'Qingpu (Shanghai) and Qingpu twin score the same on every criterion.',
    );
    close();
  });
});

describe('the weights drawer', () => {
  it('flags a weighted criterion with no spread beside its slider, and says why', async () => {
    // Frontier training weighs the WGI percentile and the renewable share (0.05 each). Edits take away
    // every WGI figure, and every renewable share but Johor's. Chips are allowed for this profile, and
    // the preset's 100 MW minimum reads each site's own existing + planned MW (db/seed/derived-metrics.json,
    // `sites`), so 12 of Johor's 17 sites are ranked: Sedenak Tech Park 160.53, Kulai 500, AirTrunk JHB1
    // 50 + 100, JHB2 270, JHB3-4 280, STT Johor 120, Bridge MY07 400, Bridge MY06 110, Vantage JHB1 300,
    // PDG JH1 52 + 98, Stack 220 and Logos 360; Nusajaya 69.5 and TM-Nxera 64 fall short, and Pulai,
    // Equinix JH1 and Microsoft's Kulai site have no capacity. The 12 share Johor's one figure. (Singapore,
    // the market kept before, has no site of 100 MW of its own: its biggest, AirTrunk SGP1 at Loyang, is 78.)
    const { close } = await workspace('weights', { ...COST_FIRST, presetId: 'frontier-training' }, async (client) => {
      const gone = { missingReason: 'withheld for this test' };
      const wgi = await factKeys(client, 'rq_percentile');
      const renewable = (await factKeys(client, 'renewable_share_pct')).filter((key) => key.marketId !== 'my-johor');
      await client.call('data.apply', {
        table: 'metric_values',
        changes: [
          ...wgi.map((key) => ({ op: 'update' as const, key, values: gone })),
          ...renewable.map((key) => ({ op: 'update' as const, key, values: gone })),
        ],
      });
    });
    const flagOf = (name: string): string | null => {
      const id = screen.getByRole('slider', { name }).getAttribute('aria-describedby');
      return id === null ? null : (document.getElementById(id)?.textContent ?? null);
    };
    expect(flagOf('Regulatory quality (WGI)')).toBe('⚠ no known value among the ranked sites — contributes nothing');
    expect(flagOf('Renewable share')).toBe('⚠ all 12 known values are equal — contributes nothing');
    // Every ranked site is allowed its chips (1), but on an absolute scale that is full credit, not "no spread".
    expect(flagOf('Chip legality')).toBeNull();
    close();
  });

  it('sets the minimum coverage and what happens below it; both reach score.run and score.matrix and undo', async () => {
    const { store, client, close } = await workspace('weights', COST_FIRST);
    const minimum = screen.getByRole('combobox', { name: 'Min. coverage' }) as HTMLSelectElement;
    const below = screen.getByRole('combobox', { name: 'Below it' }) as HTMLSelectElement;
    expect(minimum.value).toBe('0.5');
    expect(below.value).toBe('mark');
    // Batam's three sites alone are below 50 % (25 %: see the ranking above).
    expect(document.getElementById('weights-min-coverage-explain')?.textContent).toBe(
      'thin data: less than 50 % of the weight rests on known values — 3 sites marked thin data.',
    );

    fireEvent.change(minimum, { target: { value: '0.7' } });
    fireEvent.change(below, { target: { value: 'exclude' } });
    await waitFor(() => expect(store.getState().score?.thinData).toBe('exclude'));
    const score = store.getState().score;
    expect(score?.minCoverage).toBe(0.7);
    // Sydney has no power price: Macquarie Park rests 0.25 + 0.15 + 0.1 + 0.15 = 65 % of its weight on
    // known values, and is left out, with the reason.
    const macquarie = score?.results.find((r) => r.siteId === 'au-macquarie-park');
    expect(macquarie?.excluded).toBe(true);
    expect(macquarie?.reasons[0]).toMatch(/^thin data: 65 % of the weight rests on known values/);
    // Northern Virginia has no build cost: Ashburn's 75 % clears the minimum.
    expect(score?.results.find((r) => r.siteId === 'us-ashburn')?.excluded).toBe(false);
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

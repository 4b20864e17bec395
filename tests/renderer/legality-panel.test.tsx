// @vitest-environment jsdom
// The legality question in the scenario bar (workload, best lawful chip or every chip, tiers counted)
// and the selected site's legality panel, against the real backend in memory: the controls are sent
// with every scoring and legality call and undone like other scenario edits; the panel names chips
// by vendor and name, shows each regime's verdict, and keeps quiet events collapsed.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { legalityHeadline, lawfulCompute, tierFlag } from '../../renderer/src/details/legality-answer';
import { LegalityChain } from '../../renderer/src/details/LegalityChain';
import { ScenarioBar } from '../../renderer/src/scenario/ScenarioBar';
import { ServicesProvider } from '../../renderer/src/context';
import { countryStatuses } from '../../renderer/src/map/useCountryLegality';
import { ACCEPTABLE_STATUSES, describeConstraint } from '../../renderer/src/weights/constraint-rules';
import { createAppStore } from '../../renderer/src/store';
import { inMemoryTransport } from './fake-backend';

afterEach(cleanup);

interface Sent {
  name: string;
  input: Record<string, unknown>;
}

async function setup(asOf = '2025-12-01'): Promise<{
  store: ReturnType<typeof createAppStore>;
  client: ReturnType<typeof createClient>;
  sent: Sent[];
  close(): void;
}> {
  const { transport, backend } = inMemoryTransport();
  const sent: Sent[] = [];
  const recording: Transport = {
    ...transport,
    call: (name, input) => {
      sent.push({ name, input: structuredClone(input) as Record<string, unknown> });
      return transport.call(name, input);
    },
  };
  const client = createClient(recording);
  const store = createAppStore();
  await store.getState().load(client);
  await store.getState().setScenario(client, { presetId: 'cost-first', profileId: 'cn-private-lab-rented', asOf });
  return { store, client, sent, close: () => backend.close() };
}

const last = (sent: Sent[], name: string): Record<string, unknown> | undefined =>
  sent.filter((s) => s.name === name).at(-1)?.input;

const CATALOGUE = [
  { id: 'huawei-ascend-910c', vendor: 'Huawei', name: 'Ascend 910C', tpp: 12800 },
  { id: 'nvidia-b200', vendor: 'Nvidia', name: 'B200', tpp: 36000 },
];
const chip = (chipId: string, status: 'allowed' | 'licence_denial') => ({
  chipId,
  status,
  reason: '',
  score: 0,
  confidence: null,
  regimes: [],
  events: [],
});

describe('legality answer in words', () => {
  it('names the chip behind the answer, and the strongest chip when it fares worse', () => {
    const answer = {
      status: 'allowed' as const,
      chipId: 'huawei-ascend-910c',
      // The engine names the strongest chip when it fares worse (site-legality.ts).
      strongestChipId: 'nvidia-b200',
      mode: 'best' as const,
      chips: [chip('nvidia-b200', 'licence_denial'), chip('huawei-ascend-910c', 'allowed')],
      lawfulTpp: 12800,
      lawfulChipId: 'huawei-ascend-910c',
    };
    expect(legalityHeadline(answer, CATALOGUE)).toBe(
      'Allowed with Huawei Ascend 910C · Nvidia B200 Licence, presumption of denial',
    );
    expect(lawfulCompute(answer, CATALOGUE)).toBe('12,800 TPP (Huawei Ascend 910C)');
    expect(lawfulCompute({ ...answer, lawfulTpp: 0, lawfulChipId: null }, CATALOGUE)).toBe('none without a licence');
    expect(
      legalityHeadline({ ...answer, mode: 'all', status: 'licence_denial', chipId: 'nvidia-b200' }, CATALOGUE),
    ).toBe('Licence, presumption of denial with Nvidia B200 (the most restricted of 2 chips)');
    expect(legalityHeadline({ ...answer, strongestChipId: null }, CATALOGUE)).toBe('Allowed with Huawei Ascend 910C');
    expect(tierFlag('rule')).toBeNull();
    expect(tierFlag(null)).toBeNull();
    expect(tierFlag('announced')).toMatch(/announced/);
    expect(tierFlag('reported')).toMatch(/press/);
  });

  it('shades a country by the most restrictive of its sites', () => {
    const sites = [
      { id: 'a', country: 'MY' },
      { id: 'b', country: 'MY' },
      { id: 'c', country: 'SG' },
    ];
    expect(
      countryStatuses(sites, {
        a: { status: 'conditional' },
        b: { status: 'licence_denial' },
        c: { status: 'allowed' },
      }),
    ).toEqual({ MY: 'licence_denial', SG: 'allowed' });
  });

  it('offers a licence under a presumption of denial as an acceptable status', () => {
    expect(ACCEPTABLE_STATUSES).toContain('licence_denial');
    expect(describeConstraint({ kind: 'chips_legal', allow: ['allowed', 'conditional', 'licence_denial'] }, [])).toBe(
      'Exclude sites where chip legality is prohibited or licence-required',
    );
  });
});

describe('legality controls in the scenario bar', () => {
  it('sends the workload, mode and tiers with scoring and re-ranks; undo takes them back', async () => {
    const { store, client, sent, close } = await setup();
    render(
      <ServicesProvider client={client} store={store}>
        <ScenarioBar />
      </ServicesProvider>,
    );
    expect(last(sent, 'score.run')).toMatchObject({
      workload: 'training',
      legalityMode: 'best',
      confidenceFloor: 'reported',
    });
    // The three choices sit behind one compact button that says the current question.
    const question = screen.getByRole('button', { name: 'Legality question Training · best chip · all tiers' });
    expect(question.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(question);
    expect(question.getAttribute('aria-expanded')).toBe('true');
    fireEvent.change(screen.getByRole('combobox', { name: 'Workload' }), { target: { value: 'inference' } });
    await waitFor(() => expect(last(sent, 'score.run')).toMatchObject({ workload: 'inference' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Legality' }), { target: { value: 'all' } });
    await waitFor(() => expect(last(sent, 'score.run')).toMatchObject({ workload: 'inference', legalityMode: 'all' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Count' }), { target: { value: 'rule' } });
    await waitFor(() => expect(last(sent, 'score.run')).toMatchObject({ confidenceFloor: 'rule' }));
    expect(screen.getByRole('button', { name: 'Legality question Inference · every chip · rules only' })).toBeTruthy();
    // The ranking's legality comes with score.matrix for the same question, one call for every site.
    await waitFor(() =>
      expect(last(sent, 'score.matrix')).toMatchObject({
        workload: 'inference',
        legalityMode: 'all',
        confidenceFloor: 'rule',
      }),
    );
    await waitFor(() => expect(Object.keys(store.getState().legality?.sites ?? {}).length).toBeGreaterThan(0));
    expect(sent.filter((s) => s.name === 'legality.site')).toHaveLength(0);

    expect(store.getState().history.past).toHaveLength(3);
    await store.getState().undo(client);
    expect(store.getState().scenario.confidenceFloor).toBe('reported');
    expect(last(sent, 'score.run')).toMatchObject({ confidenceFloor: 'reported', legalityMode: 'all' });
    await store.getState().undo(client);
    await store.getState().undo(client);
    expect(store.getState().scenario).toMatchObject({ workload: 'training', legalityMode: 'best' });
    expect((screen.getByRole('combobox', { name: 'Workload' }) as HTMLSelectElement).value).toBe('training');
    close();
  });
});

describe('the site legality panel', () => {
  it('heads with the answer and its chip, tables each regime, and collapses events that do not bind', async () => {
    const { store, client, sent, close } = await setup();
    render(
      <ServicesProvider client={client} store={store}>
        <LegalityChain siteId="cn-beijing-yizhuang" />
      </ServicesProvider>,
    );
    const panel = await screen.findByRole('region', { name: 'Chip legality' });
    expect(last(sent, 'legality.site')).toMatchObject({
      siteId: 'cn-beijing-yizhuang',
      workload: 'training',
      legalityMode: 'best',
      confidenceFloor: 'reported',
    });
    const headline = panel.querySelector('.legality-answer')?.textContent ?? '';
    expect(headline).toBe('Licence, presumption of denial with Nvidia B200');
    expect(panel.querySelector('.lawful-compute')?.textContent).toBe('none without a licence');

    // The deciding chip is open, the others one click away.
    const b200 = panel.querySelector('details[data-chip="nvidia-b200"]') as HTMLDetailsElement;
    const h200 = panel.querySelector('details[data-chip="nvidia-h200"]') as HTMLDetailsElement;
    expect(b200.open).toBe(true);
    expect(h200.open).toBe(false);
    expect(within(b200).getByText('Nvidia B200')).toBeTruthy();

    const table = within(b200).getByRole('table', { name: 'Regimes for Nvidia B200' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toContainEqual(['US destination controls', 'Licence, presumption of denial', expect.any(String)]);
    expect(rows.find((r) => r[0] === 'US destination controls')?.[2]).not.toBe('');
    expect(rows).toContainEqual(['US headquarters controls', 'does not bind', '']);

    // Out-of-scope rows sit in a collapsed group; the deciding event is in the open chain with its why.
    const quiet = b200.querySelector('details.chain-quiet') as HTMLDetailsElement;
    expect(quiet.open).toBe(false);
    expect(quiet.querySelector('li.role-out-of-scope')).not.toBeNull();
    const decides = b200.querySelector(':scope > ol.chain > li.role-decides');
    expect(decides?.textContent).toContain('the most restrictive binding event');
    expect(b200.querySelector(':scope > ol.chain > li.role-out-of-scope')).toBeNull();
    close();
  });

  it('names the strongest chip when the best lawful one is weaker, and flags answers resting on press reports', async () => {
    const { store, client, sent, close } = await setup();
    await store.getState().setScenario(client, { profileId: 'cn-private-lab-owned' });
    render(
      <ServicesProvider client={client} store={store}>
        <LegalityChain siteId="cn-beijing-yizhuang" />
      </ServicesProvider>,
    );
    const panel = await screen.findByRole('region', { name: 'Chip legality' });
    await waitFor(() =>
      expect(panel.querySelector('.legality-answer')?.textContent).toBe(
        'Allowed with Huawei Ascend 910C · Nvidia H200 Licence, presumption of denial',
      ),
    );
    expect(panel.querySelector('.lawful-compute')?.textContent).toBe('12,800 TPP (Huawei Ascend 910C)');
    expect(panel.querySelector('.legality-facts .tier-flag')).toBeNull();

    // ByteDance's training answer rests on press reports: flagged; counting rules only drops them.
    await store.getState().setScenario(client, { profileId: 'bytedance' });
    const flagOf = (): string | null | undefined =>
      document.querySelector('.legality .legality-facts .tier-flag')?.getAttribute('data-confidence');
    await waitFor(() => expect(flagOf()).toBe('reported'));
    await store.getState().setScenario(client, { confidenceFloor: 'rule' });
    await waitFor(() =>
      expect(last(sent, 'legality.site')).toMatchObject({ profileId: 'bytedance', confidenceFloor: 'rule' }),
    );
    const after = await screen.findByRole('region', { name: 'Chip legality' });
    await waitFor(() =>
      expect(after.querySelector('.legality-headline')?.getAttribute('data-status')).not.toBe('prohibited'),
    );
    expect(after.querySelector('.legality-facts .tier-flag')).toBeNull();
    expect(after.querySelector('li.role-not-counted')).not.toBeNull();
    close();
  });
});

// @vitest-environment jsdom
// "Save as preset…" and "Update preset" in the weights panel against the real backend in memory: the
// scenario on screen becomes a preset that scores exactly as the overrides did, is selected with no
// overrides left, and built-in presets are never offered for overwriting.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { ScenarioBar } from '../../renderer/src/scenario/ScenarioBar';
import { WeightsPanel } from '../../renderer/src/weights/WeightsPanel';
import { ServicesProvider } from '../../renderer/src/context';
import { createAppStore, NO_OVERRIDES } from '../../renderer/src/store';
import { inMemoryTransport } from './fake-backend';

afterEach(cleanup);

interface Sent {
  name: string;
  input: Record<string, unknown>;
}

async function renderPanel(): Promise<{
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
  await store
    .getState()
    .setScenario(client, { presetId: 'cost-first', profileId: 'cn-private-lab-rented', asOf: '2026-01-15' });
  render(
    <ServicesProvider client={client} store={store}>
      <ScenarioBar />
      <WeightsPanel />
    </ServicesProvider>,
  );
  return { store, client, sent, close: () => backend.close() };
}

const inputsOf = (sent: Sent[], name: string): Record<string, unknown>[] =>
  sent.filter((s) => s.name === name).map((s) => s.input);
/** Site id → score (null when excluded), for comparing two scorings. */
const scores = (store: ReturnType<typeof createAppStore>): Record<string, number | null> =>
  Object.fromEntries((store.getState().score?.results ?? []).map((r) => [r.siteId, r.score]));

describe('save as preset', () => {
  it('creates a preset from the scenario on screen, selects it, and it scores the same without overrides', async () => {
    const { store, client, sent, close } = await renderPanel();
    const cap = { kind: 'max', criterionId: 'grid_carbon_g_kwh', value: 600 } as const;
    const weights = {
      chip_legality: 0.4,
      power_price_usc_kwh: 0.3,
      build_cost_usd_w: 0.3,
      land_cost_usd_m2: 0,
      tax_incentive: 0,
    };
    await store.getState().setScenario(client, { weights });
    await store.getState().setScenario(client, {
      constraints: [{ kind: 'chips_legal', allow: ['allowed', 'conditional'] }, cap],
    });
    await store.getState().setScenario(client, { method: 'wpm' });
    await store.getState().setScenario(client, { normalisation: 'vector' });
    const before = scores(store);
    expect(Object.values(before).some((s) => s !== null)).toBe(true);

    // Built-in presets cannot be overwritten: no Update button for them.
    expect(screen.queryByRole('button', { name: /^Update/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save as preset…' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Save as a new preset' }));
    const name = dialog.getByRole('textbox', { name: 'Name' });
    expect(document.activeElement).toBe(name);
    fireEvent.click(dialog.getByRole('button', { name: 'Save' }));
    expect(dialog.getByRole('alert').textContent).toBe('Give the preset a name.');
    fireEvent.change(name, { target: { value: ' cost FIRST ' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Save' }));
    expect(dialog.getByRole('alert').textContent).toBe('There is already a preset called "cost FIRST".');
    expect(inputsOf(sent, 'presets.create')).toEqual([]);

    fireEvent.change(name, { target: { value: 'Cheap and clean' } });
    fireEvent.change(dialog.getByRole('textbox', { name: 'Description (optional)' }), {
      target: { value: 'Cost first, capped grid carbon, WPM.' },
    });
    fireEvent.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(store.getState().scenario.presetId).not.toBe('cost-first'));

    expect(inputsOf(sent, 'presets.create')).toEqual([
      {
        name: 'Cheap and clean',
        description: 'Cost first, capped grid carbon, WPM.',
        method: 'wpm',
        weights: { chip_legality: 0.4, power_price_usc_kwh: 0.3, build_cost_usd_w: 0.3 },
        constraints: [{ kind: 'chips_legal', allow: ['allowed', 'conditional'] }, cap],
        normalisation: 'vector',
        basedOn: 'cost-first',
      },
    ]);
    const { scenario, history, choices } = store.getState();
    const saved = choices.presets.find((p) => p.id === scenario.presetId);
    expect(saved).toMatchObject({ name: 'Cheap and clean', builtin: false, method: 'wpm', normalisation: 'vector' });
    expect(scenario).toMatchObject(NO_OVERRIDES);
    expect(history).toEqual({ past: [], future: [] });
    // Selected in the scenario bar's Preset select, and scored from the preset alone, as before.
    const select = screen.getByRole('combobox', { name: 'Preset' }) as HTMLSelectElement;
    expect(select.value).toBe(saved?.id);
    expect(select.selectedOptions[0]?.textContent).toBe('Cheap and clean');
    await waitFor(() => expect(store.getState().score?.preset.id).toBe(saved?.id));
    const last = inputsOf(sent, 'score.run').at(-1) ?? {};
    // No preset override is sent; the legality question and the coverage settings always are.
    expect(Object.keys(last).sort()).toEqual([
      'asOf',
      'confidenceFloor',
      'legalityMode',
      'minCoverage',
      'presetId',
      'profileId',
      'thinData',
      'workload',
    ]);
    const after = scores(store);
    for (const [id, s] of Object.entries(before)) {
      if (s === null) expect(after[id]).toBeNull();
      else expect(after[id]).toBeCloseTo(s, 12);
    }
    expect(screen.getByText('Saved "Cheap and clean" and selected it.').getAttribute('role')).toBe('status');
    close();
  });

  it('updates the active user preset in place with the scenario on screen', async () => {
    const { store, client, sent, close } = await renderPanel();
    const created = await client.call('presets.create', { name: 'Mine', basedOn: 'cost-first' });
    await store.getState().reloadPresets(client, created.id);
    const update = await screen.findByRole('button', { name: 'Update “Mine”' });
    expect((update as HTMLButtonElement).disabled).toBe(true);

    await store.getState().setScenario(client, { normalisation: 'max' });
    await store.getState().setScenario(client, { constraints: [] });
    await waitFor(() => expect((update as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(update);
    await waitFor(() => expect(inputsOf(sent, 'presets.update')).toHaveLength(1));
    const input = inputsOf(sent, 'presets.update')[0] ?? {};
    expect(input).toMatchObject({
      id: created.id,
      method: created.method,
      constraints: [],
      normalisation: 'max',
    });
    const weightSum = Object.values(input.weights as Record<string, number>).reduce((s, w) => s + w, 0);
    expect(weightSum).toBeCloseTo(1, 12);
    await waitFor(() =>
      expect(store.getState().choices.presets.find((p) => p.id === created.id)).toMatchObject({
        normalisation: 'max',
        constraints: [],
      }),
    );
    expect(store.getState().scenario).toMatchObject({ presetId: created.id, ...NO_OVERRIDES });
    expect(screen.getByText('Updated "Mine".').getAttribute('role')).toBe('status');
    close();
  });
});

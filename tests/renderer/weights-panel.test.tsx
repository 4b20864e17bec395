// @vitest-environment jsdom
// The weights panel against the real backend in memory: grouped sliders that always total 100 %, locks,
// showing every criterion, resetting, and live re-scoring as a slider moves.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../renderer/src/api/client';
import { WeightsPanel } from '../../renderer/src/weights/WeightsPanel';
import { ServicesProvider } from '../../renderer/src/context';
import { createAppStore } from '../../renderer/src/store';
import { inMemoryTransport } from './fake-backend';

afterEach(cleanup);

type Setup = ReturnType<typeof inMemoryTransport> & { store: ReturnType<typeof createAppStore> };

async function renderPanel(): Promise<Setup> {
  const setup = inMemoryTransport();
  const client = createClient(setup.transport);
  const store = createAppStore();
  await store.getState().load(client);
  render(
    <ServicesProvider client={client} store={store}>
      <WeightsPanel />
    </ServicesProvider>,
  );
  return { ...setup, store };
}

const sum = (w: Record<string, number>): number => Object.values(w).reduce((s, v) => s + v, 0);

function shownPercents(): number[] {
  return screen.getAllByRole('status').map((o) => Number.parseInt(o.textContent ?? '', 10));
}

describe('WeightsPanel', () => {
  it("groups the preset's criteria by category, shows percentages that total 100, and can show all", async () => {
    const { store, backend } = await renderPanel();
    const { presetId } = store.getState().scenario;
    const preset = store.getState().choices.presets.find((p) => p.id === presetId);
    if (!preset) throw new Error('no preset loaded');
    const inPreset = Object.keys(preset.weights);
    expect(screen.getAllByRole('slider')).toHaveLength(inPreset.length);
    expect(shownPercents().reduce((s, v) => s + v, 0)).toBe(100);
    const chip = screen.getByRole('group', { name: 'Chip legality' });
    expect(within(chip).getByRole('slider', { name: 'Chip legality' })).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Show all criteria' }));
    const all = store.getState().choices.criteria;
    expect(screen.getAllByRole('slider')).toHaveLength(all.length);
    const hidden = all.find((c) => !inPreset.includes(c.id));
    if (!hidden) throw new Error('the preset weights every criterion');
    expect((screen.getByRole('slider', { name: hidden.name }) as HTMLInputElement).value).toBe('0');
    for (const group of ['Connectivity', 'Cost', 'Regulatory stability', 'Power', 'Water and climate', 'Carbon']) {
      expect(screen.getByRole('group', { name: group })).toBeTruthy();
    }
    backend.close();
  });

  it('re-scores as a slider moves, keeps the total at 1 and leaves a locked weight alone', async () => {
    const { store, backend, calls } = await renderPanel();
    const before = store.getState().score?.weights;
    if (!before) throw new Error('not scored');
    const lockedBefore = before.chip_legality;

    const lock = screen.getByRole('button', { name: 'Lock Chip legality' });
    expect(lock.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(lock);
    expect(lock.getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByRole('slider', { name: 'Chip legality' }) as HTMLInputElement).disabled).toBe(true);

    const scored = calls.filter((c) => c === 'score.run').length;
    const slider = screen.getByRole('slider', { name: 'Power price' }) as HTMLInputElement;
    fireEvent.change(slider, { target: { value: '40' } });
    const weights = store.getState().scenario.weights;
    if (!weights) throw new Error('moving a slider did not set the weights');
    expect(weights.power_price_usc_kwh).toBeCloseTo(0.4, 12);
    expect(weights.chip_legality).toBeCloseTo(lockedBefore ?? NaN, 12);
    expect(Math.abs(sum(weights) - 1)).toBeLessThan(1e-9);
    for (const v of Object.values(weights)) expect(v).toBeGreaterThanOrEqual(0);

    await waitFor(() => expect(store.getState().score?.weights.power_price_usc_kwh).toBeCloseTo(0.4, 9));
    const after = store.getState().score?.weights ?? {};
    expect(after).not.toEqual(before);
    expect(after.chip_legality).toBeCloseTo(lockedBefore ?? NaN, 9);
    // Scored at once (live, or by score.run while the matrix is on its way); score.run has the last word.
    await waitFor(() => expect(calls.filter((c) => c === 'score.run').length).toBe(scored + 1));
    expect(slider.value).toBe('40');
    expect(shownPercents().reduce((s, v) => s + v, 0)).toBe(100);

    // Dragging: every input event re-scores; the last one wins.
    for (const v of ['41', '42', '43']) fireEvent.change(slider, { target: { value: v } });
    await waitFor(() => expect(store.getState().score?.weights.power_price_usc_kwh).toBeCloseTo(0.43, 9));
    expect(store.getState().score?.weights.chip_legality).toBeCloseTo(lockedBefore ?? NaN, 9);
    backend.close();
  });

  it('adds a criterion the preset leaves out, and resets to the preset', async () => {
    const { store, backend } = await renderPanel();
    const before = store.getState().score?.weights ?? {};
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show all criteria' }));
    const missing = store.getState().choices.criteria.find((c) => !(c.id in before));
    if (!missing) throw new Error('every criterion is already scored');
    fireEvent.change(screen.getByRole('slider', { name: missing.name }), { target: { value: '10' } });
    await waitFor(() => expect(store.getState().score?.weights[missing.id]).toBeCloseTo(0.1, 9));
    // Still listed once "show all" is off again, since it now has weight.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show all criteria' }));
    expect(screen.getByRole('slider', { name: missing.name })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Reset to preset' }));
    expect(store.getState().scenario.weights).toBeNull();
    await waitFor(() => expect(store.getState().score?.weights).toEqual(before));
    expect(screen.queryByRole('slider', { name: missing.name })).toBeNull();
    expect((screen.getByRole('button', { name: 'Reset to preset' }) as HTMLButtonElement).disabled).toBe(true);
    backend.close();
  });
});

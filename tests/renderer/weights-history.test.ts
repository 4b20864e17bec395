// Undo and redo of weight edits: a drag is one edit; another preset starts a fresh history.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../renderer/src/api/client';
import { createAppStore, WEIGHT_EDIT_COALESCE_MS } from '../../renderer/src/store';
import { inMemoryTransport } from './fake-backend';

afterEach(() => {
  vi.useRealTimers();
});

describe('weight history', () => {
  it('undoes and redoes weight edits, treating a burst of changes as one edit', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { transport, backend } = inMemoryTransport();
    const client = createClient(transport);
    const store = createAppStore();
    await store.getState().load(client);
    const a = { chip_legality: 0.5, power_price_usc_kwh: 0.5 };
    const b1 = { chip_legality: 0.6, power_price_usc_kwh: 0.4 };
    const b2 = { chip_legality: 0.7, power_price_usc_kwh: 0.3 };
    await store.getState().setScenario(client, { weights: a });
    vi.advanceTimersByTime(WEIGHT_EDIT_COALESCE_MS + 1);
    await store.getState().setScenario(client, { weights: b1 });
    vi.advanceTimersByTime(50);
    await store.getState().setScenario(client, { weights: b2 });
    expect(store.getState().weightHistory.past).toEqual([null, a]);

    await store.getState().undoWeights(client);
    expect(store.getState().scenario.weights).toEqual(a);
    // Overrides merge over the preset's weights, so compare the two overridden weights' ratio.
    const ratio = (): number => {
      const w = store.getState().score?.weights ?? {};
      return (w.chip_legality ?? 0) / (w.power_price_usc_kwh ?? 1);
    };
    expect(ratio()).toBeCloseTo(1);
    await store.getState().undoWeights(client);
    expect(store.getState().scenario.weights).toBeNull();
    await store.getState().redoWeights(client);
    await store.getState().redoWeights(client);
    expect(store.getState().scenario.weights).toEqual(b2);
    expect(ratio()).toBeCloseTo(7 / 3);

    const other = store.getState().choices.presets.find((p) => p.id !== store.getState().scenario.presetId)?.id;
    await store.getState().setScenario(client, { presetId: other ?? null });
    expect(store.getState().weightHistory).toEqual({ past: [], future: [] });
    backend.close();
  });
});

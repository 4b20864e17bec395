// Undo and redo of scenario edits (weights, constraints, method, normalisation): a drag is one edit,
// every other change is an edit of its own, and another preset starts a fresh history.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../renderer/src/api/client';
import {
  createAppStore,
  DEFAULT_COVERAGE_CHOICE,
  DEFAULT_LEGALITY_CHOICE,
  NO_OVERRIDES,
  WEIGHT_EDIT_COALESCE_MS,
  type ScenarioEdit,
} from '../../renderer/src/store';
import { inMemoryTransport } from './fake-backend';

afterEach(() => {
  vi.useRealTimers();
});

async function loaded(): Promise<{
  store: ReturnType<typeof createAppStore>;
  client: ReturnType<typeof createClient>;
  close: () => void;
  calls: string[];
}> {
  const { transport, backend, calls } = inMemoryTransport();
  const client = createClient(transport);
  const store = createAppStore();
  await store.getState().load(client);
  return { store, client, close: () => backend.close(), calls };
}

describe('scenario history', () => {
  it('undoes and redoes weight edits, treating a burst of changes as one edit', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { store, client, close } = await loaded();
    const a = { chip_legality: 0.5, power_price_usc_kwh: 0.5 };
    const b1 = { chip_legality: 0.6, power_price_usc_kwh: 0.4 };
    const b2 = { chip_legality: 0.7, power_price_usc_kwh: 0.3 };
    const drag = { gesture: true };
    await store.getState().setScenario(client, { weights: a }, drag);
    vi.advanceTimersByTime(WEIGHT_EDIT_COALESCE_MS + 1);
    await store.getState().setScenario(client, { weights: b1 }, drag);
    vi.advanceTimersByTime(50);
    await store.getState().setScenario(client, { weights: b2 }, drag);
    expect(store.getState().history.past.map((e) => e.weights)).toEqual([null, a]);

    await store.getState().undo(client);
    expect(store.getState().scenario.weights).toEqual(a);
    // Overrides merge over the preset's weights, so compare the two overridden weights' ratio.
    const ratio = (): number => {
      const w = store.getState().score?.weights ?? {};
      return (w.chip_legality ?? 0) / (w.power_price_usc_kwh ?? 1);
    };
    expect(ratio()).toBeCloseTo(1);
    await store.getState().undo(client);
    expect(store.getState().scenario.weights).toBeNull();
    await store.getState().redo(client);
    await store.getState().redo(client);
    expect(store.getState().scenario.weights).toEqual(b2);
    expect(ratio()).toBeCloseTo(7 / 3);

    const other = store.getState().choices.presets.find((p) => p.id !== store.getState().scenario.presetId)?.id;
    await store.getState().setScenario(client, { presetId: other ?? null });
    expect(store.getState().history).toEqual({ past: [], future: [] });
    close();
  });

  it('undoes constraints, method and normalisation edits one at a time, and re-scores each time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { store, client, close } = await loaded();
    await store.getState().setScenario(client, { presetId: 'cost-first', profileId: 'cn-private-lab-rented' });
    const edits: ScenarioEdit[] = [];
    const excluded = (): number => store.getState().score?.results.filter((r) => r.excluded).length ?? -1;
    const presetExcluded = excluded();

    const cap = { kind: 'max', criterionId: 'power_price_usc_kwh', value: 8 } as const;
    await store.getState().setScenario(
      client,
      { weights: { power_price_usc_kwh: 0.6, chip_legality: 0.4 } },
      {
        gesture: true,
      },
    );
    // No wait: weights set by a button (AHP's Apply) right after a drag are an edit of their own, as
    // is a constraint right after that.
    await store.getState().setScenario(client, { weights: { power_price_usc_kwh: 0.5, chip_legality: 0.5 } });
    await store.getState().setScenario(client, { constraints: [cap] });
    await store.getState().setScenario(client, { method: 'wpm' });
    await store.getState().setScenario(client, { normalisation: 'vector' });
    // Choosing what is already chosen is not an edit.
    await store.getState().setScenario(client, { normalisation: 'vector' });
    edits.push(...store.getState().history.past);
    expect(edits).toHaveLength(5);
    expect(edits[0]).toEqual({ ...NO_OVERRIDES, ...DEFAULT_LEGALITY_CHOICE, ...DEFAULT_COVERAGE_CHOICE });
    expect(edits[1]?.weights).toEqual({ power_price_usc_kwh: 0.6, chip_legality: 0.4 });
    expect(edits[4]).toMatchObject({ method: 'wpm', normalisation: null, constraints: [cap] });
    expect(store.getState().score).toMatchObject({ method: 'wpm', normalisation: 'vector', constraints: [cap] });
    const capped = excluded();
    expect(capped).toBeGreaterThan(presetExcluded);

    await store.getState().undo(client);
    expect(store.getState().score).toMatchObject({ method: 'wpm', normalisation: 'criterion' });
    await store.getState().undo(client);
    expect(store.getState().score?.method).toBe('wsm');
    await store.getState().undo(client);
    expect(store.getState().scenario.constraints).toBeNull();
    expect(excluded()).toBe(presetExcluded);
    await store.getState().redo(client);
    expect(excluded()).toBe(capped);
    expect(store.getState().history.future).toHaveLength(2);
    // A new edit after undoing drops what could have been redone.
    await store.getState().setScenario(client, { method: 'topsis' });
    expect(store.getState().history.future).toEqual([]);
    close();
  });

  it('reloading presets selects the saved one without overrides and with a fresh history', async () => {
    const { store, client, close } = await loaded();
    await store.getState().setScenario(client, { weights: { power_price_usc_kwh: 1 }, normalisation: 'max' });
    expect(store.getState().history.past).toHaveLength(1);
    await store.getState().reloadPresets(client, 'latency-inference');
    const { scenario, history, score } = store.getState();
    expect(scenario).toMatchObject({ presetId: 'latency-inference', ...NO_OVERRIDES });
    expect(history).toEqual({ past: [], future: [] });
    expect(score?.preset.id).toBe('latency-inference');
    close();
  });
});

// The store's live re-ranking during a weight drag: once the matrix is here, a drag step is scored in
// the renderer with no score.run call, shows exactly what score.run would, is still one undoable edit,
// and score.run confirms after the drag pauses; a data change drops the matrix.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../renderer/src/api/client';
import { createAppStore, LIVE_CONFIRM_MS, scoreRunInput } from '../../renderer/src/store';
import { inMemoryTransport } from './fake-backend';

afterEach(() => {
  vi.useRealTimers();
});

async function ready(): Promise<{
  store: ReturnType<typeof createAppStore>;
  client: ReturnType<typeof createClient>;
  calls: string[];
  close: () => void;
}> {
  const { transport, backend, calls } = inMemoryTransport();
  const client = createClient(transport);
  const store = createAppStore();
  await store.getState().load(client);
  await store.getState().setScenario(client, { presetId: 'cost-first', profileId: 'cn-private-lab-rented' });
  store.getState().prepareLiveScoring(client);
  await vi.waitFor(() => expect(calls).toContain('score.matrix'));
  // Let the matrix reply land.
  await new Promise((r) => setTimeout(r, 20));
  return { store, client, calls, close: () => backend.close() };
}

describe('live scoring in the store', () => {
  it('scores drag steps in the renderer, as score.run would, and confirms when the drag pauses', async () => {
    const { store, client, calls, close } = await ready();
    const before = store.getState().score;
    const runs = (): number => calls.filter((c) => c === 'score.run').length;
    const runsBefore = runs();
    const steps = [
      { power_price_usc_kwh: 0.9, chip_legality: 0.1 },
      { power_price_usc_kwh: 0.05, chip_legality: 0.95 },
    ];
    for (const weights of steps) {
      // Not awaited: the live result is there as soon as setScenario returns.
      void store.getState().setScenario(client, { weights }, { gesture: true });
      expect(store.getState().score?.weights.chip_legality).toBeGreaterThan(0);
    }
    expect(runs()).toBe(runsBefore);
    const live = store.getState().score;
    expect(live).not.toBe(before);
    expect(live?.results.map((r) => r.score)).not.toEqual(before?.results.map((r) => r.score));
    // One drag, one edit.
    expect(store.getState().history.past).toHaveLength(1);

    // What score.run says for the same scenario is exactly what is shown.
    const input = scoreRunInput(store.getState().scenario);
    if (input === null) throw new Error('no preset');
    expect(live).toEqual(await client.call('score.run', input));

    // The drag pauses: score.run confirms, and an equal answer leaves the shown result as it is.
    await vi.waitFor(() => expect(runs()).toBeGreaterThanOrEqual(runsBefore + 2), { timeout: LIVE_CONFIRM_MS * 4 });
    await new Promise((r) => setTimeout(r, 20));
    expect(store.getState().score).toBe(live);
    expect(store.getState().scoreError).toBeNull();
    close();
  });

  it('asks score.run for a step when the weights are ones it would refuse', async () => {
    const { store, client, calls, close } = await ready();
    const zero = Object.fromEntries(store.getState().choices.criteria.map((c) => [c.id, 0]));
    const runs = calls.filter((c) => c === 'score.run').length;
    await store.getState().setScenario(client, { weights: zero }, { gesture: true });
    expect(calls.filter((c) => c === 'score.run').length).toBe(runs + 1);
    expect(store.getState().scoreError).toMatch(/weight/);
    close();
  });

  it('fetches the matrix again after a data change (load)', async () => {
    const { store, client, calls, close } = await ready();
    const matrices = (): number => calls.filter((c) => c === 'score.matrix').length;
    const first = matrices();
    store.getState().prepareLiveScoring(client);
    expect(matrices()).toBe(first);
    await store.getState().load(client);
    store.getState().prepareLiveScoring(client);
    expect(matrices()).toBe(first + 1);
    close();
  });
});

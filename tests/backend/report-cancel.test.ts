// report.cancel through the real dispatcher: a report's sensitivity run is stopped by the run id
// the report was asked under, the report then fails with code 'cancelled' (a board pack never
// carries a partial SMAA), and the run id is free again afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import type { EventPayload } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { valueOf } from './dispatch-results';

let backend: Backend;

beforeAll(() => {
  backend = createBackend({ dbPath: ':memory:', version: 't', backupSchedule: false });
});

afterAll(() => backend.close());

const SCENARIO = { presetId: 'cost-first', profileId: 'cn-private-lab-rented', asOf: '2025-09-01' };
// The most samples a report may ask for: far more than can finish before the first progress event.
const LONG = { samples: 100_000, seed: 1 };

/** Sends report.cancel for `runId` at its first progress event; resolves to the cancel's answer. */
function cancelAtFirstProgress(runId: string): { cancelled: Promise<Result<unknown>>; stop: () => void } {
  let resolve: (r: Result<unknown>) => void = () => undefined;
  const cancelled = new Promise<Result<unknown>>((r) => (resolve = r));
  let sent = false;
  const stop = backend.events.onAny((name, payload) => {
    const p = payload as EventPayload<'sensitivity.progress'>;
    if (name !== 'sensitivity.progress' || p.runId !== runId || sent) return;
    sent = true;
    void backend.dispatch('report.cancel', { runId }).then(resolve);
  });
  return { cancelled, stop };
}

describe('report.cancel', () => {
  it.each(['report.build', 'report.render'] as const)('stops %s during its sensitivity run', async (name) => {
    const runId = `cancel-${name}`;
    const progress: EventPayload<'sensitivity.progress'>[] = [];
    const watch = backend.events.onAny((event, payload) => {
      const p = payload as EventPayload<'sensitivity.progress'>;
      if (event === 'sensitivity.progress' && p.runId === runId) progress.push(p);
    });
    const { cancelled, stop } = cancelAtFirstProgress(runId);
    const input = { ...SCENARIO, sensitivity: LONG, runId, ...(name === 'report.render' ? { format: 'md' } : {}) };
    const result = await backend.dispatch(name, input);
    stop();
    watch();
    expect(await cancelled).toEqual({ ok: true, value: { runId, found: true } });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    if (!result.ok) expect(result.error.message).toMatch(/cancelled .* of 100000 samples/);
    // It stopped early: the last progress event is far from the total.
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)?.done).toBeLessThan(LONG.samples);
    // The run id is free again, and a report under it finishes.
    const again = await valueOf(backend, 'report.build', {
      ...SCENARIO,
      sensitivity: { samples: 200, seed: 1 },
      runId,
    });
    expect(again.sensitivity?.samples).toBe(200);
    expect(again.reproducibility.inputs).not.toHaveProperty('runId');
  });

  it('answers found: false for no such run, and for a report that has finished', async () => {
    await valueOf(backend, 'report.build', { ...SCENARIO, sensitivity: { samples: 100, seed: 1 }, runId: 'done' });
    for (const runId of ['never-started', 'done']) {
      expect(await backend.dispatch('report.cancel', { runId })).toEqual({ ok: true, value: { runId, found: false } });
    }
  });

  it('refuses a run id already in use by a report or a sensitivity run', async () => {
    const first = backend.dispatch('report.build', { ...SCENARIO, sensitivity: LONG, runId: 'busy' });
    const second = await backend.dispatch('report.build', { ...SCENARIO, runId: 'busy' });
    const sensitivity = await backend.dispatch('sensitivity.run', { ...SCENARIO, runId: 'busy' });
    // sensitivity.cancel reaches the report's run too: one runner serves both.
    expect(await backend.dispatch('sensitivity.cancel', { runId: 'busy' })).toEqual({
      ok: true,
      value: { runId: 'busy', found: true },
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'runId' }] } });
    expect(sensitivity).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'runId' }] } });
    expect(await first).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});

// sensitivity.run / sensitivity.cancel through the real dispatcher on the seeded store, and the CLI.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import type { CallOutput, EventPayload } from '../../shared/contract';
import { runCliCapturing, type CliRun } from './cli-capture';

let backend: Backend;
let dir: string;

beforeAll(() => {
  backend = createBackend({ dbPath: ':memory:', version: 't', backupSchedule: false });
  dir = mkdtempSync(join(tmpdir(), 'landfall-sensitivity-'));
});

afterAll(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

type RunOutput = CallOutput<'sensitivity.run'>;

async function run(input: Record<string, unknown>): Promise<RunOutput> {
  const result = await backend.dispatch('sensitivity.run', input);
  if (!result.ok) throw new Error(`sensitivity.run failed: ${JSON.stringify(result.error)}`);
  return result.value as RunOutput;
}

function progressOf(runId: string): { seen: EventPayload<'sensitivity.progress'>[]; stop: () => void } {
  const seen: EventPayload<'sensitivity.progress'>[] = [];
  const stop = backend.events.onAny((name, payload) => {
    const p = payload as EventPayload<'sensitivity.progress'>;
    if (name === 'sensitivity.progress' && p.runId === runId) seen.push(p);
  });
  return { seen, stop };
}

describe('sensitivity.run', () => {
  it('sweeps every criterion, gives stability intervals and SMAA probabilities that add up', async () => {
    const out = await run({ presetId: 'frontier-training', samples: 600, seed: 3, sweepSteps: 11, runId: 'a' });
    expect(out).toMatchObject({ runId: 'a', samples: 600, seed: 3, cancelled: false, method: out.preset.method });
    expect(out.preset.id).toBe('frontier-training');
    expect(out.profile).toBeNull();
    expect(out.sweep.length).toBeGreaterThan(0);
    expect(out.stability.map((s) => s.criterionId)).toEqual(out.sweep.map((s) => s.criterionId));
    for (const sweep of out.sweep) {
      expect(sweep.points.length).toBeGreaterThanOrEqual(11);
      expect(sweep.points[0]?.weight).toBe(0);
      expect(sweep.points.at(-1)?.weight).toBe(1);
    }
    for (const s of out.stability) {
      expect(s.lo).toBeLessThanOrEqual(s.current + 1e-12);
      expect(s.hi).toBeGreaterThanOrEqual(s.current - 1e-12);
    }
    expect(out.smaa.sites.length).toBeGreaterThan(0);
    let pFirst = 0;
    for (const site of out.smaa.sites) {
      expect(site.rankProbabilities.reduce((a, b) => a + b, 0) + site.pExcluded).toBeCloseTo(1, 9);
      pFirst += site.pFirst;
    }
    // Some site is ranked in every sample unless every site is excluded.
    if (out.smaa.sites.some((s) => s.pExcluded < 1)) expect(pFirst).toBeCloseTo(1, 9);
  });

  it('is repeatable for a seed and differs for another', async () => {
    const a = await run({ presetId: 'cost-first', samples: 400, seed: 9, mode: 'uniform', runId: 'same' });
    const b = await run({ presetId: 'cost-first', samples: 400, seed: 9, mode: 'uniform', runId: 'same' });
    const c = await run({ presetId: 'cost-first', samples: 400, seed: 10, mode: 'uniform', runId: 'same' });
    expect(b).toEqual(a);
    if (a.smaa.sites.filter((s) => s.pExcluded < 1).length > 1) expect(c.smaa.sites).not.toEqual(a.smaa.sites);
  });

  it('sends progress events, monotonically, ending at the total', async () => {
    const { seen, stop } = progressOf('progress');
    await run({ presetId: 'frontier-training', samples: 2100, runId: 'progress' });
    stop();
    expect(seen.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.done).toBeGreaterThan(seen[i - 1]?.done ?? 0);
    expect(seen.at(-1)).toEqual({ runId: 'progress', done: 2100, total: 2100 });
  });

  it('stops when sensitivity.cancel names the run, and says so', async () => {
    const cancels: Promise<unknown>[] = [];
    const stop = backend.events.onAny((name, payload) => {
      if (name === 'sensitivity.progress' && (payload as { runId: string }).runId === 'long' && cancels.length === 0) {
        cancels.push(backend.dispatch('sensitivity.cancel', { runId: 'long' }));
      }
    });
    const out = await run({ presetId: 'frontier-training', samples: 100_000, runId: 'long' });
    stop();
    expect(out.cancelled).toBe(true);
    expect(out.smaa.samples).toBeLessThan(100_000);
    expect(out.smaa.requested).toBe(100_000);
    expect(await cancels[0]).toEqual({ ok: true, value: { runId: 'long', found: true } });
  });

  it("analyses the scenario's coverage settings, as score.run applies them", async () => {
    const scenario = { presetId: 'frontier-training', profileId: 'sg-neocloud', asOf: '2025-09-01' };
    const strict = { ...scenario, minCoverage: 1, thinData: 'exclude' };
    const scored = await backend.dispatch('score.run', strict);
    if (!scored.ok) throw new Error(JSON.stringify(scored.error));
    const thin = (scored.value as CallOutput<'score.run'>).results.filter((r) => r.thin).map((r) => r.siteId);
    expect(thin.length).toBeGreaterThan(0);
    const pExcluded = (out: RunOutput, id: string): number | undefined =>
      out.smaa.sites.find((s) => s.siteId === id)?.pExcluded;
    // Every weight of a sample is above zero, so a site with a gap is below full coverage in every sample.
    const strictRun = await run({ ...strict, samples: 200 });
    for (const id of thin) expect(pExcluded(strictRun, id)).toBe(1);
    const plainRun = await run({ ...scenario, samples: 200 });
    expect(thin.some((id) => (pExcluded(plainRun, id) ?? 1) < 1)).toBe(true);
  });

  it('answers a cancel for no such run with found: false', async () => {
    expect(await backend.dispatch('sensitivity.cancel', { runId: 'nothing' })).toEqual({
      ok: true,
      value: { runId: 'nothing', found: false },
    });
  });

  it('refuses a run id already in progress, bad input and an unknown preset', async () => {
    const first = backend.dispatch('sensitivity.run', { presetId: 'frontier-training', samples: 20_000, runId: 'dup' });
    const second = await backend.dispatch('sensitivity.run', { presetId: 'frontier-training', runId: 'dup' });
    await backend.dispatch('sensitivity.cancel', { runId: 'dup' });
    expect(second).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await first).toMatchObject({ ok: true });
    expect(
      await backend.dispatch('sensitivity.run', { presetId: 'frontier-training', samples: 200_000 }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await backend.dispatch('sensitivity.run', { presetId: 'no-such-preset' })).toMatchObject({ ok: false });
  });
});

describe('landfall sensitivity', () => {
  const cli = (...argv: string[]): Promise<CliRun> => runCliCapturing(argv, join(dir, 'cli.sqlite'));

  it('prints the run as JSON', async () => {
    const r = await cli('sensitivity', '--preset', 'frontier-training', '--samples', '300', '--seed', '4');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as RunOutput;
    expect(out).toMatchObject({ samples: 300, seed: 4, cancelled: false });
    expect(out.smaa.mode).toBe('around_preset');
  });

  it('prints a text summary', async () => {
    const r = await cli(
      'sensitivity',
      '--preset',
      'cost-first',
      '--samples',
      '200',
      '--mode',
      'uniform',
      '--format',
      'text',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/weight stability/);
    expect(r.out).toMatch(/SMAA: 200 of 200 samples, seed 1, uniform/);
  });

  it('refuses a missing preset or a bad number as a usage error', async () => {
    expect((await cli('sensitivity')).code).toBe(2);
    expect((await cli('sensitivity', '--preset', 'cost-first', '--samples', 'many')).code).toBe(2);
    expect((await cli('sensitivity', '--preset', 'cost-first', '--mode', 'sideways')).code).toBe(1);
  });
});

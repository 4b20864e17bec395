// The scenario's one schema (shared/model/scenario.ts): it refuses bad input with messages that name
// the field and say what is wanted; every call that takes a scenario refuses it the same way
// (its input is derived from the schema, not written again); and every door — the dispatcher that
// Electron IPC forwards to, the loopback HTTP server and the CLI — shows the same words.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import { startHttpServer, type RunningServer } from '../../backend/http/server';
import { bindIpc } from '../../electron/ipc';
import { contract, type CallName } from '../../shared/contract';
import { issuesFromZod, type ErrorIssue, type Result } from '../../shared/errors';
import { IPC_CALL } from '../../shared/ipc-channels';
import { LegalityQuestion, Scenario } from '../../shared/model/scenario';
import { runCliCapturing } from './cli-capture';

const GOOD = { presetId: 'cost-first' };

/** The issues the schema gives for `input` (none when it is accepted). */
function issuesOf(schema: typeof Scenario | typeof LegalityQuestion, input: unknown): ErrorIssue[] {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : issuesFromZod(parsed.error);
}

describe('the scenario schema', () => {
  it('accepts a preset alone, and the whole scenario', () => {
    expect(issuesOf(Scenario, GOOD)).toEqual([]);
    const whole = {
      presetId: 'cost-first',
      profileId: 'bytedance',
      asOf: '2025-09-01',
      scenarioId: 'some-what-if',
      method: 'topsis',
      weights: { power_price: 2, tax_rate: 0 },
      normalisation: 'vector',
      constraints: [{ kind: 'min', criterionId: 'power_price', value: 0 }],
      workload: 'inference',
      legalityMode: 'all',
      confidenceFloor: 'rule',
      minCoverage: 0.25,
      thinData: 'exclude',
      staleAfterDays: 90,
    };
    expect(issuesOf(Scenario, whole)).toEqual([]);
    // Every field of the schema is in the whole scenario: a field added later is added here too.
    expect(Object.keys(Scenario.shape).sort()).toEqual(Object.keys(whole).sort());
  });

  it.each([
    ['no preset', {}, 'presetId', /^is required: the weight preset/],
    ['an empty preset', { presetId: '' }, 'presetId', /^must not be empty/],
    ['a date that is no date', { ...GOOD, asOf: '2025-02-30' }, 'asOf', /^must be a date written YYYY-MM-DD$/],
    ['an unknown method', { ...GOOD, method: 'ahp' }, 'method', /^must be wsm, wpm or topsis$/],
    ['a negative weight', { ...GOOD, weights: { power_price: -1 } }, 'weights.power_price', /must not be below 0/],
    [
      'a weight for no criterion id',
      { ...GOOD, weights: { 'Power Price': 1 } },
      'weights.Power Price',
      /criterion id \(snake_case/,
    ],
    ['a coverage above 1', { ...GOOD, minCoverage: 1.5 }, 'minCoverage', /^must be between 0 and 1$/],
    ['an unknown thin-data policy', { ...GOOD, thinData: 'hide' }, 'thinData', /^must be mark or exclude$/],
    ['a fractional stale threshold', { ...GOOD, staleAfterDays: 1.5 }, 'staleAfterDays', /whole number of days/],
    ['a misspelt field', { ...GOOD, presetID: 'x' }, '(input)', /^this field is not part of the call: presetID$/],
  ])('refuses %s, naming the field', (_what, input, path, message) => {
    const issues = issuesOf(Scenario, input);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe(path);
    expect(issues[0]?.message).toMatch(message);
  });

  it('asks the legality calls for a profile', () => {
    expect(issuesOf(LegalityQuestion, { asOf: '2025-01-01' })).toEqual([
      { path: 'profileId', message: expect.stringMatching(/^is required: the company profile/) as unknown },
    ]);
  });
});

/** Each call that takes a scenario, with what else it needs to be valid. */
const SCENARIO_CALLS: [CallName, Record<string, unknown>][] = [
  ['score.run', {}],
  ['score.matrix', {}],
  ['sensitivity.run', {}],
  ['scenarios.compare', { scenarioId: 'what-if' }],
  ['report.build', {}],
  ['report.render', { format: 'md' }],
];

describe('every call that takes a scenario', () => {
  it.each(SCENARIO_CALLS)('%s takes it whole and refuses it as the schema does', (name, extra) => {
    const input = contract[name].input;
    const whole = { presetId: 'cost-first', asOf: '2025-09-01', minCoverage: 0.3, thinData: 'exclude', ...extra };
    expect(input.safeParse(name === 'score.matrix' ? whole : { ...whole, weights: { power_price: 1 } }).success).toBe(
      true,
    );
    for (const bad of [{ asOf: '2025-13-01' }, { minCoverage: -0.1 }, { presetId: undefined }, { workload: 'x' }]) {
      const parsed = input.safeParse({ ...GOOD, ...extra, ...bad });
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(issuesFromZod(parsed.error)).toEqual(issuesOf(Scenario, { ...GOOD, ...bad }));
    }
  });

  it('score.matrix leaves the weights to the renderer, and says so', () => {
    const parsed = contract['score.matrix'].input.safeParse({ ...GOOD, weights: { power_price: 1 } });
    expect(parsed.success ? [] : issuesFromZod(parsed.error)).toEqual([
      { path: '(input)', message: 'this field is not part of the call: weights' },
    ]);
  });

  it.each(['legality.site', 'legality.check', 'legality.batch'] as const)(
    '%s refuses a bad date and a missing profile as the legality question does',
    (name) => {
      const extra = { siteId: 'sg-tuas', chipId: 'nvidia-h20' };
      const needed = Object.fromEntries(Object.entries(extra).filter(([k]) => k in contract[name].input.shape));
      const parsed = contract[name].input.safeParse({ ...needed, asOf: 'today' });
      const byPath = (issues: ErrorIssue[]): ErrorIssue[] => [...issues].sort((a, b) => a.path.localeCompare(b.path));
      expect(byPath(parsed.success ? [] : issuesFromZod(parsed.error))).toEqual(
        byPath(issuesOf(LegalityQuestion, { asOf: 'today' })),
      );
    },
  );
});

describe('every door shows the same words', () => {
  let backend: Backend;
  let running: RunningServer;
  let dir: string;
  const BAD = { presetId: 'cost-first', asOf: '2025-13-01', thinData: 'hide' };
  const EXPECTED = issuesOf(Scenario, BAD);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'landfall-scenario-doors-'));
    mkdirSync(join(dir, 'static'));
    backend = createBackend({ dbPath: ':memory:', version: 't', backupSchedule: false });
    running = await startHttpServer({ backend, staticDir: join(dir, 'static'), port: 0 });
  });

  afterAll(async () => {
    await running.close();
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names both fields', () => {
    expect(EXPECTED.map((i) => i.path)).toEqual(['asOf', 'thinData']);
  });

  it('the dispatcher (what IPC and the CLI call)', async () => {
    expect(await backend.dispatch('score.run', BAD)).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'invalid input for score.run', issues: EXPECTED },
    });
  });

  it('Electron IPC', async () => {
    let handler: ((event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) | undefined;
    const ipcMain = {
      handle: (channel: string, listener: typeof handler): void => {
        if (channel === IPC_CALL) handler = listener;
      },
      removeHandler: (): void => undefined,
    } as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>;
    const unbind = bindIpc(ipcMain, backend, () => []);
    try {
      const event = { senderFrame: { url: 'app://landfall/index.html', parent: null }, sender: {} };
      const result = (await handler?.(event as unknown as IpcMainInvokeEvent, 'score.run', BAD)) as Result<unknown>;
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: EXPECTED } });
    } finally {
      unbind();
    }
  });

  it('the loopback HTTP server', async () => {
    const res = await fetch(`${running.url}api/score.run`, {
      method: 'POST',
      headers: { 'x-landfall-token': running.token, 'content-type': 'application/json' },
      body: JSON.stringify(BAD),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: EXPECTED } });
  });

  it('the CLI, for score and report alike', async () => {
    const db = join(dir, 'cli.sqlite');
    const score = await runCliCapturing(['score', '--preset', 'cost-first', '--as-of', '2025-13-01'], db);
    const report = await runCliCapturing(
      ['report', '--preset', 'cost-first', '--as-of', '2025-13-01', '--out', join(dir, 'r.md')],
      db,
    );
    for (const run of [score, report]) {
      expect(run.code).toBe(1);
      expect(run.err).toContain(`asOf: ${EXPECTED[0]?.message ?? ''}`);
    }
  });
});

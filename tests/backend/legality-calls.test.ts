// The legality calls through the real dispatcher over the seeded store, and `landfall legality`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import type { CallName, CallOutput } from '../../shared/contract';
import type { ApiError } from '../../shared/errors';
import { runCliCapturing, type CliRun } from './cli-capture';
import { errorOf, valueOf } from './dispatch-results';

let backend: Backend;

beforeAll(() => {
  backend = createBackend({ dbPath: ':memory:', version: 't', backupSchedule: false });
});

afterAll(() => {
  backend.close();
});

const value = <N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> => valueOf(backend, name, input);

const failure = (name: CallName, input: unknown): Promise<ApiError> => errorOf(backend, name, input);

const LAB = { profileId: 'cn-private-lab-owned', chipId: 'nvidia-h20', siteId: 'cn-ulanqab' };

describe('legality.check', () => {
  it('walks H20 for a China-HQ lab in Inner Mongolia through 2025', async () => {
    const before = await value('legality.check', { ...LAB, asOf: '2025-03-01' });
    expect(before).toMatchObject({ status: 'allowed', score: 1, asOf: '2025-03-01', ...LAB });
    expect(before.reason).toContain('no rule in force restricts Nvidia H20');

    const mid = await value('legality.check', { ...LAB, asOf: '2025-06-01' });
    expect(mid).toMatchObject({ status: 'licence_required', score: 0.25 });
    const decider = mid.events.find((e) => e.role === 'decides');
    expect(decider).toEqual({
      id: 'us-2025-04-09-h20-licence',
      title: expect.stringContaining('H20') as unknown,
      issuer: 'US',
      effectiveDate: '2025-04-09',
      endDate: null,
      effect: 'licence_required',
      condition: expect.any(String) as unknown,
      confidence: 'official',
      source: { title: expect.any(String) as unknown, url: expect.stringMatching(/^https:/) as unknown },
      role: 'decides',
    });

    const late = await value('legality.check', { ...LAB, asOf: '2025-10-01' });
    expect(late).toMatchObject({ status: 'conditional', score: 0.75 });
    expect(late.events.filter((e) => e.role === 'decides').map((e) => e.id)).toEqual([
      'cn-2025-08-halt-nvidia-orders',
      'us-2025-08-10-revenue-share',
    ]);
    expect(late.reason).toContain('us-2025-08-10-revenue-share');
  });

  it('tells owning from renting in Singapore', async () => {
    const input = { chipId: 'nvidia-h100', siteId: 'sg-tuas', asOf: '2025-06-01' };
    const owned = await value('legality.check', { ...input, profileId: 'cn-private-lab-owned' });
    expect(owned.status).toBe('licence_required');
    const rented = await value('legality.check', { ...input, profileId: 'cn-private-lab-rented' });
    expect(rented.status).toBe('conditional');
    expect(rented.reason).toContain('reported legal');
  });

  it('reads a Johor site’s subdivision from its market', async () => {
    const r = await value('legality.check', {
      profileId: 'us-hyperscaler',
      chipId: 'nvidia-h100',
      siteId: 'my-nusajaya',
      asOf: '2025-08-01',
    });
    expect(r.status).toBe('conditional');
    expect(r.reason).toContain('(MY-01)');
    expect(r.events.map((e) => e.id)).toContain('my-2025-07-14-strategic-trade-permit');
  });

  it('defaults asOf to today (UTC)', async () => {
    const r = await value('legality.check', LAB);
    expect(r.asOf).toBe(new Date().toISOString().slice(0, 10));
  });

  it('refuses unknown ids with not_found naming the id, and bad input with invalid_input', async () => {
    for (const [field, bad] of [
      ['profileId', 'no-such-profile'],
      ['chipId', 'no-such-chip'],
      ['siteId', 'no-such-site'],
    ] as const) {
      const error = await failure('legality.check', { ...LAB, [field]: bad });
      expect(error.code).toBe('not_found');
      expect(error.message).toContain(`"${bad}"`);
    }
    expect((await failure('legality.check', { ...LAB, asOf: '2025-13-01' })).code).toBe('invalid_input');
    expect((await failure('legality.check', { profileId: 'x' })).code).toBe('invalid_input');
  });
});

describe('legality.site', () => {
  it('combines every chip the profile needs: the worst wins and is named', async () => {
    const r = await value('legality.site', { profileId: 'cn-state-funded', siteId: 'cn-ulanqab', asOf: '2025-11-20' });
    expect(r).toMatchObject({ status: 'prohibited', score: 0, worstChipId: 'nvidia-h20' });
    expect(r.chips.map((c) => [c.chipId, c.status])).toEqual([
      ['huawei-ascend-910c', 'allowed'],
      ['cambricon', 'allowed'],
      ['nvidia-h20', 'prohibited'],
    ]);
    expect(r.reason).toContain('Nvidia H20');
    expect(r.reason).toContain('reported');
  });

  it('refuses an unknown profile or site', async () => {
    expect((await failure('legality.site', { profileId: 'nope', siteId: 'sg-tuas' })).code).toBe('not_found');
    expect((await failure('legality.site', { profileId: 'bytedance', siteId: 'nope' })).code).toBe('not_found');
  });
});

describe('landfall legality', () => {
  let dir: string;
  let dbPath: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'landfall-legality-cli-'));
    dbPath = join(dir, 'cli.sqlite');
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...argv: string[]): Promise<CliRun> => runCliCapturing(argv, dbPath);

  it('prints the status, reason, chain and ids as JSON', async () => {
    const run = await cli(
      'legality',
      '--profile',
      'bytedance',
      '--chip',
      'nvidia-h20',
      '--site',
      'cn-shaoguan',
      '--as-of',
      '2025-11-26',
      '--format',
      'json',
    );
    expect(run).toMatchObject({ code: 0, err: '' });
    const out = JSON.parse(run.out) as Record<string, unknown> & { events: { id: string }[] };
    expect(out).toMatchObject({
      status: 'prohibited',
      profileId: 'bytedance',
      chipId: 'nvidia-h20',
      siteId: 'cn-shaoguan',
      asOf: '2025-11-26',
    });
    expect(out.reason).toEqual(expect.stringContaining('cn-2025-11-26-bytedance-nvidia-ban'));
    expect(out.events.map((e) => e.id)).toContain('cn-2025-11-26-bytedance-nvidia-ban');
  });

  it('without --chip judges every chip the profile needs; text format is one line per chip', async () => {
    const run = await cli('legality', '--profile', 'us-hyperscaler', '--site', 'my-kulai', '--as-of', '2025-08-01');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ status: 'conditional', worstChipId: 'nvidia-b200' });
    const text = await cli('legality', '--profile', 'us-hyperscaler', '--site', 'my-kulai', '--format', 'text');
    expect(text.out).toMatch(/^(allowed|conditional|licence_required|prohibited): /);
  });

  it('exits 1 for an unknown id and 2 for a missing option', async () => {
    const unknown = await cli('legality', '--profile', 'nope', '--chip', 'nvidia-h20', '--site', 'sg-tuas');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('"nope"');
    expect((await cli('legality', '--chip', 'nvidia-h20', '--site', 'sg-tuas')).code).toBe(2);
    expect((await cli('legality', '--profile', 'bytedance', '--site', 'sg-tuas', '--format', 'xml')).code).toBe(2);
  });
});

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
    // The April 2025 letter binds twice over: the destination half (hardware in CN) and the
    // headquarters half (a China-HQ company's own hardware). Both are ordinary licences: 0.4.
    expect(mid).toMatchObject({ status: 'licence_required', score: 0.4, confidence: 'rule' });
    expect(mid.events.filter((e) => e.role === 'decides').map((e) => e.id)).toEqual([
      'us-2025-04-09-h20-licence',
      'us-2025-04-09-h20-licence-hq',
    ]);
    const decider = mid.events.find((e) => e.role === 'decides');
    expect(decider).toEqual({
      id: 'us-2025-04-09-h20-licence',
      title: expect.stringContaining('H20') as unknown,
      issuer: 'US',
      regime: 'us-is-informed',
      publishedDate: '2025-04-15',
      effectiveDate: '2025-04-09',
      complianceDate: null,
      endDate: null,
      effect: 'licence_required',
      condition: expect.any(String) as unknown,
      confidence: 'rule',
      links: [],
      source: { title: expect.any(String) as unknown, url: expect.stringMatching(/^https:/) as unknown },
      role: 'decides',
      why: expect.stringContaining('most restrictive') as unknown,
    });
    expect(mid.regimes).toEqual([
      {
        regime: 'us-is-informed',
        name: 'US letters to vendors',
        status: 'licence_required',
        deciders: ['us-2025-04-09-h20-licence', 'us-2025-04-09-h20-licence-hq'],
      },
      // In the chain but not binding: the IaaS guidance reaches renters only, the entity-list
      // rules listed parties only, and China's SAMR probe of Nvidia is context.
      { regime: 'us-cloud', name: 'US cloud/IaaS guidance', status: null, deciders: [] },
      { regime: 'us-entity-list', name: 'US Entity List', status: null, deciders: [] },
      { regime: 'cn-market', name: 'China market regulation', status: null, deciders: [] },
    ]);

    const late = await value('legality.check', { ...LAB, asOf: '2025-10-01' });
    // The revenue-share announcement amends both halves of the letter in CN/HK/MO; China's reported
    // halt on Nvidia orders is conditional too. The least firm decider is a press report.
    expect(late).toMatchObject({ status: 'conditional', score: 0.75, confidence: 'reported' });
    // Oldest effective date first: the revenue share (2025-08-10), then the reported H20 halt (08-12).
    expect(late.events.filter((e) => e.role === 'decides').map((e) => e.id)).toEqual([
      'us-2025-08-10-revenue-share',
      'cn-2025-08-halt-nvidia-orders',
    ]);
    expect(late.events.filter((e) => e.role === 'superseded').map((e) => e.id)).toEqual([
      'us-2025-04-09-h20-licence',
      'us-2025-04-09-h20-licence-hq',
    ]);
    expect(late.reason).toContain('us-2025-08-10-revenue-share');
  });

  it('tells owning from renting in Singapore', async () => {
    const input = { chipId: 'nvidia-h100', siteId: 'sg-tuas', asOf: '2025-06-01' };
    const owned = await value('legality.check', { ...input, profileId: 'cn-private-lab-owned' });
    // The headquarters rules reach a China-HQ company's own hardware anywhere (ordinary licence, 0.4).
    expect(owned).toMatchObject({ status: 'licence_required', score: 0.4 });
    // The 2023-10-23 notice only brought the rule forward; it ended when the rule took effect.
    expect(owned.events.filter((e) => e.role === 'decides').map((e) => e.id)).toEqual([
      'us-2023-10-17-china-hq-anywhere',
    ]);
    const rented = await value('legality.check', { ...input, profileId: 'cn-private-lab-rented' });
    // Renting escapes the owned-only headquarters rules; the IaaS guidance applies instead.
    expect(rented).toMatchObject({ status: 'conditional', score: 0.75, confidence: 'rule' });
    expect(rented.events.filter((e) => e.role === 'decides').map((e) => e.id)).toEqual([
      'us-2025-05-13-iaas-training-guidance',
    ]);
    expect(rented.reason).toContain('renting from an operator that owns the hardware escapes');
    expect(rented.reason).toContain('us-2023-10-17-china-hq-anywhere');
  });

  it('reads a Johor site’s subdivision from its market', async () => {
    const r = await value('legality.check', {
      profileId: 'us-hyperscaler',
      chipId: 'nvidia-h100',
      siteId: 'my-nusajaya',
      asOf: '2025-08-01',
    });
    // Malaysia's Strategic Trade Permit binds moving chips out of Malaysia: context, no status.
    expect(r).toMatchObject({ status: 'allowed', score: 1, confidence: null });
    expect(r.reason).toContain('(MY-01)');
    expect(r.events.find((e) => e.id === 'my-2025-07-14-strategic-trade-permit')?.role).toBe('context');
    expect(r.events.some((e) => e.role === 'decides')).toBe(false);
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
  const STATE = { profileId: 'cn-state-funded', siteId: 'cn-ulanqab', asOf: '2025-11-20' };
  const STATE_CHIPS = [
    ['huawei-ascend-910c', 'allowed'],
    ['cambricon', 'allowed'],
    ['nvidia-h20', 'prohibited'],
  ];

  it('by default answers with the best lawful chip and names it', async () => {
    const r = await value('legality.site', STATE);
    // Ascend 910C and Cambricon are both allowed; the 910C has the higher (known) TPP.
    expect(r).toMatchObject({
      status: 'allowed',
      score: 1,
      workload: 'training',
      mode: 'best',
      chipId: 'huawei-ascend-910c',
      lawfulChipId: 'huawei-ascend-910c',
      lawfulTpp: 12800,
    });
    expect(r.chips.map((c) => [c.chipId, c.status])).toEqual(STATE_CHIPS);
    expect(r.reason).toMatch(/^Allowed with Huawei Ascend 910C/);
  });

  it('in "all" mode the most restricted chip decides and is named', async () => {
    const r = await value('legality.site', { ...STATE, legalityMode: 'all' });
    // The reported state-funded domestic-chip mandate prohibits the US-origin H20.
    expect(r).toMatchObject({
      status: 'prohibited',
      score: 0,
      mode: 'all',
      chipId: 'nvidia-h20',
      confidence: 'reported',
    });
    expect(r.chips.map((c) => [c.chipId, c.status])).toEqual(STATE_CHIPS);
    expect(r.chips[2]?.events.filter((e) => e.role === 'decides').map((e) => e.id)).toEqual([
      'cn-2025-11-05-state-funded-domestic-only',
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

  it('without --chip judges the profile’s workload; text format gives the answer, then a block per chip', async () => {
    const run = await cli('legality', '--profile', 'us-hyperscaler', '--site', 'my-kulai', '--as-of', '2025-08-01');
    expect(run.code).toBe(0);
    // Nothing binds a US company's own chips in Johor (the Strategic Trade Permit is context):
    // every chip is allowed and the strongest, B200, is the best lawful option.
    expect(JSON.parse(run.out)).toMatchObject({ status: 'allowed', chipId: 'nvidia-b200', lawfulTpp: 36000 });
    const text = await cli(
      'legality',
      '--profile',
      'us-hyperscaler',
      '--site',
      'my-kulai',
      '--as-of',
      '2025-08-01',
      '--format',
      'text',
    );
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^training \(best lawful option\) at my-kulai on 2025-08-01: Allowed with nvidia-b200\n/);
    expect(text.out).toContain('lawful compute: 36000 TPP (nvidia-b200)');
    for (const chip of ['nvidia-b200', 'nvidia-h200', 'amd-mi325x'])
      expect(text.out).toMatch(new RegExp(`^${chip}: Allowed\n`, 'm'));
  });

  it('exits 1 for an unknown id and 2 for a missing option', async () => {
    const unknown = await cli('legality', '--profile', 'nope', '--chip', 'nvidia-h20', '--site', 'sg-tuas');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('"nope"');
    expect((await cli('legality', '--chip', 'nvidia-h20', '--site', 'sg-tuas')).code).toBe(2);
    expect((await cli('legality', '--profile', 'bytedance', '--site', 'sg-tuas', '--format', 'xml')).code).toBe(2);
  });
});

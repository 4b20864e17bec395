// legality.batch through the real dispatcher over the seeded store: for every site it answers what
// legality.site answers one site at a time (and, given a chip, what legality.check answers), on
// three dates, for every profile, with a what-if scenario and with the question changed. The
// per-site calls are the expectation: they are tested against the lawyer's cases elsewhere
// (legality-calls.test.ts, tests/engine/legality-cases.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import type { CallName, CallOutput } from '../../shared/contract';
import type { ApiError } from '../../shared/errors';
import { errorOf, valueOf } from './dispatch-results';
import { malaysiaBanEvent, scenarioFile } from './whatif-fixture';

let backend: Backend;
let sites: CallOutput<'sites.list'>;
let profiles: string[];

beforeAll(async () => {
  backend = createBackend({ dbPath: ':memory:', version: 't', backupSchedule: false });
  sites = await valueOf(backend, 'sites.list', {});
  profiles = (await valueOf(backend, 'profiles.list', {})).map((p) => p.id);
});

afterAll(() => backend.close());

const value = <N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> => valueOf(backend, name, input);
const failure = (name: CallName, input: unknown): Promise<ApiError> => errorOf(backend, name, input);

/** What legality.site answers for each site, less the echo of its inputs. */
async function oneByOne(question: Record<string, unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const site of sites) {
    const {
      asOf: _a,
      profileId: _p,
      siteId,
      ...answer
    } = await value('legality.site', { ...question, siteId: site.id });
    out.push({ siteId, country: site.country, workload: answer, chip: null });
  }
  return out;
}

const DATES = ['2024-06-01', '2025-06-01', '2025-12-15'];

describe('legality.batch', () => {
  it.each(DATES)('answers every seeded site as legality.site does, for every profile, on %s', async (asOf) => {
    expect(sites.length).toBeGreaterThan(20);
    expect(profiles.length).toBeGreaterThan(2);
    for (const profileId of profiles) {
      const batch = await value('legality.batch', { profileId, asOf });
      expect(batch).toMatchObject({ asOf, profileId, chipId: null });
      expect(batch.sites).toEqual(await oneByOne({ profileId, asOf }));
    }
  });

  it('asks the question the scenario asks: workload, all-chips mode and the confidence floor', async () => {
    const question = {
      profileId: 'cn-private-lab-rented',
      asOf: '2025-12-15',
      workload: 'inference',
      legalityMode: 'all',
      confidenceFloor: 'rule',
    };
    const batch = await value('legality.batch', question);
    expect(batch.sites).toEqual(await oneByOne(question));
    // The question matters: the default one answers some site differently.
    const plain = await value('legality.batch', { profileId: question.profileId, asOf: question.asOf });
    expect(plain.sites.map((s) => s.workload?.status)).not.toEqual(batch.sites.map((s) => s.workload?.status));
  });

  it('reads a what-if scenario’s hypothetical events as legality.site does, and marks them', async () => {
    const content = scenarioFile('Batch what-if', '', [malaysiaBanEvent('whatif-batch-my-ban')]);
    const scenario = await value('scenarios.import', { content });
    const question = { profileId: 'cn-private-lab-rented', asOf: '2025-09-01', scenarioId: scenario.id };
    const batch = await value('legality.batch', question);
    expect(batch.sites).toEqual(await oneByOne(question));
    const malaysian = batch.sites.filter((s) => s.country === 'MY');
    expect(malaysian.length).toBeGreaterThan(0);
    for (const s of malaysian) {
      expect(s.workload?.status).toBe('prohibited');
      const events = s.workload?.chips.flatMap((c) => c.events) ?? [];
      expect(events.find((e) => e.id === 'whatif-batch-my-ban')).toMatchObject({ hypothetical: true });
    }
  });

  it('judges one chip at every site as legality.check does', async () => {
    for (const asOf of DATES) {
      const question = { profileId: 'cn-private-lab-owned', chipId: 'nvidia-h20', asOf, confidenceFloor: 'announced' };
      const batch = await value('legality.batch', question);
      expect(batch.chipId).toBe('nvidia-h20');
      const expected = [];
      for (const site of sites) {
        const {
          asOf: _a,
          profileId: _p,
          siteId,
          ...verdict
        } = await value('legality.check', {
          ...question,
          siteId: site.id,
        });
        expected.push({ siteId, country: site.country, workload: null, chip: verdict });
      }
      expect(batch.sites).toEqual(expected);
    }
  });

  it('keeps to the sites or countries named, in store order', async () => {
    const question = { profileId: 'sg-neocloud', asOf: '2025-06-01' };
    const all = await value('legality.batch', question);
    expect(all.sites.map((s) => s.siteId)).toEqual(sites.map((s) => s.id));
    const picked = [sites[5]?.id, sites[0]?.id, sites[9]?.id] as string[];
    const named = await value('legality.batch', { ...question, siteIds: picked });
    expect(named.sites).toEqual(all.sites.filter((s) => picked.includes(s.siteId)));
    const countries = ['SG', 'MY'];
    const byCountry = await value('legality.batch', { ...question, countries });
    expect(byCountry.sites.length).toBeGreaterThan(0);
    expect(byCountry.sites).toEqual(all.sites.filter((s) => countries.includes(s.country)));
    const both = await value('legality.batch', { ...question, siteIds: picked, countries: ['CN'] });
    expect(both.sites).toEqual(all.sites.filter((s) => picked.includes(s.siteId) && s.country === 'CN'));
  });

  it('refuses unknown sites, chips and profiles by name, and a question without a profile', async () => {
    const unknownSite = await failure('legality.batch', { profileId: 'bytedance', siteIds: ['sg-tuas', 'nowhere'] });
    expect(unknownSite).toMatchObject({ code: 'not_found', issues: [{ path: 'siteIds' }] });
    expect(unknownSite.message).toContain('"nowhere"');
    expect(await failure('legality.batch', { profileId: 'bytedance', chipId: 'no-chip' })).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('"no-chip"') as unknown,
    });
    expect(await failure('legality.batch', { profileId: 'nobody' })).toMatchObject({ code: 'not_found' });
    expect(await failure('legality.batch', { asOf: '2025-01-01' })).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'profileId', message: expect.stringContaining('is required') as unknown }],
    });
    expect(await failure('legality.batch', { profileId: 'bytedance', countries: ['sg'] })).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'countries.0' }],
    });
  });
});

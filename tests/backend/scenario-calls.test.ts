// What-if scenarios through the real dispatcher on the seeded store: hypothetical events are checked
// like real ones, never reach the real timeline, and change legality, scoring and sensitivity only
// when a scenarioId is given; files round-trip and a bad file changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../backend/backend';
import { harness, openBackend, type Harness } from './edit-fixture';

let backend: Backend;
let h: Harness;

beforeEach(() => {
  backend = openBackend();
  h = harness(backend);
});

afterEach(() => backend.close());

const PRESS = { title: 'What-if memo', url: 'https://example.org/what-if' };

/** "US adds a licence requirement for Malaysia" (for frontier chips), in force from 2025-05-20. */
const US_MY = {
  id: 'us-my-licence',
  issuer: 'US',
  regime: 'us-destination',
  title: 'US adds a licence requirement for Malaysia',
  effectiveDate: '2025-05-20',
  effect: 'licence_required',
  scope: { chipClasses: ['frontier_controlled'], destinations: ['MY'] },
  confidence: 'reported',
  source: PRESS,
};

/** "China extends the Nvidia ban to all private companies": every Nvidia chip, any company, in China. */
const CN_NVIDIA = {
  id: 'cn-nvidia-ban-all',
  issuer: 'CN',
  regime: 'cn-procurement',
  title: 'China extends the Nvidia ban to all private companies',
  effectiveDate: '2026-01-01',
  effect: 'prohibited',
  scope: {
    chips: [
      'nvidia-a100',
      'nvidia-a800',
      'nvidia-h100',
      'nvidia-h800',
      'nvidia-h20',
      'nvidia-h200',
      'nvidia-b200',
      'nvidia-b30a',
      'nvidia-rtx-pro-6000d',
    ],
    destinations: ['CN'],
  },
  confidence: 'reported',
  source: PRESS,
};

async function scenarioWith(name: string, ...events: Record<string, unknown>[]): Promise<string> {
  const created = await h.value('scenarios.create', { name });
  await h.value('scenarios.applyEvents', {
    scenarioId: created.id,
    changes: events.map((values) => ({ op: 'insert', values })),
  });
  return created.id;
}

describe('scenarios: create, list, rename, delete', () => {
  it('creates a scenario with an id made from its name, lists it, renames it, and deletes it (undoably)', async () => {
    const created = await h.value('scenarios.create', { name: 'US squeezes Malaysia', description: 'draft' });
    expect(created).toMatchObject({
      id: 'us-squeezes-malaysia',
      name: 'US squeezes Malaysia',
      description: 'draft',
      eventCount: 0,
      events: [],
    });
    expect(h.heard()).toEqual([['data.changed', { tables: ['scenarios', 'scenario_policy_events'] }]]);
    await h.value('scenarios.applyEvents', { scenarioId: created.id, changes: [{ op: 'insert', values: US_MY }] });
    const again = await h.failure('scenarios.create', { name: 'us squeezes malaysia' });
    expect(again.message).toBe('a scenario called "us squeezes malaysia" exists already: pick another name');

    const renamed = await h.value('scenarios.rename', { id: created.id, name: 'Malaysia licence' });
    expect(renamed).toMatchObject({ id: created.id, name: 'Malaysia licence', description: 'draft', eventCount: 1 });
    expect((await h.value('scenarios.list', {})).map((s) => [s.id, s.name, s.eventCount])).toEqual([
      [created.id, 'Malaysia licence', 1],
    ]);

    const deleted = await h.value('scenarios.delete', { id: created.id });
    expect(deleted.deleted).toBe(true);
    expect(await h.value('scenarios.list', {})).toEqual([]);
    expect(h.row('SELECT count(*) AS n FROM scenario_policy_events')).toEqual({ n: 0 });
    await h.value('history.undo', {});
    const back = await h.value('scenarios.get', { id: created.id });
    expect(back).toMatchObject({
      name: 'Malaysia licence',
      eventCount: 1,
      events: [expect.objectContaining({ id: 'us-my-licence', hypothetical: true })],
    });
  });

  it('says which scenario does not exist', async () => {
    expect(await h.failure('scenarios.get', { id: 'nope' })).toMatchObject({ code: 'not_found' });
    expect(await h.failure('score.run', { presetId: 'frontier-training', scenarioId: 'nope' })).toMatchObject({
      code: 'not_found',
      message: 'no what-if scenario "nope" (scenarios.list shows them)',
    });
  });
});

describe('scenarios.applyEvents', () => {
  it('checks hypothetical events like real ones; a bad batch writes nothing', async () => {
    const id = (await h.value('scenarios.create', { name: 'Bad' })).id;
    const before = h.hash();
    const error = await h.failure('scenarios.applyEvents', {
      scenarioId: id,
      changes: [
        { op: 'insert', values: { ...US_MY, endDate: '2025-01-01' } },
        { op: 'insert', values: { ...CN_NVIDIA, scope: { ...CN_NVIDIA.scope, chips: ['nvidia-x1'] } } },
        { op: 'insert', values: { ...US_MY, id: 'us-2025-04-09-h20-licence' } },
      ],
    });
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([
      {
        path: 'changes.0.values.endDate',
        message:
          'us-my-licence: end date 2025-01-01 is before the effective date 2025-05-20: give an end date on or after it, or none',
      },
      {
        path: 'changes.1.values.scope.chips.0',
        message: 'cn-nvidia-ban-all: unknown chip "nvidia-x1": pick one from chips.list',
      },
      // Links are checked as on the real timeline: the what-if event would stand in for the real
      // letter, which the (us-is-informed) revenue-share announcement amends across regimes.
      {
        path: 'changes.2.values.links',
        message:
          'us-2025-04-09-h20-licence: us-2025-08-10-revenue-share: amends "us-2025-04-09-h20-licence" of regime us-destination, but this event is of regime us-is-informed: regimes are cumulative, so an event can only displace one of its own regime',
      },
      {
        path: 'changes.2.values.id',
        message:
          'us-2025-04-09-h20-licence: the real timeline has an event "us-2025-04-09-h20-licence": give the what-if event its own id',
      },
    ]);
    expect(h.hash()).toBe(before);
    const check = await h.value('scenarios.validateEvents', {
      scenarioId: id,
      changes: [{ op: 'insert', values: US_MY }],
    });
    expect(check).toMatchObject({ ok: true, inserts: 1 });
    expect(h.hash()).toBe(before);
  });

  it('keeps a chip a what-if event names from being deleted', async () => {
    await h.value('data.apply', {
      table: 'chips',
      changes: [
        {
          op: 'insert',
          values: {
            id: 'future-x',
            vendor: 'Nvidia',
            name: 'X',
            chipClass: 'frontier_controlled',
            source: { ...PRESS, asOf: '2026-01-01' },
          },
        },
      ],
    });
    const id = await scenarioWith('Future chip', { ...US_MY, scope: { chips: ['future-x'], destinations: ['MY'] } });
    const error = await h.failure('data.apply', { table: 'chips', changes: [{ op: 'delete', key: 'future-x' }] });
    expect(error.issues).toEqual([
      {
        path: 'changes.0',
        message: `future-x: chip future-x is used by what-if event ${id}/us-my-licence: remove it there first`,
      },
    ]);
  });

  it('edits and deletes an event; each batch can be undone', async () => {
    const id = await scenarioWith('Edits', US_MY);
    await h.value('scenarios.applyEvents', {
      scenarioId: id,
      changes: [{ op: 'update', key: 'us-my-licence', values: { effect: 'prohibited' } }],
    });
    expect((await h.value('scenarios.get', { id })).events[0]?.effect).toBe('prohibited');
    await h.value('history.undo', {});
    expect((await h.value('scenarios.get', { id })).events[0]?.effect).toBe('licence_required');
    await h.value('scenarios.applyEvents', { scenarioId: id, changes: [{ op: 'delete', key: 'us-my-licence' }] });
    expect((await h.value('scenarios.get', { id })).eventCount).toBe(0);
  });
});

describe('scenario isolation', () => {
  const SEDENAK = { profileId: 'sg-neocloud', siteId: 'my-sedenak', asOf: '2025-06-01' };
  const QINGPU = { profileId: 'cn-private-lab-owned', siteId: 'cn-qingpu', asOf: '2026-02-01' };
  const SCORE = { presetId: 'frontier-training', profileId: SEDENAK.profileId, asOf: SEDENAK.asOf };

  it('"US adds a licence requirement for Malaysia" flips a Johor site from allowed to licence_required only under the scenario', async () => {
    const policies = await h.value('policies.list', {});
    const realScore = await h.value('score.run', SCORE);
    const real = await h.value('legality.site', SEDENAK);
    expect(real.status).toBe('allowed');

    const id = await scenarioWith('Malaysia licence', US_MY);
    const whatIf = await h.value('legality.site', { ...SEDENAK, scenarioId: id });
    expect(whatIf.status).toBe('licence_required');
    const decider = whatIf.chips.flatMap((c) => c.events).find((e) => e.role === 'decides');
    expect(decider).toMatchObject({ id: 'us-my-licence', hypothetical: true });
    const check = await h.value('legality.check', { ...SEDENAK, chipId: 'nvidia-h200', scenarioId: id });
    expect(check.status).toBe('licence_required');

    // The real timeline, real legality and real scoring are untouched.
    expect(await h.value('policies.list', {})).toEqual(policies);
    expect(await h.value('legality.site', SEDENAK)).toEqual(real);
    expect(await h.value('score.run', SCORE)).toEqual(realScore);

    // Scoring under the scenario: the preset allows only allowed/conditional chips, so Johor drops out.
    const scored = await h.value('score.run', { ...SCORE, scenarioId: id });
    const sedenak = (r: typeof scored): (typeof scored.results)[number] | undefined =>
      r.results.find((s) => s.siteId === 'my-sedenak');
    expect(sedenak(realScore)?.excluded).toBe(false);
    expect(sedenak(scored)).toMatchObject({ excluded: true, rank: null });
    expect(sedenak(scored)?.reasons.join(' ')).toMatch(/licence/);
  });

  it('"China extends the Nvidia ban to all private companies" makes Nvidia prohibited for a private lab in Shanghai', async () => {
    const statuses = (r: { chips: { chipId: string; status: string }[] }): string[][] =>
      r.chips.map((c) => [c.chipId, c.status]);
    const real = await h.value('legality.site', QINGPU);
    // H200: licence required (case-by-case since 2026-01-15); H20: conditional (revenue share, and
    // China's reported halt on orders); Ascend 910C: no rule restricts it. Best lawful: the 910C.
    expect(statuses(real)).toEqual([
      ['nvidia-h200', 'licence_required'],
      ['nvidia-h20', 'conditional'],
      ['huawei-ascend-910c', 'allowed'],
    ]);
    expect(real).toMatchObject({ status: 'allowed', chipId: 'huawei-ascend-910c' });
    expect((await h.value('legality.site', { ...QINGPU, legalityMode: 'all' })).status).toBe('licence_required');

    const id = await scenarioWith('Nvidia ban for all', CN_NVIDIA);
    const whatIf = await h.value('legality.site', { ...QINGPU, scenarioId: id });
    expect(statuses(whatIf)).toEqual([
      ['nvidia-h200', 'prohibited'],
      ['nvidia-h20', 'prohibited'],
      ['huawei-ascend-910c', 'allowed'],
    ]);
    // The lab can still train lawfully on Ascend; the answer says the strongest chip is now barred.
    expect(whatIf).toMatchObject({ status: 'allowed', chipId: 'huawei-ascend-910c' });
    expect(whatIf.reason).toContain('Nvidia H200 prohibited');
    const fleet = await h.value('legality.site', { ...QINGPU, scenarioId: id, legalityMode: 'all' });
    expect(fleet).toMatchObject({ status: 'prohibited', chipId: 'nvidia-h200' });
    expect(fleet.reason).toContain('cn-nvidia-ban-all');
    expect(fleet.chips[0]?.events.find((e) => e.id === 'cn-nvidia-ban-all')).toMatchObject({
      role: 'decides',
      hypothetical: true,
    });
    // Outside China nothing changes.
    const sg = { ...QINGPU, siteId: 'sg-tuas' };
    expect((await h.value('legality.site', { ...sg, scenarioId: id })).status).toBe(
      (await h.value('legality.site', sg)).status,
    );
  });

  it('sensitivity.run analyses the scenario when given one', async () => {
    const id = await scenarioWith('Malaysia licence', US_MY);
    const input = { ...SCORE, samples: 50, sweepSteps: 3 };
    const pExcluded = (r: { smaa: { sites: { siteId: string; pExcluded: number }[] } }): number | undefined =>
      r.smaa.sites.find((s) => s.siteId === 'my-sedenak')?.pExcluded;
    expect(pExcluded(await h.value('sensitivity.run', input))).toBe(0);
    expect(pExcluded(await h.value('sensitivity.run', { ...input, scenarioId: id }))).toBe(1);
  });
});

describe('scenarios.compare', () => {
  it('ranks both ways and flags the sites whose status, exclusion or rank change', async () => {
    const id = await scenarioWith('Malaysia licence', US_MY);
    const out = await h.value('scenarios.compare', {
      scenarioId: id,
      presetId: 'frontier-training',
      profileId: 'sg-neocloud',
      asOf: '2025-06-01',
    });
    expect(out).toMatchObject({
      scenario: { id, name: 'Malaysia licence', eventCount: 1 },
      preset: { id: 'frontier-training' },
      profile: { id: 'sg-neocloud' },
    });
    expect(out.real).toEqual(
      (await h.value('score.run', { presetId: 'frontier-training', profileId: 'sg-neocloud', asOf: '2025-06-01' }))
        .results,
    );
    const johor = out.sites.filter((s) => s.siteId.startsWith('my-'));
    // Seed v5: the four Johor districts and 13 named Johor campuses.
    expect(johor).toHaveLength(17);
    for (const s of johor) {
      expect(s.real.status).toBe('allowed');
      expect(s.whatIf.status).toBe('licence_required');
      expect(s.changed).toMatchObject({ status: true, any: true });
    }
    const sedenak = out.sites.find((s) => s.siteId === 'my-sedenak');
    expect(sedenak?.changed.excluded).toBe(sedenak?.real.excluded === false);
    const unchanged = out.sites.filter((s) => !s.changed.any);
    for (const s of unchanged) expect([s.real.rank, s.real.status]).toEqual([s.whatIf.rank, s.whatIf.status]);
    expect(out.changedCount).toBe(out.sites.filter((s) => s.changed.any).length);
    expect(out.changedCount).toBeGreaterThanOrEqual(johor.length);
  });
});

describe('scenario files', () => {
  it('exports versioned JSON and imports it back as a new scenario with the same events', async () => {
    const id = await scenarioWith('Both', US_MY, CN_NVIDIA);
    const file = await h.value('scenarios.export', { id });
    expect(file.filename).toBe('both.landfall-scenario.json');
    const parsed = JSON.parse(file.content) as {
      format: string;
      version: number;
      scenario: { name: string };
      events: { id: string }[];
    };
    expect(parsed).toMatchObject({ format: 'landfall.scenario', version: 1, scenario: { name: 'Both' } });
    expect(parsed.events.map((e) => e.id)).toEqual(['us-my-licence', 'cn-nvidia-ban-all']);

    const imported = await h.value('scenarios.import', { content: file.content });
    expect(imported).toMatchObject({ id: 'both-2', name: 'Both (2)', eventCount: 2 });
    const original = await h.value('scenarios.get', { id });
    expect(imported.events).toEqual(original.events);
    const named = await h.value('scenarios.import', { content: file.content, name: 'Copy' });
    expect(named).toMatchObject({ id: 'copy', name: 'Copy' });
  });

  it('refuses a bad file, names every problem, and changes nothing', async () => {
    const id = await scenarioWith('Good', US_MY);
    const good = JSON.parse((await h.value('scenarios.export', { id })).content) as Record<string, unknown>;
    const before = h.hash();
    const cases: [string, RegExp, string[]][] = [
      ['{ not json', /not valid JSON/, ['content']],
      [JSON.stringify({ ...good, format: 'landfall.table' }), /not a Landfall scenario file/, ['format']],
      [JSON.stringify({ ...good, version: 2 }), /newer Landfall \(scenario file version 2/, ['version']],
      [
        JSON.stringify({
          ...good,
          events: [{ ...US_MY, effectiveDate: '2025-13-01' }, 'oops', US_MY, { ...CN_NVIDIA, issuer: 'ZZ', extra: 1 }],
        }),
        /^scenario file refused: 5 problems/,
        ['events.0.effectiveDate', 'events.1', 'events.2.id', 'events.3.extra', 'events.3.issuer'],
      ],
    ];
    for (const [content, message, paths] of cases) {
      const error = await h.failure('scenarios.import', { content });
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/nothing was written$/);
      expect(error.issues.map((i) => i.path).sort()).toEqual(paths);
      expect(h.hash()).toBe(before);
    }
    expect((await h.value('scenarios.list', {})).map((s) => s.name)).toEqual(['Good']);
  });
});

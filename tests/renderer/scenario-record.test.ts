// The remembered scenario: a round trip keeps every field; damaged, foreign or outdated records fall
// back to the defaults (whole, or field by field); a preset, profile or criterion that is no longer
// in the store is replaced and the planner told; and the store remembers each change and restores
// the question after a restart, as of the date it was asked.
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../renderer/src/api/client';
import {
  SCENARIO_KEY,
  SCENARIO_VERSION,
  restoreScenario,
  scenarioRecord,
} from '../../renderer/src/remembered/scenario';
import {
  createAppStore,
  DEFAULT_COVERAGE_CHOICE,
  DEFAULT_LEGALITY_CHOICE,
  NO_OVERRIDES,
  type Scenario,
} from '../../renderer/src/store';
import { inMemoryTransport } from './fake-backend';
import { memoryStorage } from './memory-storage';

const STARTING: Scenario = {
  presetId: null,
  profileId: null,
  asOf: '2026-12-03',
  ...NO_OVERRIDES,
  ...DEFAULT_LEGALITY_CHOICE,
  ...DEFAULT_COVERAGE_CHOICE,
};
const record = scenarioRecord(() => STARTING);

const DEFENDED: Scenario = {
  presetId: 'sovereignty-low-risk',
  profileId: 'cn-private-lab-rented',
  asOf: '2025-12-01',
  method: 'topsis',
  normalisation: 'minmax',
  weights: { chip_legality: 0.6, power_price_usc_kwh: 0.4 },
  constraints: [{ kind: 'min', criterionId: 'power_price_usc_kwh', value: 2 }],
  workload: 'inference',
  legalityMode: 'all',
  confidenceFloor: 'rule',
  minCoverage: 0.7,
  thinData: 'exclude',
};

const stored = (storage: Storage, value: unknown): void => storage.setItem(SCENARIO_KEY, JSON.stringify(value));

describe('the scenario record', () => {
  it('starts from the defaults and keeps every field through a save and a load', () => {
    const storage = memoryStorage();
    expect(record.load(storage)).toEqual(STARTING);
    record.save(DEFENDED, storage);
    expect(record.load(storage)).toEqual(DEFENDED);
    expect(JSON.parse(storage.getItem(SCENARIO_KEY) ?? '')).toMatchObject({ version: SCENARIO_VERSION });
  });

  it.each([
    ['not JSON', '{"version":1,"presetId":'],
    ['JSON null', 'null'],
    ['an array', '["cost-first"]'],
    ['a record from a newer version', JSON.stringify({ ...DEFENDED, version: SCENARIO_VERSION + 1 })],
    ['a record with no version', JSON.stringify(DEFENDED)],
    ['a damaged preset id (its weights belong to it)', JSON.stringify({ ...DEFENDED, version: 1, presetId: 42 })],
  ])('ignores %s and uses the defaults', (_what, text) => {
    const storage = memoryStorage();
    storage.setItem(SCENARIO_KEY, text);
    expect(record.load(storage)).toEqual(STARTING);
  });

  it('replaces only the damaged fields of an otherwise good record', () => {
    const storage = memoryStorage();
    stored(storage, {
      ...DEFENDED,
      version: SCENARIO_VERSION,
      asOf: '2025-02-30',
      method: 'borda',
      weights: { chip_legality: -1 },
      minCoverage: 2,
      legalityMode: 'some',
    });
    const scenario = record.load(storage);
    expect(scenario.asOf).toBe(STARTING.asOf);
    expect(scenario.method).toBeNull();
    expect(scenario.weights).toBeNull();
    expect(scenario.minCoverage).toBe(STARTING.minCoverage);
    expect(scenario.legalityMode).toBe(STARTING.legalityMode);
    // The good fields survive.
    expect(scenario.presetId).toBe(DEFENDED.presetId);
    expect(scenario.profileId).toBe(DEFENDED.profileId);
    expect(scenario.constraints).toEqual(DEFENDED.constraints);
    expect(scenario.thinData).toBe('exclude');
  });

  it.each(['2025-13-01', '01/12/2025', '', 20251201])('falls back to the default date for %j', (asOf) => {
    const storage = memoryStorage();
    stored(storage, { ...DEFENDED, version: SCENARIO_VERSION, asOf });
    expect(record.load(storage).asOf).toBe(STARTING.asOf);
  });

  it('works without storage, and with storage that refuses to read or write', () => {
    expect(record.load(null)).toEqual(STARTING);
    expect(() => record.save(DEFENDED, null)).not.toThrow();
    expect(record.load(memoryStorage({ failGet: true }))).toEqual(STARTING);
    const full = memoryStorage({ failSet: true });
    expect(record.save(DEFENDED, full)).toEqual(DEFENDED);
    expect(record.load(full)).toEqual(STARTING);
  });
});

describe('restoring the scenario against the store', () => {
  const choices = {
    presets: [
      { id: 'cost-first', name: 'Cost first' },
      { id: 'sovereignty-low-risk', name: 'Sovereignty / low risk' },
    ],
    profiles: [
      { id: 'cn-private-lab-rented', name: 'China-HQ private AI lab (renting offshore capacity)' },
      { id: 'us-hyperscaler', name: 'US hyperscaler' },
    ],
    criteria: [{ id: 'chip_legality' }, { id: 'power_price_usc_kwh' }],
  } as unknown as Parameters<typeof restoreScenario>[1];
  const fallback = { presetId: 'cost-first', profileId: 'cn-private-lab-rented' };

  it('keeps a scenario that fits the store as it is, and says nothing', () => {
    const { scenario, notice } = restoreScenario(DEFENDED, choices, fallback);
    expect(scenario).toEqual(DEFENDED);
    expect(notice).toBeNull();
  });

  it('fills in the fallback on a first start without a notice', () => {
    const { scenario, notice } = restoreScenario(STARTING, choices, fallback);
    expect(scenario.presetId).toBe('cost-first');
    expect(scenario.profileId).toBe('cn-private-lab-rented');
    expect(notice).toBeNull();
  });

  it('replaces a preset no longer in the store, with the weights made for it, and says so', () => {
    const { scenario, notice } = restoreScenario({ ...DEFENDED, presetId: 'deleted-preset' }, choices, fallback);
    expect(scenario).toMatchObject({ presetId: 'cost-first', weights: null, constraints: null });
    // The rest of the question stays.
    expect(scenario).toMatchObject({ asOf: '2025-12-01', method: 'topsis', profileId: 'cn-private-lab-rented' });
    expect(notice).toContain('“deleted-preset” is no longer in the store: showing Cost first');
  });

  it('replaces a profile no longer in the store and says so', () => {
    const { scenario, notice } = restoreScenario({ ...DEFENDED, profileId: 'gone' }, choices, fallback);
    expect(scenario.profileId).toBe('cn-private-lab-rented');
    expect(scenario.presetId).toBe('sovereignty-low-risk');
    expect(notice).toContain('company profile “gone”');
  });

  it('drops weights and constraints on criteria no longer in the store', () => {
    const { scenario, notice } = restoreScenario(
      {
        ...DEFENDED,
        weights: { chip_legality: 0.5, retired_metric: 0.5 },
        constraints: [
          { kind: 'chips_legal', allow: ['allowed'] },
          { kind: 'max', criterionId: 'retired_metric', value: 1 },
        ],
      },
      choices,
      fallback,
    );
    expect(scenario.weights).toEqual({ chip_legality: 0.5 });
    expect(scenario.constraints).toEqual([{ kind: 'chips_legal', allow: ['allowed'] }]);
    expect(notice).toContain('dropped');
  });
});

describe('the store remembers the scenario', () => {
  const backends: { close(): void }[] = [];
  afterEach(() => {
    for (const b of backends.splice(0)) b.close();
  });
  const started = async (
    storage: Storage,
  ): Promise<{ store: ReturnType<typeof createAppStore>; client: ReturnType<typeof createClient> }> => {
    const { transport, backend } = inMemoryTransport();
    backends.push(backend);
    const client = createClient(transport);
    const store = createAppStore({ storage });
    await store.getState().load(client);
    return { store, client };
  };

  it('restores preset, profile, date and method after a restart, and the same ranking', async () => {
    const storage = memoryStorage();
    const first = await started(storage);
    await first.store.getState().setScenario(first.client, {
      presetId: 'sovereignty-low-risk',
      profileId: 'us-hyperscaler',
      asOf: '2025-12-01',
      method: 'topsis',
    });
    const before = first.store.getState();

    const second = await started(storage);
    const after = second.store.getState();
    expect(after.scenario).toEqual(before.scenario);
    expect(after.scenario).toMatchObject({ presetId: 'sovereignty-low-risk', asOf: '2025-12-01', method: 'topsis' });
    expect(after.scoreError).toBeNull();
    expect(after.score?.results.slice(0, 5).map((r) => r.siteId)).toEqual(
      before.score?.results.slice(0, 5).map((r) => r.siteId),
    );
    expect(after.scenarioNotice).toBeNull();
  });

  it('falls back to the default preset when the remembered one is gone, and says so', async () => {
    const storage = memoryStorage();
    stored(storage, { ...DEFENDED, version: SCENARIO_VERSION, presetId: 'deleted-preset' });
    const { store, client } = await started(storage);
    const state = store.getState();
    expect(state.scenario.presetId).toBe(state.choices.presets[0]?.id);
    expect(state.scenario.weights).toBeNull();
    expect(state.scenario.asOf).toBe('2025-12-01');
    expect(state.scenarioNotice).toContain('“deleted-preset” is no longer in the store');
    expect(state.score).not.toBeNull();
    // The replacement is what is remembered now.
    expect(scenarioRecord(() => STARTING).load(storage).presetId).toBe(state.scenario.presetId);
    // Choosing a preset makes the note moot.
    await store.getState().setScenario(client, { asOf: '2025-11-01' });
    expect(store.getState().scenarioNotice).not.toBeNull();
    await store.getState().setScenario(client, { presetId: 'cost-first' });
    expect(store.getState().scenarioNotice).toBeNull();
  });
});

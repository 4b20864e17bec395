// The scenario as a value: each call that scores, explains or reports a scenario reads the store's
// tables once (backend/services/scenario/scenario-snapshot.ts). Counted on the real connection: every SQL
// statement the call prepares is logged, and each repository read is recognised by the statements
// it prepares when called on its own.
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import { listChips } from '../../db/chips-repo';
import { listCriteria } from '../../db/criteria-repo';
import { listMarkets } from '../../db/markets-repo';
import { listMetricValues } from '../../db/metrics-repo';
import type { Db } from '../../db/open';
import { listPolicyEvents } from '../../db/policies-repo';
import { listPresets } from '../../db/presets-repo';
import { listProfiles } from '../../db/profiles-repo';
import { getScenario, listScenarioEvents } from '../../db/scenarios-repo';
import { listSites } from '../../db/sites-repo';
import type { CallName } from '../../shared/contract';
import { valueOf } from './dispatch-results';

let backend: Backend;
let prepare: MockInstance<Db['prepare']>;
let whatIfId: string;

beforeAll(async () => {
  backend = createBackend({ dbPath: ':memory:', version: 't', backupSchedule: false });
  const content = JSON.stringify({
    format: 'landfall.scenario',
    version: 1,
    scenario: { name: 'Snapshot what-if', description: '' },
    events: [],
  });
  whatIfId = (await valueOf(backend, 'scenarios.import', { content })).id;
  prepare = vi.spyOn(backend.db, 'prepare');
});

afterAll(() => {
  prepare.mockRestore();
  backend.close();
});

/** The statements `read` prepares, in order. */
function statementsOf(read: (db: Db) => unknown): string[] {
  prepare.mockClear();
  read(backend.db);
  return prepare.mock.calls.map(([sql]) => sql);
}

/** Each repository read the snapshot makes, by the statements it prepares. */
const READS: Record<string, (db: Db) => unknown> = {
  sites: (db) => listSites(db),
  markets: (db) => listMarkets(db),
  chips: (db) => listChips(db),
  profiles: (db) => listProfiles(db),
  presets: (db) => listPresets(db),
  criteria: (db) => listCriteria(db),
  'metric values': (db) => listMetricValues(db),
  'policy events': (db) => listPolicyEvents(db),
};

/** How many times each read's statements were prepared while `name` ran. */
async function readsDuring(name: CallName, input: unknown): Promise<{ counts: Record<string, number>; log: string[] }> {
  const known = Object.fromEntries(Object.entries(READS).map(([table, read]) => [table, statementsOf(read)]));
  prepare.mockClear();
  await valueOf(backend, name, input);
  const log = prepare.mock.calls.map(([sql]) => sql);
  const counts = Object.fromEntries(
    Object.entries(known).map(([table, sqls]) => [
      table,
      Math.min(...sqls.map((s) => log.filter((x) => x === s).length)),
    ]),
  );
  return { counts, log };
}

const ONCE = Object.fromEntries(Object.keys(READS).map((table) => [table, 1]));
const SCENARIO = { presetId: 'cost-first', profileId: 'cn-private-lab-rented', asOf: '2025-09-01' };

describe('one read of the store per scenario', () => {
  it('statements are told apart: every repository read prepares something of its own', () => {
    const all = Object.values(READS).map((read) => statementsOf(read));
    for (const sqls of all) expect(sqls.length).toBeGreaterThan(0);
    expect(new Set(all.map((s) => s.join('\n'))).size).toBe(all.length);
  });

  it('report.build reads each table once, and no site’s facts or legality one by one', async () => {
    const { counts, log } = await readsDuring('report.build', {
      ...SCENARIO,
      sites: ['sg-tuas', 'my-kulai'],
      sensitivity: { samples: 200, seed: 1 },
    });
    expect(counts).toEqual(ONCE);
    // metrics.list's per-site statement, and legality.site's per-country market read, never appear.
    const perSite = statementsOf((db) => listMetricValues(db, { siteId: 'sg-tuas' }));
    expect(log.filter((sql) => perSite.includes(sql))).toEqual([]);
    const sitesRead = statementsOf((db) => listSites(db));
    expect(log.filter((sql) => sitesRead.includes(sql))).toHaveLength(1);
  });

  it('report.render reads each table once, with a what-if scenario read once too', async () => {
    const { counts, log } = await readsDuring('report.render', {
      ...SCENARIO,
      scenarioId: whatIfId,
      sensitivity: null,
      format: 'md',
    });
    expect(counts).toEqual(ONCE);
    for (const read of [(db: Db) => getScenario(db, whatIfId), (db: Db) => listScenarioEvents(db, whatIfId)]) {
      const sqls = statementsOf(read);
      expect(log.filter((sql) => sqls.includes(sql))).toHaveLength(1);
    }
  });

  // Inputs as functions: the what-if scenario's id is known only once beforeAll has run.
  it.each([
    ['score.run', () => SCENARIO],
    ['score.matrix', () => SCENARIO],
    ['sensitivity.run', () => ({ ...SCENARIO, samples: 100 })],
    ['scenarios.compare', () => ({ ...SCENARIO, scenarioId: whatIfId })],
  ] as const)('%s reads each table once', async (name, input) => {
    expect((await readsDuring(name, input())).counts).toEqual(ONCE);
  });

  it('legality.batch reads the sites, markets, chips, profiles and timeline once, and no facts', async () => {
    const { counts } = await readsDuring('legality.batch', { profileId: 'bytedance', asOf: '2025-09-01' });
    expect(counts).toEqual({ ...ONCE, presets: 0, criteria: 0, 'metric values': 0 });
  });
});

// Live scoring in the renderer (score.matrix + shared/score-live.ts) must give exactly what score.run
// gives for the same scenario and weights: every method and normalisation, with and without a
// profile, with constraints (including one on a criterion weighted 0), for the preset's weights and
// for overrides that add, drop and re-balance criteria. Bad weights are left to score.run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import type { HardConstraint } from '../../shared/model/presets';
import { sameScoreRun, scoreLive } from '../../shared/score-live';
import { valueOf } from './dispatch-results';

let backend: Backend;

beforeAll(() => {
  backend = createBackend({ dbPath: ':memory:', version: 't', backupSchedule: false });
});

afterAll(() => backend.close());

const WEIGHTS: (Record<string, number> | undefined)[] = [
  undefined,
  { power_price_usc_kwh: 3, chip_legality: 0.5 },
  // A criterion the preset does not weight, and one of its own taken out.
  { grid_carbon_g_kwh: 2, build_cost_usd_w: 0 },
  { latency_hk_ms: 1, water_stress: 0.25, policy_churn: 0.7 },
];

const CONSTRAINTS: (HardConstraint[] | undefined)[] = [
  undefined,
  [],
  [
    { kind: 'chips_legal', allow: ['allowed', 'conditional'] },
    { kind: 'max', criterionId: 'mean_temp_c', value: 27 },
    { kind: 'min', criterionId: 'dc_capacity_mw', value: 50 },
  ],
];

describe('live scoring matches score.run', () => {
  for (const method of ['wsm', 'wpm', 'topsis'] as const) {
    for (const normalisation of ['criterion', 'minmax', 'vector', 'max'] as const) {
      it(`${method}, ${normalisation} normalisation`, async () => {
        let compared = 0;
        let scored = 0;
        for (const profileId of [undefined, 'cn-private-lab-rented']) {
          for (const constraints of CONSTRAINTS) {
            const scenario = {
              presetId: 'cost-first',
              asOf: '2025-06-01',
              method,
              normalisation,
              ...(profileId ? { profileId } : {}),
              ...(constraints ? { constraints } : {}),
            };
            const matrix = await valueOf(backend, 'score.matrix', scenario);
            for (const weights of WEIGHTS) {
              const backendRun = await valueOf(backend, 'score.run', { ...scenario, ...(weights ? { weights } : {}) });
              const live = scoreLive(matrix, weights);
              expect(live).toEqual(backendRun);
              expect(live && sameScoreRun(live, backendRun)).toBe(true);
              compared++;
              scored += backendRun.results.filter((r) => r.score !== null).length;
            }
          }
        }
        expect(compared).toBe(2 * CONSTRAINTS.length * WEIGHTS.length);
        // Not only all-excluded answers (cost-first without a profile excludes every site).
        expect(scored).toBeGreaterThan(100);
      });
    }
  }

  it('scores differently when the weights differ (the comparison can fail)', async () => {
    const matrix = await valueOf(backend, 'score.matrix', {
      presetId: 'cost-first',
      asOf: '2025-06-01',
      profileId: 'cn-private-lab-rented',
    });
    const a = scoreLive(matrix, { power_price_usc_kwh: 5 });
    const b = scoreLive(matrix, { power_price_usc_kwh: 0.01 });
    expect(a && b && sameScoreRun(a, b)).toBe(false);
    expect(a?.results.length).toBe(matrix.siteIds.length);
    // The same criteria again (the picked columns are cached): still exactly score.run's answer.
    const scenario = { presetId: 'cost-first', asOf: '2025-06-01', profileId: 'cn-private-lab-rented' };
    for (const power of [5, 0.01, 5]) {
      const weights = { power_price_usc_kwh: power };
      expect(scoreLive(matrix, weights)).toEqual(await valueOf(backend, 'score.run', { ...scenario, weights }));
    }
  });

  it('leaves weights score.run refuses to score.run (null)', async () => {
    const matrix = await valueOf(backend, 'score.matrix', { presetId: 'cost-first' });
    const zero = Object.fromEntries(matrix.criteria.map((c) => [c.id, 0]));
    expect(scoreLive(matrix, zero)).toBeNull();
    expect(scoreLive(matrix, { no_such_criterion: 1 })).toBeNull();
  });

  it('carries missing values as null and every criterion as a column', async () => {
    const matrix = await valueOf(backend, 'score.matrix', { presetId: 'cost-first', profileId: 'cn-state-funded' });
    const criteria = await valueOf(backend, 'criteria.list', {});
    expect(matrix.criteria.map((c) => c.id).sort()).toEqual(criteria.map((c) => c.id).sort());
    expect(matrix.values).toHaveLength(matrix.siteIds.length * matrix.criteria.length);
    expect(matrix.values.some((v) => v === null)).toBe(true);
    expect(Object.keys(matrix.legality ?? {})).toHaveLength(matrix.siteIds.length);
  });
});

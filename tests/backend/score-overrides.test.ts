// The scenario overrides of score.run and sensitivity.run (normalisation, hard constraints), checked
// against values read through other calls (metrics.list, legality.site) and the engine's formulas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import type { CallOutput } from '../../shared/contract';
import { errorOf, valueOf } from './dispatch-results';

let backend: Backend;

beforeAll(() => {
  backend = createBackend({ dbPath: ':memory:', version: 't', backupSchedule: false });
});

afterAll(() => backend.close());

const ASOF = '2026-01-15';
const PRICE = 'power_price_usc_kwh';
/** cost-first, weighting power price alone (the other preset weights set to 0). */
const PRICE_ONLY = {
  presetId: 'cost-first',
  asOf: ASOF,
  method: 'wsm',
  weights: { power_price_usc_kwh: 1, build_cost_usd_w: 0, land_cost_usd_m2: 0, tax_incentive: 0, chip_legality: 0 },
} as const;

/** Each site's own power price (its override, else its market's), read with metrics.list. */
async function pricesBySite(): Promise<Map<string, number | null>> {
  const sites = await valueOf(backend, 'sites.list', {});
  const out = new Map<string, number | null>();
  for (const s of sites) {
    const values = await valueOf(backend, 'metrics.list', { siteId: s.id, criterionId: PRICE });
    const own = values.find((v) => v.siteId === s.id) ?? values[0];
    out.set(s.id, own?.kind === 'known' ? own.value : null);
  }
  return out;
}

const scoreOf = (out: CallOutput<'score.run'>, id: string): number | null =>
  out.results.find((r) => r.siteId === id)?.score ?? null;

describe('score.run normalisation override', () => {
  it('scores a cost criterion by min-max, vector or max exactly as the formulas say', async () => {
    const prices = await pricesBySite();
    const known = [...prices].filter((e): e is [string, number] => e[1] !== null);
    expect(known.length).toBeGreaterThanOrEqual(5);
    const xs = known.map(([, x]) => x);
    const min = Math.min(...xs);
    const max = Math.max(...xs);
    const norm = Math.hypot(...xs);
    const expected: Record<'minmax' | 'vector' | 'max', (x: number) => number> = {
      minmax: (x) => (max - x) / (max - min),
      vector: (x) => 1 - x / norm,
      max: (x) => min / x,
    };
    for (const kind of ['minmax', 'vector', 'max'] as const) {
      const out = await valueOf(backend, 'score.run', { ...PRICE_ONLY, constraints: [], normalisation: kind });
      expect(out.normalisation).toBe(kind);
      expect(out.constraints).toEqual([]);
      expect(out.results.every((r) => !r.excluded)).toBe(true);
      for (const [id, x] of known) expect(scoreOf(out, id)).toBeCloseTo(expected[kind](x), 9);
    }
    // 'criterion' keeps power price's own rule (min-max), and is what an absent override means.
    const own = await valueOf(backend, 'score.run', { ...PRICE_ONLY, constraints: [], normalisation: 'criterion' });
    const absent = await valueOf(backend, 'score.run', { ...PRICE_ONLY, constraints: [] });
    expect(absent.normalisation).toBe('criterion');
    for (const [id, x] of known) {
      expect(scoreOf(own, id)).toBeCloseTo(expected.minmax(x), 9);
      expect(scoreOf(absent, id)).toBe(scoreOf(own, id));
    }
  });

  it('changes the ranking when criteria are combined', async () => {
    const input = {
      presetId: 'frontier-training',
      profileId: 'cn-private-lab-rented',
      asOf: ASOF,
      method: 'wsm',
    } as const;
    const order = (out: CallOutput<'score.run'>): string[] =>
      out.results
        .filter((r) => r.rank !== null)
        .sort((a, b) => (a.rank as number) - (b.rank as number))
        .map((r) => r.siteId);
    const minmax = await valueOf(backend, 'score.run', { ...input, normalisation: 'minmax' });
    const vector = await valueOf(backend, 'score.run', { ...input, normalisation: 'vector' });
    expect(order(vector)).not.toEqual(order(minmax));
  });

  it('refuses a normalisation the engine cannot apply to every criterion', async () => {
    const err = await errorOf(backend, 'score.run', { ...PRICE_ONLY, normalisation: 'target' });
    expect(err.code).toBe('invalid_input');
    expect(JSON.stringify(err.issues)).toContain('normalisation');
  });
});

describe('score.run constraints override', () => {
  it('a maximum excludes exactly the sites above it (and those without a value), with the reason', async () => {
    const prices = await pricesBySite();
    const xs = [...prices.values()].filter((x): x is number => x !== null).sort((a, b) => a - b);
    const limit = xs[Math.floor(xs.length / 2)] as number;
    const out = await valueOf(backend, 'score.run', {
      ...PRICE_ONLY,
      constraints: [{ kind: 'max', criterionId: PRICE, value: limit }],
    });
    const expectedOut = [...prices].filter(([, x]) => x === null || x > limit).map(([id]) => id);
    expect(expectedOut.length).toBeGreaterThan(0);
    expect(expectedOut.length).toBeLessThan(prices.size);
    expect(
      out.results
        .filter((r) => r.excluded)
        .map((r) => r.siteId)
        .sort(),
    ).toEqual(expectedOut.sort());
    for (const r of out.results.filter((x) => x.excluded)) {
      const x = prices.get(r.siteId);
      expect(r.reasons.join(' ')).toMatch(x === null ? /no value for Power price/ : /Power price .* is above/);
    }
    expect(out.constraints).toEqual([{ kind: 'max', criterionId: PRICE, value: limit }]);
  });

  it("replaces the preset's constraints: an empty list lifts the chips_legal rule", async () => {
    // Without a profile the preset's chips_legal constraint excludes every site.
    const preset = await valueOf(backend, 'score.run', { presetId: 'cost-first', asOf: ASOF });
    expect(preset.results.every((r) => r.excluded)).toBe(true);
    expect(preset.constraints).toEqual([
      { kind: 'chips_legal', allow: ['allowed', 'conditional', 'licence_required'] },
    ]);
    const none = await valueOf(backend, 'score.run', { presetId: 'cost-first', asOf: ASOF, constraints: [] });
    expect(none.results.some((r) => r.excluded)).toBe(false);
  });

  it('chips_legal keeps exactly the sites whose combined legality is an allowed status', async () => {
    const profileId = 'cn-private-lab-owned';
    const sites = await valueOf(backend, 'sites.list', {});
    const status = new Map<string, string>();
    for (const s of sites) {
      status.set(s.id, (await valueOf(backend, 'legality.site', { profileId, siteId: s.id, asOf: ASOF })).status);
    }
    for (const allow of [['allowed'], ['allowed', 'conditional', 'licence_required']] as const) {
      const out = await valueOf(backend, 'score.run', {
        presetId: 'cost-first',
        profileId,
        asOf: ASOF,
        constraints: [{ kind: 'chips_legal', allow }],
      });
      for (const r of out.results) {
        const allowed = (allow as readonly string[]).includes(status.get(r.siteId) ?? '');
        expect(r.excluded).toBe(!allowed);
      }
    }
  });

  it('refuses a constraint on an unknown criterion and keeps a constrained criterion out of the weights', async () => {
    const err = await errorOf(backend, 'score.run', {
      ...PRICE_ONLY,
      constraints: [{ kind: 'min', criterionId: 'no_such_thing', value: 1 }],
    });
    expect(err.code).toBe('invalid_input');
    expect(err.message).toContain('no_such_thing');
    const out = await valueOf(backend, 'score.run', {
      ...PRICE_ONLY,
      constraints: [{ kind: 'min', criterionId: 'dc_capacity_mw', value: 100 }],
    });
    expect(out.weights.dc_capacity_mw).toBe(0);
    expect(out.results.some((r) => r.excluded && /Data-centre capacity|capacity/i.test(r.reasons.join(' ')))).toBe(
      true,
    );
  });
});

describe('sensitivity.run overrides', () => {
  it('analyses the same scenario as score.run: weights, method and constraints', async () => {
    const base = { presetId: 'cost-first', asOf: ASOF, samples: 200, seed: 2, sweepSteps: 5 };
    // The preset's chips_legal rule without a profile: every site excluded in every sample.
    const preset = await valueOf(backend, 'sensitivity.run', base);
    expect(preset.smaa.sites.every((s) => s.pExcluded === 1)).toBe(true);
    const lifted = await valueOf(backend, 'sensitivity.run', {
      ...base,
      method: 'wpm',
      weights: PRICE_ONLY.weights,
      normalisation: 'max',
      constraints: [],
    });
    expect(lifted.method).toBe('wpm');
    expect(lifted.sweep.map((s) => s.criterionId)).toEqual([PRICE]);
    expect(lifted.smaa.sites.every((s) => s.pExcluded === 0)).toBe(true);
  });
});

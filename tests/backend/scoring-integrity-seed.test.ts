// Issue 12 on the seeded store: the seed story holds, unknowns earn nothing, and the built-in
// presets × profiles never give a gap more than the worst known cell. Expectations come from the
// story and the rules, written before running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import type { CallOutput } from '../../shared/contract';
import { seedSites } from '../../db/seed/sites';
import { valueOf } from './dispatch-results';

let backend: Backend;
beforeAll(() => {
  backend = createBackend({ dbPath: ':memory:', version: 't' });
});
afterAll(() => backend.close());

async function call<N extends 'score.run' | 'presets.list' | 'profiles.list'>(
  name: N,
  input: unknown,
): Promise<CallOutput<N>> {
  const result = await backend.dispatch(name, input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as CallOutput<N>;
}

const mainland = (id: string): boolean => id.startsWith('cn-');
const sgOrJohor = (id: string): boolean => id.startsWith('sg-') || id.startsWith('my-');

describe('the seed story', () => {
  it('a China-HQ lab renting capacity on 2025-12-01 sees Singapore and Johor above mainland China on a training preset, and is told why', async () => {
    const out = await call('score.run', {
      presetId: 'frontier-training',
      profileId: 'cn-private-lab-rented',
      asOf: '2025-12-01',
    });
    const rankOf = (r: (typeof out.results)[number]): number => r.rank ?? Number.POSITIVE_INFINITY;
    // Frontier training also needs the site itself to reach 100 MW (existing + planned): the
    // Singapore and Johor sites that do are ranked, the rest are left out for their size, never
    // for legality.
    const big = new Set(
      seedSites.filter((s) => (s.capacityMw.existing ?? 0) + (s.capacityMw.planned ?? 0) >= 100).map((s) => s.id),
    );
    const offshore = out.results.filter((r) => sgOrJohor(r.siteId));
    const ranked = offshore.filter((r) => !r.excluded);
    expect(ranked.map((r) => r.siteId).sort()).toEqual(
      offshore
        .filter((r) => big.has(r.siteId))
        .map((r) => r.siteId)
        .sort(),
    );
    // By hand from the site records: YTL Kulai 500 planned, AirTrunk JHB2 270 planned, Stack 220.
    expect(ranked.map((r) => r.siteId)).toEqual(
      expect.arrayContaining(['my-kulai', 'my-airtrunk-jhb2', 'my-stack-johor-bahru']),
    );
    for (const r of offshore.filter((x) => x.excluded)) expect(r.reasons.join(' ')).toMatch(/Site capacity/);
    const worstSgJohor = Math.max(...ranked.map(rankOf));
    const bestMainland = Math.min(...out.results.filter((r) => mainland(r.siteId)).map(rankOf));
    expect(worstSgJohor).toBeLessThan(bestMainland);
    // Mainland: frontier chips need a licence under a presumption of denial (US destination
    // controls since 2023-10-17), and the preset requires chips that are allowed or conditional.
    for (const r of out.results.filter((x) => mainland(x.siteId))) {
      expect(r.excluded).toBe(true);
      expect(r.reasons.join(' ')).toMatch(/presumption of denial/);
    }
  });

  it('for inference the same lab finds Singapore at the top (a four-way tie, said as such)', async () => {
    const out = await call('score.run', {
      presetId: 'latency-inference',
      profileId: 'cn-private-lab-rented',
      asOf: '2025-12-01',
      workload: 'inference',
    });
    const first = out.results.filter((r) => r.rank === 1).map((r) => r.siteId);
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((id) => id.startsWith('sg-'))).toBe(true);
    if (first.length > 1) expect(out.top).toEqual({ kind: 'tie', siteIds: first });
  });
});

describe('no credit without a value, on every built-in preset × profile', () => {
  it("a filled cell never contributes more than the criterion's worst known cell (WSM presets), and an uninformative criterion contributes 0", async () => {
    const presets = (await call('presets.list', {})).filter((p) => p.builtin);
    const profiles = await call('profiles.list', {});
    let filled = 0;
    let silentCells = 0;
    for (const preset of presets) {
      for (const profile of profiles) {
        // WSM shows per-criterion contributions; TOPSIS/WPM presets are scored as WSM here to read them.
        const out = await call('score.run', {
          presetId: preset.id,
          profileId: profile.id,
          asOf: '2025-12-15',
          method: 'wsm',
        });
        const ranked = out.results.filter((r) => !r.excluded);
        const silent = new Set(out.uninformative.map((u) => u.criterionId));
        for (const [id, w] of Object.entries(out.weights)) {
          if (!(w > 0)) continue;
          const known = ranked.filter((r) => !r.missingHandled.some((h) => h.criterionId === id));
          const worstKnown = Math.min(...known.map((r) => (r.contributions?.[id] ?? 0) / w));
          for (const r of ranked) {
            const c = r.contributions?.[id] ?? 0;
            if (silent.has(id)) {
              silentCells++;
              expect(c).toBe(0);
            }
            if (r.missingHandled.some((h) => h.criterionId === id)) {
              filled++;
              expect(r.missingHandled.find((h) => h.criterionId === id)?.policy).toBe('zero');
              expect(c).toBe(0);
              if (known.length > 0) expect(c / w).toBeLessThanOrEqual(worstKnown);
            }
          }
        }
      }
    }
    expect(filled).toBeGreaterThan(0); // the check met real gaps
    // …and real silent criteria: e.g. Frontier training × ByteDance ranks Ashburn and the two Hong Kong
    // sites, and build cost and pipeline are known for Hong Kong only (Northern Virginia has neither),
    // one value shared by two sites.
    expect(silentCells).toBeGreaterThan(0);
  });

  // The case on today's seed. When issue 12 was filed, Johor's power price was unknown (the
  // ringgit tariff was not converted) and only Singapore's was known among ByteDance's candidates, and
  // the tax incentive was known for Johor only, so both criteria told nobody apart. The data build
  // (issue 13) now gives both for most markets; the property is checked on whichever criteria still
  // have gaps, and the original situation is rebuilt exactly in the next test.
  it("the issue's case: ByteDance, Cost first, 2025-12-15 — a site earns nothing on a criterion it has no value for", async () => {
    const out = await call('score.run', { presetId: 'cost-first', profileId: 'bytedance', asOf: '2025-12-15' });
    const ranked = out.results.filter((x) => !x.excluded);
    // The reported ByteDance Nvidia ban (2025-11-26) excludes the mainland sites (23 of the 75 in seed
    // v5); the other 52 rank.
    expect(out.results.filter((x) => x.excluded).every((x) => mainland(x.siteId))).toBe(true);
    const offshore = seedSites.filter((s) => !mainland(s.id));
    expect(offshore).toHaveLength(52);
    expect(ranked.map((x) => x.siteId).sort()).toEqual(offshore.map((s) => s.id).sort());
    expect(ranked.some((x) => mainland(x.siteId))).toBe(false);
    // Gaps among the 52, from db/seed/derived-metrics.json (market-level facts, which every site of the
    // market inherits): power — Batam (PLN Batam's tariff) and Sydney; build cost — Batam, Thailand
    // (EEC) and Northern Virginia; land — Batam, Thailand, Jakarta and Mumbai (Johor's four district
    // sites carry their own bands, its campuses the market's). Tax and chip legality have no gap.
    const gaps: Record<string, string[]> = {};
    for (const r of ranked) for (const h of r.missingHandled) (gaps[h.criterionId] ??= []).push(r.siteId);
    for (const ids of Object.values(gaps)) ids.sort();
    const sitesOf = (...marketIds: string[]): string[] =>
      seedSites
        .filter((s) => marketIds.includes(s.marketId))
        .map((s) => s.id)
        .sort();
    expect(gaps).toEqual({
      power_price_usc_kwh: sitesOf('id-batam', 'au-sydney'),
      build_cost_usd_w: sitesOf('id-batam', 'th-eec', 'us-nova'),
      land_cost_usd_m2: sitesOf('id-batam', 'th-eec', 'id-jakarta', 'in-mumbai'),
    });
    // By hand: Batam 3 + Sydney 1; Batam 3 + Thailand 3 + Ashburn 1; Batam 3 + Thailand 3 + Jakarta 3 + Mumbai 2.
    expect(gaps.power_price_usc_kwh).toHaveLength(4);
    expect(gaps.build_cost_usd_w).toHaveLength(7);
    expect(gaps.land_cost_usd_m2).toHaveLength(11);
    // Each criterion with a gap: the gap scores 0 (policy 'zero'), never above the worst known cell.
    for (const [id, withGap] of Object.entries(gaps)) {
      const w = out.weights[id] as number;
      const known = ranked.filter((r) => !withGap.includes(r.siteId));
      expect(known.length).toBeGreaterThan(1);
      const worstKnown = Math.min(...known.map((r) => (r.contributions?.[id] ?? 0) / w));
      for (const r of ranked.filter((x) => withGap.includes(x.siteId))) {
        expect(r.missingHandled.find((h) => h.criterionId === id)?.policy).toBe('zero');
        expect(r.contributions?.[id]).toBe(0);
        expect((r.contributions?.[id] ?? 0) / w).toBeLessThanOrEqual(worstKnown);
      }
    }
    // Every weighted criterion now has a spread among the 52 (power 5.95–24.27 US¢/kWh, build
    // 6.64–15.2 US$/W, land 262–11,500 US$/m², tax 5–30 %): none is silent.
    expect(out.uninformative).toEqual([]);
    // Johor's power price is known now (45.40 sen ÷ 4.2809 = 10.6052 US¢), and its credit rests on it:
    // min–max over the 52 between Jakarta 5.9500 and Tokyo 24.2711 → 0.35 × (24.2711 − 10.6052) /
    // (24.2711 − 5.9500) = 0.35 × 0.74591 = 0.26107, at every Johor site (the market's tariff).
    const johorIds = seedSites.filter((s) => s.marketId === 'my-johor').map((s) => s.id);
    expect(johorIds).toEqual(expect.arrayContaining(['my-kulai', 'my-sedenak', 'my-nusajaya', 'my-pulai']));
    for (const id of johorIds) {
      const johor = ranked.find((r) => r.siteId === id);
      expect(johor?.missingHandled).toEqual([]);
      expect(johor?.contributions?.power_price_usc_kwh).toBeCloseTo(0.26107, 4);
    }
    for (const r of ranked) {
      expect(r.coverage).toBeGreaterThanOrEqual(0);
      expect(r.coverage).toBeLessThanOrEqual(1);
    }
  });

  it("the issue's original matrix, rebuilt: one known power price and one known tax figure give nobody anything", async () => {
    // The seed as issue 12 found it, for these two criteria: power price known for Singapore only
    // (19.19 US¢/kWh), Johor's unknown; tax incentive known for Johor only (the JS-SEZ 5 %).
    const store = createBackend({ dbPath: ':memory:', version: 't' });
    try {
      const markets = await valueOf(store, 'markets.list', {});
      const gap = (criterionId: string, keep: string) =>
        markets
          .filter((m) => m.id !== keep)
          .map((m) => ({
            op: 'update' as const,
            key: { criterionId, marketId: m.id },
            values: { missingReason: 'as the seed stood when issue 12 was filed' },
          }));
      const applied = await valueOf(store, 'data.apply', {
        table: 'metric_values',
        changes: [...gap('power_price_usc_kwh', 'sg'), ...gap('tax_incentive', 'my-johor')],
      });
      expect(applied.updates).toBe(2 * (markets.length - 1));
      const out = await valueOf(store, 'score.run', {
        presetId: 'cost-first',
        profileId: 'bytedance',
        asOf: '2025-12-15',
      });
      const ranked = out.results.filter((x) => !x.excluded);
      // Among the 52 candidates, power is known at the Singapore sites (all 19.19) and tax at the Johor
      // sites (all 5), market-level facts each: neither tells anyone apart.
      const inMarket = (marketId: string): number => seedSites.filter((s) => s.marketId === marketId).length;
      expect([inMarket('sg'), inMarket('my-johor')]).toEqual([17, 17]);
      expect(out.uninformative).toEqual([
        { criterionId: 'power_price_usc_kwh', known: 17, reason: 'all known values equal' },
        { criterionId: 'tax_incentive', known: 17, reason: 'all known values equal' },
      ]);
      for (const r of ranked) {
        expect(r.contributions?.power_price_usc_kwh).toBe(0);
        expect(r.contributions?.tax_incentive).toBe(0);
      }
      // Johor no longer scores on its unknown power price: the gap is named and earns 0.
      const kulai = ranked.find((r) => r.siteId === 'my-kulai');
      expect(kulai?.missingHandled).toEqual([
        expect.objectContaining({ criterionId: 'power_price_usc_kwh', policy: 'zero' }),
      ]);
    } finally {
      store.close();
    }
  });
});

describe('every method × normalisation means what it says', () => {
  it('each built-in preset runs under every method and normalisation, and the setting changes TOPSIS', async () => {
    const presets = (await call('presets.list', {})).filter((p) => p.builtin);
    for (const preset of presets) {
      const seen = new Map<string, string>();
      for (const method of ['wsm', 'wpm', 'topsis'] as const) {
        for (const normalisation of ['criterion', 'minmax', 'vector', 'max'] as const) {
          const out = await call('score.run', {
            presetId: preset.id,
            profileId: 'us-hyperscaler',
            asOf: '2025-12-15',
            method,
            normalisation,
          });
          expect(out.method).toBe(method);
          expect(out.normalisation).toBe(normalisation);
          for (const r of out.results) if (r.score !== null) expect(Number.isFinite(r.score)).toBe(true);
          if (method === 'topsis') seen.set(normalisation, JSON.stringify(out.results.map((r) => r.score)));
        }
      }
      // TOPSIS used to ignore the setting: vector and min–max now give different closeness.
      expect(seen.get('vector')).not.toBe(seen.get('minmax'));
    }
  });
});

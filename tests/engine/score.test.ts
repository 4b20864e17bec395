import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, scoreMatrix, scoreSites } from '../../shared/engine/score';
import type { CriterionSpec, DecisionMatrix, MissingPolicy, ScoreOptions } from '../../shared/engine/types';

const minmax = (
  id: string,
  direction: 'benefit' | 'cost' = 'benefit',
  missing: MissingPolicy = 'worst',
): CriterionSpec => ({
  id,
  direction,
  normalisation: { kind: 'minmax' },
  missing,
});

function matrixOf(siteIds: string[], criteria: CriterionSpec[], rows: number[][], asOf?: string[][]): DecisionMatrix {
  const cells = rows.flat();
  return {
    siteIds,
    criteria,
    values: Float64Array.from(cells),
    low: new Float64Array(cells.length).fill(Number.NaN),
    high: new Float64Array(cells.length).fill(Number.NaN),
    asOfDay: asOf
      ? Float64Array.from(asOf.flat(), (d) => (d === '' ? Number.NaN : dayNumber(d)))
      : new Float64Array(cells.length).fill(Number.NaN),
  };
}

const base = (weights: Record<string, number>, extra: Partial<ScoreOptions> = {}): ScoreOptions => ({
  method: 'wsm',
  weights,
  constraints: [],
  asOf: '2026-06-01',
  staleAfterDays: 365,
  ...extra,
});

const NaN_ = Number.NaN;

describe('scoreSites, WSM', () => {
  const m = matrixOf(
    ['a', 'b', 'c'],
    [minmax('power'), minmax('price', 'cost')],
    [
      [100, 50],
      [200, 70],
      [300, 60],
    ],
  );

  it('hand-computed: min-max, then Σ w r, ranks by score', () => {
    // power r = 0, 0.5, 1; price (cost) r = 1, 0, 0.5; weights 0.75 / 0.25
    // a = 0.25, b = 0.375, c = 0.875
    const r = scoreSites(m, base({ power: 3, price: 1 }));
    expect(r.weights).toEqual({ power: 0.75, price: 0.25 });
    const byId = Object.fromEntries(r.results.map((x) => [x.siteId, x]));
    expect(byId.a?.score).toBeCloseTo(0.25, 12);
    expect(byId.b?.score).toBeCloseTo(0.375, 12);
    expect(byId.c?.score).toBeCloseTo(0.875, 12);
    expect([byId.c?.rank, byId.b?.rank, byId.a?.rank]).toEqual([1, 2, 3]);
    expect(byId.c?.contributions?.power).toBeCloseTo(0.75, 12);
    expect(byId.c?.contributions?.price).toBeCloseTo(0.125, 12);
    for (const x of r.results) {
      const sum = Object.values(x.contributions ?? {}).reduce((s, v) => s + v, 0);
      expect(sum).toBeCloseTo(x.score as number, 12);
    }
  });

  it("contributions: 'none' skips them and changes nothing else", () => {
    const all = scoreSites(m, base({ power: 3, price: 1 }));
    const none = scoreSites(m, base({ power: 3, price: 1 }, { contributions: 'none' }));
    expect(none.results.map((x) => x.contributions)).toEqual([null, null, null]);
    expect(none.results.map((x) => [x.rank, x.score])).toEqual(all.results.map((x) => [x.rank, x.score]));
  });

  it('gives equal scores a shared rank, never one decided by siteId', () => {
    // Three sites with the same 5: the column has no spread, so everyone scores 0 and all share 1st.
    const t = matrixOf(
      ['z', 'b', 'm'],
      [minmax('power'), minmax('price')],
      [
        [5, 1],
        [5, 1],
        [5, 2],
      ],
    );
    const r = scoreSites(t, base({ power: 1, price: 1 }));
    // price: z, b 0, m 1 → m 0.5 first; z and b 0, sharing 2nd ("2="), the next rank would be 4.
    expect(r.results.map((x) => [x.siteId, x.rank, x.tied])).toEqual([
      ['z', 2, true],
      ['b', 2, true],
      ['m', 1, false],
    ]);
  });

  it('WPM and TOPSIS produce scores in [0, 1] and no contributions', () => {
    for (const method of ['wpm', 'topsis'] as const) {
      const r = scoreSites(m, base({ power: 3, price: 1 }, { method }));
      for (const x of r.results) {
        expect(x.score).toBeGreaterThanOrEqual(0);
        expect(x.score).toBeLessThanOrEqual(1);
        expect(x.contributions).toBeNull();
      }
    }
  });
});

describe('missing-value policies', () => {
  // power: b is missing; a = 100 → 0, c = 300 → 1. latency: a 0, b 0.5, c 1 (benefit, for easy numbers)
  const rows = [
    [100, 0],
    [NaN_, 5],
    [300, 10],
  ];
  const withPolicy = (policy: MissingPolicy): DecisionMatrix =>
    matrixOf(['a', 'b', 'c'], [minmax('power', 'benefit', policy), minmax('latency')], rows);
  const b = (policy: MissingPolicy) =>
    scoreSites(withPolicy(policy), base({ power: 1, latency: 1 })).results.find((x) => x.siteId === 'b');

  it('exclude: the site is excluded with a reason', () => {
    const r = b('exclude');
    expect(r?.excluded).toBe(true);
    expect(r?.rank).toBeNull();
    expect(r?.score).toBeNull();
    expect(r?.reasons).toEqual(['no value for power (missing values exclude the site)']);
  });

  it("worst: the column's worst normalised value (0 here)", () => {
    const r = b('worst');
    expect(r?.score).toBeCloseTo(0.5 * 0 + 0.5 * 0.5, 12);
    expect(r?.missingHandled).toEqual([{ criterionId: 'power', policy: 'worst' }]);
  });

  it('neutral: 0.5', () => {
    const r = b('neutral');
    expect(r?.score).toBeCloseTo(0.5 * 0.5 + 0.5 * 0.5, 12);
    expect(r?.missingHandled).toEqual([{ criterionId: 'power', policy: 'neutral' }]);
  });

  it("reweight: the site's weights are renormalised over its known criteria", () => {
    const r = b('reweight');
    expect(r?.score).toBeCloseTo(0.5, 12); // latency alone, weight 1
    expect(r?.contributions).toEqual({ power: 0, latency: 0.5 });
    expect(r?.missingHandled).toEqual([{ criterionId: 'power', policy: 'reweight' }]);
  });

  it('sites without gaps are not reported as handled', () => {
    const r = scoreSites(withPolicy('worst'), base({ power: 1, latency: 1 })).results;
    expect(r.filter((x) => x.missingHandled.length > 0).map((x) => x.siteId)).toEqual(['b']);
  });

  it('a criterion with weight 0 applies no policy', () => {
    const r = scoreSites(withPolicy('exclude'), base({ power: 0, latency: 1 })).results;
    expect(r.every((x) => !x.excluded && x.missingHandled.length === 0)).toBe(true);
  });

  it('TOPSIS applies worst and neutral in raw values', () => {
    const m = withPolicy('worst');
    const r = scoreSites(m, base({ power: 1, latency: 1 }, { method: 'topsis' })).results;
    expect(r[1]?.missingHandled).toEqual([{ criterionId: 'power', policy: 'worst' }]);
    // b takes power 100 (the worst raw value), which equals a's, and beats a on latency
    expect((r[1]?.score as number) > (r[0]?.score as number)).toBe(true);
  });
});

describe('hard constraints', () => {
  const power: CriterionSpec = { ...minmax('power'), label: 'power', unit: 'MW' };
  const m = matrixOf(
    ['sg-1', 'jb-1', 'cn-1'],
    [power, minmax('price', 'cost')],
    [
      [80, 50],
      [120, 70],
      [NaN_, 60],
    ],
  );

  it('min / max on raw values exclude with a planner-readable reason', () => {
    const r = scoreSites(
      m,
      base({ power: 1, price: 1 }, { constraints: [{ kind: 'min', criterionId: 'power', value: 100 }] }),
    );
    expect(r.results[0]).toMatchObject({
      excluded: true,
      rank: null,
      score: null,
      reasons: ["power 80 MW is below the preset's minimum of 100 MW"],
    });
    expect(r.results[2]?.reasons).toEqual(["no value for power; the preset's minimum is 100 MW"]);
    // Alone, jb-1's columns have no spread: they tell nothing, so they give nothing (not a full 1).
    expect(r.results[1]).toMatchObject({ excluded: false, rank: 1, score: 0 });
    const max = scoreSites(m, base({ power: 1 }, { constraints: [{ kind: 'max', criterionId: 'price', value: 65 }] }));
    expect(max.results[1]?.reasons).toEqual(["price 70 is above the preset's maximum of 65"]);
  });

  it('normalises over the non-excluded candidates only', () => {
    // Over all three, jb-1's 120 MW would be (120 − 80)/(300 − 80) ≈ 0.18; with sg-1 excluded, 120 MW
    // is the candidates' minimum and scores 0.
    const all = matrixOf(['sg-1', 'jb-1', 'cn-1'], [power], [[80], [120], [300]]);
    const r = scoreSites(all, base({ power: 1 }, { constraints: [{ kind: 'min', criterionId: 'power', value: 100 }] }));
    expect(r.results.map((x) => x.score)).toEqual([null, 0, 1]);
  });

  it('chips_legal excludes sites whose legality is not allowed, with the legality reason', () => {
    const r = scoreSites(
      m,
      base(
        { price: 1 },
        {
          constraints: [{ kind: 'chips_legal', allow: ['allowed', 'conditional'] }],
          legality: {
            'sg-1': { status: 'allowed', reason: 'H100 exportable to SG' },
            'jb-1': { status: 'licence_required', reason: 'H100 to MY needs a BIS licence' },
          },
        },
      ),
    );
    expect(r.results.map((x) => x.excluded)).toEqual([false, true, true]);
    expect(r.results[1]?.reasons).toEqual(['chips licence required: H100 to MY needs a BIS licence']);
    expect(r.results[2]?.reasons[0]).toMatch(/legality is unknown/);
  });
});

describe('stale facts', () => {
  it('flags criteria whose fact predates asOf − staleAfterDays', () => {
    const m = matrixOf(
      ['a', 'b'],
      [minmax('power'), minmax('price', 'cost')],
      [
        [1, 2],
        [3, 4],
      ],
      [
        ['2025-06-01', '2025-06-02'],
        ['2020-01-01', ''],
      ],
    );
    const r = scoreSites(m, base({ power: 1, price: 1 }, { asOf: '2026-06-01', staleAfterDays: 364 }));
    expect(r.results.map((x) => x.stale)).toEqual([['power'], ['power']]);
  });
});

// ---- properties ----

const sitesArb = (cols: number) =>
  fc.array(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: cols, maxLength: cols }), {
    minLength: 2,
    maxLength: 25,
  });

function build(rows: number[][], directions: ('benefit' | 'cost')[]): DecisionMatrix {
  return matrixOf(
    rows.map((_, i) => `s${String(i).padStart(3, '0')}`),
    directions.map((d, j) => minmax(`c${j}`, d)),
    rows,
  );
}

describe('properties', () => {
  const dirs: ('benefit' | 'cost')[] = ['benefit', 'cost', 'benefit'];
  const weightsArb = fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 });
  const rec = (w: number[]): Record<string, number> => Object.fromEntries(w.map((x, j) => [`c${j}`, x]));

  it('WSM scores on min-max data are in [0, 1]', () => {
    fc.assert(
      fc.property(sitesArb(3), weightsArb, (rows, w) => {
        for (const x of scoreSites(build(rows, dirs), base(rec(w))).results) {
          expect(x.score).toBeGreaterThanOrEqual(0);
          expect(x.score).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("raising a benefit criterion's value never lowers that site's WSM score", () => {
    fc.assert(
      fc.property(
        sitesArb(3),
        weightsArb,
        fc.nat(),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (rows, w, pick, up) => {
          const i = pick % rows.length;
          const before = scoreSites(build(rows, dirs), base(rec(w))).results[i]?.score as number;
          const raised = rows.map((r, k) => (k === i ? [(r[0] as number) + up, r[1] as number, r[2] as number] : r));
          const after = scoreSites(build(raised, dirs), base(rec(w))).results[i]?.score as number;
          expect(after).toBeGreaterThanOrEqual(before - 1e-12);
        },
      ),
    );
  });

  it('with equal weights the order does not depend on the order of the criteria', () => {
    fc.assert(
      fc.property(sitesArb(3), fc.constantFrom([0, 1, 2], [2, 0, 1], [1, 2, 0], [2, 1, 0]), (rows, perm) => {
        const a = scoreSites(build(rows, dirs), base({ c0: 1, c1: 1, c2: 1 }));
        const permuted = rows.map((r) => perm.map((j) => r[j] as number));
        const b = scoreSites(
          build(
            permuted,
            perm.map((j) => dirs[j] as 'benefit' | 'cost'),
          ),
          base({ c0: 1, c1: 1, c2: 1 }),
        );
        // Scores agree to float noise; ranks are computed on scores quantised to 2^-32, so they match.
        a.results.forEach((x, i) => expect(b.results[i]?.score).toBeCloseTo(x.score as number, 12));
        expect(b.results.map((x) => x.rank)).toEqual(a.results.map((x) => x.rank));
      }),
    );
  });

  it('is deterministic and matches scoreMatrix', () => {
    fc.assert(
      fc.property(sitesArb(3), weightsArb, fc.constantFrom('wsm', 'wpm', 'topsis' as const), (rows, w, method) => {
        const m = build(rows, dirs);
        const one = scoreSites(m, base(rec(w), { method }));
        expect(scoreSites(m, base(rec(w), { method }))).toEqual(one);
        const core = scoreMatrix(m, base(rec(w), { method }));
        expect(Array.from(core.rank)).toEqual(one.results.map((x) => x.rank ?? 0));
        // Competition ranks: a site's rank is 1 + the number of sites scoring strictly higher.
        for (const x of one.results) {
          const above = one.results.filter((y) => (y.rank as number) < (x.rank as number)).length;
          expect(x.rank).toBe(above + 1);
          const same = one.results.filter((y) => y.rank === x.rank).length;
          expect(x.tied).toBe(same > 1);
        }
      }),
    );
  });
});

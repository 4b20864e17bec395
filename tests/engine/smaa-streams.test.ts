// SMAA's random streams and tallies: bulk draws give next()'s numbers, sub-streams are the seed's
// generator jumped ahead, and a run's result depends only on the seed — not on the chunk size, nor
// on how its blocks are split among threads or in which order their tallies are added up.
import { describe, expect, it } from 'vitest';
import { createRng, maxDraw, Rng } from '../../shared/engine/random';
import { Ranker, tieOrder } from '../../shared/engine/ranking';
import { rankScores } from '../../shared/engine/score';
import {
  createSmaaSampler,
  createSmaaTally,
  mergeSmaaTally,
  runSmaa,
  SMAA_BLOCK,
  smaaResult,
  type SmaaSettings,
} from '../../shared/engine/smaa';
import { optionsOf, randomMatrix, randomWeights } from './sensitivity-fixtures';

describe('Rng bulk draws and sub-streams', () => {
  it('fillUniform, fillRange and scatterRange give exactly the numbers next() gives', () => {
    const a = createRng(5);
    const b = createRng(5);
    const one = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from(b.fillUniform(new Float64Array(1000)))).toEqual(one);
    expect(b.next()).toBe(a.next());

    const low = Float64Array.from({ length: 300 }, (_, q) => q - 150);
    const span = Float64Array.from({ length: 300 }, (_, q) => 1 + (q % 7));
    const c = createRng(9);
    const d = createRng(9);
    const want = Array.from(low, (lo, q) => lo + (span[q] as number) * c.next());
    const got = new Float64Array(300);
    d.fillRange(low, span, got, 0, 120);
    d.fillRange(low, span, got, 120, 300);
    expect(Array.from(got)).toEqual(want);

    // scatterRange: the same draws written through an index, each within [low, maxDraw].
    const e = createRng(9);
    const index = Int32Array.from({ length: 300 }, (_, q) => 299 - q);
    const dest = new Float64Array(300);
    e.scatterRange(low, span, index, dest, 0, 300);
    expect(Array.from(dest).reverse()).toEqual(want);
    want.forEach((x, q) => {
      expect(x).toBeGreaterThanOrEqual(low[q] as number);
      expect(x).toBeLessThanOrEqual(maxDraw(low[q] as number, span[q] as number));
    });
    expect(e.next()).toBe(c.next());
  });

  it('jumps as a linear map that commutes with the generator, giving distinct sub-streams', () => {
    // jump() is the 2^64-th power of the state transition, so it commutes with one step.
    const a = createRng(17);
    const b = createRng(17);
    a.next();
    a.jump();
    b.jump();
    b.next();
    expect(a.next()).toBe(b.next());
    // stream(seed, k): k jumps from the seed's generator; 0 is the generator itself.
    const s0 = Rng.stream(4, 0);
    expect(s0.next()).toBe(createRng(4).next());
    const s3 = Rng.stream(4, 3);
    const manual = createRng(4).jump().jump().jump();
    expect(Array.from(s3.fillUniform(new Float64Array(10)))).toEqual(
      Array.from(manual.fillUniform(new Float64Array(10))),
    );
    const firsts = new Set(Array.from({ length: 50 }, (_, k) => Rng.stream(4, k).next()));
    expect(firsts.size).toBe(50);
    // A clone is independent.
    const c = createRng(8);
    const twin = c.clone();
    c.next();
    expect(twin.next()).not.toBe(c.next());
  });
});

describe('Ranker (SMAA) and rankScores (the table) agree on order and ties', () => {
  it('gives the same ranks and tie flags on random scores with exact and near ties', () => {
    const rng = createRng(3);
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(rng.next() * 300);
      const ids = Array.from(
        { length: n },
        (_, i) => `id${String(Math.floor(rng.next() * 1000)).padStart(4, '0')}-${i}`,
      );
      const scores = new Float64Array(n);
      const include = new Uint8Array(n).fill(1);
      const levels = 1 + Math.floor(rng.next() * 20);
      for (let i = 0; i < n; i++) {
        const u = rng.next();
        // few distinct levels (exact ties), nudged by less or more than the 1e-12 tolerance
        let s = round % 3 === 0 ? u : Math.floor(u * levels) / levels;
        if (rng.next() < 0.2) s += (rng.next() < 0.5 ? 4e-13 : 3e-12) * (rng.next() < 0.5 ? 1 : -1);
        if (round % 5 === 1 && i === 0) s = -0.5; // an outlier squeezes everyone into a few buckets
        scores[i] = s;
        if (rng.next() < 0.1) {
          include[i] = 0;
          scores[i] = Number.NaN;
        }
      }
      const table = rankScores(ids, scores, include);
      const ranks = new Int32Array(n);
      const tieSizes = new Int32Array(n);
      new Ranker(n, tieOrder(ids)).rank(scores, ranks, tieSizes);
      for (let i = 0; i < n; i++) {
        expect(ranks[i], `round ${round} site ${i}`).toBe(table.rank[i]);
        if (include[i] === 1) expect((tieSizes[i] ?? 0) > 1 ? 1 : 0).toBe(table.tied[i]);
      }
    }
  });

  it('gives the same ranks when its comparison-sort fallback runs', () => {
    const n = 400;
    const ids = Array.from({ length: n }, (_, i) => `s${String(i).padStart(3, '0')}`);
    // One outlier and the rest within a sliver: every site lands in one or two buckets.
    const scores = Float64Array.from({ length: n }, (_, i) => (i === 0 ? 0 : 0.5 + ((i * 7919) % n) * 1e-9));
    const ranker = new Ranker(n, tieOrder(ids));
    const ranks = new Int32Array(n);
    ranker.rank(scores, ranks);
    expect(ranker.fallbacks).toBe(1);
    expect(Array.from(ranks)).toEqual(Array.from(rankScores(ids, scores, new Uint8Array(n).fill(1)).rank));
  });
});

describe('SMAA results depend only on the seed', () => {
  const matrix = randomMatrix(40, 5, 61, true);
  const options = optionsOf(randomWeights(5, 62));
  const settings: SmaaSettings = { samples: 7 * SMAA_BLOCK + 37, seed: 11, mode: 'around_preset' };

  it('is the same whatever the chunk size', () => {
    const whole = runSmaa(matrix, options, settings, { chunkSize: settings.samples });
    for (const chunkSize of [1, 13, SMAA_BLOCK, 999])
      expect(runSmaa(matrix, options, settings, { chunkSize })).toEqual(whole);
  });

  it('is the same when the blocks are shared among threads in any order', () => {
    const whole = runSmaa(matrix, options, settings);
    const blocks = Math.ceil(settings.samples / SMAA_BLOCK);
    for (const threads of [2, 3]) {
      // Deal the blocks round-robin, in reverse, each "thread" with its own sampler and tally.
      const samplers = Array.from({ length: threads }, () => createSmaaSampler(matrix, options, settings));
      const tallies = samplers.map((s) => createSmaaTally(s.sites));
      for (let b = blocks - 1; b >= 0; b--) {
        const t = b % threads;
        samplers[t]?.run(b * SMAA_BLOCK, (b + 1) * SMAA_BLOCK, tallies[t] ?? createSmaaTally(0));
      }
      const merged = createSmaaTally(matrix.siteIds.length);
      for (const tally of tallies.reverse()) mergeSmaaTally(merged, tally);
      const info = { concentration: samplers[0]?.concentration ?? 0, valuesSampled: true };
      expect(smaaResult(matrix, settings, info, merged, false)).toEqual(whole);
    }
  });

  it('shares ties exactly however the samples were split', () => {
    // Two identical sites tie in every sample: their shares are exact halves, whatever the split.
    const rows = [
      [5, 2],
      [5, 2],
      [3, 1],
    ];
    const tied = {
      siteIds: ['a', 'b', 'c'],
      criteria: matrix.criteria.slice(0, 2),
      values: Float64Array.from(rows.flat()),
      low: new Float64Array(6).fill(Number.NaN),
      high: new Float64Array(6).fill(Number.NaN),
      asOfDay: new Float64Array(6).fill(Number.NaN),
    };
    const opts = optionsOf({ c0: 1, c1: 1 });
    const s: SmaaSettings = { samples: 3 * SMAA_BLOCK, seed: 2, mode: 'uniform' };
    const whole = runSmaa(tied, opts, s);
    const sampler = createSmaaSampler(tied, opts, s);
    const [late, early] = [createSmaaTally(3), createSmaaTally(3)];
    sampler.run(SMAA_BLOCK, 3 * SMAA_BLOCK, late);
    sampler.run(0, SMAA_BLOCK, early);
    const merged = mergeSmaaTally(mergeSmaaTally(createSmaaTally(3), late), early);
    expect(smaaResult(tied, s, sampler, merged, false)).toEqual(whole);
    const [a, b] = whole.sites;
    expect(a?.rankProbabilities).toEqual(b?.rankProbabilities);
    expect(a?.pTiedFirst).toBe(b?.pTiedFirst);
    expect(a?.pTiedFirst).toBeGreaterThan(0);
  });
});

// SMAA: repeatable for a seed, probabilities that add up, the obvious cases, progress and cancel.
import { describe, expect, it } from 'vitest';
import { runSmaa, runSmaaAsync, type SmaaResult } from '../../shared/engine/smaa';
import { criterion, matrixOf, optionsOf, randomMatrix, randomWeights } from './sensitivity-fixtures';

const matrix = randomMatrix(25, 5, 21);
const options = optionsOf(randomWeights(5, 22));

function expectConsistent(result: SmaaResult): void {
  let pFirst = 0;
  for (const site of result.sites) {
    const total = site.rankProbabilities.reduce((a, b) => a + b, 0) + site.pExcluded;
    expect(total).toBeCloseTo(1, 12);
    expect(site.pFirst).toBe(site.rankProbabilities[0]);
    pFirst += site.pFirst;
  }
  expect(pFirst).toBeCloseTo(1, 12);
  // Each rank goes to one site per sample.
  for (let r = 0; r < result.sites.length; r++) {
    expect(result.sites.reduce((s, site) => s + (site.rankProbabilities[r] ?? 0), 0)).toBeCloseTo(1, 12);
  }
}

describe('runSmaa', () => {
  it('gives identical output for the same seed and different output for another', () => {
    for (const mode of ['around_preset', 'uniform'] as const) {
      const a = runSmaa(matrix, options, { samples: 2000, seed: 7, mode });
      const b = runSmaa(matrix, options, { samples: 2000, seed: 7, mode });
      const c = runSmaa(matrix, options, { samples: 2000, seed: 8, mode });
      expect(a).toEqual(b);
      expect(c.sites).not.toEqual(a.sites);
      expect(a.fastPath).toBe(true);
    }
  });

  it('does not depend on the chunk size', () => {
    const a = runSmaa(matrix, options, { samples: 1000, seed: 3, mode: 'around_preset' }, { chunkSize: 7 });
    const b = runSmaa(matrix, options, { samples: 1000, seed: 3, mode: 'around_preset' }, { chunkSize: 1000 });
    expect(a).toEqual(b);
  });

  it('has rank probabilities summing to 1 per site and per rank, and pFirst summing to 1', () => {
    for (const method of ['wsm', 'wpm', 'topsis'] as const) {
      const result = runSmaa(matrix, { ...options, method }, { samples: 300, seed: 1, mode: 'uniform' });
      expect(result.samples).toBe(300);
      expectConsistent(result);
    }
  });

  it('gives a site that is best on every criterion pFirst = 1', () => {
    const rows = [
      [9, 9, 1],
      [5, 2, 4],
      [3, 8, 3],
      [10, 10, 0],
    ];
    const m = matrixOf(['a', 'b', 'c', 'd'], [criterion('x'), criterion('y'), criterion('z', 'cost')], rows);
    for (const mode of ['around_preset', 'uniform'] as const) {
      const result = runSmaa(m, optionsOf({ x: 1, y: 1, z: 1 }), { samples: 500, seed: 2, mode });
      expect(result.sites.find((s) => s.siteId === 'd')).toMatchObject({ pFirst: 1, meanRank: 1 });
      expect(result.sites.find((s) => s.siteId === 'a')?.rankProbabilities[1]).toBe(1);
    }
  });

  it('samples raw values within their ranges (WSM fast path, as scoreSites would score them) and stays consistent', () => {
    const ranged = randomMatrix(15, 4, 30, true);
    const result = runSmaa(ranged, optionsOf(randomWeights(4, 31)), { samples: 400, seed: 4, mode: 'around_preset' });
    expect(result).toMatchObject({ valuesSampled: true, fastPath: true, samples: 400 });
    expectConsistent(result);
    const reference = runSmaa(
      ranged,
      optionsOf(randomWeights(4, 31)),
      { samples: 400, seed: 4, mode: 'around_preset' },
      { referencePath: true },
    );
    expect(result).toEqual({ ...reference, fastPath: true });
    const fixed = runSmaa(ranged, optionsOf(randomWeights(4, 31)), {
      samples: 400,
      seed: 4,
      mode: 'around_preset',
      sampleValues: false,
    });
    expect(fixed.valuesSampled).toBe(false);
    expect(fixed.sites).not.toEqual(result.sites);
  });

  it('keeps the preset as the mean at high concentration', () => {
    const tight = runSmaa(matrix, options, { samples: 500, seed: 5, mode: 'around_preset', concentration: 1e7 });
    const best = tight.sites.reduce((a, b) => (b.pFirst > a.pFirst ? b : a));
    expect(best.pFirst).toBe(1);
  });

  it('reports progress monotonically up to the total', () => {
    const seen: [number, number][] = [];
    runSmaa(
      matrix,
      options,
      { samples: 1234, seed: 1, mode: 'uniform' },
      { chunkSize: 100, onProgress: (d, t) => seen.push([d, t]) },
    );
    expect(seen.length).toBe(13);
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.[0]).toBeGreaterThan(seen[i - 1]?.[0] ?? 0);
    expect(seen.at(-1)).toEqual([1234, 1234]);
  });

  it('stops between chunks when asked and says it was cancelled', async () => {
    let chunks = 0;
    const result = runSmaa(
      matrix,
      options,
      { samples: 100_000, seed: 1, mode: 'uniform' },
      { chunkSize: 100, onProgress: () => chunks++, shouldStop: () => chunks >= 3 },
    );
    expect(result).toMatchObject({ cancelled: true, samples: 300, requested: 100_000 });
    expectConsistent(result);

    let stop = false;
    const pending = runSmaaAsync(
      matrix,
      options,
      { samples: 100_000, seed: 1, mode: 'uniform' },
      { chunkSize: 50, shouldStop: () => stop, pause: () => new Promise((r) => setTimeout(r, 0)) },
    );
    setTimeout(() => (stop = true), 5);
    const cancelled = await pending;
    expect(cancelled.cancelled).toBe(true);
    expect(cancelled.samples).toBeLessThan(100_000);
  });

  it('refuses a non-positive sample count', () => {
    expect(() => runSmaa(matrix, options, { samples: 0, seed: 1, mode: 'uniform' })).toThrow(/samples/);
  });
});

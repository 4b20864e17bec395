// SMAA on worker threads (backend/services/sensitivity/smaa-parallel.ts) with the real thread bundle, built
// here with esbuild as scripts/build-node.mjs builds it: the same result as one thread for a seed,
// with one thread or two; progress per block; cancel; errors; the backend runner's choice.
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSensitivityRunner } from '../../backend/services/sensitivity/sensitivity-runner';
import { createSmaaPool, type SmaaPool } from '../../backend/services/sensitivity/smaa-parallel';
import { runSmaa, SMAA_BLOCK } from '../../shared/engine/smaa';
import { optionsOf, randomMatrix, randomWeights } from './sensitivity-fixtures';

let source = '';
const pools: SmaaPool[] = [];
const pool = (threads: number): SmaaPool => {
  const p = createSmaaPool(source, threads);
  pools.push(p);
  return p;
};

beforeAll(() => {
  const built = buildSync({
    entryPoints: ['backend/services/sensitivity/smaa-thread.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  source = built.outputFiles[0]?.text ?? '';
});

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

const matrix = randomMatrix(60, 6, 71, true);
const options = optionsOf(randomWeights(6, 72));

describe('createSmaaPool', () => {
  it('gives runSmaa’s result for a seed with one thread or two, values sampled or not', async () => {
    for (const sampleValues of [true, false]) {
      const settings = { samples: 5 * SMAA_BLOCK + 17, seed: 13, mode: 'around_preset' as const, sampleValues };
      const one = runSmaa(matrix, options, settings);
      expect(await pool(1).run(matrix, options, settings)).toEqual(one);
      expect(await pool(2).run(matrix, options, settings)).toEqual(one);
    }
  });

  it('runs two runs at once on the same threads, each with its own result', async () => {
    const p = pool(2);
    const a = { samples: 900, seed: 1, mode: 'uniform' as const };
    const b = { samples: 700, seed: 2, mode: 'around_preset' as const };
    const [ra, rb] = await Promise.all([p.run(matrix, options, a), p.run(matrix, options, b)]);
    expect(ra).toEqual(runSmaa(matrix, options, a));
    expect(rb).toEqual(runSmaa(matrix, options, b));
  });

  it('reports progress per block up to the total, and stops handing out blocks when asked', async () => {
    const p = pool(2);
    const seen: number[] = [];
    await p.run(matrix, options, { samples: 2000, seed: 3, mode: 'uniform' }, { onProgress: (d) => seen.push(d) });
    expect(seen.length).toBe(Math.ceil(2000 / SMAA_BLOCK));
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1] ?? 0);
    expect(seen.at(-1)).toBe(2000);

    let reports = 0;
    const stopped = await p.run(
      matrix,
      options,
      { samples: 100_000, seed: 3, mode: 'uniform' },
      { onProgress: () => reports++, shouldStop: () => reports >= 2 },
    );
    expect(stopped.cancelled).toBe(true);
    expect(stopped.samples).toBeLessThan(100_000);
    expect(stopped.samples % SMAA_BLOCK).toBe(0);
    const total = stopped.sites.reduce((s, site) => s + site.pFirst, 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('refuses what runSmaa refuses, with the same message', async () => {
    await expect(pool(1).run(matrix, options, { samples: 0, seed: 1, mode: 'uniform' })).rejects.toThrow(
      /samples must be a positive integer/,
    );
    await expect(
      pool(1).run(
        matrix,
        { ...options, constraints: [{ kind: 'min', criterionId: 'nope', value: 1 }] },
        {
          samples: 10,
          seed: 1,
          mode: 'uniform',
        },
      ),
    ).rejects.toThrow(/nope/);
  });
});

describe('createSensitivityRunner', () => {
  it('sends large runs to the pool and small ones to its own chunks, with the same result', async () => {
    const settings = { samples: 1500, seed: 4, mode: 'around_preset' as const };
    const viaPool = createSensitivityRunner({ pool: pool(2), parallelMinWork: 0 });
    const inThread = createSensitivityRunner({ pool: null });
    const progress: number[] = [];
    const a = await viaPool.run('a', matrix, options, settings, (d) => progress.push(d));
    const b = await inThread.run('b', matrix, options, settings, () => undefined);
    expect(a).toEqual(b);
    expect(progress.length).toBe(Math.ceil(1500 / SMAA_BLOCK));
  });
});

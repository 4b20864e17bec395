// SMAA at the size the brief sets (10 000 samples, 1 000 sites × 20 criteria) against the plainest
// code that does the same statistics: per sample, normalise the whole matrix again from an array of
// row objects, take the weighted sum, sort the sites with a comparator, and count ranks. The baseline
// is too slow to run 10 000 samples on every bench, so it runs BASELINE_SAMPLES and its time is
// scaled up (linear in samples); the printed name says so.
import { createRng } from '../../shared/engine/random';
import { runSmaa } from '../../shared/engine/smaa';
import type { DecisionMatrix, ScoreOptions } from '../../shared/engine/types';
import type { BenchCase } from './harness';

const SITES = 1000;
const CRITERIA = 20;
const SAMPLES = 10_000;
const BASELINE_SAMPLES = 500;

function benchMatrix(): { matrix: DecisionMatrix; options: ScoreOptions } {
  const rng = createRng(2026);
  const cells = SITES * CRITERIA;
  const values = new Float64Array(cells);
  for (let k = 0; k < cells; k++) values[k] = 1000 * rng.next();
  const criteria = Array.from({ length: CRITERIA }, (_, j) => ({
    id: `c${String(j).padStart(2, '0')}`,
    direction: j % 4 === 3 ? ('cost' as const) : ('benefit' as const),
    normalisation: { kind: 'minmax' as const },
    missing: 'worst' as const,
  }));
  const weights: Record<string, number> = {};
  for (const c of criteria) weights[c.id] = 0.2 + rng.next();
  return {
    matrix: {
      siteIds: Array.from({ length: SITES }, (_, i) => `site-${String(i).padStart(4, '0')}`),
      criteria,
      values,
      low: new Float64Array(cells).fill(Number.NaN),
      high: new Float64Array(cells).fill(Number.NaN),
      asOfDay: new Float64Array(cells).fill(Number.NaN),
    },
    options: { method: 'wsm', weights, constraints: [], asOf: '2026-01-01', staleAfterDays: 3650 },
  };
}

/** The straightforward implementation: objects, re-normalisation and a comparator sort per sample. */
function naiveSmaa(matrix: DecisionMatrix, options: ScoreOptions, samples: number): Map<string, number[]> {
  const rows = matrix.siteIds.map((id, i) => ({
    id,
    values: Object.fromEntries(matrix.criteria.map((c, j) => [c.id, matrix.values[i * CRITERIA + j] as number])),
  }));
  const total = matrix.criteria.reduce((s, c) => s + (options.weights[c.id] ?? 0), 0);
  const rng = createRng(1);
  const counts = new Map(rows.map((r) => [r.id, new Array<number>(rows.length).fill(0)]));
  const w = new Float64Array(CRITERIA);
  const alpha = Float64Array.from(matrix.criteria, (c) => (50 * (options.weights[c.id] ?? 0)) / total);
  for (let s = 0; s < samples; s++) {
    rng.dirichlet(alpha, w);
    const normalised = rows.map((r) => ({ id: r.id, values: { ...r.values } }));
    matrix.criteria.forEach((c) => {
      const column = rows.map((r) => r.values[c.id] as number);
      const min = Math.min(...column);
      const max = Math.max(...column);
      for (const r of normalised) {
        const x = r.values[c.id] as number;
        r.values[c.id] = c.direction === 'benefit' ? (x - min) / (max - min) : (max - x) / (max - min);
      }
    });
    const scored = normalised.map((r) => ({
      id: r.id,
      score: matrix.criteria.reduce((sum, c, j) => sum + (w[j] as number) * (r.values[c.id] as number), 0),
    }));
    scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    scored.forEach((r, k) => {
      const row = counts.get(r.id) as number[];
      row[k] = (row[k] as number) + 1;
    });
  }
  return counts;
}

export function sensitivityCases(): BenchCase[] {
  const { matrix, options } = benchMatrix();
  return [
    {
      name: `SMAA 10k×1000×20 vs naive (${BASELINE_SAMPLES} samples ×${SAMPLES / BASELINE_SAMPLES})`,
      unitsPerIteration: SAMPLES,
      unit: 'samples',
      iterations: 3,
      warmup: 1,
      baselineScale: SAMPLES / BASELINE_SAMPLES,
      baseline: () => naiveSmaa(matrix, options, BASELINE_SAMPLES),
      candidate: () => runSmaa(matrix, options, { samples: SAMPLES, seed: 1, mode: 'around_preset' }),
    },
  ];
}

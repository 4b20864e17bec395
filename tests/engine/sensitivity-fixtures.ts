// Small decision matrices for the engine tests.
import { createRng } from '../../shared/engine/random';
import type { CriterionSpec, DecisionMatrix, ScoreOptions } from '../../shared/engine/types';

export function criterion(id: string, direction: 'benefit' | 'cost' = 'benefit'): CriterionSpec {
  return { id, direction, normalisation: { kind: 'minmax' }, missing: 'worst' };
}

/** rows[i][j] = value of site i on criterion j; NaN for missing. */
export function matrixOf(
  siteIds: string[],
  criteria: CriterionSpec[],
  rows: number[][],
  ranges?: { low: number[][]; high: number[][] },
): DecisionMatrix {
  const cells = siteIds.length * criteria.length;
  return {
    siteIds,
    criteria,
    values: Float64Array.from(rows.flat()),
    low: ranges ? Float64Array.from(ranges.low.flat()) : new Float64Array(cells).fill(Number.NaN),
    high: ranges ? Float64Array.from(ranges.high.flat()) : new Float64Array(cells).fill(Number.NaN),
    asOfDay: new Float64Array(cells).fill(Number.NaN),
  };
}

export function optionsOf(weights: Record<string, number>, method: ScoreOptions['method'] = 'wsm'): ScoreOptions {
  return { method, weights, constraints: [], asOf: '2026-01-01', staleAfterDays: 3650 };
}

/** A seeded random matrix of `sites` × `cols` benefit/cost minmax criteria. */
export function randomMatrix(sites: number, cols: number, seed: number, withRanges = false): DecisionMatrix {
  const rng = createRng(seed);
  const criteria = Array.from({ length: cols }, (_, j) => criterion(`c${j}`, j % 3 === 2 ? 'cost' : 'benefit'));
  const siteIds = Array.from({ length: sites }, (_, i) => `s${String(i).padStart(5, '0')}`);
  const values = new Float64Array(sites * cols);
  const low = new Float64Array(sites * cols).fill(Number.NaN);
  const high = new Float64Array(sites * cols).fill(Number.NaN);
  for (let k = 0; k < values.length; k++) {
    const v = 100 * rng.next();
    values[k] = v;
    if (withRanges && k % 4 === 0) {
      low[k] = v * 0.9;
      high[k] = v * 1.1;
    }
  }
  return { siteIds, criteria, values, low, high, asOfDay: new Float64Array(sites * cols).fill(Number.NaN) };
}

export function randomWeights(cols: number, seed: number): Record<string, number> {
  const rng = createRng(seed);
  const w: Record<string, number> = {};
  for (let j = 0; j < cols; j++) w[`c${j}`] = 0.1 + rng.next();
  return w;
}

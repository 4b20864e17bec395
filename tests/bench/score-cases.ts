// WSM over 100 000 sites × 20 criteria (the brief's budget: < 20 ms on one core), against the
// plainest code that does the same: an array of site objects, Math.min/Math.max spreads per column,
// an object per cell, and a comparator sort. Throughput is the value matrix's bytes read per second.
import { createRng } from '../../shared/engine/random';
import { scoreMatrix, scoreSites } from '../../shared/engine/score';
import type { CriterionSpec, DecisionMatrix, ScoreOptions } from '../../shared/engine/types';
import type { BenchCase } from './harness';

const SITES = 100_000;
const CRITERIA = 20;

function benchMatrix(): { matrix: DecisionMatrix; options: ScoreOptions } {
  const rng = createRng(7);
  const cells = SITES * CRITERIA;
  const values = new Float64Array(cells);
  for (let k = 0; k < cells; k++) values[k] = 1000 * rng.next();
  const criteria: CriterionSpec[] = Array.from({ length: CRITERIA }, (_, j) => ({
    id: `c${String(j).padStart(2, '0')}`,
    direction: j % 4 === 3 ? 'cost' : 'benefit',
    normalisation: { kind: 'minmax' },
    missing: 'worst',
  }));
  const weights: Record<string, number> = {};
  for (const c of criteria) weights[c.id] = 0.2 + rng.next();
  return {
    matrix: {
      siteIds: Array.from({ length: SITES }, (_, i) => `site-${String(i).padStart(6, '0')}`),
      criteria,
      values,
      low: new Float64Array(cells).fill(Number.NaN),
      high: new Float64Array(cells).fill(Number.NaN),
      asOfDay: new Float64Array(cells).fill(Number.NaN),
    },
    options: {
      method: 'wsm',
      weights,
      constraints: [],
      asOf: '2026-01-01',
      staleAfterDays: 3650,
      contributions: 'none',
    },
  };
}

interface NaiveSite {
  id: string;
  values: Record<string, number>;
}

/** The straightforward version, as a first implementation would write it. */
function naiveWsm(sites: readonly NaiveSite[], criteria: readonly CriterionSpec[], weights: Record<string, number>) {
  const total = criteria.reduce((s, c) => s + (weights[c.id] ?? 0), 0);
  const ranges = criteria.map((c) => {
    const column = sites.map((s) => s.values[c.id] as number);
    return { id: c.id, min: Math.min(...column), max: Math.max(...column), cost: c.direction === 'cost' };
  });
  const scored = sites.map((s) => {
    const cells = ranges.map((r) => {
      const raw = s.values[r.id] as number;
      const span = r.max - r.min;
      const norm = span === 0 ? 1 : r.cost ? (r.max - raw) / span : (raw - r.min) / span;
      return { criterionId: r.id, raw, norm, weighted: (norm * (weights[r.id] ?? 0)) / total };
    });
    return { id: s.id, score: cells.reduce((sum, c) => sum + c.weighted, 0), cells };
  });
  scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return scored.map((s, k) => ({ ...s, rank: k + 1 }));
}

export function scoreCases(): BenchCase[] {
  const { matrix, options } = benchMatrix();
  const sites: NaiveSite[] = matrix.siteIds.map((id, i) => ({
    id,
    values: Object.fromEntries(matrix.criteria.map((c, j) => [c.id, matrix.values[i * CRITERIA + j] as number])),
  }));
  const baseline = (): unknown => naiveWsm(sites, matrix.criteria, options.weights);
  // Throughput in MB of the value matrix (8 bytes a cell) read per second.
  const mb = (SITES * CRITERIA * 8) / 1e6;
  return [
    {
      name: 'WSM 100k×20 scoreMatrix vs naive',
      unitsPerIteration: mb,
      unit: 'MB',
      iterations: 15,
      warmup: 3,
      baseline,
      candidate: () => scoreMatrix(matrix, options),
    },
    {
      name: 'WSM 100k×20 scoreSites vs naive',
      unitsPerIteration: mb,
      unit: 'MB',
      iterations: 15,
      warmup: 3,
      baseline,
      candidate: () => scoreSites(matrix, options),
    },
  ];
}

// Scoring a scenario's matrix (score.matrix) with new weights, exactly as score.run would: the same
// criteria chosen (chooseCriteria, the rule score.run uses), the same engine, the same
// result shape. The renderer uses it for live re-ranking while a weight slider moves (one request per
// gesture instead of one per step); score.run stays the source of truth and confirms at the end.
import type { z } from 'zod';
import type { ScoreMatrix, scoreCalls } from './calls/score-calls';
import { scoreSites } from './engine/score';
import type { DecisionMatrix, ScoreOptions } from './engine/types';
import { chooseCriteria } from './scored-criteria';

export type ScoreRunOutput = z.infer<(typeof scoreCalls)['score.run']['output']>;

const cells = (xs: readonly (number | null)[], pick: readonly number[], m: number, n: number): Float64Array => {
  const out = new Float64Array(n * pick.length);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < pick.length; k++) out[i * pick.length + k] = xs[i * m + (pick[k] as number)] ?? Number.NaN;
  }
  return out;
};

// The last column selection per matrix: a drag keeps the same criteria, so each step only scores.
const picked = new WeakMap<ScoreMatrix, { key: string; decision: DecisionMatrix }>();

/** The engine's matrix of the picked columns (typed arrays, NaN for missing). */
function columns(matrix: ScoreMatrix, pick: readonly number[]): DecisionMatrix {
  const key = pick.join(',');
  const cached = picked.get(matrix);
  if (cached?.key === key) return cached.decision;
  const n = matrix.siteIds.length;
  const m = matrix.criteria.length;
  const decision: DecisionMatrix = {
    siteIds: matrix.siteIds,
    criteria: pick.map((j) => {
      const c = matrix.criteria[j] as ScoreMatrix['criteria'][number];
      return { ...c, normalisation: { kind: c.normalisation } };
    }),
    values: cells(matrix.values, pick, m, n),
    low: cells(matrix.low, pick, m, n),
    high: cells(matrix.high, pick, m, n),
    asOfDay: cells(matrix.asOfDay, pick, m, n),
  };
  picked.set(matrix, { key, decision });
  return decision;
}

/**
 * score.run's answer for `matrix` with `weights` merged over the preset's; null when score.run would
 * refuse the weights (an unknown criterion, or none above zero), so the caller asks the backend and
 * shows its message.
 */
export function scoreLive(
  matrix: ScoreMatrix,
  weights: Readonly<Record<string, number>> | undefined,
): ScoreRunOutput | null {
  const choice = chooseCriteria(matrix.criteria, matrix.presetWeights, weights, matrix.constraints);
  if (!choice.ok) return null;
  const { weights: merged, used: pick } = choice;
  const decision = columns(matrix, pick);
  const { criteria } = decision;
  const options: ScoreOptions = {
    method: matrix.method,
    weights: Object.fromEntries(criteria.map((c) => [c.id, merged[c.id] ?? 0])),
    constraints: matrix.constraints,
    asOf: matrix.asOf,
    staleAfterDays: matrix.staleAfterDays,
    minCoverage: matrix.minCoverage,
    thinData: matrix.thinData,
    ...(matrix.legality !== undefined ? { legality: matrix.legality } : {}),
  };
  let result;
  try {
    result = scoreSites(decision, options);
  } catch {
    // The engine refuses impossible inputs; score.run words the message.
    return null;
  }
  return {
    asOf: matrix.asOf,
    preset: matrix.preset,
    profile: matrix.profile,
    method: result.method,
    normalisation: matrix.normalisation,
    constraints: [...matrix.constraints],
    weights: result.weights,
    minCoverage: matrix.minCoverage,
    thinData: matrix.thinData,
    results: result.results.map((r, i) => ({ ...r, name: matrix.names[i] ?? r.siteId })),
    uninformative: result.uninformative,
    top: result.top,
    scaleNotes: result.scaleNotes,
  };
}

/** Plain JSON values equal, whatever the key order (a parsed reply and a live result differ in it). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && same(ra[k], rb[k]));
}

/** The same answer in every field: a confirming score.run need not be shown again. */
export function sameScoreRun(a: ScoreRunOutput, b: ScoreRunOutput): boolean {
  return same(a, b);
}

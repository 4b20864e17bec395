// The AHP pairwise mode's arithmetic: Saaty's 1/9…9 scale as slider positions and words, the
// reciprocal matrix from the planner's judgments, starting judgments read off the current weights,
// the most inconsistent judgment, and how AHP weights replace the compared criteria's share.
// Pure, so it is tested without a DOM; the eigenvector and CR come from shared/engine/weights.ts.
import { ahpWeights, RANDOM_INDEX, type AhpResult } from '../../../shared/engine/weights';

/** AHP is computed for at most this many criteria (Saaty's random index table ends there). */
export const MAX_AHP_CRITERIA = RANDOM_INDEX.length;

/**
 * A slider position, −8…8: negative = the first criterion is more important (−8 → 9 times),
 * 0 = equal, positive = the second is (8 → 9 times). A judgment a_ij is 1 − p for p ≤ 0, 1/(1 + p) otherwise.
 */
export type Position = number;

const INTENSITY_WORDS = [
  'equally important',
  'equally to moderately more important',
  'moderately more important',
  'moderately to strongly more important',
  'strongly more important',
  'strongly to very strongly more important',
  'very strongly more important',
  'very strongly to extremely more important',
  'extremely more important',
];

/** a_ij for the first criterion (i) against the second (j). */
export function judgmentOf(p: Position): number {
  return p <= 0 ? 1 - p : 1 / (1 + p);
}

/** The slider position nearest a ratio (rounded on Saaty's scale, clamped to 1/9…9). */
export function positionOf(ratio: number): Position {
  if (!Number.isFinite(ratio) || ratio <= 0) return 0;
  const intensity = Math.min(9, Math.max(1, Math.round(ratio >= 1 ? ratio : 1 / ratio)));
  return ratio >= 1 ? 1 - intensity : intensity - 1;
}

/** A judgment in words: "Chip legality strongly more important (5)", "equally important (1)". */
export function describePosition(p: Position, first: string, second: string): string {
  const intensity = Math.abs(p) + 1;
  const words = INTENSITY_WORDS[intensity - 1] ?? '';
  if (p === 0) return `${first} and ${second} ${words} (1)`;
  return `${p < 0 ? first : second} ${words} (${intensity})`;
}

/** A ratio on Saaty's scale as the planner writes it: "5", "1/3", "1". */
export function ratioText(ratio: number): string {
  const p = positionOf(ratio);
  return p <= 0 ? String(1 - p) : `1/${1 + p}`;
}

export const pairKey = (a: string, b: string): string => `${a}|${b}`;

/** Every pair (i < j) of `ids`, in reading order: the matrix's upper triangle. */
export function upperPairs(ids: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  ids.forEach((a, i) => ids.slice(i + 1).forEach((b) => out.push([a, b])));
  return out;
}

/** The judgments the current weights imply (w_a / w_b rounded to the scale; equal if either is 0). */
export function judgmentsFromWeights(
  ids: readonly string[],
  weights: Readonly<Record<string, number>>,
): Record<string, Position> {
  const out: Record<string, Position> = {};
  for (const [a, b] of upperPairs(ids)) {
    const wa = weights[a] ?? 0;
    const wb = weights[b] ?? 0;
    out[pairKey(a, b)] = wa > 0 && wb > 0 ? positionOf(wa / wb) : 0;
  }
  return out;
}

/** The positive reciprocal matrix of the judgments (a missing judgment counts as equal). */
export function pairwiseMatrix(ids: readonly string[], judgments: Readonly<Record<string, Position>>): number[][] {
  return ids.map((a, i) =>
    ids.map((b, j) => {
      if (i === j) return 1;
      return i < j ? judgmentOf(judgments[pairKey(a, b)] ?? 0) : 1 / judgmentOf(judgments[pairKey(b, a)] ?? 0);
    }),
  );
}

export interface PairwiseOutcome extends AhpResult {
  ids: string[];
  /**
   * The judgment furthest from what the resulting weights imply (largest |ln(a_ij·w_j/w_i)|), or
   * null when no single one stands out: with three criteria every judgment of an inconsistent
   * triad is off by exactly as much, and a tie leaves nothing to name.
   */
  worst: { a: string; b: string; said: number; implied: number } | null;
}

/** Errors closer than this (relative) are a tie: no pair is named. */
const TIE = 1e-3;

/** AHP weights, CR and the most inconsistent judgment for the chosen criteria. */
export function evaluatePairwise(
  ids: readonly string[],
  judgments: Readonly<Record<string, Position>>,
): PairwiseOutcome {
  const matrix = pairwiseMatrix(ids, judgments);
  const result = ahpWeights(matrix);
  const errors = upperPairs(ids).map(([a, b]) => {
    const i = ids.indexOf(a);
    const j = ids.indexOf(b);
    const said = matrix[i]?.[j] ?? 1;
    const implied = (result.weights[i] ?? 0) / (result.weights[j] ?? 1);
    return { a, b, said, implied, error: Math.abs(Math.log(said / implied)) };
  });
  errors.sort((p, q) => q.error - p.error);
  const [first, second] = errors;
  const stands =
    first !== undefined &&
    first.error > 1e-9 &&
    (second === undefined || first.error - second.error > TIE * first.error);
  const worst = stands ? { a: first.a, b: first.b, said: first.said, implied: first.implied } : null;
  return { ...result, ids: [...ids], worst };
}

/**
 * The full weight record after applying AHP weights to the compared criteria: they keep their
 * combined share of the total and split it as AHP says; the others are untouched. When the compared
 * criteria weigh nothing now, they take the whole total (the others go to 0).
 */
export function applyPairwise(
  current: Readonly<Record<string, number>>,
  ids: readonly string[],
  ahp: readonly number[],
): Record<string, number> {
  const share = ids.reduce((s, id) => s + (current[id] ?? 0), 0);
  const out: Record<string, number> = { ...current };
  if (share <= 1e-12) for (const id of Object.keys(out)) out[id] = 0;
  const total = share <= 1e-12 ? 1 : share;
  ids.forEach((id, k) => (out[id] = (ahp[k] ?? 0) * total));
  return out;
}

// One-at-a-time weight sensitivity: sweep one criterion's weight from 0 to 1 and watch scores and
// ranks, and find how far each weight can move before the top site changes.
//
// Moving weight k to t rescales the others in proportion so the weights still sum to 1:
// w_j(t) = (1 − t)·w_j / Σ_{i≠k} w_i. If every other weight is 0 there is no proportion to keep, so
// the remaining 1 − t is spread equally over the other criteria (at t = 1 nothing changes). A matrix
// with a single criterion has nothing to trade against: its weight stays 1 all along the sweep.
// Ranks: 1 = best, equal scores ranked by siteId (see ranking.ts); an excluded site has score
// and rank null.
// Stability interval of weight k: [lo, hi] ∋ current, the widest range of t over which the current
// top site stays on top. With the WSM fast path every score is linear in t, so the crossings are
// computed exactly; otherwise the range is scanned on a 1/50 grid from the current weight outwards
// and the first change is found by bisection to 1e-4 (a change that reverts between two grid points
// of the scan can be missed). Either way a change exactly at t = 0 or 1 and nowhere before it is
// reported as lo = 0 or hi = 1 with changesTo set.
import { Ranker, ranksOf, tieOrder, topIndex } from './ranking';
import { createSampleScorer, type SampleScorer } from './sample-scorer';
import type { DecisionMatrix, ScoreOptions } from './types';

export interface SweepPoint {
  weight: number;
  scores: Record<string, number | null>;
  ranks: Record<string, number | null>;
}

export interface CriterionSweep {
  criterionId: string;
  /** The criterion's current (normalised) weight. */
  current: number;
  points: SweepPoint[];
}

export interface StabilityInterval {
  criterionId: string;
  current: number;
  lo: number;
  hi: number;
  /** The top site at the current weights (null if every site is excluded). */
  topSite: string | null;
  /**
   * Other sites sharing the top score at the current weights: the top is then a tie, and topSite is
   * only the first of them by site id. The interval is where topSite stays among the best.
   */
  tiedWith: string[];
  /** The site that takes the top just past each end; null when the end is 0 or 1 with no change. */
  changesTo: { lo: string | null; hi: string | null };
}

/** The weights with criterion k set to t and the others rescaled (see the file comment). */
export function rescaledWeights(base: Float64Array, k: number, t: number, out: Float64Array): Float64Array {
  const c = base.length;
  if (c === 1) {
    out[0] = 1;
    return out;
  }
  let others = 0;
  for (let j = 0; j < c; j++) if (j !== k) others += base[j] as number;
  for (let j = 0; j < c; j++) {
    if (j === k) out[j] = t;
    else out[j] = others > 0 ? ((1 - t) * (base[j] as number)) / others : (1 - t) / (c - 1);
  }
  return out;
}

function criterionIndex(matrix: DecisionMatrix, criterionId: string): number {
  const k = matrix.criteria.findIndex((c) => c.id === criterionId);
  if (k < 0) throw new Error(`criterion ${criterionId} is not in the matrix`);
  return k;
}

/** Scores of every site (NaN = excluded) with criterion `criterionId` at `weight`. */
export function scoresAtWeight(
  matrix: DecisionMatrix,
  options: ScoreOptions,
  criterionId: string,
  weight: number,
  scorer: SampleScorer = createSampleScorer(matrix, options),
): Float64Array {
  const k = criterionIndex(matrix, criterionId);
  const out = new Float64Array(matrix.siteIds.length);
  scorer.score(rescaledWeights(scorer.baseWeights, k, weight, new Float64Array(scorer.criteria)), null, out);
  return out;
}

/**
 * Scores and ranks as the criterion's weight runs 0 → 1 in `steps` evenly spaced points; the
 * current weight is added as a point of its own when it is not on that grid.
 */
export function sweepCriterion(
  matrix: DecisionMatrix,
  options: ScoreOptions,
  criterionId: string,
  steps: number,
  scorer: SampleScorer = createSampleScorer(matrix, options),
): CriterionSweep {
  if (!Number.isInteger(steps) || steps < 2) throw new Error('a sweep needs at least 2 steps');
  const k = criterionIndex(matrix, criterionId);
  const current = scorer.baseWeights[k] as number;
  const grid: number[] = [];
  for (let s = 0; s < steps; s++) grid.push(s / (steps - 1));
  if (!grid.some((t) => Math.abs(t - current) < 1e-12)) grid.push(current);
  grid.sort((a, b) => a - b);
  const n = matrix.siteIds.length;
  const w = new Float64Array(scorer.criteria);
  const scores = new Float64Array(n);
  const ranks = new Int32Array(n);
  const ranker = new Ranker(n, tieOrder(matrix.siteIds));
  const points = grid.map((t): SweepPoint => {
    scorer.score(rescaledWeights(scorer.baseWeights, k, t, w), null, scores);
    ranker.rank(scores, ranks);
    const pointScores: Record<string, number | null> = {};
    const pointRanks: Record<string, number | null> = {};
    matrix.siteIds.forEach((id, i) => {
      const s = scores[i] as number;
      pointScores[id] = s === s ? s : null;
      pointRanks[id] = s === s ? (ranks[i] as number) : null;
    });
    return { weight: t, scores: pointScores, ranks: pointRanks };
  });
  return { criterionId, current, points };
}

/** A sweep for every criterion of the matrix. */
export function sweepAll(matrix: DecisionMatrix, options: ScoreOptions, steps: number): CriterionSweep[] {
  const scorer = createSampleScorer(matrix, options);
  return matrix.criteria.map((c) => sweepCriterion(matrix, options, c.id, steps, scorer));
}

/** Stability intervals of every criterion's weight. */
export function stabilityIntervals(
  matrix: DecisionMatrix,
  options: ScoreOptions,
  scorer: SampleScorer = createSampleScorer(matrix, options),
): StabilityInterval[] {
  return matrix.criteria.map((c, k) => stabilityOf(matrix, scorer, c.id, k));
}

function stabilityOf(matrix: DecisionMatrix, scorer: SampleScorer, criterionId: string, k: number): StabilityInterval {
  const n = matrix.siteIds.length;
  const current = scorer.baseWeights[k] as number;
  const w = new Float64Array(scorer.criteria);
  const scores = new Float64Array(n);
  const order = tieOrder(matrix.siteIds);
  const topAt = (t: number): number => {
    scorer.score(rescaledWeights(scorer.baseWeights, k, t, w), null, scores);
    return topIndex(scores, order);
  };
  const top = topAt(current);
  const id = (i: number): string | null => (i < 0 ? null : (matrix.siteIds[i] ?? null));
  if (top < 0)
    return { criterionId, current, lo: 0, hi: 1, topSite: null, tiedWith: [], changesTo: { lo: null, hi: null } };
  const ranks = ranksOf(scores, order);
  const tiedWith: string[] = [];
  for (let q = 0; q < n; q++) {
    const i = order[q] as number;
    if (i !== top && ranks[i] === 1) tiedWith.push(matrix.siteIds[i] as string);
  }
  const ends =
    scorer.linear && current > 0 && current < 1
      ? linearEnds(scorer, k, current, top, topAt)
      : scannedEnds(current, top, topAt);
  return {
    criterionId,
    current,
    lo: ends.lo,
    hi: ends.hi,
    topSite: id(top),
    tiedWith,
    changesTo: { lo: id(ends.loSite), hi: id(ends.hiSite) },
  };
}

interface Ends {
  lo: number;
  hi: number;
  loSite: number;
  hiSite: number;
}

/**
 * WSM: inside (0, 1) the weighted set of criteria does not change, so score_i(t) = a_i + b_i·t and
 * site i overtakes the top site s where a_s + b_s·t = a_i + b_i·t. Two interior evaluations give a
 * and b. At t = 0 or 1 exactly a criterion enters or leaves the weighted set, which can change who is
 * excluded; that is checked directly (a change only there is reported as lo = 0 or hi = 1 with
 * changesTo set).
 */
function linearEnds(scorer: SampleScorer, k: number, current: number, top: number, topAt: (t: number) => number): Ends {
  const n = scorer.sites;
  const w = new Float64Array(scorer.criteria);
  const atC = new Float64Array(n);
  const atT = new Float64Array(n);
  const t2 = current < 0.5 ? (current + 1) / 2 : current / 2;
  scorer.score(rescaledWeights(scorer.baseWeights, k, current, w), null, atC);
  scorer.score(rescaledWeights(scorer.baseWeights, k, t2, w), null, atT);
  const slope = (i: number): number => ((atT[i] as number) - (atC[i] as number)) / (t2 - current);
  const bs = slope(top);
  const as = (atC[top] as number) - bs * current;
  let lo = 0;
  let hi = 1;
  let loSite = -1;
  let hiSite = -1;
  for (let i = 0; i < n; i++) {
    if (i === top || (atC[i] as number) !== (atC[i] as number)) continue;
    const bi = slope(i);
    const ai = (atC[i] as number) - bi * current;
    // d(t) = score_s − score_i = A + B·t, ≥ 0 at the current weight.
    const A = as - ai;
    const B = bs - bi;
    if (B === 0) continue;
    const cross = -A / B;
    if (B < 0 && cross >= current && cross < hi) {
      hi = cross;
      hiSite = i;
    } else if (B > 0 && cross <= current && cross > lo) {
      lo = cross;
      loSite = i;
    }
  }
  // Who takes over just past each end (several sites can cross at once, so ask the scorer); at the
  // ends of the range, whoever is on top there.
  hiSite = hiSite >= 0 ? topAt(Math.min(1, hi + 1e-9)) : topAt(1);
  loSite = loSite >= 0 ? topAt(Math.max(0, lo - 1e-9)) : topAt(0);
  return { lo, hi, loSite: loSite === top ? -1 : loSite, hiSite: hiSite === top ? -1 : hiSite };
}

const SCAN = 50;
const PRECISION = 1e-4;

/** Any method: scan outwards from the current weight, then bisect the first change. */
function scannedEnds(current: number, top: number, topAt: (t: number) => number): Ends {
  const side = (end: number): { bound: number; site: number } => {
    let inside = current;
    for (let s = 1; s <= SCAN; s++) {
      const t = current + ((end - current) * s) / SCAN;
      const site = topAt(t);
      if (site !== top) {
        // A change only at the very end (a criterion entering or leaving the weighted set there).
        if (s === SCAN && topAt(end + (current - end) * 1e-9) === top) return { bound: end, site };
        let a = inside;
        let b = t;
        let changed = site;
        while (Math.abs(b - a) > PRECISION) {
          const mid = (a + b) / 2;
          const m = topAt(mid);
          if (m === top) a = mid;
          else {
            b = mid;
            changed = m;
          }
        }
        return { bound: a, site: changed };
      }
      inside = t;
    }
    return { bound: end, site: -1 };
  };
  const low = current > 0 ? side(0) : { bound: 0, site: -1 };
  const high = current < 1 ? side(1) : { bound: 1, site: -1 };
  return { lo: low.bound, hi: high.bound, loSite: low.site, hiSite: high.site };
}

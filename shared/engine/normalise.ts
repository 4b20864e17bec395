// Per-criterion normalisation over the candidate set: raw values in, scores in [0, 1] out, 1 = best.
//
// Choices (documented here because they change rankings):
// - minmax: benefit (x − min)/(max − min), cost (max − x)/(max − min).
// - vector: benefit x/‖x‖; cost 1 − x/‖x‖ (a linear flip, so the distance between sites is kept;
//   the best cost site does not reach 1, as the best benefit site does not under x/‖x‖ either).
// - max: benefit x/max; cost min/x (the usual "linear scale" cost form), or 1 − x/max when the best
//   cost is 0 (min/x would give every other site 0). Vector and max are ratio scales: a column with
//   a negative value is read min–max instead. Both fall-backs carry a note the result reports.
// - target: a piecewise-linear value function through the planner's (raw, score) breakpoints,
//   clamped outside the first and last breakpoint. It is absolute, so direction is ignored (the
//   breakpoints already say what is good) and the candidate set does not matter.
// - A column with no spread among the candidates' known values (none known, one known, all equal,
//   or every value 0 for vector/max) does not tell sites apart: it is uninformative and scores 0
//   for every site, known or not, so it contributes nothing to anyone (the weighted product leaves
//   it out, a factor of 1, which is "nothing" for a product). It used to score 1, which gave every
//   site — including those with no value — the criterion's full share. Absolute and target scales
//   are not relative to the candidates and keep their values.
// - absolute: values already on a fixed 0..1 scale (chip legality) stay as they are, whatever the
//   candidates, so "every site conditional" does not become "every site 1.0".
// - NaN (missing) stays NaN; score.ts applies the missing-value policy.
import type { CriterionSpec } from './types';

export interface ColumnStats {
  min: number;
  max: number;
  /** Euclidean norm of the known values. */
  norm: number;
  /** How many known (non-NaN) values the column has among the included rows. */
  count: number;
}

/**
 * 0: r = (x − o) / d (min-max, vector, max-benefit; division keeps the ends exact, 0 and 1);
 * 1: r = o / x (max-normalised cost, o = min); 2: value function through breakpoints;
 * 3: uninformative (no spread among the known values), r = 0.
 */
export interface ColumnTransform {
  code: 0 | 1 | 2 | 3;
  o: number;
  d: number;
  breakpoints: readonly (readonly [number, number])[];
  /** Why the column is not scored by the rule it asked for (a ratio scale that cannot read it). */
  note?: string;
}

type Spec = Pick<CriterionSpec, 'direction' | 'normalisation'>;

/**
 * Stats of every column of a row-major matrix; rows with include[i] = 0 are skipped (normalisation
 * is over the non-excluded candidate set). Blocks of rows are walked column by column so each
 * column's accumulators stay in registers while the block stays in cache (about 2× a plain walk).
 */
export function matrixColumnStats(
  values: Float64Array,
  rows: number,
  cols: number,
  include?: Uint8Array | null,
  /** false: skip the sums of squares (norm is then NaN) — only vector normalisation reads them. */
  withNorm = true,
): ColumnStats[] {
  const min = new Float64Array(cols).fill(Infinity);
  const max = new Float64Array(cols).fill(-Infinity);
  const sq = new Float64Array(cols);
  const count = new Float64Array(cols);
  for (let i0 = 0; i0 < rows; i0 += STATS_BLOCK) {
    const i1 = Math.min(rows, i0 + STATS_BLOCK);
    // Most blocks have no excluded row: those skip the per-cell include check, and walk four
    // columns at once (four independent sums of squares, each in row order as one column at a
    // time would add it: the same doubles, about 1.5× faster).
    const inc = include && include.subarray(i0, i1).indexOf(0) >= 0 ? include : null;
    let j0 = 0;
    if (inc === null) {
      for (; j0 + 3 < cols; j0 += 4) {
        let mn0 = min[j0] as number;
        let mx0 = max[j0] as number;
        let s0 = sq[j0] as number;
        let c0 = count[j0] as number;
        let mn1 = min[j0 + 1] as number;
        let mx1 = max[j0 + 1] as number;
        let s1 = sq[j0 + 1] as number;
        let c1 = count[j0 + 1] as number;
        let mn2 = min[j0 + 2] as number;
        let mx2 = max[j0 + 2] as number;
        let s2 = sq[j0 + 2] as number;
        let c2 = count[j0 + 2] as number;
        let mn3 = min[j0 + 3] as number;
        let mx3 = max[j0 + 3] as number;
        let s3 = sq[j0 + 3] as number;
        let c3 = count[j0 + 3] as number;
        for (let k = i0 * cols + j0, e = i1 * cols; k < e; k += cols) {
          const x0 = values[k] as number;
          const x1 = values[k + 1] as number;
          const x2 = values[k + 2] as number;
          const x3 = values[k + 3] as number;
          if (x0 === x0) {
            if (x0 < mn0) mn0 = x0;
            if (x0 > mx0) mx0 = x0;
            if (withNorm) s0 += x0 * x0;
            c0++;
          }
          if (x1 === x1) {
            if (x1 < mn1) mn1 = x1;
            if (x1 > mx1) mx1 = x1;
            if (withNorm) s1 += x1 * x1;
            c1++;
          }
          if (x2 === x2) {
            if (x2 < mn2) mn2 = x2;
            if (x2 > mx2) mx2 = x2;
            if (withNorm) s2 += x2 * x2;
            c2++;
          }
          if (x3 === x3) {
            if (x3 < mn3) mn3 = x3;
            if (x3 > mx3) mx3 = x3;
            if (withNorm) s3 += x3 * x3;
            c3++;
          }
        }
        min[j0] = mn0;
        max[j0] = mx0;
        sq[j0] = s0;
        count[j0] = c0;
        min[j0 + 1] = mn1;
        max[j0 + 1] = mx1;
        sq[j0 + 1] = s1;
        count[j0 + 1] = c1;
        min[j0 + 2] = mn2;
        max[j0 + 2] = mx2;
        sq[j0 + 2] = s2;
        count[j0 + 2] = c2;
        min[j0 + 3] = mn3;
        max[j0 + 3] = mx3;
        sq[j0 + 3] = s3;
        count[j0 + 3] = c3;
      }
    }
    for (let j = j0; j < cols; j++) {
      let mn = min[j] as number;
      let mx = max[j] as number;
      let s = sq[j] as number;
      let c = count[j] as number;
      for (let i = i0, k = i0 * cols + j; i < i1; i++, k += cols) {
        const x = values[k] as number;
        if (x !== x || (inc !== null && inc[i] === 0)) continue; // NaN: missing
        if (x < mn) mn = x;
        if (x > mx) mx = x;
        if (withNorm) s += x * x;
        c++;
      }
      min[j] = mn;
      max[j] = mx;
      sq[j] = s;
      count[j] = c;
    }
  }
  const out: ColumnStats[] = [];
  for (let j = 0; j < cols; j++) {
    out.push({
      min: min[j] as number,
      max: max[j] as number,
      norm: withNorm ? Math.sqrt(sq[j] as number) : Number.NaN,
      count: count[j] as number,
    });
  }
  return out;
}

const STATS_BLOCK = 512;

const CONSTANT: ColumnTransform = { code: 3, o: 0, d: 1, breakpoints: [] };
/** Whether a transform's scale is fixed (absolute, target) rather than relative to the candidates. */
export const isFixedScale = (spec: Spec): boolean =>
  spec.normalisation.kind === 'absolute' || spec.normalisation.kind === 'target';

/** The identity on [0, 1] (clamped): an absolute scale is never rescaled by the candidates. */
const ABSOLUTE: ColumnTransform = {
  code: 2,
  o: 0,
  d: 1,
  breakpoints: [
    [0, 0],
    [1, 1],
  ],
};
const affine = (o: number, d: number): ColumnTransform => ({ code: 0, o, d, breakpoints: [] });

/** How to map a raw value of this column to [0, 1], given the column's stats over the candidates. */
export function columnTransform(stats: ColumnStats, spec: Spec): ColumnTransform {
  const n = spec.normalisation;
  const benefit = spec.direction === 'benefit';
  if (n.kind === 'absolute') return ABSOLUTE;
  if (n.kind === 'target') {
    const sorted = [...n.breakpoints].sort((p, q) => p[0] - q[0]);
    if (sorted.length === 0) throw new Error('a target value function needs at least one breakpoint');
    return { code: 2, o: 0, d: 1, breakpoints: sorted };
  }
  if (stats.count === 0 || stats.min === stats.max) return CONSTANT;
  const span = stats.max - stats.min;
  const minmax = benefit ? affine(stats.min, span) : affine(stats.max, -span);
  if (n.kind === 'minmax') return minmax;
  // Vector and share-of-best are ratio scales: a negative value has no ratio meaning (it would be
  // clamped to 0 and tie with everything below it), so such a column is read min–max, and says so.
  if (stats.min < 0) {
    return {
      ...minmax,
      note: `has negative values, which ${n.kind === 'vector' ? 'a vector' : 'a share-of-best'} scale cannot read: scored min–max instead`,
    };
  }
  if (n.kind === 'vector') {
    if (stats.norm === 0) return CONSTANT;
    // cost: 1 − x/‖x‖ = (x − ‖x‖) / −‖x‖
    return benefit ? affine(0, stats.norm) : affine(stats.norm, -stats.norm);
  }
  // max
  if (benefit) return stats.max === 0 ? CONSTANT : affine(0, stats.max);
  // Best ÷ value is 0 for every other site when the best cost is 0 (policy churn of a place with
  // no binding events): the linear flip 1 − value ÷ largest keeps the sites apart.
  if (stats.min === 0) {
    return {
      ...affine(stats.max, -stats.max),
      note: 'has a best value of 0, where best ÷ value gives every other site 0: scored 1 − value ÷ largest instead',
    };
  }
  return { code: 1, o: stats.min, d: 1, breakpoints: [] };
}

/** Piecewise-linear interpolation through sorted breakpoints, clamped at both ends, result in [0, 1]. */
export function valueFunction(breakpoints: readonly (readonly [number, number])[], x: number): number {
  const first = breakpoints[0];
  if (first === undefined) return Number.NaN;
  let r: number;
  if (x <= first[0]) r = first[1];
  else {
    r = (breakpoints[breakpoints.length - 1] as readonly [number, number])[1];
    for (let k = 1; k < breakpoints.length; k++) {
      const p = breakpoints[k - 1] as readonly [number, number];
      const q = breakpoints[k] as readonly [number, number];
      if (x <= q[0]) {
        r = q[0] === p[0] ? q[1] : p[1] + ((x - p[0]) / (q[0] - p[0])) * (q[1] - p[1]);
        break;
      }
    }
  }
  return r <= 0 ? 0 : r > 1 ? 1 : r;
}

/** One raw value through a column transform, clamped to [0, 1]; NaN stays NaN. */
export function applyTransform(t: ColumnTransform, x: number): number {
  if (x !== x) return Number.NaN;
  let r: number;
  if (t.code === 0) r = (x - t.o) / t.d;
  else if (t.code === 1) r = x === 0 ? 1 : t.o / x;
  else if (t.code === 3) return 0;
  else return valueFunction(t.breakpoints, x);
  return r <= 0 ? 0 : r > 1 ? 1 : r;
}

/** Normalises one column (a plain list of raw values, NaN = missing) over all its values. */
export function normaliseColumn(values: ArrayLike<number>, spec: Spec): Float64Array {
  const col = Float64Array.from(values);
  const t = columnTransform(matrixColumnStats(col, col.length, 1)[0] as ColumnStats, spec);
  for (let i = 0; i < col.length; i++) col[i] = applyTransform(t, col[i] as number);
  return col;
}

/**
 * The whole matrix normalised column by column over the included rows (row-major, same shape; NaN
 * stays NaN, excluded rows are NaN). Also returns each column's transform and the lowest normalised
 * value among its included known cells ("worst", for the 'worst' missing policy; 0 if none).
 */
export function normaliseMatrix(
  values: Float64Array,
  criteria: readonly Spec[],
  rows: number,
  include?: Uint8Array | null,
): {
  normalised: Float64Array;
  transforms: ColumnTransform[];
  worst: Float64Array;
  stats: ColumnStats[];
  included: number;
} {
  const cols = criteria.length;
  const stats = matrixColumnStats(values, rows, cols, include);
  const transforms = criteria.map((c, j) => columnTransform(stats[j] as ColumnStats, c));
  const out = new Float64Array(rows * cols);
  const worst = new Float64Array(cols).fill(Infinity);
  const code = Uint8Array.from(transforms, (t) => t.code);
  const o = Float64Array.from(transforms, (t) => t.o);
  const d = Float64Array.from(transforms, (t) => t.d);
  for (let i = 0, base = 0; i < rows; i++, base += cols) {
    if (include && include[i] === 0) {
      out.fill(Number.NaN, base, base + cols);
      continue;
    }
    for (let j = 0; j < cols; j++) {
      const x = values[base + j] as number;
      let r: number;
      if (x !== x) r = x;
      else {
        const c = code[j];
        if (c === 0) r = (x - (o[j] as number)) / (d[j] as number);
        else if (c === 1) r = x === 0 ? 1 : (o[j] as number) / x;
        else if (c === 3) r = 0;
        else r = valueFunction((transforms[j] as ColumnTransform).breakpoints, x);
        r = r <= 0 ? 0 : r > 1 ? 1 : r;
        if (r < (worst[j] as number)) worst[j] = r;
      }
      out[base + j] = r;
    }
  }
  for (let j = 0; j < cols; j++) if (worst[j] === Infinity) worst[j] = 0;
  let included = rows;
  if (include) for (let i = 0; i < rows; i++) if (include[i] === 0) included--;
  return { normalised: out, transforms, worst, stats, included };
}

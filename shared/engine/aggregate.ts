// TOPSIS over a normalised matrix (rows = sites, cols = criteria). The weighted sum and weighted
// product are fused with normalisation in score.ts; TOPSIS needs two passes (ideal points, then
// distances), so it takes the normalised matrix score.ts builds with the criterion's own
// normalisation and missing-value policy.

/** Rows per block when TOPSIS takes each column's extremes (the block stays in cache). */
const EXTREMES_BLOCK = 512;

/** Floor applied to normalised values in WPM so one zero does not wipe out a site (0^w = 0). */
export const WPM_FLOOR = 1e-9;

export interface TopsisResult {
  /** Relative closeness C = d− / (d+ + d−) in [0, 1]; NaN for excluded rows. */
  closeness: Float64Array;
  dPlus: Float64Array;
  dMinus: Float64Array;
}

/**
 * TOPSIS (Hwang & Yoon 1981) on values already normalised by the criterion's own rule, 1 = best
 * (so cost criteria are already flipped): weighted v = w·r; the ideal is each column's highest v
 * among the included rows' KNOWN cells and the anti-ideal its lowest — except on a fixed scale
 * (`fixed[j]`: chip legality's absolute scale, a target value function), where they are w·1 and 0
 * whatever the candidates, so "every site conditional" stays a distance from "allowed". Euclidean
 * distances d+ and d−, closeness d−/(d+ + d−).
 *
 * With vector normalisation this is the textbook method: a cost column normalised as 1 − x/‖x‖
 * has the same distances as x/‖x‖ with the ideal at its minimum.
 *
 * Gaps (`known[cell]` = 0): the ideal points are built from known cells only, so a site with no
 * data moves nobody else's closeness. A gap filled "no credit" (`gapAtAnti[j]`: the 'zero' and
 * 'worst' policies) sits at the anti-ideal — TOPSIS's own bottom: no distance from the worst,
 * the whole distance from the best. Other fills (neutral 0.5) are measured as they are; a NaN
 * cell (the 'reweight' policy) is left out of that row's distances. An uninformative column (0
 * for everyone) adds nothing to either distance. When d+ + d− = 0 (no column tells the row from
 * the ideal or the anti-ideal) the closeness is 0: no credit without information.
 */
export function topsis(
  normalised: Float64Array,
  rows: number,
  weights: Float64Array,
  fixed: readonly boolean[],
  include?: Uint8Array | null,
  known?: Uint8Array | null,
  gapAtAnti?: readonly boolean[],
): TopsisResult {
  const cols = weights.length;
  const best = new Float64Array(cols).fill(-Infinity);
  const worst = new Float64Array(cols).fill(Infinity);
  // A gap filled "no credit" (known = 0 in a gapAtAnti column) is left out of the ideal points and
  // sits at the anti-ideal below; the flags are read once, not per cell.
  const gaps = known !== undefined && known !== null ? known : null;
  const atAnti = Uint8Array.from({ length: cols }, (_, j) => (gapAtAnti?.[j] === true ? 1 : 0));
  const isGap = (k: number, j: number): boolean => gaps !== null && atAnti[j] === 1 && gaps[k] === 0;
  if (gaps === null) {
    // Blocks of rows column by column, each column's extremes in registers (the max and min of a
    // set do not depend on the order it is read in).
    for (let i0 = 0; i0 < rows; i0 += EXTREMES_BLOCK) {
      const i1 = Math.min(rows, i0 + EXTREMES_BLOCK);
      const inc = include && include.subarray(i0, i1).indexOf(0) >= 0 ? include : null;
      for (let j = 0; j < cols; j++) {
        const w = weights[j] as number;
        let b = best[j] as number;
        let a = worst[j] as number;
        for (let i = i0, k = i0 * cols + j; i < i1; i++, k += cols) {
          if (inc !== null && inc[i] === 0) continue;
          const v = w * (normalised[k] as number);
          if (v > b) b = v;
          if (v < a) a = v;
        }
        best[j] = b;
        worst[j] = a;
      }
    }
  } else {
    for (let i = 0, base = 0; i < rows; i++, base += cols) {
      if (include && include[i] === 0) continue;
      for (let j = 0; j < cols; j++) {
        if (isGap(base + j, j)) continue;
        const v = (weights[j] as number) * (normalised[base + j] as number);
        if (v > (best[j] as number)) best[j] = v;
        if (v < (worst[j] as number)) worst[j] = v;
      }
    }
  }
  for (let j = 0; j < cols; j++) {
    if (fixed[j]) {
      best[j] = weights[j] as number;
      worst[j] = 0;
    } else if (best[j] === -Infinity) best[j] = worst[j] = 0; // nothing known in the column
  }
  const closeness = new Float64Array(rows);
  const dPlus = new Float64Array(rows);
  const dMinus = new Float64Array(rows);
  const finish = (i: number, p: number, m: number, any: boolean): void => {
    const sp = Math.sqrt(p);
    const sm = Math.sqrt(m);
    dPlus[i] = sp;
    dMinus[i] = sm;
    closeness[i] = !any ? Number.NaN : sp + sm === 0 ? 0 : sm / (sp + sm);
  };
  const included = (i: number): boolean => !include || include[i] !== 0;
  for (let i = 0, base = 0; i < rows; i++, base += cols) {
    if (!included(i)) {
      closeness[i] = dPlus[i] = dMinus[i] = Number.NaN;
      continue;
    }
    if (gaps === null && i + 1 < rows && included(i + 1)) {
      // Two rows at once (four independent sums, each in column order as one row at a time
      // would add it: the same doubles). Without gaps the only skipped cells are NaN fills.
      let p0 = 0;
      let m0 = 0;
      let p1 = 0;
      let m1 = 0;
      let any0 = false;
      let any1 = false;
      for (let j = 0; j < cols; j++) {
        const w = weights[j] as number;
        const b = best[j] as number;
        const a = worst[j] as number;
        const r0 = normalised[base + j] as number;
        const r1 = normalised[base + cols + j] as number;
        if (r0 === r0) {
          any0 = true;
          const v = w * r0;
          const dp = v - b;
          const dm = v - a;
          p0 += dp * dp;
          m0 += dm * dm;
        }
        if (r1 === r1) {
          any1 = true;
          const v = w * r1;
          const dp = v - b;
          const dm = v - a;
          p1 += dp * dp;
          m1 += dm * dm;
        }
      }
      finish(i, p0, m0, any0);
      finish(i + 1, p1, m1, any1);
      i++;
      base += cols;
      continue;
    }
    let p = 0;
    let m = 0;
    let any = false;
    for (let j = 0; j < cols; j++) {
      const r = normalised[base + j] as number;
      if (r !== r) continue;
      any = true;
      const v = isGap(base + j, j) ? (worst[j] as number) : (weights[j] as number) * r;
      const dp = v - (best[j] as number);
      const dm = v - (worst[j] as number);
      p += dp * dp;
      m += dm * dm;
    }
    finish(i, p, m, any);
  }
  return { closeness, dPlus, dMinus };
}

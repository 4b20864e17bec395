// Aggregation methods over a row-major matrix (rows = sites, cols = criteria). NaN cells are left
// out of that row with its weights renormalised over the row's known cells (the 'reweight' policy;
// score.ts has already filled the cells the other policies decide). Weights are expected to sum to 1.

/** Floor applied to normalised values in WPM so one zero does not wipe out a site (0^w = 0). */
export const WPM_FLOOR = 1e-9;

/**
 * Weighted sum: S_i = Σ_j w_j r_ij / Σ_{known j} w_j. Decomposable: contribution_ij = w_j r_ij /
 * Σ_{known} w_j, and the contributions sum to S_i. Rows with include[i] = 0, or no known weighted
 * cell, get NaN.
 */
export function wsm(
  normalised: Float64Array,
  rows: number,
  weights: Float64Array,
  include?: Uint8Array | null,
): Float64Array {
  const cols = weights.length;
  const out = new Float64Array(rows);
  for (let i = 0, base = 0; i < rows; i++, base += cols) {
    if (include && include[i] === 0) {
      out[i] = Number.NaN;
      continue;
    }
    let s = 0;
    let wk = 0;
    for (let j = 0; j < cols; j++) {
      const r = normalised[base + j] as number;
      if (r !== r) continue;
      const w = weights[j] as number;
      s += w * r;
      wk += w;
    }
    out[i] = wk > 0 ? s / wk : Number.NaN;
  }
  return out;
}

/** One row's WSM contributions (w_j r_ij / Σ_{known} w_j; NaN for a left-out cell). */
export function wsmContributions(normalised: Float64Array, row: number, weights: Float64Array): Float64Array {
  const cols = weights.length;
  const base = row * cols;
  const out = new Float64Array(cols);
  let wk = 0;
  for (let j = 0; j < cols; j++)
    if ((normalised[base + j] as number) === (normalised[base + j] as number)) wk += weights[j] as number;
  for (let j = 0; j < cols; j++) {
    const r = normalised[base + j] as number;
    out[j] = r !== r || wk === 0 ? Number.NaN : ((weights[j] as number) * r) / wk;
  }
  return out;
}

/**
 * Weighted product: P_i = Π_j max(r_ij, WPM_FLOOR)^(w_j / Σ_{known} w_j), computed as exp of a
 * weighted log sum. With weights summing to 1 and r in [0, 1] the result is in [0, 1]; a site at 0
 * on a weighted criterion scores near 0 (floor^w) rather than exactly 0, so ties among such sites
 * are still broken by their other criteria.
 */
export function wpm(
  normalised: Float64Array,
  rows: number,
  weights: Float64Array,
  include?: Uint8Array | null,
): Float64Array {
  const cols = weights.length;
  const out = new Float64Array(rows);
  for (let i = 0, base = 0; i < rows; i++, base += cols) {
    if (include && include[i] === 0) {
      out[i] = Number.NaN;
      continue;
    }
    let s = 0;
    let wk = 0;
    for (let j = 0; j < cols; j++) {
      const r = normalised[base + j] as number;
      const w = weights[j] as number;
      if (r !== r || w === 0) continue;
      s += w * Math.log(r < WPM_FLOOR ? WPM_FLOOR : r);
      wk += w;
    }
    out[i] = wk > 0 ? Math.exp(s / wk) : Number.NaN;
  }
  return out;
}

export interface TopsisResult {
  /** Relative closeness C = d− / (d+ + d−) in [0, 1]; NaN for excluded rows. */
  closeness: Float64Array;
  dPlus: Float64Array;
  dMinus: Float64Array;
}

/**
 * TOPSIS as Hwang & Yoon (1981) define it, on RAW values: vector normalisation r = x/‖x‖ per column
 * over the included rows (regardless of the criterion's own normalisation spec: the method is
 * defined with it), weighted v = w·r, ideal = best v per column by direction (max for benefit, min
 * for cost) and anti-ideal = worst, Euclidean distances d+ and d−, closeness d−/(d+ + d−). A NaN
 * cell is left out of that row's distances. When d+ + d− = 0 (the row equals both the ideal and the
 * anti-ideal: every column constant) the closeness is 1, like a constant column elsewhere.
 */
export function topsis(
  raw: Float64Array,
  rows: number,
  weights: Float64Array,
  benefit: readonly boolean[],
  include?: Uint8Array | null,
): TopsisResult {
  const cols = weights.length;
  const sq = new Float64Array(cols);
  for (let i = 0, base = 0; i < rows; i++, base += cols) {
    if (include && include[i] === 0) continue;
    for (let j = 0; j < cols; j++) {
      const x = raw[base + j] as number;
      if (x === x) sq[j] = (sq[j] as number) + x * x;
    }
  }
  const scale = Float64Array.from(sq, (s, j) => (s > 0 ? (weights[j] as number) / Math.sqrt(s) : 0));
  const best = new Float64Array(cols).fill(Number.NaN);
  const worst = new Float64Array(cols).fill(Number.NaN);
  for (let i = 0, base = 0; i < rows; i++, base += cols) {
    if (include && include[i] === 0) continue;
    for (let j = 0; j < cols; j++) {
      const x = raw[base + j] as number;
      if (x !== x) continue;
      const v = x * (scale[j] as number);
      const b = best[j] as number;
      const w = worst[j] as number;
      const better = benefit[j] ? v > b : v < b;
      const worse = benefit[j] ? v < w : v > w;
      if (b !== b || better) best[j] = v;
      if (w !== w || worse) worst[j] = v;
    }
  }
  const closeness = new Float64Array(rows);
  const dPlus = new Float64Array(rows);
  const dMinus = new Float64Array(rows);
  for (let i = 0, base = 0; i < rows; i++, base += cols) {
    if (include && include[i] === 0) {
      closeness[i] = dPlus[i] = dMinus[i] = Number.NaN;
      continue;
    }
    let p = 0;
    let m = 0;
    for (let j = 0; j < cols; j++) {
      const x = raw[base + j] as number;
      if (x !== x) continue;
      const v = x * (scale[j] as number);
      const dp = v - (best[j] as number);
      const dm = v - (worst[j] as number);
      p += dp * dp;
      m += dm * dm;
    }
    const sp = Math.sqrt(p);
    const sm = Math.sqrt(m);
    dPlus[i] = sp;
    dMinus[i] = sm;
    closeness[i] = sp + sm === 0 ? 1 : sm / (sp + sm);
  }
  return { closeness, dPlus, dMinus };
}

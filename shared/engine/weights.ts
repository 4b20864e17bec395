// Criterion weights: direct entry, rank-order centroid from a ranking, and AHP pairwise comparison.
// Every method returns weights that sum to 1.

/** Direct weights, normalised to sum 1. Refuses negative or non-finite weights and an all-zero set. */
export function directWeights(raw: Readonly<Record<string, number>>): Record<string, number> {
  let sum = 0;
  for (const [id, w] of Object.entries(raw)) {
    if (!Number.isFinite(w) || w < 0) throw new Error(`weight of ${id} is ${w}; weights must be finite and ≥ 0`);
    sum += w;
  }
  if (sum <= 0) throw new Error('at least one weight must be above zero');
  // Weights that already sum to 1 up to float noise are kept as typed (0.3 stays 0.3, not 0.29999…).
  const scale = Math.abs(sum - 1) < 1e-12 ? 1 : sum;
  const out: Record<string, number> = {};
  for (const [id, w] of Object.entries(raw)) out[id] = w / scale;
  return out;
}

/**
 * The weights of `ids` (in that order) from a raw weight record, normalised to sum 1 over those ids;
 * an id without a weight counts 0.
 */
export function weightVector(ids: readonly string[], raw: Readonly<Record<string, number>>): Float64Array {
  const picked: Record<string, number> = {};
  for (const id of ids) picked[id] = Object.hasOwn(raw, id) ? (raw[id] as number) : 0;
  const norm = directWeights(picked);
  return Float64Array.from(ids, (id) => norm[id] as number);
}

/** Rank-order centroid weights for n ranks: w_k = (1/n) Σ_{i=k..n} 1/i (k = 1 is most important). */
export function rocWeights(n: number): number[] {
  if (!Number.isInteger(n) || n < 1) throw new Error('rank-order centroid needs at least one criterion');
  const out = new Array<number>(n).fill(0);
  let tail = 0;
  for (let k = n; k >= 1; k--) {
    tail += 1 / k;
    out[k - 1] = tail / n;
  }
  return out;
}

/** Rank-order centroid weights from a ranking (most important first). */
export function rankOrderCentroid(ranking: readonly string[]): Record<string, number> {
  if (new Set(ranking).size !== ranking.length) throw new Error('a ranking lists each criterion once');
  const w = rocWeights(ranking.length);
  const out: Record<string, number> = {};
  ranking.forEach((id, k) => (out[id] = w[k] as number));
  return out;
}

/** Saaty's random consistency indices for n = 1..10. */
export const RANDOM_INDEX: readonly number[] = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

export interface AhpResult {
  /** The principal eigenvector, normalised to sum 1, in the matrix's row order. */
  weights: number[];
  lambdaMax: number;
  /** Consistency index (λmax − n)/(n − 1); 0 for n ≤ 2. */
  ci: number;
  /** Consistency ratio CI/RI; 0 for n ≤ 2 (every 1×1 and 2×2 reciprocal matrix is consistent). */
  cr: number;
  /** Set when CR > 0.10, Saaty's threshold for judgments that should be revisited. */
  warning: string | null;
  iterations: number;
}

/**
 * AHP priorities from a positive reciprocal pairwise comparison matrix (a[i][j] = how much more
 * important i is than j; a[j][i] = 1/a[i][j]; diagonal 1), by power iteration to 1e-12.
 */
export function ahpWeights(matrix: readonly (readonly number[])[]): AhpResult {
  const n = matrix.length;
  if (n < 1 || n > RANDOM_INDEX.length) throw new Error(`AHP needs 1 to ${RANDOM_INDEX.length} criteria, got ${n}`);
  const a = matrix.map((row, i) => {
    if (row.length !== n) throw new Error(`row ${i + 1} has ${row.length} entries; the matrix must be ${n}×${n}`);
    return row.map((v, j) => {
      if (!Number.isFinite(v) || v <= 0) throw new Error(`entry (${i + 1}, ${j + 1}) is ${v}; entries must be > 0`);
      return v;
    });
  });
  for (let i = 0; i < n; i++) {
    if (Math.abs((a[i]?.[i] as number) - 1) > 1e-9) throw new Error(`diagonal entry (${i + 1}, ${i + 1}) must be 1`);
    for (let j = i + 1; j < n; j++) {
      const p = (a[i]?.[j] as number) * (a[j]?.[i] as number);
      if (Math.abs(p - 1) > 1e-6) {
        throw new Error(`entries (${i + 1}, ${j + 1}) and (${j + 1}, ${i + 1}) are not reciprocal`);
      }
    }
  }
  let w = new Array<number>(n).fill(1 / n);
  let iterations = 0;
  for (; iterations < 10_000; iterations++) {
    const next = a.map((row) => row.reduce((s, v, j) => s + v * (w[j] as number), 0));
    const sum = next.reduce((s, v) => s + v, 0);
    for (let i = 0; i < n; i++) next[i] = (next[i] as number) / sum;
    const delta = next.reduce((d, v, i) => Math.max(d, Math.abs(v - (w[i] as number))), 0);
    w = next;
    if (delta < 1e-12) break;
  }
  const aw = a.map((row) => row.reduce((s, v, j) => s + v * (w[j] as number), 0));
  const lambdaMax = aw.reduce((s, v, i) => s + v / (w[i] as number), 0) / n;
  const ci = n <= 2 ? 0 : (lambdaMax - n) / (n - 1);
  const cr = n <= 2 ? 0 : ci / (RANDOM_INDEX[n - 1] as number);
  const warning =
    cr > 0.1
      ? `consistency ratio ${cr.toFixed(3)} is above 0.10: the pairwise judgments contradict each other; revisit them`
      : null;
  return { weights: w, lambdaMax, ci, cr, warning, iterations: iterations + 1 };
}

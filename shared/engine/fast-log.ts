// A natural log for the weighted product's normalised values (score.ts). In V8 Math.log is a call
// into C (~10 ns) that the optimiser cannot inline, and at 100 000 sites × 20 criteria those calls
// were most of WPM's time; inlined, this makes WPM's loop about 2.5× faster (measured on the bench's
// data: ~33 ms → ~13 ms of CPU for the 2 million cells).
//
// r = 2^e · m with m in [1, 2): e comes from Math.clz32 of the integer ⌊r · 2^30⌋ and m is r times
// a power of two (both exact) — no Float64Array/Int32Array aliasing, which costs a store and a
// reload per call and measured slower than Math.log itself. m is then split at the nearest of 256
// points c = 1 + (i + ½)/256: log r = e·ln 2 − log(1/c) + log1p(t), t = m·(1/c) − 1, |t| ≤ 1/512,
// with e·ln 2 − log(1/c) read from a table and log1p(t) a degree-5 Taylor polynomial (truncation
// error |t|⁶/6 < 1e-17).
//
// Error against Math.log, absolute (which is what a weighted sum of logs feels): ≤ 4e-15, one ulp
// of log(1e-9) = −20.7, and ≤ 4e-16 for r ≥ 1/2 (tests/engine/fast-log.test.ts); near r = 1, where
// the log is tiny, the absolute error stays ~1e-16 though the relative one is large. WPM's score
// exp(Σ w log r / Σ w) moves by at most the largest of these, relatively: far below TIE_TOLERANCE
// (1e-12). Outside [2^-30, 2) — 0, subnormals, negatives, NaN, infinities, anything large — it is
// Math.log.

const TABLE_BITS = 8;
const TABLE_SIZE = 1 << TABLE_BITS;
/** The table covers [FAST_LOG_MIN, FAST_LOG_MAX): ⌊r · 2^30⌋ ≥ 1; WPM's floor (1e-9) is above it. */
export const FAST_LOG_MIN = 2 ** -30;
export const FAST_LOG_MAX = 2;
// ln 2 in two parts (fdlibm's): e · LN2_HI is exact for |e| < 2^20.
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;

/** 1/c for each of the 256 intervals of m. */
const INV_C = new Float64Array(TABLE_SIZE);
/** e · ln 2 − log(1/c) at (k << 8) | i, with e = 1 − k. */
const LOG_BASE = new Float64Array(32 * TABLE_SIZE);
/** 2^(k − 1): scales r to m, k = clz32(⌊r · 2^30⌋). */
const SCALE = new Float64Array(32);
for (let i = 0; i < TABLE_SIZE; i++) INV_C[i] = 1 / (1 + (i + 0.5) / TABLE_SIZE);
for (let k = 0; k < 32; k++) {
  SCALE[k] = 2 ** (k - 1);
  const e = 1 - k;
  // −log(1/c), not log(c): t is made of m · (1/c), so the table holds the log of that rounded factor.
  for (let i = 0; i < TABLE_SIZE; i++)
    LOG_BASE[(k << TABLE_BITS) | i] = e * LN2_HI + (e * LN2_LO - Math.log(INV_C[i] as number));
}

/** Natural log of r: within 4e-15 (absolute) of Math.log on [2^-30, 2), Math.log elsewhere. */
export function fastLog(r: number): number {
  if (!(r >= FAST_LOG_MIN && r < FAST_LOG_MAX)) return Math.log(r);
  const k = Math.clz32((r * 1073741824) | 0); // ⌊r · 2^30⌋ in [1, 2^31): k in [1, 31]
  const m = r * (SCALE[k] as number);
  const i = ((m - 1) * TABLE_SIZE) | 0;
  const t = m * (INV_C[i] as number) - 1;
  return (LOG_BASE[(k << TABLE_BITS) | i] as number) + t * (1 + t * (-0.5 + t * (1 / 3 + t * (-0.25 + t * 0.2))));
}

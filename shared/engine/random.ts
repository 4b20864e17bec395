// A small seeded random source for the stochastic analyses (SMAA): the same seed gives the same
// stream on every platform, so a run can be repeated exactly. Not for anything security-related.
//
// - Generator: xoshiro128** (32-bit state words, period 2^128 − 1), its state filled from the seed by
//   splitmix32 so that nearby seeds (1, 2, 3…) give unrelated streams.
// - Normal: Box–Muller, the second value of each pair kept for the next call.
// - Gamma: Marsaglia–Tsang (2000); shapes below 1 use the boost Gamma(a) = Gamma(a + 1)·U^(1/a).
// - Dirichlet: normalised Gamma draws; uniform on the simplex is Dirichlet(1, …, 1), i.e. normalised
//   exponentials.
// - Bulk uniforms (fillUniform, fillRange): the same numbers as next() one by one, generated in a loop
//   that keeps the four state words in locals (about 2.5× faster than calling next(): SMAA with value
//   ranges draws 10^8 of them).
// - Sub-streams (jump, stream): the state advanced by 2^64 steps per jump (Vigna's published jump
//   polynomial), so stream(seed, k) for k = 0, 1, 2 … are non-overlapping pieces of one sequence;
//   SMAA gives each block of samples its own, so any split of the blocks among threads draws the same
//   numbers.
// Every method writes into caller-owned arrays so a hot loop allocates nothing.

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = Number.NaN;

  constructor(seed: number) {
    let x = Math.trunc(seed) >>> 0;
    const next = (): number => {
      // splitmix32
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    // An all-zero state would stay zero forever; splitmix32 cannot give four zeros, but be certain.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /**
   * Fills out[from … to) with uniforms in [0, 1): exactly the numbers next() would give one call at
   * a time (and the stream continues after them as it would).
   */
  fillUniform(out: Float64Array, from = 0, to = out.length): Float64Array {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let q = from; q < to; q++) {
      const a = Math.imul(s1, 5);
      const r = Math.imul((a << 7) | (a >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      out[q] = r * TWO_TO_MINUS_32;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    return out;
  }

  /**
   * out[q] = low[q] + span[q] · u_q for q in [from, to), u_q uniform in [0, 1): the same numbers as
   * `low[q] + span[q] * next()` in a loop, generated without a call per number.
   */
  fillRange(low: Float64Array, span: Float64Array, out: Float64Array, from = 0, to = out.length): Float64Array {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let q = from; q < to; q++) {
      const a = Math.imul(s1, 5);
      const r = Math.imul((a << 7) | (a >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      out[q] = (low[q] as number) + (span[q] as number) * (r * TWO_TO_MINUS_32);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    return out;
  }

  /**
   * The numbers fillRange(low, span, …, from, to) would give, written to dest[index[q]] instead of
   * out[q]: SMAA's value sampling draws straight into its copy of the matrix (one loop, not
   * fillRange and a scatter loop). The draw is monotonic in the uniform, so no draw is
   * below low[q] nor above maxDraw(low[q], span[q]).
   */
  scatterRange(
    low: Float64Array,
    span: Float64Array,
    index: Int32Array,
    dest: Float64Array,
    from: number,
    to: number,
  ): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let q = from; q < to; q++) {
      const a = Math.imul(s1, 5);
      const r = Math.imul((a << 7) | (a >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      dest[index[q] as number] = (low[q] as number) + (span[q] as number) * (r * TWO_TO_MINUS_32);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /**
   * Advances the generator by 2^64 steps (xoshiro128**'s jump function, Blackman & Vigna): 2^64
   * non-overlapping sub-streams of 2^64 numbers each. A pending Box–Muller normal is dropped.
   */
  jump(): this {
    let t0 = 0;
    let t1 = 0;
    let t2 = 0;
    let t3 = 0;
    for (const word of JUMP) {
      for (let b = 0; b < 32; b++) {
        if ((word >>> b) & 1) {
          t0 ^= this.s0;
          t1 ^= this.s1;
          t2 ^= this.s2;
          t3 ^= this.s3;
        }
        this.nextUint32();
      }
    }
    this.s0 = t0;
    this.s1 = t1;
    this.s2 = t2;
    this.s3 = t3;
    this.spare = Number.NaN;
    return this;
  }

  /** An independent copy in the same state. */
  clone(): Rng {
    const c = new Rng(0);
    c.s0 = this.s0;
    c.s1 = this.s1;
    c.s2 = this.s2;
    c.s3 = this.s3;
    c.spare = this.spare;
    return c;
  }

  /**
   * Sub-stream `index` of `seed`: the generator of `seed` advanced by index × 2^64 steps. Streams of
   * the same seed never overlap (each is 2^64 numbers long before it would reach the next).
   */
  static stream(seed: number, index: number): Rng {
    const rng = new Rng(seed);
    for (let k = 0; k < index; k++) rng.jump();
    return rng;
  }

  /** Uniform in (0, 1]: safe to take the logarithm of. */
  nextOpen(): number {
    return (this.nextUint32() + 1) / 4294967296;
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Standard normal (mean 0, sd 1) by Box–Muller. */
  normal(): number {
    if (this.spare === this.spare) {
      const z = this.spare;
      this.spare = Number.NaN;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(this.nextOpen()));
    const theta = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /** Exponential with rate 1. */
  exponential(): number {
    return -Math.log(this.nextOpen());
  }

  /** Gamma(shape, 1); shape 0 gives 0 (a criterion with no weight stays without weight). */
  gamma(shape: number): number {
    if (!(shape > 0)) return 0;
    if (shape === 1) return this.exponential();
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.nextOpen(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.nextOpen();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /**
   * A Dirichlet(alpha) draw written into `out` (same length as alpha); it sums to 1. Entries with
   * alpha ≤ 0 are 0. If every alpha is ≤ 0 the result is all zeros.
   */
  dirichlet(alpha: ArrayLike<number>, out: Float64Array): Float64Array {
    let sum = 0;
    for (let j = 0; j < alpha.length; j++) {
      const g = this.gamma(alpha[j] as number);
      out[j] = g;
      sum += g;
    }
    if (sum > 0) for (let j = 0; j < alpha.length; j++) out[j] = (out[j] as number) / sum;
    return out;
  }

  /** A point uniform on the probability simplex of out.length dimensions (normalised exponentials). */
  simplex(out: Float64Array): Float64Array {
    let sum = 0;
    for (let j = 0; j < out.length; j++) {
      const e = this.exponential();
      out[j] = e;
      sum += e;
    }
    for (let j = 0; j < out.length; j++) out[j] = (out[j] as number) / sum;
    return out;
  }
}

const TWO_TO_MINUS_32 = 1 / 4294967296;

/**
 * The largest value fillRange / scatterRange can draw for a cell: low + span · u with the largest
 * uniform, 1 − 2^-32. Rounding is monotonic, so every draw of the cell lies in [low, this].
 */
export function maxDraw(low: number, span: number): number {
  return low + span * (4294967295 * TWO_TO_MINUS_32);
}

/** xoshiro128**'s jump polynomial for 2^64 steps (from the reference implementation). */
const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b] as const;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A seeded generator; the same seed always gives the same stream. */
export function createRng(seed: number): Rng {
  return new Rng(seed);
}

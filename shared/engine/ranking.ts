// Ranks from a vector of scores, without allocating: the hot loop of SMAA ranks every site once per
// sample. Rank 1 is the highest score; NaN (an excluded site) gets rank 0 (no rank). Equal scores
// share a rank (competition ranking, "1, 2=, 2=, 4", as scoreSites does): a tie is never resolved
// by anything the planner cannot see. The tie order (siteId code-unit order) only fixes the
// display order inside a group of equal scores. `tieSizes` says how many sites share each rank, so
// SMAA can split a shared rank's probability evenly among them.

/** Site indices in siteId code-unit order: the order in which equal scores are ranked. */
export function tieOrder(siteIds: readonly string[]): Int32Array {
  const idx = Array.from({ length: siteIds.length }, (_, i) => i);
  idx.sort((a, b) => {
    const x = siteIds[a] as string;
    const y = siteIds[b] as string;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  return Int32Array.from(idx);
}

const KEY_BITS = 40;
const LEVELS = 2 ** KEY_BITS - 1;
const TWO_32 = 4294967296;

/**
 * Ranking by an LSD radix sort (five 8-bit passes) of 40-bit keys: each finite score is quantised
 * against the sample's score range, best = 0. Radix sorting is stable and the sites go in in tie
 * order, so equal keys keep the tie order. Scores with the same key (closer than 2^−40, about
 * 1e-12, of the sample's score range) are equal and share the best rank of their group. About
 * twice as fast as Float64Array.sort for 1 000 sites, and it allocates nothing.
 */
export class Ranker {
  private readonly order: Int32Array;
  private lo: Uint32Array;
  private hi: Uint8Array;
  private idx: Int32Array;
  private lo2: Uint32Array;
  private hi2: Uint8Array;
  private idx2: Int32Array;
  private readonly count = new Int32Array(256);

  /** `order`: the tie order (see tieOrder); site index order when absent. */
  constructor(
    readonly size: number,
    order?: Int32Array,
  ) {
    this.order = order ?? Int32Array.from({ length: size }, (_, i) => i);
    this.lo = new Uint32Array(size);
    this.hi = new Uint8Array(size);
    this.idx = new Int32Array(size);
    this.lo2 = new Uint32Array(size);
    this.hi2 = new Uint8Array(size);
    this.idx2 = new Int32Array(size);
  }

  /**
   * Writes each site's rank into `ranks` (0 for NaN scores; equal scores share the best rank of
   * their group) and, when given, how many sites share it into `tieSizes` (1 = not tied); returns
   * how many sites were ranked.
   */
  rank(scores: Float64Array, ranks: Int32Array, tieSizes?: Int32Array): number {
    const n = this.size;
    const order = this.order;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const s = scores[i] as number;
      if (s < min) min = s;
      if (s > max) max = s;
    }
    const scale = max > min ? LEVELS / (max - min) : 0;
    let m = 0;
    for (let q = 0; q < n; q++) {
      const i = order[q] as number;
      const s = scores[i] as number;
      if (s !== s) {
        ranks[i] = 0;
        continue;
      }
      const key = Math.floor((max - s) * scale);
      const high = Math.floor(key / TWO_32);
      this.hi[m] = high;
      this.lo[m] = key - high * TWO_32;
      this.idx[m] = i;
      m++;
    }
    for (let pass = 0; pass < 5; pass++) this.pass(m, pass);
    const idx = this.idx;
    const lo = this.lo;
    const hi = this.hi;
    for (let k = 0; k < m;) {
      // A group of equal keys: [k, e).
      let e = k + 1;
      while (e < m && lo[e] === lo[k] && hi[e] === hi[k]) e++;
      for (let t = k; t < e; t++) {
        const i = idx[t] as number;
        ranks[i] = k + 1;
        if (tieSizes) tieSizes[i] = e - k;
      }
      k = e;
    }
    return m;
  }

  /** One stable counting-sort pass on byte `pass` of the key (0–3 in lo, 4 = hi). */
  private pass(m: number, pass: number): void {
    const count = this.count;
    const lo = this.lo;
    const hi = this.hi;
    const idx = this.idx;
    const shift = pass * 8;
    count.fill(0);
    for (let k = 0; k < m; k++) {
      const d = pass === 4 ? (hi[k] as number) : ((lo[k] as number) >>> shift) & 255;
      count[d] = (count[d] as number) + 1;
    }
    // Every key has the same byte: the pass would not move anything.
    for (let d = 0; d < 256; d++) if (count[d] === m) return;
    let sum = 0;
    for (let d = 0; d < 256; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    const lo2 = this.lo2;
    const hi2 = this.hi2;
    const idx2 = this.idx2;
    for (let k = 0; k < m; k++) {
      const d = pass === 4 ? (hi[k] as number) : ((lo[k] as number) >>> shift) & 255;
      const to = count[d] as number;
      count[d] = to + 1;
      lo2[to] = lo[k] as number;
      hi2[to] = hi[k] as number;
      idx2[to] = idx[k] as number;
    }
    this.lo = lo2;
    this.hi = hi2;
    this.idx = idx2;
    this.lo2 = lo;
    this.hi2 = hi;
    this.idx2 = idx;
  }
}

/** Ranks of one score vector as a fresh array (1 = best, equal scores share a rank, 0 = not ranked). */
export function ranksOf(scores: Float64Array, order?: Int32Array): Int32Array {
  const ranks = new Int32Array(scores.length);
  new Ranker(scores.length, order).rank(scores, ranks);
  return ranks;
}

/** Index of the best site (first in `order` among equal scores), or −1 if every score is NaN. */
export function topIndex(scores: Float64Array, order?: Int32Array): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let q = 0; q < scores.length; q++) {
    const i = order ? (order[q] as number) : q;
    const s = scores[i] as number;
    if (s === s && (best < 0 || s > bestScore)) {
      best = i;
      bestScore = s;
    }
  }
  return best;
}

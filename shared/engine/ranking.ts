// Ranks from a vector of scores, without allocating: the hot loop of SMAA ranks every site once per
// sample. Rank 1 is the highest score; NaN (an excluded site) gets rank 0 (no rank). Equal scores
// share a rank (competition ranking, "1, 2=, 2=, 4"), with scoreSites' rule for "equal" (score.ts,
// rankScores and TIE_TOLERANCE): sorted by score, a group is the scores within 10^-12 of its best,
// so the table and SMAA agree on every tie. A tie is never resolved by anything the planner cannot
// see. The tie order (siteId code-unit order) only fixes the display order inside a group of equal
// scores. `tieSizes` says how many sites share each rank, so SMAA can split a shared rank's
// probability evenly among them.

/**
 * Scores within this of the best score of their group are equal (scores are in [0, 1]): far below
 * any difference a fact can make, far above float noise from summation order. The table
 * (score.ts, rankScores, which re-exports it) and SMAA (Ranker) rank with it, so they agree on what
 * a tie is.
 */
export const TIE_TOLERANCE = 1e-12;

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

/**
 * The sort: the sites are bucketed by score (about two buckets per site, spread over the sample's
 * score range) with one counting pass, scattered into their buckets in tie order, and each bucket
 * is ordered by the exact score with an insertion pass (strictly greater moves up, so equal scores
 * keep tie order; a bucket holds 0–2 sites on most samples). About 3× faster than the five-pass
 * radix sort it replaced. When the scores bunch up so that insertion would cost more than 8 moves
 * per site, a comparison sort on (score, tie order) takes over — the same total order, so the
 * ranks never depend on which ran. It allocates nothing (the fallback aside).
 */
export class Ranker {
  /** The tie order; null when it is the sites' own order (no indirection). */
  private readonly order: Int32Array | null;
  /** Each site's place in the tie order (for the comparison sort; made when first needed). */
  private position: Int32Array | null = null;
  private readonly bucket: Int32Array;
  private readonly site: Int32Array;
  private readonly sortedScore: Float64Array;
  private readonly sortedSite: Int32Array;
  private readonly buckets: Int32Array;
  /** How many rank() calls fell back to the comparison sort (for tests and benchmarks). */
  fallbacks = 0;

  /** `order`: the tie order (see tieOrder); site index order when absent. */
  constructor(
    readonly size: number,
    order?: Int32Array,
  ) {
    let identity = true;
    if (order) for (let q = 0; q < size && identity; q++) identity = order[q] === q;
    this.order = identity ? null : (order as Int32Array);
    this.bucket = new Int32Array(size);
    this.site = new Int32Array(size);
    this.sortedScore = new Float64Array(size);
    this.sortedSite = new Int32Array(size);
    // 2^bits ≥ size buckets (256 … 65 536): about one site per bucket.
    let bits = 8;
    while (bits < 16 && 1 << bits < size) bits++;
    this.buckets = new Int32Array(1 << bits);
  }

  /**
   * Writes each site's rank into `ranks` (0 for NaN scores; equal scores share the best rank of
   * their group) and, when given, how many sites share it into `tieSizes` (1 = not tied); returns
   * how many sites were ranked.
   */
  rank(scores: Float64Array, ranks: Int32Array, tieSizes?: Int32Array): number {
    const m = this.sort(scores, ranks);
    const ss = this.sortedScore;
    const si = this.sortedSite;
    for (let k = 0; k < m;) {
      // A group of equal scores: [k, e), each within the tolerance of the group's best.
      const best = ss[k] as number;
      let e = k + 1;
      while (e < m && best - (ss[e] as number) <= TIE_TOLERANCE) e++;
      for (let t = k; t < e; t++) {
        const i = si[t] as number;
        ranks[i] = k + 1;
        if (tieSizes) tieSizes[i] = e - k;
      }
      k = e;
    }
    return m;
  }

  /** The ranked sites, best first (equal scores in tie order), after sort(): [0 … the count sort returned). */
  get sorted(): Int32Array {
    return this.sortedSite;
  }

  /** Their scores, in the same order. */
  get sortedScores(): Float64Array {
    return this.sortedScore;
  }

  /**
   * Sorts the sites with a score (NaN: none, and `unranked[i]` set to 0 when given) by score,
   * highest first, equal scores in tie order, into `sorted` / `sortedScores`; returns how many.
   * Group them with TIE_TOLERANCE as rank() does.
   */
  sort(scores: Float64Array, unranked?: Int32Array): number {
    const n = this.size;
    const order = this.order;
    const identity = order === null;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const s = scores[i] as number;
      if (s < min) min = s;
      if (s > max) max = s;
    }
    const buckets = this.buckets;
    const last = buckets.length - 1;
    const scale = max > min ? last / (max - min) : 0;
    const bucket = this.bucket;
    const site = this.site;
    buckets.fill(0);
    let m = 0;
    for (let q = 0; q < n; q++) {
      const i = identity ? q : (order[q] as number);
      const s = scores[i] as number;
      if (s !== s) {
        if (unranked) unranked[i] = 0;
        continue;
      }
      const f = Math.floor((max - s) * scale);
      const b = f < last ? f : last;
      bucket[m] = b;
      site[m] = i;
      buckets[b] = (buckets[b] as number) + 1;
      m++;
    }
    let sum = 0;
    for (let b = 0; b <= last; b++) {
      const c = buckets[b] as number;
      buckets[b] = sum;
      sum += c;
    }
    const ss = this.sortedScore;
    const si = this.sortedSite;
    for (let t = 0; t < m; t++) {
      const b = bucket[t] as number;
      const to = buckets[b] as number;
      buckets[b] = to + 1;
      const i = site[t] as number;
      ss[to] = scores[i] as number;
      si[to] = i;
    }
    // Order each bucket by score; a score never moves past an earlier bucket's (higher) scores.
    let budget = 8 * m;
    for (let p = 1; p < m; p++) {
      const s = ss[p] as number;
      if (!(s > (ss[p - 1] as number))) continue;
      const i = si[p] as number;
      let r = p - 1;
      do {
        ss[r + 1] = ss[r] as number;
        si[r + 1] = si[r] as number;
        r--;
      } while (r >= 0 && (ss[r] as number) < s);
      ss[r + 1] = s;
      si[r + 1] = i;
      budget -= p - r;
      if (budget < 0) {
        this.fallbacks++;
        this.comparisonSort(scores, m);
        break;
      }
    }
    return m;
  }

  /** Sorts the m ranked sites (site[0 … m)) by score, highest first, then tie order. */
  private comparisonSort(scores: Float64Array, m: number): void {
    let position = this.position;
    if (position === null) {
      position = new Int32Array(this.size);
      const order = this.order;
      for (let q = 0; q < this.size; q++) position[order === null ? q : (order[q] as number)] = q;
      this.position = position;
    }
    const sorted = Array.from(this.site.subarray(0, m)).sort(
      (a, b) => (scores[b] as number) - (scores[a] as number) || (position[a] as number) - (position[b] as number),
    );
    for (let t = 0; t < m; t++) {
      const i = sorted[t] as number;
      this.sortedSite[t] = i;
      this.sortedScore[t] = scores[i] as number;
    }
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

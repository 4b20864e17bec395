// SMAA-style stochastic analysis: how likely is each site to take each rank when the weights (and
// the facts, within their low/high ranges) are uncertain?
//
// Each sample draws
// - weights: 'around_preset' — Dirichlet(κ·w̄) with w̄ the preset's normalised weights and κ the
//   concentration (default 50): the mean is the preset, each weight's sd is √(w̄(1 − w̄)/(κ + 1))
//   (a 0.2 weight has sd ≈ 0.056 at κ = 50); a criterion the preset gives no weight keeps none.
//   'uniform' — uniform on the simplex over the criteria the preset weights (no preference among
//   them; a criterion in the matrix only for a constraint, at weight 0, stays at 0);
// - raw values: uniform in [low, high] for every cell with a value and both bounds (low < high);
//   other cells keep their value (a missing value stays missing). sampleValues: false turns this off.
// then scores the sites as scoreSites would (the same numbers; sample-scorer.ts) and counts the
// rank each site takes. A tie is shared, never broken: when g sites tie for ranks r … r+g−1 in a
// sample, each of them takes 1/g of each of those ranks (six sites tied for first each get 1/6 of
// first … sixth), so every rank still sums to 1 over the sites and no site is "first in 100 %" of
// samples it only shared. A site excluded in a sample (a constraint on a sampled value) takes no
// rank, so its rank probabilities plus pExcluded sum to 1.
//
// The run is resumable in chunks (createSmaaRun → step) so a caller can report progress, check for
// cancellation between chunks and yield to its event loop.
//
// Random streams: the samples are drawn in blocks of SMAA_BLOCK (250); block b draws from its own
// sub-stream, the seed's xoshiro128** generator advanced by b × 2^64 steps (random.ts, Rng.stream),
// weights first, then the ranged cells' values column by column. A sample's draws therefore depend
// only on the seed and the sample's index, never on the chunk size or on how the blocks are shared
// among threads (backend/services/sensitivity/smaa-parallel.ts runs blocks on worker threads). The tallies are
// integers — samples in which site i alone took rank r, and per (site, first rank, group size) how
// often it shared a rank — merged by addition; the fractional shares of a tie are added only when
// the result is made, in a fixed order. So the same seed gives the same result, bit for bit, with
// any chunk size and any number of threads.
//
// Scoring per sample (sample-scorer.ts): WSM with only the weights varying is a mat-vec; WSM with
// value ranges runs the fused value-sampling path (draws → column stats → normalise + weighted sum,
// the same numbers as scoreSites); WPM and TOPSIS with value ranges go through scoreMatrix.
import { Rng } from './random';
import { Ranker, TIE_TOLERANCE, tieOrder } from './ranking';
import { createSampleScorer, type SampleScorer } from './sample-scorer';
import type { DecisionMatrix, ScoreOptions } from './types';

export type SmaaMode = 'around_preset' | 'uniform';

export const DEFAULT_CONCENTRATION = 50;

/** Samples per random sub-stream (see the header): part of what a seed means, so never changed lightly. */
export const SMAA_BLOCK = 250;

/** Samples whose ranks wait to be counted together (Sampler.pending). */
const PENDING = 256;

/** Sites a run can rank: pending ranks are 16-bit (the rank table alone would take 17 GB beyond). */
export const SMAA_MAX_SITES = 65_535;

export interface SmaaSettings {
  samples: number;
  seed: number;
  mode: SmaaMode;
  /** Dirichlet concentration κ for 'around_preset' (default 50; larger = closer to the preset). */
  concentration?: number;
  /** Sample raw values within their low/high ranges (default true). */
  sampleValues?: boolean;
}

export interface SmaaSite {
  siteId: string;
  /** rankProbabilities[r − 1] = share of samples in which the site took rank r. */
  rankProbabilities: number[];
  pFirst: number;
  /** Share of samples in which the site shared first place with another (its pFirst counts 1/g of those). */
  pTiedFirst: number;
  /** Mean rank over the samples that ranked the site; null if it was excluded in every sample. */
  meanRank: number | null;
  /** Share of samples in which the site was excluded (e.g. a constraint on a sampled value). */
  pExcluded: number;
}

export interface SmaaResult {
  /** Samples actually drawn (fewer than requested when cancelled). */
  samples: number;
  requested: number;
  seed: number;
  mode: SmaaMode;
  concentration: number;
  /** Whether any raw values were sampled. */
  valuesSampled: boolean;
  /** Whether every sample was scored by a WSM fast path (mat-vec or fused value sampling), none through scoreMatrix. */
  fastPath: boolean;
  cancelled: boolean;
  sites: SmaaSite[];
}

export interface SmaaRun {
  readonly total: number;
  readonly done: number;
  /** Draws up to `max` more samples; returns how many were drawn. */
  step(max: number): number;
  result(cancelled: boolean): SmaaResult;
}

export interface SmaaControl {
  /** Samples per chunk between progress reports and cancellation checks (default 500). */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; true stops the run, which then reports cancelled. */
  shouldStop?: () => boolean;
  /** Score every sample through scoreSites, the reference the fast paths are tested against. */
  referencePath?: boolean;
}

/**
 * What a set of samples adds up to. Integers only (rankSum holds halves), so tallies of any
 * partition of the samples merge into the same numbers whatever the order.
 */
export interface SmaaTally {
  sites: number;
  samples: number;
  /** counts[i · sites + r − 1]: samples in which site i alone took rank r. */
  counts: Uint32Array;
  /** Shared ranks: key (i · sites + r − 1) · sites + g − 1 (site i, first rank r, g sites) → samples. */
  ties: Map<number, number>;
  excluded: Uint32Array;
  tiedFirst: Uint32Array;
  /** Sum of the ranks taken (a shared rank counts as the mean of the ranks its group spans). */
  rankSum: Float64Array;
  /** Samples scored through scoreMatrix/scoreSites rather than a fast path. */
  slow: number;
}

export function createSmaaTally(sites: number): SmaaTally {
  return {
    sites,
    samples: 0,
    counts: new Uint32Array(sites * sites),
    ties: new Map(),
    excluded: new Uint32Array(sites),
    tiedFirst: new Uint32Array(sites),
    rankSum: new Float64Array(sites),
    slow: 0,
  };
}

/** Adds `from` into `into` (same number of sites). */
export function mergeSmaaTally(into: SmaaTally, from: SmaaTally): SmaaTally {
  if (into.sites !== from.sites) throw new Error('tallies of different matrices');
  into.samples += from.samples;
  into.slow += from.slow;
  const { counts } = into;
  for (let k = 0; k < counts.length; k++) counts[k] = (counts[k] as number) + (from.counts[k] as number);
  for (let i = 0; i < into.sites; i++) {
    into.excluded[i] = (into.excluded[i] as number) + (from.excluded[i] as number);
    into.tiedFirst[i] = (into.tiedFirst[i] as number) + (from.tiedFirst[i] as number);
    into.rankSum[i] = (into.rankSum[i] as number) + (from.rankSum[i] as number);
  }
  for (const [key, c] of from.ties) into.ties.set(key, (into.ties.get(key) ?? 0) + c);
  return into;
}

/** Draws and scores samples by index into a tally; the engine of createSmaaRun and of each worker thread. */
export interface SmaaSampler {
  readonly sites: number;
  readonly total: number;
  readonly valuesSampled: boolean;
  readonly concentration: number;
  /**
   * Draws samples [from, to) into `tally`. Any range works; a range that starts where the previous
   * one ended, or at a block boundary, starts without replaying draws.
   */
  run(from: number, to: number, tally: SmaaTally): void;
}

/** Refuses settings no run can honour (the same messages from every entry point); returns κ. */
export function checkSmaaSettings(settings: SmaaSettings): number {
  if (!Number.isInteger(settings.samples) || settings.samples < 1)
    throw new Error('samples must be a positive integer');
  const concentration = settings.concentration ?? DEFAULT_CONCENTRATION;
  if (!(concentration > 0)) throw new Error('concentration must be above zero');
  return concentration;
}

export function createSmaaSampler(
  matrix: DecisionMatrix,
  options: ScoreOptions,
  settings: SmaaSettings,
  control: Pick<SmaaControl, 'referencePath'> = {},
): SmaaSampler {
  return new Sampler(matrix, options, settings, control.referencePath === true);
}

/** A class so the per-sample loop stays one function across runs (see sample-scorer.ts, Scorer). */
class Sampler implements SmaaSampler {
  readonly sites: number;
  readonly total: number;
  readonly valuesSampled: boolean;
  readonly concentration: number;
  private readonly scorer: SampleScorer;
  private readonly alpha: Float64Array;
  private readonly draws: Float64Array;
  // Reused every sample: nothing below allocates per sample on the fast paths.
  private readonly w: Float64Array;
  private readonly scores: Float64Array;
  private readonly ranker: Ranker;
  /**
   * The last samples' unshared ranks, site by site (pending[i · PENDING + t] = the rank site i alone
   * took in the t-th pending sample, 0 when none): counted into the n × n table a site's row at a
   * time, so the part of the row a site's ranks fall in stays in cache, rather than one scattered
   * increment per site and sample (the table is 4 MB at 1 000 sites; that was a fifth of the run).
   */
  private readonly pending: Uint16Array;
  private pendingCount = 0;
  private readonly seed: number;
  // The stream of the block being drawn and the next sample it gives; `base` is the stream at the
  // start of block baseBlock, kept so the next block is a few jumps away.
  private rng: Rng | null = null;
  private next = -1;
  private baseBlock = 0;
  private base: Rng;

  constructor(matrix: DecisionMatrix, options: ScoreOptions, settings: SmaaSettings, reference: boolean) {
    this.concentration = checkSmaaSettings(settings);
    const n = matrix.siteIds.length;
    this.sites = n;
    this.total = settings.samples;
    this.scorer = createSampleScorer(matrix, options, { fast: !reference });
    // Uniform on the simplex is Dirichlet(1, …, 1) over the weighted criteria.
    const kappa = this.concentration;
    this.alpha = Float64Array.from(this.scorer.baseWeights, (w) =>
      settings.mode === 'uniform' ? (w > 0 ? 1 : 0) : w * kappa,
    );
    const { ranged } = this.scorer;
    this.valuesSampled = settings.sampleValues !== false && ranged.cell.length > 0;
    this.draws = new Float64Array(this.valuesSampled ? ranged.cell.length : 0);
    this.w = new Float64Array(matrix.criteria.length);
    this.scores = new Float64Array(n);
    this.ranker = new Ranker(n, tieOrder(matrix.siteIds));
    if (n > SMAA_MAX_SITES) throw new Error(`SMAA ranks at most ${SMAA_MAX_SITES} sites`);
    this.pending = new Uint16Array(n * PENDING);
    this.seed = settings.seed;
    this.base = new Rng(settings.seed);
  }

  private streamAt(block: number): Rng {
    if (block < this.baseBlock) {
      this.base = new Rng(this.seed);
      this.baseBlock = 0;
    }
    for (; this.baseBlock < block; this.baseBlock++) this.base.jump();
    return this.base.clone();
  }

  run(from: number, to: number, tally: SmaaTally): void {
    const n = this.sites;
    if (tally.sites !== n) throw new Error('tally of another matrix');
    const { scorer, alpha, w, scores, ranker, draws, valuesSampled, pending } = this;
    const { ranged } = scorer;
    const { ties, excluded, tiedFirst, rankSum } = tally;
    const end = Math.min(to, this.total);
    for (let s = Math.max(0, from); s < end; s++) {
      let rng = this.rng;
      if (rng === null || s !== this.next || s % SMAA_BLOCK === 0) {
        const block = Math.floor(s / SMAA_BLOCK);
        rng = this.streamAt(block);
        this.rng = rng;
        // A range that starts mid-block: the block's earlier samples' draws, unscored.
        for (let t = block * SMAA_BLOCK; t < s; t++) {
          rng.dirichlet(alpha, w);
          if (valuesSampled) rng.fillRange(ranged.low, ranged.span, draws);
        }
      }
      this.next = s + 1;
      rng.dirichlet(alpha, w);
      const slowBefore = scorer.slowEvaluations;
      if (valuesSampled) scorer.scoreSample(w, rng, scores);
      else scorer.score(w, null, scores);
      if (scorer.slowEvaluations !== slowBefore) tally.slow++;
      // Ranked in score order; each group of equal scores (ranking.ts, TIE_TOLERANCE) shares its ranks.
      const m = ranker.sort(scores);
      const sorted = ranker.sorted;
      const sortedScores = ranker.sortedScores;
      const pc = this.pendingCount;
      if (m < n) {
        for (let i = 0; i < n; i++) {
          if ((scores[i] as number) === (scores[i] as number)) continue;
          excluded[i] = (excluded[i] as number) + 1;
          pending[i * PENDING + pc] = 0;
        }
      }
      for (let k = 0; k < m;) {
        const best = sortedScores[k] as number;
        let e = k + 1;
        while (e < m && best - (sortedScores[e] as number) <= TIE_TOLERANCE) e++;
        const r = k + 1;
        if (e === r) {
          const i = sorted[k] as number;
          pending[i * PENDING + pc] = r;
          rankSum[i] = (rankSum[i] as number) + r;
        } else {
          const g = e - k;
          for (let t = k; t < e; t++) {
            const i = sorted[t] as number;
            pending[i * PENDING + pc] = 0;
            if (r === 1) tiedFirst[i] = (tiedFirst[i] as number) + 1;
            const key = (i * n + r - 1) * n + g - 1;
            ties.set(key, (ties.get(key) ?? 0) + 1);
            rankSum[i] = (rankSum[i] as number) + r + (g - 1) / 2; // the mean of the shared ranks
          }
        }
        k = e;
      }
      tally.samples++;
      if (++this.pendingCount === PENDING) this.flush(tally);
    }
    this.flush(tally);
  }

  /** Counts the pending samples' unshared ranks into the tally. */
  private flush(tally: SmaaTally): void {
    const k = this.pendingCount;
    if (k === 0) return;
    const n = this.sites;
    const { pending } = this;
    const { counts } = tally;
    for (let i = 0, row = 0, at = 0; i < n; i++, row += n, at += PENDING) {
      for (let t = at; t < at + k; t++) {
        const r = pending[t] as number;
        if (r !== 0) counts[row + r - 1] = (counts[row + r - 1] as number) + 1;
      }
    }
    this.pendingCount = 0;
  }
}

/** The result a tally stands for. */
export function smaaResult(
  matrix: DecisionMatrix,
  settings: SmaaSettings,
  info: { concentration: number; valuesSampled: boolean },
  tally: SmaaTally,
  cancelled: boolean,
): SmaaResult {
  const n = matrix.siteIds.length;
  const total = tally.samples;
  // A shared rank's probability, split evenly over the ranks its group spans: added in key order,
  // so the sums do not depend on the order the samples were tallied in.
  const shares = new Float64Array(tally.ties.size > 0 ? n * n : 0);
  for (const key of [...tally.ties.keys()].sort((a, b) => a - b)) {
    const g = (key % n) + 1;
    const first = (key - (g - 1)) / n; // i · n + r − 1
    const share = (tally.ties.get(key) as number) / g;
    for (let t = first; t < first + g; t++) shares[t] = (shares[t] as number) + share;
  }
  const sites = matrix.siteIds.map((siteId, i): SmaaSite => {
    // Sized up front, not pushed: a million pushes were most of the time making the result.
    const rankProbabilities = new Array<number>(n);
    for (let r = 0, k = i * n; r < n; r++, k++) {
      const count = (tally.counts[k] as number) + (shares.length > 0 ? (shares[k] as number) : 0);
      rankProbabilities[r] = total > 0 ? count / total : 0;
    }
    const ranked = total - (tally.excluded[i] as number);
    return {
      siteId,
      rankProbabilities,
      pFirst: rankProbabilities[0] ?? 0,
      pTiedFirst: total > 0 ? (tally.tiedFirst[i] as number) / total : 0,
      meanRank: ranked > 0 ? (tally.rankSum[i] as number) / ranked : null,
      pExcluded: total > 0 ? (tally.excluded[i] as number) / total : 0,
    };
  });
  return {
    samples: total,
    requested: settings.samples,
    seed: settings.seed,
    mode: settings.mode,
    concentration: info.concentration,
    valuesSampled: info.valuesSampled,
    fastPath: total > 0 && tally.slow === 0,
    cancelled,
    sites,
  };
}

export function createSmaaRun(
  matrix: DecisionMatrix,
  options: ScoreOptions,
  settings: SmaaSettings,
  control: Pick<SmaaControl, 'referencePath'> = {},
): SmaaRun {
  const sampler = createSmaaSampler(matrix, options, settings, control);
  const tally = createSmaaTally(sampler.sites);
  let done = 0;
  return {
    total: settings.samples,
    get done() {
      return done;
    },
    step(max) {
      const end = Math.min(settings.samples, done + Math.max(0, Math.floor(max)));
      const start = done;
      sampler.run(start, end, tally);
      done = end;
      return done - start;
    },
    result(cancelled) {
      return smaaResult(matrix, settings, sampler, tally, cancelled);
    },
  };
}

const DEFAULT_CHUNK = 500;

/** Runs SMAA to the end (or until shouldStop), synchronously, reporting progress per chunk. */
export function runSmaa(
  matrix: DecisionMatrix,
  options: ScoreOptions,
  settings: SmaaSettings,
  control: SmaaControl = {},
): SmaaResult {
  const run = createSmaaRun(matrix, options, settings, control);
  const chunk = Math.max(1, control.chunkSize ?? DEFAULT_CHUNK);
  while (run.done < run.total) {
    if (control.shouldStop?.()) return run.result(true);
    run.step(chunk);
    control.onProgress?.(run.done, run.total);
  }
  return run.result(false);
}

/**
 * The same, awaiting `pause()` between chunks so the caller's event loop can deliver a cancel
 * message (a worker's onmessage, a backend call) while the run is in progress.
 */
export async function runSmaaAsync(
  matrix: DecisionMatrix,
  options: ScoreOptions,
  settings: SmaaSettings,
  control: SmaaControl & { pause: () => Promise<void> },
): Promise<SmaaResult> {
  const run = createSmaaRun(matrix, options, settings, control);
  const chunk = Math.max(1, control.chunkSize ?? DEFAULT_CHUNK);
  while (run.done < run.total) {
    await control.pause();
    if (control.shouldStop?.()) return run.result(true);
    run.step(chunk);
    control.onProgress?.(run.done, run.total);
  }
  return run.result(false);
}

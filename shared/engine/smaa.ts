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
// then scores the sites with scoreSites (see sample-scorer.ts for the WSM fast path) and counts the
// rank each site takes. A tie is shared, never broken: when g sites tie for ranks r … r+g−1 in a
// sample, each of them takes 1/g of each of those ranks (six sites tied for first each get 1/6 of
// first … sixth), so every rank still sums to 1 over the sites and no site is "first in 100 %" of
// samples it only shared. A site excluded in a sample (a constraint on a sampled value) takes no
// rank, so its rank probabilities plus pExcluded sum to 1.
//
// The run is resumable in chunks (createSmaaRun → step) so a caller can report progress, check for
// cancellation between chunks and yield to its event loop; the random stream is consumed in the same
// order whatever the chunk size, so the same seed gives the same result.
import { Rng } from './random';
import { Ranker, tieOrder } from './ranking';
import { createSampleScorer } from './sample-scorer';
import type { DecisionMatrix, ScoreOptions } from './types';

export type SmaaMode = 'around_preset' | 'uniform';

export const DEFAULT_CONCENTRATION = 50;

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
  /** Whether every sample was scored by the WSM mat-vec fast path (none through scoreSites). */
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
}

export function createSmaaRun(matrix: DecisionMatrix, options: ScoreOptions, settings: SmaaSettings): SmaaRun {
  if (!Number.isInteger(settings.samples) || settings.samples < 1)
    throw new Error('samples must be a positive integer');
  const n = matrix.siteIds.length;
  const c = matrix.criteria.length;
  const scorer = createSampleScorer(matrix, options);
  const rng = new Rng(settings.seed);
  const concentration = settings.concentration ?? DEFAULT_CONCENTRATION;
  if (!(concentration > 0)) throw new Error('concentration must be above zero');
  // Uniform on the simplex is Dirichlet(1, …, 1) over the weighted criteria.
  const alpha = Float64Array.from(scorer.baseWeights, (w) =>
    settings.mode === 'uniform' ? (w > 0 ? 1 : 0) : w * concentration,
  );

  // Cells whose raw value is sampled: index, low, high.
  const cells: number[] = [];
  if (settings.sampleValues !== false) {
    for (let k = 0; k < matrix.values.length; k++) {
      const v = matrix.values[k] as number;
      const lo = matrix.low[k] as number;
      const hi = matrix.high[k] as number;
      if (Number.isFinite(v) && Number.isFinite(lo) && Number.isFinite(hi) && hi > lo) cells.push(k);
    }
  }
  const cellIndex = Int32Array.from(cells);
  const cellLow = Float64Array.from(cells, (k) => matrix.low[k] as number);
  const cellSpan = Float64Array.from(cells, (k) => (matrix.high[k] as number) - (matrix.low[k] as number));
  const sampled = cells.length > 0 ? Float64Array.from(matrix.values) : null;

  // Reused every sample: nothing below allocates per sample on the fast path.
  const w = new Float64Array(c);
  const scores = new Float64Array(n);
  const ranks = new Int32Array(n);
  const tieSizes = new Int32Array(n);
  const ranker = new Ranker(n, tieOrder(matrix.siteIds));
  // Fractional: a shared rank adds 1/g to each of the g ranks its group spans.
  const counts = new Float64Array(n * n);
  const excluded = new Uint32Array(n);
  const tiedFirst = new Uint32Array(n);
  const rankSum = new Float64Array(n);
  let done = 0;
  const slowBefore = scorer.slowEvaluations;

  return {
    total: settings.samples,
    get done() {
      return done;
    },
    step(max) {
      const end = Math.min(settings.samples, done + Math.max(0, Math.floor(max)));
      const start = done;
      for (; done < end; done++) {
        rng.dirichlet(alpha, w);
        if (sampled) {
          for (let q = 0; q < cellIndex.length; q++) {
            sampled[cellIndex[q] as number] = (cellLow[q] as number) + (cellSpan[q] as number) * rng.next();
          }
        }
        scorer.score(w, sampled, scores);
        ranker.rank(scores, ranks, tieSizes);
        for (let i = 0, row = 0; i < n; i++, row += n) {
          const r = ranks[i] as number;
          if (r === 0) excluded[i] = (excluded[i] as number) + 1;
          else {
            const g = tieSizes[i] as number;
            if (g === 1) {
              counts[row + r - 1] = (counts[row + r - 1] as number) + 1;
              rankSum[i] = (rankSum[i] as number) + r;
            } else {
              if (r === 1) tiedFirst[i] = (tiedFirst[i] as number) + 1;
              const share = 1 / g;
              for (let t = r - 1; t < r - 1 + g; t++) counts[row + t] = (counts[row + t] as number) + share;
              rankSum[i] = (rankSum[i] as number) + r + (g - 1) / 2; // the mean of the shared ranks
            }
          }
        }
      }
      return done - start;
    },
    result(cancelled) {
      const total = done;
      const sites = matrix.siteIds.map((siteId, i): SmaaSite => {
        const rankProbabilities: number[] = [];
        for (let r = 0; r < n; r++) rankProbabilities.push(total > 0 ? (counts[i * n + r] as number) / total : 0);
        const ranked = total - (excluded[i] as number);
        return {
          siteId,
          rankProbabilities,
          pFirst: rankProbabilities[0] ?? 0,
          pTiedFirst: total > 0 ? (tiedFirst[i] as number) / total : 0,
          meanRank: ranked > 0 ? (rankSum[i] as number) / ranked : null,
          pExcluded: total > 0 ? (excluded[i] as number) / total : 0,
        };
      });
      return {
        samples: total,
        requested: settings.samples,
        seed: settings.seed,
        mode: settings.mode,
        concentration,
        valuesSampled: sampled !== null,
        fastPath: total > 0 && scorer.slowEvaluations === slowBefore,
        cancelled,
        sites,
      };
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
  const run = createSmaaRun(matrix, options, settings);
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
  const run = createSmaaRun(matrix, options, settings);
  const chunk = Math.max(1, control.chunkSize ?? DEFAULT_CHUNK);
  while (run.done < run.total) {
    await control.pause();
    if (control.shouldStop?.()) return run.result(true);
    run.step(chunk);
    control.onProgress?.(run.done, run.total);
  }
  return run.result(false);
}

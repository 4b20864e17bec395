// Scores every site for many weight vectors (and, for SMAA, many sampled raw values), as fast as the
// method allows, while always agreeing with scoreSites.
//
// The fast path (WSM, only the weights changing): a weighted sum is linear in the weights as long as
// the set of weighted criteria (the support) stays the same — which criteria are weighted decides
// which missing values exclude a site or get filled, and so the candidate set normalisation runs
// over. So per support the normalised matrix is read once from scoreSites itself (its WSM
// contributions divided by the weights), and every evaluation with that support is a dot product
// per site (a mat-vec, no allocation). A model is kept only if it reproduces scoreSites at a second
// weighting with the same support to 1e-9 with the same exclusions; otherwise (WPM, TOPSIS, the
// 'reweight' missing policy, which is not linear in the weights) that support goes through
// scoreMatrix on every evaluation. Around the preset the support never changes (one model); a
// uniform draw weights every criterion (one model); a sweep meets three (t = 0, inside, t = 1).
//
// The value-sampling fast path (WSM, SMAA with value ranges: scoreSample / scoreDraws, class
// ValueModel): normalisation depends on the sampled columns, so nothing can be read once; instead
// each evaluation redoes scoreMatrix's WSM arithmetic on typed arrays, in the same order, so the
// scores are the same doubles scoreSites gives (tests/engine/sample-scorer.test.ts compares them on
// random matrices):
// - the raw values live column by column (a column is 8 KB at 1 000 sites); a sample's ranged cells
//   are drawn straight into their column (Rng.scatterRange); the fixed cells' min and max are taken
//   once per candidate set, and only the few drawn cells that can beat them are read per sample for
//   the column's min and max (a draw lies in [low, maxDraw]: a cell whose lowest draw is above the
//   column's certain maximum of its min, and whose highest is below the certain minimum of its max,
//   never decides either); a vector-normalised column's sum of squares, which must be added in row
//   order, is taken per sample;
// - exclusions are recomputed per evaluation where they can change: min/max constraints on a
//   ranged criterion (a draw can break the bound in one sample and not another), thin data under
//   'exclude' (coverage depends on the weights), the 'exclude' missing policy (depends on which
//   criteria are weighted); when the candidate set differs from the one the fixed stats were taken
//   over they are taken again;
// - transforms and gap fills as normalise.ts/score.ts define them; WSM's affine form Σ k_j (x_j − o_j)
//   for the rows without a gap, four sites at a time (each site's sum in column order), then the
//   non-affine columns per cell, and the general per-cell form (the missing-value policy's fill,
//   division by the weight actually used) for the rows with a gap, exactly as score.ts's wsmAffine
//   and aggregateFused do; then the same clamp to [0, 1].
// Anything else (WPM, TOPSIS, an infinite raw value, duplicate criterion ids) goes through
// scoreMatrix per evaluation with the draws written into a copy of the matrix.
import { valueFunction } from './normalise';
import { maxDraw, type Rng } from './random';
import { scoreMatrix, scoreSites } from './score';
import type { CriterionSpec, DecisionMatrix, MissingPolicy, ScoreOptions } from './types';
import { weightVector } from './weights';

/**
 * The cells whose raw value SMAA samples (a finite value and finite low < high), column by column
 * and, inside a column, by row: the order in which their values are drawn.
 */
export interface RangedCells {
  /** Row-major index of each cell (i · criteria + j). */
  cell: Int32Array;
  low: Float64Array;
  /** high − low. */
  span: Float64Array;
  /**
   * For each ranged cell, the ranged cell whose draw it takes (itself unless the matrix's rangeGroup
   * says it holds the same fact as an earlier one), and whether any cell takes another's.
   */
  leader: Int32Array;
  shared: boolean;
}

export function rangedCells(matrix: DecisionMatrix): RangedCells {
  const n = matrix.siteIds.length;
  const m = matrix.criteria.length;
  const cells: number[] = [];
  for (let j = 0; j < m; j++) {
    for (let i = 0, k = j; i < n; i++, k += m) {
      const v = matrix.values[k] as number;
      const lo = matrix.low[k] as number;
      const hi = matrix.high[k] as number;
      if (Number.isFinite(v) && Number.isFinite(lo) && Number.isFinite(hi) && hi > lo) cells.push(k);
    }
  }
  const firstOfGroup = new Map<number, number>();
  const leader = Int32Array.from(cells, (k, q) => {
    const g = matrix.rangeGroup?.[k] ?? -1;
    if (g < 0) return q;
    const first = firstOfGroup.get(g);
    if (first === undefined) firstOfGroup.set(g, q);
    return first ?? q;
  });
  return {
    cell: Int32Array.from(cells),
    low: Float64Array.from(cells, (k) => matrix.low[k] as number),
    span: Float64Array.from(cells, (k) => (matrix.high[k] as number) - (matrix.low[k] as number)),
    leader,
    shared: leader.some((l, q) => l !== q),
  };
}

/** Gives every ranged cell that holds an earlier cell's fact that cell's draw (in place). */
export function shareDraws(ranged: RangedCells, draws: Float64Array): void {
  if (!ranged.shared) return;
  const { leader } = ranged;
  for (let q = 0; q < leader.length; q++) {
    const l = leader[q] as number;
    if (l !== q) draws[q] = draws[l] as number;
  }
}

export interface SampleScorerOptions {
  /** false: every evaluation through scoreSites (the reference the fast paths are tested against). */
  fast?: boolean;
}

export interface SampleScorer {
  readonly sites: number;
  readonly criteria: number;
  /** The preset's weights over the matrix's criteria, normalised to sum 1. */
  readonly baseWeights: Float64Array;
  /** True when weight-only evaluations at the preset's support are a mat-vec product. */
  readonly linear: boolean;
  /** How many evaluations so far went through scoreSites rather than the mat-vec. */
  readonly slowEvaluations: number;
  /**
   * Scores every site for weights `w` (matrix criterion order, summing to 1) into `out`, NaN for an
   * excluded site. `values`, when given, replaces the matrix's raw values (same layout).
   */
  score(w: Float64Array, values: Float64Array | null, out: Float64Array): void;
  /** The cells scoreDraws takes values for, in that order. */
  readonly ranged: RangedCells;
  /**
   * Scores every site for weights `w` with the ranged cells' raw values replaced by `draws`
   * (draws[q] for ranged.cell[q]); the other cells keep the matrix's values. Same numbers as
   * scoreSites on the matrix with those values.
   */
  scoreDraws(w: Float64Array, draws: Float64Array, out: Float64Array): void;
  /**
   * Draws the ranged cells' values from `rng` (ranged order, low + span · uniform: the numbers
   * rng.fillRange(ranged.low, ranged.span, draws) would give, then each cell holding an earlier
   * cell's fact takes that cell's draw) and scores them as scoreDraws does; without shared facts the
   * fast path draws straight into its copy of the matrix, column by column.
   */
  scoreSample(w: Float64Array, rng: Rng, out: Float64Array): void;
}

const TOLERANCE = 1e-9;

const MAX_MODELS = 16;

interface LinearModel {
  norm: Float64Array;
  included: Uint8Array;
}

export function createSampleScorer(
  matrix: DecisionMatrix,
  options: ScoreOptions,
  scorerOptions: SampleScorerOptions = {},
): SampleScorer {
  return new Scorer(matrix, options, scorerOptions.fast !== false);
}

/**
 * A class rather than closures: its methods stay the same functions from one scorer to the next,
 * so a long-lived process (the backend, an SMAA worker thread running job after job) keeps their
 * optimised code instead of deoptimising on every new run's fresh closures.
 */
class Scorer implements SampleScorer {
  readonly sites: number;
  readonly criteria: number;
  readonly baseWeights: Float64Array;
  readonly ranged: RangedCells;
  slowEvaluations = 0;
  private isLinear: boolean | undefined;
  private readonly ids: string[];
  private readonly weights: Record<string, number> = {};
  private readonly bulk: ScoreOptions;
  /** Site index by id, for the reference path (scoreSites); null on the fast paths (scoreMatrix). */
  private readonly index: Map<string, number> | null;
  private sampled: Float64Array | null = null;
  private draws: Float64Array | null = null;
  /** Built on the first draw: sweeps and weight-only SMAA never need it. */
  private valueModel: ValueModel | null | undefined;
  private readonly models = new Map<string, LinearModel | null>();
  private lastKey = '';
  private last: LinearModel | null = null;

  constructor(
    private readonly matrix: DecisionMatrix,
    private readonly options: ScoreOptions,
    private readonly fast: boolean,
  ) {
    this.sites = matrix.siteIds.length;
    this.criteria = matrix.criteria.length;
    this.ids = matrix.criteria.map((k) => k.id);
    this.baseWeights = weightVector(this.ids, options.weights);
    this.bulk = { ...options, contributions: 'none' };
    this.index = fast ? null : new Map(matrix.siteIds.map((id, i) => [id, i]));
    this.ranged = rangedCells(matrix);
  }

  /**
   * Asked for on first use: building the preset's model scores the matrix three times, which SMAA
   * with value ranges (every SMAA thread, every run) never needs.
   */
  get linear(): boolean {
    this.isLinear ??= this.options.method === 'wsm' && this.fast && this.modelFor(this.baseWeights) !== null;
    return this.isLinear;
  }

  score(w: Float64Array, values: Float64Array | null, out: Float64Array): void {
    const model = values === null && this.options.method === 'wsm' && this.fast ? this.modelFor(w) : null;
    if (model) matVec(model.norm, model.included, w, this.sites, this.criteria, out);
    else {
      this.slowEvaluations++;
      this.generic(w, values, out);
    }
  }

  scoreDraws(w: Float64Array, draws: Float64Array, out: Float64Array): void {
    const model = this.valueModelOf();
    if (model !== null) model.score(w, draws, out, null);
    else {
      this.slowEvaluations++;
      this.genericDraws(w, draws, out);
    }
  }

  scoreSample(w: Float64Array, rng: Rng, out: Float64Array): void {
    const model = this.valueModelOf();
    const draws = (this.draws ??= new Float64Array(this.ranged.cell.length));
    if (this.ranged.shared) {
      // A fact several sites read is one unknown: draw every cell as usual (so the generator moves
      // on exactly as without sharing), then give each site of the fact the same draw.
      rng.fillRange(this.ranged.low, this.ranged.span, draws);
      shareDraws(this.ranged, draws);
      this.scoreDraws(w, draws, out);
    } else if (model !== null) model.score(w, draws, out, rng);
    else {
      rng.fillRange(this.ranged.low, this.ranged.span, draws);
      this.slowEvaluations++;
      this.genericDraws(w, draws, out);
    }
  }

  private valueModelOf(): ValueModel | null {
    if (this.valueModel === undefined)
      this.valueModel = this.fast ? ValueModel.create(this.matrix, this.options, this.ranged) : null;
    return this.valueModel;
  }

  /**
   * scoreMatrix gives scoreSites' scores and exclusions without building the per-site result
   * objects (scoreSites' score is scoreMatrix's for every site it does not exclude); the reference
   * path (fast: false) goes through scoreSites itself.
   */
  generic(w: Float64Array, values: Float64Array | null, out: Float64Array): void {
    const { ids, weights, sites: n } = this;
    for (let j = 0; j < ids.length; j++) weights[ids[j] as string] = w[j] as number;
    const m = values ? { ...this.matrix, values } : this.matrix;
    if (this.index === null) {
      const core = scoreMatrix(m, { ...this.bulk, weights });
      for (let i = 0; i < n; i++) out[i] = core.include[i] === 1 ? (core.scores[i] as number) : Number.NaN;
      return;
    }
    out.fill(Number.NaN);
    for (const r of scoreSites(m, { ...this.bulk, weights }).results) {
      const i = this.index.get(r.siteId);
      if (i !== undefined && !r.excluded && r.score !== null) out[i] = r.score;
    }
  }

  private genericDraws(w: Float64Array, draws: Float64Array, out: Float64Array): void {
    const sampled = (this.sampled ??= Float64Array.from(this.matrix.values));
    const cell = this.ranged.cell;
    for (let q = 0; q < cell.length; q++) sampled[cell[q] as number] = draws[q] as number;
    this.generic(w, sampled, out);
  }

  private modelFor(w: Float64Array): LinearModel | null {
    const c = this.criteria;
    // Most calls repeat the previous support: compare in place before building a key string.
    let same = this.lastKey.length === c;
    for (let j = 0; same && j < c; j++) same = ((w[j] as number) > 0 ? 49 : 48) === this.lastKey.charCodeAt(j);
    if (same) return this.last;
    let k = '';
    for (let j = 0; j < c; j++) k += (w[j] as number) > 0 ? '1' : '0';
    let model = this.models.get(k);
    if (model === undefined) {
      model =
        this.models.size < MAX_MODELS
          ? linearModel(this.matrix, this.options, k, (pw, values, out) => this.generic(pw, values, out))
          : null;
      this.models.set(k, model);
    }
    this.lastKey = k;
    this.last = model;
    return model;
  }
}

/**
 * out = norm · w, NaN for rows not included. Four rows at a time, each with its own sum (four
 * independent chains of additions), each in the same order as a plain loop: the same numbers.
 */
function matVec(
  norm: Float64Array,
  included: Uint8Array,
  w: Float64Array,
  n: number,
  c: number,
  out: Float64Array,
): void {
  const n4 = n - (n % 4);
  for (let i = 0, base = 0; i < n4; i += 4, base += 4 * c) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < c; j++) {
      const wj = w[j] as number;
      s0 += (norm[base + j] as number) * wj;
      s1 += (norm[base + c + j] as number) * wj;
      s2 += (norm[base + 2 * c + j] as number) * wj;
      s3 += (norm[base + 3 * c + j] as number) * wj;
    }
    out[i] = included[i] === 0 ? Number.NaN : s0;
    out[i + 1] = included[i + 1] === 0 ? Number.NaN : s1;
    out[i + 2] = included[i + 2] === 0 ? Number.NaN : s2;
    out[i + 3] = included[i + 3] === 0 ? Number.NaN : s3;
  }
  for (let i = n4, base = n4 * c; i < n; i++, base += c) {
    if (included[i] === 0) {
      out[i] = Number.NaN;
      continue;
    }
    let s = 0;
    for (let j = 0; j < c; j++) s += (norm[base + j] as number) * (w[j] as number);
    out[i] = s;
  }
}

/** The normalised matrix WSM uses for weightings with this support, or null if not linear there. */
function linearModel(
  matrix: DecisionMatrix,
  options: ScoreOptions,
  support: string,
  generic: (w: Float64Array, values: Float64Array | null, out: Float64Array) => void,
): LinearModel | null {
  const n = matrix.siteIds.length;
  const c = matrix.criteria.length;
  const on: number[] = [];
  for (let j = 0; j < c; j++) if (support[j] === '1') on.push(j);
  if (on.length === 0) return null;
  try {
    // Probe 1: equal weights over the support; read r_ij = contribution_ij / w_j.
    const p1 = new Float64Array(c);
    for (const j of on) p1[j] = 1 / on.length;
    const weights: Record<string, number> = {};
    matrix.criteria.forEach((k, j) => (weights[k.id] = p1[j] as number));
    const result = scoreSites(matrix, { ...options, weights, contributions: 'all' });
    const index = new Map(matrix.siteIds.map((id, i) => [id, i]));
    const norm = new Float64Array(n * c);
    const included = new Uint8Array(n);
    for (const r of result.results) {
      const i = index.get(r.siteId);
      if (i === undefined || r.excluded || r.score === null || r.contributions === null) continue;
      included[i] = 1;
      for (const j of on) {
        const id = (matrix.criteria[j] as { id: string }).id;
        norm[i * c + j] = (r.contributions[id] ?? Number.NaN) / (p1[j] as number);
      }
    }
    // Probe 2: unequal weights, same support; the model must reproduce scoreSites there too.
    const p2 = new Float64Array(c);
    const sum = (on.length * (on.length + 1)) / 2;
    on.forEach((j, q) => (p2[j] = (q + 1) / sum));
    const want = new Float64Array(n);
    const got = new Float64Array(n);
    for (const probe of [p1, p2]) {
      generic(probe, null, want);
      matVec(norm, included, probe, n, c, got);
      for (let i = 0; i < n; i++) {
        const a = want[i] as number;
        const b = got[i] as number;
        if (a !== a || b !== b) {
          if ((a === a) !== (b === b)) return null;
        } else if (!(Math.abs(a - b) <= TOLERANCE)) return null;
      }
    }
    return { norm, included };
  } catch {
    // scoreSites refused this weighting: evaluate it directly every time instead.
    return null;
  }
}

/** How a column is normalised: relative to the candidates (min-max, vector, share of best) or fixed. */
const KIND_MINMAX = 0;
const KIND_VECTOR = 1;
const KIND_MAX = 2;
const KIND_FIXED = 3;

const ABSOLUTE_BREAKPOINTS: readonly (readonly [number, number])[] = [
  [0, 0],
  [1, 1],
];

/** One raw value through a column transform (normalise.ts, applyTransform), from its parts. */
function transformed(
  code: number,
  o: number,
  d: number,
  breakpoints: readonly (readonly [number, number])[],
  x: number,
): number {
  if (x !== x) return Number.NaN;
  let r: number;
  if (code === 0) r = (x - o) / d;
  else if (code === 1) r = x === 0 ? 1 : o / x;
  else if (code === 3) return 0;
  else return valueFunction(breakpoints, x);
  return r <= 0 ? 0 : r > 1 ? 1 : r;
}

type Breakpoints = readonly (readonly [number, number])[];

/**
 * scoreMatrix's WSM for many draws of the ranged cells (see the header). A class rather than
 * closures: its methods stay the same functions from run to run, so a long-lived process (the
 * backend, a worker thread) keeps their optimised code instead of deoptimising on every new run.
 */
class ValueModel {
  private readonly n: number;
  private readonly m: number;
  private readonly ids: string[];
  private readonly criteria: readonly CriterionSpec[];
  private readonly values: Float64Array;
  /**
   * The raw values column by column (vals[j · n + i]; a column is 8 KB at 1 000 sites), the drawn
   * cells overwritten per evaluation: the draws land in ascending addresses and the weighted sum
   * runs down each column into one accumulator per site, no cell waiting on the one before.
   */
  private readonly vals: Float64Array;
  /** Each ranged cell's place in vals. */
  private readonly pos: Int32Array;
  private readonly gapRow: Uint8Array;
  private readonly gapRows: Int32Array;
  // Ranged cells, in draw order (column by column): where each column's run starts, each cell's row.
  private readonly cell: Int32Array;
  private readonly low: Float64Array;
  private readonly span: Float64Array;
  private readonly colStart: Int32Array;
  private readonly rRow: Int32Array;
  private readonly isRanged: Uint8Array;
  private readonly kind: Uint8Array;
  private readonly benefit: Uint8Array;
  private readonly breakpoints: Breakpoints[];
  private readonly missing: MissingPolicy[];
  // Exclusions that never depend on a draw or on the weights, and the bounds checked per draw.
  private readonly fixedInclude: Uint8Array;
  private readonly drawnBounds: { from: number; to: number; min: boolean; value: number }[];
  private readonly missingExclude: Uint8Array;
  private readonly minCoverage: number;
  private readonly thinExclude: boolean;
  // Per support (which criteria carry weight): the fixed exclusions plus the 'exclude' policy's.
  private readonly supportInclude = new Map<string, Uint8Array>();
  private lastSupport = '';
  private lastSupportInclude: Uint8Array;
  // Column stats over the cells that are not drawn, for one candidate set (statsMask); the drawn
  // cells' min and max are folded in per evaluation. fCount includes the drawn cells of candidates.
  private readonly fMin: Float64Array;
  private readonly fMax: Float64Array;
  private readonly fSq: Float64Array;
  private readonly fCount: Float64Array;
  private readonly statsMask: Uint8Array;
  /** The include array statsMask was copied from (null: a per-evaluation one); ready once taken. */
  private statsFor: Uint8Array | null = null;
  private ready = false;
  private readonly rInc: Uint8Array;
  /** Each ranged cell's highest possible draw (random.ts, maxDraw). */
  private readonly top: Float64Array;
  /**
   * Per column, the ranged cells of the stats' candidates whose draw can be the column's min or max
   * (taken with the fixed stats, rebase): extremes[extremeStart[j] … extremeStart[j + 1]).
   */
  private readonly extremes: Int32Array;
  private readonly extremeStart: Int32Array;
  /** The order weightVector sums a record keyed by the ids in (integer-like keys first). */
  private readonly sumOrder: Int32Array;
  private readonly weightRecord: Record<string, number> = {};
  // Per evaluation.
  private readonly wv: Float64Array;
  private readonly work: Uint8Array;
  private readonly cMin: Float64Array;
  private readonly cMax: Float64Array;
  private readonly tCode: Uint8Array;
  private readonly tO: Float64Array;
  private readonly tD: Float64Array;
  private readonly fill: Float64Array;
  private readonly K: Float64Array;
  private readonly O: Float64Array;
  private readonly other: Int32Array;
  private readonly affine: Int32Array;

  /** null when the matrix or the options need the general path. */
  static create(matrix: DecisionMatrix, options: ScoreOptions, ranged: RangedCells): ValueModel | null {
    if (options.method !== 'wsm') return null;
    const ids = matrix.criteria.map((c) => c.id);
    if (new Set(ids).size !== ids.length) return null;
    for (let k = 0; k < matrix.values.length; k++) {
      const x = matrix.values[k] as number;
      if (x === Infinity || x === -Infinity) return null;
    }
    // Whatever scoreSites refuses (a constraint on a criterion the matrix lacks, a bad target
    // function, weights it rejects) it keeps refusing, through the general path.
    try {
      scoreMatrix(matrix, { ...options, contributions: 'none' });
    } catch {
      return null;
    }
    return new ValueModel(matrix, options, ranged);
  }

  private constructor(matrix: DecisionMatrix, options: ScoreOptions, ranged: RangedCells) {
    const { siteIds, criteria, values } = matrix;
    const n = siteIds.length;
    const m = criteria.length;
    this.n = n;
    this.m = m;
    const ids = criteria.map((c) => c.id);
    this.ids = ids;
    this.criteria = criteria;
    this.values = values;
    const vals = new Float64Array(n * m);
    for (let i = 0, k = 0; i < n; i++) for (let j = 0; j < m; j++, k++) vals[j * n + i] = values[k] as number;
    this.vals = vals;
    const gapRow = new Uint8Array(n);
    for (let i = 0, k = 0; i < n; i++) for (let j = 0; j < m; j++, k++) if (values[k] !== values[k]) gapRow[i] = 1;
    this.gapRow = gapRow;
    this.gapRows = Int32Array.from(Array.from({ length: n }, (_, i) => i).filter((i) => gapRow[i] === 1));

    const Q = ranged.cell.length;
    this.cell = ranged.cell;
    this.low = ranged.low;
    this.span = ranged.span;
    const colStart = new Int32Array(m + 1);
    const rRow = new Int32Array(Q);
    const pos = new Int32Array(Q);
    const isRanged = new Uint8Array(n * m);
    for (let q = 0; q < Q; q++) {
      const k = ranged.cell[q] as number;
      const i = Math.floor(k / m);
      const j = k - i * m;
      rRow[q] = i;
      pos[q] = j * n + i;
      isRanged[j * n + i] = 1;
      colStart[j + 1] = (colStart[j + 1] as number) + 1;
    }
    this.pos = pos;
    for (let j = 0; j < m; j++) colStart[j + 1] = (colStart[j + 1] as number) + (colStart[j] as number);
    this.colStart = colStart;
    this.rRow = rRow;
    this.isRanged = isRanged;

    this.kind = new Uint8Array(m);
    this.benefit = new Uint8Array(m);
    this.breakpoints = [];
    this.missing = criteria.map((c) => c.missing);
    criteria.forEach((c, j) => {
      const nk = c.normalisation.kind;
      this.benefit[j] = c.direction === 'benefit' ? 1 : 0;
      this.kind[j] =
        nk === 'minmax' ? KIND_MINMAX : nk === 'vector' ? KIND_VECTOR : nk === 'max' ? KIND_MAX : KIND_FIXED;
      this.breakpoints[j] =
        c.normalisation.kind === 'target'
          ? [...c.normalisation.breakpoints].sort((p, q) => p[0] - q[0])
          : ABSOLUTE_BREAKPOINTS;
    });

    // Chip legality, and min/max constraints on cells that are not sampled (a gap in a constrained
    // criterion excludes); a constraint on a sampled cell is checked per draw.
    const fixedInclude = new Uint8Array(n).fill(1);
    this.drawnBounds = [];
    for (const con of options.constraints) {
      if (con.kind === 'chips_legal') {
        const allow: readonly string[] = con.allow;
        siteIds.forEach((id, i) => {
          const leg = options.legality?.[id];
          if (!leg || !allow.includes(leg.status)) fixedInclude[i] = 0;
        });
        continue;
      }
      const j = ids.indexOf(con.criterionId);
      const min = con.kind === 'min';
      for (let i = 0, k = j * n; i < n; i++, k++) {
        if (isRanged[k] === 1) continue;
        const x = vals[k] as number;
        if (x !== x || (min ? x < con.value : x > con.value)) fixedInclude[i] = 0;
      }
      if ((colStart[j + 1] as number) > (colStart[j] as number))
        this.drawnBounds.push({ from: colStart[j] as number, to: colStart[j + 1] as number, min, value: con.value });
    }
    this.fixedInclude = fixedInclude;
    this.lastSupportInclude = fixedInclude;
    this.missingExclude = Uint8Array.from(criteria, (c) => (c.missing === 'exclude' ? 1 : 0));
    this.minCoverage = options.minCoverage ?? 0;
    this.thinExclude = this.minCoverage > 0 && options.thinData === 'exclude';

    this.fMin = new Float64Array(m);
    this.fMax = new Float64Array(m);
    this.fSq = new Float64Array(m);
    this.fCount = new Float64Array(m);
    this.statsMask = new Uint8Array(n);
    this.rInc = new Uint8Array(Q);
    this.top = Float64Array.from(ranged.low, (lo, q) => maxDraw(lo, ranged.span[q] as number));
    this.extremes = new Int32Array(Q);
    this.extremeStart = new Int32Array(m + 1);

    const probe: Record<string, number> = {};
    for (const id of ids) probe[id] = 0;
    this.sumOrder = Int32Array.from(Object.keys(probe), (id) => ids.indexOf(id));

    this.wv = new Float64Array(m);
    this.work = new Uint8Array(n);
    this.cMin = new Float64Array(m);
    this.cMax = new Float64Array(m);
    this.tCode = new Uint8Array(m);
    this.tO = new Float64Array(m);
    this.tD = new Float64Array(m);
    this.fill = new Float64Array(m);
    this.K = new Float64Array(m);
    this.O = new Float64Array(m);
    this.other = new Int32Array(m);
    this.affine = new Int32Array(m);
  }

  /**
   * Scores with draws[q] for ranged cell q or, with `rng`, with values drawn from it column by
   * column (the numbers rng.fillRange would give; `draws` is then not read or written).
   */
  score(w: Float64Array, draws: Float64Array, out: Float64Array, rng: Rng | null): void {
    const { n, m, vals, pos, colStart, rInc, fMin, fMax, cMin, cMax, wv } = this;
    this.normaliseWeights(w);
    const supportInc = this.includeFor(wv);
    if (!this.ready) {
      this.rebase(supportInc);
      this.statsFor = supportInc;
      this.ready = true;
    }

    // The draws (made here, column by column, when given the generator), written into the matrix,
    // with each column's min and max over the stats' candidates: from the drawn cells that can
    // decide them (the same values, met in the same order, as a pass over every drawn cell).
    if (rng !== null) {
      const { extremes, extremeStart } = this;
      for (let j = 0; j < m; j++) {
        rng.scatterRange(this.low, this.span, pos, vals, colStart[j] as number, colStart[j + 1] as number);
        let mn = fMin[j] as number;
        let mx = fMax[j] as number;
        for (let e = extremeStart[j] as number, end = extremeStart[j + 1] as number; e < end; e++) {
          const x = vals[pos[extremes[e] as number] as number] as number;
          if (x < mn) mn = x;
          if (x > mx) mx = x;
        }
        cMin[j] = mn;
        cMax[j] = mx;
      }
    } else {
      for (let j = 0; j < m; j++) {
        let mn = fMin[j] as number;
        let mx = fMax[j] as number;
        for (let q = colStart[j] as number, e = colStart[j + 1] as number; q < e; q++) {
          const x = draws[q] as number;
          vals[pos[q] as number] = x;
          if (rInc[q] === 0) continue;
          if (x < mn) mn = x;
          if (x > mx) mx = x;
        }
        cMin[j] = mn;
        cMax[j] = mx;
      }
    }

    const inc = this.candidates(supportInc);
    if (inc !== this.statsFor) {
      // Another candidate set than the stats were taken over (a draw broke a bound, a site went
      // thin, the support changed): take them again unless the sets happen to be equal.
      const statsMask = this.statsMask;
      let same = true;
      for (let i = 0; same && i < n; i++) same = inc[i] === statsMask[i];
      if (!same) {
        this.rebase(inc);
        this.drawnStats();
      }
      this.statsFor = inc === this.work ? null : inc;
    }
    this.transforms(inc);
    this.aggregate(inc, out);
  }

  /** weightVector into wv, without the records: the same sum in the same order, the same scale. */
  private normaliseWeights(w: Float64Array): void {
    const { m, sumOrder, wv } = this;
    let sum = 0;
    let odd = false;
    for (let t = 0; t < m; t++) {
      const x = w[sumOrder[t] as number] as number;
      if (!Number.isFinite(x) || x < 0) odd = true;
      sum += x;
    }
    if (odd || !(sum > 0)) {
      for (let j = 0; j < m; j++) this.weightRecord[this.ids[j] as string] = w[j] as number;
      wv.set(weightVector(this.ids, this.weightRecord)); // throws as scoreSites would
      return;
    }
    const scale = Math.abs(sum - 1) < 1e-12 ? 1 : sum;
    for (let j = 0; j < m; j++) wv[j] = (w[j] as number) / scale;
  }

  private includeFor(wv: Float64Array): Uint8Array {
    const { m, n, vals } = this;
    let same = this.lastSupport.length === m;
    for (let j = 0; same && j < m; j++) same = ((wv[j] as number) > 0 ? 49 : 48) === this.lastSupport.charCodeAt(j);
    if (same) return this.lastSupportInclude;
    let key = '';
    for (let j = 0; j < m; j++) key += (wv[j] as number) > 0 ? '1' : '0';
    let inc = this.supportInclude.get(key);
    if (inc === undefined) {
      inc = Uint8Array.from(this.fixedInclude);
      for (let j = 0; j < m; j++) {
        if (!((wv[j] as number) > 0) || this.missingExclude[j] === 0) continue;
        for (let i = 0, k = j * n; i < n; i++, k++) if (vals[k] !== vals[k]) inc[i] = 0;
      }
      if (this.supportInclude.size < MAX_MODELS) this.supportInclude.set(key, inc);
    }
    this.lastSupport = key;
    this.lastSupportInclude = inc;
    return inc;
  }

  /** The candidates of this evaluation: the support's, less sites a draw or these weights exclude. */
  private candidates(supportInc: Uint8Array): Uint8Array {
    const { n, m, work, rRow, wv, values, vals, pos } = this;
    let inc = supportInc;
    for (const b of this.drawnBounds) {
      for (let q = b.from; q < b.to; q++) {
        const x = vals[pos[q] as number] as number;
        if (b.min ? x < b.value : x > b.value) {
          if (inc !== work) {
            work.set(supportInc);
            inc = work;
          }
          work[rRow[q] as number] = 0;
        }
      }
    }
    if (this.thinExclude) {
      const floor = this.minCoverage - 1e-12;
      for (let i = 0, k = 0; i < n; i++) {
        let c = 0;
        for (let j = 0; j < m; j++, k++) if (values[k] === values[k]) c += wv[j] as number;
        const coverage = c > 1 ? 1 : c;
        if (!(coverage >= floor)) {
          if (inc !== work) {
            work.set(supportInc);
            inc = work;
          }
          work[i] = 0;
        }
      }
    }
    return inc;
  }

  private rebase(mask: Uint8Array): void {
    const { n, m, vals, isRanged, fMin, fMax, fSq, fCount, rInc, rRow } = this;
    this.statsMask.set(mask);
    for (let j = 0; j < m; j++) {
      let mn = Infinity;
      let mx = -Infinity;
      let sq = 0;
      let count = 0;
      for (let i = 0, k = j * n; i < n; i++, k++) {
        if (mask[i] === 0) continue;
        const x = vals[k] as number;
        if (x !== x) continue;
        count++;
        if (isRanged[k] === 1) continue;
        if (x < mn) mn = x;
        if (x > mx) mx = x;
        sq += x * x;
      }
      fMin[j] = mn;
      fMax[j] = mx;
      fSq[j] = sq;
      fCount[j] = count;
    }
    for (let q = 0; q < rInc.length; q++) rInc[q] = mask[rRow[q] as number] as number;
    this.findExtremes();
  }

  /**
   * Per column, the candidates' drawn cells that can decide its min or max. The min is at most
   * `minCap` (the fixed min, or a drawn cell's highest draw) and the max at least `maxFloor`; a cell
   * whose lowest draw is above minCap and whose highest is below maxFloor is beaten on both sides
   * whatever it draws.
   */
  private findExtremes(): void {
    const { m, colStart, rInc, fMin, fMax, low, top, extremes, extremeStart } = this;
    let e = 0;
    for (let j = 0; j < m; j++) {
      const from = colStart[j] as number;
      const to = colStart[j + 1] as number;
      let minCap = fMin[j] as number;
      let maxFloor = fMax[j] as number;
      for (let q = from; q < to; q++) {
        if (rInc[q] === 0) continue;
        if ((top[q] as number) < minCap) minCap = top[q] as number;
        if ((low[q] as number) > maxFloor) maxFloor = low[q] as number;
      }
      extremeStart[j] = e;
      for (let q = from; q < to; q++)
        if (rInc[q] === 1 && ((low[q] as number) <= minCap || (top[q] as number) >= maxFloor)) extremes[e++] = q;
    }
    extremeStart[m] = e;
  }

  /** Each column's min and max over the stats' candidates: the fixed cells' and the drawn cells'. */
  private drawnStats(): void {
    const { m, colStart, rInc, fMin, fMax, cMin, cMax, vals, pos } = this;
    for (let j = 0; j < m; j++) {
      let mn = fMin[j] as number;
      let mx = fMax[j] as number;
      for (let q = colStart[j] as number, e = colStart[j + 1] as number; q < e; q++) {
        if (rInc[q] === 0) continue;
        const x = vals[pos[q] as number] as number;
        if (x < mn) mn = x;
        if (x > mx) mx = x;
      }
      cMin[j] = mn;
      cMax[j] = mx;
    }
  }

  /** Each column's transform and gap fill (normalise.ts columnTransform, score.ts prepareColumns). */
  private transforms(inc: Uint8Array): void {
    const { n, m, vals, colStart, kind, benefit, fCount, fSq, cMin, cMax, tCode, tO, tD, fill } = this;
    for (let j = 0; j < m; j++) {
      const count = fCount[j] as number;
      const mn = cMin[j] as number;
      const mx = cMax[j] as number;
      const kd = kind[j];
      let code = 0;
      let o = 0;
      let d = 1;
      if (kd === KIND_FIXED) code = 2;
      else if (count === 0 || mn === mx) code = 3;
      else if (kd === KIND_MINMAX || mn < 0) {
        // min–max, and the fall-back of a ratio scale (vector, share of best) with a negative value
        const span = mx - mn;
        if (benefit[j] === 1) {
          o = mn;
          d = span;
        } else {
          o = mx;
          d = -span;
        }
      } else if (kd === KIND_VECTOR) {
        let sq = fSq[j] as number;
        if ((colStart[j + 1] as number) > (colStart[j] as number)) {
          // The sum of squares in row order, as matrixColumnStats adds it.
          sq = 0;
          for (let i = 0, k = j * n; i < n; i++, k++) {
            const x = vals[k] as number;
            if (inc[i] === 1 && x === x) sq += x * x;
          }
        }
        const norm = Math.sqrt(sq);
        if (norm === 0) code = 3;
        else if (benefit[j] === 1) d = norm;
        else {
          o = norm;
          d = -norm;
        }
      } else if (benefit[j] === 1) {
        if (mx === 0) code = 3;
        else d = mx;
      } else if (mn === 0) {
        // share of best with a best cost of 0: 1 − x / max
        o = mx;
        d = -mx;
      } else {
        code = 1;
        o = mn;
      }
      tCode[j] = code;
      tO[j] = o;
      tD[j] = d;
      const policy = this.missing[j];
      const bp = this.breakpoints[j] as Breakpoints;
      let f = Number.NaN;
      if (code === 3 || policy === 'zero') f = 0;
      else if (policy === 'neutral') f = 0.5;
      else if (policy === 'worst') {
        if (count === 0) f = 0;
        else if (code !== 2) f = Math.min(transformed(code, o, d, bp, mn), transformed(code, o, d, bp, mx));
        else {
          let wst = Infinity;
          for (let i = 0, k = j * n; i < n; i++, k++) {
            const x = vals[k] as number;
            if (inc[i] === 1 && x === x) wst = Math.min(wst, valueFunction(bp, x));
          }
          f = wst;
        }
      }
      fill[j] = f;
    }
  }

  /**
   * score.ts wsmAffine: Σ k (x − o) over every column (k = o = 0 where not affine), the other
   * columns per cell after it; rows with a gap, and every row when a column needs clamping, through
   * the per-cell form (aggregateFused); then the clamp to [0, 1].
   */
  private aggregate(inc: Uint8Array, out: Float64Array): void {
    const { n, m, vals, wv, tCode, tO, tD, K, O, other, cMin, cMax, fCount, gapRow, gapRows } = this;
    let nOther = 0;
    let needsClamp = false;
    for (let j = 0; j < m; j++) {
      K[j] = 0;
      O[j] = 0;
      const wj = wv[j] as number;
      if (wj === 0 || tCode[j] === 3) continue;
      const kj = wj / (tD[j] as number);
      if (tCode[j] !== 0 || !Number.isFinite(kj)) {
        other[nOther++] = j;
        continue;
      }
      const o = tO[j] as number;
      const d = tD[j] as number;
      K[j] = kj;
      O[j] = o;
      const lo = ((cMin[j] as number) - o) / d;
      const hi = ((cMax[j] as number) - o) / d;
      if ((fCount[j] as number) > 0 && (lo < -1e-12 || lo > 1 + 1e-12 || hi < -1e-12 || hi > 1 + 1e-12))
        needsClamp = true;
    }
    if (needsClamp) {
      for (let i = 0; i < n; i++) out[i] = inc[i] === 1 ? this.fusedRow(i) : Number.NaN;
      return;
    }
    // Four sites at a time, each with its own sum (four independent chains of additions keep the
    // floating-point unit busy); per site the same additions in the same order as the row-wise loop
    // (a column with k = 0 adds only a zero, whose sign the clamp below erases).
    const affine = this.affine;
    let nAffine = 0;
    for (let j = 0; j < m; j++) if ((K[j] as number) !== 0) affine[nAffine++] = j;
    const n4 = n - (n % 4);
    for (let i = 0; i < n4; i += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let a = 0; a < nAffine; a++) {
        const j = affine[a] as number;
        const k = K[j] as number;
        const o = O[j] as number;
        const p = j * n + i;
        s0 += k * ((vals[p] as number) - o);
        s1 += k * ((vals[p + 1] as number) - o);
        s2 += k * ((vals[p + 2] as number) - o);
        s3 += k * ((vals[p + 3] as number) - o);
      }
      out[i] = s0;
      out[i + 1] = s1;
      out[i + 2] = s2;
      out[i + 3] = s3;
    }
    for (let i = n4; i < n; i++) {
      let s = 0;
      for (let a = 0; a < nAffine; a++) {
        const j = affine[a] as number;
        s += (K[j] as number) * ((vals[j * n + i] as number) - (O[j] as number));
      }
      out[i] = s;
    }
    for (let a = 0; a < nOther; a++) {
      const j = other[a] as number;
      const wj = wv[j] as number;
      const code = tCode[j] as number;
      const o = tO[j] as number;
      const d = tD[j] as number;
      const bp = this.breakpoints[j] as Breakpoints;
      for (let i = 0, p = j * n; i < n; i++, p++)
        out[i] = (out[i] as number) + wj * transformed(code, o, d, bp, vals[p] as number);
    }
    for (let i = 0; i < n; i++) {
      if (inc[i] === 0 || gapRow[i] === 1) out[i] = Number.NaN;
      else {
        const s = out[i] as number;
        out[i] = s <= 0 ? 0 : s > 1 ? 1 : s;
      }
    }
    for (let t = 0; t < gapRows.length; t++) {
      const i = gapRows[t] as number;
      if (inc[i] === 0) continue;
      const s = this.fusedRow(i);
      out[i] = s <= 0 ? 0 : s > 1 ? 1 : s;
    }
  }

  /** score.ts aggregateFused for one row (WSM): the missing-value fill for gaps, divided by the weight used. */
  private fusedRow(i: number): number {
    const { n, m, vals, wv, fill, tCode, tO, tD } = this;
    let s = 0;
    let wk = 0;
    for (let j = 0, k = i; j < m; j++, k += n) {
      const wj = wv[j] as number;
      if (wj === 0) continue;
      const x = vals[k] as number;
      let r: number;
      if (x !== x) {
        r = fill[j] as number;
        if (r !== r) continue; // reweight: the criterion is left out for this site
      } else {
        const code = tCode[j];
        if (code === 0) r = (x - (tO[j] as number)) / (tD[j] as number);
        else if (code === 1) r = x === 0 ? 1 : (tO[j] as number) / x;
        else if (code === 3) r = 0;
        else r = valueFunction(this.breakpoints[j] as Breakpoints, x);
        r = r <= 0 ? 0 : r > 1 ? 1 : r;
      }
      s += wj * r;
      wk += wj;
    }
    return wk > 0 ? s / wk : Number.NaN;
  }
}

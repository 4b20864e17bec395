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
// scoreSites on every evaluation. Around the preset the support never changes (one model); a
// uniform draw weights every criterion (one model); a sweep meets three (t = 0, inside, t = 1).
// When raw values change (SMAA value sampling) normalisation depends on the sampled column, so each
// evaluation re-normalises through scoreSites: correct for every method, but slower.
import { scoreSites } from './score';
import type { DecisionMatrix, ScoreOptions } from './types';
import { weightVector } from './weights';

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
}

const TOLERANCE = 1e-9;

const MAX_MODELS = 16;

interface LinearModel {
  norm: Float64Array;
  included: Uint8Array;
}

export function createSampleScorer(matrix: DecisionMatrix, options: ScoreOptions): SampleScorer {
  const n = matrix.siteIds.length;
  const c = matrix.criteria.length;
  const ids = matrix.criteria.map((k) => k.id);
  const baseWeights = weightVector(ids, options.weights);
  const index = new Map(matrix.siteIds.map((id, i) => [id, i]));
  const weights: Record<string, number> = {};
  const bulk: ScoreOptions = { ...options, contributions: 'none' };

  let slow = 0;
  const generic = (w: Float64Array, values: Float64Array | null, out: Float64Array): void => {
    for (let j = 0; j < c; j++) weights[ids[j] as string] = w[j] as number;
    const m = values ? { ...matrix, values } : matrix;
    out.fill(Number.NaN);
    for (const r of scoreSites(m, { ...bulk, weights }).results) {
      const i = index.get(r.siteId);
      if (i !== undefined && !r.excluded && r.score !== null) out[i] = r.score;
    }
  };

  if (options.method !== 'wsm') {
    return {
      sites: n,
      criteria: c,
      baseWeights,
      linear: false,
      get slowEvaluations() {
        return slow;
      },
      score(w, values, out) {
        slow++;
        generic(w, values, out);
      },
    };
  }

  const models = new Map<string, LinearModel | null>();
  const supportKey = (w: Float64Array): string => {
    let k = '';
    for (let j = 0; j < c; j++) k += (w[j] as number) > 0 ? '1' : '0';
    return k;
  };
  let lastKey = '';
  let last: LinearModel | null = null;
  const modelFor = (w: Float64Array): LinearModel | null => {
    // Most calls repeat the previous support: compare in place before building a key string.
    let same = lastKey.length === c;
    for (let j = 0; same && j < c; j++) same = ((w[j] as number) > 0 ? 49 : 48) === lastKey.charCodeAt(j);
    if (same) return last;
    const k = supportKey(w);
    let model = models.get(k);
    if (model === undefined) {
      model = models.size < MAX_MODELS ? linearModel(matrix, options, k, generic) : null;
      models.set(k, model);
    }
    lastKey = k;
    last = model;
    return model;
  };
  const baseModel = modelFor(baseWeights);

  return {
    sites: n,
    criteria: c,
    baseWeights,
    linear: baseModel !== null,
    get slowEvaluations() {
      return slow;
    },
    score(w, values, out) {
      const model = values ? null : modelFor(w);
      if (model) matVec(model.norm, model.included, w, n, c, out);
      else {
        slow++;
        generic(w, values, out);
      }
    },
  };
}

function matVec(
  norm: Float64Array,
  included: Uint8Array,
  w: Float64Array,
  n: number,
  c: number,
  out: Float64Array,
): void {
  for (let i = 0, base = 0; i < n; i++, base += c) {
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

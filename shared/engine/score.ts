// scoreSites: hard constraints, missing-value policies, staleness, normalisation over the remaining
// candidates, aggregation and ranking. The hot path works on typed arrays, column-wise, with no
// per-cell objects; per-site result objects are made once at the end.
import { topsis, WPM_FLOOR } from './aggregate';
import { fastLog } from './fast-log';
import { topStatement } from './lead';
import {
  applyTransform,
  columnTransform,
  isFixedScale,
  matrixColumnStats,
  valueFunction,
  type ColumnStats,
  type ColumnTransform,
} from './normalise';
import type {
  CriterionSpec,
  DecisionMatrix,
  MissingPolicy,
  ScoreOptions,
  ScoreResult,
  SiteResult,
  UninformativeCriterion,
} from './types';
import { Ranker } from './ranking';
import { weightVector } from './weights';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`"${isoDate}" is not a YYYY-MM-DD date`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(6)));
}

function withUnit(c: CriterionSpec, x: number): string {
  return c.unit ? `${fmt(x)} ${c.unit}` : fmt(x);
}

const STATUS_TEXT: Record<string, string> = {
  allowed: 'allowed',
  conditional: 'conditional',
  licence_required: 'licence required',
  licence_denial: 'licence required (presumption of denial)',
  prohibited: 'prohibited',
};

/**
 * Scores and ranks the matrix's sites. Excluded sites stay in the results (rank and score null,
 * with reasons). Ranks are by score, highest first; equal scores share the best rank of their
 * group (competition ranking: 1, 2, 2, 4) and are listed by siteId inside it.
 *
 * Missing values (weighted criteria only; a criterion with weight 0 is there for a constraint), on
 * the normalised 0..1 scale, the same for every method (types.ts, MissingPolicy): 'zero' scores the
 * cell 0; 'worst' gives it the column's lowest normalised value among the candidates; 'exclude'
 * removes the site; 'neutral' gives 0.5; 'reweight' leaves the criterion out and renormalises
 * that site's weights over its known criteria. A column with no spread among the candidates'
 * known values is uninformative: 0 for every site whatever the policy (normalise.ts).
 *
 * Coverage: the share of the weights resting on a known value for the site. With minCoverage, a
 * site below it is thin data: marked, or excluded when thinData is 'exclude' (before normalisation,
 * so an excluded thin site does not move the others' scale).
 *
 * Hard constraints: 'chips_legal' excludes a site whose legality status is not allowed, or that has
 * no legality assessment; 'min'/'max' exclude a site whose raw value breaks the bound, or that has
 * no value for it (a hard limit that cannot be checked is not met).
 */
export function scoreSites(matrix: DecisionMatrix, options: ScoreOptions): ScoreResult {
  const core = scoreMatrix(matrix, options);
  const { siteIds, criteria, values } = matrix;
  const n = siteIds.length;
  const m = criteria.length;
  const { ids, weights, include, scores, rank, tied, reasons, missingHandled: handled, transforms, fill } = core;
  const threshold = dayNumber(options.asOf) - options.staleAfterDays;
  const stale = staleCriteria(matrix, threshold);
  const withContributions = options.method === 'wsm' && options.contributions !== 'none';
  const cells = new Float64Array(m);
  const weightOf = new Map(ids.map((id, j) => [id, weights[j] as number]));

  const results: SiteResult[] = new Array<SiteResult>(n);
  for (let i = 0; i < n; i++) {
    const ok = include[i] === 1;
    let contributions: Record<string, number> | null = null;
    if (ok && withContributions && transforms !== null && fill !== null) {
      // Keys added in one order give every record the same shape (3–4× faster than spreading a template).
      contributions = {};
      let wk = 0;
      const base = i * m;
      for (let j = 0; j < m; j++) {
        const x = values[base + j] as number;
        const r = x === x ? applyTransform(transforms[j] as ColumnTransform, x) : (fill[j] as number);
        cells[j] = r;
        if (r === r) wk += weights[j] as number;
      }
      for (let j = 0; j < m; j++) {
        const r = cells[j] as number;
        contributions[ids[j] as string] = r === r ? ((weights[j] as number) * r) / wk : 0;
      }
    }
    const staleHere = stale[i] ?? [];
    let staleCoverage = 0;
    for (const id of staleHere)
      if (!Number.isNaN(values[i * m + ids.indexOf(id)] as number)) staleCoverage += weightOf.get(id) ?? 0;
    results[i] = {
      siteId: siteIds[i] as string,
      rank: ok ? (rank[i] as number) : null,
      tied: ok && tied[i] === 1,
      score: ok ? (scores[i] as number) : null,
      excluded: !ok,
      reasons: reasons[i] ?? [],
      contributions,
      missingHandled: handled[i] ?? [],
      stale: staleHere,
      coverage: core.coverage[i] as number,
      staleCoverage,
      thin: core.thin[i] === 1,
    };
  }
  const used: Record<string, number> = {};
  ids.forEach((id, j) => (used[id] = weights[j] as number));
  return {
    method: options.method,
    weights: used,
    results,
    uninformative: core.uninformative,
    top: topStatement({ matrix, weights, include, scores, rank, thin: core.thin, transforms }),
    scaleNotes: (transforms ?? []).flatMap((t, j) =>
      t.note !== undefined && (weights[j] as number) > 0 ? [{ criterionId: ids[j] as string, note: t.note }] : [],
    ),
  };
}

/** scoreSites' numbers before the per-site result objects are made: typed arrays, one per site. */
export interface ScoreArrays {
  /** Criterion ids in matrix order. */
  ids: string[];
  /** Normalised weights in matrix order. */
  weights: Float64Array;
  /** 1 = scored, 0 = excluded. */
  include: Uint8Array;
  /** NaN when excluded. */
  scores: Float64Array;
  /** 1 = best, equal scores share a rank; 0 when excluded. */
  rank: Uint32Array;
  /** 1 when another included site has the same score. */
  tied: Uint8Array;
  /** Share of the weights resting on a known value, per site (excluded sites too). */
  coverage: Float64Array;
  /** 1 when coverage is below options.minCoverage. */
  thin: Uint8Array;
  uninformative: UninformativeCriterion[];
  /** Per site, why it is excluded (undefined when not). */
  reasons: (string[] | undefined)[];
  missingHandled: ({ criterionId: string; policy: MissingPolicy }[] | undefined)[];
  /** Each column's transform and its gap fill value (NaN = reweight). */
  transforms: ColumnTransform[] | null;
  fill: Float64Array | null;
}

/**
 * The hot path of scoreSites without the per-site result objects (which cost more than the scoring
 * itself at 100 000 sites): for callers that score many times, such as sensitivity analysis.
 * Same rules as scoreSites; staleness and contributions are left to it.
 */
export function scoreMatrix(matrix: DecisionMatrix, options: ScoreOptions): ScoreArrays {
  const { siteIds, criteria, values } = matrix;
  const n = siteIds.length;
  const m = criteria.length;
  if (values.length !== n * m)
    throw new Error(`values has ${values.length} cells; ${n} sites × ${m} criteria expected`);
  const ids = criteria.map((c) => c.id);
  const weights = weightVector(ids, options.weights);
  const include = new Uint8Array(n).fill(1);
  // Sparse: most sites have no reason to be excluded (an index without one reads undefined).
  const reasons: (string[] | undefined)[] = [];
  const exclude = (i: number, reason: string): void => {
    include[i] = 0;
    (reasons[i] ??= []).push(reason);
  };

  applyConstraints(matrix, options, exclude);

  const thin = new Uint8Array(n);
  const minCoverage = options.minCoverage ?? 0;
  const markThin = (coverage: Float64Array): void => {
    if (minCoverage <= 0) return;
    for (let i = 0; i < n; i++) {
      if ((coverage[i] as number) >= minCoverage - 1e-12) continue;
      thin[i] = 1;
      if (options.thinData === 'exclude' && include[i] === 1)
        exclude(
          i,
          `thin data: ${percent(coverage[i] as number)} of the weight rests on known values, below the minimum of ${percent(minCoverage)}`,
        );
    }
  };
  // Coverage decides exclusions only when thin data is excluded; otherwise it is taken after the
  // column stats: one number for every site when no weighted column has a gap (the stats count the
  // known values), else WSM's weighted-sum pass and WPM's product pass add it up on their way
  // through the matrix (TOPSIS takes its own pass), and the thin marks follow. The same numbers
  // every way.
  const coverageFirst = minCoverage > 0 && options.thinData === 'exclude';
  const coverage = coverageFirst ? coverageOf(values, n, weights) : new Float64Array(n);
  if (coverageFirst) markThin(coverage);

  const excludeCols: number[] = [];
  for (let j = 0; j < m; j++) if ((weights[j] as number) > 0 && criteria[j]?.missing === 'exclude') excludeCols.push(j);
  if (excludeCols.length > 0) {
    for (let i = 0; i < n; i++) {
      for (const j of excludeCols) {
        if (Number.isNaN(values[i * m + j] as number)) {
          const c = criteria[j] as CriterionSpec;
          exclude(i, `no value for ${c.label ?? c.id} (missing values exclude the site)`);
        }
      }
    }
  }

  const handled: ({ criterionId: string; policy: MissingPolicy }[] | undefined)[] = [];
  const fillCols: number[] = [];
  for (let j = 0; j < m; j++) if ((weights[j] as number) > 0 && criteria[j]?.missing !== 'exclude') fillCols.push(j);

  // Normalise each cell on the fly (column transforms from one stats pass) and aggregate, without
  // materialising a normalised matrix (TOPSIS, which needs two passes, does); a gap's fill value
  // comes from its policy.
  const prep = prepareColumns(matrix, include);
  const { fill, transforms } = prep;
  let coverageDone = coverageFirst;
  if (!coverageDone && prep.included === n && prep.stats.every((st, j) => st.count === n || !(weights[j] as number))) {
    // coverageOf's sum for a site with every weighted value known (a zero weight adds nothing).
    let c = 0;
    for (let j = 0; j < m; j++) if ((weights[j] as number) > 0) c += weights[j] as number;
    coverage.fill(c > 1 ? 1 : c);
    coverageDone = true;
  }
  let scores: Float64Array;
  if (options.method === 'topsis') {
    // Which cells are known; not needed when no candidate has a gap (every column's count is the
    // number of candidates), where it would say "known" everywhere.
    let known: Uint8Array | null = null;
    if (prep.stats.some((st) => st.count !== prep.included)) {
      known = new Uint8Array(values.length);
      for (let k = 0; k < values.length; k++) known[k] = (values[k] as number) === (values[k] as number) ? 1 : 0;
    }
    scores = topsis(
      normaliseRows(values, n, transforms, fill, include),
      n,
      weights,
      criteria.map((c) => isFixedScale(c)),
      include,
      known,
      criteria.map((c) => c.missing === 'zero' || c.missing === 'worst'),
    ).closeness;
    if (!coverageDone) coverage.set(coverageOf(values, n, weights));
  } else if (options.method === 'wsm') {
    scores = wsmAffine(values, n, weights, transforms, prep.stats, fill, include, coverageDone ? null : coverage);
  } else {
    scores = wpmAffine(values, n, weights, transforms, fill, include, coverageDone ? null : coverage);
  }
  if (!coverageFirst) markThin(coverage);
  for (const j of fillCols) {
    const c = criteria[j] as CriterionSpec;
    if (prep.stats[j]?.count === prep.included) continue; // no gaps in this column
    for (let i = 0, k = j; i < n; i++, k += m) {
      if (include[i] === 1 && Number.isNaN(values[k] as number))
        (handled[i] ??= []).push({ criterionId: c.id, policy: c.missing });
    }
  }
  for (let i = 0; i < n; i++) {
    if (include[i] === 1 && Number.isNaN(scores[i] as number)) exclude(i, 'no value for any weighted criterion');
  }

  // Spread is judged among the candidates; with no candidate left there is nothing to judge.
  const uninformative: UninformativeCriterion[] = [];
  transforms.forEach((t, j) => {
    if (prep.included === 0 || t.code !== 3 || !((weights[j] as number) > 0)) return;
    const known = (prep.stats[j] as ColumnStats).count;
    const reason = known === 0 ? 'no known value' : known === 1 ? 'one known value' : 'all known values equal';
    uninformative.push({ criterionId: ids[j] as string, known, reason });
  });

  const { rank, tied } = rankScores(siteIds, scores, include);
  return {
    ids,
    weights,
    include,
    scores,
    rank,
    tied,
    coverage,
    thin,
    uninformative,
    reasons,
    missingHandled: handled,
    transforms,
    fill,
  };
}

const percent = (x: number): string => `${Math.round(x * 100)} %`;

/** Per site, the sum of the weights of the criteria it has a value for (weights sum to 1). */
function coverageOf(values: Float64Array, n: number, weights: Float64Array): Float64Array {
  const m = weights.length;
  const out = new Float64Array(n);
  // Four sites at a time, each summed in criterion order as one at a time would (the same doubles):
  // four independent chains of additions instead of one.
  const n4 = n - (n % 4);
  for (let i = 0, base = 0; i < n4; i += 4, base += 4 * m) {
    let c0 = 0;
    let c1 = 0;
    let c2 = 0;
    let c3 = 0;
    for (let j = 0; j < m; j++) {
      const w = weights[j] as number;
      const k = base + j;
      if ((values[k] as number) === (values[k] as number)) c0 += w;
      if ((values[k + m] as number) === (values[k + m] as number)) c1 += w;
      if ((values[k + 2 * m] as number) === (values[k + 2 * m] as number)) c2 += w;
      if ((values[k + 3 * m] as number) === (values[k + 3 * m] as number)) c3 += w;
    }
    out[i] = c0 > 1 ? 1 : c0;
    out[i + 1] = c1 > 1 ? 1 : c1;
    out[i + 2] = c2 > 1 ? 1 : c2;
    out[i + 3] = c3 > 1 ? 1 : c3;
  }
  for (let i = n4, base = n4 * m; i < n; i++, base += m) {
    let c = 0;
    for (let j = 0; j < m; j++)
      if ((values[base + j] as number) === (values[base + j] as number)) c += weights[j] as number;
    out[i] = c > 1 ? 1 : c;
  }
  return out;
}

let normalisedScratch: Float64Array | null = null;

/**
 * The normalised matrix (row-major; NaN for an excluded row and for a gap left out by 'reweight'),
 * in a buffer the next call reuses: read it before scoring again.
 */
function normaliseRows(
  values: Float64Array,
  n: number,
  transforms: readonly ColumnTransform[],
  fill: Float64Array,
  include: Uint8Array,
): Float64Array {
  const m = transforms.length;
  // Every cell is written below, so last call's buffer serves again: at 100 000 × 20 a fresh one is
  // 16 MB for the collector per TOPSIS score (it is read only inside scoreMatrix, never kept).
  if (normalisedScratch === null || normalisedScratch.length !== n * m) normalisedScratch = new Float64Array(n * m);
  const out = normalisedScratch;
  // applyTransform with each column's parts in typed arrays (no object reads per cell).
  const code = Uint8Array.from(transforms, (t) => t.code);
  const o = Float64Array.from(transforms, (t) => t.o);
  const d = Float64Array.from(transforms, (t) => t.d);
  for (let i = 0, base = 0; i < n; i++, base += m) {
    if (include[i] === 0) {
      out.fill(Number.NaN, base, base + m);
      continue;
    }
    for (let j = 0; j < m; j++) {
      const x = values[base + j] as number;
      let r: number;
      if (x !== x) r = fill[j] as number;
      else {
        const c = code[j];
        if (c === 0) r = (x - (o[j] as number)) / (d[j] as number);
        else if (c === 1) r = x === 0 ? 1 : (o[j] as number) / x;
        else if (c === 3) {
          out[base + j] = 0;
          continue;
        } else {
          out[base + j] = valueFunction((transforms[j] as ColumnTransform).breakpoints, x);
          continue;
        }
        r = r <= 0 ? 0 : r > 1 ? 1 : r;
      }
      out[base + j] = r;
    }
  }
  return out;
}

function applyConstraints(
  matrix: DecisionMatrix,
  options: ScoreOptions,
  exclude: (i: number, reason: string) => void,
): void {
  const { siteIds, criteria, values } = matrix;
  const m = criteria.length;
  for (const con of options.constraints) {
    if (con.kind === 'chips_legal') {
      const allow: readonly string[] = con.allow;
      siteIds.forEach((id, i) => {
        const leg = options.legality?.[id];
        if (!leg) exclude(i, 'chip legality is unknown for this site; the preset requires legal chips');
        else if (!allow.includes(leg.status))
          exclude(i, `chips ${STATUS_TEXT[leg.status] ?? leg.status}: ${leg.reason}`);
      });
      continue;
    }
    const j = criteria.findIndex((c) => c.id === con.criterionId);
    if (j < 0) throw new Error(`constraint on ${con.criterionId}, which is not a criterion of the matrix`);
    const c = criteria[j] as CriterionSpec;
    const label = c.label ?? c.id;
    const bound = con.kind === 'min' ? 'minimum' : 'maximum';
    for (let i = 0; i < siteIds.length; i++) {
      const x = values[i * m + j] as number;
      if (Number.isNaN(x)) exclude(i, `no value for ${label}; the preset's ${bound} is ${withUnit(c, con.value)}`);
      else if (con.kind === 'min' && x < con.value) {
        exclude(i, `${label} ${withUnit(c, x)} is below the preset's minimum of ${withUnit(c, con.value)}`);
      } else if (con.kind === 'max' && x > con.value) {
        exclude(i, `${label} ${withUnit(c, x)} is above the preset's maximum of ${withUnit(c, con.value)}`);
      }
    }
  }
}

/** Per site, the criteria whose known fact is dated before `threshold` (a day number); unknown dates are not stale. */
function staleCriteria(matrix: DecisionMatrix, threshold: number): (string[] | undefined)[] {
  const { criteria, asOfDay, siteIds, values } = matrix;
  const m = criteria.length;
  const out = new Array<string[] | undefined>(siteIds.length);
  if (asOfDay.length === 0) return out;
  for (let i = 0, base = 0; i < siteIds.length; i++, base += m) {
    for (let j = 0; j < m; j++) {
      // A gap is not a stale fact, whatever date its "missing" record carries.
      if ((asOfDay[base + j] as number) < threshold && (values[base + j] as number) === (values[base + j] as number))
        (out[i] ??= []).push((criteria[j] as CriterionSpec).id);
    }
  }
  return out;
}

/**
 * Ranks over the included rows, score descending. Scores within TIE_TOLERANCE of the best score of
 * their group are equal: they share the group's best rank (1, 2, 2, 4) and are marked tied — the
 * display lists them by siteId (code-unit order, the same on every machine and locale), but the
 * rank never pretends one is ahead. The sort is SMAA's (ranking.ts, Ranker: scores bucketed in one
 * counting pass, each bucket ordered by the exact score), so the table and SMAA rank every vector
 * alike. It runs in site index order, not siteId order: the order among equal scores moves a site
 * inside its group, never the group's bounds, so ranks and ties come out the same and the 100 000
 * string comparisons of a siteId order are saved.
 */
export function rankScores(
  siteIds: readonly string[],
  scores: Float64Array,
  include: Uint8Array,
): { rank: Uint32Array; tied: Uint8Array } {
  const n = siteIds.length;
  // Excluded rows take no rank, whatever their score says.
  let ranked = scores;
  for (let i = 0; i < n; i++) {
    if (include[i] === 0 && (scores[i] as number) === (scores[i] as number)) {
      ranked = Float64Array.from(scores);
      for (let t = i; t < n; t++) if (include[t] === 0) ranked[t] = Number.NaN;
      break;
    }
  }
  const ranks = new Int32Array(n);
  const sizes = new Int32Array(n);
  new Ranker(n).rank(ranked, ranks, sizes);
  const rank = new Uint32Array(ranks.buffer);
  const tied = new Uint8Array(n);
  for (let i = 0; i < n; i++) if ((sizes[i] as number) > 1 && (ranks[i] as number) > 0) tied[i] = 1;
  return { rank, tied };
}

/**
 * Scores within this of the best score of their group are equal (scores are in [0, 1]): far below
 * any difference a fact can make, far above float noise from summation order. SMAA's ranking uses
 * the same tolerance (ranking.ts, where it lives), so the table and SMAA agree on what a tie is.
 */
export { TIE_TOLERANCE } from './ranking';

/** Column transforms over the included rows and, per column, the normalised value a gap gets. */
function prepareColumns(
  matrix: DecisionMatrix,
  include: Uint8Array,
): { transforms: ColumnTransform[]; fill: Float64Array; stats: ColumnStats[]; included: number } {
  const { criteria, values, siteIds } = matrix;
  const n = siteIds.length;
  const m = criteria.length;
  // Sums of squares only when a column is vector-normalised (the only reader of norm).
  const stats = matrixColumnStats(
    values,
    n,
    m,
    include,
    criteria.some((c) => c.normalisation.kind === 'vector'),
  );
  const transforms = criteria.map((c, j) => columnTransform(stats[j] as ColumnStats, c));
  let included = 0;
  for (let i = 0; i < n; i++) included += include[i] as number;
  const fill = new Float64Array(m).fill(Number.NaN);
  criteria.forEach((c, j) => {
    const st = stats[j] as ColumnStats;
    const t = transforms[j] as ColumnTransform;
    // An uninformative column gives nobody anything, whatever the policy.
    if (t.code === 3 || c.missing === 'zero') fill[j] = 0;
    else if (c.missing === 'neutral') fill[j] = 0.5;
    else if (c.missing === 'worst') {
      if (st.count === 0) fill[j] = 0;
      else if (t.code !== 2) fill[j] = Math.min(applyTransform(t, st.min), applyTransform(t, st.max));
      else {
        // A value function need not be monotonic: its worst is found among the column's values.
        let w = Infinity;
        for (let i = 0, k = j; i < n; i++, k += m) {
          const x = values[k] as number;
          if (include[i] === 1 && x === x) w = Math.min(w, valueFunction(t.breakpoints, x));
        }
        fill[j] = w;
      }
    }
  });
  return { transforms, fill, stats, included };
}

/**
 * WSM or WPM straight from raw values: one pass, each cell normalised in registers. An
 * uninformative column (code 3) scores 0 in the sum and is left out of the product (a factor of
 * 1): in both it contributes nothing, to anyone.
 */
function aggregateFused(
  values: Float64Array,
  n: number,
  weights: Float64Array,
  transforms: readonly ColumnTransform[],
  fill: Float64Array,
  include: Uint8Array,
  product: boolean,
): Float64Array {
  const m = weights.length;
  const code = Uint8Array.from(transforms, (t) => t.code);
  const o = Float64Array.from(transforms, (t) => t.o);
  const d = Float64Array.from(transforms, (t) => t.d);
  const out = new Float64Array(n);
  for (let i = 0, base = 0; i < n; i++, base += m) {
    if (include[i] === 0) {
      out[i] = Number.NaN;
      continue;
    }
    let s = 0;
    let wk = 0;
    let silent = 0;
    for (let j = 0; j < m; j++) {
      const w = weights[j] as number;
      if (w === 0) continue;
      if (product && code[j] === 3) {
        // A factor of 1 — its weight stays in the exponent's denominator, so the other criteria
        // are not stretched to fill its share.
        silent += w;
        wk += w;
        continue;
      }
      const x = values[base + j] as number;
      let r: number;
      if (x !== x) {
        r = fill[j] as number;
        if (r !== r) continue; // reweight: leave the criterion out for this site
      } else {
        const c = code[j];
        if (c === 0) r = (x - (o[j] as number)) / (d[j] as number);
        else if (c === 1) r = x === 0 ? 1 : (o[j] as number) / x;
        else if (c === 3) r = 0;
        else r = valueFunction((transforms[j] as ColumnTransform).breakpoints, x);
        r = r <= 0 ? 0 : r > 1 ? 1 : r;
      }
      s += product ? w * fastLog(r < WPM_FLOOR ? WPM_FLOOR : r) : w * r;
      wk += w;
    }
    // Every weighted criterion uninformative: nothing tells the sites apart, so nobody gets credit.
    out[i] = wk === silent && silent > 0 ? 0 : wk > 0 ? (product ? Math.exp(s / wk) : s / wk) : Number.NaN;
  }
  return out;
}

/**
 * WSM's hot path. For an affine column (min-max, vector, max-benefit) w·r = w·(x − o)/d = k·(x − o)
 * with k = w/d (x − o, not k·x − k·o, to avoid cancellation when the span is small against the values),
 * so a row's score is Σ k_j (x_j − o_j): one multiply-add per cell, no branches. Rows that meet a gap (the
 * sum turns NaN) or land outside [0, 1] (a column that needs clamping) are redone by the general
 * path, as are the non-affine columns (max-cost, value functions), added per row.
 */
function wsmAffine(
  values: Float64Array,
  n: number,
  weights: Float64Array,
  transforms: readonly ColumnTransform[],
  stats: readonly ColumnStats[],
  fill: Float64Array,
  include: Uint8Array,
  /** When given, filled with coverageOf's numbers on the way (every row, included or not). */
  coverage: Float64Array | null = null,
): Float64Array {
  const m = weights.length;
  const k = new Float64Array(m);
  const o = new Float64Array(m);
  const other: number[] = [];
  let needsClamp = false;
  const outside = (r: number): boolean => r < -1e-12 || r > 1 + 1e-12;
  transforms.forEach((t, j) => {
    const w = weights[j] as number;
    if (w === 0) return;
    if (t.code === 3) {
      // Uninformative: 0 for everyone. A gap in it still turns the row's sum NaN (0 · NaN), so
      // such rows go through the general path, which fills it with 0.
      o[j] = 0;
      return;
    }
    const kj = w / t.d;
    if (t.code !== 0 || !Number.isFinite(kj)) {
      other.push(j); // not affine, or a span so tiny (denormal) that k overflows: per cell
      return;
    }
    k[j] = kj;
    o[j] = t.o;
    // An affine map is monotonic: if the column's extremes land in [0, 1], every value does.
    const st = stats[j] as ColumnStats;
    if (st.count > 0 && (outside((st.min - t.o) / t.d) || outside((st.max - t.o) / t.d))) needsClamp = true;
  });
  if (needsClamp) {
    if (coverage) coverage.set(coverageOf(values, n, weights));
    return aggregateFused(values, n, weights, transforms, fill, include, false);
  }
  const out = new Float64Array(n);
  // Σ k (x − o) four rows at a time, each summed in column order as one row at a time would (the
  // same doubles): four independent chains of additions keep the floating-point unit busy.
  const n4 = n - (n % 4);
  if (coverage) {
    // The same, with coverageOf's sums (known cells' weights, in column order) from the same loads.
    for (let i = 0, base = 0; i < n4; i += 4, base += 4 * m) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let c0 = 0;
      let c1 = 0;
      let c2 = 0;
      let c3 = 0;
      for (let j = 0; j < m; j++) {
        const kj = k[j] as number;
        const oj = o[j] as number;
        const wj = weights[j] as number;
        const p = base + j;
        const x0 = values[p] as number;
        const x1 = values[p + m] as number;
        const x2 = values[p + 2 * m] as number;
        const x3 = values[p + 3 * m] as number;
        s0 += kj * (x0 - oj);
        s1 += kj * (x1 - oj);
        s2 += kj * (x2 - oj);
        s3 += kj * (x3 - oj);
        if (x0 === x0) c0 += wj;
        if (x1 === x1) c1 += wj;
        if (x2 === x2) c2 += wj;
        if (x3 === x3) c3 += wj;
      }
      out[i] = s0;
      out[i + 1] = s1;
      out[i + 2] = s2;
      out[i + 3] = s3;
      coverage[i] = c0 > 1 ? 1 : c0;
      coverage[i + 1] = c1 > 1 ? 1 : c1;
      coverage[i + 2] = c2 > 1 ? 1 : c2;
      coverage[i + 3] = c3 > 1 ? 1 : c3;
    }
  } else {
    for (let i = 0, base = 0; i < n4; i += 4, base += 4 * m) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0; j < m; j++) {
        const kj = k[j] as number;
        const oj = o[j] as number;
        const p = base + j;
        s0 += kj * ((values[p] as number) - oj);
        s1 += kj * ((values[p + m] as number) - oj);
        s2 += kj * ((values[p + 2 * m] as number) - oj);
        s3 += kj * ((values[p + 3 * m] as number) - oj);
      }
      out[i] = s0;
      out[i + 1] = s1;
      out[i + 2] = s2;
      out[i + 3] = s3;
    }
  }
  for (let i = n4, base = n4 * m; i < n; i++, base += m) {
    let s = 0;
    let c = 0;
    for (let j = 0; j < m; j++) {
      const x = values[base + j] as number;
      s += (k[j] as number) * (x - (o[j] as number));
      if (x === x) c += weights[j] as number;
    }
    out[i] = s;
    if (coverage) coverage[i] = c > 1 ? 1 : c;
  }
  for (let i = 0, base = 0; i < n; i++, base += m) {
    const s = out[i] as number;
    if (include[i] === 0 || s !== s) {
      out[i] = Number.NaN; // excluded, or a gap: the general path below
      continue;
    }
    if (other.length === 0) continue;
    let t = s;
    for (const j of other) {
      const w = weights[j] as number;
      t += w * applyTransform(transforms[j] as ColumnTransform, values[base + j] as number);
    }
    out[i] = t;
  }
  // Rows with a gap (NaN above, and a few legitimately NaN when nothing is known) are redone.
  const redo = new Uint8Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    if (include[i] === 1 && Number.isNaN(out[i] as number)) {
      redo[i] = 1;
      any = true;
    }
  }
  if (any) {
    const again = aggregateFused(values, n, weights, transforms, fill, redo, false);
    for (let i = 0; i < n; i++) if (redo[i] === 1) out[i] = again[i] as number;
  }
  for (let i = 0; i < n; i++) {
    const s = out[i] as number;
    if (s <= 0) out[i] = 0;
    else if (s > 1) out[i] = 1;
  }
  return out;
}

/**
 * WPM's hot path when every weighted column is affine (min-max, vector, max-benefit) or
 * uninformative: aggregateFused's product arithmetic — the same r, the same fastLog, each row's
 * sum in column order, so the same doubles — four rows at a time: four independent chains of
 * additions, each column's constants read once for the four. An uninformative column is a factor
 * of 1 (its weight stays in the denominator, a gap in it changes nothing). Rows with a gap in an
 * affine column (the sum turns NaN), and the last n mod 4, are left to aggregateFused, which fills
 * gaps by their policy. With `coverage`, coverageOf's sums come from the same loads (the weighted
 * columns in column order; a weight-0 column adds 0, which changes no sum).
 */
function wpmAffine(
  values: Float64Array,
  n: number,
  weights: Float64Array,
  transforms: readonly ColumnTransform[],
  fill: Float64Array,
  include: Uint8Array,
  coverage: Float64Array | null,
): Float64Array {
  const m = weights.length;
  const cols: number[] = [];
  let wk = 0;
  let silent = 0;
  for (let j = 0; j < m; j++) {
    const w = weights[j] as number;
    if (w === 0) continue;
    const code = (transforms[j] as ColumnTransform).code;
    if (code === 1 || code === 2) {
      // Not affine: the general path, cell by cell.
      if (coverage) coverage.set(coverageOf(values, n, weights));
      return aggregateFused(values, n, weights, transforms, fill, include, true);
    }
    if (code === 3) silent += w;
    cols.push(j);
    wk += w;
  }
  // Every weighted column uninformative: aggregateFused's rule (nobody gets credit).
  if (wk === silent) {
    if (coverage) coverage.set(coverageOf(values, n, weights));
    return aggregateFused(values, n, weights, transforms, fill, include, true);
  }
  const ws = Float64Array.from(cols, (j) => weights[j] as number);
  // An uninformative column: log weight 0 (no term is added for it, as in aggregateFused).
  const lw = Float64Array.from(cols, (j) =>
    (transforms[j] as ColumnTransform).code === 3 ? 0 : (weights[j] as number),
  );
  const os = Float64Array.from(cols, (j) => (transforms[j] as ColumnTransform).o);
  const ds = Float64Array.from(cols, (j) => (transforms[j] as ColumnTransform).d);
  const out = new Float64Array(n).fill(Number.NaN);
  const n4 = n - (n % 4);
  wpmRows(values, m, n4, Int32Array.from(cols), lw, ws, os, ds, wk, out, coverage);
  if (coverage && n4 < n) coverage.set(coverageOf(values.subarray(n4 * m), n - n4, weights), n4);
  // Excluded rows are NaN; included rows still NaN (a gap, or the tail) go through aggregateFused.
  const redo = new Uint8Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    if (include[i] === 0) out[i] = Number.NaN;
    else if ((out[i] as number) !== (out[i] as number)) {
      redo[i] = 1;
      any = true;
    }
  }
  if (any) {
    const again = aggregateFused(values, n, weights, transforms, fill, redo, true);
    for (let i = 0; i < n; i++) if (redo[i] === 1) out[i] = again[i] as number;
  }
  return out;
}

/**
 * wpmAffine's loop over rows 0 … n4 − 1, in a function of its own so that V8 optimises it whole
 * (inside wpmAffine it ran as on-stack-replaced code that deoptimised at the loop's end each call).
 */
function wpmRows(
  values: Float64Array,
  m: number,
  n4: number,
  col: Int32Array,
  lw: Float64Array,
  ws: Float64Array,
  os: Float64Array,
  ds: Float64Array,
  wk: number,
  out: Float64Array,
  /** Filled with coverageOf's sums when given (not needed when no weighted column has a gap). */
  cov: Float64Array | null,
): void {
  const c = col.length;
  // A local copy: the imported constant is read through the module's scope, and the clamp below
  // mixing it with 1 and r was kept as a tagged value — a heap number allocated for every cell.
  const floor = +WPM_FLOOR;
  for (let i = 0, base = 0; i < n4; i += 4, base += 4 * m) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let c0 = 0;
    let c1 = 0;
    let c2 = 0;
    let c3 = 0;
    for (let q = 0; q < c; q++) {
      const p = base + (col[q] as number);
      const x0 = values[p] as number;
      const x1 = values[p + m] as number;
      const x2 = values[p + 2 * m] as number;
      const x3 = values[p + 3 * m] as number;
      if (cov !== null) {
        const wc = ws[q] as number;
        if (x0 === x0) c0 += wc;
        if (x1 === x1) c1 += wc;
        if (x2 === x2) c2 += wc;
        if (x3 === x3) c3 += wc;
      }
      const w = lw[q] as number;
      if (w === 0) continue;
      const o = os[q] as number;
      const d = ds[q] as number;
      // As aggregateFused takes a cell: r = (x − o)/d clamped to [0, 1] (r ≤ 0 → 0), then floored.
      const r0 = (x0 - o) / d;
      const r1 = (x1 - o) / d;
      const r2 = (x2 - o) / d;
      const r3 = (x3 - o) / d;
      s0 += w * fastLog(r0 < floor ? floor : r0 > 1 ? 1 : r0);
      s1 += w * fastLog(r1 < floor ? floor : r1 > 1 ? 1 : r1);
      s2 += w * fastLog(r2 < floor ? floor : r2 > 1 ? 1 : r2);
      s3 += w * fastLog(r3 < floor ? floor : r3 > 1 ? 1 : r3);
    }
    out[i] = Math.exp(s0 / wk);
    out[i + 1] = Math.exp(s1 / wk);
    out[i + 2] = Math.exp(s2 / wk);
    out[i + 3] = Math.exp(s3 / wk);
    if (cov === null) continue;
    cov[i] = c0 > 1 ? 1 : c0;
    cov[i + 1] = c1 > 1 ? 1 : c1;
    cov[i + 2] = c2 > 1 ? 1 : c2;
    cov[i + 3] = c3 > 1 ? 1 : c3;
  }
}

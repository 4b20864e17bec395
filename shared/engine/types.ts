// The decision engine's data shapes. Pure TypeScript: the engine runs in Node, the renderer and a
// worker, so its inputs are plain arrays and typed arrays, never database rows.
import type { HardConstraint } from '../model/presets';

/**
 * licence_required: an ordinary licence requirement; licence_denial: a licence is required and
 * applications are reviewed under a presumption of denial (seldom granted) — kept apart because
 * they mean very different things for a siting decision.
 */
export type LegalityStatus = 'allowed' | 'conditional' | 'licence_required' | 'licence_denial' | 'prohibited';

/** Ordered from most to least permissive; used to combine statuses (the worst wins). */
export const LEGALITY_ORDER: readonly LegalityStatus[] = [
  'allowed',
  'conditional',
  'licence_required',
  'licence_denial',
  'prohibited',
];

export type NormalisationSpec =
  | { kind: 'minmax' }
  | { kind: 'vector' }
  | { kind: 'max' }
  /** Values already on an absolute 0..1 scale (chip legality), kept as they are in every mode. */
  | { kind: 'absolute' }
  /** Piecewise-linear value function through planner-defined (raw value, score 0..1) breakpoints. */
  | { kind: 'target'; breakpoints: readonly (readonly [number, number])[] };

/**
 * What to do with a site that has no value for a criterion (docs/scoring.md, "Missing values"):
 * - 'zero' (every stored criterion, so every built-in preset): no credit — the cell scores 0, the
 *   bottom of the criterion's scale, never above any known cell; removing a value never raises a
 *   score under any normalisation or method.
 * - 'worst': the lowest score a known cell of the column gets among the candidates (0 under
 *   min–max, where it equals 'zero'; under vector or share-of-best it can sit above 0).
 * - 'exclude': the site is not ranked.
 * - 'neutral' (0.5) and 'reweight' (the criterion is left out of that site, its weight spread over
 *   the site's known criteria) CAN give an unknown credit; no built-in preset uses them.
 */
export type MissingPolicy = 'zero' | 'exclude' | 'worst' | 'neutral' | 'reweight';

/** What happens to a site whose coverage is below ScoreOptions.minCoverage. */
export type ThinDataPolicy = 'mark' | 'exclude';

/** Why a weighted criterion cannot tell the candidates apart, so it contributes nothing to anyone. */
export interface UninformativeCriterion {
  criterionId: string;
  /** How many candidates have a value for it. */
  known: number;
  reason: 'no known value' | 'one known value' | 'all known values equal';
}

export interface CriterionSpec {
  id: string;
  direction: 'benefit' | 'cost';
  normalisation: NormalisationSpec;
  missing: MissingPolicy;
  /** Shown in reasons ("power 80 MW is below …"); the id when absent. */
  label?: string;
  /** Unit of the raw values, shown after them in reasons (e.g. "MW"). */
  unit?: string;
}

/**
 * Sites × criteria, row-major: cell (i, j) is at i * criteria.length + j. NaN marks a missing value
 * (and a missing low/high). asOfDay is the fact's date as days since 1970-01-01 (NaN if unknown).
 */
export interface DecisionMatrix {
  siteIds: readonly string[];
  criteria: readonly CriterionSpec[];
  values: Float64Array;
  low: Float64Array;
  high: Float64Array;
  asOfDay: Float64Array;
  /**
   * Which fact each cell holds (row-major like `values`): cells with the same id ≥ 0 are one fact —
   * a market's, read by each of its sites — so SMAA draws its range once per sample for all of them;
   * −1 or absent: the cell's own. Without it, every ranged cell is drawn on its own.
   */
  rangeGroup?: Int32Array;
}

export type Method = 'wsm' | 'wpm' | 'topsis';

export interface SiteLegality {
  status: LegalityStatus;
  reason: string;
  /** The least firm tier the answer rests on ('rule', 'announced', 'reported'); null: nothing restricts. */
  confidence?: 'rule' | 'announced' | 'reported' | null;
}

export interface ScoreOptions {
  method: Method;
  /** Criterion id → weight (any non-negative scale; normalised to sum 1 over the matrix's criteria). */
  weights: Readonly<Record<string, number>>;
  constraints: readonly HardConstraint[];
  /** The date the planner is looking from, YYYY-MM-DD; facts older than staleAfterDays are flagged. */
  asOf: string;
  staleAfterDays: number;
  /** Per site: the combined legality of the chips the profile needs (for chips_legal constraints). */
  legality?: Readonly<Record<string, SiteLegality>>;
  /**
   * 'all' (default): every non-excluded site's WSM contributions are materialised. 'none' skips
   * them (contributions null) for bulk runs such as sensitivity analysis, where only scores matter.
   */
  contributions?: 'all' | 'none';
  /**
   * Coverage (share of the weight resting on known values) below which a site is thin data: marked
   * (default) or excluded, as `thinData` says. 0 or absent: no minimum.
   */
  minCoverage?: number;
  thinData?: ThinDataPolicy;
}

export interface SiteResult {
  siteId: string;
  /** 1 = best; equal scores share the best rank of their group ("3="); null when excluded. */
  rank: number | null;
  /** Whether another ranked site has the same score (and so the same rank). */
  tied: boolean;
  /**
   * Share (0..1) of the scenario's weight that rests on a known value for this site; the rest
   * was filled in by the missing-value policy. Computed for excluded sites too.
   */
  coverage: number;
  /** Share of the weight resting on known values older than the stale threshold (part of coverage). */
  staleCoverage: number;
  /** Coverage below the scenario's minimum (ranked but marked, or excluded when thinData is 'exclude'). */
  thin: boolean;
  /** In [0, 1] for every method; null when excluded. */
  score: number | null;
  excluded: boolean;
  /** Why excluded (constraint, missing value under the 'exclude' policy, illegal chips). */
  reasons: string[];
  /** Criterion id → share of the score (WSM only: contributions sum to the score); null otherwise. */
  contributions: Record<string, number> | null;
  /** Criteria whose missing value a policy handled for this site, with the policy used. */
  missingHandled: { criterionId: string; policy: MissingPolicy }[];
  /** Criteria whose fact is older than the staleness threshold. */
  stale: string[];
}

export interface ScoreResult {
  method: Method;
  /** The weights actually used, normalised to sum 1. */
  weights: Record<string, number>;
  results: SiteResult[];
  /** Weighted criteria with no spread among the candidates' known values: they gave nobody anything. */
  uninformative: UninformativeCriterion[];
  /** What a summary may say about the top of the ranking (lead.ts). */
  top: TopStatement;
  /** Weighted criteria not scored by the rule they asked for, and why (normalise.ts). */
  scaleNotes: { criterionId: string; note: string }[];
}

/** What a summary may say about the top of a ranking (decided by lead.ts, topStatement). */
export type TopStatement =
  | { kind: 'none' }
  /** One ranked site: first by default, not by comparison. */
  | { kind: 'alone'; siteId: string; thin: boolean }
  /** Several sites share the best score: nobody is first. */
  | { kind: 'tie'; siteIds: string[] }
  | {
      kind: 'lead';
      siteId: string;
      /** The best-ranked other site (the first by site id of a tie for second). */
      runnerUpId: string;
      /**
       * Over the criteria both have values for, the leader still scores higher than every site
       * sharing second place: the lead stands on known facts. False: it comes from filled-in values.
       */
      restsOnKnown: boolean;
      /** Weighted criteria on which the leader or the runner-up had no value (filled by the policy). */
      filledCriteria: string[];
      /** The leader's coverage is below the scenario's minimum. */
      thin: boolean;
    };

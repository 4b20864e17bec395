// Builds the engine's DecisionMatrix and ScoreOptions from a scenario snapshot (scenario-snapshot.ts),
// for `score.run`, `score.matrix`, the sensitivity calls and the report (which must all score exactly
// the same matrix). Pure: the snapshot holds what the store said; this file only joins it into
// typed arrays.
//
// Choices:
// - Criteria in the matrix: those with weight > 0 in the preset (after the caller's overrides, which
//   are merged over the preset's weights), plus any criterion a min/max constraint names (weight 0).
// - A site's value for a criterion is its own override, else its market's (as metrics.list says).
// - Stored criteria use the 'zero' missing policy: an unknown fact earns no credit — it scores the
//   bottom of the criterion's scale, never more than the worst known value (docs/scoring.md says
//   why this default). A 'target' normalisation has no stored breakpoints, so it falls back to min-max.
// - Overrides from the caller win over the preset: `normalisation` (one rule for every criterion;
//   'criterion' keeps each criterion's own; absent: the preset's) and `constraints` (replace the
//   preset's list).
// - chip_legality: legalityScore of the site's answer for the scenario's workload (the best lawful
//   option, or the worst chip in 'all' mode) on asOf (shared/engine/legality.ts), on its absolute
//   scale in every normalisation mode. Without a profile it is missing, and a chips_legal constraint
//   excludes every site (legality depends on who deploys).
// - lawful_compute: the TPP of the strongest chip of the workload the company may run at the site
//   without a licence (0 when none may; missing when the lawful chips have no known TPP).
// - site_capacity_mw: the site's own existing + planned MW (an unknown part counts as 0 when the
//   other is known; missing when both are unknown), so a min constraint reads the site, not its market.
// - policy_churn: how unsettled the rules reaching the site have been — a measure of instability,
//   not of restrictiveness (a strict rule that has stood for years weighs little). It sums, over the
//   binding events naming the site's country or subdivision in scope.destinations (a country entry
//   covers its subdivisions; events aimed at "anywhere", with no destinations, do not tell places
//   apart and are not counted), each event's weight on asOf:
//     severity × tier × 2^(−age / 548 days)      (= exp(−ln2 · age / half-life))
//   severity by effect: prohibited 1, licence under a presumption of denial 0.8, licence required 0.6,
//   allowed with conditions 0.4, allowed (a relaxation) 0.3, a data-centre siting rule 0.5;
//   tier by confidence: rule 1, announced 0.5, reported 0.25; age in days from the effective date to
//   asOf. An event taking effect after asOf never counts. There is no window: the decay replaces the
//   old three-year cut-off, so an event fades (0.25 of its weight at three years, 1/16 at six)
//   instead of dropping out on one day, and ending later does not change what its arrival weighed.
//   Binding means a chip rule that sets a status, or a data-centre siting rule; informational
//   entries about chips, market investigations and context (press reports about usage) are not churn.
//   Why these numbers: docs/legality.md, "Policy churn".
import type { Db } from '../../../db/open';
import { legalityScore, placeInScope, type LegalityPlace } from '../../../shared/engine/legality';
import type { SiteLegalityResult } from '../../../shared/engine/site-legality';
import { coverageSettings } from '../../../shared/model/coverage-settings';
import type { LegalitySettings } from '../../../shared/model/legality-settings';
import type { PolicyConfidence, PolicyEffect } from '../../../shared/model/policy';
import { dayNumber } from '../../../shared/engine/score';
import type { CriterionSpec, DecisionMatrix, ScoreOptions, SiteLegality } from '../../../shared/engine/types';
import { ServiceError } from '../../../shared/errors';
import type { Criterion } from '../../../shared/model/criteria';
import type { PolicyEvent } from '../../../shared/model/policy';
import type { Preset } from '../../../shared/model/presets';
import type { CompanyProfile } from '../../../shared/model/profiles';
import { DEFAULT_STALE_AFTER_DAYS, type Scenario, type ScoreNormalisation } from '../../../shared/model/scenario';
import type { Site } from '../../../shared/schemas';
import { chooseCriteria, type CriteriaChoice } from '../../../shared/scored-criteria';
import { readScenarioSnapshot, type ScenarioSnapshot } from '../scenario/scenario-snapshot';

export interface BuiltScoring {
  matrix: DecisionMatrix;
  options: ScoreOptions;
  /** The normalisation rule applied (after the caller's override). */
  normalisation: ScoreNormalisation;
  preset: Preset;
  profile: CompanyProfile | null;
  /** In matrix row order. */
  sites: Site[];
  settings: LegalitySettings;
  /** Per site id: the full legality answer for the workload; absent without a profile. */
  siteLegality?: Readonly<Record<string, SiteLegalityResult>>;
}

/** The store read for `input` and its scoring built: for callers that need nothing else of the snapshot. */
export function buildScoringInput(db: Db, input: Scenario): BuiltScoring {
  return scoringOf(readScenarioSnapshot(db, input));
}

/**
 * Pure: the engine's matrix and options for the snapshot's scenario (file comment), with `weights`,
 * when given, in place of the scenario's overrides (score.matrix weighs every criterion).
 */
export function scoringOf(
  snapshot: ScenarioSnapshot,
  weightsOverride?: Readonly<Record<string, number>>,
): BuiltScoring {
  const { scenario: input, preset, profile, sites, places, asOf, settings } = snapshot;
  const constraints = input.constraints ?? preset.constraints;
  const choice = chooseCriteria(snapshot.criteria, preset.weights, weightsOverride ?? input.weights, constraints);
  if (!choice.ok) throw unscorable(choice);
  const { weights } = choice;
  const used = choice.used.map((j) => snapshot.criteria[j] as Criterion);
  const normalisation: ScoreNormalisation = input.normalisation ?? preset.normalisation;

  const events = snapshot.timeline.events;
  const answers = snapshot.legality;
  const legality =
    answers === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(answers).map(([id, r]) => [
            id,
            { status: r.status, reason: r.reason, confidence: r.confidence },
          ]),
        );

  const n = sites.length;
  const m = used.length;
  const values = new Float64Array(n * m).fill(Number.NaN);
  const low = new Float64Array(n * m).fill(Number.NaN);
  const high = new Float64Array(n * m).fill(Number.NaN);
  const asOfDay = new Float64Array(n * m).fill(Number.NaN);
  // A market fact is one unknown its sites share: SMAA draws its range once for all of them.
  const rangeGroup = new Int32Array(n * m).fill(-1);
  const col = new Map(used.map((c, j) => [c.id, j]));
  const row = new Map(sites.map((s, i) => [s.id, i]));
  const rowsOfMarket = new Map<string, number[]>();
  sites.forEach((s, i) => rowsOfMarket.set(s.marketId, [...(rowsOfMarket.get(s.marketId) ?? []), i]));

  // Market values first, then site overrides on top of them.
  const metrics = snapshot.facts;
  const overridden = new Set<number>();
  for (const pass of ['market', 'site'] as const) {
    for (const [factIndex, v] of metrics.entries()) {
      const j = col.get(v.criterionId);
      if (j === undefined) continue;
      const rows =
        pass === 'market'
          ? v.siteId === null && v.marketId !== null
            ? (rowsOfMarket.get(v.marketId) ?? [])
            : []
          : v.siteId !== null && row.has(v.siteId)
            ? [row.get(v.siteId) as number]
            : [];
      for (const i of rows) {
        const k = i * m + j;
        if (pass === 'market' && overridden.has(k)) continue;
        if (pass === 'site') overridden.add(k);
        values[k] = v.kind === 'known' ? v.value : Number.NaN;
        low[k] = v.kind === 'known' && v.low !== null ? v.low : Number.NaN;
        high[k] = v.kind === 'known' && v.high !== null ? v.high : Number.NaN;
        asOfDay[k] = v.source ? dayNumber(v.source.asOf) : Number.NaN;
        rangeGroup[k] = pass === 'market' ? factIndex : -1;
      }
    }
  }

  const legalityCol = col.get('chip_legality');
  if (legalityCol !== undefined) {
    const column = legalityColumn(sites, legality);
    column.forEach((x, i) => (values[i * m + legalityCol] = x));
  }
  const lawfulCol = col.get('lawful_compute');
  if (lawfulCol !== undefined) {
    sites.forEach((s, i) => {
      const tpp = answers?.[s.id]?.lawfulTpp;
      values[i * m + lawfulCol] = tpp === undefined || tpp === null ? Number.NaN : tpp;
    });
  }
  const capacityCol = col.get('site_capacity_mw');
  if (capacityCol !== undefined) {
    sites.forEach((s, i) => (values[i * m + capacityCol] = siteCapacityMw(s)));
  }
  const churnCol = col.get('policy_churn');
  if (churnCol !== undefined) {
    const column = policyChurnColumn(places, events, asOf);
    column.forEach((x, i) => (values[i * m + churnCol] = x));
  }

  const criteria = used.map((c) => toSpec(c, normalisation));
  const matrix: DecisionMatrix = { siteIds: sites.map((s) => s.id), criteria, values, low, high, asOfDay, rangeGroup };
  const options: ScoreOptions = {
    method: input.method ?? preset.method,
    weights: Object.fromEntries(used.map((c) => [c.id, weights[c.id] ?? 0])),
    constraints,
    asOf,
    staleAfterDays: input.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS,
    ...coverageSettings(input),
    ...(legality !== undefined ? { legality } : {}),
  };
  return {
    matrix,
    options,
    normalisation,
    preset,
    profile,
    sites,
    settings,
    ...(answers !== undefined ? { siteLegality: answers } : {}),
  };
}

/** Why a scenario cannot be scored, in the caller's words (chooseCriteria's problem). */
function unscorable(choice: Extract<CriteriaChoice, { ok: false }>): ServiceError {
  const id = choice.criterionId ?? '';
  switch (choice.problem) {
    case 'unknown_weight':
      return new ServiceError(
        'invalid_input',
        `weight for "${id}", which is not a criterion (criteria.list shows them)`,
        [{ path: 'weights', message: `unknown criterion ${id}` }],
      );
    case 'unknown_constraint':
      return new ServiceError(
        'invalid_input',
        `constraint on "${id}", which is not a criterion (criteria.list shows them)`,
        [{ path: 'constraints', message: `unknown criterion ${id}` }],
      );
    case 'no_weight':
      return new ServiceError('invalid_input', 'at least one weight must be above zero', [
        { path: 'weights', message: 'all weights are zero' },
      ]);
  }
}

/** Criteria whose values are on an absolute scale that no normalisation setting may rescale. */
const ABSOLUTE_CRITERIA = new Set(['chip_legality']);

function toSpec(c: Criterion, normalisation: ScoreNormalisation): CriterionSpec {
  const own = c.normalisation === 'target' ? 'minmax' : c.normalisation;
  return {
    id: c.id,
    direction: c.direction,
    normalisation: ABSOLUTE_CRITERIA.has(c.id)
      ? { kind: 'absolute' }
      : { kind: normalisation === 'criterion' ? own : normalisation },
    missing: 'zero',
    label: c.name,
    unit: c.unit,
  };
}

/** The chip_legality column: legalityScore of each site's combined status; NaN without a profile. */
export function legalityColumn(
  sites: readonly Site[],
  legality: Readonly<Record<string, SiteLegality>> | undefined,
): Float64Array {
  return Float64Array.from(sites, (s) => {
    const l = legality?.[s.id];
    return l === undefined ? Number.NaN : legalityScore(l.status);
  });
}

/**
 * A binding change: a chip rule that sets a status, or a data-centre siting rule (file comment).
 * Context is never churn, even when it carries a status by mistake (REGIMES says so).
 */
export const isChurn = (e: PolicyEvent): boolean =>
  e.regime !== 'context' && (e.effect !== 'informational' || e.regime === 'site-rules');

/**
 * How much a change of each effect can take from a site's plans: a ban strands hardware; a
 * presumption of denial nearly does; a licence adds delay and a case-by-case answer; conditions add
 * compliance work; even a relaxation makes plans built on the old rule stale and shows the rule is
 * moving. Informational entries take nothing (a siting rule weighs CHURN_SITE_RULE instead).
 */
export const CHURN_SEVERITY: Readonly<Record<PolicyEffect, number>> = {
  prohibited: 1,
  licence_presumption_denial: 0.8,
  licence_required: 0.6,
  allowed_with_conditions: 0.4,
  allowed: 0.3,
  informational: 0,
};
/** A moratorium, approval regime or tariff can stop or delay a build, but strands no hardware. */
export const CHURN_SITE_RULE = 0.5;
/**
 * Rule text binds; an official statement without text has often changed before it is written down;
 * a press report is second-hand, yet informal guidance (China's) is rarely published any other way.
 */
export const CHURN_TIER: Readonly<Record<PolicyConfidence, number>> = { rule: 1, announced: 0.5, reported: 0.25 };
/**
 * ≈ 18 months: the US chip rules have been rewritten at least once a year since 2022 (Oct 2022,
 * Oct 2023, Dec 2024–Jan 2025, May 2025, Jan 2026), so a change one cycle back still weighs about 0.6;
 * and a site planned today is built within 18–36 months, a horizon older changes say little about.
 */
export const CHURN_HALF_LIFE_DAYS = 548;

/** What one event adds to the churn of a place it names, on asOf (file comment). */
export function churnWeight(e: PolicyEvent, asOf: string): number {
  if (!isChurn(e) || e.effectiveDate > asOf) return 0;
  const severity = e.regime === 'site-rules' ? CHURN_SITE_RULE : CHURN_SEVERITY[e.effect];
  const age = dayNumber(asOf) - dayNumber(e.effectiveDate);
  return severity * CHURN_TIER[e.confidence] * Math.pow(2, -age / CHURN_HALF_LIFE_DAYS);
}

/** The policy_churn column: per place, the summed churnWeight of the events naming it (file comment). */
export function policyChurnColumn(
  places: readonly LegalityPlace[],
  events: readonly PolicyEvent[],
  asOf: string,
): Float64Array {
  const weighed = events.map((e) => ({ e, w: churnWeight(e, asOf) })).filter(({ w }) => w > 0);
  return Float64Array.from(places, (p) => {
    let sum = 0;
    // Only events that name destinations tell places apart; the scope test is legality's own, so
    // exceptDestinations is honoured the same way here.
    for (const { e, w } of weighed) if (e.scope.destinations.length > 0 && placeInScope(e, p)) sum += w;
    return sum;
  });
}

/** Existing + planned MW of the site; NaN (missing) when its record knows neither. */
function siteCapacityMw(site: Site): number {
  const { existing, planned } = site.capacityMw;
  return existing === null && planned === null ? Number.NaN : (existing ?? 0) + (planned ?? 0);
}

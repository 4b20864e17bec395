// The report: one model of everything a planner sends to a board, from which every format (HTML,
// PDF, Markdown, CSV, JSON) is rendered. JSON-safe (ISO dates, plain arrays, null for "none"), so it
// crosses IPC and HTTP unchanged, and its `reproducibility.inputs` are a valid request: building the
// report again from them on the same database gives the same numbers.
import { z } from 'zod';
import { DataCoverage } from '../calls/edit-calls';
import { LegalityStatusSchema, SiteLegalityResult } from '../calls/legality-calls';
import { PolicyConfidence, PolicyRegime } from '../model/policy';
import { scoreCalls, TopStatementSchema } from '../calls/score-calls';
import { ThinDataPolicy } from '../model/coverage-settings';
import { RunId, SmaaOut, StabilityOut } from '../calls/sensitivity-calls';
import { CriterionGroup, Direction } from '../model/criteria';
import { FactMethod } from '../model/facts';
import { HardConstraint, Preset } from '../model/presets';
import { CompanyProfile } from '../model/profiles';
import { Scenario, ScoreMethod, ScoreNormalisation } from '../model/scenario';
import { IsoDate, RowId, SiteStatus } from '../schemas';

export const REPORT_FORMATS = ['pdf', 'html', 'md', 'csv', 'json'] as const;
export const ReportFormat = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormat>;

/** At most this many sites can be pinned for the compare section (the workspace pins up to four). */
export const MAX_REPORT_COMPARE = 8;

export const DEFAULT_REPORT_SAMPLES = 2000;
export const DEFAULT_REPORT_SEED = 1;

export const ReportSensitivitySettings = z.strictObject({
  samples: z.number().int().min(1).max(100_000).default(DEFAULT_REPORT_SAMPLES),
  seed: z.number().int().min(0).max(4_294_967_295).default(DEFAULT_REPORT_SEED),
});
export type ReportSensitivitySettings = z.infer<typeof ReportSensitivitySettings>;

/** What decides the report's numbers besides the scenario: the pinned sites and the SMAA settings. */
const ReportSettings = {
  /** Sites pinned for the compare section (the workspace's `compare`); none: no compare section. */
  sites: z.array(RowId).max(MAX_REPORT_COMPARE, `at most ${MAX_REPORT_COMPARE} sites to compare`).optional(),
  /** SMAA and stability intervals; null leaves the sensitivity section out; absent: 2 000 samples, seed 1. */
  sensitivity: ReportSensitivitySettings.nullable().optional(),
};

/** The scenario (score.run's input) and the report's own settings, title and author. */
export const ReportRequest = Scenario.extend({
  ...ReportSettings,
  title: z.string().trim().max(200).optional(),
  author: z.string().trim().max(200).optional(),
  /**
   * Names the build for report.cancel, which stops its sensitivity run (the long part); one is made
   * up when absent. Not an input of the report's numbers, so not recorded in them.
   */
  runId: RunId.optional(),
});
export type ReportRequest = z.input<typeof ReportRequest>;
export type ParsedReportRequest = z.output<typeof ReportRequest>;

/**
 * The resolved scenario the report was built from (asOf filled in, sensitivity settings explicit):
 * itself a valid report request, and its scoring fields a valid score.run input.
 */
export const ReportInputs = Scenario.extend({
  ...ReportSettings,
  asOf: IsoDate,
  sites: z.array(RowId).max(MAX_REPORT_COMPARE),
  sensitivity: ReportSensitivitySettings.nullable(),
});
export type ReportInputs = z.infer<typeof ReportInputs>;

const LegalityStatus = LegalityStatusSchema;

export const ReportCriterion = z.object({
  id: z.string(),
  name: z.string(),
  group: CriterionGroup,
  unit: z.string(),
  direction: Direction,
  /** The normalisation applied to this criterion (after any override). */
  normalisation: z.enum(['minmax', 'vector', 'max', 'target', 'absolute']),
  derived: z.boolean(),
  description: z.string(),
  /** The weight used, normalised so the scored criteria sum to 1 (0 for a constraint-only criterion). */
  weight: z.number().min(0).max(1),
  /** The preset's own weight for it (any scale), null when the preset does not weigh it. */
  presetWeight: z.number().nullable(),
  /** The caller's weight override, null when none. */
  overrideWeight: z.number().nullable(),
  /** How many of the report's sites (ranked or not) have a value for it: 0 is flagged "no known value anywhere". */
  known: z.number().int().nonnegative(),
});
export type ReportCriterion = z.infer<typeof ReportCriterion>;

/** One criterion of one site: the fact, what normalisation made of it, and its share of the score. */
export const ReportCell = z.object({
  criterionId: z.string(),
  /** The raw value scored (null when missing). */
  raw: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  /** In [0, 1], 1 = best, the criterion's normalisation over the candidates (gap filled by its policy); null when excluded. */
  normalised: z.number().nullable(),
  /** Weighted sum only: the criterion's share of the score (they sum to it); null otherwise. */
  contribution: z.number().nullable(),
  /** Why the fact is missing, when it is. */
  missingReason: z.string().nullable(),
  /** The fact's source in `sources.metrics` (M1, M2, …); null for derived criteria and missing facts without one. */
  source: z.string().nullable(),
  /** The fact's date; null for derived criteria. */
  factAsOf: IsoDate.nullable(),
  /** How the fact was obtained; null for derived criteria and missing facts. */
  method: FactMethod.nullable(),
  stale: z.boolean(),
});
export type ReportCell = z.infer<typeof ReportCell>;

export const ReportRow = z.object({
  /** 1 = best; equal scores share a rank (shown "3="); null when excluded. */
  rank: z.number().int().positive().nullable(),
  /** Another ranked site has the same score, so the same rank. */
  tied: z.boolean(),
  siteId: z.string(),
  name: z.string(),
  marketId: z.string(),
  market: z.string(),
  country: z.string(),
  lat: z.number(),
  lon: z.number(),
  status: SiteStatus,
  score: z.number().min(0).max(1).nullable(),
  /** Share (0..1) of the weight resting on known values for this site, as score.run gives it. */
  coverage: z.number().min(0).max(1),
  /** The part of coverage resting on values older than the stale threshold. */
  staleCoverage: z.number().min(0).max(1),
  /** Coverage below the scenario's minimum: "thin data". */
  thin: z.boolean(),
  excluded: z.boolean(),
  reasons: z.array(z.string()),
  /** The combined legality of the profile's chips at the site; null without a profile. */
  legality: z.object({ status: LegalityStatus, reason: z.string() }).nullable(),
  missingHandled: z.array(z.object({ criterionId: z.string(), policy: z.string() })),
  /** One per criterion, in `criteria` order. */
  cells: z.array(ReportCell),
});
export type ReportRow = z.infer<typeof ReportRow>;

/** A site's answer for the scenario's workload, as legality.site gives it. */
export const ReportSiteLegality = SiteLegalityResult.extend({ siteId: z.string() });
export type ReportSiteLegality = z.infer<typeof ReportSiteLegality>;

export const ReportSensitivity = z.object({
  samples: z.number().int(),
  requested: z.number().int(),
  seed: z.number().int(),
  mode: SmaaOut.shape.mode,
  concentration: z.number(),
  valuesSampled: z.boolean(),
  stability: z.array(StabilityOut),
  smaa: SmaaOut.shape.sites,
});
export type ReportSensitivity = z.infer<typeof ReportSensitivity>;

export const MetricSourceRef = z.object({
  /** M1, M2, … in order of first use. */
  id: z.string(),
  title: z.string(),
  url: z.string(),
  asOf: IsoDate,
  criteria: z.array(z.string()),
  /** How many site × criterion facts cite it. */
  facts: z.number().int().nonnegative(),
  /** How the known facts citing it were obtained, each method once (in FactMethod's order). */
  methods: z.array(FactMethod),
  /** The repository paths of the sourced tables those facts were read from, each once. */
  references: z.array(z.string()),
});

/** A derived or estimated fact the report cites, with its formula or reasoning (each stored fact once). */
export const FactDerivationRef = z.object({
  criterionId: z.string(),
  /** Where the fact is stored: its market (shared by the market's sites) or one site. */
  marketId: z.string().nullable(),
  siteId: z.string().nullable(),
  value: z.number(),
  method: FactMethod,
  derivation: z.string(),
  reference: z.string().nullable(),
  /** Its source in `sources.metrics` (M1, M2, …). */
  source: z.string(),
});

export const PolicySourceRef = z.object({
  eventId: z.string(),
  title: z.string(),
  issuer: z.string(),
  regime: PolicyRegime,
  effectiveDate: IsoDate,
  endDate: IsoDate.nullable(),
  confidence: PolicyConfidence,
  sourceTitle: z.string(),
  url: z.string(),
  /** An event of the what-if scenario, not of the real timeline. */
  hypothetical: z.boolean(),
  /** Why it is cited: it is in a legality chain, or counted in a site's policy churn. */
  usedFor: z.array(z.enum(['legality', 'policy_churn'])),
});

/** A chip the report names: printed as "vendor name" (Nvidia H200), never as its id (nvidia-h200). */
export const ReportChip = z.object({ id: z.string(), vendor: z.string(), name: z.string() });
export type ReportChip = z.infer<typeof ReportChip>;

export const SiteSourceRef = z.object({ siteId: z.string(), title: z.string(), url: z.string(), asOf: IsoDate });

export const ReportModel = z.object({
  format: z.literal('landfall.report'),
  version: z.literal(1),
  title: z.string(),
  author: z.string(),
  /** When the report was built (ISO date-time, UTC). */
  createdAt: z.iso.datetime(),
  /** The date the data and the policy timeline are read on. */
  asOf: IsoDate,
  preset: Preset,
  profile: CompanyProfile.nullable(),
  /** The profile's chips (training, then inference), each once: what every format names them by. */
  chips: z.array(ReportChip),
  /** The what-if scenario whose hypothetical events were read with the real ones; null: the real timeline only. */
  whatIf: z.object({ id: z.string(), name: z.string(), description: z.string(), events: z.number().int() }).nullable(),
  method: z.object({ id: ScoreMethod, name: z.string(), description: z.string() }),
  normalisation: ScoreNormalisation,
  constraints: z.array(HardConstraint),
  staleAfterDays: z.number().int(),
  /** The coverage settings applied (score.run's): below minCoverage a site is thin data, marked or excluded. */
  minCoverage: z.number().min(0).max(1),
  thinData: ThinDataPolicy,
  criteria: z.array(ReportCriterion),
  /** Plain-language paragraphs: the top sites and why. */
  summary: z.array(z.string()),
  /** Ranked sites by rank, then excluded ones. */
  ranking: z.array(ReportRow),
  /** What a summary may say about the top (score.run's `top`): a tie, a lead on known facts, or not. */
  top: TopStatementSchema,
  /** Weighted criteria with no spread among the ranked sites' known values: they gave nobody anything. */
  uninformative: scoreCalls['score.run'].output.shape.uninformative,
  compare: z.object({ siteIds: z.array(z.string()), explanations: z.array(z.string()) }).nullable(),
  legality: z.array(ReportSiteLegality).nullable(),
  sensitivity: ReportSensitivity.nullable(),
  sources: z.object({
    metrics: z.array(MetricSourceRef),
    /** The derived facts and estimates cited, in order of first citation. */
    derivations: z.array(FactDerivationRef),
    /** Cited facts whose method was never recorded (stored before schema 6): estimates, not listed one by one. */
    methodNotRecorded: z.number().int().nonnegative(),
    policies: z.array(PolicySourceRef),
    sites: z.array(SiteSourceRef),
  }),
  /**
   * The appendix: how much of the whole store's fact matrix is known (data.health on the report's
   * as-of date and stale threshold), so a reader can judge the ranking's footing beyond its sites.
   */
  dataHealth: z.object({
    coverage: DataCoverage,
    stale: z.number().int().nonnegative(),
    unsourced: z.number().int().nonnegative(),
    undatedEvents: z.number().int().nonnegative(),
  }),
  reproducibility: z.object({
    appVersion: z.string(),
    schemaVersion: z.number().int(),
    /** sha256 over every content table of the store (db/transfer/content-hash.ts). */
    databaseHash: z.string(),
    /** The SMAA seed; null without sensitivity. */
    seed: z.number().int().nullable(),
    inputs: ReportInputs,
    /** The same report from the command line. */
    command: z.string(),
  }),
});
export type ReportModel = z.infer<typeof ReportModel>;

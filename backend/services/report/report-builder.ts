// Assembles the report model from one scenario snapshot (scenario-snapshot.ts): the store is read
// once, and the ranking (score.run's answer), the legality chains (legality.site's), the sensitivity
// section (sensitivity.run's analysis), each site's facts (metrics.list's) and the data-health
// appendix (data.health's) are derived from it by the same pure functions those calls use. The one
// thing no call hands out, each criterion's normalised value, comes from the engine's own column
// transforms on the matrix score.run scored. The sensitivity run can be stopped (report.cancel).
import { schemaVersion } from '../../../db/migrations';
import { contentHash } from '../../../db/transfer/content-hash';
import { explainWin, type Contender } from '../../../shared/compare-explain';
import { applyTransform } from '../../../shared/engine/normalise';
import { scoreMatrix } from '../../../shared/engine/score';
import { ServiceError } from '../../../shared/errors';
import type { MetricValue } from '../../../shared/model/facts';
import type { Scenario } from '../../../shared/model/scenario';
import {
  DEFAULT_REPORT_SAMPLES,
  DEFAULT_REPORT_SEED,
  type ParsedReportRequest,
  type ReportCell,
  type ReportInputs,
  type ReportModel,
  type ReportRow,
  type ReportSiteLegality,
} from '../../../shared/report/model';
import { reportChips } from '../../../shared/report/chips';
import { reportCommand } from '../../../shared/report/command';
import { executiveSummary } from '../../../shared/report/summary';
import { METHOD_TEXT } from '../../../shared/report/words';
import { todayIso, type Site } from '../../../shared/schemas';
import type { ServiceContext } from '../context';
import { dataHealthOf } from '../data/data-health';
import { wireSite } from '../legality/legality-wire';
import { policySources, SourceRegistry } from './report-sources';
import { readScenarioSnapshot, type ScenarioSnapshot } from '../scenario/scenario-snapshot';
import { scoringOf, type BuiltScoring } from '../scoring/score-matrix';
import { scoreRunOf } from '../scoring/score-service';
import { analyseSensitivity } from '../sensitivity/sensitivity-service';
import type { SensitivityRunner } from '../sensitivity/sensitivity-runner';

/** The scoring scenario of a report: everything but its own settings, absent fields left out. */
function scenarioOf(inputs: ReportInputs): Scenario {
  const { sites: _sites, sensitivity: _sensitivity, ...scenario } = inputs;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(scenario)) if (v !== undefined) out[k] = v;
  return out as Scenario;
}

/** The request with every default made explicit: what the report records as its inputs. */
export function resolveInputs(request: ParsedReportRequest, now: Date = new Date()): ReportInputs {
  const { title: _title, author: _author, runId: _runId, ...scenario } = request;
  return {
    ...scenario,
    // Today in UTC, as score.run defaults it, but recorded so a re-run next week scores the same day.
    asOf: request.asOf ?? todayIso(now),
    sites: request.sites ?? [],
    sensitivity:
      request.sensitivity === undefined
        ? { samples: DEFAULT_REPORT_SAMPLES, seed: DEFAULT_REPORT_SEED }
        : request.sensitivity,
  };
}

/** How the report reaches its sensitivity run: the runner it shares with sensitivity.run, and the run's name. */
export interface ReportRun {
  runner: SensitivityRunner;
  /** Claimed on `runner` by the caller, so report.cancel can name it. */
  runId: string;
}

export async function buildReport(
  ctx: ServiceContext,
  request: ParsedReportRequest,
  run: ReportRun,
  now: Date = new Date(),
): Promise<ReportModel> {
  const inputs = resolveInputs(request, now);
  // The one read of the store's scenario data; everything below derives from it.
  const snapshot = readScenarioSnapshot(ctx.db, scenarioOf(inputs), now);
  const built = scoringOf(snapshot);
  const score = scoreRunOf(built);
  const { matrix, options, preset, profile, sites } = built;
  const catalogue = new Map(snapshot.criteria.map((c) => [c.id, c]));
  const byId = new Map(score.results.map((r) => [r.siteId, r]));

  for (const id of inputs.sites) {
    if (!byId.has(id)) throw new ServiceError('not_found', `no site "${id}" to compare (sites.list shows them)`);
  }

  const m = matrix.criteria.length;
  const criteria = matrix.criteria.map((spec, j) => {
    const c = catalogue.get(spec.id);
    if (c === undefined) throw new Error(`criterion ${spec.id} is in the matrix but not in criteria.list`);
    return {
      id: c.id,
      name: c.name,
      group: c.group,
      unit: c.unit,
      direction: c.direction,
      normalisation: spec.normalisation.kind,
      derived: c.derived,
      description: c.description,
      weight: score.weights[c.id] ?? 0,
      presetWeight: preset.weights[c.id] ?? null,
      overrideWeight: inputs.weights?.[c.id] ?? null,
      known: knownCount(matrix.values, j, m),
    };
  });

  const { timeline } = snapshot;
  const legality = profile === null ? null : siteLegalities(built, timeline.hypothetical);
  const metricSources = new SourceRegistry();
  const normalised = normalisedValues(built);
  const factsOf = siteFacts(snapshot.facts);
  const rows: ReportRow[] = [];
  for (const [i, site] of sites.entries()) {
    const result = byId.get(site.id);
    if (result === undefined) throw new Error(`score.run left out site ${site.id}`);
    const facts = factsOf(site);
    const cells: ReportCell[] = matrix.criteria.map((spec, j) => {
      const k = i * m + j;
      const fact = catalogue.get(spec.id)?.derived ? undefined : facts.get(spec.id);
      const num = (x: number): number | null => (Number.isNaN(x) ? null : x);
      return {
        criterionId: spec.id,
        raw: num(matrix.values[k] as number),
        low: num(matrix.low[k] as number),
        high: num(matrix.high[k] as number),
        normalised: num(normalised[k] as number),
        contribution: result.contributions?.[spec.id] ?? null,
        missingReason: fact?.kind === 'missing' ? fact.missingReason : null,
        source: fact?.source ? metricSources.cite({ ...fact, source: fact.source }) : null,
        factAsOf: fact?.source?.asOf ?? null,
        method: fact?.kind === 'known' ? fact.method : null,
        stale: result.stale.includes(spec.id),
      };
    });
    const l = legality?.get(site.id);
    rows.push({
      rank: result.rank,
      tied: result.tied,
      siteId: site.id,
      name: site.name,
      marketId: site.marketId,
      market: site.marketName,
      country: site.country,
      lat: site.lat,
      lon: site.lon,
      status: site.status,
      score: result.score,
      coverage: result.coverage,
      staleCoverage: result.staleCoverage,
      thin: result.thin,
      excluded: result.excluded,
      reasons: result.reasons,
      legality: l === undefined ? null : { status: l.status, reason: l.reason },
      missingHandled: result.missingHandled,
      cells,
    });
  }
  // Ranked sites by rank, then excluded ones in store order (as `landfall score` lists them).
  rows.sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));

  const sensitivity = inputs.sensitivity === null ? null : await sensitivityOf(ctx, built, inputs.sensitivity, run);

  const { whatIf } = snapshot;
  const partial: Omit<ReportModel, 'summary'> = {
    format: 'landfall.report',
    version: 1,
    title: request.title || `Siting report: ${preset.name}`,
    author: request.author ?? '',
    createdAt: now.toISOString(),
    asOf: inputs.asOf,
    preset,
    profile,
    chips: reportChips(snapshot.chips, profile),
    whatIf:
      whatIf === null
        ? null
        : { id: whatIf.id, name: whatIf.name, description: whatIf.description, events: whatIf.eventCount },
    method: { id: options.method, ...METHOD_TEXT[options.method] },
    normalisation: built.normalisation,
    constraints: [...options.constraints],
    staleAfterDays: options.staleAfterDays,
    minCoverage: score.minCoverage,
    thinData: score.thinData,
    criteria,
    ranking: rows,
    top: score.top,
    uninformative: score.uninformative,
    compare:
      inputs.sites.length === 0
        ? null
        : compareOf(
            inputs.sites,
            rows,
            criteria,
            options.method,
            new Set(score.uninformative.map((u) => u.criterionId)),
          ),
    legality: legality === null ? null : sites.map((s) => legality.get(s.id) as ReportSiteLegality),
    sensitivity,
    sources: {
      metrics: metricSources.list(),
      derivations: metricSources.derivations(),
      methodNotRecorded: metricSources.methodNotRecorded(),
      policies: policySources(legality, timeline.events, timeline.hypothetical, snapshot.places, criteria, inputs.asOf),
      sites: sites.map((s) => ({ siteId: s.id, title: s.source.title, url: s.source.url, asOf: s.source.asOf })),
    },
    dataHealth: healthAppendix(snapshot, inputs.asOf, options.staleAfterDays),
    reproducibility: {
      appVersion: ctx.version,
      schemaVersion: schemaVersion(ctx.db),
      databaseHash: contentHash(ctx.db),
      seed: inputs.sensitivity?.seed ?? null,
      inputs,
      command: reportCommand(inputs),
    },
  };
  return { ...partial, summary: executiveSummary(partial) };
}

/**
 * The sensitivity section: stability intervals and SMAA of the matrix the ranking scored, around the
 * preset's weights, with progress sent as sensitivity.progress events under the report's run id.
 * A cancelled run fails the report: a board pack must not carry a partial SMAA as if it were whole.
 */
async function sensitivityOf(
  ctx: ServiceContext,
  built: BuiltScoring,
  settings: NonNullable<ReportInputs['sensitivity']>,
  { runner, runId }: ReportRun,
): Promise<ReportModel['sensitivity']> {
  const { stability, smaa } = await analyseSensitivity(
    built,
    { samples: settings.samples, seed: settings.seed, mode: 'around_preset', sweepSteps: null },
    runner,
    runId,
    (done, total) => ctx.events.emit('sensitivity.progress', { runId, done, total }),
  );
  if (smaa.cancelled) {
    throw new ServiceError(
      'cancelled',
      `the report was cancelled while its sensitivity section was computed (${smaa.samples} of ${smaa.requested} samples); nothing was made`,
    );
  }
  return {
    samples: smaa.samples,
    requested: smaa.requested,
    seed: smaa.seed,
    mode: smaa.mode,
    concentration: smaa.concentration,
    valuesSampled: smaa.valuesSampled,
    stability,
    smaa: smaa.sites,
  };
}

/** Per site, the fact of each criterion that applies to it: its own, else its market's (as metrics.list gives them). */
function siteFacts(facts: readonly MetricValue[]): (site: Site) => Map<string, MetricValue> {
  const byMarket = new Map<string, MetricValue[]>();
  const bySite = new Map<string, MetricValue[]>();
  for (const v of facts) {
    if (v.siteId !== null) bySite.set(v.siteId, [...(bySite.get(v.siteId) ?? []), v]);
    else if (v.marketId !== null) byMarket.set(v.marketId, [...(byMarket.get(v.marketId) ?? []), v]);
  }
  return (site) => {
    const out = new Map<string, MetricValue>();
    for (const v of byMarket.get(site.marketId) ?? []) out.set(v.criterionId, v);
    for (const v of bySite.get(site.id) ?? []) out.set(v.criterionId, v);
    return out;
  };
}

/** Every site's legality answer, from the snapshot (one pass over the timeline, no per-site calls). */
function siteLegalities(built: BuiltScoring, hypothetical: ReadonlySet<string>): Map<string, ReportSiteLegality> {
  const out = new Map<string, ReportSiteLegality>();
  for (const [siteId, r] of Object.entries(built.siteLegality ?? {}))
    out.set(siteId, { siteId, ...wireSite(r, hypothetical) });
  return out;
}

/**
 * Every cell's normalised value (NaN when the site is excluded or the policy leaves the gap out), from
 * the engine's own transforms: the criterion's normalisation over the candidate set, and a gap
 * filled as its missing-value policy says. WPM uses these values; TOPSIS does not normalise this way,
 * so for it they are the criteria's own scale, for reading (the method section says so).
 */
function normalisedValues(built: BuiltScoring): Float64Array {
  const { matrix, options } = built;
  const core = scoreMatrix(matrix, { ...options, method: options.method === 'wpm' ? 'wpm' : 'wsm' });
  const m = matrix.criteria.length;
  const out = new Float64Array(matrix.values.length).fill(Number.NaN);
  const { transforms, fill, include } = core;
  if (transforms === null || fill === null) return out;
  for (let i = 0; i < matrix.siteIds.length; i++) {
    if (include[i] === 0) continue;
    for (let j = 0; j < m; j++) {
      const x = matrix.values[i * m + j] as number;
      out[i * m + j] = Number.isNaN(x)
        ? (fill[j] as number)
        : applyTransform(transforms[j] as (typeof transforms)[0], x);
    }
  }
  return out;
}

/** How many sites have a value in column j of a row-major matrix with m columns. */
function knownCount(values: Float64Array, j: number, m: number): number {
  let n = 0;
  for (let k = j; k < values.length; k += m) if (!Number.isNaN(values[k] as number)) n++;
  return n;
}

function compareOf(
  siteIds: readonly string[],
  rows: readonly ReportRow[],
  criteria: readonly { id: string; name: string }[],
  method: string,
  uninformative: ReadonlySet<string>,
): ReportModel['compare'] {
  const names = new Map(criteria.map((c) => [c.id, c.name]));
  const pinned = siteIds.map((id) => rows.find((r) => r.siteId === id) as ReportRow);
  const scored = pinned.filter((r) => r.score !== null && !r.excluded);
  const leader = [...scored].sort((a, b) => (b.score as number) - (a.score as number))[0];
  const contender = (r: ReportRow): Contender => ({
    name: r.name,
    score: r.score as number,
    contributions: Object.fromEntries(
      r.cells.flatMap((c) => (c.contribution === null ? [] : [[c.criterionId, c.contribution]])),
    ),
    missingHandled: r.missingHandled,
  });
  const explanations =
    method === 'wsm' && leader !== undefined && scored.length >= 2
      ? scored
          .filter((r) => r.siteId !== leader.siteId)
          .map((r) => explainWin(contender(leader), contender(r), names, { uninformative }))
      : [
          'An explanation needs at least two scored sites and a method that splits the score into contributions (weighted sum).',
        ];
  return { siteIds: [...siteIds], explanations };
}

/** The report's data-health appendix: data.health's coverage and counts for the same date and threshold. */
function healthAppendix(snapshot: ScenarioSnapshot, asOf: string, staleAfterDays: number): ReportModel['dataHealth'] {
  const health = dataHealthOf(snapshot, { staleAfterDays, asOf });
  return {
    coverage: health.coverage,
    stale: health.summary.stale,
    unsourced: health.summary.unsourced,
    undatedEvents: health.undatedEvents.length,
  };
}

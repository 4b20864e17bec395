// Assembles the report model through the same code the calls use: score.run's handler for the
// ranking, legality.site's for the chains, sensitivity.run's for stability and SMAA, metrics.list's
// for each site's facts and their sources. The one thing no call hands out, each criterion's
// normalised value, comes from the engine's own column transforms on the matrix score.run scored.
import { schemaVersion } from '../../db/migrations';
import type { Db } from '../../db/open';
import { contentHash } from '../../db/transfer/content-hash';
import { explainWin, type Contender } from '../../shared/compare-explain';
import { applyTransform } from '../../shared/engine/normalise';
import { scoreMatrix } from '../../shared/engine/score';
import { ServiceError } from '../../shared/errors';
import type { MetricValue } from '../../shared/model/facts';
import {
  DEFAULT_REPORT_SAMPLES,
  DEFAULT_REPORT_SEED,
  type ParsedReportRequest,
  type ReportCell,
  type ReportInputs,
  type ReportModel,
  type ReportRow,
  type ReportSiteLegality,
} from '../../shared/report/model';
import { reportCommand } from '../../shared/report/command';
import { executiveSummary } from '../../shared/report/summary';
import { METHOD_TEXT } from '../../shared/report/words';
import type { ServiceContext } from './context';
import { dataHealth } from './data-health';
import { dataHandlers } from './data-service';
import { wireSite } from './legality-service';
import { buildScoringInput, type BuiltScoring } from './score-matrix';
import { policyTimeline } from './scenario-timeline';
import { policySources, SourceRegistry } from './report-sources';
import { scenarioDetail } from './scenario-service';
import { scoreHandlers } from './score-service';
import { sensitivityHandlers } from './sensitivity-service';

/** The scenario part of the inputs, as score.run and sensitivity.run take it. */
type ReportScoring = Omit<ReportInputs, 'sites' | 'sensitivity'>;

/** The scoring scenario of a report: everything but its own settings, absent fields left out. */
function scenarioOf(inputs: ReportInputs): ReportScoring {
  const { sites: _sites, sensitivity: _sensitivity, ...scenario } = inputs;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(scenario)) if (v !== undefined) out[k] = v;
  return out as ReportScoring;
}

/** The request with every default made explicit: what the report records as its inputs. */
export function resolveInputs(request: ParsedReportRequest, now: Date = new Date()): ReportInputs {
  const { title: _title, author: _author, ...scenario } = request;
  return {
    ...scenario,
    // Today in UTC, as score.run defaults it, but recorded so a re-run next week scores the same day.
    asOf: request.asOf ?? now.toISOString().slice(0, 10),
    sites: request.sites ?? [],
    sensitivity:
      request.sensitivity === undefined
        ? { samples: DEFAULT_REPORT_SAMPLES, seed: DEFAULT_REPORT_SEED }
        : request.sensitivity,
  };
}

export async function buildReport(
  ctx: ServiceContext,
  request: ParsedReportRequest,
  now: Date = new Date(),
): Promise<ReportModel> {
  const inputs = resolveInputs(request, now);
  const scenario = scenarioOf(inputs);
  const score = await scoreHandlers(ctx)['score.run'](scenario);
  const built = buildScoringInput(ctx.db, scenario);
  const { matrix, options, preset, profile, sites } = built;
  const data = dataHandlers(ctx);
  const catalogue = new Map((await data['criteria.list']({})).map((c) => [c.id, c]));
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

  // The timeline the scoring read: the real events, plus the what-if scenario's when there is one.
  const timeline = policyTimeline(ctx.db, inputs.scenarioId);
  const legality = profile === null ? null : siteLegalities(built, timeline.hypothetical);
  const metricSources = new SourceRegistry();
  const normalised = normalisedValues(built);
  const rows: ReportRow[] = [];
  for (const [i, site] of sites.entries()) {
    const result = byId.get(site.id);
    if (result === undefined) throw new Error(`score.run left out site ${site.id}`);
    const facts = new Map(
      (await data['metrics.list']({ siteId: site.id })).map((v): [string, MetricValue] => [v.criterionId, v]),
    );
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

  const sensitivity =
    inputs.sensitivity === null
      ? null
      : await sensitivityHandlers(ctx)['sensitivity.run']({
          ...scenario,
          samples: inputs.sensitivity.samples,
          seed: inputs.sensitivity.seed,
          mode: 'around_preset',
          // The report shows no sweep; two points is the least the call computes.
          sweepSteps: 2,
        });

  const whatIf = inputs.scenarioId === undefined ? null : scenarioDetail(ctx.db, inputs.scenarioId);
  const jurisdictionOf = new Map((await data['markets.list']({})).map((mk) => [mk.id, mk.jurisdictionCode]));
  const places = sites.map((s) => ({
    name: s.name,
    country: s.country,
    jurisdictionCode: jurisdictionOf.get(s.marketId) ?? null,
  }));
  const partial: Omit<ReportModel, 'summary'> = {
    format: 'landfall.report',
    version: 1,
    title: request.title || `Siting report: ${preset.name}`,
    author: request.author ?? '',
    createdAt: now.toISOString(),
    asOf: inputs.asOf,
    preset,
    profile,
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
    sensitivity:
      sensitivity === null
        ? null
        : {
            samples: sensitivity.smaa.samples,
            requested: sensitivity.smaa.requested,
            seed: sensitivity.smaa.seed,
            mode: sensitivity.smaa.mode,
            concentration: sensitivity.smaa.concentration,
            valuesSampled: sensitivity.smaa.valuesSampled,
            stability: sensitivity.stability,
            smaa: sensitivity.smaa.sites,
          },
    sources: {
      metrics: metricSources.list(),
      derivations: metricSources.derivations(),
      methodNotRecorded: metricSources.methodNotRecorded(),
      policies: policySources(legality, timeline.events, timeline.hypothetical, places, criteria, inputs.asOf),
      sites: sites.map((s) => ({ siteId: s.id, title: s.source.title, url: s.source.url, asOf: s.source.asOf })),
    },
    dataHealth: healthAppendix(ctx.db, inputs.asOf, options.staleAfterDays),
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

/** Every site's legality answer, from the scoring build (one pass over the timeline, no per-site calls). */
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
function normalisedValues(built: ReturnType<typeof buildScoringInput>): Float64Array {
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
function healthAppendix(db: Db, asOf: string, staleAfterDays: number): ReportModel['dataHealth'] {
  const health = dataHealth(db, { staleAfterDays, asOf });
  return {
    coverage: health.coverage,
    stale: health.summary.stale,
    unsourced: health.summary.unsourced,
    undatedEvents: health.undatedEvents.length,
  };
}

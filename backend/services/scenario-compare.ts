// `scenarios.compare`: the same scoring twice — under the real policy timeline and with a what-if
// scenario's events added — and, per site, both ranks and legality statuses and what changed.
import type { Db } from '../../db/open';
import { getScenario } from '../../db/scenarios-repo';
import type { ScenarioComparison } from '../../shared/calls/scenario-calls';
import type { SiteScore } from '../../shared/calls/score-calls';
import { scoreSites } from '../../shared/engine/score';
import { ServiceError } from '../../shared/errors';
import { buildScoringInput, type BuiltScoring, type ScoringInput } from './score-matrix';

type Side = ScenarioComparison['sites'][number]['real'];

function score(built: BuiltScoring): SiteScore[] {
  let result;
  try {
    result = scoreSites(built.matrix, built.options);
  } catch (e) {
    // The engine refuses impossible inputs (e.g. all weights zero) with a plain Error.
    throw new ServiceError('invalid_input', e instanceof Error ? e.message : String(e));
  }
  const names = new Map(built.sites.map((s) => [s.id, s.name]));
  return result.results.map((r) => ({ ...r, name: names.get(r.siteId) ?? r.siteId }));
}

function side(built: BuiltScoring, r: SiteScore | undefined, siteId: string): Side {
  const legality = built.options.legality?.[siteId];
  return {
    rank: r?.rank ?? null,
    score: r?.score ?? null,
    excluded: r?.excluded ?? true,
    status: legality?.status ?? null,
    reason: legality?.reason ?? null,
  };
}

export function compareScenario(db: Db, input: ScoringInput & { scenarioId: string }): ScenarioComparison {
  const scenario = getScenario(db, input.scenarioId);
  if (scenario === undefined) {
    throw new ServiceError('not_found', `no what-if scenario "${input.scenarioId}" (scenarios.list shows them)`);
  }
  const realBuilt = buildScoringInput(db, { ...input, scenarioId: undefined });
  const whatIfBuilt = buildScoringInput(db, input);
  const real = score(realBuilt);
  const whatIf = score(whatIfBuilt);
  const byId = new Map(whatIf.map((r) => [r.siteId, r]));
  const sites = real
    .map((r) => {
      const a = side(realBuilt, r, r.siteId);
      const b = side(whatIfBuilt, byId.get(r.siteId), r.siteId);
      const changed = { rank: a.rank !== b.rank, status: a.status !== b.status, excluded: a.excluded !== b.excluded };
      return {
        siteId: r.siteId,
        name: r.name,
        real: a,
        whatIf: b,
        changed: { ...changed, any: Object.values(changed).some(Boolean) },
      };
    })
    .sort(
      (x, y) =>
        (x.real.rank ?? Number.MAX_SAFE_INTEGER) - (y.real.rank ?? Number.MAX_SAFE_INTEGER) ||
        x.name.localeCompare(y.name),
    );
  return {
    asOf: realBuilt.options.asOf,
    scenario: { id: scenario.id, name: scenario.name, eventCount: scenario.event_count },
    preset: { id: realBuilt.preset.id, name: realBuilt.preset.name },
    profile: realBuilt.profile === null ? null : { id: realBuilt.profile.id, name: realBuilt.profile.name },
    method: realBuilt.options.method,
    normalisation: realBuilt.normalisation,
    constraints: [...realBuilt.options.constraints],
    real,
    whatIf,
    sites,
    changedCount: sites.filter((s) => s.changed.any).length,
  };
}

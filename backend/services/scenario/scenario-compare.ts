// `scenarios.compare`: the same scoring twice — under the real policy timeline and with a what-if
// scenario's events added — and, per site, both ranks and legality statuses and what changed. The
// store is read once; the two snapshots differ only in the timeline.
import type { Db } from '../../../db/open';
import type { ScenarioComparison } from '../../../shared/calls/scenario-calls';
import type { SiteScore } from '../../../shared/calls/score-calls';
import type { Scenario } from '../../../shared/model/scenario';
import { readScoringData, scenarioSnapshot } from './scenario-snapshot';
import { scoringOf, type BuiltScoring } from '../scoring/score-matrix';
import { scoreRunOf } from '../scoring/score-service';

type Side = ScenarioComparison['sites'][number]['real'];

const score = (built: BuiltScoring): SiteScore[] => scoreRunOf(built).results;

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

export function compareScenario(db: Db, input: Scenario & { scenarioId: string }): ScenarioComparison {
  const data = readScoringData(db, input.scenarioId);
  const scenario = data.whatIf;
  if (scenario === null) throw new Error('readScoringData read no what-if scenario although one was named');
  const realBuilt = scoringOf(scenarioSnapshot({ ...data, whatIf: null }, { ...input, scenarioId: undefined }));
  const whatIfBuilt = scoringOf(scenarioSnapshot(data, input));
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
    scenario: { id: scenario.id, name: scenario.name, eventCount: scenario.eventCount },
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

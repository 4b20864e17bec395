// `score.run` and `score.matrix`: read the scenario's snapshot once (scenario-snapshot.ts), build the
// decision matrix from it (score-matrix.ts), score it with the pure engine, and attach each site's name.
import type { scoreCalls } from '../../../shared/calls/score-calls';
import type { CallOutput } from '../../../shared/contract';
import { scoreSites } from '../../../shared/engine/score';
import { ServiceError } from '../../../shared/errors';
import type { DomainHandlers, ServiceContext } from '../context';
import { readScenarioSnapshot } from '../scenario/scenario-snapshot';
import { scoreMatrixOf } from './score-live-matrix';
import { scoringOf, type BuiltScoring } from './score-matrix';

/** Pure: score.run's answer for a built scoring. */
export function scoreRunOf(built: BuiltScoring): CallOutput<'score.run'> {
  let result;
  try {
    result = scoreSites(built.matrix, built.options);
  } catch (e) {
    // The engine refuses impossible inputs (e.g. all weights zero) with a plain Error.
    throw new ServiceError('invalid_input', e instanceof Error ? e.message : String(e));
  }
  const names = new Map(built.sites.map((s) => [s.id, s.name]));
  return {
    asOf: built.options.asOf,
    preset: { id: built.preset.id, name: built.preset.name },
    profile: built.profile === null ? null : { id: built.profile.id, name: built.profile.name },
    method: result.method,
    normalisation: built.normalisation,
    constraints: [...built.options.constraints],
    weights: result.weights,
    minCoverage: built.options.minCoverage ?? 0,
    thinData: built.options.thinData ?? 'mark',
    results: result.results.map((r) => ({ ...r, name: names.get(r.siteId) ?? r.siteId })),
    uninformative: result.uninformative,
    top: result.top,
    scaleNotes: result.scaleNotes,
  };
}

export function scoreHandlers(ctx: ServiceContext): DomainHandlers<keyof typeof scoreCalls> {
  // ctx.db is read on every call: restoring a backup swaps the connection.
  return {
    'score.matrix': (input) => scoreMatrixOf(readScenarioSnapshot(ctx.db, input)),
    'score.run': (input) => scoreRunOf(scoringOf(readScenarioSnapshot(ctx.db, input))),
  };
}

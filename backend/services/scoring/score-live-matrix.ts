// `score.matrix`: the decision matrix score.run would build for a scenario, over every criterion
// (each weighted 1, so none is left out), in the JSON-safe form the renderer scores while weights
// are dragged (shared/score-live.ts picks the criteria score.run would, from the real weights).
import type { ScoreMatrix } from '../../../shared/calls/score-calls';
import { ServiceError } from '../../../shared/errors';
import type { ScenarioSnapshot } from '../scenario/scenario-snapshot';
import { scoringOf } from './score-matrix';

const wire = (xs: Float64Array): (number | null)[] => Array.from(xs, (x) => (Number.isNaN(x) ? null : x));

/** Pure: the snapshot's matrix over every criterion (the scenario's own weights are not used). */
export function scoreMatrixOf(snapshot: ScenarioSnapshot): ScoreMatrix {
  const all = Object.fromEntries(snapshot.criteria.map((c) => [c.id, 1]));
  const built = scoringOf(snapshot, all);
  const { matrix, options } = built;
  return {
    asOf: options.asOf,
    preset: { id: built.preset.id, name: built.preset.name },
    profile: built.profile === null ? null : { id: built.profile.id, name: built.profile.name },
    method: options.method,
    normalisation: built.normalisation,
    constraints: [...options.constraints],
    presetWeights: { ...built.preset.weights },
    staleAfterDays: options.staleAfterDays,
    minCoverage: options.minCoverage ?? 0,
    thinData: options.thinData ?? 'mark',
    siteIds: [...matrix.siteIds],
    names: built.sites.map((s) => s.name),
    criteria: matrix.criteria.map((c) => {
      if (c.normalisation.kind === 'target') {
        // score-matrix.ts never builds one (stored criteria have no breakpoints); say so if it starts to.
        throw new ServiceError('internal', `criterion "${c.id}" uses a target normalisation, which live scoring lacks`);
      }
      return {
        id: c.id,
        direction: c.direction,
        normalisation: c.normalisation.kind,
        missing: c.missing,
        label: c.label ?? c.id,
        unit: c.unit ?? '',
      };
    }),
    values: wire(matrix.values),
    low: wire(matrix.low),
    high: wire(matrix.high),
    asOfDay: wire(matrix.asOfDay),
    ...(options.legality !== undefined ? { legality: { ...options.legality } } : {}),
  };
}

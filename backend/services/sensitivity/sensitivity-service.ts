// `sensitivity.*` calls: weight sweeps, stability intervals and SMAA for a scenario, on the same
// decision matrix the scoring calls use (scoringOf over the scenario's snapshot), with SMAA progress
// sent as 'sensitivity.progress' events and a cancel that takes effect between chunks. The analysis
// itself (analyseSensitivity) is shared with the report, which runs it on its own snapshot.
import { randomUUID } from 'node:crypto';
import { stabilityIntervals, sweepCriterion, type CriterionSweep } from '../../../shared/engine/sensitivity';
import { createSampleScorer } from '../../../shared/engine/sample-scorer';
import type { SmaaResult, SmaaSettings } from '../../../shared/engine/smaa';
import type { StabilityInterval } from '../../../shared/engine/sensitivity';
import { ServiceError } from '../../../shared/errors';
import type { DomainHandlers, ServiceContext } from '../context';
import { readScenarioSnapshot } from '../scenario/scenario-snapshot';
import { scoringOf, type BuiltScoring } from '../scoring/score-matrix';
import type { SensitivityRunner } from './sensitivity-runner';

export interface SensitivityAnalysis {
  sweep: CriterionSweep[];
  stability: StabilityInterval[];
  smaa: SmaaResult;
}

/**
 * Sweeps (sweepSteps points per criterion; null: none), stability intervals and SMAA of a built
 * scoring, the SMAA run under `runId`, which the caller has claimed on `runner` (so a cancel that
 * arrives before the first chunk is kept).
 */
export async function analyseSensitivity(
  built: BuiltScoring,
  settings: SmaaSettings & { sweepSteps: number | null },
  runner: SensitivityRunner,
  runId: string,
  onProgress: (done: number, total: number) => void,
): Promise<SensitivityAnalysis> {
  const { matrix, options } = built;
  const scorer = createSampleScorer(matrix, options);
  const { sweepSteps, ...smaaSettings } = settings;
  const sweep =
    sweepSteps === null ? [] : matrix.criteria.map((c) => sweepCriterion(matrix, options, c.id, sweepSteps, scorer));
  const stability = stabilityIntervals(matrix, options, scorer);
  const smaa = await runner.run(runId, matrix, options, smaaSettings, onProgress);
  return { sweep, stability, smaa };
}

/** Claims `runId` on the runner (made up when absent) for the length of `work`; a run id in use is refused. */
export async function withRunId<T>(
  runner: SensitivityRunner,
  runId: string | undefined,
  work: (runId: string) => Promise<T>,
): Promise<T> {
  const id = runId ?? randomUUID();
  if (!runner.claim(id)) {
    throw new ServiceError('invalid_input', `a run named "${id}" is already in progress`, [
      { path: 'runId', message: 'already in use by a run in progress' },
    ]);
  }
  try {
    return await work(id);
  } finally {
    runner.release(id);
  }
}

export function sensitivityHandlers(
  ctx: ServiceContext,
  runner: SensitivityRunner,
): DomainHandlers<'sensitivity.run' | 'sensitivity.cancel'> {
  return {
    'sensitivity.run': (input) =>
      withRunId(runner, input.runId, async (runId) => {
        // Everything that reads the store happens here, before the first await.
        const { samples, seed, mode, concentration, sweepSteps } = input;
        const built = scoringOf(readScenarioSnapshot(ctx.db, input));
        const { sweep, stability, smaa } = await analyseSensitivity(
          built,
          { samples, seed, mode, ...(concentration !== undefined ? { concentration } : {}), sweepSteps },
          runner,
          runId,
          (done, total) => ctx.events.emit('sensitivity.progress', { runId, done, total }),
        );
        const { cancelled, ...smaaOut } = smaa;
        return {
          runId,
          asOf: built.options.asOf,
          preset: built.preset,
          profile: built.profile ?? null,
          method: built.options.method,
          samples: smaa.samples,
          seed,
          sweep,
          stability,
          smaa: smaaOut,
          cancelled,
        };
      }),
    'sensitivity.cancel': ({ runId }) => ({ runId, found: runner.cancel(runId) }),
  };
}

// `sensitivity.*` calls: weight sweeps, stability intervals and SMAA for a preset, on the same
// decision matrix the scoring calls use (buildScoringInput), with SMAA progress sent as
// 'sensitivity.progress' events and a cancel that takes effect between chunks.
import { randomUUID } from 'node:crypto';
import { stabilityIntervals, sweepCriterion } from '../../shared/engine/sensitivity';
import { createSampleScorer } from '../../shared/engine/sample-scorer';
import { ServiceError } from '../../shared/errors';
import type { DomainHandlers, ServiceContext } from './context';
import { buildScoringInput } from './score-matrix';
import { createSensitivityRunner } from './sensitivity-runner';

export function sensitivityHandlers(ctx: ServiceContext): DomainHandlers<'sensitivity.run' | 'sensitivity.cancel'> {
  const runner = createSensitivityRunner();
  return {
    'sensitivity.run': async (input) => {
      const runId = input.runId ?? randomUUID();
      if (!runner.claim(runId)) {
        throw new ServiceError('invalid_input', `a sensitivity run named "${runId}" is already in progress`, [
          { path: 'runId', message: 'already in use by a run in progress' },
        ]);
      }
      try {
        // Everything that reads the store happens here, before the first await.
        const built = buildScoringInput(ctx.db, {
          presetId: input.presetId,
          ...(input.profileId !== undefined ? { profileId: input.profileId } : {}),
          ...(input.asOf !== undefined ? { asOf: input.asOf } : {}),
          method: input.method,
          weights: input.weights,
          normalisation: input.normalisation,
          constraints: input.constraints,
          scenarioId: input.scenarioId,
          workload: input.workload,
          legalityMode: input.legalityMode,
          confidenceFloor: input.confidenceFloor,
        });
        const { matrix, options } = built;
        const scorer = createSampleScorer(matrix, options);
        const sweep = matrix.criteria.map((c) => sweepCriterion(matrix, options, c.id, input.sweepSteps, scorer));
        const stability = stabilityIntervals(matrix, options, scorer);
        const smaa = await runner.run(
          runId,
          matrix,
          options,
          {
            samples: input.samples,
            seed: input.seed,
            mode: input.mode,
            ...(input.concentration !== undefined ? { concentration: input.concentration } : {}),
          },
          (done, total) => ctx.events.emit('sensitivity.progress', { runId, done, total }),
        );
        const { cancelled, ...smaaOut } = smaa;
        return {
          runId,
          asOf: options.asOf,
          preset: built.preset,
          profile: built.profile ?? null,
          method: options.method,
          samples: smaa.samples,
          seed: input.seed,
          sweep,
          stability,
          smaa: smaaOut,
          cancelled,
        };
      } finally {
        runner.release(runId);
      }
    },
    'sensitivity.cancel': ({ runId }) => ({ runId, found: runner.cancel(runId) }),
  };
}

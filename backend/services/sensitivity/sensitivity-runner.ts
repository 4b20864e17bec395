// Runs SMAA for the backend without blocking it. A large run (samples × sites × criteria at least
// PARALLEL_MIN_WORK) goes to the process's pool of worker threads (smaa-parallel.ts), which uses
// every core while this thread stays free for IPC and HTTP; the threads report each finished block
// of 250 samples and a cancel stops them taking more blocks. Smaller runs, and every run where
// there is no pool (one core, or the engine running from TypeScript sources as under vitest), draw
// their samples here in chunks with setImmediate between them, so other calls (sensitivity.cancel
// among them) keep being answered and a cancel takes effect at the next chunk. Both give the same
// result for a seed, bit for bit (shared/engine/smaa.ts: per-block random streams, integer tallies).
import { setImmediate as nextTurn } from 'node:timers/promises';
import { runSmaaAsync, type SmaaResult, type SmaaSettings } from '../../../shared/engine/smaa';
import type { DecisionMatrix, ScoreOptions } from '../../../shared/engine/types';
import { defaultSmaaPool, type SmaaPool } from './smaa-parallel';

export interface SensitivityRunner {
  /** True while a run with this id is in progress. */
  has(runId: string): boolean;
  /** Marks the run to stop at its next chunk; false if no such run is in progress. */
  cancel(runId: string): boolean;
  /**
   * Runs SMAA under `runId` (which must be free: call `claim` first to reserve it synchronously),
   * reporting progress after every chunk.
   */
  run(
    runId: string,
    matrix: DecisionMatrix,
    options: ScoreOptions,
    settings: SmaaSettings,
    onProgress: (done: number, total: number) => void,
  ): Promise<SmaaResult>;
  /** Reserves a run id before any synchronous preparation, so a cancel that arrives early is kept. */
  claim(runId: string): boolean;
  release(runId: string): void;
}

export interface SensitivityRunnerOptions {
  /** The worker-thread pool; default: the process's (defaultSmaaPool), null: always this thread. */
  pool?: SmaaPool | null;
  /** Work (samples × sites × criteria) from which a run goes to the pool. */
  parallelMinWork?: number;
}

const CHUNK = 500;

/**
 * Below this much work (about 50 ms on one core) starting the threads' share costs more than it
 * saves; at 10 000 samples × 1 000 sites × 20 criteria (2·10^8) the pool halves the time on 2 cores.
 */
export const PARALLEL_MIN_WORK = 5_000_000;

export function createSensitivityRunner(runnerOptions: SensitivityRunnerOptions = {}): SensitivityRunner {
  /** runId → whether a cancel was asked for. */
  const active = new Map<string, { stop: boolean }>();
  const minWork = runnerOptions.parallelMinWork ?? PARALLEL_MIN_WORK;
  const poolFor = (work: number): SmaaPool | null => {
    if (work < minWork) return null;
    return runnerOptions.pool !== undefined ? runnerOptions.pool : defaultSmaaPool();
  };
  return {
    has: (runId) => active.has(runId),
    claim(runId) {
      if (active.has(runId)) return false;
      active.set(runId, { stop: false });
      return true;
    },
    release(runId) {
      active.delete(runId);
    },
    cancel(runId) {
      const state = active.get(runId);
      if (!state) return false;
      state.stop = true;
      return true;
    },
    async run(runId, matrix, options, settings, onProgress) {
      const state = active.get(runId) ?? { stop: false };
      active.set(runId, state);
      try {
        const pool = poolFor(settings.samples * matrix.siteIds.length * matrix.criteria.length);
        if (pool !== null)
          return await pool.run(matrix, options, settings, { onProgress, shouldStop: () => state.stop });
        return await runSmaaAsync(matrix, options, settings, {
          chunkSize: CHUNK,
          pause: () => nextTurn(),
          shouldStop: () => state.stop,
          onProgress,
        });
      } finally {
        active.delete(runId);
      }
    },
  };
}

// Runs SMAA for the backend without blocking it: the samples are drawn in chunks with setImmediate
// between them, so other calls (sensitivity.cancel among them), IPC and HTTP keep being answered while
// a run is in progress, and a cancel takes effect at the next chunk.
//
// Why not node:worker_threads: the backend is bundled into several entry points (Electron main, CLI,
// browser-mode server) and also runs from TypeScript sources under vitest, where a separate worker
// file would need its own build step and loader; a chunk of 500 samples on 1 000 sites takes a few
// tens of milliseconds, short enough to interleave. The message protocol for a real worker is
// shared/engine/smaa-worker-protocol.ts (the renderer's renderer/src/workers/smaa.worker.ts uses it).
import { setImmediate as nextTurn } from 'node:timers/promises';
import { runSmaaAsync, type SmaaResult, type SmaaSettings } from '../../shared/engine/smaa';
import type { DecisionMatrix, ScoreOptions } from '../../shared/engine/types';

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

const CHUNK = 500;

export function createSensitivityRunner(): SensitivityRunner {
  /** runId → whether a cancel was asked for. */
  const active = new Map<string, { stop: boolean }>();
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

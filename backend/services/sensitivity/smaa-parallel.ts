// SMAA on worker threads: the samples' blocks (shared/engine/smaa.ts, SMAA_BLOCK samples each, each
// block drawing from its own sub-stream of the seed) are shared out among the threads through a
// counter in shared memory: a thread takes the next block with one atomic add and runs until none
// is left, so no thread ever waits for this thread to hand it work (with this thread queued behind
// other work, a round trip per block could leave a thread idle). Each thread tallies
// its blocks and reports each one done (for progress); the tallies (integers) are added up at the
// end. Which thread drew which block changes nothing: a seed gives the same result, bit for bit, as
// runSmaa on one thread, with any number of threads and under any load. A stop flag in the same
// memory ends the run after the blocks in progress (a cancel, or a failure elsewhere).
//
// The thread code is the bundle scripts/build-node.mjs writes next to each Node entry point
// (dist/node/smaa-worker.cjs, dist/electron/smaa-worker.cjs). It is read with fs and started with
// `eval`, which also works from inside Electron's app.asar. Where there is no bundle (the engine run
// from TypeScript sources, as under vitest) or only one core, there is no pool and SMAA runs on the
// calling thread in chunks (sensitivity-runner.ts).
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { rangedCells } from '../../../shared/engine/sample-scorer';
import {
  checkSmaaSettings,
  createSmaaTally,
  mergeSmaaTally,
  smaaResult,
  type SmaaResult,
  type SmaaSettings,
  type SmaaTally,
} from '../../../shared/engine/smaa';
import type { DecisionMatrix, ScoreOptions } from '../../../shared/engine/types';

/**
 * A run for a thread: it takes blocks from `claim` (Int32Array over it: [NEXT_BLOCK] the next block
 * to take, [STOP] non-zero to take no more) until none is left, then sends its tally.
 */
export interface SmaaThreadRequest {
  type: 'start';
  job: number;
  matrix: DecisionMatrix;
  options: ScoreOptions;
  settings: SmaaSettings;
  claim: SharedArrayBuffer;
}

export type SmaaThreadReply =
  | { type: 'done'; job: number; from: number; to: number }
  | { type: 'tally'; job: number; tally: SmaaTally }
  | { type: 'error'; job: number; message: string };

/** Slots of the shared claim array. */
export const NEXT_BLOCK = 0;
export const STOP = 1;

export interface SmaaPoolControl {
  onProgress?: (done: number, total: number) => void;
  /** Checked after every block; true stops the threads taking blocks and the run reports cancelled. */
  shouldStop?: () => boolean;
}

export interface SmaaPool {
  readonly threads: number;
  run(
    matrix: DecisionMatrix,
    options: ScoreOptions,
    settings: SmaaSettings,
    control?: SmaaPoolControl,
  ): Promise<SmaaResult>;
  /** Stops the threads (a run in progress fails). */
  close(): Promise<void>;
}

interface Job {
  onReply(reply: SmaaThreadReply): void;
  onFailure(error: Error): void;
}

/** A pool of `threads` SMAA threads running `source` (the worker bundle's code). */
export function createSmaaPool(source: string, threads: number): SmaaPool {
  const size = Math.max(1, Math.floor(threads));
  const workers: (Worker | null)[] = new Array<Worker | null>(size).fill(null);
  const jobs = new Map<number, Job>();
  let nextJob = 1;

  const failAll = (error: Error): void => {
    for (const job of [...jobs.values()]) job.onFailure(error);
  };
  const worker = (t: number): Worker => {
    const existing = workers[t];
    if (existing) return existing;
    const w = new Worker(source, { eval: true });
    w.on('message', (reply: SmaaThreadReply) => jobs.get(reply.job)?.onReply(reply));
    w.on('error', (error) => {
      workers[t] = null;
      failAll(error instanceof Error ? error : new Error(String(error)));
    });
    w.on('exit', (code) => {
      if (workers[t] !== w) return;
      workers[t] = null;
      if (jobs.size > 0) failAll(new Error(`an SMAA thread stopped (exit code ${code})`));
    });
    w.unref();
    workers[t] = w;
    return w;
  };
  // Idle threads must not keep a CLI process alive; busy ones must.
  const hold = (): void => {
    for (const w of workers) w?.ref();
  };
  const release = (): void => {
    if (jobs.size === 0) for (const w of workers) w?.unref();
  };

  return {
    threads: size,
    run(matrix, options, settings, control = {}) {
      return new Promise<SmaaResult>((resolve, reject) => {
        const concentration = checkSmaaSettings(settings);
        const valuesSampled = settings.sampleValues !== false && rangedCells(matrix).cell.length > 0;
        const job = nextJob++;
        const total = settings.samples;
        const tally = createSmaaTally(matrix.siteIds.length);
        const claim = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
        const flags = new Int32Array(claim);
        const stop = (): void => void Atomics.store(flags, STOP, 1);
        let done = 0;
        let stopped = control.shouldStop?.() === true;
        if (stopped) stop();
        let tallies = 0;
        let finished = false;
        const finish = (error: Error | null, result?: SmaaResult): void => {
          if (finished) return;
          finished = true;
          jobs.delete(job);
          release();
          if (error) {
            stop(); // the other threads take no more blocks of a failed run
            reject(error);
          } else resolve(result as SmaaResult);
        };
        jobs.set(job, {
          onReply(reply) {
            if (reply.type === 'error') {
              finish(new Error(reply.message));
              return;
            }
            if (reply.type === 'done') {
              done += reply.to - reply.from;
              control.onProgress?.(done, total);
              if (!stopped && control.shouldStop?.() === true) {
                stopped = true;
                stop();
              }
              return;
            }
            mergeSmaaTally(tally, reply.tally);
            if (++tallies < size) return;
            const cancelled = tally.samples < total;
            finish(null, smaaResult(matrix, settings, { concentration, valuesSampled }, tally, cancelled));
          },
          onFailure: (error) => finish(error),
        });
        try {
          for (let t = 0; t < size; t++) {
            worker(t).postMessage({
              type: 'start',
              job,
              matrix,
              options,
              settings,
              claim,
            } satisfies SmaaThreadRequest);
          }
          hold();
        } catch (error) {
          finish(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    async close() {
      failAll(new Error('the SMAA threads were closed'));
      const all = workers.splice(0, workers.length, ...new Array<Worker | null>(size).fill(null));
      await Promise.all(all.map((w) => w?.terminate()));
    },
  };
}

/** The worker bundle next to the running bundle, or null (running from sources, or not built). */
export function smaaWorkerSource(): string | null {
  const dir = typeof __dirname === 'string' ? __dirname : null;
  if (dir === null) return null;
  const file = join(dir, 'smaa-worker.cjs');
  try {
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  } catch {
    return null;
  }
}

let shared: SmaaPool | null | undefined;

/**
 * The process's pool, started on first use: one thread per core (at most 4), or null with one core
 * or no worker bundle.
 */
export function defaultSmaaPool(): SmaaPool | null {
  if (shared !== undefined) return shared;
  const cores = availableParallelism();
  const source = cores >= 2 ? smaaWorkerSource() : null;
  shared = source === null ? null : createSmaaPool(source, Math.min(cores, 4));
  return shared;
}

// Messages between a UI (or backend) thread and an SMAA worker, and the worker side's loop. Plain
// objects and typed arrays only, so they survive structured clone (postMessage) unchanged.
//
// The worker handles one run at a time per runId: 'start' begins it, 'progress' messages follow after
// every chunk, then exactly one 'result' (cancelled: true if a 'cancel' arrived first) or 'error'.
import { runSmaaAsync, type SmaaMode, type SmaaResult } from './smaa';
import type { DecisionMatrix, ScoreOptions } from './types';

export interface SmaaStartMessage {
  type: 'start';
  runId: string;
  matrix: DecisionMatrix;
  options: ScoreOptions;
  samples: number;
  seed: number;
  mode: SmaaMode;
  concentration?: number;
  sampleValues?: boolean;
  chunkSize?: number;
}

export interface SmaaCancelMessage {
  type: 'cancel';
  runId: string;
}

export type SmaaWorkerRequest = SmaaStartMessage | SmaaCancelMessage;

export type SmaaWorkerResponse =
  | { type: 'progress'; runId: string; done: number; total: number }
  | { type: 'result'; runId: string; result: SmaaResult }
  | { type: 'error'; runId: string; message: string };

/** Yields to the event loop so a 'cancel' message can arrive between chunks. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The worker's message handler: give it every incoming message; it answers through `post`. Works
 * in a Web Worker (self.onmessage) and in node:worker_threads (parentPort.on('message')).
 */
export function createSmaaWorkerHost(
  post: (message: SmaaWorkerResponse) => void,
): (message: SmaaWorkerRequest) => void {
  const cancelled = new Set<string>();
  return (message) => {
    if (message.type === 'cancel') {
      cancelled.add(message.runId);
      return;
    }
    const { runId } = message;
    cancelled.delete(runId);
    runSmaaAsync(
      message.matrix,
      message.options,
      {
        samples: message.samples,
        seed: message.seed,
        mode: message.mode,
        ...(message.concentration !== undefined ? { concentration: message.concentration } : {}),
        ...(message.sampleValues !== undefined ? { sampleValues: message.sampleValues } : {}),
      },
      {
        ...(message.chunkSize !== undefined ? { chunkSize: message.chunkSize } : {}),
        pause: yieldToEvents,
        shouldStop: () => cancelled.has(runId),
        onProgress: (done, total) => post({ type: 'progress', runId, done, total }),
      },
    ).then(
      (result) => {
        cancelled.delete(runId);
        post({ type: 'result', runId, result });
      },
      (error: unknown) => {
        cancelled.delete(runId);
        post({ type: 'error', runId, message: error instanceof Error ? error.message : String(error) });
      },
    );
  };
}

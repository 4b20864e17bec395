// The SMAA worker thread (bundled to smaa-worker.cjs next to each Node entry point by
// scripts/build-node.mjs; backend/services/smaa-parallel.ts starts it). It keeps one sampler per job
// and draws whole blocks of samples into that job's tally when asked; the tally goes back to the
// main thread, which merges the threads' tallies (integers, so the order does not matter).
import { parentPort } from 'node:worker_threads';
import { createSmaaSampler, createSmaaTally, type SmaaSampler, type SmaaTally } from '../../shared/engine/smaa';
import type { SmaaThreadReply, SmaaThreadRequest } from './smaa-parallel';

const port = parentPort;
if (port === null) throw new Error('smaa-worker runs as a worker thread');

const jobs = new Map<number, { sampler: SmaaSampler; tally: SmaaTally }>();
const post = (reply: SmaaThreadReply, transfer?: ArrayBuffer[]): void => port.postMessage(reply, transfer);
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

port.on('message', (request: SmaaThreadRequest) => {
  const { job } = request;
  try {
    if (request.type === 'start') {
      const sampler = createSmaaSampler(request.matrix, request.options, request.settings);
      jobs.set(job, { sampler, tally: createSmaaTally(sampler.sites) });
    } else if (request.type === 'blocks') {
      const state = jobs.get(job);
      if (!state) return; // dropped (the run failed elsewhere)
      state.sampler.run(request.from, request.to, state.tally);
      post({ type: 'done', job, from: request.from, to: request.to });
    } else if (request.type === 'finish') {
      const state = jobs.get(job);
      jobs.delete(job);
      if (!state) return;
      const { tally } = state;
      post({ type: 'tally', job, tally }, [
        tally.counts.buffer,
        tally.excluded.buffer,
        tally.tiedFirst.buffer,
        tally.rankSum.buffer,
      ] as ArrayBuffer[]);
    } else jobs.delete(job);
  } catch (error) {
    jobs.delete(job);
    post({ type: 'error', job, message: message(error) });
  }
});

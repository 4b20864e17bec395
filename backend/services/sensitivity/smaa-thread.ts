// The SMAA worker thread (bundled to smaa-worker.cjs next to each Node entry point by
// scripts/build-node.mjs; backend/services/sensitivity/smaa-parallel.ts starts it). For each run it makes a
// sampler and takes blocks of samples from the run's shared counter until none is left (or the stop
// flag is up), reporting each block done; then its tally goes back to the main thread, which merges
// the threads' tallies (integers, so the order does not matter).
import { parentPort } from 'node:worker_threads';
import { createSmaaSampler, createSmaaTally, SMAA_BLOCK } from '../../../shared/engine/smaa';
import { NEXT_BLOCK, STOP, type SmaaThreadReply, type SmaaThreadRequest } from './smaa-parallel';

const port = parentPort;
if (port === null) throw new Error('smaa-worker runs as a worker thread');

const post = (reply: SmaaThreadReply, transfer?: ArrayBuffer[]): void => port.postMessage(reply, transfer);
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

port.on('message', (request: SmaaThreadRequest) => {
  const { job, settings } = request;
  try {
    const sampler = createSmaaSampler(request.matrix, request.options, settings);
    const tally = createSmaaTally(sampler.sites);
    const flags = new Int32Array(request.claim);
    const blocks = Math.ceil(settings.samples / SMAA_BLOCK);
    while (Atomics.load(flags, STOP) === 0) {
      const block = Atomics.add(flags, NEXT_BLOCK, 1);
      if (block >= blocks) break;
      const from = block * SMAA_BLOCK;
      const to = Math.min(settings.samples, from + SMAA_BLOCK);
      sampler.run(from, to, tally);
      post({ type: 'done', job, from, to });
    }
    post({ type: 'tally', job, tally }, [
      tally.counts.buffer,
      tally.excluded.buffer,
      tally.tiedFirst.buffer,
      tally.rankSum.buffer,
    ] as ArrayBuffer[]);
  } catch (error) {
    post({ type: 'error', job, message: message(error) });
  }
});

// SMAA off the UI thread. Start it with
//   new Worker(new URL('./workers/smaa.worker.ts', import.meta.url), { type: 'module' })
// and talk to it with the messages of shared/engine/smaa-worker-protocol.ts.
import { createSmaaWorkerHost, type SmaaWorkerRequest } from '../../../shared/engine/smaa-worker-protocol';

const scope = self as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<SmaaWorkerRequest>) => void) | null;
};

const handle = createSmaaWorkerHost((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);

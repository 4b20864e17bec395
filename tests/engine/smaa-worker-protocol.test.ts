// The worker side of the SMAA protocol, driven directly (no real worker): start, progress, result, cancel.
import { describe, expect, it } from 'vitest';
import { runSmaa } from '../../shared/engine/smaa';
import { createSmaaWorkerHost, type SmaaWorkerResponse } from '../../shared/engine/smaa-worker-protocol';
import { optionsOf, randomMatrix, randomWeights } from './sensitivity-fixtures';

const matrix = randomMatrix(20, 4, 40);
const options = optionsOf(randomWeights(4, 41));

function host(): {
  messages: SmaaWorkerResponse[];
  handle: ReturnType<typeof createSmaaWorkerHost>;
  end: Promise<void>;
} {
  const messages: SmaaWorkerResponse[] = [];
  let finish: () => void = () => undefined;
  const end = new Promise<void>((resolve) => (finish = resolve));
  const handle = createSmaaWorkerHost((m) => {
    // Structured clone, as postMessage would do.
    messages.push(structuredClone(m));
    if (m.type !== 'progress') finish();
  });
  return { messages, handle, end };
}

describe('createSmaaWorkerHost', () => {
  it('reports progress, then the same result runSmaa gives', async () => {
    const { messages, handle, end } = host();
    handle({ type: 'start', runId: 'r', matrix, options, samples: 1000, seed: 5, mode: 'uniform', chunkSize: 250 });
    await end;
    expect(messages.filter((m) => m.type === 'progress').map((m) => (m.type === 'progress' ? m.done : 0))).toEqual([
      250, 500, 750, 1000,
    ]);
    const last = messages.at(-1);
    expect(last?.type).toBe('result');
    if (last?.type === 'result') {
      expect(last.result).toEqual(runSmaa(matrix, options, { samples: 1000, seed: 5, mode: 'uniform' }));
    }
  });

  it('cancels between chunks', async () => {
    const { messages, handle, end } = host();
    handle({
      type: 'start',
      runId: 'c',
      matrix,
      options,
      samples: 1_000_000,
      seed: 1,
      mode: 'uniform',
      chunkSize: 100,
    });
    setTimeout(() => handle({ type: 'cancel', runId: 'c' }), 10);
    await end;
    const last = messages.at(-1);
    expect(last?.type).toBe('result');
    if (last?.type === 'result') {
      expect(last.result.cancelled).toBe(true);
      expect(last.result.samples).toBeLessThan(1_000_000);
    }
  });

  it('answers a bad start with an error message', async () => {
    const { messages, handle, end } = host();
    handle({ type: 'start', runId: 'e', matrix, options, samples: 0, seed: 1, mode: 'uniform' });
    await end;
    expect(messages).toEqual([{ type: 'error', runId: 'e', message: 'samples must be a positive integer' }]);
  });
});

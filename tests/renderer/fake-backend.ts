// A Transport backed by the real dispatcher over an in-memory store, for renderer tests.
import { createBackend, type Backend } from '../../backend/backend';
import type { Transport } from '../../renderer/src/api/transport';

export function inMemoryTransport(): { transport: Transport; backend: Backend; calls: string[] } {
  const backend = createBackend({ dbPath: ':memory:', version: 'test' });
  const calls: string[] = [];
  const transport: Transport = {
    kind: 'http',
    call: (name, input) => {
      calls.push(name);
      // A round trip through JSON, as over a real transport.
      return backend.dispatch(name, JSON.parse(JSON.stringify(input ?? {})));
    },
    subscribe: (event, listener) => backend.events.onAny((name, payload) => name === event && listener(payload)),
  };
  return { transport, backend, calls };
}

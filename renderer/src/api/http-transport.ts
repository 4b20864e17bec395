// Browser mode's transport: POST /api/<call> with the per-launch token the server put in the page,
// and a streamed GET /api/events for push notifications.
import type { Transport } from './transport';

export const TOKEN_HEADER = 'x-landfall-token';

export function httpTransport(token: string, fetchImpl: typeof fetch = fetch): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let streaming = false;

  async function stream(): Promise<void> {
    const res = await fetchImpl('/api/events', { headers: { [TOKEN_HEADER]: token } });
    if (!res.ok || res.body === null) return;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim() === '') continue;
        const message = JSON.parse(line) as { event: string; payload: unknown };
        for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
      }
    }
  }

  return {
    kind: 'http',
    async call(name, input) {
      const res = await fetchImpl(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
      });
      return res.json();
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      if (!streaming) {
        streaming = true;
        stream()
          .catch(() => undefined)
          .finally(() => {
            streaming = false;
          });
      }
      return () => set.delete(listener);
    },
  };
}

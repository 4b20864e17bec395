// The renderer's one client: typed calls over whichever transport exists. Components use this and
// never learn whether they run in Electron or in a browser.
import {
  contract,
  type CallInput,
  type CallName,
  type CallOutput,
  type EventName,
  type EventPayload,
  events,
} from '../../../shared/contract';
import { ApiCallError, ResultEnvelope } from '../../../shared/errors';
import type { LandfallBridge } from '../../../shared/ipc-channels';
import { httpTransport } from './http-transport';
import { ipcTransport } from './ipc-transport';
import type { Transport } from './transport';

export interface Client {
  readonly transport: Transport['kind'];
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(transport: Transport): Client {
  return {
    transport: transport.kind,
    async call(name, input) {
      const envelope = ResultEnvelope.parse(await transport.call(name, input));
      if (!envelope.ok) throw new ApiCallError(envelope.error);
      return contract[name].output.parse(envelope.value) as CallOutput<typeof name>;
    },
    subscribe(event, listener) {
      return transport.subscribe(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof event>);
      });
    },
  };
}

declare global {
  interface Window {
    landfall?: LandfallBridge;
  }
}

/** Electron's preload bridge if present, otherwise browser mode with the token in the page. */
export function pickTransport(win: Window = window): Transport {
  if (win.landfall !== undefined) return ipcTransport(win.landfall);
  const token = win.document.querySelector<HTMLMetaElement>('meta[name="landfall-token"]')?.content;
  if (!token) throw new Error('No backend found: open Landfall from the desktop app or from `npm run serve`.');
  return httpTransport(token);
}

// The desktop app's transport: the preload's `window.landfall` bridge.
import type { LandfallBridge } from '../../../shared/ipc-channels';
import type { Transport } from './transport';

export function ipcTransport(bridge: LandfallBridge): Transport {
  return {
    kind: 'ipc',
    call: (name, input) => bridge.call(name, input),
    subscribe: (event, listener) => bridge.subscribe(event, listener),
  };
}

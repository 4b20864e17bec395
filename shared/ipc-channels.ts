// Channel names shared by the preload and the main process; nothing else crosses the bridge.
export const IPC_CALL = 'landfall:call';
export const IPC_EVENT = 'landfall:event';

/** The object the preload exposes as `window.landfall`. */
export interface LandfallBridge {
  call(name: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

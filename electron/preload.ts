// The keyhole between the page and the main process: `window.landfall.call` and `.subscribe`,
// nothing else. No ipcRenderer, no event objects, no Node APIs reach the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CALL, IPC_EVENT, type LandfallBridge } from '../shared/ipc-channels';

const bridge = {
  call: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_CALL, String(name), input),
  subscribe: (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const wanted = String(event);
    const forward = (_e: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === wanted) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, forward);
    };
  },
} satisfies LandfallBridge;

contextBridge.exposeInMainWorld('landfall', bridge);

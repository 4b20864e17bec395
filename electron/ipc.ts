// Binds the contract to Electron IPC: one invoke channel for calls, one push channel for events.
// Only the app's own top-level frame may call; anything else is refused before the backend sees it.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Backend } from '../backend/backend';
import { failure } from '../shared/errors';
import { IPC_CALL, IPC_EVENT } from '../shared/ipc-channels';
import { isAppUrl } from './app-url';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export function bindIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  backend: Pick<Backend, 'dispatch' | 'events'>,
  listeners: () => WebContents[],
): () => void {
  ipcMain.handle(IPC_CALL, (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event)) {
      return failure('forbidden', 'this frame may not call the Landfall backend');
    }
    if (typeof name !== 'string') return failure('unknown_call', 'a call name must be a string');
    return backend.dispatch(name, input);
  });
  const off = backend.events.onAny((name, payload) => {
    for (const contents of listeners()) {
      if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(IPC_EVENT, name, payload);
    }
  });
  return () => {
    ipcMain.removeHandler(IPC_CALL);
    off();
  };
}

import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import type { Dispatch } from '../../backend/dispatcher';
import { createEventBus } from '../../backend/event-bus';
import { bindIpc, isTrustedSender } from '../../electron/ipc';
import { callNames } from '../../shared/contract';
import { ResultEnvelope, type Result } from '../../shared/errors';
import { IPC_CALL, IPC_EVENT } from '../../shared/ipc-channels';
import { FakeWebContents } from './fakes';

vi.mock('electron', () => ({}));

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

function fakeIpcMain(): {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  handlers: Map<string, InvokeHandler>;
  removeHandler: Mock<(channel: string) => void>;
} {
  const handlers = new Map<string, InvokeHandler>();
  const removeHandler = vi.fn<(channel: string) => void>((channel) => {
    handlers.delete(channel);
  });
  const ipcMain = {
    handle: (channel: string, listener: InvokeHandler): void => {
      if (handlers.has(channel)) throw new Error(`a second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler,
  };
  return { ipcMain, handlers, removeHandler };
}

function fakeBackend(): Pick<Backend, 'dispatch' | 'events'> & { dispatch: Mock<Dispatch> } {
  const dispatch = vi.fn<Dispatch>((name) => Promise.resolve({ ok: true, value: `dispatched ${name}` }));
  return { dispatch, events: createEventBus() };
}

const APP_FRAME: FakeFrame = { url: 'app://landfall/index.html', parent: null };

function invokeEvent(frame: FakeFrame | null): IpcMainInvokeEvent {
  return { senderFrame: frame, sender: {} } as unknown as IpcMainInvokeEvent;
}

function callHandler(handlers: Map<string, InvokeHandler>): InvokeHandler {
  const handler = handlers.get(IPC_CALL);
  if (handler === undefined) throw new Error(`no handler for ${IPC_CALL}`);
  return handler;
}

let unbinds: (() => void)[] = [];
function bind(
  backend: Pick<Backend, 'dispatch' | 'events'>,
  contents: FakeWebContents[] = [],
): ReturnType<typeof fakeIpcMain> & { unbind: () => void } {
  const fake = fakeIpcMain();
  const unbind = bindIpc(fake.ipcMain, backend, () => contents.map((c) => c.asWebContents()));
  unbinds.push(unbind);
  return { ...fake, unbind };
}

afterEach(() => {
  for (const unbind of unbinds) unbind();
  unbinds = [];
});

describe('bindIpc: calls', () => {
  it('registers exactly one invoke handler, on the call channel', () => {
    const { handlers } = bind(fakeBackend());
    expect([...handlers.keys()]).toEqual(['landfall:call']);
  });

  it('the contract has calls to check', () => {
    expect(callNames.length).toBeGreaterThan(0);
  });

  it.each(callNames)('forwards %s from the app frame to dispatch with its input', async (name) => {
    const backend = fakeBackend();
    const { handlers } = bind(backend);
    const input = { probe: name };
    const result = await callHandler(handlers)(invokeEvent(APP_FRAME), name, input);
    expect(backend.dispatch.mock.calls).toEqual([[name, input]]);
    expect(result).toEqual({ ok: true, value: `dispatched ${name}` });
  });

  it('every contract call reaches a real handler in the real backend', async () => {
    const backend = createBackend({ dbPath: ':memory:', version: 't' });
    const { handlers, unbind } = bind(backend);
    try {
      for (const name of callNames) {
        const raw = await callHandler(handlers)(invokeEvent(APP_FRAME), name, {});
        const result = ResultEnvelope.parse(raw) as Result<unknown>;
        if (!result.ok) {
          expect.soft(result.error.code, `${name}: ${result.error.message}`).not.toBe('unknown_call');
          expect.soft(result.error.code, name).not.toBe('forbidden');
        }
      }
      const info = ResultEnvelope.parse(await callHandler(handlers)(invokeEvent(APP_FRAME), 'app.info', {}));
      expect(info.ok).toBe(true);
      const missing = ResultEnvelope.parse(await callHandler(handlers)(invokeEvent(APP_FRAME), 'no.such.call', {}));
      expect(missing.ok ? null : missing.error.code).toBe('unknown_call');
    } finally {
      unbind();
      backend.close();
    }
  });

  it('refuses a name that is not a string without calling dispatch', async () => {
    const backend = fakeBackend();
    const { handlers } = bind(backend);
    const result = (await callHandler(handlers)(
      invokeEvent(APP_FRAME),
      { toString: () => 'app.info' },
      {},
    )) as Result<unknown>;
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('unknown_call');
    expect(backend.dispatch).not.toHaveBeenCalled();
  });

  it.each<[string, FakeFrame | null]>([
    ['a web page', { url: 'https://evil.example/', parent: null }],
    ['a local file', { url: 'file:///x', parent: null }],
    ['another app host', { url: 'app://evil/index.html', parent: null }],
    ['the browser-mode server', { url: 'http://127.0.0.1:5177/', parent: null }],
    ['a subframe of the app', { url: 'app://landfall/index.html', parent: APP_FRAME }],
    ['a frame that is gone', null],
    ['a frame with an empty url', { url: '', parent: null }],
  ])('refuses a call from %s as forbidden, before the backend sees it', async (_label, frame) => {
    const backend = fakeBackend();
    const { handlers } = bind(backend);
    const result = await callHandler(handlers)(invokeEvent(frame), 'app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(backend.dispatch).not.toHaveBeenCalled();
  });

  it('isTrustedSender accepts only the top-level app frame', () => {
    expect(isTrustedSender(invokeEvent(APP_FRAME))).toBe(true);
    expect(isTrustedSender(invokeEvent({ url: 'app://landfall/index.html', parent: APP_FRAME }))).toBe(false);
    expect(isTrustedSender(invokeEvent(null))).toBe(false);
  });
});

describe('bindIpc: events', () => {
  it('pushes backend events only to live app pages', () => {
    const backend = fakeBackend();
    const app = new FakeWebContents('app://landfall/index.html');
    const appElsewhere = new FakeWebContents('app://landfall/index.html#/map');
    const destroyed = new FakeWebContents('app://landfall/index.html');
    destroyed.destroyed = true;
    const web = new FakeWebContents('https://evil.example/');
    const file = new FakeWebContents('file:///x');
    const devtools = new FakeWebContents('devtools://devtools/bundled/devtools_app.html');
    bind(backend, [app, appElsewhere, destroyed, web, file, devtools]);

    backend.events.emit('data.changed', { tables: ['sites'] });

    expect(app.send.mock.calls).toEqual([[IPC_EVENT, 'data.changed', { tables: ['sites'] }]]);
    expect(appElsewhere.send.mock.calls).toEqual([['landfall:event', 'data.changed', { tables: ['sites'] }]]);
    expect(destroyed.send).not.toHaveBeenCalled();
    expect(web.send).not.toHaveBeenCalled();
    expect(file.send).not.toHaveBeenCalled();
    expect(devtools.send).not.toHaveBeenCalled();
  });

  it('asks for the current list of pages at each event', () => {
    const backend = fakeBackend();
    const pages: FakeWebContents[] = [];
    bind(backend, pages);
    const late = new FakeWebContents();
    pages.push(late);
    backend.events.emit('data.changed', { tables: [] });
    expect(late.send.mock.calls).toEqual([[IPC_EVENT, 'data.changed', { tables: [] }]]);
  });
});

describe('bindIpc: unbind', () => {
  it('removes the call handler and stops forwarding events', () => {
    const backend = fakeBackend();
    const page = new FakeWebContents();
    const { handlers, removeHandler, unbind } = bind(backend, [page]);
    unbind();
    expect(removeHandler.mock.calls).toEqual([[IPC_CALL]]);
    expect(handlers.has(IPC_CALL)).toBe(false);
    backend.events.emit('data.changed', { tables: ['sites'] });
    expect(page.send).not.toHaveBeenCalled();
  });
});

import { EventEmitter } from 'node:events';
import type { IpcRendererEvent } from 'electron';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { LandfallBridge } from '../../shared/ipc-channels';

type Forward = (event: IpcRendererEvent, ...args: unknown[]) => void;

interface FakeRenderer {
  emitter: EventEmitter;
  invoke: Mock<(channel: string, ...args: unknown[]) => Promise<unknown>>;
  on: Mock<(channel: string, listener: Forward) => void>;
  removeListener: Mock<(channel: string, listener: Forward) => void>;
}

let exposeInMainWorld: Mock<(key: string, api: unknown) => void>;
let ipcRenderer: FakeRenderer;

function fakeIpcRenderer(): FakeRenderer {
  const emitter = new EventEmitter();
  return {
    emitter,
    invoke: vi.fn((channel: string, ...args: unknown[]) => Promise.resolve({ ok: true, value: { channel, args } })),
    on: vi.fn((channel: string, listener: Forward) => {
      emitter.on(channel, listener);
    }),
    removeListener: vi.fn((channel: string, listener: Forward) => {
      emitter.removeListener(channel, listener);
    }),
  };
}

async function loadPreload(): Promise<LandfallBridge> {
  vi.resetModules();
  exposeInMainWorld = vi.fn<(key: string, api: unknown) => void>();
  ipcRenderer = fakeIpcRenderer();
  const { invoke, on, removeListener } = ipcRenderer;
  vi.doMock('electron', () => ({
    contextBridge: { exposeInMainWorld },
    ipcRenderer: { invoke, on, removeListener },
  }));
  await import('../../electron/preload');
  const api = exposeInMainWorld.mock.calls[0]?.[1];
  if (typeof api !== 'object' || api === null) throw new Error('the preload exposed nothing');
  return api as LandfallBridge;
}

/** What the main process would push on the event channel. */
function push(name: unknown, payload: unknown): void {
  const event = { sender: ipcRenderer, ports: [] } as unknown as IpcRendererEvent;
  ipcRenderer.emitter.emit('landfall:event', event, name, payload);
}

let bridge: LandfallBridge;

beforeEach(async () => {
  bridge = await loadPreload();
});

describe('preload: what it exposes', () => {
  it('exposes one key, landfall, with exactly call and subscribe', () => {
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(exposeInMainWorld.mock.calls[0]?.[0]).toBe('landfall');
    expect(Object.keys(bridge).sort()).toEqual(['call', 'subscribe']);
    expect(typeof bridge.call).toBe('function');
    expect(typeof bridge.subscribe).toBe('function');
  });

  it('exposes no ipcRenderer, require or process, under any name', () => {
    const keys = exposeInMainWorld.mock.calls.map((c) => c[0]);
    for (const forbidden of ['ipcRenderer', 'require', 'process', 'electron']) {
      expect(keys).not.toContain(forbidden);
      expect(Object.keys(bridge)).not.toContain(forbidden);
    }
    const values = Object.values(bridge) as unknown[];
    for (const leaked of [ipcRenderer, ipcRenderer.invoke, ipcRenderer.on, ipcRenderer.removeListener, process]) {
      expect(values.includes(leaked)).toBe(false);
    }
  });

  it('registers no IPC listener until the page subscribes', () => {
    expect(ipcRenderer.on).not.toHaveBeenCalled();
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});

describe('preload: call', () => {
  it('invokes the call channel with the name and input', async () => {
    const input = { country: 'SG' };
    const result = await bridge.call('sites.list', input);
    expect(ipcRenderer.invoke.mock.calls).toEqual([['landfall:call', 'sites.list', input]]);
    expect(ipcRenderer.invoke.mock.calls[0]?.[2]).toBe(input);
    expect(result).toEqual({ ok: true, value: { channel: 'landfall:call', args: ['sites.list', input] } });
  });

  it('turns a non-string name into a string before it crosses', async () => {
    await bridge.call({ toString: () => 'app.info' } as unknown as string, {});
    await bridge.call(42 as unknown as string, undefined);
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      ['landfall:call', 'app.info', {}],
      ['landfall:call', '42', undefined],
    ]);
  });
});

describe('preload: subscribe', () => {
  it('listens on the event channel and passes only the payload of the wanted event', () => {
    const listener = vi.fn<(payload: unknown) => void>();
    bridge.subscribe('data.changed', listener);
    expect(ipcRenderer.on).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.on.mock.calls[0]?.[0]).toBe('landfall:event');

    push('other.event', { tables: ['x'] });
    expect(listener).not.toHaveBeenCalled();

    const payload = { tables: ['sites'] };
    push('data.changed', payload);
    expect(listener.mock.calls).toEqual([[payload]]);
    expect(listener.mock.calls[0]?.[0]).toBe(payload);
  });

  it('never hands the IpcRendererEvent to the page', () => {
    const received: unknown[][] = [];
    bridge.subscribe('data.changed', (...args: unknown[]) => {
      received.push(args);
    });
    push('data.changed', 'payload');
    expect(received).toEqual([['payload']]);
  });

  it('the unsubscribe removes the same listener it added', () => {
    const listener = vi.fn<(payload: unknown) => void>();
    const unsubscribe = bridge.subscribe('data.changed', listener);
    const added = ipcRenderer.on.mock.calls[0]?.[1];
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.removeListener.mock.calls[0]?.[0]).toBe('landfall:event');
    expect(ipcRenderer.removeListener.mock.calls[0]?.[1]).toBe(added);
    push('data.changed', { tables: [] });
    expect(listener).not.toHaveBeenCalled();
    expect(ipcRenderer.emitter.listenerCount('landfall:event')).toBe(0);
  });

  it('two subscriptions are independent', () => {
    const a = vi.fn<(payload: unknown) => void>();
    const b = vi.fn<(payload: unknown) => void>();
    const offA = bridge.subscribe('data.changed', a);
    bridge.subscribe('data.changed', b);
    offA();
    push('data.changed', 1);
    expect(a).not.toHaveBeenCalled();
    expect(b.mock.calls).toEqual([[1]]);
  });

  it.each([undefined, null, 'alert(1)', {}, 42])('throws on a listener that is not a function (%s)', (listener) => {
    expect(() => bridge.subscribe('data.changed', listener as unknown as (payload: unknown) => void)).toThrow(
      TypeError,
    );
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });
});

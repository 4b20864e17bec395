// electron/main.ts runs at import, so each test builds a fresh fake `electron`, mocks the backend,
// and imports the module anew. The `whenReady` promise is ours to resolve.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type {
  BrowserWindowConstructorOptions,
  CallbackResponse,
  IpcMainInvokeEvent,
  MenuItemConstructorOptions,
  OnBeforeRequestListenerDetails,
} from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { Backend, BackendOptions } from '../../backend/backend';
import type { Dispatch } from '../../backend/dispatcher';
import { createEventBus } from '../../backend/event-bus';
import type { Db } from '../../db/open';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { FakeWebContents, FakeWindow, fakeSession, onlyArg } from './fakes';

type Listener = (...args: unknown[]) => void;
type ProtocolHandler = (request: Request) => Promise<Response>;
type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

interface Harness {
  app: {
    requestSingleInstanceLock: Mock<() => boolean>;
    quit: Mock<() => void>;
    on: Mock<(event: string, listener: Listener) => unknown>;
    whenReady: Mock<() => Promise<void>>;
    getPath: Mock<(name: string) => string>;
    getAppPath: Mock<() => string>;
    getVersion: Mock<() => string>;
    getName: Mock<() => string>;
    setName: Mock<(name: string) => void>;
    isPackaged: boolean;
  };
  protocol: {
    registerSchemesAsPrivileged: Mock<(schemes: unknown[]) => void>;
    handle: Mock<(scheme: string, handler: ProtocolHandler) => void>;
  };
  session: ReturnType<typeof fakeSession>;
  ipcMain: {
    handle: Mock<(channel: string, handler: InvokeHandler) => void>;
    removeHandler: Mock<(c: string) => void>;
  };
  Menu: {
    buildFromTemplate: Mock<(template: MenuItemConstructorOptions[]) => { built: MenuItemConstructorOptions[] }>;
    setApplicationMenu: Mock<(menu: unknown) => void>;
  };
  shell: { openExternal: Mock<(url: string) => Promise<void>> };
  screen: { getAllDisplays: Mock<() => { workArea: { x: number; y: number; width: number; height: number } }[]> };
  dialog: { showErrorBox: Mock<(title: string, content: string) => void> };
  windows: FakeBrowserWindow[];
  windowCreated: Mock<(options: BrowserWindowConstructorOptions) => void>;
  createBackend: Mock<(options: BackendOptions) => Backend>;
  backend: Backend & { dispatch: Mock<Dispatch>; close: Mock<() => void> };
  resolveReady: () => void;
  /** Calls every listener the app registered for an event, as Electron would. */
  emitApp: (event: string, ...args: unknown[]) => void;
  listenerCount: (event: string) => number;
}

interface FakeBrowserWindow extends FakeWindow {
  options: BrowserWindowConstructorOptions;
}

interface Options {
  lock?: boolean;
  isPackaged?: boolean;
  backendError?: Error;
}

let userData: string;
let savedDbEnv: string | undefined;
let savedPlatform: PropertyDescriptor | undefined;

beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'landfall-main-'));
  savedDbEnv = process.env.LANDFALL_DB;
  delete process.env.LANDFALL_DB;
  savedPlatform = Object.getOwnPropertyDescriptor(process, 'platform');
});

afterEach(() => {
  vi.doUnmock('electron');
  vi.doUnmock('../../backend/backend');
  vi.resetModules();
  if (savedDbEnv === undefined) delete process.env.LANDFALL_DB;
  else process.env.LANDFALL_DB = savedDbEnv;
  if (savedPlatform) Object.defineProperty(process, 'platform', savedPlatform);
  rmSync(userData, { recursive: true, force: true });
});

function setPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

function fakeElectron(options: Options): { harness: Harness; module: Record<string, unknown> } {
  const listeners = new Map<string, Listener[]>();
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  const app: Harness['app'] = {
    requestSingleInstanceLock: vi.fn(() => options.lock ?? true),
    quit: vi.fn(),
    on: vi.fn((event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return app;
    }),
    whenReady: vi.fn(() => ready),
    getPath: vi.fn((name: string) => {
      if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
      return userData;
    }),
    getAppPath: vi.fn(() => join(userData, 'app')),
    getVersion: vi.fn(() => '9.9.9'),
    getName: vi.fn(() => 'Landfall'),
    setName: vi.fn(),
    isPackaged: options.isPackaged ?? false,
  };

  const windows: FakeBrowserWindow[] = [];
  const windowCreated = vi.fn<(options: BrowserWindowConstructorOptions) => void>();
  class BrowserWindow extends FakeWindow {
    options: BrowserWindowConstructorOptions;
    constructor(windowOptions: BrowserWindowConstructorOptions) {
      super();
      this.options = windowOptions;
      windows.push(this);
      windowCreated(windowOptions);
    }
    static getAllWindows(): BrowserWindow[] {
      return windows.filter((w) => !w.destroyed);
    }
  }

  const backend = {
    dispatch: vi.fn<Dispatch>((name) => Promise.resolve({ ok: true, value: name })),
    events: createEventBus(),
    db: {} as Db,
    lockNote: null,
    close: vi.fn<() => void>(),
  };
  const createBackend = vi.fn<(o: BackendOptions) => Backend>(() => {
    if (options.backendError) throw options.backendError;
    return backend;
  });

  const session = fakeSession();
  const harness: Harness = {
    app,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session,
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template) => ({ built: template })), setApplicationMenu: vi.fn() },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    screen: { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) },
    dialog: { showErrorBox: vi.fn() },
    windows,
    windowCreated,
    createBackend,
    backend,
    resolveReady: () => resolveReady(),
    emitApp: (event, ...args) => {
      for (const listener of listeners.get(event) ?? []) listener(...args);
    },
    listenerCount: (event) => listeners.get(event)?.length ?? 0,
  };
  const module = {
    app,
    BrowserWindow,
    dialog: harness.dialog,
    ipcMain: harness.ipcMain,
    Menu: harness.Menu,
    protocol: harness.protocol,
    screen: harness.screen,
    session: { defaultSession: session.session },
    shell: harness.shell,
  };
  return { harness, module };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Imports main.ts against a fresh fake Electron; the app is not ready yet. */
async function launch(options: Options = {}): Promise<Harness> {
  vi.resetModules();
  const { harness, module } = fakeElectron(options);
  vi.doMock('electron', () => module);
  vi.doMock('../../backend/backend', () => ({ createBackend: harness.createBackend }));
  await import('../../electron/main');
  return harness;
}

/** Imports main.ts and lets `whenReady` resolve. */
async function launchReady(options: Options = {}): Promise<Harness> {
  const harness = await launch(options);
  harness.resolveReady();
  await flush();
  return harness;
}

function mainWindow(h: Harness): FakeBrowserWindow {
  const win = h.windows[0];
  if (win === undefined) throw new Error('no window was created');
  return win;
}

function trustedEvent(): IpcMainInvokeEvent {
  return {
    senderFrame: { url: 'app://landfall/index.html', parent: null },
    sender: {},
  } as unknown as IpcMainInvokeEvent;
}

describe('main: before ready', () => {
  it('registers the app scheme and the app name at load', async () => {
    const h = await launch();
    expect(h.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(h.protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0]).toMatchObject([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
    expect(h.app.setName.mock.calls).toEqual([['Landfall']]);
  });

  it('quits at once when another instance holds the lock, and never waits for ready', async () => {
    const h = await launch({ lock: false });
    expect(h.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(h.app.quit).toHaveBeenCalledTimes(1);
    expect(h.app.whenReady).not.toHaveBeenCalled();
    expect(h.app.on).not.toHaveBeenCalled();
    h.resolveReady();
    await flush();
    expect(h.createBackend).not.toHaveBeenCalled();
    expect(h.protocol.handle).not.toHaveBeenCalled();
    expect(h.windows).toHaveLength(0);
  });

  it('holding the lock, it waits for ready before doing anything else', async () => {
    const h = await launch({ lock: true });
    expect(h.app.quit).not.toHaveBeenCalled();
    expect(h.app.whenReady).toHaveBeenCalledTimes(1);
    expect(h.protocol.handle).not.toHaveBeenCalled();
    expect(h.session.setPermissionRequestHandler).not.toHaveBeenCalled();
    expect(h.createBackend).not.toHaveBeenCalled();
    expect(h.windows).toHaveLength(0);
    expect(h.listenerCount('web-contents-created')).toBe(1);
    expect(h.listenerCount('second-instance')).toBe(1);
  });
});

describe('main: when ready', () => {
  it('serves the renderer through the app protocol with the CSP', async () => {
    const h = await launchReady();
    expect(h.protocol.handle).toHaveBeenCalledTimes(1);
    expect(h.protocol.handle.mock.calls[0]?.[0]).toBe('app');
    const handler = h.protocol.handle.mock.calls[0]?.[1];
    if (handler === undefined) throw new Error('no protocol handler');
    const response = await handler(new Request('app://evil/index.html'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('denies every permission on the default session', async () => {
    const h = await launchReady();
    const request = onlyArg(h.session.setPermissionRequestHandler);
    const callback = vi.fn<(granted: boolean) => void>();
    request({}, 'media', callback, {});
    expect(callback.mock.calls).toEqual([[false]]);
    expect(onlyArg(h.session.setPermissionCheckHandler)({}, 'geolocation', 'app://landfall', {})).toBe(false);
    expect(onlyArg(h.session.setDevicePermissionHandler)({})).toBe(false);
  });

  it('blocks the network on the default session', async () => {
    const h = await launchReady();
    const listener = onlyArg(h.session.onBeforeRequest);
    const answers: CallbackResponse[] = [];
    listener({ url: 'https://evil.example/' } as OnBeforeRequestListenerDetails, (r) => answers.push(r));
    listener({ url: 'app://landfall/index.html' } as OnBeforeRequestListenerDetails, (r) => answers.push(r));
    expect(answers).toEqual([{ cancel: true }, { cancel: false }]);
  });

  it('opens the database in userData with the app version', async () => {
    const h = await launchReady();
    expect(h.createBackend.mock.calls).toEqual([
      [
        {
          dbPath: join(userData, 'landfall.sqlite'),
          version: '9.9.9',
          printPdf: expect.any(Function),
          writer: 'desktop',
        },
      ],
    ]);
  });

  it('opens the database named by LANDFALL_DB when set', async () => {
    process.env.LANDFALL_DB = join(userData, 'elsewhere.sqlite');
    const h = await launchReady();
    expect(h.createBackend.mock.calls[0]?.[0].dbPath).toBe(join(userData, 'elsewhere.sqlite'));
  });

  it('binds the call channel to the backend', async () => {
    const h = await launchReady();
    expect(h.ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(h.ipcMain.handle.mock.calls[0]?.[0]).toBe('landfall:call');
    const handler = h.ipcMain.handle.mock.calls[0]?.[1];
    if (handler === undefined) throw new Error('no IPC handler');
    expect(await handler(trustedEvent(), 'app.info', {})).toEqual({ ok: true, value: 'app.info' });
    expect(h.backend.dispatch.mock.calls).toEqual([['app.info', {}]]);
    const forbidden = { senderFrame: { url: 'https://evil.example/', parent: null } } as unknown as IpcMainInvokeEvent;
    expect(await handler(forbidden, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(h.backend.dispatch).toHaveBeenCalledTimes(1);
  });

  it('pushes backend events to the app window', async () => {
    const h = await launchReady();
    h.backend.events.emit('data.changed', { tables: ['sites'] });
    expect(mainWindow(h).webContents.send.mock.calls).toEqual([
      ['landfall:event', 'data.changed', { tables: ['sites'] }],
    ]);
  });

  it('creates one locked-down window with the preload', async () => {
    const h = await launchReady();
    expect(h.windows).toHaveLength(1);
    const prefs = mainWindow(h).options.webPreferences;
    expect(prefs?.sandbox).toBe(true);
    expect(prefs?.contextIsolation).toBe(true);
    expect(prefs?.nodeIntegration).toBe(false);
    expect(prefs?.webSecurity).toBe(true);
    expect(prefs?.webviewTag).toBe(false);
    expect(typeof prefs?.preload).toBe('string');
    expect(isAbsolute(prefs?.preload ?? '')).toBe(true);
    expect(prefs?.preload?.endsWith(join('electron', 'preload.cjs'))).toBe(true);
    expect(mainWindow(h).options.show).toBe(false);
  });

  it('loads the app entry, never http or file', async () => {
    const h = await launchReady();
    expect(mainWindow(h).loadURL.mock.calls).toEqual([['app://landfall/index.html']]);
  });

  it('locks the session down before the window exists', async () => {
    const h = await launchReady();
    const created = h.windowCreated.mock.invocationCallOrder[0] ?? 0;
    expect(created).toBeGreaterThan(0);
    for (const mock of [
      h.session.setPermissionRequestHandler,
      h.session.setPermissionCheckHandler,
      h.session.setDevicePermissionHandler,
      h.session.onBeforeRequest,
      h.protocol.handle,
      h.ipcMain.handle,
    ]) {
      expect(mock.mock.invocationCallOrder[0]).toBeLessThan(created);
    }
  });

  it('restores the saved geometry and maximises when ready to show', async () => {
    writeFileSync(
      join(userData, 'window-state.json'),
      JSON.stringify({ x: 100, y: 120, width: 1111, height: 777, maximized: true }),
    );
    const h = await launchReady();
    const win = mainWindow(h);
    expect(win.options).toMatchObject({ x: 100, y: 120, width: 1111, height: 777 });
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalledTimes(1);
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('shows an unmaximised window without maximising it', async () => {
    const h = await launchReady();
    const win = mainWindow(h);
    expect(win.options).toMatchObject({ width: 1440, height: 900 });
    win.emit('ready-to-show');
    expect(win.maximize).not.toHaveBeenCalled();
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('installs the menu, with devtools only in development', async () => {
    const dev = await launchReady({ isPackaged: false });
    const template = dev.Menu.buildFromTemplate.mock.calls[0]?.[0] ?? [];
    expect(template.map((m) => m.label ?? m.role)).toContain('File');
    const view = template.find((m) => m.label === 'View')?.submenu as MenuItemConstructorOptions[];
    expect(view.map((i) => i.role)).toContain('toggleDevTools');
    expect(dev.Menu.setApplicationMenu.mock.calls).toEqual([[{ built: template }]]);

    const release = await launchReady({ isPackaged: true });
    const releaseView = release.Menu.buildFromTemplate.mock.calls[0]?.[0].find((m) => m.label === 'View')
      ?.submenu as MenuItemConstructorOptions[];
    expect(releaseView.map((i) => i.role)).not.toContain('toggleDevTools');
  });
});

describe('main: every web contents is hardened', () => {
  it('blocks navigation away from the app and sends https links to the OS', async () => {
    const h = await launch();
    const contents = new FakeWebContents();
    h.emitApp('web-contents-created', {}, contents.asWebContents());
    expect(contents.navigate('will-navigate', 'https://evil.example')).toBe(true);
    expect(contents.navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://landfall/index.html')).toBe(false);
    expect(contents.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(contents.openWindow('http://example.com/')).toEqual({ action: 'deny' });
    expect(h.shell.openExternal.mock.calls).toEqual([['https://example.com/']]);
  });
});

describe('main: lifecycle events', () => {
  it('a second instance restores and focuses a minimised window', async () => {
    const h = await launchReady();
    const win = mainWindow(h);
    win.minimized = true;
    h.emitApp('second-instance', {}, [], '/');
    expect(win.restore).toHaveBeenCalledTimes(1);
    expect(win.focus).toHaveBeenCalledTimes(1);
  });

  it('a second instance focuses a visible window without restoring it', async () => {
    const h = await launchReady();
    const win = mainWindow(h);
    h.emitApp('second-instance', {}, [], '/');
    expect(win.restore).not.toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalledTimes(1);
  });

  it('forgets a closed window, and activate opens a new one', async () => {
    const h = await launchReady();
    const first = mainWindow(h);
    h.emitApp('activate');
    expect(h.windows).toHaveLength(1);
    first.destroyed = true;
    first.emit('closed');
    h.emitApp('second-instance', {}, [], '/');
    expect(first.focus).not.toHaveBeenCalled();
    h.emitApp('activate');
    expect(h.windows).toHaveLength(2);
    expect(h.windows[1]?.loadURL.mock.calls).toEqual([['app://landfall/index.html']]);
  });

  it('quits when the last window closes, except on macOS', async () => {
    setPlatform('linux');
    const linux = await launchReady();
    linux.emitApp('window-all-closed');
    expect(linux.app.quit).toHaveBeenCalledTimes(1);

    setPlatform('darwin');
    const mac = await launchReady();
    mac.emitApp('window-all-closed');
    expect(mac.app.quit).not.toHaveBeenCalled();
  });

  it('closes the backend once on quit', async () => {
    const h = await launchReady();
    h.emitApp('will-quit');
    h.emitApp('will-quit');
    expect(h.backend.close).toHaveBeenCalledTimes(1);
  });
});

describe('main: the database cannot be opened', () => {
  it('shows an error, quits, and opens no window', async () => {
    const h = await launchReady({ backendError: new Error('SQLITE_CANTOPEN: unable to open database file') });
    expect(h.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, content] = h.dialog.showErrorBox.mock.calls[0] ?? [];
    expect(title).toBe('Landfall cannot open its database');
    expect(content).toContain(join(userData, 'landfall.sqlite'));
    expect(content).toContain('SQLITE_CANTOPEN: unable to open database file');
    expect(h.app.quit).toHaveBeenCalledTimes(1);
    expect(h.windows).toHaveLength(0);
    expect(h.ipcMain.handle).not.toHaveBeenCalled();
    expect(h.Menu.setApplicationMenu).not.toHaveBeenCalled();
    h.emitApp('activate');
    expect(h.windows).toHaveLength(0);
    expect(() => h.emitApp('will-quit')).not.toThrow();
  });
});

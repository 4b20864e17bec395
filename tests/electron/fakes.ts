// Stand-ins for the Electron objects the shell code touches. Plain Node cannot load `electron`, so
// every test builds these instead and hands them over with a cast.
import { EventEmitter } from 'node:events';
import type {
  BrowserWindow,
  HandlerDetails,
  Session,
  WebContents,
  WindowOpenHandlerResponse,
  OnBeforeRequestListenerDetails,
  CallbackResponse,
} from 'electron';
import { vi, type Mock } from 'vitest';

export interface PreventableEvent {
  preventDefault: Mock<() => void>;
}

export function preventableEvent(): PreventableEvent {
  return { preventDefault: vi.fn<() => void>() };
}

type WindowOpenHandler = (details: HandlerDetails) => WindowOpenHandlerResponse;

/** A WebContents: an event emitter that also records its window-open handler and what it was sent. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | undefined;
  destroyed = false;
  url: string;
  readonly send = vi.fn<(channel: string, ...args: unknown[]) => void>();

  constructor(url = 'app://landfall/index.html') {
    super();
    this.url = url;
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  getURL(): string {
    return this.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  asWebContents(): WebContents {
    return this as unknown as WebContents;
  }

  /** Emits a navigation event and reports whether the app's handler blocked it. */
  navigate(kind: 'will-navigate' | 'will-redirect', url: string): boolean {
    const event = preventableEvent();
    this.emit(kind, event, url);
    return event.preventDefault.mock.calls.length > 0;
  }

  openWindow(url: string): WindowOpenHandlerResponse {
    if (this.windowOpenHandler === undefined) throw new Error('no window open handler was installed');
    return this.windowOpenHandler({ url } as HandlerDetails);
  }
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A BrowserWindow reduced to what trackWindowState and main.ts use. */
export class FakeWindow extends EventEmitter {
  bounds: Bounds = { x: 10, y: 20, width: 1200, height: 800 };
  normalBounds: Bounds = { x: 30, y: 40, width: 1000, height: 700 };
  maximized = false;
  minimized = false;
  destroyed = false;
  readonly webContents = new FakeWebContents();
  readonly restore = vi.fn<() => void>();
  readonly focus = vi.fn<() => void>();
  readonly show = vi.fn<() => void>();
  readonly maximize = vi.fn<() => void>();
  readonly loadURL = vi.fn<(url: string) => Promise<void>>(() => Promise.resolve());

  getBounds(): Bounds {
    return { ...this.bounds };
  }

  getNormalBounds(): Bounds {
    return { ...this.normalBounds };
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  asBrowserWindow(): BrowserWindow {
    return this as unknown as BrowserWindow;
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type DevicePermissionHandler = (details: unknown) => boolean;
type BeforeRequestListener = (
  details: OnBeforeRequestListenerDetails,
  callback: (response: CallbackResponse) => void,
) => void;

/** A Session that records the handlers installed on it. */
export function fakeSession(): {
  session: Session;
  setPermissionRequestHandler: Mock<(handler: PermissionRequestHandler) => void>;
  setPermissionCheckHandler: Mock<(handler: PermissionCheckHandler) => void>;
  setDevicePermissionHandler: Mock<(handler: DevicePermissionHandler) => void>;
  onBeforeRequest: Mock<(listener: BeforeRequestListener) => void>;
} {
  const setPermissionRequestHandler = vi.fn<(handler: PermissionRequestHandler) => void>();
  const setPermissionCheckHandler = vi.fn<(handler: PermissionCheckHandler) => void>();
  const setDevicePermissionHandler = vi.fn<(handler: DevicePermissionHandler) => void>();
  const onBeforeRequest = vi.fn<(listener: BeforeRequestListener) => void>();
  const session = {
    setPermissionRequestHandler,
    setPermissionCheckHandler,
    setDevicePermissionHandler,
    webRequest: { onBeforeRequest },
  } as unknown as Session;
  return {
    session,
    setPermissionRequestHandler,
    setPermissionCheckHandler,
    setDevicePermissionHandler,
    onBeforeRequest,
  };
}

/** The single handler a mock was called with, or a failure if it was not called exactly once. */
export function onlyArg<T>(mock: { mock: { calls: T[][] } }): T {
  if (mock.mock.calls.length !== 1) throw new Error(`expected one call, got ${mock.mock.calls.length}`);
  const arg = mock.mock.calls[0]?.[0];
  if (arg === undefined) throw new Error('the call had no argument');
  return arg;
}

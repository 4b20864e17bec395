// The shell's security policy: what a page may navigate to, open, ask for, and fetch.
import type { OnBeforeRequestListenerDetails, Session, WebContents } from 'electron';
import { ONLINE_TILE_ORIGIN } from '../shared/csp';
import { isAppUrl, isSafeExternalUrl } from './app-url';

type OpenExternal = (url: string) => Promise<void>;

/** Applied to every WebContents the app creates (windows, devtools, anything). */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  const stayInApp = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
}

/** Landfall needs no camera, location, notifications or anything else: say no to all of it. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

const LOCAL_SCHEMES = new Set(['app:', 'devtools:', 'data:', 'blob:', 'chrome-extension:']);

export function isLocalRequest(url: string): boolean {
  try {
    return LOCAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** /{z}/{x}/{y}.png and nothing else: no query string, no other file on that host. */
const TILE_PATH = /^\/\d{1,2}\/\d{1,7}\/\d{1,7}\.png$/;

/**
 * The opt-in online basemap (map settings, off by default): a GET for one OpenStreetMap tile image.
 * The renderer asks for tiles only when the planner turned them on; this is the fence around it.
 */
export function isTileRequest(
  details: Pick<OnBeforeRequestListenerDetails, 'url' | 'method' | 'resourceType'>,
): boolean {
  if (details.method !== 'GET' || details.resourceType !== 'image') return false;
  try {
    const url = new URL(details.url);
    return (
      url.origin === ONLINE_TILE_ORIGIN &&
      url.username === '' &&
      url.password === '' &&
      url.search === '' &&
      url.hash === '' &&
      TILE_PATH.test(url.pathname)
    );
  } catch {
    return false;
  }
}

/** The desktop app works offline by design; any request to the network but a map tile is cancelled. */
export function blockNetwork(session: Session): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !(isLocalRequest(details.url) || isTileRequest(details)) });
  });
}

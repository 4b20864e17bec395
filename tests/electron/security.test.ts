import type { CallbackResponse, OnBeforeRequestListenerDetails } from 'electron';
import { describe, expect, it, vi, type Mock } from 'vitest';
import {
  blockNetwork,
  denyAllPermissions,
  hardenWebContents,
  isLocalRequest,
  isTileRequest,
} from '../../electron/security';
import { FakeWebContents, fakeSession, onlyArg, preventableEvent } from './fakes';

vi.mock('electron', () => ({}));

function hardened(): { contents: FakeWebContents; openExternal: Mock<(url: string) => Promise<void>> } {
  const contents = new FakeWebContents();
  const openExternal = vi.fn<(url: string) => Promise<void>>(() => Promise.resolve());
  hardenWebContents(contents.asWebContents(), openExternal);
  return { contents, openExternal };
}

const FOREIGN = [
  'https://evil.example',
  'https://evil.example/index.html',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'http://127.0.0.1',
  'http://127.0.0.1:5177/',
  'app://evil/index.html',
  'data:text/html,<script>alert(1)</script>',
  'not a url',
];

describe('hardenWebContents: navigation', () => {
  it('installs exactly one handler for each navigation event', () => {
    const { contents } = hardened();
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-redirect')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });

  it.each(FOREIGN)('prevents will-navigate to %s', (url) => {
    expect(hardened().contents.navigate('will-navigate', url)).toBe(true);
  });

  it.each(FOREIGN)('prevents will-redirect to %s', (url) => {
    expect(hardened().contents.navigate('will-redirect', url)).toBe(true);
  });

  it.each(['app://landfall/index.html', 'app://landfall/', 'app://landfall/index.html#/sites?country=SG'])(
    'lets the app navigate within itself (%s) while still blocking the web',
    (url) => {
      const { contents } = hardened();
      expect(contents.navigate('will-navigate', url)).toBe(false);
      expect(contents.navigate('will-redirect', url)).toBe(false);
      expect(contents.navigate('will-navigate', 'https://evil.example')).toBe(true);
    },
  );

  it('prevents attaching a webview', () => {
    const { contents } = hardened();
    const event = preventableEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });
});

describe('hardenWebContents: window.open', () => {
  it.each([
    'https://example.com/',
    'https://www.iea.org/reports/energy-and-ai',
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://landfall/index.html',
    'about:blank',
  ])('denies a new window for %s', (url) => {
    expect(hardened().contents.openWindow(url)).toEqual({ action: 'deny' });
  });

  it.each(['https://example.com/', 'https://www.iea.org/reports/energy-and-ai?x=1#top'])(
    'opens plain https (%s) in the OS browser',
    (url) => {
      const { contents, openExternal } = hardened();
      contents.openWindow(url);
      expect(openExternal.mock.calls).toEqual([[url]]);
    },
  );

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://user:secret@example.com/',
    'https://user@example.com/',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'landfall://settings',
    'app://landfall/index.html',
    'mailto:someone@example.com',
    'not a url',
  ])('never hands %s to the OS', (url) => {
    const { contents, openExternal } = hardened();
    expect(contents.openWindow(url)).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('denyAllPermissions', () => {
  const PERMISSIONS = [
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'openExternal',
    'pointerLock',
    'hid',
    'serial',
    'usb',
    'midiSysex',
    'unknown',
  ];

  it.each(PERMISSIONS)('answers a request for %s with false', (permission) => {
    const fake = fakeSession();
    denyAllPermissions(fake.session);
    const handler = onlyArg(fake.setPermissionRequestHandler);
    const callback = vi.fn<(granted: boolean) => void>();
    handler({}, permission, callback, {});
    expect(callback.mock.calls).toEqual([[false]]);
  });

  it.each(PERMISSIONS)('answers a check for %s with false', (permission) => {
    const fake = fakeSession();
    denyAllPermissions(fake.session);
    const handler = onlyArg(fake.setPermissionCheckHandler);
    expect(handler({}, permission, 'app://landfall', {})).toBe(false);
  });

  it('refuses every device', () => {
    const fake = fakeSession();
    denyAllPermissions(fake.session);
    const handler = onlyArg(fake.setDevicePermissionHandler);
    expect(handler({ deviceType: 'usb', origin: 'app://landfall', device: {} })).toBe(false);
    expect(handler({ deviceType: 'hid', origin: 'app://landfall', device: {} })).toBe(false);
    expect(handler({ deviceType: 'serial', origin: 'app://landfall', device: {} })).toBe(false);
  });
});

describe('blockNetwork', () => {
  function decide(url: string, method = 'GET', resourceType = 'other'): CallbackResponse {
    const fake = fakeSession();
    blockNetwork(fake.session);
    const listener = onlyArg(fake.onBeforeRequest);
    const callback = vi.fn<(response: CallbackResponse) => void>();
    listener({ url, method, resourceType } as OnBeforeRequestListenerDetails, callback);
    const response = onlyArg(callback);
    return response;
  }

  it.each([
    'http://example.com/',
    'https://example.com/tiles/1/2/3.png',
    'http://127.0.0.1:5177/api/app.info',
    'ws://example.com/socket',
    'wss://example.com/socket',
    'ftp://example.com/file',
    'file:///etc/passwd',
    'not a url',
  ])('cancels %s', (url) => {
    expect(decide(url)).toEqual({ cancel: true });
  });

  it.each([
    'app://landfall/index.html',
    'app://landfall/assets/index-abc.js',
    'devtools://devtools/bundled/devtools_app.html',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://landfall/5d1c9b0e-0000-4000-8000-000000000000',
  ])('lets %s through', (url) => {
    expect(decide(url)).toEqual({ cancel: false });
  });

  it('lets an OpenStreetMap tile image through (the opt-in online basemap)', () => {
    expect(decide('https://tile.openstreetmap.org/5/25/14.png', 'GET', 'image')).toEqual({ cancel: false });
    expect(decide('https://tile.openstreetmap.org/12/3263/2046.png', 'GET', 'image')).toEqual({ cancel: false });
  });

  it.each([
    ['https://tile.openstreetmap.org/5/25/14.png', 'GET', 'xhr'],
    ['https://tile.openstreetmap.org/5/25/14.png', 'GET', 'script'],
    ['https://tile.openstreetmap.org/5/25/14.png', 'GET', 'mainFrame'],
    ['https://tile.openstreetmap.org/5/25/14.png', 'POST', 'image'],
    ['http://tile.openstreetmap.org/5/25/14.png', 'GET', 'image'],
    ['https://tile.openstreetmap.org.evil.example/5/25/14.png', 'GET', 'image'],
    ['https://evil.tile.openstreetmap.org/5/25/14.png', 'GET', 'image'],
    ['https://a.tile.openstreetmap.org/5/25/14.png', 'GET', 'image'],
    ['https://tile.openstreetmap.org:8443/5/25/14.png', 'GET', 'image'],
    ['https://user:pw@tile.openstreetmap.org/5/25/14.png', 'GET', 'image'],
    ['https://tile.openstreetmap.org/5/25/14.png?leak=secret', 'GET', 'image'],
    ['https://tile.openstreetmap.org/5/25/14.png#x', 'GET', 'image'],
    ['https://tile.openstreetmap.org/index.html', 'GET', 'image'],
    ['https://tile.openstreetmap.org/5/25/../../x.png', 'GET', 'image'],
    ['https://tile.openstreetmap.org/5/25/14.png/extra', 'GET', 'image'],
    ['https://example.com/5/25/14.png', 'GET', 'image'],
  ])('cancels %s (%s, %s): only GET images of tiles from that one host pass', (url, method, type) => {
    expect(decide(url, method, type)).toEqual({ cancel: true });
    expect(isTileRequest({ url, method, resourceType: type as OnBeforeRequestListenerDetails['resourceType'] })).toBe(
      false,
    );
  });

  it('isLocalRequest agrees with the list of local schemes', () => {
    expect(isLocalRequest('app://landfall/')).toBe(true);
    expect(isLocalRequest('https://landfall/')).toBe(false);
    expect(isLocalRequest('')).toBe(false);
  });
});

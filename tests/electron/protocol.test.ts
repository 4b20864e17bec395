import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler, registerAppScheme } from '../../electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

vi.mock('electron', () => ({}));

const INDEX = '<!doctype html><title>Landfall</title>';
const SCRIPT = 'console.log("landfall");';
const SECRET = 'root:x:0:0:secret';

let base: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  // base/renderer is served; base/secret.txt and base/etc/passwd sit just outside it.
  base = mkdtempSync(join(tmpdir(), 'landfall-protocol-'));
  const renderer = join(base, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), INDEX);
  writeFileSync(join(renderer, 'assets', 'x.js'), SCRIPT);
  writeFileSync(join(base, 'secret.txt'), SECRET);
  mkdirSync(join(base, 'etc'));
  writeFileSync(join(base, 'etc', 'passwd'), SECRET);
  handler = createAppProtocolHandler(renderer);
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

const get = (url: string, init?: RequestInit): Promise<Response> => handler(new Request(url, init));

describe('the CSP', () => {
  it('allows nothing from the network but map tile images, no eval and no inline code', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    // The opt-in OpenStreetMap basemap is the one remote origin, in img-src only.
    expect(CONTENT_SECURITY_POLICY.replace(' https://tile.openstreetmap.org', '')).not.toMatch(/https?:/);
    expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self' data: https://tile.openstreetmap.org");
  });

  it('is repeated by the meta tag in index.html (both apply, so they must agree)', () => {
    const html = readFileSync(join(process.cwd(), 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    // frame-ancestors has no effect in a meta tag, so only the header carries it.
    const header = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors'));
    expect(meta.split('; ')).toEqual(header);
    expect(CONTENT_SECURITY_POLICY).not.toContain('*');
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});

describe('createAppProtocolHandler', () => {
  it('serves index.html as HTML with the CSP', async () => {
    const response = await get('app://landfall/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(INDEX);
  });

  it('serves index.html for the root', async () => {
    const response = await get('app://landfall/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX);
  });

  it('serves a script as JavaScript with the CSP, ignoring the query string', async () => {
    const response = await get('app://landfall/assets/x.js?v=1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe(SCRIPT);
  });

  it.each([
    'app://landfall/../secret.txt',
    'app://landfall/../../etc/passwd',
    'app://landfall/../etc/passwd',
    'app://landfall/%2e%2e/secret.txt',
    'app://landfall/%2e%2e%2fsecret.txt',
    'app://landfall/%2E%2E%2Fsecret.txt',
    'app://landfall/..%2fsecret.txt',
    'app://landfall/assets/..%2f..%2fsecret.txt',
    'app://landfall/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://landfall/..%5csecret.txt',
    'app://landfall/index.html%00',
    'app://landfall/index.html%00.js',
    'app://landfall/%00',
    'app://landfall/%E0%A4%A',
  ])('answers %s with 404 and never the file outside the root', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain(SECRET);
  });

  it.each(['app://evil/index.html', 'app://landfall.evil/index.html', 'app://landfall:8080/index.html'])(
    'answers a foreign host (%s) with 404',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('Not found');
    },
  );

  it.each(['POST', 'PUT', 'DELETE', 'HEAD'])('answers %s with 404', async (method) => {
    const response = await get(
      'app://landfall/index.html',
      method === 'POST' || method === 'PUT' ? { method, body: 'x' } : { method },
    );
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers a missing file or a directory with 404', async () => {
    expect((await get('app://landfall/nope.html')).status).toBe(404);
    expect((await get('app://landfall/assets')).status).toBe(404);
    expect((await get('app://landfall/assets/')).status).toBe(404);
  });
});

describe('registerAppScheme', () => {
  it('registers app: as a standard, secure scheme, once', () => {
    const registerSchemesAsPrivileged = vi.fn<(schemes: CustomScheme[]) => void>();
    registerAppScheme({ registerSchemesAsPrivileged } as Pick<Protocol, 'registerSchemesAsPrivileged'>);
    expect(registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const schemes = registerSchemesAsPrivileged.mock.calls[0]?.[0];
    expect(schemes).toHaveLength(1);
    const scheme = schemes?.[0];
    expect(scheme?.scheme).toBe('app');
    expect(scheme?.privileges?.standard).toBe(true);
    expect(scheme?.privileges?.secure).toBe(true);
    // Nothing that would let the page bypass its own CSP.
    expect(scheme?.privileges?.bypassCSP).not.toBe(true);
  });
});

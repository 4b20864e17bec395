import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import { createEventBus, type EventBus } from '../../backend/event-bus';
import { resolveInside } from '../../backend/http/static-files';
import { MAX_BODY_BYTES, startHttpServer, TOKEN_META, type RunningServer } from '../../backend/http/server';
import { seedMarkets } from '../../db/seed/markets';
import { seedSites } from '../../db/seed/sites';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

const INDEX_HTML =
  '<!doctype html>\n<html>\n  <head>\n    <title>Landfall</title>\n  </head>\n  <body></body>\n</html>\n';
const SECRET = 'top-secret-outside-the-static-root';

let root: string;
let staticDir: string;
let backend: Backend;
let running: RunningServer;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface RawOptions {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A request through node:http, which, unlike fetch, lets a test set Host and send a path verbatim. */
function raw(options: RawOptions): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: running.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function apiHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'x-landfall-token': running.token, 'content-type': 'application/json', ...extra };
}

async function call(name: string, body: unknown, headers: Record<string, string> = apiHeaders()): Promise<Response> {
  return fetch(`${running.url}api/${name}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

interface Envelope {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string; issues: { path: string; message: string }[] };
}

async function envelope(res: Response | Reply): Promise<Envelope> {
  const text = res instanceof Response ? await res.text() : res.body;
  return JSON.parse(text) as Envelope;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'landfall-http-'));
  staticDir = join(root, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("hi");\n');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  backend = createBackend({ dbPath: ':memory:', version: 't' });
  running = await startHttpServer({ backend, staticDir, port: 0 });
});

afterAll(async () => {
  await running.close();
  backend.close();
  rmSync(root, { recursive: true, force: true });
});

describe('listening', () => {
  it('takes a free port when given 0 and binds to 127.0.0.1 only', () => {
    const address = running.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.port).toBe(running.port);
    expect(running.port).toBeGreaterThan(0);
    expect(running.url).toBe(`http://127.0.0.1:${running.port}/`);
    expect(running.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('uses a caller-given token', async () => {
    const other = await startHttpServer({ backend, staticDir, token: 'fixed-token' });
    try {
      expect(other.token).toBe('fixed-token');
      expect(other.port).not.toBe(running.port);
      const res = await fetch(`${other.url}api/app.info`, {
        method: 'POST',
        headers: { 'x-landfall-token': 'fixed-token', 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('API token', () => {
  it('refuses a call without the token with 401', async () => {
    const res = await call('app.info', {}, { 'content-type': 'application/json' });
    expect(res.status).toBe(401);
    const body = await envelope(res);
    expect(body).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'missing or wrong API token', issues: [] },
    });
  });

  it('refuses a wrong token of the same or a different length with 401', async () => {
    const sameLength = running.token.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    for (const token of [sameLength, 'short', `${running.token}0`]) {
      const res = await call('app.info', {}, apiHeaders({ 'x-landfall-token': token }));
      expect(res.status).toBe(401);
    }
  });

  it('refuses the event stream without the token', async () => {
    const res = await raw({ path: '/api/events' });
    expect(res.status).toBe(401);
  });
});

describe('Host and Origin checks', () => {
  it('refuses a foreign Host header with 403 even with the right token', async () => {
    const res = await raw({
      method: 'POST',
      path: '/api/app.info',
      headers: apiHeaders({ host: `evil.example:${running.port}` }),
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect((await envelope(res)).error).toEqual({ code: 'forbidden', message: 'unexpected Host header', issues: [] });
  });

  it('refuses a foreign Host for static files too', async () => {
    const res = await raw({ path: '/', headers: { host: `evil.example:${running.port}` } });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain(running.token);
  });

  it('refuses a loopback Host on another port', async () => {
    const res = await raw({ path: '/', headers: { host: `localhost:${running.port + 1}` } });
    expect(res.status).toBe(403);
  });

  it('allows Host localhost:PORT and 127.0.0.1:PORT', async () => {
    for (const host of [`localhost:${running.port}`, `LOCALHOST:${running.port}`, `127.0.0.1:${running.port}`]) {
      const res = await raw({ method: 'POST', path: '/api/app.info', headers: apiHeaders({ host }), body: '{}' });
      expect(res.status).toBe(200);
      expect((await envelope(res)).ok).toBe(true);
    }
  });

  it('refuses a cross-site Origin with 403', async () => {
    const res = await raw({
      method: 'POST',
      path: '/api/app.info',
      headers: apiHeaders({ origin: 'http://evil.example' }),
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect((await envelope(res)).error?.message).toBe('cross-origin request refused');
    const nullOrigin = await raw({
      method: 'POST',
      path: '/api/app.info',
      headers: apiHeaders({ origin: 'null' }),
      body: '{}',
    });
    expect(nullOrigin.status).toBe(403);
  });

  it('allows our own Origin', async () => {
    const res = await raw({
      method: 'POST',
      path: '/api/app.info',
      headers: apiHeaders({ origin: `http://localhost:${running.port}` }),
      body: '{}',
    });
    expect(res.status).toBe(200);
  });
});

describe('API calls', () => {
  it('answers POST /api/sites.list with the seeded sites', async () => {
    const res = await call('sites.list', {});
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await envelope(res);
    expect(body.ok).toBe(true);
    const sites = body.value as { id: string }[];
    expect(sites).toHaveLength(seedSites.length);
    expect(sites.map((s) => s.id).sort()).toEqual(seedSites.map((s) => s.id).sort());
  });

  it('passes filters through', async () => {
    const body = await envelope(await call('sites.list', { country: 'SG' }));
    const inSingapore = seedSites.filter((s) => seedMarkets.find((m) => m.id === s.marketId)?.country === 'SG');
    expect(inSingapore.length).toBeGreaterThan(1);
    expect((body.value as { country: string }[]).map((s) => s.country)).toEqual(inSingapore.map(() => 'SG'));
  });

  it('treats an empty body as {}', async () => {
    const res = await fetch(`${running.url}api/app.info`, { method: 'POST', headers: apiHeaders() });
    expect(res.status).toBe(200);
    expect((await envelope(res)).value).toMatchObject({
      name: 'Landfall',
      version: 't',
      siteCount: seedSites.length,
    });
  });

  it('accepts application/json with a charset', async () => {
    const res = await call('app.info', {}, apiHeaders({ 'content-type': 'application/json; charset=utf-8' }));
    expect(res.status).toBe(200);
  });

  it('answers invalid input with 400 and the issues', async () => {
    const res = await call('sites.list', { country: 'usa' });
    expect(res.status).toBe(400);
    const body = await envelope(res);
    expect(body.ok).toBe(false);
    expect(body.error?.code).toBe('invalid_input');
    expect(body.error?.issues).toEqual([{ path: 'country', message: expect.stringContaining('ISO') }]);
  });

  it('answers an unknown call with 404 unknown_call', async () => {
    const res = await call('sites.delete', {});
    expect(res.status).toBe(404);
    expect((await envelope(res)).error).toEqual({
      code: 'unknown_call',
      message: 'there is no backend call named "sites.delete"',
      issues: [],
    });
  });

  it('answers a call name with broken percent-encoding with 404, not a server error', async () => {
    const res = await call('sites%E0%A4%A', {});
    expect(res.status).toBe(404);
    expect((await envelope(res)).error?.code).toBe('unknown_call');
  });

  it('answers malformed JSON with 400 invalid_input', async () => {
    const res = await fetch(`${running.url}api/sites.list`, {
      method: 'POST',
      headers: apiHeaders(),
      body: '{"country":',
    });
    expect(res.status).toBe(400);
    expect((await envelope(res)).error).toEqual({
      code: 'invalid_input',
      message: 'request body is not valid JSON',
      issues: [],
    });
  });

  it('refuses a body that is not declared as JSON with 415', async () => {
    const res = await fetch(`${running.url}api/app.info`, {
      method: 'POST',
      headers: { 'x-landfall-token': running.token, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(res.status).toBe(415);
    expect((await envelope(res)).error?.code).toBe('invalid_input');
  });

  it('refuses GET on a call with 405', async () => {
    const res = await fetch(`${running.url}api/app.info`, { headers: { 'x-landfall-token': running.token } });
    expect(res.status).toBe(405);
    expect((await envelope(res)).error?.message).toBe('API calls must use POST');
  });

  it('sends the security headers with API answers', async () => {
    const res = await call('app.info', {});
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('request body limit', () => {
  it('answers a body over MAX_BODY_BYTES with 413 and keeps serving', async () => {
    const res = await fetch(`${running.url}api/sites.list`, {
      method: 'POST',
      headers: apiHeaders(),
      body: ' '.repeat(MAX_BODY_BYTES + 1),
    });
    expect(res.status).toBe(413);
    expect((await envelope(res)).error).toEqual({
      code: 'invalid_input',
      message: `request body exceeds ${MAX_BODY_BYTES} bytes`,
      issues: [],
    });

    const after = await call('sites.list', {});
    expect(after.status).toBe(200);
    expect(((await envelope(after)).value as unknown[]).length).toBe(seedSites.length);
  });

  it('accepts a body of exactly MAX_BODY_BYTES', async () => {
    const json = '{}';
    const res = await fetch(`${running.url}api/app.info`, {
      method: 'POST',
      headers: apiHeaders(),
      body: json + ' '.repeat(MAX_BODY_BYTES - json.length),
    });
    expect(res.status).toBe(200);
  });

  it('answers 413 from the declared Content-Length alone, without waiting for the body', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: running.port,
        method: 'POST',
        path: '/api/sites.list',
        headers: apiHeaders({ 'content-length': String(MAX_BODY_BYTES + 1) }),
        agent: false,
      });
      const timer = setTimeout(() => {
        req.destroy();
        reject(new Error('no answer while the body was still unsent'));
      }, 2000);
      req.on('response', (res) => {
        clearTimeout(timer);
        res.resume();
        req.destroy();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => undefined);
      req.flushHeaders();
    });
    expect(status).toBe(413);
  });

  it('answers 413 to an over-long chunked body (no Content-Length) instead of dropping the connection', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: running.port,
          method: 'POST',
          path: '/api/sites.list',
          headers: apiHeaders({ 'transfer-encoding': 'chunked' }),
          agent: false,
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      // Writing after the server has answered and hung up may fail; only the answer matters here.
      req.on('error', (error) => reject(error));
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent <= MAX_BODY_BYTES + chunk.length) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
    expect(status).toBe(413);
    expect((await call('app.info', {})).status).toBe(200);
  });

  it('hangs up after a 413 rather than reading an endless body', async () => {
    const outcome = await new Promise<{ status: number; closed: boolean }>((resolve) => {
      let status = 0;
      let stop = false;
      const req = request({
        host: '127.0.0.1',
        port: running.port,
        method: 'POST',
        path: '/api/sites.list',
        headers: apiHeaders({ 'transfer-encoding': 'chunked' }),
        agent: false,
      });
      req.on('response', (res) => {
        status = res.statusCode ?? 0;
        res.resume();
      });
      req.on('error', () => undefined);
      req.on('close', () => {
        stop = true;
        resolve({ status, closed: true });
      });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = (): void => {
        while (!stop) {
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
      };
      pump();
      setTimeout(() => {
        if (!stop) {
          stop = true;
          req.destroy();
          resolve({ status, closed: false });
        }
      }, 5000).unref();
    });
    expect(outcome).toEqual({ status: 413, closed: true });
  });
});

describe('static files', () => {
  it('serves index.html at / with the token injected into <head> and the CSP header', async () => {
    const res = await fetch(running.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = await res.text();
    const meta = `<meta name="${TOKEN_META}" content="${running.token}">`;
    expect(TOKEN_META).toBe('landfall-token');
    expect(html).toContain(`<head>\n    ${meta}`);
    expect(html.split(meta)).toHaveLength(2);
    expect(html).toContain('<title>Landfall</title>');
  });

  it('injects the token into /index.html as well', async () => {
    const html = await (await fetch(`${running.url}index.html`)).text();
    expect(html).toContain(`content="${running.token}"`);
  });

  it('serves other files with their type and without the token', async () => {
    const res = await fetch(`${running.url}assets/app.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log("hi");\n');
  });

  it('answers a missing file or a folder with 404', async () => {
    expect((await fetch(`${running.url}nope.html`)).status).toBe(404);
    expect((await fetch(`${running.url}assets`)).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/etc/passwd',
    '/secret.txt%00.html',
  ])('does not serve %s from outside the static folder', async (path) => {
    const res = await raw({ path });
    expect(res.status).toBe(404);
    expect(res.body).toBe('Not found');
    expect(res.body).not.toContain(SECRET);
  });

  it('refuses non-GET methods on static paths with 405', async () => {
    const res = await fetch(running.url, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
  });
});

describe('resolveInside', () => {
  it('maps / to index.html and keeps ordinary paths inside the root', () => {
    expect(resolveInside('/srv/app', '/')).toBe('/srv/app/index.html');
    expect(resolveInside('/srv/app', '/assets/app.js')).toBe('/srv/app/assets/app.js');
    expect(resolveInside('/srv/app', '/a/../b.js')).toBe('/srv/app/b.js');
  });

  it('refuses paths that escape the root, NUL bytes and broken escapes', () => {
    expect(resolveInside('/srv/app', '..%2fsecret')).toBeNull();
    expect(resolveInside('/srv/app', '../app-other/x')).toBeNull();
    expect(resolveInside('/srv/app', '/x%00.html')).toBeNull();
    expect(resolveInside('/srv/app', '/%E0%A4%A')).toBeNull();
  });
});

describe('event stream', () => {
  it('streams an NDJSON line for each backend event', async () => {
    const lines = await new Promise<string[]>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: running.port,
          path: '/api/events',
          headers: { 'x-landfall-token': running.token },
          agent: false,
        },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toBe('application/x-ndjson');
          let text = '';
          let emitted = false;
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
            if (!emitted && text.includes('\n')) {
              // The server has subscribed by the time its first newline arrives.
              emitted = true;
              backend.events.emit('data.changed', { tables: ['sites'] });
              backend.events.emit('data.changed', { tables: ['markets', 'sites'] });
            }
            const complete = text.split('\n').filter((l) => l.trim() !== '');
            if (complete.length >= 2 && text.endsWith('\n')) {
              req.destroy();
              resolve(complete);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      { event: 'data.changed', payload: { tables: ['sites'] } },
      { event: 'data.changed', payload: { tables: ['markets', 'sites'] } },
    ]);
  });

  it('unsubscribes from the backend when the client disconnects', async () => {
    const bus = createEventBus();
    let subscribed = 0;
    let unsubscribed = 0;
    const events: EventBus = {
      emit: bus.emit,
      onAny(listener) {
        subscribed += 1;
        const off = bus.onAny(listener);
        return () => {
          unsubscribed += 1;
          off();
        };
      },
    };
    const own = await startHttpServer({ backend: { dispatch: backend.dispatch, events }, staticDir });
    try {
      await new Promise<void>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: own.port, path: '/api/events', headers: { 'x-landfall-token': own.token } },
          (res) => {
            res.once('data', () => {
              expect(subscribed).toBe(1);
              expect(unsubscribed).toBe(0);
              req.destroy();
              resolve();
            });
          },
        );
        req.on('error', reject);
        req.end();
      });
      await vi.waitFor(() => expect(unsubscribed).toBe(1));
      expect(() => events.emit('data.changed', { tables: ['sites'] })).not.toThrow();
    } finally {
      await own.close();
    }
  });
});

// Browser mode: the built renderer and the backend over HTTP on 127.0.0.1. Each call is
// POST /api/<call name> with a JSON body; events stream from GET /api/events as NDJSON.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { failure, type ErrorCode, type Result } from '../../shared/errors';
import type { Backend } from '../backend';
import { BodyTooLarge, readBody } from './body';
import { hostIsAllowed, isJsonContentType, originIsAllowed, tokenMatches } from './guards';
import { loadStatic } from './static-files';

export const MAX_BODY_BYTES = 1024 * 1024;
export const TOKEN_META = 'landfall-token';

export interface HttpServerOptions {
  backend: Pick<Backend, 'dispatch' | 'events'>;
  staticDir: string;
  port?: number;
  token?: string;
}

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unknown_call: 404,
  not_found: 404,
  forbidden: 403,
  read_only: 409,
  // The request was stopped on purpose (report.cancel): a conflict with another request, not a fault.
  cancelled: 409,
  internal: 500,
};

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(result));
}

function reject(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendResult(res, status, failure(code, message));
}

export function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  let port = options.port ?? 0;
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) reject(res, 500, 'internal', message);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostIsAllowed(req, port)) return reject(res, 403, 'forbidden', 'unexpected Host header');
    if (!originIsAllowed(req, port)) return reject(res, 403, 'forbidden', 'cross-origin request refused');
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith('/api/')) return handleApi(req, res, path.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return reject(res, 405, 'forbidden', `${req.method ?? 'this method'} is not allowed here`);
    }
    const file = await loadStatic(options.staticDir, path);
    if (file === null) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    const body = path === '/' || path === '/index.html' ? injectToken(file.body, token) : file.body;
    send(res, 200, file.type, body);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (!tokenMatches(req, token)) return reject(res, 401, 'forbidden', 'missing or wrong API token');
    if (name === 'events' && req.method === 'GET') return streamEvents(req, res);
    if (req.method !== 'POST') return reject(res, 405, 'forbidden', 'API calls must use POST');
    if (!isJsonContentType(req)) {
      return reject(res, 415, 'invalid_input', 'API calls must send Content-Type: application/json');
    }
    let text: string;
    try {
      text = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return reject(res, 413, 'invalid_input', `request body exceeds ${MAX_BODY_BYTES} bytes`);
      }
      throw error;
    }
    let input: unknown;
    try {
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return reject(res, 400, 'invalid_input', 'request body is not valid JSON');
    }
    let callName: string;
    try {
      callName = decodeURIComponent(name);
    } catch {
      return reject(res, 404, 'unknown_call', 'the call name in the URL is not valid percent-encoding');
    }
    const result = await options.backend.dispatch(callName, input);
    sendResult(res, result.ok ? 200 : STATUS[result.error.code], result);
  }

  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'application/x-ndjson' });
    res.write('\n');
    const off = options.backend.events.onAny((event, payload) => {
      res.write(`${JSON.stringify({ event, payload })}\n`);
    });
    req.on('close', off);
  }

  return new Promise((resolve, rejectStart) => {
    server.once('error', rejectStart);
    server.listen(port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function injectToken(html: Buffer, token: string): Buffer {
  const meta = `<meta name="${TOKEN_META}" content="${token}">`;
  return Buffer.from(html.toString('utf8').replace('<head>', `<head>\n    ${meta}`));
}

// Browser mode's HTTP door: a missing or wrong token, an oversized or malformed body, the wrong
// content type, an unknown call, a foreign Host or Origin, bad input to a real call. Each gets a JSON
// error with a status and a message, and the store's content is what it was.
import { request } from 'node:http';
import {
  call,
  Check,
  crashText,
  refusedHttp,
  serve,
  snapshot,
  stop,
  type Answer,
  type FaultCase,
  type FaultKind,
  type Served,
  type Verdict,
} from './harness';

function httpCase(name: string, attack: (served: Served, check: Check) => Promise<void>): FaultCase {
  return {
    name,
    async run(ctx): Promise<Verdict> {
      const served = await serve(ctx.base.root, ctx.db);
      const check = new Check();
      const before = snapshot(ctx.db);
      try {
        await attack(served, check);
        // The server still answers a good call afterwards.
        const ok = await call(served, 'presets.list', {});
        check.handled(ok.status === 200, `a good call after the attack answered ${ok.status}`);
      } finally {
        check.handled((await stop(served)) === 0, 'browser mode did not stop cleanly');
      }
      check.handled(
        crashText(served.output()) === null,
        `browser mode logged a crash: ${crashText(served.output()) ?? ''}`,
      );
      const after = snapshot(ctx.db);
      check.unchanged(before, after).kept(after.planner, 'the planner’s work is gone');
      return check.verdict;
    },
  };
}

const WRITE = { id: 'cost-first', name: 'Should not be written' };

function raw(served: Served, headers: Record<string, string>, body: string): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port: served.port, path: '/api/presets.duplicate', method: 'POST', headers },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            json = null;
          }
          done({ status: res.statusCode ?? 0, text, json });
        });
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

export const http: FaultKind = {
  kind: 'HTTP (browser mode)',
  cases: [
    httpCase('write with a wrong token', async (served, check) => {
      refusedHttp(check, await call(served, 'presets.duplicate', WRITE, { token: '0'.repeat(64) }), 401, 'wrong token');
    }),
    httpCase('write with no token', async (served, check) => {
      refusedHttp(check, await call(served, 'presets.duplicate', WRITE, { token: null }), 401, 'no token');
    }),
    httpCase('oversized body (2 MiB)', async (served, check) => {
      const big = JSON.stringify({ ...WRITE, description: 'x'.repeat(2 << 20) });
      refusedHttp(check, await call(served, 'presets.duplicate', null, { raw: big }), 413, 'oversized body');
    }),
    httpCase('wrong content type (text/plain)', async (served, check) => {
      const answer = await call(served, 'presets.duplicate', WRITE, { contentType: 'text/plain' });
      refusedHttp(check, answer, 415, 'text/plain');
    }),
    httpCase('malformed JSON body', async (served, check) => {
      refusedHttp(
        check,
        await call(served, 'presets.duplicate', null, { raw: '{"id": "cost-first",' }),
        400,
        'bad JSON',
      );
    }),
    httpCase('unknown call', async (served, check) => {
      refusedHttp(check, await call(served, 'store.dropEverything', {}), 404, 'unknown call');
    }),
    httpCase('bad input to a real call', async (served, check) => {
      refusedHttp(check, await call(served, 'presets.duplicate', { id: 42, name: null }), 400, 'bad input');
    }),
    httpCase('foreign Host header (DNS rebinding)', async (served, check) => {
      const answer = await raw(
        served,
        { host: 'evil.example', 'content-type': 'application/json', 'x-landfall-token': served.token },
        JSON.stringify(WRITE),
      );
      refusedHttp(check, answer, 403, 'foreign Host');
    }),
    httpCase('cross-origin request', async (served, check) => {
      const answer = await raw(
        served,
        {
          host: `127.0.0.1:${served.port}`,
          origin: 'https://evil.example',
          'content-type': 'application/json',
          'x-landfall-token': served.token,
        },
        JSON.stringify(WRITE),
      );
      refusedHttp(check, answer, 403, 'cross-origin');
    }),
  ],
};

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, pickTransport } from '../../renderer/src/api/client';
import { httpTransport } from '../../renderer/src/api/http-transport';
import { ApiCallError } from '../../shared/errors';
import type { LandfallBridge } from '../../shared/ipc-channels';
import { inMemoryTransport } from './fake-backend';

afterEach(() => {
  document.head.innerHTML = '';
  delete window.landfall;
});

describe('client', () => {
  it('returns the typed value of a successful call', async () => {
    const { transport, backend } = inMemoryTransport();
    const client = createClient(transport);
    const sites = await client.call('sites.list', { country: 'SG' });
    const all = await client.call('sites.list', {});
    expect(sites.length).toBeGreaterThan(1);
    expect(sites.map((s) => s.id).sort()).toEqual(
      all
        .filter((s) => s.country === 'SG')
        .map((s) => s.id)
        .sort(),
    );
    expect(sites.map((s) => s.id)).toContain('sg-tuas');
    backend.close();
  });

  it('throws ApiCallError with the code and issues of a failed call', async () => {
    const { transport, backend } = inMemoryTransport();
    const error = await createClient(transport)
      .call('sites.list', { country: 'singapore' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect((error as ApiCallError).code).toBe('invalid_input');
    expect((error as ApiCallError).issues[0]?.path).toBe('country');
    backend.close();
  });

  it('rejects a reply that breaks the contract instead of passing it on', async () => {
    const client = createClient({
      kind: 'http',
      call: () => Promise.resolve({ ok: true, value: [{ id: 1 }] }),
      subscribe: () => () => undefined,
    });
    await expect(client.call('sites.list', {})).rejects.toThrow();
  });

  it('delivers only valid event payloads to subscribers', () => {
    let emit: (payload: unknown) => void = () => undefined;
    const client = createClient({
      kind: 'ipc',
      call: () => Promise.resolve(null),
      subscribe: (_event, listener) => {
        emit = listener;
        return () => undefined;
      },
    });
    const seen: unknown[] = [];
    client.subscribe('data.changed', (p) => seen.push(p));
    emit({ tables: ['sites'] });
    emit({ tables: 'not-a-list' });
    expect(seen).toEqual([{ tables: ['sites'] }]);
  });
});

describe('pickTransport', () => {
  it('uses the preload bridge when Electron provides one', () => {
    const bridge: LandfallBridge = { call: vi.fn(), subscribe: vi.fn() };
    window.landfall = bridge;
    expect(pickTransport(window).kind).toBe('ipc');
  });

  it('uses HTTP with the token from the page in browser mode', () => {
    document.head.innerHTML = '<meta name="landfall-token" content="abc123">';
    expect(pickTransport(window).kind).toBe('http');
  });

  it('says what to do when there is no backend at all', () => {
    expect(() => pickTransport(window)).toThrow(/npm run serve/);
  });
});

describe('httpTransport', () => {
  it('POSTs JSON to /api/<call> with the token header', async () => {
    const fetchImpl = vi.fn(() => Promise.resolve(new Response('{"ok":true,"value":1}')));
    const result = await httpTransport('tok', fetchImpl).call('app.info', {});
    expect(result).toEqual({ ok: true, value: 1 });
    expect(fetchImpl).toHaveBeenCalledWith('/api/app.info', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-landfall-token': 'tok' },
      body: '{}',
    });
  });

  it('splits the NDJSON event stream into events for the right listeners', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const enc = new TextEncoder();
        controller.enqueue(enc.encode('\n{"event":"data.changed","pay'));
        controller.enqueue(enc.encode('load":{"tables":["sites"]}}\n{"event":"other","payload":1}\n'));
        controller.close();
      },
    });
    const fetchImpl = vi.fn(() => Promise.resolve(new Response(body)));
    const seen: unknown[] = [];
    httpTransport('tok', fetchImpl).subscribe('data.changed', (p) => seen.push(p));
    await vi.waitFor(() => expect(seen).toEqual([{ tables: ['sites'] }]));
    expect(fetchImpl).toHaveBeenCalledWith('/api/events', { headers: { 'x-landfall-token': 'tok' } });
  });
});

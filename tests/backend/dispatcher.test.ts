import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import { createDispatcher, type Handlers } from '../../backend/dispatcher';
import { latestVersion } from '../../db/migrations';
import { seedMarkets } from '../../db/seed/markets';
import { seedSites } from '../../db/seed/sites';
import type { Site } from '../../shared/schemas';
import { listSites } from '../../db/sites-repo';
import { callNames, type CallOutput } from '../../shared/contract';
import { ServiceError, type Result } from '../../shared/errors';

let backend: Backend;

beforeAll(() => {
  backend = createBackend({ dbPath: ':memory:', version: 't' });
});

afterAll(() => {
  backend.close();
});

/** The error a Result carries; fails the test if the call succeeded. */
function errorOf(result: Result<unknown>): Extract<Result<unknown>, { ok: false }>['error'] {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

function snapshot(): { sites: number; markets: number; hash: string } {
  const sites = backend.db.prepare('SELECT * FROM sites ORDER BY id').all();
  const markets = backend.db.prepare('SELECT * FROM markets ORDER BY id').all();
  const hash = createHash('sha256').update(JSON.stringify({ sites, markets })).digest('hex');
  return { sites: sites.length, markets: markets.length, hash };
}

const info: CallOutput<'app.info'> = {
  name: 'Landfall',
  version: 'x',
  schemaVersion: 1,
  dbPath: ':memory:',
  siteCount: 0,
  readOnly: false,
  readOnlyReason: null,
  readOnlyCause: null,
};

/** A handler for every call that fails if reached, so a test stubs only the calls it is about. */
const unstubbed = Object.fromEntries(
  callNames.map((name) => [
    name,
    () => {
      throw new Error(`${name} is not stubbed in this test`);
    },
  ]),
) as unknown as Handlers;

function dispatcherWith(overrides: Partial<Handlers>): ReturnType<typeof createDispatcher> {
  return createDispatcher({ ...unstubbed, 'app.info': () => info, 'sites.list': () => [], ...overrides });
}

describe('dispatch through the real backend', () => {
  it('answers app.info', async () => {
    const result = await backend.dispatch('app.info', {});
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Landfall',
        version: 't',
        schemaVersion: latestVersion,
        dbPath: ':memory:',
        siteCount: seedSites.length,
        readOnly: false,
        readOnlyReason: null,
        readOnlyCause: null,
      },
    });
  });

  it('treats a missing input as {}', async () => {
    const result = await backend.dispatch('sites.list', undefined);
    expect(result.ok && (result.value as unknown[]).length).toBe(seedSites.length);
  });

  it('passes validated filters to the service', async () => {
    const result = await backend.dispatch('sites.list', { country: 'MY', status: 'operational' });
    expect(result.ok).toBe(true);
    // Seed v5's operational sites in Malaysia (all in Johor): the Nusajaya district, now DayOne's campus,
    // Sedenak Tech Park (operational since the analyst review: its C&W share is built capacity), and
    // five named campuses.
    const expected = [
      'my-nusajaya',
      'my-sedenak',
      'my-airtrunk-jhb1',
      'my-bdc-my06',
      'my-vantage-jhb1',
      'my-pdg-jh1',
      'my-equinix-jh1',
    ];
    const sites = result.ok ? (result.value as Site[]) : [];
    expect(sites.map((s) => s.id).sort()).toEqual([...expected].sort());
    for (const s of sites) expect(s).toMatchObject({ country: 'MY', status: 'operational' });
  });

  it('rejects a malformed country with an issue on "country"', async () => {
    const error = errorOf(await backend.dispatch('sites.list', { country: 'usa' }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('invalid input for sites.list');
    expect(error.issues).toEqual([{ path: 'country', message: expect.stringContaining('2-letter') }]);
  });

  it('rejects an unknown status with an issue on "status"', async () => {
    const error = errorOf(await backend.dispatch('sites.list', { status: 'rumoured' }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i) => i.path)).toEqual(['status']);
  });

  it('rejects an unknown key because inputs are strict', async () => {
    const error = errorOf(await backend.dispatch('sites.list', { country: 'SG', limit: 5 }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.message).toContain('limit');
    const info = errorOf(await backend.dispatch('app.info', { verbose: true }));
    expect(info.code).toBe('invalid_input');
    expect(info.issues[0]?.message).toContain('verbose');
  });

  it('rejects a bbox whose south is above its north on "bbox.south"', async () => {
    const error = errorOf(
      await backend.dispatch('sites.list', { bbox: { west: 100, south: 10, east: 110, north: 0 } }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([{ path: 'bbox.south', message: 'south must not be above north' }]);
  });

  it('rejects an out-of-range bbox field on its own path', async () => {
    const error = errorOf(await backend.dispatch('sites.list', { bbox: { west: 200, south: 0, east: 110, north: 1 } }));
    expect(error.issues.map((i) => i.path)).toEqual(['bbox.west']);
  });

  it.each([['a string'], [42], [[]], [true]])('rejects the non-object input %j on "(input)"', async (input) => {
    const error = errorOf(await backend.dispatch('sites.list', input));
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([{ path: '(input)', message: expect.stringContaining('expected object') }]);
  });

  it('answers unknown_call for a name not in the contract', async () => {
    for (const name of ['sites.delete', 'toString', '']) {
      const error = errorOf(await backend.dispatch(name, {}));
      expect(error).toEqual({ code: 'unknown_call', message: `there is no backend call named "${name}"`, issues: [] });
    }
  });

  it('changes nothing in the store when the input is bad', async () => {
    // A handler that writes on every call it receives, so a bad input reaching it would show.
    const dispatch = dispatcherWith({
      'sites.list': (input) => {
        backend.db.prepare("UPDATE sites SET notes = notes || '.' WHERE id = 'sg-tuas'").run();
        backend.db
          .prepare("INSERT INTO markets (id, name, country) VALUES (?, 'Probe', 'ZZ')")
          .run(`probe-${snapshot().markets}`);
        return listSites(backend.db, input);
      },
    });
    const before = snapshot();
    expect(before).toMatchObject({ sites: seedSites.length, markets: seedMarkets.length });

    const bad: unknown[] = [
      { country: 'usa' },
      { status: 'rumoured' },
      { bbox: { west: 0, south: 5, east: 1, north: 0 } },
      { country: 'SG', extra: true },
      "'; DROP TABLE sites; --",
      [],
    ];
    for (const input of bad) expect(errorOf(await dispatch('sites.list', input)).code).toBe('invalid_input');
    expect(errorOf(await backend.dispatch('app.info', { siteCount: 0 })).code).toBe('invalid_input');
    expect(snapshot()).toEqual(before);

    // The same handler with a good input does write: the check above is not vacuous.
    expect((await dispatch('sites.list', { country: 'SG' })).ok).toBe(true);
    const after = snapshot();
    expect(after.markets).toBe(seedMarkets.length + 1);
    expect(after.hash).not.toBe(before.hash);
  });
});

describe('dispatch failures inside handlers', () => {
  it('passes a ServiceError through with its code, message and issues', async () => {
    const dispatch = dispatcherWith({
      'sites.list': () => {
        throw new ServiceError('not_found', 'no such market', [{ path: 'country', message: 'no market here' }]);
      },
    });
    expect(await dispatch('sites.list', {})).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'no such market', issues: [{ path: 'country', message: 'no market here' }] },
    });
  });

  it('passes through a ServiceError from an async handler', async () => {
    const dispatch = dispatcherWith({
      'app.info': async () => {
        await Promise.resolve();
        throw new ServiceError('read_only', 'store is read-only');
      },
    });
    expect(errorOf(await dispatch('app.info', {})).code).toBe('read_only');
  });

  it('turns any other thrown error into "internal" naming the call', async () => {
    const dispatch = dispatcherWith({
      'sites.list': () => {
        throw new Error('disk on fire');
      },
    });
    expect(await dispatch('sites.list', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'sites.list failed: disk on fire', issues: [] },
    });
  });

  it('turns a thrown non-Error into "internal"', async () => {
    const dispatch = dispatcherWith({
      'app.info': () => {
        throw 'plain string';
      },
    });
    expect(errorOf(await dispatch('app.info', {}))).toEqual({
      code: 'internal',
      message: 'app.info failed: plain string',
      issues: [],
    });
  });

  it('reports output that breaks the contract as "internal", not as the caller’s fault', async () => {
    const dispatch = dispatcherWith({
      'app.info': () => ({ ...info, name: 'Elsewhere' }) as unknown as CallOutput<'app.info'>,
    });
    const error = errorOf(await dispatch('app.info', {}));
    expect(error.code).toBe('internal');
    expect(error.message).toBe('app.info produced output that breaks the contract');
    expect(error.issues.map((i) => i.path)).toEqual(['name']);
  });

  it('does not run the handler when the input is invalid', async () => {
    let calls = 0;
    const dispatch = dispatcherWith({
      'sites.list': () => {
        calls += 1;
        return [];
      },
    });
    await dispatch('sites.list', { country: 'usa' });
    expect(calls).toBe(0);
    await dispatch('sites.list', { country: 'SG' });
    expect(calls).toBe(1);
  });

  it('hands the handler the parsed input', async () => {
    const seen: unknown[] = [];
    const dispatch = dispatcherWith({
      'sites.list': (input) => {
        seen.push(input);
        return [];
      },
    });
    expect(await dispatch('sites.list', { status: 'planned' })).toEqual({ ok: true, value: [] });
    expect(seen).toEqual([{ status: 'planned' }]);
  });
});

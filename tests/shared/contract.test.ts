import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callNames, contract, eventNames, events, isCallName, isEventName } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY, ONLINE_TILE_ORIGIN } from '../../shared/csp';
import {
  ApiCallError,
  ApiError,
  describeIssues,
  failure,
  issuesFromZod,
  ResultEnvelope,
  ServiceError,
} from '../../shared/errors';
import { BBox, IsoCountry, IsoDate, Site, SiteStatus } from '../../shared/schemas';

describe('contract', () => {
  it('lists the calls the backend offers', () => {
    // Each domain adds its own; these are the foundation's.
    expect(callNames).toEqual(expect.arrayContaining(['app.info', 'sites.list']));
    for (const name of callNames) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('offers the reference-data list calls', () => {
    expect(callNames).toEqual(
      expect.arrayContaining([
        'jurisdictions.list',
        'markets.list',
        'criteria.list',
        'metrics.list',
        'chips.list',
        'policies.list',
        'profiles.list',
        'presets.list',
      ]),
    );
  });

  it.each(Object.entries(contract))('%s has a summary and zod input and output schemas', (_name, spec) => {
    expect(typeof spec.summary).toBe('string');
    expect(spec.summary.trim().length).toBeGreaterThan(10);
    expect(spec.input).toBeInstanceOf(z.ZodType);
    expect(spec.output).toBeInstanceOf(z.ZodType);
  });

  it.each(Object.entries(contract))('%s input is strict: an unknown key is rejected', (_name, spec) => {
    const result = spec.input.safeParse({ surplus: 1 });
    expect(result.success).toBe(false);
    // Calls with required fields report those too; the unknown key must be among the issues.
    expect(result.error?.issues.map((i) => i.code)).toContain('unrecognized_keys');
  });

  it('recognises call names and nothing inherited from Object', () => {
    expect(isCallName('sites.list')).toBe(true);
    expect(isCallName('app.info')).toBe(true);
    expect(isCallName('sites.nope')).toBe(false);
    expect(isCallName('toString')).toBe(false);
    expect(isCallName('__proto__')).toBe(false);
    expect(isCallName(42)).toBe(false);
  });

  it('declares the data.changed event with a list of tables', () => {
    expect(eventNames).toEqual(expect.arrayContaining(['data.changed', 'sensitivity.progress']));
    expect(isEventName('data.changed')).toBe(true);
    expect(isEventName('hasOwnProperty')).toBe(false);
    expect(events['data.changed'].safeParse({ tables: ['sites'] }).success).toBe(true);
    expect(events['data.changed'].safeParse({ tables: 'sites' }).success).toBe(false);
  });
});

describe('errors', () => {
  it('failure builds the error envelope with empty issues by default', () => {
    expect(failure('not_found', 'gone')).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'gone', issues: [] },
    });
    const withIssues = failure('invalid_input', 'bad', [{ path: 'a', message: 'm' }]);
    expect(ResultEnvelope.parse(withIssues)).toEqual(withIssues);
    expect(ApiError.safeParse({ code: 'teapot', message: 'x', issues: [] }).success).toBe(false);
  });

  it('issuesFromZod joins nested paths with dots and names the root "(input)"', () => {
    const schema = z.strictObject({ bbox: z.object({ south: z.number() }), list: z.array(z.string()) });
    const nested = schema.safeParse({ bbox: { south: 'x' }, list: ['ok', 3] });
    expect(nested.success).toBe(false);
    if (nested.success) return;
    expect(issuesFromZod(nested.error).map((i) => i.path)).toEqual(['bbox.south', 'list.1']);

    const root = schema.safeParse('nope');
    if (root.success) throw new Error('expected a failure');
    expect(issuesFromZod(root.error)).toEqual([{ path: '(input)', message: expect.stringContaining('object') }]);
  });

  it('describeIssues prints path: message pairs separated by semicolons', () => {
    expect(
      describeIssues([
        { path: 'country', message: 'bad code' },
        { path: 'status', message: 'bad status' },
      ]),
    ).toBe('country: bad code; status: bad status');
    expect(describeIssues([])).toBe('');
  });

  it('ServiceError and ApiCallError carry code, message and issues', () => {
    const issues = [{ path: 'id', message: 'unknown' }];
    const service = new ServiceError('not_found', 'no such site', issues);
    expect(service).toBeInstanceOf(Error);
    expect(service.name).toBe('ServiceError');
    expect([service.code, service.message, service.issues]).toEqual(['not_found', 'no such site', issues]);
    expect(new ServiceError('forbidden', 'x').issues).toEqual([]);

    const call = new ApiCallError({ code: 'read_only', message: 'store is read-only', issues });
    expect(call).toBeInstanceOf(Error);
    expect(call.name).toBe('ApiCallError');
    expect([call.code, call.message, call.issues]).toEqual(['read_only', 'store is read-only', issues]);
  });
});

describe('schemas', () => {
  it('IsoCountry accepts two upper-case letters only', () => {
    expect(IsoCountry.safeParse('SG').success).toBe(true);
    for (const bad of ['sg', 'USA', 'S', '', 'S1']) expect(IsoCountry.safeParse(bad).success).toBe(false);
  });

  it('IsoDate accepts real YYYY-MM-DD dates only', () => {
    expect(IsoDate.safeParse('2024-02-29').success).toBe(true);
    for (const bad of ['2024-13-01', '2023-02-29', '01/02/2024', '2024-1-1']) {
      expect(IsoDate.safeParse(bad).success).toBe(false);
    }
  });

  it('BBox rejects south above north on the south field and allows west > east', () => {
    const bad = BBox.safeParse({ west: 0, south: 10, east: 1, north: 5 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path)).toEqual([['south']]);
    expect(BBox.safeParse({ west: 170, south: -30, east: -170, north: 0 }).success).toBe(true);
    expect(BBox.safeParse({ west: -181, south: 0, east: 0, north: 1 }).success).toBe(false);
    expect(BBox.safeParse({ west: 0, south: -91, east: 1, north: 1 }).success).toBe(false);
  });

  it('SiteStatus is the four lifecycle states', () => {
    expect(SiteStatus.options).toEqual(['operational', 'under_construction', 'planned', 'land_bank']);
  });

  it('Site requires an http(s) source url and an ISO asOf date', () => {
    const site = {
      id: 'x',
      name: 'X',
      marketId: 'm',
      marketName: 'M',
      country: 'SG',
      lat: 1,
      lon: 103,
      capacityMw: { existing: null, planned: 10 },
      status: 'planned',
      operator: null,
      notes: '',
      source: { title: 'T', url: 'https://example.com/a', asOf: '2024-01-01' },
    };
    expect(Site.safeParse(site).success).toBe(true);
    expect(Site.safeParse({ ...site, source: { ...site.source, url: 'not a url' } }).success).toBe(false);
    expect(Site.safeParse({ ...site, source: { ...site.source, asOf: 'yesterday' } }).success).toBe(false);
    expect(Site.safeParse({ ...site, lat: 91 }).success).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows only our own origin and forbids inline script, eval and framing', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => {
        const [name = '', ...values] = d.split(' ');
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:/);
  });

  it('names one remote origin, the OpenStreetMap tile server, and only for images', () => {
    const remote = CONTENT_SECURITY_POLICY.split('; ').filter((d) => /https:/.test(d));
    expect(remote).toEqual(["img-src 'self' data: https://tile.openstreetmap.org"]);
    expect(ONLINE_TILE_ORIGIN).toBe('https://tile.openstreetmap.org');
  });
});

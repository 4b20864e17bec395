import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listChanges } from '../../db/change-log';
import { contentHash, rowCounts } from '../../db/transfer/content-hash';
import { commitImport, ImportRefused, previewImport } from '../../db/transfer/import';
import { toCsv } from '../../shared/csv';
import { METHOD_NOT_RECORDED } from '../../shared/model/facts';
import type { ImportKind, ImportPreview } from '../../shared/model/transfer';
import { addReference, changeLogCount, emptyDb, OTHER, SOURCE, type Db } from './transfer-fixture';

let db: Db;

beforeEach(() => {
  db = emptyDb();
  addReference(db);
});

afterEach(() => {
  db.close();
});

const HEAD = 'id,name,country,region,lat,lon';
const SRC = `${SOURCE.title.includes(',') ? `"${SOURCE.title}"` : SOURCE.title},${SOURCE.url},${SOURCE.asOf}`;

/** Commits and expects a refusal; returns its errors as [row, column] and checks nothing changed. */
function refused(kind: ImportKind, text: string): [number | null, string | null][] {
  const hash = contentHash(db);
  const logged = changeLogCount(db);
  let preview: ImportPreview | null = null;
  try {
    commitImport(db, kind, text);
  } catch (error) {
    if (!(error instanceof ImportRefused)) throw error;
    preview = error.preview;
  }
  expect(preview, 'the import should have been refused').not.toBeNull();
  expect(contentHash(db)).toBe(hash);
  expect(changeLogCount(db)).toBe(logged);
  // The preview reports exactly what the refusal does.
  expect(previewImport(db, kind, text).errors).toEqual(preview?.errors);
  return (preview?.errors ?? []).map((e) => [e.row, e.column]);
}

const site = (id: string): Record<string, unknown> | undefined =>
  db.prepare('SELECT * FROM sites WHERE id = ?').get(id) as Record<string, unknown> | undefined;
const fact = (criterion: string, siteId: string): Record<string, unknown> | undefined =>
  db.prepare('SELECT * FROM metric_values WHERE criterion_id = ? AND site_id = ?').get(criterion, siteId) as
    Record<string, unknown> | undefined;

describe('sites CSV: what it writes', () => {
  it('adds sites with their facts, each fact carrying the row’s source', () => {
    const text = `${HEAD},power_price,latency_sg,source_title,source_url,as_of\nx1,Site one,SG,sg,1.25,103.5,99.5,,${SRC}\n`;
    const { result } = commitImport(db, 'sites-csv', text);
    expect(result.added).toEqual([{ table: 'sites', id: 'x1', row: 2, fields: expect.any(Array) as unknown }]);
    expect(site('x1')).toMatchObject({
      name: 'Site one',
      market_id: 'sg',
      lat: 1.25,
      lon: 103.5,
      status: 'planned',
      origin: 'import',
      source_url: SOURCE.url,
    });
    expect(fact('power_price', 'x1')).toMatchObject({ value: 99.5, source_url: SOURCE.url, as_of: SOURCE.asOf });
    expect(fact('latency_sg', 'x1')).toBeUndefined(); // an empty cell says nothing
  });

  it('previews per row what is added, changed and unchanged, and writes nothing', () => {
    commitImport(
      db,
      'sites-csv',
      `${HEAD},${'source_title,source_url,as_of'}\na,A,SG,sg,1,103,${SRC}\nb,B,SG,sg,1,103,${SRC}\n`,
    );
    const hash = contentHash(db);
    const text = `${HEAD},power_price,source_title,source_url,as_of\na,A,SG,sg,1,103,,${SRC}\nb,B,SG,sg,1.5,103,7,${SRC}\nc,C,MY,Johor,2,104,,${SRC}\n`;
    const preview = previewImport(db, 'sites-csv', text);
    expect(preview).toEqual({
      kind: 'sites-csv',
      added: [{ table: 'sites', id: 'c', row: 4, fields: expect.any(Array) as unknown }],
      changed: [{ table: 'sites', id: 'b', row: 3, fields: ['lat', 'power_price'] }],
      unchanged: [{ table: 'sites', id: 'a', row: 2, fields: [] }],
      errors: [],
      notes: [],
    });
    expect(contentHash(db)).toBe(hash);
  });

  it('updates only the columns the file has and keeps an existing site’s own source', () => {
    db.prepare(
      `INSERT INTO sites (id, name, market_id, lat, lon, capacity_planned_mw, status, notes, source_title, source_url,
        source_as_of, origin) VALUES ('s', 'Old', 'sg', 1, 103, 50, 'operational', 'keep me', 'Site src', 'https://s.org', '2020-01-01', 'seed')`,
    ).run();
    commitImport(db, 'sites-csv', `${HEAD},power_price,source_title,source_url,as_of\ns,New,SG,sg,1,103,5,${SRC}\n`);
    expect(site('s')).toMatchObject({
      name: 'New',
      status: 'operational',
      notes: 'keep me',
      capacity_planned_mw: 50,
      source_url: 'https://s.org',
      origin: 'seed',
    });
    expect(fact('power_price', 's')).toMatchObject({ value: 5, source_url: SOURCE.url });
  });

  it('reads the operator column: a name is trimmed, a blank cell clears it, an absent column keeps it', () => {
    db.prepare(
      `INSERT INTO sites (id, name, market_id, lat, lon, status, operator, source_title, source_url, source_as_of)
        VALUES ('k', 'Kept', 'sg', 1, 103, 'operational', 'Keppel DC', 'Site src', 'https://s.org', '2020-01-01')`,
    ).run();
    commitImport(
      db,
      'sites-csv',
      `${HEAD},site_source_title,site_source_url,site_source_as_of,operator\nn,New,SG,sg,1,103,${SRC},  Equinix \n`,
    );
    expect(site('n')).toMatchObject({ operator: 'Equinix', origin: 'import' });
    commitImport(db, 'sites-csv', `${HEAD}\nk,Kept renamed,SG,sg,1,103\n`);
    expect(site('k')).toMatchObject({ name: 'Kept renamed', operator: 'Keppel DC' });
    commitImport(db, 'sites-csv', `${HEAD},operator\nk,Kept renamed,SG,sg,1,103,\n`);
    expect(site('k')).toMatchObject({ operator: null });
  });

  it('records every row in one change batch, with before and after, for undo', () => {
    db.prepare(
      `INSERT INTO sites (id, name, market_id, lat, lon, status, source_title, source_url, source_as_of)
       VALUES ('s', 'Old', 'sg', 1, 103, 'planned', 'T', 'https://s.org', '2020-01-01')`,
    ).run();
    const text = `${HEAD},power_price,source_title,source_url,as_of\ns,New,SG,sg,1,103,5,${SRC}\nt,T,VNM,Ho Chi Minh City,1,103,,${SRC}\n`;
    expect(refused('sites-csv', text)).toEqual([[3, 'country']]);
    const ok = text.replace('VNM', 'VN');
    const { result } = commitImport(db, 'sites-csv', ok);
    const log = listChanges(db).filter((c) => c.batchId === result.batchId);
    expect(log.map((c) => [c.action, c.table, c.rowId]).sort()).toEqual(
      [
        ['insert', 'markets', 'vn-ho-chi-minh-city'],
        ['insert', 'metric_values', String(fact('power_price', 's')?.id)],
        ['insert', 'sites', 't'],
        ['update', 'sites', 's'],
      ].sort(),
    );
    const update = log.find((c) => c.action === 'update');
    expect(update?.before).toMatchObject({ id: 's', name: 'Old' });
    expect(update?.after).toMatchObject({ id: 's', name: 'New' });
    expect(update?.summary).toBe('import sites-csv row 2: name');
    expect(log.every((c) => c.actor === 'import')).toBe(true);
  });
});

describe('sites CSV: regions', () => {
  const row = (country: string, region: string): string =>
    `${HEAD},source_title,source_url,as_of\nx,X,${country},${region},1,103,${SRC}\n`;
  const marketOf = (): unknown => site('x')?.market_id;

  it('finds a market by id, or by name within the country, case-blind', () => {
    commitImport(db, 'sites-csv', row('MY', 'my-johor'));
    expect(marketOf()).toBe('my-johor');
    commitImport(db, 'sites-csv', row('cn', 'greater beijing / hebei'));
    expect(marketOf()).toBe('cn-jjj');
    commitImport(db, 'sites-csv', row('', 'sg'));
    expect(marketOf()).toBe('sg');
  });

  it('creates an unknown region as a market in a real country, once for all its rows', () => {
    const text = `${HEAD},source_title,source_url,as_of\nx,X,MY,Kulai,1,103,${SRC}\ny,Y,my,kulai,1,103,${SRC}\n`;
    const { result } = commitImport(db, 'sites-csv', text);
    expect(result.added.filter((e) => e.table === 'markets')).toEqual([
      { table: 'markets', id: 'my-kulai', row: 2, fields: expect.any(Array) as unknown },
    ]);
    expect(db.prepare("SELECT * FROM markets WHERE id = 'my-kulai'").get()).toEqual({
      id: 'my-kulai',
      name: 'Kulai',
      country: 'MY',
      jurisdiction_code: 'MY',
      description: '',
    });
    expect(site('y')?.market_id).toBe('my-kulai');
  });

  it('refuses an unknown region in an unknown country, without a country, or a known one in another country', () => {
    expect(refused('sites-csv', row('XQ', 'Atlantis'))).toEqual([[2, 'country']]);
    expect(refused('sites-csv', row('', 'Atlantis'))).toEqual([[2, 'country']]);
    expect(refused('sites-csv', row('MY', 'sg'))).toEqual([[2, 'country']]);
    expect(refused('sites-csv', row('MY', 'Singapore'))).toEqual([[2, 'country']]);
  });
});

describe('sites CSV: file formats', () => {
  const expected = { name: 'Tuas, "West"\nyard', lat: 1.5, lon: 103.25 };
  const check = (text: string): void => {
    commitImport(db, 'sites-csv', text);
    expect(site('x')).toMatchObject(expected);
    expect(fact('power_price', 'x')).toMatchObject({ value: 12.5 });
  };

  it('reads a plain comma file with LF line ends', () => {
    check(`${HEAD},power_price,source_title,source_url,as_of\nx,"Tuas, ""West""\nyard",SG,sg,1.5,103.25,12.5,${SRC}\n`);
  });

  it('reads a UTF-8 BOM, CRLF line ends and a quoted CRLF inside a field', () => {
    const text = `\uFEFF${HEAD},power_price,source_title,source_url,as_of\r\nx,"Tuas, ""West""\nyard",SG,sg,1.5,103.25,12.5,${SRC}\r\n`;
    check(text);
  });

  it('reads semicolons with decimal commas (a European spreadsheet)', () => {
    const text = `${HEAD.replaceAll(',', ';')};power_price;source_title;source_url;as_of\r\nx;"Tuas, ""West""\nyard";SG;sg;1,5;103,25;12,5;${SOURCE.title};${SOURCE.url};${SOURCE.asOf}\r\n`;
    check(text);
  });

  it('reads headers in any case and order, with extra spaces', () => {
    const text = ` Lat ,LON,Name,ID,Region,Country,Power_Price,AS_OF,Source_URL,Source_Title\n1.5,103.25,"Tuas, ""West""\nyard",x,sg,SG,12.5,${SOURCE.asOf},${SOURCE.url},"${SOURCE.title}"\n`;
    check(text);
  });
});

describe('sites CSV: refusals name every bad row and column', () => {
  const SRC_HEAD = 'source_title,source_url,as_of';

  it('a missing required column', () => {
    expect(refused('sites-csv', `id,name,country,region,lat,${SRC_HEAD}\nx,X,SG,sg,1,${SRC}\n`)).toEqual([[1, 'lon']]);
  });

  it('an unknown criterion column and a derived one', () => {
    expect(refused('sites-csv', `${HEAD},power_pryce,chip_access,${SRC_HEAD}\nx,X,SG,sg,1,103,5,1,${SRC}\n`)).toEqual([
      [1, 'power_pryce'],
      [1, 'chip_access'],
    ]);
  });

  it('a non-numeric value, by row and column', () => {
    const text = `${HEAD},power_price,${SRC_HEAD}\nx,X,SG,sg,1,103,5,${SRC}\ny,Y,SG,sg,1,103,cheap,${SRC}\n`;
    expect(refused('sites-csv', text)).toEqual([[3, 'power_price']]);
  });

  it('bad coordinates', () => {
    const text = `${HEAD},${SRC_HEAD}\nx,X,SG,sg,91,103,${SRC}\ny,Y,SG,sg,1,-180.5,${SRC}\nz,Z,SG,sg,north,103,${SRC}\n`;
    expect(refused('sites-csv', text)).toEqual([
      [2, 'lat'],
      [3, 'lon'],
      [4, 'lat'],
    ]);
  });

  it('a duplicate id, naming both rows', () => {
    const text = `${HEAD},${SRC_HEAD}\nx,X,SG,sg,1,103,${SRC}\ny,Y,SG,sg,1,103,${SRC}\nx,X again,SG,sg,1,103,${SRC}\n`;
    expect(refused('sites-csv', text)).toEqual([
      [2, 'id'],
      [4, 'id'],
    ]);
  });

  it('a new site without any source', () => {
    expect(refused('sites-csv', `${HEAD}\nx,X,SG,sg,1,103\n`)).toEqual([[2, 'site_source_url']]);
  });

  it('a file whose only bad row is the last of many', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `s${i},S${i},SG,sg,1,103,${i},${SRC}`);
    rows.push(`bad,Bad,SG,sg,1,103,n/a,${SRC}`);
    expect(refused('sites-csv', `${HEAD},power_price,${SRC_HEAD}\n${rows.join('\n')}\n`)).toEqual([
      [502, 'power_price'],
    ]);
    expect(rowCounts(db).sites).toBe(0);
  });

  it('every problem at once, in row order', () => {
    const text = [
      `${HEAD},power_price,${SRC_HEAD}`,
      `a,A,SG,sg,1,103,1,${SRC}`,
      `b,B,SG,sg,100,103,x,${SRC}`,
      `a,A2,SG,nowhere,1,103,2,${SRC}`,
      `c,C,ZZ,nowhere,1,103,3,${SRC}`,
    ].join('\n');
    expect(refused('sites-csv', text)).toEqual([
      [2, 'id'],
      [3, 'lat'],
      [3, 'power_price'],
      [4, 'id'],
      [5, 'country'],
    ]);
  });
});

describe('JSON imports', () => {
  const policy = {
    id: 'cn-2025-h20',
    issuer: 'CN',
    regime: 'cn-procurement',
    title: 'Guidance against H20 purchases',
    publishedDate: null,
    effectiveDate: '2025-09-01',
    complianceDate: null,
    endDate: null,
    effect: 'informational',
    condition: '',
    scope: {
      chips: ['h20'],
      chipClasses: [],
      destinations: ['CN'],
      companyHq: [],
      stateFunded: null,
      entityListed: null,
      companies: [],
      deployment: 'any',
    },
    links: [],
    confidence: 'reported',
    source: { title: 'Reuters', url: 'https://example.org/r' },
    note: '',
  };
  const preset = {
    id: 'cheap-power',
    name: 'Cheap power',
    description: '',
    builtin: false,
    method: 'wsm',
    weights: { power_price: 1 },
    constraints: [{ kind: 'max', criterionId: 'power_price', value: 150 }],
    updatedAt: '2025-02-01T10:00:00.000Z',
  };

  it('imports policy events and presets from a table file or a bare array, then previews them unchanged', () => {
    const file = JSON.stringify({ format: 'landfall.table', version: 1, table: 'policy_events', rows: [policy] });
    commitImport(db, 'policies-json', file);
    commitImport(db, 'presets-json', JSON.stringify([preset]));
    expect(db.prepare('SELECT scope FROM policy_events').get()).toEqual({ scope: JSON.stringify(policy.scope) });
    expect(previewImport(db, 'policies-json', file).unchanged).toEqual([
      { table: 'policy_events', id: 'cn-2025-h20', row: 1, fields: [] },
    ]);
    const changed = previewImport(db, 'presets-json', JSON.stringify([{ ...preset, weights: { power_price: 2 } }]));
    expect(changed.changed).toEqual([{ table: 'presets', id: 'cheap-power', row: 1, fields: ['weights'] }]);
  });

  it('upgrades an event written before regimes: regime from its issuer and scope, official becomes rule', () => {
    const { regime: _r, publishedDate: _p, complianceDate: _c, links: _l, ...legacy } = policy;
    commitImport(db, 'policies-json', JSON.stringify([{ ...legacy, id: 'cn-2024-legacy', confidence: 'official' }]));
    expect(
      db
        .prepare('SELECT regime, published_date, compliance_date, links, confidence FROM policy_events WHERE id = ?')
        .get('cn-2024-legacy'),
    ).toEqual({
      regime: 'cn-procurement',
      published_date: null,
      compliance_date: null,
      links: '[]',
      confidence: 'rule',
    });
  });

  it('refuses a link to a missing event, to another regime, or around a cycle, on the row that holds it', () => {
    const link = (eventId: string): { kind: 'supersedes'; eventId: string; reason: string } => ({
      kind: 'supersedes',
      eventId,
      reason: 'test',
    });
    const other = { ...policy, id: 'us-cloud-x', issuer: 'US', regime: 'us-cloud' as const };
    const rows = [
      { ...policy, id: 'a1', links: [link('nowhere')] },
      other,
      { ...policy, id: 'a2', links: [link('us-cloud-x')] },
      { ...policy, id: 'c1', links: [link('c2')] },
      { ...policy, id: 'c2', links: [link('c1')] },
    ];
    expect(refused('policies-json', JSON.stringify(rows))).toEqual([
      [1, 'links'],
      [3, 'links'],
      [4, 'links'],
      [5, 'links'],
    ]);
    // A link within the regime to an event in the file goes in.
    commitImport(db, 'policies-json', JSON.stringify([policy, { ...policy, id: 'b1', links: [link(policy.id)] }]));
    expect(db.prepare("SELECT links FROM policy_events WHERE id = 'b1'").get()).toEqual({
      links: JSON.stringify([link(policy.id)]),
    });
  });

  it('names every bad row and field, and writes none of the good ones', () => {
    const rows = [
      policy,
      { ...policy, id: 'b', endDate: '2020-01-01' },
      { ...policy, id: 'c', scope: { ...policy.scope, deployment: 'leased' } },
      { ...policy, id: 'cn-2025-h20' },
    ];
    expect(refused('policies-json', JSON.stringify(rows))).toEqual([
      [1, 'id'],
      [2, 'endDate'],
      [3, 'scope.deployment'],
      [4, 'id'],
    ]);
  });

  it('checks references against the file and the store', () => {
    const doc = {
      format: 'landfall.database',
      version: 1,
      schemaVersion: 2,
      tables: {
        markets: [{ id: 'vn-hcm', name: 'HCMC', country: 'VN', jurisdictionCode: 'VN', description: '' }],
        metric_values: [
          {
            kind: 'known',
            criterionId: 'power_price',
            marketId: 'vn-hcm',
            siteId: null,
            note: '',
            value: 1,
            low: 3,
            high: 2,
            source: SOURCE,
          },
          {
            kind: 'known',
            criterionId: 'chip_access',
            marketId: 'sg',
            siteId: null,
            note: '',
            value: 1,
            low: null,
            high: null,
            source: SOURCE,
          },
          {
            kind: 'missing',
            criterionId: 'nope',
            marketId: null,
            siteId: 'ghost',
            note: '',
            missingReason: 'n/a',
            source: null,
          },
          {
            kind: 'missing',
            criterionId: 'power_price',
            marketId: 'sg',
            siteId: 'sg-tuas',
            note: '',
            missingReason: 'n/a',
            source: null,
          },
        ],
      },
    };
    const errors = refused('database-json', JSON.stringify(doc));
    expect(errors).toEqual([
      [1, 'jurisdictionCode'],
      [1, 'low'],
      [2, 'criterionId'],
      [3, 'criterionId'],
      [3, 'siteId'],
      [4, 'siteId'], // a fact of a market and a site at once
      [4, 'siteId'], // and the site does not exist
    ]);
    // Adding the jurisdiction to the same file, out of order, fixes the first.
    const fixed = {
      ...doc,
      tables: {
        markets: doc.tables.markets,
        jurisdictions: [{ code: 'VN', name: 'Viet Nam', parentCode: null, level: 'country' }],
      },
    };
    commitImport(db, 'database-json', JSON.stringify(fixed));
    expect(db.prepare("SELECT jurisdiction_code FROM markets WHERE id = 'vn-hcm'").get()).toEqual({
      jurisdiction_code: 'VN',
    });
  });

  it('refuses a file that is not JSON, or not the kind asked for, naming it', () => {
    const message = (kind: ImportKind, text: string): string => previewImport(db, kind, text).errors[0]?.message ?? '';
    expect(message('presets-json', '{"format":')).toMatch(/not valid JSON/);
    expect(
      message(
        'presets-json',
        JSON.stringify({ format: 'landfall.table', version: 1, table: 'policy_events', rows: [] }),
      ),
    ).toMatch(/holds table "policy_events".*policies-json/);
    expect(
      message('database-json', JSON.stringify({ format: 'landfall.table', version: 1, table: 'sites', rows: [] })),
    ).toMatch(/one-table file/);
    expect(
      message(
        'database-json',
        JSON.stringify({ format: 'landfall.database', version: 1, schemaVersion: 99, tables: {} }),
      ),
    ).toMatch(/newer Landfall/);
  });
});

describe('fact methods: files from before schema 6, and files that state them', () => {
  const NOT_RECORDED = { method: 'estimate', derivation: METHOD_NOT_RECORDED.derivation, reference: null };
  const FORMULA = '45.40 sen/kWh × 0.2245 USD/MYR (Fed 2025 average) = 10.19 US¢/kWh';
  const known = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    kind: 'known',
    criterionId: 'power_price',
    marketId: 'sg',
    siteId: null,
    note: '',
    value: 180,
    low: null,
    high: null,
    source: SOURCE,
    ...over,
  });
  const how = (criterion: string, where: string): unknown =>
    db
      .prepare(`SELECT value, method, derivation, reference FROM metric_values WHERE criterion_id = ? AND ${where} = ?`)
      .get(criterion, where === 'market_id' ? 'sg' : 'x1');

  it('a JSON value without a method is a not-recorded estimate, unless the store has the same number with its own', () => {
    // A file written before schema 6.
    commitImport(db, 'metric-values-json', JSON.stringify([known()]));
    expect(how('power_price', 'market_id')).toEqual({ value: 180, ...NOT_RECORDED });
    // A file that states it.
    const official = known({ method: 'official', reference: 'data/sources/ema-tariffs/figures.csv' });
    commitImport(db, 'metric-values-json', JSON.stringify([official]));
    expect(how('power_price', 'market_id')).toEqual({
      value: 180,
      method: 'official',
      derivation: null,
      reference: 'data/sources/ema-tariffs/figures.csv',
    });
    // The old file again: the same number, so the method the store has stays and nothing changes.
    const again = previewImport(db, 'metric-values-json', JSON.stringify([known()]));
    expect([again.added.length, again.changed.length, again.unchanged.length]).toEqual([0, 0, 1]);
    // Another number under the same source is refused (import-source-decision.test.ts); with the
    // source it comes from it goes in, and the stored method, which was about the old number, goes.
    commitImport(db, 'metric-values-json', JSON.stringify([known({ value: 175, source: OTHER })]));
    expect(how('power_price', 'market_id')).toEqual({ value: 175, ...NOT_RECORDED });
  });

  it('refuses a derived value without its derivation, an unknown method and a reference that is not a repository path', () => {
    const rows = [
      known({ method: 'derived' }),
      known({ criterionId: 'latency_sg', method: 'guess', derivation: null }),
      known({ criterionId: 'water_stress', method: 'official', reference: '../secrets.csv' }),
      known({ marketId: 'my-johor', method: 'estimate', derivation: '  ' }),
    ];
    expect(refused('metric-values-json', JSON.stringify(rows))).toEqual([
      [1, 'derivation'],
      [2, 'method'],
      [3, 'reference'],
      [4, 'derivation'],
    ]);
    const messages = previewImport(db, 'metric-values-json', JSON.stringify(rows)).errors.map((e) => e.message);
    expect(messages[0]).toBe(
      'a derived value needs its derivation: give the formula and its inputs with their values and sources',
    );
    expect(messages[1]).toBe('method must be official, measured, derived or estimate');
    expect(messages[3]).toBe('an estimate needs its derivation: give the reasoning and the inputs behind it');
    // With the formula it goes in, as written.
    commitImport(db, 'metric-values-json', JSON.stringify([known({ method: 'derived', derivation: FORMULA })]));
    expect(how('power_price', 'market_id')).toEqual({
      value: 180,
      method: 'derived',
      derivation: FORMULA,
      reference: null,
    });
  });

  it('a sites CSV without method columns gives not-recorded estimates; with them each fact says its own', () => {
    const old = `${HEAD},power_price,source_title,source_url,as_of\nx1,Site one,SG,sg,1.25,103.5,99.5,${SRC}\n`;
    commitImport(db, 'sites-csv', old);
    expect(how('power_price', 'site_id')).toEqual({ value: 99.5, ...NOT_RECORDED });
    const stated = toCsv(
      [
        ...HEAD.split(','),
        'power_price',
        'power_price.method',
        'power_price.derivation',
        'power_price.reference',
        'source_title',
        'source_url',
        'as_of',
      ],
      [
        [
          'x1',
          'Site one',
          'SG',
          'sg',
          1.25,
          103.5,
          99.5,
          'derived',
          FORMULA,
          'data/sources/tnb/figures.csv data/sources/fred-fx/figures.csv',
          SOURCE.title,
          SOURCE.url,
          SOURCE.asOf,
        ],
      ],
    );
    const { result } = commitImport(db, 'sites-csv', stated);
    expect(result.changed).toEqual([{ table: 'sites', id: 'x1', row: 2, fields: ['power_price'] }]);
    expect(how('power_price', 'site_id')).toEqual({
      value: 99.5,
      method: 'derived',
      derivation: FORMULA,
      reference: 'data/sources/tnb/figures.csv data/sources/fred-fx/figures.csv',
    });
    // The old file again leaves the stated method alone.
    expect(previewImport(db, 'sites-csv', old).unchanged).toEqual([{ table: 'sites', id: 'x1', row: 2, fields: [] }]);
  });

  it('a sites CSV: a derived value needs its derivation, a method must be one of four, and a missing value has none', () => {
    const head = `${HEAD},power_price,power_price.missing_reason,power_price.method,power_price.derivation,source_title,source_url,as_of`;
    const text = [
      head,
      `a,A,SG,sg,1,103,7,,derived,,${SRC}`,
      `b,B,SG,sg,1,103,7,,guess,,${SRC}`,
      `c,C,SG,sg,1,103,7,,,from the tariff table,${SRC}`,
      `d,D,SG,sg,1,103,,not published,official,,${SRC}`,
      `e,E,SG,sg,1,103,7,,estimate,midpoint of the two quotes,${SRC}`,
    ].join('\n');
    expect(refused('sites-csv', text)).toEqual([
      [2, 'power_price.derivation'],
      [3, 'power_price.method'],
      [4, 'power_price.method'],
      [5, 'power_price.method'],
    ]);
  });
});

describe('property: a sites CSV of random rows', () => {
  interface RandomRow {
    id: string;
    name: string;
    lat: number | string;
    lon: number | string;
    price: number | string | null;
    region: string;
  }
  // Each field is usually good and sometimes bad, so files come out all good or with a few bad rows.
  const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>): fc.Arbitrary<T | U> =>
    fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: bad, weight: 1 });
  const row = fc.record<RandomRow>({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
    name: mostly(
      fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('=1+2', '-x', 'a,b', 'q"q', 'l\nl')),
      fc.constantFrom('', ' '),
    ),
    lat: mostly(fc.double({ min: -90, max: 90, noNaN: true }), fc.constantFrom(90.5, -91, 'north', '')),
    lon: mostly(fc.double({ min: -180, max: 180, noNaN: true }), fc.constantFrom(181, 'east')),
    price: mostly(
      fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1000, noNaN: true })),
      fc.constantFrom('cheap', '1.2.3'),
    ),
    region: mostly(fc.constantFrom('sg', 'my-johor', 'Singapore'), fc.constant('atlantis')),
  });
  // Unique ids most of the time; sometimes repeats, which must be refused naming every copy.
  const file = fc.oneof(
    { arbitrary: fc.uniqueArray(row, { selector: (r) => r.id, minLength: 1, maxLength: 8 }), weight: 3 },
    { arbitrary: fc.array(row, { minLength: 2, maxLength: 12 }), weight: 1 },
  );

  const isNum = (v: unknown, limit: number): v is number => typeof v === 'number' && Math.abs(v) <= limit;
  const badColumns = (r: RandomRow): string[] => [
    ...(r.name.trim() === '' ? ['name'] : []),
    ...(r.region === 'atlantis' ? ['country'] : []),
    ...(isNum(r.lat, 90) ? [] : ['lat']),
    ...(isNum(r.lon, 180) ? [] : ['lon']),
    ...(r.price === null || typeof r.price === 'number' ? [] : ['power_price']),
  ];

  it('imports exactly the file when every row is good, and otherwise refuses naming exactly the bad rows', () => {
    const runs = { good: 0, bad: 0 };
    fc.assert(
      fc.property(file, (rows) => {
        const store = emptyDb();
        addReference(store);
        const hash = contentHash(store);
        const text = toCsv(
          ['id', 'name', 'country', 'region', 'lat', 'lon', 'power_price', 'source_title', 'source_url', 'as_of'],
          rows.map((r) => [
            r.id,
            r.name,
            r.region === 'atlantis' ? 'XQ' : '',
            r.region,
            r.lat,
            r.lon,
            r.price,
            SOURCE.title,
            SOURCE.url,
            SOURCE.asOf,
          ]),
        );
        const counts = new Map<string, number>();
        for (const r of rows) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
        const expectedBad = new Set(
          rows.flatMap((r, i) => (badColumns(r).length > 0 || (counts.get(r.id) ?? 0) > 1 ? [i + 2] : [])),
        );
        try {
          if (expectedBad.size === 0) {
            runs.good++;
            commitImport(store, 'sites-csv', text);
            const stored = store.prepare('SELECT id, name, market_id, lat, lon FROM sites ORDER BY id').all();
            const want = [...rows]
              .sort((a, b) => (a.id < b.id ? -1 : 1))
              .map((r) => ({
                id: r.id,
                name: r.name,
                market_id: r.region === 'Singapore' ? 'sg' : r.region,
                lat: r.lat === 0 ? 0 : r.lat, // CSV has no -0
                lon: r.lon === 0 ? 0 : r.lon,
              }));
            expect(stored).toEqual(want);
            const prices = store.prepare('SELECT site_id, value FROM metric_values ORDER BY site_id').all();
            expect(prices).toEqual(
              want.flatMap((w) => {
                const price = rows.find((r) => r.id === w.id)?.price;
                return typeof price === 'number' ? [{ site_id: w.id, value: price === 0 ? 0 : price }] : [];
              }),
            );
          } else {
            runs.bad++;
            expect(() => commitImport(store, 'sites-csv', text)).toThrow(ImportRefused);
            const errors = previewImport(store, 'sites-csv', text).errors;
            expect(new Set(errors.map((e) => e.row))).toEqual(expectedBad);
            for (const [i, r] of rows.entries()) {
              const named = errors.filter((e) => e.row === i + 2).map((e) => e.column);
              for (const column of badColumns(r)) expect(named).toContain(column);
            }
            expect(contentHash(store)).toBe(hash);
            expect(changeLogCount(store)).toBe(0);
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: 150 },
    );
    // Both halves of the property were exercised (shrinking runs count too, so only a floor).
    expect(runs.good).toBeGreaterThan(10);
    expect(runs.bad).toBeGreaterThan(10);
  });
});

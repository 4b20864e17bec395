// data.apply and data.validate through the real dispatcher on the seeded store: each table's insert,
// update and delete; every bad edit refused with the change, row and field named and the store's
// content hash unchanged.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../backend/backend';
import { METHOD_NOT_RECORDED } from '../../shared/model/facts';
import { harness, openBackend, QUOTE, SOURCE, type Harness } from './edit-fixture';

let backend: Backend;
let h: Harness;

beforeEach(() => {
  backend = openBackend();
  h = harness(backend);
});

afterEach(() => backend.close());

const NEW_SITE = {
  id: 'sg-kranji',
  name: 'Kranji',
  marketId: 'sg',
  lat: 1.43,
  lon: 103.76,
  source: SOURCE,
};

const logOf = (batchId: string | null): Record<string, unknown>[] =>
  h.rows(
    'SELECT action, table_name, row_id, before, after, actor FROM change_log WHERE batch_id = ? ORDER BY id',
    batchId,
  );

describe('data.apply on sites', () => {
  it('adds a site as the user’s own, announces it, and logs it as one batch', async () => {
    const result = await h.value('data.apply', { table: 'sites', changes: [{ op: 'insert', values: NEW_SITE }] });
    expect(result).toMatchObject({ applied: 1, inserts: 1, updates: 0, deletes: 0, tables: ['sites'] });
    expect(h.row('SELECT name, market_id, lat, lon, status, origin FROM sites WHERE id = ?', 'sg-kranji')).toEqual({
      name: 'Kranji',
      market_id: 'sg',
      lat: 1.43,
      lon: 103.76,
      status: 'planned',
      origin: 'user',
    });
    const log = logOf(result.batchId);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      action: 'insert',
      table_name: 'sites',
      row_id: 'sg-kranji',
      before: null,
      actor: 'user',
    });
    expect(h.heard()).toEqual([['data.changed', { tables: ['sites'] }]]);
  });

  it('edits a seeded site: the row changes, origin stays "seed", the log keeps before and after', async () => {
    const result = await h.value('data.apply', {
      table: 'sites',
      actor: 'ana',
      changes: [{ op: 'update', key: 'sg-tuas', values: { lat: '1.33', capacityMw: { planned: 120 } } }],
    });
    expect(result).toMatchObject({ applied: 1, updates: 1 });
    expect(h.row('SELECT lat, capacity_planned_mw, origin FROM sites WHERE id = ?', 'sg-tuas')).toEqual({
      lat: 1.33,
      capacity_planned_mw: 120,
      origin: 'seed',
    });
    const [entry] = logOf(result.batchId);
    expect(entry).toMatchObject({ action: 'update', row_id: 'sg-tuas', actor: 'ana' });
    expect(h.row('SELECT summary FROM change_log WHERE batch_id = ?', result.batchId)).toEqual({
      summary: 'Edit sites: sg-tuas (lat, capacity_planned_mw): sg-tuas: lat, capacity_planned_mw (a seeded row)',
    });
    expect(JSON.parse(String(entry?.before))).toMatchObject({ lat: 1.3236, capacity_planned_mw: null, origin: 'seed' });
    expect(JSON.parse(String(entry?.after))).toMatchObject({ lat: 1.33, capacity_planned_mw: 120, origin: 'seed' });
  });

  it('deletes a site together with its own facts, each logged', async () => {
    const facts = h.rows('SELECT id FROM metric_values WHERE site_id = ?', 'my-kulai');
    expect(facts.length).toBeGreaterThan(0);
    const result = await h.value('data.apply', { table: 'sites', changes: [{ op: 'delete', key: 'my-kulai' }] });
    expect(result).toMatchObject({ deletes: 1, applied: 1 + facts.length, tables: ['metric_values', 'sites'] });
    expect(h.row('SELECT count(*) AS n FROM sites WHERE id = ?', 'my-kulai')).toEqual({ n: 0 });
    expect(h.row('SELECT count(*) AS n FROM metric_values WHERE site_id = ?', 'my-kulai')).toEqual({ n: 0 });
    expect(logOf(result.batchId).map((e) => e.table_name)).toEqual([...facts.map(() => 'metric_values'), 'sites']);
  });

  it('says nothing was written when an update gives the values already stored', async () => {
    const before = h.hash();
    const result = await h.value('data.apply', {
      table: 'sites',
      changes: [{ op: 'update', key: 'sg-tuas', values: { lat: 1.3236, name: 'Nxera DC Tuas' } }],
    });
    expect(result).toMatchObject({ batchId: null, applied: 0, unchanged: 1 });
    expect(h.hash()).toBe(before);
    expect(h.heard()).toEqual([]);
  });
});

describe('data.apply on metric values', () => {
  const key = { criterionId: 'power_price_usc_kwh', siteId: 'sg-tuas' };

  it('adds a site’s own fact, edits its value, marks it missing, and deletes it', async () => {
    await h.value('data.apply', {
      table: 'metric_values',
      changes: [
        {
          op: 'insert',
          key,
          values: { value: 15.5, low: 14, high: 17, method: 'official', source: SOURCE, unit: 'US¢/kWh' },
        },
      ],
    });
    const stored = (): Record<string, unknown> | undefined =>
      h.row(
        'SELECT value, low, high, missing_reason, source_url, as_of, method FROM metric_values WHERE criterion_id = ? AND site_id = ?',
        key.criterionId,
        key.siteId,
      );
    expect(stored()).toEqual({
      value: 15.5,
      low: 14,
      high: 17,
      missing_reason: null,
      source_url: SOURCE.url,
      as_of: SOURCE.asOf,
      method: 'official',
    });
    const metrics = await h.value('metrics.list', { siteId: 'sg-tuas', criterionId: key.criterionId });
    expect(metrics).toEqual([
      expect.objectContaining({ kind: 'known', value: 15.5, siteId: 'sg-tuas', method: 'official', derivation: null }),
    ]);

    await h.value('data.apply', {
      table: 'metric_values',
      changes: [
        {
          op: 'update',
          key: 'power_price_usc_kwh@site:sg-tuas',
          values: { value: '16', method: 'measured', source: QUOTE },
        },
      ],
    });
    expect(stored()).toMatchObject({ value: 16, low: 14, high: 17, source_url: QUOTE.url, method: 'measured' });

    await h.value('data.apply', {
      table: 'metric_values',
      changes: [{ op: 'update', key, values: { missingReason: 'quote withdrawn' } }],
    });
    expect(stored()).toEqual({
      value: null,
      low: null,
      high: null,
      missing_reason: 'quote withdrawn',
      source_url: QUOTE.url,
      as_of: QUOTE.asOf,
      method: null,
    });

    const deleted = await h.value('data.apply', { table: 'metric_values', changes: [{ op: 'delete', key }] });
    expect(deleted.deletes).toBe(1);
    expect(stored()).toBeUndefined();
  });

  it('updates a market fact every site of the market inherits', async () => {
    await h.value('data.apply', {
      table: 'metric_values',
      changes: [
        {
          op: 'update',
          key: { criterionId: 'power_price_usc_kwh', marketId: 'sg' },
          values: { value: 21, method: 'official', source: QUOTE },
        },
      ],
    });
    const loyang = await h.value('metrics.list', { siteId: 'sg-loyang', criterionId: 'power_price_usc_kwh' });
    expect(loyang).toEqual([expect.objectContaining({ value: 21, marketId: 'sg' })]);
  });
});

describe('data.apply: how a value was obtained', () => {
  const key = 'power_price_usc_kwh@site:sg-tuas';
  const FORMULA = '45.40 sen/kWh × 0.2245 USD/MYR (Fed 2025 average) = 10.19 US¢/kWh';
  const TABLES = 'data/sources/tnb-tariff/figures.csv data/sources/fred-fx/figures.csv';
  const how = (): Record<string, unknown> | undefined =>
    h.row(
      "SELECT value, method, derivation, reference FROM metric_values WHERE criterion_id = 'power_price_usc_kwh' AND site_id = 'sg-tuas'",
    );

  it('keeps a derived value with its formula and tables, and asks for the formula again with a new number', async () => {
    await h.value('data.apply', {
      table: 'metric_values',
      changes: [
        {
          op: 'insert',
          key,
          values: { value: 10.19, method: 'derived', derivation: FORMULA, reference: TABLES, source: SOURCE },
        },
      ],
    });
    expect(how()).toEqual({ value: 10.19, method: 'derived', derivation: FORMULA, reference: TABLES });
    const [listed] = await h.value('metrics.list', { siteId: 'sg-tuas', criterionId: 'power_price_usc_kwh' });
    expect(listed).toMatchObject({ kind: 'known', method: 'derived', derivation: FORMULA, reference: TABLES });

    // The old formula does not describe a new number.
    const error = await h.failure('data.apply', {
      table: 'metric_values',
      changes: [{ op: 'update', key, values: { value: 10.5, method: 'derived', source: QUOTE } }],
    });
    expect(error.issues).toEqual([
      {
        path: 'changes.0.values.derivation',
        message: `${key}: the changed value is derived: restate its derivation for the new number (the formula and its inputs with their values and sources)`,
      },
    ]);
    // A note or a reference may change alone; so may the method, as long as a derived one keeps its formula.
    await h.value('data.apply', {
      table: 'metric_values',
      changes: [{ op: 'update', key, values: { note: 'checked' } }],
    });
    expect(how()).toMatchObject({ method: 'derived', derivation: FORMULA });
    // Read off a tariff sheet instead: official, and the formula goes with the old number.
    await h.value('data.apply', {
      table: 'metric_values',
      changes: [{ op: 'update', key, values: { value: 10.5, method: 'official', reference: null, source: QUOTE } }],
    });
    expect(how()).toEqual({ value: 10.5, method: 'official', derivation: null, reference: null });
  });

  it('drops the stand-in for an unrecorded method once the method is stated, and never takes it for a new number', async () => {
    await h.value('data.apply', {
      table: 'metric_values',
      changes: [{ op: 'insert', key, values: { value: 10.19, method: 'official', source: SOURCE } }],
    });
    // As migration 6 leaves a value stored before it.
    h.backend.db
      .prepare(
        "UPDATE metric_values SET method = 'estimate', derivation = ? WHERE criterion_id = 'power_price_usc_kwh' AND site_id = 'sg-tuas'",
      )
      .run(METHOD_NOT_RECORDED.derivation);
    const issues = await h.failure('data.apply', {
      table: 'metric_values',
      changes: [
        {
          op: 'update',
          key,
          values: { value: 11, method: 'estimate', derivation: METHOD_NOT_RECORDED.derivation, source: QUOTE },
        },
      ],
    });
    expect(issues.issues.map((i) => [i.path, i.message])).toEqual([
      [
        'changes.0.values.derivation',
        `${key}: that derivation stands in for a method no one recorded: say how the changed value was obtained`,
      ],
    ]);
    await h.value('data.apply', {
      table: 'metric_values',
      changes: [{ op: 'update', key, values: { method: 'measured' } }],
    });
    expect(how()).toEqual({ value: 10.19, method: 'measured', derivation: null, reference: null });
  });
});

describe('data.apply on chips, policy events, profiles and criteria', () => {
  const chip = {
    id: 'nvidia-h30',
    vendor: 'Nvidia',
    name: 'H30',
    chipClass: 'china_export_variant',
    tpp: '2900',
    memoryGb: 96,
    source: SOURCE,
  };

  it('adds, edits and deletes a chip; a chip a profile needs cannot be deleted', async () => {
    await h.value('data.apply', { table: 'chips', changes: [{ op: 'insert', values: chip }] });
    expect(h.row('SELECT tpp, memory_gb, notes FROM chips WHERE id = ?', 'nvidia-h30')).toEqual({
      tpp: 2900,
      memory_gb: 96,
      notes: '',
    });
    await h.value('data.apply', {
      table: 'chips',
      changes: [{ op: 'update', key: 'nvidia-h30', values: { memoryGb: 141 } }],
    });
    expect(h.row('SELECT memory_gb FROM chips WHERE id = ?', 'nvidia-h30')).toEqual({ memory_gb: 141 });
    await h.value('data.apply', { table: 'chips', changes: [{ op: 'delete', key: 'nvidia-h30' }] });
    expect(h.row('SELECT 1 AS one FROM chips WHERE id = ?', 'nvidia-h30')).toBeUndefined();

    const before = h.hash();
    const error = await h.failure('data.apply', { table: 'chips', changes: [{ op: 'delete', key: 'nvidia-h20' }] });
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([
      {
        path: 'changes.0',
        message: expect.stringMatching(
          /^nvidia-h20: chip nvidia-h20 is used by profile .*remove it there first$/,
        ) as unknown,
      },
    ]);
    expect(h.hash()).toBe(before);
  });

  const event = {
    id: 'us-2026-03-01-test',
    issuer: 'US',
    regime: 'us-destination',
    title: 'Test rule',
    effectiveDate: '2026-03-01',
    effect: 'licence_required',
    scope: { chipClasses: 'frontier_controlled', destinations: 'MY, TH' },
    confidence: 'reported',
    source: { title: 'Press', url: 'https://example.org/press' },
  };

  it('adds, edits and deletes a policy event (lists typed as text are read as lists)', async () => {
    await h.value('data.apply', { table: 'policy_events', changes: [{ op: 'insert', values: event }] });
    const stored = await h.value('policies.list', {});
    expect(stored.find((e) => e.id === event.id)?.scope).toEqual({
      chips: [],
      chipClasses: ['frontier_controlled'],
      destinations: ['MY', 'TH'],
      companyHq: [],
      stateFunded: null,
      entityListed: null,
      companies: [],
      deployment: 'any',
    });
    await h.value('data.apply', {
      table: 'policy_events',
      changes: [{ op: 'update', key: event.id, values: { endDate: '2026-12-31', scope: { deployment: 'owned' } } }],
    });
    const updated = (await h.value('policies.list', {})).find((e) => e.id === event.id);
    expect(updated).toMatchObject({
      regime: 'us-destination',
      publishedDate: null,
      complianceDate: null,
      links: [],
      endDate: '2026-12-31',
      scope: { deployment: 'owned', destinations: ['MY', 'TH'] },
    });
    // The regime model's own fields are editable: dates and an explicit link within the regime.
    const link = { kind: 'amends', eventId: 'us-2023-10-17-advanced-computing', reason: 'test amendment' };
    await h.value('data.apply', {
      table: 'policy_events',
      changes: [
        {
          op: 'update',
          key: event.id,
          values: { publishedDate: '2026-02-20', complianceDate: '2026-04-01', links: [link] },
        },
      ],
    });
    expect(
      h.row('SELECT regime, published_date, compliance_date, links FROM policy_events WHERE id = ?', event.id),
    ).toEqual({
      regime: 'us-destination',
      published_date: '2026-02-20',
      compliance_date: '2026-04-01',
      links: JSON.stringify([link]),
    });
    await h.value('data.apply', { table: 'policy_events', changes: [{ op: 'delete', key: event.id }] });
    expect((await h.value('policies.list', {})).some((e) => e.id === event.id)).toBe(false);
  });

  it('refuses a new event without a regime, a link across regimes and a link cycle, writing nothing', async () => {
    const before = h.hash();
    const { regime: _regime, ...noRegime } = event;
    const missing = await h.failure('data.apply', {
      table: 'policy_events',
      changes: [{ op: 'insert', values: noRegime }],
    });
    expect(missing.issues.map((i) => i.path)).toContain('changes.0.values.regime');
    const across = await h.failure('data.apply', {
      table: 'policy_events',
      changes: [
        {
          op: 'insert',
          values: {
            ...event,
            links: [{ kind: 'supersedes', eventId: 'us-2025-05-13-iaas-training-guidance', reason: 'x' }],
          },
        },
      ],
    });
    expect(across.issues.map((i) => i.message).join('\n')).toMatch(
      /of regime us-cloud, but this event is of regime us-destination/,
    );
    // The 2023 rule already supersedes the 2022 one: a 2022 link back to it closes a cycle.
    const cycle = await h.failure('data.apply', {
      table: 'policy_events',
      changes: [
        {
          op: 'update',
          key: 'us-2022-10-07-advanced-computing',
          values: { links: [{ kind: 'supersedes', eventId: 'us-2023-10-17-advanced-computing', reason: 'x' }] },
        },
      ],
    });
    expect(cycle.issues.map((i) => i.message).join('\n')).toMatch(/cycle/);
    expect(h.hash()).toBe(before);
  });

  it('adds, edits and deletes a profile ("profiles" names company_profiles); built-in stays built-in', async () => {
    const profile = {
      id: 'my-lab',
      name: 'My lab',
      hqCountry: 'SG',
      deployment: 'rented',
      trainingChips: 'nvidia-h200, nvidia-b200',
    };
    await h.value('data.apply', { table: 'profiles', changes: [{ op: 'insert', values: profile }] });
    expect(
      h.row(
        'SELECT training_chips, inference_chips, ultimate_parent_country, builtin, state_funded FROM company_profiles WHERE id = ?',
        'my-lab',
      ),
    ).toEqual({
      training_chips: '["nvidia-h200","nvidia-b200"]',
      inference_chips: '[]',
      ultimate_parent_country: null,
      builtin: 0,
      state_funded: 0,
    });
    await h.value('data.apply', {
      table: 'profiles',
      changes: [{ op: 'update', key: 'my-lab', values: { inferenceChips: 'nvidia-h20', ultimateParentCountry: 'CN' } }],
    });
    expect(
      h.row(
        'SELECT training_chips, inference_chips, ultimate_parent_country FROM company_profiles WHERE id = ?',
        'my-lab',
      ),
    ).toEqual({
      training_chips: '["nvidia-h200","nvidia-b200"]',
      inference_chips: '["nvidia-h20"]',
      ultimate_parent_country: 'CN',
    });
    await h.value('data.apply', {
      table: 'company_profiles',
      changes: [{ op: 'update', key: 'bytedance', values: { description: 'edited' } }],
    });
    expect(h.row('SELECT description, builtin FROM company_profiles WHERE id = ?', 'bytedance')).toEqual({
      description: 'edited',
      builtin: 1,
    });
    const error = await h.failure('data.apply', {
      table: 'profiles',
      changes: [{ op: 'update', key: 'bytedance', values: { builtin: false } }],
    });
    expect(error.issues).toEqual([
      { path: 'changes.0.values.builtin', message: expect.stringContaining('builtin stays true') as unknown },
    ]);
    await h.value('data.apply', { table: 'profiles', changes: [{ op: 'delete', key: 'my-lab' }] });
    expect(h.row('SELECT 1 AS one FROM company_profiles WHERE id = ?', 'my-lab')).toBeUndefined();
  });

  it('adds a criterion, gives it facts, renames it, deletes it with its facts; derived ones are guarded', async () => {
    const criterion = {
      id: 'fibre_routes',
      name: 'Fibre routes',
      group: 'connectivity',
      unit: 'routes',
      direction: 'benefit',
      normalisation: 'minmax',
      description: 'Diverse fibre routes',
    };
    await h.value('data.apply', { table: 'criteria', changes: [{ op: 'insert', values: criterion }] });
    await h.value('data.apply', {
      table: 'metric_values',
      changes: [
        {
          op: 'insert',
          key: { criterionId: 'fibre_routes', marketId: 'sg' },
          values: { value: 4, method: 'measured', source: SOURCE },
        },
        {
          op: 'insert',
          key: { criterionId: 'fibre_routes', siteId: 'my-kulai' },
          values: { value: 2, method: 'measured', source: SOURCE },
        },
      ],
    });
    await h.value('data.apply', {
      table: 'criteria',
      changes: [{ op: 'update', key: 'fibre_routes', values: { name: 'Fibre paths' } }],
    });
    expect(h.row('SELECT name, derived FROM criteria WHERE id = ?', 'fibre_routes')).toEqual({
      name: 'Fibre paths',
      derived: 0,
    });
    const deleted = await h.value('data.apply', {
      table: 'criteria',
      changes: [{ op: 'delete', key: 'fibre_routes' }],
    });
    expect(deleted).toMatchObject({ deletes: 1, applied: 3 });
    expect(h.row('SELECT count(*) AS n FROM metric_values WHERE criterion_id = ?', 'fibre_routes')).toEqual({ n: 0 });

    const before = h.hash();
    const error = await h.failure('data.apply', {
      table: 'criteria',
      changes: [
        { op: 'delete', key: 'chip_legality' },
        { op: 'update', key: 'policy_churn', values: { derived: false } },
        { op: 'insert', values: { ...criterion, id: 'x_derived', derived: true } },
        { op: 'delete', key: 'water_stress' },
      ],
    });
    expect(error.issues.map((i) => i.path)).toEqual([
      'changes.0',
      'changes.0',
      'changes.1.values.derived',
      'changes.2.values.derived',
      'changes.3',
    ]);
    expect(error.issues[0]?.message).toBe(
      'chip_legality: chip_legality is derived by the engine and cannot be deleted',
    );
    expect(error.issues[4]?.message).toMatch(
      /water_stress is weighted or constrained in preset sovereignty-low-risk: remove it there first/,
    );
    expect(h.hash()).toBe(before);
  });
});

describe('bad edits are refused, named, and change nothing', () => {
  const refusedWith = async (input: unknown): Promise<{ path: string; message: string }[]> => {
    const before = h.hash();
    const log = h.row('SELECT count(*) AS n FROM change_log');
    const error = await h.failure('data.apply', input);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/nothing was written$/);
    expect(h.hash()).toBe(before);
    expect(h.row('SELECT count(*) AS n FROM change_log')).toEqual(log);
    expect(h.heard()).toEqual([]);
    // data.validate says the same without a write.
    const check = await h.value('data.validate', input);
    expect(check.ok).toBe(false);
    expect(check.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual(error.issues);
    return error.issues;
  };

  it('latitude 123', async () => {
    expect(
      await refusedWith({ table: 'sites', changes: [{ op: 'update', key: 'sg-tuas', values: { lat: 123 } }] }),
    ).toEqual([
      {
        path: 'changes.0.values.lat',
        message: 'sg-tuas: latitude 123 is outside -90 to 90: give degrees from -90 to 90',
      },
    ]);
  });

  it('an end date before the effective date', async () => {
    const issues = await refusedWith({
      table: 'policy_events',
      changes: [{ op: 'update', key: 'us-2025-04-09-h20-licence', values: { endDate: '2024-01-01' } }],
    });
    expect(issues).toEqual([
      {
        path: 'changes.0.values.endDate',
        message: expect.stringMatching(
          /^us-2025-04-09-h20-licence: end date 2024-01-01 is before the effective date 2025-\d\d-\d\d: give an end date on or after it, or none$/,
        ) as unknown,
      },
    ]);
  });

  it('text in a number', async () => {
    expect(
      await refusedWith({
        table: 'metric_values',
        changes: [
          { op: 'update', key: { criterionId: 'power_price_usc_kwh', marketId: 'sg' }, values: { value: 'cheap' } },
        ],
      }),
    ).toEqual([
      {
        path: 'changes.0.values.value',
        message: 'power_price_usc_kwh@market:sg: "cheap" is not a number: give a number',
      },
    ]);
    expect(
      await refusedWith({ table: 'sites', changes: [{ op: 'update', key: 'sg-tuas', values: { lon: '103,6' } }] }),
    ).toEqual([
      {
        path: 'changes.0.values.lon',
        message: 'sg-tuas: "103,6" is not a number (write decimals with a dot, e.g. 12.5): give a number',
      },
    ]);
  });

  it('a new fact without its source', async () => {
    const issues = await refusedWith({
      table: 'metric_values',
      changes: [
        {
          op: 'insert',
          key: { criterionId: 'vacancy_pct', siteId: 'sg-tuas' },
          values: { value: 4, method: 'official', source: { title: 'Quote' } },
        },
      ],
    });
    expect(issues).toEqual([
      {
        path: 'changes.0.values.source.url',
        message: 'vacancy_pct@site:sg-tuas: a new fact needs its source: give source.url (its web address)',
      },
      {
        path: 'changes.0.values.source.asOf',
        message:
          'vacancy_pct@site:sg-tuas: a new fact needs its source: give source.asOf (the date it describes, YYYY-MM-DD)',
      },
    ]);
  });

  it('a missing fact given a number without a source or method (a number is a new fact)', async () => {
    await h.value('data.apply', {
      table: 'metric_values',
      changes: [{ op: 'insert', key: 'vacancy_pct@site:sg-tuas', values: { missingReason: 'not published' } }],
    });
    h.heard();
    const issues = await refusedWith({
      table: 'metric_values',
      changes: [{ op: 'update', key: 'vacancy_pct@site:sg-tuas', values: { value: '55' } }],
    });
    expect(issues.map((i) => i.path)).toEqual([
      'changes.0.values.source.title',
      'changes.0.values.source.url',
      'changes.0.values.source.asOf',
      'changes.0.values.method',
    ]);
  });

  it('a value without its method, a derived one without its formula, a method on a missing fact', async () => {
    const issues = await refusedWith({
      table: 'metric_values',
      changes: [
        { op: 'insert', key: 'vacancy_pct@site:sg-tuas', values: { value: 4, source: SOURCE } },
        {
          op: 'insert',
          key: 'grid_carbon_g_kwh@site:sg-tuas',
          values: { value: 410, method: 'derived', source: SOURCE },
        },
        { op: 'insert', key: 'mean_temp_c@site:sg-tuas', values: { value: 28, method: 'guess', source: SOURCE } },
        {
          op: 'insert',
          key: 'water_stress@site:sg-tuas',
          values: { missingReason: 'not published', method: 'official', reference: 'data/sources/wri/figures.csv' },
        },
        {
          op: 'insert',
          key: 'land_cost_usd_m2@site:sg-tuas',
          values: { value: 900, method: 'official', reference: 'C:\\data\\land.csv', source: SOURCE },
        },
      ],
    });
    expect(issues).toEqual([
      {
        path: 'changes.0.values.method',
        message:
          'vacancy_pct@site:sg-tuas: say how the new value was obtained: give method (official, measured, derived, estimate)',
      },
      {
        path: 'changes.1.values.derivation',
        message:
          'grid_carbon_g_kwh@site:sg-tuas: a derived value needs its derivation: give the formula and its inputs with their values and sources',
      },
      {
        path: 'changes.2.values.method',
        message: 'mean_temp_c@site:sg-tuas: "guess": method must be official, measured, derived or estimate',
      },
      {
        path: 'changes.3.values.method',
        message:
          'water_stress@site:sg-tuas: a missing fact has no method: give a value with its method, or leave method out',
      },
      {
        path: 'changes.3.values.reference',
        message:
          'water_stress@site:sg-tuas: a missing fact has no reference: give a value with its method, or leave reference out',
      },
      {
        path: 'changes.4.values.reference',
        message: expect.stringMatching(
          /^land_cost_usd_m2@site:sg-tuas: "C:\\data\\land.csv": reference must be repository paths such as data\/sources/,
        ) as unknown,
      },
    ]);
  });

  it('unknown references: market, site, criterion, chip, jurisdiction', async () => {
    expect(
      await refusedWith({ table: 'sites', changes: [{ op: 'insert', values: { ...NEW_SITE, marketId: 'atlantis' } }] }),
    ).toEqual([
      {
        path: 'changes.0.values.marketId',
        message: 'sg-kranji: unknown market "atlantis": pick one from markets.list',
      },
    ]);
    const facts = await refusedWith({
      table: 'metric_values',
      changes: [
        {
          op: 'insert',
          key: { criterionId: 'vacancy_pct', siteId: 'nowhere' },
          values: { value: 1, method: 'official', source: SOURCE },
        },
        {
          op: 'insert',
          key: { criterionId: 'happiness', marketId: 'sg' },
          values: { value: 1, method: 'official', source: SOURCE },
        },
      ],
    });
    expect(facts.map((i) => [i.path, i.message])).toEqual([
      ['changes.0.values.siteId', 'vacancy_pct@site:nowhere: unknown site "nowhere": pick one from sites.list'],
      [
        'changes.1.values.criterionId',
        'happiness@market:sg: unknown criterion "happiness": pick one from criteria.list',
      ],
    ]);
    const profile = await refusedWith({
      table: 'profiles',
      changes: [
        {
          op: 'update',
          key: 'bytedance',
          values: { trainingChips: ['nvidia-h20', 'nvidia-x99'], inferenceChips: ['nvidia-x98'] },
        },
      ],
    });
    expect(profile).toEqual([
      {
        path: 'changes.0.values.trainingChips.1',
        message: 'bytedance: unknown chip "nvidia-x99": pick one from chips.list',
      },
      {
        path: 'changes.0.values.inferenceChips.0',
        message: 'bytedance: unknown chip "nvidia-x98": pick one from chips.list',
      },
    ]);
    const policy = await refusedWith({
      table: 'policy_events',
      changes: [{ op: 'update', key: 'us-2025-04-09-h20-licence', values: { scope: { destinations: ['ZZ'] } } }],
    });
    expect(policy).toEqual([
      {
        path: 'changes.0.values.scope.destinations.0',
        message: 'us-2025-04-09-h20-licence: unknown jurisdiction "ZZ": use a code from jurisdictions.list',
      },
    ]);
  });

  it('one bad change refuses the whole batch: the good ones are not written either', async () => {
    const issues = await refusedWith({
      table: 'sites',
      changes: [
        { op: 'update', key: 'sg-tuas', values: { name: 'Tuas West' } },
        { op: 'insert', values: NEW_SITE },
        { op: 'update', key: 'sg-loyang', values: { lat: -91, status: 'demolished' } },
      ],
    });
    expect(issues.map((i) => i.path)).toEqual(['changes.2.values.lat', 'changes.2.values.status']);
    expect(h.row('SELECT name FROM sites WHERE id = ?', 'sg-tuas')).toEqual({ name: 'Nxera DC Tuas' });
  });

  it('derived criteria, wrong units, keys that change, rows that do not exist, unknown fields, duplicates', async () => {
    const issues = await refusedWith({
      table: 'metric_values',
      changes: [
        {
          op: 'insert',
          key: { criterionId: 'chip_legality', marketId: 'sg' },
          values: { value: 1, method: 'official', source: SOURCE },
        },
        {
          op: 'update',
          key: { criterionId: 'power_price_usc_kwh', marketId: 'sg' },
          values: { value: 0.2, unit: 'USD/kWh', method: 'official', source: QUOTE },
        },
        { op: 'update', key: { criterionId: 'power_price_usc_kwh', marketId: 'sg' }, values: { value: 20 } },
        { op: 'update', key: 'vacancy_pct@site:sg-tuas', values: { value: 3 } },
        { op: 'update', key: { criterionId: 'dc_capacity_mw', marketId: 'sg' }, values: { valeu: 3, marketId: 'hk' } },
      ],
    });
    expect(issues).toEqual([
      {
        path: 'changes.0.values.criterionId',
        message:
          'chip_legality@market:sg: chip_legality is derived from the policy timeline by the engine: it cannot be given values (edit the policy events instead)',
      },
      {
        path: 'changes.1.values.unit',
        message:
          'power_price_usc_kwh@market:sg: unit "USD/kWh" is not power_price_usc_kwh\'s unit "US¢/kWh": convert the value to US¢/kWh',
      },
      {
        path: 'changes.2.key',
        message: 'power_price_usc_kwh@market:sg: change 1 of this batch already changes this row: make it one change',
      },
      {
        path: 'changes.3.key',
        message: 'vacancy_pct@site:sg-tuas: there is no such row to update (it may have been deleted)',
      },
      {
        path: 'changes.4.values.valeu',
        message: expect.stringMatching(
          /^dc_capacity_mw@market:sg: unknown field "valeu": the fields are kind, criterionId/,
        ) as unknown,
      },
      {
        path: 'changes.4.values.marketId',
        message:
          'dc_capacity_mw@market:sg: the key says marketId "sg" but the values say "hk": a row\'s key cannot change (delete it and insert a new one)',
      },
    ]);
  });

  it('an insert of a row that exists, and a site whose origin is changed', async () => {
    const issues = await refusedWith({
      table: 'sites',
      changes: [
        { op: 'insert', values: { ...NEW_SITE, id: 'sg-tuas' } },
        { op: 'update', key: 'sg-loyang', values: { origin: 'user' } },
        { op: 'update', key: 'sg-jurong-west', values: { source: { url: 'not a url' } } },
      ],
    });
    expect(issues).toEqual([
      {
        path: 'changes.0.values.id',
        message: 'sg-tuas: this row already exists: update it instead, or pick another key',
      },
      {
        path: 'changes.1.values.origin',
        message: 'sg-loyang: origin stays "seed": it records where the site came from, whoever edits it',
      },
      {
        path: 'changes.2.values.source.url',
        message: 'sg-jurong-west: "not a url" is not a web address: give a full URL such as https://example.org/page',
      },
    ]);
  });
});

describe('data.validate', () => {
  it('counts what a good batch would do and writes nothing', async () => {
    const before = h.hash();
    const check = await h.value('data.validate', {
      table: 'sites',
      changes: [
        { op: 'insert', values: NEW_SITE },
        { op: 'update', key: 'sg-tuas', values: { lat: 1.3 } },
        // The Loyang district is AirTrunk's SGP1 campus since seed v5: its stored name, so unchanged.
        { op: 'update', key: 'sg-loyang', values: { name: 'AirTrunk SGP1' } },
        { op: 'delete', key: 'hk-tsuen-wan' },
      ],
    });
    expect(check).toEqual({ ok: true, issues: [], inserts: 1, updates: 1, deletes: 1, unchanged: 1 });
    expect(h.hash()).toBe(before);
  });

  it('answers a form field by field: every problem of one row at once', async () => {
    const check = await h.value('data.validate', {
      table: 'sites',
      changes: [{ op: 'insert', values: { id: 'x', lat: 95, lon: 'east', marketId: 'sg' } }],
    });
    expect(check.issues.map((i) => [i.field, i.key])).toEqual([
      ['lon', 'x'],
      ['lat', 'x'],
      ['name', 'x'],
      ['source', 'x'],
    ]);
  });
});

describe('a read-only store', () => {
  it('refuses every workbench write with read_only and still answers the reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'landfall-edit-ro-'));
    const path = join(dir, 'store.sqlite');
    try {
      openBackend(path).close();
      // A store from a newer Landfall is opened read-only.
      const raw = new Database(path);
      raw.pragma('user_version = 999');
      raw.close();
      const ro = openBackend(path);
      const x = harness(ro);
      try {
        const writes: [Parameters<typeof x.failure>[0], unknown][] = [
          ['data.apply', { table: 'sites', changes: [{ op: 'update', key: 'sg-tuas', values: { lat: 1 } }] }],
          ['history.undo', {}],
          ['history.redo', {}],
          ['history.revert', { batchId: 'x' }],
          ['scenarios.create', { name: 'x' }],
          ['scenarios.import', { content: '{}' }],
        ];
        for (const [name, input] of writes) expect((await x.failure(name, input)).code).toBe('read_only');
        expect((await x.value('data.validate', writes[0]?.[1])).ok).toBe(true);
        expect((await x.value('history.list', {})).entries).toEqual([]);
        expect((await x.value('data.health', {})).summary.sites).toBe(75); // seed v5
      } finally {
        ro.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

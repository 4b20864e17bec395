// Stores for the import/export tests, filled with plain SQL (not through the code under test), with
// the awkward cases a round trip must survive: formula-looking text, commas, quotes and line breaks,
// nulls, negative and fractional numbers, facts with and without their own source, JSON columns.
import Database from 'better-sqlite3';
import { changeCount, type LoggedRow } from '../../db/change-log-bulk';
import { migrate } from '../../db/migrations';

export type Db = Database.Database;

/** A migrated store with no rows (no seed), in memory or in a WAL file. */
export function emptyDb(path = ':memory:'): Db {
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

export const SOURCE = { title: 'Test source, 2025', url: 'https://example.org/a', asOf: '2025-01-01' };
export const OTHER = { title: 'Other "quoted" source', url: 'https://example.org/b?x=1&y=2', asOf: '2024-06-30' };

/** Jurisdictions, markets and criteria: what a sites CSV refers to. */
export function addReference(db: Db): void {
  const j = db.prepare('INSERT INTO jurisdictions (code, name, parent_code, level) VALUES (?, ?, ?, ?)');
  j.run('SG', 'Singapore', null, 'country');
  j.run('MY', 'Malaysia', null, 'country');
  j.run('MY-01', 'Johor', 'MY', 'subdivision');
  j.run('CN', 'China', null, 'country');
  j.run('US', 'United States', null, 'country');
  const m = db.prepare(
    'INSERT INTO markets (id, name, country, jurisdiction_code, description) VALUES (?, ?, ?, ?, ?)',
  );
  m.run('sg', 'Singapore', 'SG', 'SG', 'City-state; moratorium lifted 2022');
  m.run('my-johor', 'Johor', 'MY', 'MY-01', '');
  m.run('cn-jjj', 'Greater Beijing / Hebei', 'CN', 'CN', 'East Data, West Computing hub');
  m.run('us-nova', 'Northern Virginia', 'US', null, '');
  const c = db.prepare(
    `INSERT INTO criteria (id, name, group_id, unit, direction, normalisation, derived, description, sort_order)
     VALUES (?, ?, ?, ?, ?, 'minmax', ?, ?, ?)`,
  );
  c.run('chip_access', 'Chip access', 'chip_legality', 'score', 'benefit', 1, 'Derived from policy events', 0);
  c.run('power_price', 'Power price', 'cost', 'USD/MWh', 'cost', 0, 'Industrial tariff', 1);
  c.run('latency_sg', 'Latency to Singapore', 'connectivity', 'ms', 'cost', 0, 'Round trip', 2);
  c.run('water_stress', 'Water stress', 'water_climate', 'index', 'cost', 0, 'WRI Aqueduct', 3);
}

/** Every importable table, with the awkward cases. */
export function populate(db: Db): void {
  addReference(db);
  const s = db.prepare(
    `INSERT INTO sites (id, name, market_id, lat, lon, capacity_existing_mw, capacity_planned_mw, status, notes,
       source_title, source_url, source_as_of, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const src = [SOURCE.title, SOURCE.url, SOURCE.asOf] as const;
  s.run('sg-tuas', 'Tuas', 'sg', 1.3, 103.64, 0, 300, 'planned', '', ...src, 'seed');
  s.run(
    'my-sedenak',
    '=HYPERLINK("http://evil")',
    'my-johor',
    1.66123456789012,
    103.55,
    120.5,
    null,
    'operational',
    'Notes with, a comma\nand a "quote" and a newline',
    ...src,
    'user',
  );
  s.run(
    'cn-zhangbei',
    '-north campus',
    'cn-jjj',
    41.15,
    114.7,
    null,
    null,
    'land_bank',
    '@mention +plus',
    OTHER.title,
    OTHER.url,
    OTHER.asOf,
    'import',
  );
  s.run(
    'us-ashburn',
    "'s-Hertogenbosch-like 'quoted",
    'us-nova',
    39.0438,
    -77.4874,
    null,
    1e-7,
    'under_construction',
    "'=already escaped",
    ...src,
    'seed',
  );

  const f = db.prepare(
    `INSERT INTO metric_values (criterion_id, market_id, site_id, value, low, high, missing_reason, source_title,
       source_url, as_of, note, method, derivation, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const none = [null, null, null] as const;
  // Market-level facts (only the JSON files carry these).
  f.run('power_price', 'sg', null, 180, 150, 210, null, ...src, 'range from tariff bands', 'official', null, null);
  f.run('water_stress', 'cn-jjj', null, null, null, null, 'no source found', null, null, null, '', ...none);
  // Site-level facts: same source as most of the row, a different one, missing with and without a source;
  // every method, with and without a derivation and a reference (two paths for a derived value).
  const formula = '45.40 sen/kWh × 0.2245 USD/MYR (Fed 2025 average) = 10.19 US¢/kWh';
  const tables = 'data/sources/tnb-tariff/figures.csv data/sources/fred-fx/figures.csv';
  f.run('power_price', null, 'sg-tuas', 120.5, null, null, null, ...src, '', 'derived', formula, tables);
  f.run('latency_sg', null, 'sg-tuas', 2, 1, 3, null, ...src, 'estimated, "rough"', 'estimate', '=same metro', null);
  f.run('power_price', null, 'my-sedenak', 80, null, null, null, ...src, '', 'measured', null, null);
  f.run(
    'latency_sg',
    null,
    'my-sedenak',
    -0.5,
    null,
    null,
    null,
    OTHER.title,
    OTHER.url,
    OTHER.asOf,
    '',
    'official',
    'table 3, row 2',
    null,
  );
  f.run('water_stress', null, 'my-sedenak', null, null, null, 'not published', null, null, null, '', ...none);
  f.run(
    'water_stress',
    null,
    'cn-zhangbei',
    null,
    null,
    null,
    'survey pending',
    OTHER.title,
    OTHER.url,
    OTHER.asOf,
    '=x',
    ...none,
  );
  f.run(
    'power_price',
    null,
    'us-ashburn',
    1234567.875,
    null,
    null,
    null,
    OTHER.title,
    OTHER.url,
    OTHER.asOf,
    '',
    'official',
    null,
    'data/sources/dominion/figures.csv',
  );

  db.prepare(
    `INSERT INTO chips (id, vendor, name, chip_class, tpp, memory_gb, notes, source_title, source_url, as_of)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run('h100', 'NVIDIA', 'H100 SXM', 'frontier_controlled', 15832, 80, '', ...src);
  db.prepare(
    `INSERT INTO chips (id, vendor, name, chip_class, tpp, memory_gb, notes, source_title, source_url, as_of)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run('ascend-910b', 'Huawei', 'Ascend 910B', 'domestic_chinese', null, null, 'TPP not published', ...src);

  // Keys deliberately not in schema order: the JSON is compared by meaning.
  const scope = JSON.stringify({
    deployment: 'owned',
    chips: ['h100'],
    chipClasses: ['frontier_controlled'],
    destinations: ['CN', 'MY-01'],
    companyHq: [],
    companies: [],
    stateFunded: null,
    entityListed: null,
  });
  db.prepare(
    `INSERT INTO policy_events (id, issuer, regime, title, effective_date, end_date, effect, condition, scope, confidence,
       source_title, source_url, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    'us-2023-10',
    'US',
    'us-destination',
    'Advanced computing rule',
    '2023-10-17',
    null,
    'licence_required',
    '',
    scope,
    'rule',
    SOURCE.title,
    SOURCE.url,
    '',
  );
  db.prepare(
    `INSERT INTO company_profiles (id, name, description, hq_country, state_funded, entity_listed, deployment,
       named_company, training_chips, builtin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run('cn-lab', 'Chinese lab', 'Private lab, HQ in China', 'CN', 0, 0, 'rented', null, '["h100"]', 1);
  db.prepare(
    `INSERT INTO presets (id, name, description, builtin, method, weights, constraints, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    'balanced',
    'Balanced',
    '',
    1,
    'topsis',
    '{"power_price":0.5,"latency_sg":0.25}',
    '[{"kind":"max","criterionId":"power_price","value":200},{"allow":["allowed"],"kind":"chips_legal"}]',
    '2025-01-01T00:00:00.000Z',
  );
}

/** Copies every importable row of `from` into a fresh store with plain SQL (the reference tables of a CSV test). */
export function copyTables(from: Db, to: Db, tables: readonly string[]): void {
  for (const t of tables) {
    const rows = from.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[];
    for (const r of rows) {
      const cols = Object.keys(r);
      to.prepare(`INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(r);
    }
  }
}

/** How many changes the log holds (a bulk row holds many, see db/change-log-bulk.ts). */
export function changeLogCount(db: Db): number {
  const rows = db.prepare('SELECT row_id, substr(after, 1, 1) AS after FROM change_log').all() as LoggedRow[];
  return rows.reduce((n, r) => n + changeCount(r), 0);
}

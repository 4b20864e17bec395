// The sourced seed: what a fresh store holds, that it matches the reference facts it cites, and that
// seeding is idempotent and never undoes the user's edits or deletions.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withChangeBatch } from '../../db/change-log';
import { SEAL_KEY } from '../../db/content-seal';
import { listCriteria } from '../../db/criteria-repo';
import { getMeta, setMeta } from '../../db/meta-repo';
import { listMetricValues } from '../../db/metrics-repo';
import { migrate } from '../../db/migrations';
import { openDatabase, type Db } from '../../db/open';
import { listPolicyEvents } from '../../db/policies-repo';
import { seedChips } from '../../db/seed/chips';
import { seedCriteria } from '../../db/seed/criteria';
import { seedJurisdictions } from '../../db/seed/jurisdictions';
import { seedMarkets } from '../../db/seed/markets';
import { seedMetricValues } from '../../db/seed/metrics';
import { seedPolicyEvents } from '../../db/seed/policies';
import { seedPresets } from '../../db/seed/presets';
import { seedProfiles } from '../../db/seed/profiles';
import { SEED_VERSION, SEED_VERSION_KEY, seedDatabase, seedProblems, seedSets } from '../../db/seed/run-seed';
import { seedSites } from '../../db/seed/sites';
import { listSites } from '../../db/sites-repo';
import { chipLegality, type LegalityChip, type LegalityPlace } from '../../shared/engine/legality';
import { linkProblems } from '../../shared/model/policy-links';
import { profileChips } from '../../shared/model/profiles';
import { IsoDate } from '../../shared/schemas';

const TABLES = [
  'jurisdictions',
  'markets',
  'sites',
  'criteria',
  'metric_values',
  'chips',
  'policy_events',
  'company_profiles',
  'presets',
  'meta',
] as const;

function snapshot(db: Db): string {
  const hash = createHash('sha256');
  for (const table of TABLES) hash.update(JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()));
  return hash.digest('hex');
}

const count = (db: Db, table: string): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('a fresh store', () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase(':memory:');
  });
  afterAll(() => db.close());

  it('holds at least 20 sites in at least 10 markets, with the seed version stamped', () => {
    const sites = listSites(db);
    expect(sites.length).toBeGreaterThanOrEqual(20);
    expect(new Set(sites.map((s) => s.marketId)).size).toBeGreaterThanOrEqual(10);
    expect(count(db, 'markets')).toBe(seedMarkets.length);
    expect(getMeta(db, SEED_VERSION_KEY)).toBe(String(SEED_VERSION));
  });

  it('holds every seed record of every kind', () => {
    expect(count(db, 'jurisdictions')).toBe(seedJurisdictions.length);
    expect(count(db, 'sites')).toBe(seedSites.length);
    expect(count(db, 'criteria')).toBe(seedCriteria.length);
    expect(count(db, 'metric_values')).toBe(seedMetricValues.length);
    expect(count(db, 'chips')).toBe(seedChips.length);
    expect(count(db, 'policy_events')).toBe(seedPolicyEvents.length);
    expect(count(db, 'company_profiles')).toBe(seedProfiles.length);
    expect(count(db, 'presets')).toBe(seedPresets.length);
    expect(seedProfiles.length).toBeGreaterThanOrEqual(4);
    expect(seedPresets.length).toBeGreaterThanOrEqual(4);
  });

  it('has at least 12 criteria covering the four product groups, legality and churn derived', () => {
    const criteria = listCriteria(db);
    expect(criteria.length).toBeGreaterThanOrEqual(12);
    const groups = new Set(criteria.map((c) => c.group));
    for (const g of ['chip_legality', 'connectivity', 'cost', 'regulatory_stability']) expect(groups).toContain(g);
    const derived = criteria.filter((c) => c.derived).map((c) => c.id);
    expect(derived.sort()).toEqual(['chip_legality', 'lawful_compute', 'policy_churn', 'site_capacity_mw']);
  });

  it('gives every known metric value a source URL and as-of date, and every missing one a reason', () => {
    const values = listMetricValues(db);
    expect(values).toHaveLength(seedMetricValues.length);
    for (const v of values) {
      if (v.kind === 'known') {
        expect(new URL(v.source.url).protocol).toMatch(/^https?:$/);
        expect(IsoDate.safeParse(v.source.asOf).success).toBe(true);
        if (v.low !== null && v.high !== null) expect(v.low <= v.value && v.value <= v.high).toBe(true);
      } else {
        expect(v.missingReason.trim().length).toBeGreaterThan(10);
      }
    }
    // The same holds in the table itself, where the CHECKs allow a value with a URL but no title.
    const unsourced = db
      .prepare(
        'SELECT count(*) AS n FROM metric_values WHERE value IS NOT NULL AND (source_url IS NULL OR as_of IS NULL)',
      )
      .get() as { n: number };
    expect(unsourced.n).toBe(0);
  });

  it('has exactly one market-level value or explicit missing for every (market, non-derived criterion)', () => {
    const rows = db.prepare('SELECT market_id, criterion_id FROM metric_values WHERE market_id IS NOT NULL').all() as {
      market_id: string;
      criterion_id: string;
    }[];
    const keys = rows.map((r) => `${r.market_id}|${r.criterion_id}`);
    const expected = seedMarkets.flatMap((m) => seedCriteria.filter((c) => !c.derived).map((c) => `${m.id}|${c.id}`));
    expect(keys.sort()).toEqual(expected.sort());
  });

  it('never stores a value, not even a missing one, for a derived criterion', () => {
    const derived = seedCriteria.filter((c) => c.derived).map((c) => c.id);
    for (const v of seedMetricValues) expect(derived).not.toContain(v.criterionId);
  });

  it('lets a site override its market: Johor land is priced per band', () => {
    const sedenak = listMetricValues(db, { siteId: 'my-sedenak', criterionId: 'land_cost_usd_m2' });
    expect(sedenak).toEqual([
      expect.objectContaining({ kind: 'known', siteId: 'my-sedenak', marketId: null, value: 262, low: 202, high: 322 }),
    ]);
    const johor = listMetricValues(db, { marketId: 'my-johor', criterionId: 'land_cost_usd_m2' });
    expect(johor).toEqual([expect.objectContaining({ marketId: 'my-johor', low: 202, high: 393 })]);
  });
});

describe('the seed data itself', () => {
  it('passes every zod schema', () => {
    expect(seedProblems()).toEqual([]);
    expect(seedSets.map((s) => s.records.length).every((n) => n > 0)).toBe(true);
  });

  it('has unique keys in every list', () => {
    for (const set of seedSets) {
      const key = set.key as (r: unknown) => string;
      const keys = set.records.map((r) => key(r));
      expect(new Set(keys).size, set.name).toBe(keys.length);
    }
  });

  it('keeps every value: each names a seeded market (or site) and a non-derived criterion, once, and comes from a sourced table', () => {
    const markets = new Set(seedMarkets.map((m) => m.id));
    const measured = new Set(seedCriteria.filter((c) => !c.derived).map((c) => c.id));
    const keys = seedMetricValues.map((v) => `${v.marketId ?? ''}|${v.siteId ?? ''}|${v.criterionId}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const v of seedMetricValues) {
      if (v.siteId === null) expect(markets.has(v.marketId ?? ''), `${v.marketId}`).toBe(true);
      expect(measured.has(v.criterionId), v.criterionId).toBe(true);
      if (v.kind === 'known')
        expect(v.reference, `${v.marketId ?? v.siteId} ${v.criterionId}`).toMatch(/^data\/sources\//);
    }
    for (const v of seedMetricValues.filter((x) => x.siteId !== null)) {
      expect(seedSites.map((s) => s.id)).toContain(v.siteId);
    }
  });

  it('refers only to seeded chips, criteria and jurisdictions', () => {
    const chips = new Set(seedChips.map((c) => c.id));
    const criteria = new Set(seedCriteria.map((c) => c.id));
    const codes = new Set(seedJurisdictions.map((j) => j.code));
    for (const e of seedPolicyEvents) {
      for (const chip of e.scope.chips) expect(chips.has(chip), `${e.id}: ${chip}`).toBe(true);
      for (const d of e.scope.destinations) expect(codes.has(d), `${e.id}: ${d}`).toBe(true);
      expect(codes.has(e.issuer), e.id).toBe(true);
    }
    for (const p of seedProfiles)
      for (const chip of profileChips(p)) expect(chips.has(chip), `${p.id}: ${chip}`).toBe(true);
    for (const p of seedPresets) {
      for (const id of Object.keys(p.weights)) expect(criteria.has(id), `${p.id}: ${id}`).toBe(true);
      for (const c of p.constraints) if (c.kind !== 'chips_legal') expect(criteria.has(c.criterionId)).toBe(true);
    }
    for (const m of seedMarkets) expect(codes.has(m.jurisdictionCode ?? ''), m.id).toBe(true);
    for (const j of seedJurisdictions) if (j.parentCode !== null) expect(codes.has(j.parentCode)).toBe(true);
  });

  it('carries every chip of reference section C in its class', () => {
    const classOf = new Map(seedChips.map((c) => [c.id, c.chipClass]));
    const expected: Record<string, string[]> = {
      // B30A is a China-market design, but a Blackwell far above TPP 4,800: the rules treat it as frontier.
      frontier_controlled: ['nvidia-a100', 'nvidia-h100', 'nvidia-h200', 'nvidia-b200', 'nvidia-b30a', 'amd-mi325x'],
      china_export_variant: ['nvidia-a800', 'nvidia-h800', 'nvidia-h20', 'nvidia-rtx-pro-6000d', 'amd-mi308'],
      domestic_chinese: [
        'huawei-ascend-910b',
        'huawei-ascend-910c',
        'huawei-ascend-910d',
        'cambricon',
        'biren',
        'moore-threads',
        'metax',
        'enflame',
      ],
    };
    for (const [chipClass, ids] of Object.entries(expected)) {
      for (const id of ids) expect(classOf.get(id), id).toBe(chipClass);
    }
    // TPP only where the reference derives it.
    expect(seedChips.find((c) => c.id === 'nvidia-h20')?.tpp).toBe(2368);
    expect(seedChips.find((c) => c.id === 'amd-mi308')?.tpp).toBeNull();
  });

  it('has the built-in profiles and presets the scoring screens offer', () => {
    const profiles = new Map(seedProfiles.map((p) => [p.id, p]));
    expect(profiles.get('cn-private-lab-owned')).toMatchObject({ hqCountry: 'CN', deployment: 'owned' });
    expect(profiles.get('cn-private-lab-rented')).toMatchObject({ hqCountry: 'CN', deployment: 'rented' });
    expect(profiles.get('cn-state-funded')).toMatchObject({ stateFunded: true });
    expect(profiles.get('bytedance')).toMatchObject({ namedCompany: 'ByteDance' });
    expect(profiles.get('us-hyperscaler')).toMatchObject({ hqCountry: 'US' });
    expect(profiles.get('sg-neocloud')).toMatchObject({ hqCountry: 'SG' });
    const frontier = seedPresets.find((p) => p.id === 'frontier-training');
    expect(frontier?.constraints).toContainEqual({ kind: 'min', criterionId: 'site_capacity_mw', value: 100 });
    expect(frontier?.constraints.some((c) => c.kind === 'chips_legal')).toBe(true);
  });

  it('weighs regulatory stability in every built-in preset by churn and governance together', () => {
    // Churn sees only the events in the timeline; the WGI regulatory-quality percentile is the outside
    // measure of the same thing, so a preset that weighs one weighs both (issue 12, item 5).
    for (const p of seedPresets) {
      if ((p.weights.policy_churn ?? 0) > 0) expect(p.weights.rq_percentile ?? 0, p.id).toBeGreaterThan(0);
    }
    const frontier = seedPresets.find((p) => p.id === 'frontier-training');
    // Its 0.1 for stability split evenly; the weights still sum to 1.
    expect(frontier?.weights).toMatchObject({ policy_churn: 0.05, rq_percentile: 0.05 });
    expect(Object.values(frontier?.weights ?? {}).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const sovereignty = seedPresets.find((p) => p.id === 'sovereignty-low-risk');
    expect(sovereignty?.weights).toMatchObject({ policy_churn: 0.25, rq_percentile: 0.2 });
  });
});

interface ReferenceRow {
  line: string;
  date: string;
  firstUrl: string;
  reported: boolean;
}

/** The rows of section A of the reference notes the repository keeps (docs/reference/domain-facts.md). */
function referencePolicyRows(): ReferenceRow[] {
  const file = path.resolve(process.cwd(), 'docs', 'reference', 'domain-facts.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('## A.');
  const end = text.indexOf('\n## ', start + 1);
  expect(start).toBeGreaterThan(-1);
  const table = text
    .slice(start, end)
    .split('\n')
    .filter((l) => l.startsWith('|'));
  // The first two lines are the header and the |---| separator.
  return table.slice(2).map((line) => {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const firstUrl = /https?:\/\/\S+/.exec(cells.at(-1) ?? '')?.[0];
    if (firstUrl === undefined) throw new Error(`no source URL in reference row: ${line}`);
    return { line, date: cells[0] ?? '', firstUrl, reported: (cells[0] ?? '').includes('reported') };
  });
}

describe('the policy timeline against reference section A', () => {
  const rows = referencePolicyRows();

  it('reads the whole table', () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
  });

  it.each(rows.map((r) => [r.date, r] as const))('seeds the row dated %s', (_date, row) => {
    const cited = seedPolicyEvents.filter((e) => e.source.url === row.firstUrl || e.note.includes(row.firstUrl));
    expect(cited.length, row.line).toBeGreaterThan(0);
    if (row.reported) for (const e of cited) expect(e.confidence, e.id).toBe('reported');
    const year = /\d{4}/.exec(row.date)?.[0] ?? '';
    expect(
      cited.some((e) => e.effectiveDate.startsWith(year)),
      row.line,
    ).toBe(true);
  });

  it('marks only reported rows as reported', () => {
    const reportedUrls = new Set(rows.filter((r) => r.reported).map((r) => r.firstUrl));
    for (const e of seedPolicyEvents.filter((x) => x.confidence === 'reported')) {
      expect(reportedUrls.has(e.source.url), e.id).toBe(true);
    }
  });

  it('says in the note when a date was given only as a year, month or range', () => {
    const byUrl = new Map(rows.map((r) => [r.firstUrl, r]));
    for (const e of seedPolicyEvents) {
      const row = byUrl.get(e.source.url);
      if (row === undefined) continue;
      if (!/^\d{4}-\d{2}-\d{2}/.test(row.date) || /\d\/\d|\/ \d/.test(row.date)) {
        expect(e.note, e.id).toMatch(/first (day|of the month)|1 January|effective 2023-11-17|gives only the month/);
      }
    }
  });
});

describe('the seeded timeline under the regime model', () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase(':memory:');
  });
  afterAll(() => db.close());
  const place = (country: string, jurisdictionCode: string | null = null): LegalityPlace => ({
    name: country,
    country,
    jurisdictionCode,
  });
  const usFirm = {
    hqCountry: 'US',
    stateFunded: false,
    entityListed: false,
    deployment: 'owned',
    namedCompany: null,
  } as const;
  const chip = (id: string): LegalityChip => {
    const c = seedChips.find((x) => x.id === id);
    if (c === undefined) throw new Error(id);
    return c;
  };

  it('stores every seeded event with its regime, dates and links, and the links are sound', () => {
    const stored = listPolicyEvents(db);
    expect(stored.map((e) => e.id).sort()).toEqual(seedPolicyEvents.map((e) => e.id).sort());
    expect(stored).toEqual(expect.arrayContaining(seedPolicyEvents.map((e) => expect.objectContaining(e))));
    expect(linkProblems(stored)).toEqual([]);
  });

  it('puts data-centre siting rules in site-rules and keeps them informational; press about usage is context', () => {
    for (const e of seedPolicyEvents.filter((x) => x.regime === 'site-rules' || x.regime === 'context')) {
      expect(e.effect, e.id).toBe('informational');
    }
    expect(seedPolicyEvents.find((e) => e.id === 'press-2025-11-offshore-training')?.regime).toBe('context');
  });

  it('ends the diffusion rule by supersession on 2025-05-13 and suspends the affiliates rule from 2025-11-10', () => {
    const listed = { ...usFirm, entityListed: true };
    const h100 = chip('nvidia-h100');
    const affiliates = (date: string): string | undefined =>
      chipLegality(listed, h100, place('SG'), seedPolicyEvents, date).chain.find(
        (c) => c.event.id === 'us-2025-09-29-affiliates-rule',
      )?.role;
    expect(affiliates('2025-11-09')).toBe('decides');
    expect(affiliates('2025-11-10')).toBe('superseded');
    expect(affiliates('2026-11-10')).toBe('decides');
    const diffusion = (date: string): string | undefined =>
      chipLegality(usFirm, h100, place('SG'), seedPolicyEvents, date).chain.find(
        (c) => c.event.id === 'us-2025-01-13-ai-diffusion',
      )?.role;
    expect(diffusion('2025-05-12')).toBe('context');
    expect(diffusion('2025-05-13')).toBe('superseded');
  });

  it('follows A800 and H100 to China and Hong Kong from the 2022 letter to the 2023 rule', () => {
    const at = (chipId: string, where: LegalityPlace, date: string): string =>
      chipLegality(usFirm, chip(chipId), where, seedPolicyEvents, date).status;
    expect(at('nvidia-h100', place('HK'), '2022-08-25')).toBe('allowed');
    expect(at('nvidia-h100', place('HK'), '2022-08-26')).toBe('licence_required');
    expect(at('nvidia-h100', place('HK'), '2023-01-01')).toBe('licence_denial');
    expect(at('nvidia-a800', place('CN', 'CN-BJ'), '2023-01-01')).toBe('allowed');
    expect(at('nvidia-a800', place('CN', 'CN-BJ'), '2024-01-01')).toBe('licence_denial');
  });
});

describe('seeding a store that already has data', () => {
  let dir: string;
  let file: string;
  const opened: Db[] = [];
  const open = (): Db => {
    const db = openDatabase(file);
    opened.push(db);
    return db;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'landfall-seed-'));
    file = join(dir, 'landfall.sqlite');
  });
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('changes nothing when run twice, or again after reopening', () => {
    const db = open();
    const before = snapshot(db);
    expect(seedDatabase(db)).toBe(false);
    expect(snapshot(db)).toBe(before);
    db.close();
    expect(snapshot(open())).toBe(before);
  });

  it('inserts nothing twice even when the version stamp is gone (INSERT OR IGNORE)', () => {
    const db = open();
    const before = snapshot(db);
    db.prepare('DELETE FROM meta WHERE key = ?').run(SEED_VERSION_KEY);
    expect(seedDatabase(db)).toBe(true);
    expect(snapshot(db)).toBe(before);
  });

  it('keeps an edited seeded row as edited after reopening, and after a newer seed version', () => {
    const first = open();
    first
      .prepare("UPDATE metric_values SET value = 20.5 WHERE market_id = 'sg' AND criterion_id = 'power_price_usc_kwh'")
      .run();
    // Every app write logs its rows (presets-repo, edit-service); a logged row is the user's and a newer
    // seed never refreshes it.
    withChangeBatch(first, 'test', (batch) => {
      const siteBefore = first.prepare("SELECT * FROM sites WHERE id = 'my-sedenak'").get();
      first.prepare("UPDATE sites SET name = 'Sedenak (ours)' WHERE id = 'my-sedenak'").run();
      const siteAfter = first.prepare("SELECT * FROM sites WHERE id = 'my-sedenak'").get();
      batch.record('update', 'sites', 'my-sedenak', siteBefore, siteAfter, 'renamed');
      const before = first.prepare("SELECT * FROM presets WHERE id = 'frontier-training'").get();
      first.prepare("UPDATE presets SET name = 'Our frontier' WHERE id = 'frontier-training'").run();
      const after = first.prepare("SELECT * FROM presets WHERE id = 'frontier-training'").get();
      batch.record('update', 'presets', 'frontier-training', before, after, 'renamed');
    });
    first.close();
    const second = open();
    // As if this store had last seen an older seed: the next open seeds again.
    setMeta(second, SEED_VERSION_KEY, String(SEED_VERSION - 1));
    expect(seedDatabase(second)).toBe(true);
    second.close();
    const third = open();
    const site = third.prepare("SELECT name FROM sites WHERE id = 'my-sedenak'").get() as { name: string };
    expect(site.name).toBe('Sedenak (ours)');
    const price = listMetricValues(third, { marketId: 'sg', criterionId: 'power_price_usc_kwh' })[0];
    expect(price?.kind === 'known' && price.value).toBe(20.5);
    const preset = third.prepare("SELECT name FROM presets WHERE id = 'frontier-training'").get() as { name: string };
    expect(preset.name).toBe('Our frontier');
  });

  it('gives an untouched seeded site the newer seed version (name, operator, capacity) and adds new sites', () => {
    const first = open();
    // As an older seed left it: the district's name, no operator, no capacity; one campus not there yet.
    first
      .prepare("UPDATE sites SET name = 'Kulai', operator = NULL, capacity_planned_mw = NULL WHERE id = 'my-kulai'")
      .run();
    first.prepare("DELETE FROM sites WHERE id = 'sg-equinix-sg6'").run();
    setMeta(first, SEED_VERSION_KEY, String(SEED_VERSION - 1));
    // An older Landfall kept no content seal; without one, the raw edits above are not judged as damage.
    first.prepare('DELETE FROM meta WHERE key = ?').run(SEAL_KEY);
    first.close();
    const second = open();
    const kulai = second
      .prepare("SELECT name, operator, capacity_planned_mw AS planned FROM sites WHERE id = 'my-kulai'")
      .get();
    // YTL's park (nst-ytl-gds-kulai-2022: 500 MW planned), run by YTL Power International.
    expect(kulai).toEqual({
      name: 'YTL Green Data Centre Park (Kulai)',
      operator: 'YTL Power International',
      planned: 500,
    });
    expect(second.prepare("SELECT operator FROM sites WHERE id = 'sg-equinix-sg6'").get()).toEqual({
      operator: 'Equinix',
    });
    second.close();
  });

  it('restates policy churn and the regulatory-stability weights in an untouched store of seed version 2', () => {
    const first = open();
    // As seed version 2 left them: churn a count of events, Frontier training without the WGI measure.
    first
      .prepare(
        "UPDATE criteria SET unit = 'events', description = 'Number of binding policy events' WHERE id = 'policy_churn'",
      )
      .run();
    const { rq_percentile: _rq, ...rest } = seedPresets.find((p) => p.id === 'frontier-training')?.weights ?? {};
    const v2Weights = { ...rest, policy_churn: 0.1 };
    first.prepare("UPDATE presets SET weights = ? WHERE id = 'frontier-training'").run(JSON.stringify(v2Weights));
    setMeta(first, SEED_VERSION_KEY, '2');
    // Seed version 2 predates content seals (see above).
    first.prepare('DELETE FROM meta WHERE key = ?').run(SEAL_KEY);
    first.close();
    const second = open();
    expect(getMeta(second, SEED_VERSION_KEY)).toBe(String(SEED_VERSION));
    const churn = listCriteria(second).find((c) => c.id === 'policy_churn');
    expect(churn).toMatchObject({
      unit: 'weighted events',
      description: seedCriteria.find((c) => c.id === 'policy_churn')?.description,
    });
    const weights = second.prepare("SELECT weights FROM presets WHERE id = 'frontier-training'").get() as {
      weights: string;
    };
    expect(JSON.parse(weights.weights)).toMatchObject({ policy_churn: 0.05, rq_percentile: 0.05 });
  });

  it('keeps a deleted seeded site deleted after reopening', () => {
    const first = open();
    // Through a change batch, as every deletion in the app goes (so the content seal follows it).
    withChangeBatch(first, 'test', (batch) => {
      first.prepare("DELETE FROM metric_values WHERE site_id = 'my-kulai'").run();
      expect(first.prepare("DELETE FROM sites WHERE id = 'my-kulai'").run().changes).toBe(1);
      batch.record('delete', 'sites', 'my-kulai', null, null);
    });
    first.close();
    const second = open();
    expect(second.prepare("SELECT id FROM sites WHERE id = 'my-kulai'").get()).toBeUndefined();
    expect(count(second, 'sites')).toBe(seedSites.length - 1);
  });

  it('keeps a deletion recorded in the change log deleted even when a newer seed runs', () => {
    const first = open();
    withChangeBatch(first, 'test', (batch) => {
      const before = first.prepare("SELECT * FROM sites WHERE id = 'sg-tuas'").get();
      first.prepare("DELETE FROM sites WHERE id = 'sg-tuas'").run();
      batch.record('delete', 'sites', 'sg-tuas', before, null, 'removed Tuas');
    });
    setMeta(first, SEED_VERSION_KEY, String(SEED_VERSION - 1));
    first.close();
    const second = open();
    expect(getMeta(second, SEED_VERSION_KEY)).toBe(String(SEED_VERSION));
    expect(second.prepare("SELECT id FROM sites WHERE id = 'sg-tuas'").get()).toBeUndefined();
  });

  it('skips a seeded child whose parent the user removed instead of failing to open', () => {
    const first = open();
    first.prepare("DELETE FROM metric_values WHERE market_id = 'us-nova'").run();
    first.prepare("DELETE FROM sites WHERE market_id = 'us-nova'").run();
    first.prepare("DELETE FROM markets WHERE id = 'us-nova'").run();
    withChangeBatch(first, 'test', (batch) => batch.record('delete', 'markets', 'us-nova', null, null));
    setMeta(first, SEED_VERSION_KEY, String(SEED_VERSION - 1));
    first.close();
    const second = open();
    expect(second.prepare("SELECT id FROM markets WHERE id = 'us-nova'").get()).toBeUndefined();
    expect(second.prepare("SELECT id FROM sites WHERE id = 'us-ashburn'").get()).toBeUndefined();
    expect(count(second, 'metric_values')).toBe(
      seedMetricValues.length - seedCriteria.filter((c) => !c.derived).length,
    );
  });

  it('fills in the jurisdiction of a starter market stored before seed versions, keeping its edited name', () => {
    const raw = new Database(file);
    migrate(raw);
    raw.prepare("INSERT INTO markets (id, name, country) VALUES ('sg', 'Singapore (ours)', 'SG')").run();
    raw.close();
    const db = open();
    const row = db.prepare("SELECT name, jurisdiction_code, description FROM markets WHERE id = 'sg'").get() as {
      name: string;
      jurisdiction_code: string | null;
      description: string;
    };
    expect(row.name).toBe('Singapore (ours)');
    expect(row.jurisdiction_code).toBe('SG');
    expect(row.description.length).toBeGreaterThan(0);
  });
});

// Puts the seed data into a store: once per SEED_VERSION, in one transaction, and never over the
// user's work. A fresh store gets every seed record; a store seeded by an older version gets the
// corrected reference rows nobody touched (refresh-seed.ts) but no fact is written over: the new
// seed's facts become a pending data refresh (db/seed-refresh.ts) the planner previews and accepts
// or dismisses. INSERT OR IGNORE leaves an edited row as the user left it; a row the user deleted is
// not re-inserted (the seed runs only when the version goes up, and even then a row whose last
// change-log entry is a delete stays deleted); a child whose parent the user removed is skipped
// rather than failing the whole open. Every record is checked against its zod schema first, so a
// bad seed fails loudly (and in the tests) instead of landing half-right in someone's database.
import type { Db } from '../db';
import type { z } from 'zod';
import { Chip } from '../../shared/model/chips';
import { Criterion } from '../../shared/model/criteria';
import { MetricValue } from '../../shared/model/facts';
import { Jurisdiction, Market } from '../../shared/model/jurisdictions';
import { PolicyEvent } from '../../shared/model/policy';
import { Preset } from '../../shared/model/presets';
import { CompanyProfile } from '../../shared/model/profiles';
import { Site } from '../../shared/schemas';
import { latestActions } from '../change-log';
import { sealTables } from '../content-seal';
import { getMeta, setMeta } from '../meta-repo';
import { planDataRefresh } from '../seed-refresh';
import { seedChips } from './chips';
import { seedCriteria } from './criteria';
import { seedJurisdictions } from './jurisdictions';
import { seedMarkets } from './markets';
import { seedMetricValues } from './metrics';
import { seedPolicyEvents } from './policies';
import { seedPresets } from './presets';
import { seedProfiles } from './profiles';
import { seedSites } from './sites';
import { insertMissing, refreshUntouched } from './refresh-seed';

/**
 * Bump when the seed data changes; a store that has seen this version is not seeded again, and a
 * store that saw an older one is offered the changed facts as a data refresh. Version 4: the data
 * build's sourced facts (db/seed/derived-metrics.json, from data/sources; issue 13).
 */
export const SEED_VERSION = 5;
export const SEED_VERSION_KEY = 'seed_version';

export const SeedSiteSchema = Site.omit({ marketName: true, country: true });

/** Each seed list with the schema its records must pass and how to name a record in an error. */
export const seedSets = [
  { name: 'jurisdictions', schema: Jurisdiction, records: seedJurisdictions, key: (r: Jurisdiction) => r.code },
  { name: 'markets', schema: Market, records: seedMarkets, key: (r: Market) => r.id },
  { name: 'criteria', schema: Criterion, records: seedCriteria, key: (r: Criterion) => r.id },
  { name: 'sites', schema: SeedSiteSchema, records: seedSites, key: (r: { id: string }) => r.id },
  {
    name: 'metric values',
    schema: MetricValue,
    records: seedMetricValues,
    key: (r: MetricValue) => `${r.marketId ?? r.siteId ?? '?'}/${r.criterionId}`,
  },
  { name: 'chips', schema: Chip, records: seedChips, key: (r: Chip) => r.id },
  { name: 'policy events', schema: PolicyEvent, records: seedPolicyEvents, key: (r: PolicyEvent) => r.id },
  { name: 'profiles', schema: CompanyProfile, records: seedProfiles, key: (r: CompanyProfile) => r.id },
  { name: 'presets', schema: Preset, records: seedPresets, key: (r: Preset) => r.id },
] as const;

/** Every way the seed breaks its own schemas, as "set key: path: message" lines; empty when sound. */
export function seedProblems(): string[] {
  const problems: string[] = [];
  for (const set of seedSets) {
    const schema: z.ZodType = set.schema;
    const key = set.key as (r: unknown) => string;
    for (const record of set.records) {
      const result = schema.safeParse(record);
      if (result.success) continue;
      for (const issue of result.error.issues) {
        problems.push(`${set.name} ${key(record)}: ${issue.path.join('.') || '(record)'}: ${issue.message}`);
      }
    }
  }
  return problems;
}

/**
 * Applies the seed if this store has not had SEED_VERSION yet; returns whether it did. Runs inside
 * one transaction with the version stamp, so a failure leaves neither data nor stamp behind.
 */
export function seedDatabase(db: Db): boolean {
  const previous = getMeta(db, SEED_VERSION_KEY);
  if (previous !== null && Number(previous) >= SEED_VERSION) return false;
  const problems = seedProblems();
  if (problems.length > 0) throw new Error(`the seed data is invalid:\n${problems.join('\n')}`);
  db.transaction(() => {
    if (previous !== null) refreshSeed(db);
    insertAll(db, previous === null);
    // After insertAll, so a fact of a market or site this version adds is offered too.
    if (previous !== null) {
      planDataRefresh(db, {
        seedVersion: SEED_VERSION,
        fromVersion: Number(previous),
        facts: seedMetricValues,
        scope: {
          markets: seedMarkets.map((m) => m.id),
          sites: seedSites.map((s) => s.id),
          criteria: seedCriteria.map((c) => c.id),
        },
      });
    }
    setMeta(db, SEED_VERSION_KEY, String(SEED_VERSION));
    // The seed writes records outside any change batch; their seal must follow (see content-seal.ts).
    sealTables(db, 'all');
  })();
  return true;
}

/**
 * Seed version 2 corrected the policy timeline into regimes (issue 11), restated the profiles per
 * workload, gave chips their TPP and restated two derived criteria; version 3 restated policy churn
 * as weighted instability and made every preset that weighs churn weigh the WGI measure too (issue 12);
 * version 5 named the sites' operators, made single-campus districts their campus and sized sites from
 * the data build (issue 13), and added the named campuses (new rows, inserted like any new seed row).
 * Untouched rows of these tables take the corrected seed. Metric values are never refreshed here:
 * a new version's facts become a pending data refresh (planDataRefresh) the planner accepts or not.
 */
function refreshSeed(db: Db): void {
  refreshUntouched(db, 'policy_events', seedPolicyEvents);
  refreshUntouched(db, 'company_profiles', seedProfiles);
  refreshUntouched(db, 'chips', seedChips);
  refreshUntouched(db, 'presets', seedPresets);
  refreshUntouched(db, 'criteria', seedCriteria);
  refreshUntouched(
    db,
    'sites',
    seedSites.map((s) => ({ ...s, origin: 'seed' as const })),
  );
}

/** Ids of seeded rows the user deleted: their latest change-log entry is a delete. */
function deletedIds(db: Db, table: string): Set<string> {
  return new Set([...latestActions(db, table)].filter(([, action]) => action === 'delete').map(([id]) => id));
}

function insertAll(db: Db, firstSeed: boolean): void {
  const skip = (table: string): ((id: string) => boolean) => {
    const deleted = deletedIds(db, table);
    return (id) => deleted.has(id);
  };

  const jurisdiction = db.prepare(`
    INSERT OR IGNORE INTO jurisdictions (code, name, parent_code, level)
    SELECT @code, @name, @parentCode, @level
    WHERE @parentCode IS NULL OR EXISTS (SELECT 1 FROM jurisdictions WHERE code = @parentCode)`);
  const skipJurisdiction = skip('jurisdictions');
  for (const j of seedJurisdictions) if (!skipJurisdiction(j.code)) jurisdiction.run(j);

  // A market whose jurisdiction the user removed still goes in, just without one.
  const market = db.prepare(`
    INSERT OR IGNORE INTO markets (id, name, country, jurisdiction_code, description)
    VALUES (@id, @name, @country, (SELECT code FROM jurisdictions WHERE code = @jurisdictionCode), @description)`);
  // Stores seeded before seed versions existed hold the starter markets without these two columns
  // (added by migration 2); filling them in there overwrites nothing anyone typed.
  const backfillMarket = db.prepare(`
    UPDATE markets SET
      jurisdiction_code = coalesce(jurisdiction_code, (SELECT code FROM jurisdictions WHERE code = @jurisdictionCode)),
      description = CASE WHEN description = '' THEN @description ELSE description END
    WHERE id = @id`);
  const skipMarket = skip('markets');
  for (const m of seedMarkets) {
    if (skipMarket(m.id)) continue;
    market.run(m);
    if (firstSeed) backfillMarket.run(m);
  }

  const criterion = db.prepare(`
    INSERT OR IGNORE INTO criteria (id, name, group_id, unit, direction, normalisation, derived, description, sort_order)
    VALUES (@id, @name, @group, @unit, @direction, @normalisation, @derived, @description, @sortOrder)`);
  const skipCriterion = skip('criteria');
  for (const c of seedCriteria) if (!skipCriterion(c.id)) criterion.run({ ...c, derived: c.derived ? 1 : 0 });

  const site = db.prepare(`
    INSERT OR IGNORE INTO sites (id, name, market_id, lat, lon, capacity_existing_mw, capacity_planned_mw,
      status, operator, notes, source_title, source_url, source_as_of, origin)
    SELECT @id, @name, @marketId, @lat, @lon, @existing, @planned, @status, @operator, @notes,
      @sourceTitle, @sourceUrl, @sourceAsOf, 'seed'
    WHERE EXISTS (SELECT 1 FROM markets WHERE id = @marketId)`);
  const skipSite = skip('sites');
  for (const s of seedSites) {
    if (skipSite(s.id)) continue;
    site.run({
      id: s.id,
      name: s.name,
      marketId: s.marketId,
      lat: s.lat,
      lon: s.lon,
      existing: s.capacityMw.existing,
      planned: s.capacityMw.planned,
      status: s.status,
      operator: s.operator,
      notes: s.notes,
      sourceTitle: s.source.title,
      sourceUrl: s.source.url,
      sourceAsOf: s.source.asOf,
    });
  }

  // Facts go in directly only on a first seed; a store that has them already is offered the new
  // seed's as a data refresh instead (seedDatabase). The unique (criterion, market) and (criterion,
  // site) indexes make a value the store already has win over the seed's even then.
  if (firstSeed) insertFacts(db);

  const chip = db.prepare(`
    INSERT OR IGNORE INTO chips (id, vendor, name, chip_class, tpp, memory_gb, notes, source_title, source_url, as_of)
    VALUES (@id, @vendor, @name, @chipClass, @tpp, @memoryGb, @notes, @sourceTitle, @sourceUrl, @asOf)`);
  const skipChip = skip('chips');
  for (const c of seedChips) {
    if (skipChip(c.id)) continue;
    const { source, ...rest } = c;
    chip.run({ ...rest, sourceTitle: source.title, sourceUrl: source.url, asOf: source.asOf });
  }

  insertMissing(db, 'policy_events', seedPolicyEvents, skip('policy_events'));
  insertMissing(db, 'company_profiles', seedProfiles, skip('company_profiles'));

  const preset = db.prepare(`
    INSERT OR IGNORE INTO presets (id, name, description, builtin, method, weights, constraints, normalisation, updated_at)
    VALUES (@id, @name, @description, @builtin, @method, @weights, @constraints, @normalisation, @updatedAt)`);
  const skipPreset = skip('presets');
  for (const p of seedPresets) {
    if (skipPreset(p.id)) continue;
    preset.run({
      ...p,
      builtin: p.builtin ? 1 : 0,
      weights: JSON.stringify(p.weights),
      constraints: JSON.stringify(p.constraints),
    });
  }
}

/** Every seed fact whose criterion and place are in the store, unless the store has that fact already. */
function insertFacts(db: Db): void {
  const metric = db.prepare(`
    INSERT OR IGNORE INTO metric_values (criterion_id, market_id, site_id, value, low, high, missing_reason,
      source_title, source_url, as_of, note, method, derivation, reference)
    SELECT @criterionId, @marketId, @siteId, @value, @low, @high, @missingReason,
      @sourceTitle, @sourceUrl, @asOf, @note, @method, @derivation, @reference
    WHERE EXISTS (SELECT 1 FROM criteria WHERE id = @criterionId)
      AND (EXISTS (SELECT 1 FROM markets WHERE id = @marketId) OR EXISTS (SELECT 1 FROM sites WHERE id = @siteId))`);
  for (const v of seedMetricValues) {
    metric.run({
      criterionId: v.criterionId,
      marketId: v.marketId,
      siteId: v.siteId,
      value: v.kind === 'known' ? v.value : null,
      low: v.kind === 'known' ? v.low : null,
      high: v.kind === 'known' ? v.high : null,
      missingReason: v.kind === 'missing' ? v.missingReason : null,
      sourceTitle: v.source?.title ?? null,
      sourceUrl: v.source?.url ?? null,
      asOf: v.source?.asOf ?? null,
      note: v.note,
      method: v.kind === 'known' ? v.method : null,
      derivation: v.kind === 'known' ? v.derivation : null,
      reference: v.kind === 'known' ? v.reference : null,
    });
  }
}

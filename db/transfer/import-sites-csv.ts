// Plans a sites CSV import: the pure checks of shared/sites-csv.ts, then the ones that need the
// store (criteria exist and are not derived, regions resolve to markets or may create one), then
// per row what would be added, changed or left alone.
import type { Db } from '../db';
import type { ImportError } from '../../shared/model/transfer';
import { isKnownCountry, parseSitesCsv } from '../../shared/sites-csv';
import { METHOD_NOT_RECORDED } from '../../shared/model/facts';
import type { SiteCsvFact, SiteCsvRow } from '../../shared/sites-csv-header';
import { importedFactProblem } from './fact-source-check';
import { PlanBuilder, type ImportPlan } from './import-plan';
import {
  criterionDerived,
  readCountryCodes,
  readMarketRefs,
  readStoredSites,
  tableStore,
  type MarketRef,
} from './table-store';
import { keepStoredMethod, type DbRow } from './tables';

/** How a changed site column is named in the CSV, for the preview. */
const CSV_NAME: Record<string, string> = {
  market_id: 'region',
  source_title: 'site_source_title',
  source_url: 'site_source_url',
  source_as_of: 'site_source_as_of',
};

const MARKET_ID = /^[a-z0-9][a-z0-9-]*$/;

export function planSitesCsvImport(db: Db, text: string): ImportPlan {
  const plan = new PlanBuilder('sites-csv');
  const parsed = parseSitesCsv(text);
  plan.errors.push(...parsed.errors);
  const badRows = new Set(parsed.errors.map((e) => e.row));
  const fail = (row: SiteCsvRow, column: string, message: string): void => {
    plan.errors.push({ table: null, row: row.row, line: row.line, column, message } satisfies ImportError);
    badRows.add(row.row);
  };

  const derived = criterionDerived(db);
  for (const id of parsed.criteria) {
    const d = derived(id);
    if (d === false) continue;
    const message =
      d === undefined
        ? `unknown criterion "${id}": the column is not a site field and no criterion has this id`
        : `criterion "${id}" is derived from the policy timeline; it cannot be imported`;
    plan.errors.push({ table: null, row: parsed.header.row, line: parsed.header.line, column: id, message });
  }

  const markets = new MarketResolver(db);
  const marketStore = tableStore(db, 'markets');
  const siteStore = tableStore(db, 'sites');
  const factStore = tableStore(db, 'metric_values');
  const created = new Set<string>();
  // The stored sites the file names, and their facts, read in one go (not one query per row).
  const stored = readStoredSites(
    db,
    parsed.rows.map((r) => r.id),
  );

  for (const row of parsed.rows) {
    const summary = `import sites-csv row ${row.row}`;
    const market = markets.resolve(row, fail);
    const before = stored.site(row.id);
    const site = siteRow(row, market?.id ?? '', before, fail);
    if (market === null || site === null || badRows.has(row.row)) continue;

    // A new region is created with the first good row that names it (bad rows are never written).
    if (market.create !== null && !created.has(market.id)) {
      created.add(market.id);
      plan.upsert(marketStore, market.create, summary, undefined);
      plan.entry('added', 'markets', market.id, row.row);
    }
    const outcome = plan.upsert(siteStore, site, summary, before);
    const fields = outcome.added ? [] : outcome.fields.map((c) => CSV_NAME[c] ?? c);
    for (const fact of row.facts) {
      const how = factMethod(fact);
      const factRow: DbRow = {
        criterion_id: fact.criterionId,
        market_id: null,
        site_id: row.id,
        value: fact.value,
        low: fact.low,
        high: fact.high,
        missing_reason: fact.missingReason,
        source_title: fact.source?.title ?? null,
        source_url: fact.source?.url ?? null,
        as_of: fact.source?.asOf ?? null,
        note: fact.note,
        method: how.method,
        derivation: how.derivation,
        reference: how.reference,
      };
      // A new site has no facts yet; skip the lookup for the common bulk-load case.
      const factBefore = before === undefined ? undefined : stored.fact(fact.criterionId, row.id);
      const written = fact.value !== null && fact.method === null ? keepStoredMethod(factRow, factBefore) : factRow;
      const unsourced = importedFactProblem(factBefore, written);
      if (unsourced !== null) {
        fail(row, fact.criterionId, unsourced);
        continue;
      }
      const factOutcome = plan.upsert(factStore, written, summary, factBefore);
      if (factOutcome.fields.length > 0) fields.push(fact.criterionId);
    }
    if (outcome.added) plan.entry('added', 'sites', row.id, row.row);
    else if (fields.length > 0) plan.entry('changed', 'sites', row.id, row.row, fields);
    else plan.entry('unchanged', 'sites', row.id, row.row);
  }
  return plan.build();
}

/**
 * A fact's method columns: as the file gives them; a value whose method the file does not say (an
 * older file) gets METHOD_NOT_RECORDED, unless the store already holds that number (keepStoredMethod).
 */
function factMethod(fact: SiteCsvFact): { method: string | null; derivation: string | null; reference: string | null } {
  if (fact.value === null) return NO_METHOD;
  return fact.method === null ? METHOD_NOT_RECORDED : fact;
}

const NO_METHOD = { method: null, derivation: null, reference: null } as const;

/** The site as it would be stored: a new one from the row, an existing one with the row's columns over it. */
function siteRow(
  row: SiteCsvRow,
  marketId: string,
  before: DbRow | undefined,
  fail: (row: SiteCsvRow, column: string, message: string) => void,
): DbRow | null {
  const given: DbRow = { id: row.id, name: row.name, market_id: marketId, lat: row.lat, lon: row.lon };
  if (row.status !== undefined) given.status = row.status;
  if (row.capacityExisting !== undefined) given.capacity_existing_mw = row.capacityExisting;
  if (row.capacityPlanned !== undefined) given.capacity_planned_mw = row.capacityPlanned;
  if (row.operator !== undefined) given.operator = row.operator;
  if (row.notes !== undefined) given.notes = row.notes;
  if (row.origin !== undefined) given.origin = row.origin;
  // An existing site keeps its own source unless site_source_* says otherwise; a new one needs one.
  const source = row.siteSource ?? (before === undefined ? row.rowSource : null);
  if (source !== null) {
    given.source_title = source.title;
    given.source_url = source.url;
    given.source_as_of = source.asOf;
  }
  if (before !== undefined) return { ...before, ...given };
  if (source === null) {
    if (row.sourceGiven) return null; // the bad source cells are reported already
    fail(
      row,
      'site_source_url',
      'a new site needs a source: fill site_source_title, site_source_url and site_source_as_of ' +
        '(or source_title, source_url and as_of)',
    );
    return null;
  }
  return {
    status: 'planned',
    capacity_existing_mw: null,
    capacity_planned_mw: null,
    operator: null,
    notes: '',
    origin: 'import',
    ...given,
  };
}

interface ResolvedMarket {
  id: string;
  /** The market row to create when the region is new (every row naming it gets the same one). */
  create: DbRow | null;
}

/**
 * Turns a row's region (a market id, or a market name within the row's country) into a market id.
 * An unknown region becomes a new market, but only in a real country; later rows naming the same
 * region share it.
 */
class MarketResolver {
  private readonly byId = new Map<string, MarketRef>();
  private readonly byName = new Map<string, MarketRef[]>();
  private readonly countries: Set<string>;
  private readonly planned = new Map<string, MarketRef>();

  constructor(db: Db) {
    for (const m of readMarketRefs(db)) {
      this.byId.set(m.id, m);
      const key = m.name.trim().toLowerCase();
      this.byName.set(key, [...(this.byName.get(key) ?? []), m]);
    }
    this.countries = readCountryCodes(db);
  }

  resolve(row: SiteCsvRow, fail: (row: SiteCsvRow, column: string, message: string) => void): ResolvedMarket | null {
    const { region, country } = row;
    if (region === '') return null;
    const direct = this.byId.get(region);
    if (direct !== undefined) {
      if (country !== '' && country !== direct.country) {
        fail(row, 'country', `region "${region}" is a market in ${direct.country}, not ${country}`);
        return null;
      }
      return { id: direct.id, create: null };
    }
    const named = this.byName.get(region.toLowerCase()) ?? [];
    const here = country === '' ? named : named.filter((m) => m.country === country);
    if (here.length === 1 && here[0] !== undefined) return { id: here[0].id, create: null };
    if (here.length > 1) {
      fail(row, 'region', `region "${region}" matches markets ${here.map((m) => m.id).join(', ')}; use the market id`);
      return null;
    }
    if (named.length > 0) {
      const where = [...new Set(named.map((m) => m.country))].join(', ');
      fail(row, 'country', `market "${region}" is in ${where}, not ${country}`);
      return null;
    }
    if (country === '') {
      fail(row, 'country', `region "${region}" is not a known market; give its country to create it`);
      return null;
    }
    if (!/^[A-Z]{2}$/.test(country)) return null; // already reported by the CSV checks
    if (!this.countries.has(country) && !isKnownCountry(country)) {
      fail(
        row,
        'country',
        `unknown country "${country}": region "${region}" is not a known market, and a new market needs a real ISO 3166-1 country`,
      );
      return null;
    }
    const key = `${country}|${region.toLowerCase()}`;
    let market = this.planned.get(key);
    if (market === undefined) {
      market = { id: this.freshId(region, country), name: region, country };
      this.planned.set(key, market);
    }
    const create = {
      id: market.id,
      name: region,
      country,
      jurisdiction_code: this.countries.has(country) ? country : null,
      description: '',
    };
    return { id: market.id, create };
  }

  /** The region itself when it reads as an id, else "<country>-<slug of the name>", made unique. */
  private freshId(region: string, country: string): string {
    const taken = (id: string): boolean => this.byId.has(id) || [...this.planned.values()].some((m) => m.id === id);
    if (MARKET_ID.test(region) && !taken(region)) return region;
    const slug = region
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    const base = `${country.toLowerCase()}-${slug || 'market'}`;
    let id = base;
    for (let n = 2; taken(id); n++) id = `${base}-${n}`;
    return id;
  }
}

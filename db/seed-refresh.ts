// A data refresh: how a store that already holds facts receives a new seed version's facts (issue 13,
// item 4). The seed never writes over a fact in such a store. Instead, when the store is opened with
// a newer SEED_VERSION, planDataRefresh compares each seeded (criterion, market or site) fact with the
// stored one and keeps, in meta under DATA_REFRESH_KEY, what the new seed would change:
//   new      the seed has the fact, the store does not (and nobody deleted it);
//   changed  both have it, some column differs, and nobody has edited it;
//   retired  the store has a seeded-place fact nobody touched that the seed no longer has.
// A fact the planner touched — any change-log entry for its (criterion, place) that is not itself a
// data refresh: an edit, an import, a delete, an undo — is never proposed; where the seed differs
// from it, it is listed apart as kept. The planner previews the pending refresh, accepts all or some
// of it (one change-log batch, kind import, labelled "Data refresh vN", so history shows it and undo
// takes it back) or dismisses it. Each change is re-checked when accepted: one edited, deleted or
// changed since it was worked out is skipped, never overwritten.
import type { Db } from './db';
import type {
  DataRefreshAccepted,
  DataRefreshDismissed,
  DataRefreshPreview,
  RefreshChange,
  RefreshFact,
  RefreshKept,
} from '../shared/calls/data-refresh-calls';
import { FactMethod, type MetricValue } from '../shared/model/facts';
import { withChangeBatch, type ChangeBatch } from './change-log';
import { expandBulkRow, type LoggedRow } from './change-log-bulk';
import { deleteRow, findFact, insertRow, rowTables, updateRow } from './edit-rows';
import { discardRedoStack, recordBatch } from './history-repo';
import { getMeta, setMeta } from './meta-repo';
import { tableDefs, type DbRow } from './transfer/tables';

/** The change-log actor of a refresh's writes: they are the seed's, not the planner's. */
export const REFRESH_ACTOR = 'data-refresh';
/** The meta key holding the pending refresh (JSON), absent when nothing is pending. */
export const DATA_REFRESH_KEY = 'data_refresh';
const SEED_VERSION_KEY = 'seed_version';

const def = tableDefs.metric_values;
/** The columns that make a fact what it is (the key columns aside). */
const DATA_COLUMNS = def.columns.filter((c) => !def.key.includes(c));

type Kind = RefreshChange['kind'];

interface StoredChange {
  key: string;
  kind: Kind;
  /** The stored row (data columns and key, no id) when the refresh was worked out; null for new. */
  before: DbRow | null;
  /** The seed's row; null for retired. */
  after: DbRow | null;
}

interface StoredKept {
  key: string;
  /** The seed's row (null when the seed no longer has the fact). */
  seed: DbRow | null;
}

interface StoredRefresh {
  seedVersion: number;
  fromVersion: number;
  computedAt: string;
  changes: StoredChange[];
  kept: StoredKept[];
}

/** Thrown by acceptDataRefresh for keys that are not pending; nothing has been written. */
export class UnknownRefreshKeys extends Error {
  constructor(readonly keys: string[]) {
    super(`not in the pending data refresh: ${keys.join(', ')}`);
    this.name = 'UnknownRefreshKeys';
  }
}

/** "criterion@market:ID" or "criterion@site:ID", as history.list and the data grid name a fact. */
export function refreshKey(row: DbRow): string {
  return def.label(row);
}

function keyParts(row: DbRow): { criterionId: string; marketId: string | null; siteId: string | null } {
  return {
    criterionId: String(row.criterion_id),
    marketId: (row.market_id ?? null) as string | null,
    siteId: (row.site_id ?? null) as string | null,
  };
}

const pickRow = (row: DbRow): DbRow => Object.fromEntries(def.columns.map((c) => [c, row[c] ?? null]));

/** The data columns that differ between two rows (null-safe; numbers compared exactly). */
function differing(a: DbRow | null, b: DbRow | null): string[] {
  if (a === null || b === null) return [...DATA_COLUMNS];
  return DATA_COLUMNS.filter((c) => (a[c] ?? null) !== (b[c] ?? null));
}

/**
 * Facts the planner has touched, by key: every change-log image of a metric value (before or after)
 * written by anyone but a data refresh. Natural keys, not row ids: a deleted fact's id may be reused.
 */
function touchedKeys(db: Db): Set<string> {
  const rows = db
    .prepare<[string, string], { c: string | null; m: string | null; s: string | null }>(
      `SELECT DISTINCT json_extract(img, '$.criterion_id') AS c, json_extract(img, '$.market_id') AS m,
         json_extract(img, '$.site_id') AS s
       FROM (SELECT before AS img FROM change_log WHERE table_name = 'metric_values' AND actor <> ? AND before IS NOT NULL
             UNION ALL
             SELECT after AS img FROM change_log WHERE table_name = 'metric_values' AND actor <> ?
               AND after IS NOT NULL AND substr(after, 1, 1) <> '[')`,
    )
    .all(REFRESH_ACTOR, REFRESH_ACTOR);
  const keys = new Set<string>();
  for (const r of rows) {
    if (r.c === null) continue;
    keys.add(refreshKey({ criterion_id: r.c, market_id: r.m, site_id: r.s }));
  }
  // Bulk rows (change-log-bulk.ts): the facts an import inserted, images read in JavaScript.
  const bulk = db
    .prepare<[string], LoggedRow>(
      `SELECT id, row_id, after, summary FROM change_log
       WHERE table_name = 'metric_values' AND actor <> ? AND substr(after, 1, 1) = '['`,
    )
    .iterate(REFRESH_ACTOR);
  for (const row of bulk) for (const change of expandBulkRow(row)) keys.add(refreshKey(change.after));
  return keys;
}

function storedFacts(db: Db): Map<string, DbRow> {
  const rows = db.prepare<[], DbRow>('SELECT * FROM metric_values').all();
  return new Map(rows.map((r) => [refreshKey(r), r]));
}

function ids(db: Db, table: 'markets' | 'sites' | 'criteria'): Set<string> {
  return new Set(
    db
      .prepare<[], { id: string }>(`SELECT id FROM ${table}`)
      .all()
      .map((r) => r.id),
  );
}

export interface SeedScope {
  /** The seed's markets, sites and criteria: a fact of theirs the seed no longer has is retired. */
  markets: readonly string[];
  sites: readonly string[];
  criteria: readonly string[];
}

/**
 * Works out what `facts` (the new seed's) would change in this store and keeps it as the pending
 * refresh of `seedVersion`, replacing any older one; clears it when there is nothing to say. Writes
 * no fact. Returns the number of pending changes.
 */
export function planDataRefresh(
  db: Db,
  options: { seedVersion: number; fromVersion: number; facts: readonly MetricValue[]; scope: SeedScope },
): number {
  const stored = storedFacts(db);
  const touched = touchedKeys(db);
  const markets = ids(db, 'markets');
  const sites = ids(db, 'sites');
  const criteria = ids(db, 'criteria');
  const changes: StoredChange[] = [];
  const kept: StoredKept[] = [];
  const seeded = new Set<string>();

  for (const v of options.facts) {
    const after = pickRow(def.toRow(v));
    const key = refreshKey(after);
    seeded.add(key);
    const { criterionId, marketId, siteId } = keyParts(after);
    // A fact of a place or criterion that is not in the store (the planner removed it) is not the seed's to add.
    if (!criteria.has(criterionId)) continue;
    if (marketId !== null ? !markets.has(marketId) : !sites.has(siteId ?? '')) continue;
    const current = stored.get(key);
    const before = current === undefined ? null : pickRow(current);
    if (before !== null && differing(before, after).length === 0) continue;
    if (touched.has(key)) kept.push({ key, seed: after });
    else changes.push({ key, kind: before === null ? 'new' : 'changed', before, after });
  }

  const scopeMarkets = new Set(options.scope.markets);
  const scopeSites = new Set(options.scope.sites);
  const scopeCriteria = new Set(options.scope.criteria);
  for (const [key, row] of stored) {
    if (seeded.has(key)) continue;
    const { criterionId, marketId, siteId } = keyParts(row);
    const inScope =
      scopeCriteria.has(criterionId) && (marketId !== null ? scopeMarkets.has(marketId) : scopeSites.has(siteId ?? ''));
    if (!inScope) continue;
    if (touched.has(key)) kept.push({ key, seed: null });
    else changes.push({ key, kind: 'retired', before: pickRow(row), after: null });
  }

  byKey(changes);
  byKey(kept);
  if (changes.length === 0 && kept.length === 0) {
    clear(db);
    return 0;
  }
  const refresh: StoredRefresh = {
    seedVersion: options.seedVersion,
    fromVersion: options.fromVersion,
    computedAt: new Date().toISOString(),
    changes,
    kept,
  };
  setMeta(db, DATA_REFRESH_KEY, JSON.stringify(refresh));
  return changes.length;
}

function byKey<T extends { key: string }>(list: T[]): T[] {
  return list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function clear(db: Db): void {
  db.prepare('DELETE FROM meta WHERE key = ?').run(DATA_REFRESH_KEY);
}

function load(db: Db): StoredRefresh | null {
  const text = getMeta(db, DATA_REFRESH_KEY);
  return text === null ? null : (JSON.parse(text) as StoredRefresh);
}

/** Whether a pending change can still be applied as it was worked out; the reason when not. */
function blocker(db: Db, change: StoredChange, current: DbRow | undefined, touched: Set<string>): string | null {
  if (touched.has(change.key)) return 'you edited this fact since the refresh was worked out';
  if (change.kind === 'new') {
    if (current !== undefined) return 'a fact for this criterion and place exists now';
    return placeExists(db, change.after as DbRow) ? null : 'its criterion or place has been deleted since';
  }
  if (current === undefined) return 'the fact has been deleted since';
  if (differing(pickRow(current), change.before).length > 0) return 'the fact has changed since';
  return null;
}

function placeExists(db: Db, row: DbRow): boolean {
  const { criterionId, marketId, siteId } = keyParts(row);
  const has = (table: 'criteria' | 'markets' | 'sites', id: string): boolean =>
    db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  return has('criteria', criterionId) && (marketId !== null ? has('markets', marketId) : has('sites', siteId ?? ''));
}

function factOf(row: DbRow | null | undefined): RefreshFact | null {
  if (row === null || row === undefined) return null;
  const text = (c: string): string | null => (row[c] === null || row[c] === undefined ? null : String(row[c]));
  const num = (c: string): number | null => (typeof row[c] === 'number' ? row[c] : null);
  const hasSource = row.source_title !== null || row.source_url !== null || row.as_of !== null;
  const method = FactMethod.safeParse(row.method);
  return {
    value: num('value'),
    low: num('low'),
    high: num('high'),
    missingReason: text('missing_reason'),
    source: hasSource ? { title: text('source_title'), url: text('source_url'), asOf: text('as_of') } : null,
    note: text('note') ?? '',
    method: method.success ? method.data : null,
    derivation: text('derivation'),
    reference: text('reference'),
  };
}

interface Names {
  criterion(id: string): string;
  place(row: DbRow): string;
}

function names(db: Db): Names {
  const map = (sql: string): Map<string, string> =>
    new Map(
      db
        .prepare<[], { id: string; name: string }>(sql)
        .all()
        .map((r) => [r.id, r.name]),
    );
  const criteria = map('SELECT id, name FROM criteria');
  const markets = map('SELECT id, name FROM markets');
  const sites = map('SELECT id, name FROM sites');
  return {
    criterion: (id) => criteria.get(id) ?? id,
    place: (row) => {
      const { marketId, siteId } = keyParts(row);
      return siteId !== null ? (sites.get(siteId) ?? siteId) : (markets.get(marketId ?? '') ?? marketId ?? '');
    },
  };
}

const storeSeedVersion = (db: Db): number | null => {
  const v = getMeta(db, SEED_VERSION_KEY);
  return v === null ? null : Number(v);
};

/**
 * The pending refresh as it stands now: the changes still applicable as worked out, and the kept
 * facts (with any pending change the planner has edited since). Nothing when none is pending.
 */
export function previewDataRefresh(db: Db): DataRefreshPreview {
  const refresh = load(db);
  const empty: DataRefreshPreview = {
    storeSeedVersion: storeSeedVersion(db),
    seedVersion: null,
    fromVersion: null,
    computedAt: null,
    counts: { new: 0, changed: 0, retired: 0, kept: 0 },
    changes: [],
    kept: [],
  };
  if (refresh === null) return empty;
  const stored = storedFacts(db);
  const touched = touchedKeys(db);
  const name = names(db);
  const where = (row: DbRow, key: string) => {
    const { criterionId, marketId, siteId } = keyParts(row);
    return {
      key,
      criterionId,
      criterionName: name.criterion(criterionId),
      marketId,
      siteId,
      placeName: name.place(row),
    };
  };
  const changes: RefreshChange[] = [];
  const kept: RefreshKept[] = [];
  const keepFact = (key: string, seed: DbRow | null): void => {
    const current = stored.get(key);
    const row = (current ?? seed) as DbRow;
    kept.push({
      ...where(row, key),
      kind: current === undefined ? 'deleted' : 'edited',
      fields: differing(current === undefined ? null : pickRow(current), seed),
      yours: factOf(current),
      seed: factOf(seed),
    });
  };
  for (const c of refresh.changes) {
    const current = stored.get(c.key);
    if (blocker(db, c, current, touched) === null) {
      const row = (c.after ?? c.before) as DbRow;
      changes.push({
        ...where(row, c.key),
        kind: c.kind,
        fields: differing(c.before, c.after),
        before: factOf(c.before),
        after: factOf(c.after),
      });
    } else if (touched.has(c.key)) keepFact(c.key, c.after);
  }
  for (const k of refresh.kept) keepFact(k.key, k.seed);
  byKey(kept);
  if (changes.length === 0 && kept.length === 0) return empty;
  const count = (kind: Kind): number => changes.filter((c) => c.kind === kind).length;
  return {
    ...empty,
    seedVersion: refresh.seedVersion,
    fromVersion: refresh.fromVersion,
    computedAt: refresh.computedAt,
    counts: { new: count('new'), changed: count('changed'), retired: count('retired'), kept: kept.length },
    changes,
    kept,
  };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "Data refresh v4: 3 facts (1 new, 2 changed)". */
export function refreshLabel(version: number, counts: Record<Kind, number>): string {
  const parts = (['new', 'changed', 'retired'] as const).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
  const total = counts.new + counts.changed + counts.retired;
  return `Data refresh v${version}: ${plural(total, 'fact')} (${parts.join(', ')})`;
}

function applyChange(
  db: Db,
  change: StoredChange,
  current: DbRow | undefined,
  batch: ChangeBatch,
  summary: string,
): void {
  const t = rowTables.metric_values;
  if (change.kind === 'new') insertRow(db, t, change.after as DbRow, batch, summary);
  else if (change.kind === 'changed') updateRow(db, t, current as DbRow, change.after as DbRow, batch, summary);
  else deleteRow(db, t, current as DbRow, batch, summary);
}

/**
 * Applies the pending changes named by `keys` (all when undefined) in one transaction and one
 * change-log batch; skips any no longer applicable; keeps the rest pending. Unknown keys throw
 * UnknownRefreshKeys before anything is written.
 */
export function acceptDataRefresh(db: Db, keys?: readonly string[]): DataRefreshAccepted {
  const refresh = load(db);
  const none: DataRefreshAccepted = {
    seedVersion: refresh?.seedVersion ?? null,
    applied: 0,
    counts: { new: 0, changed: 0, retired: 0 },
    batchId: null,
    label: null,
    skipped: [],
    remaining: refresh?.changes.length ?? 0,
  };
  const pending = new Map((refresh?.changes ?? []).map((c) => [c.key, c]));
  const unknown = (keys ?? []).filter((k) => !pending.has(k));
  if (unknown.length > 0) throw new UnknownRefreshKeys(unknown);
  if (refresh === null) return none;
  const wanted = keys === undefined ? [...pending.keys()] : [...new Set(keys)];

  return withChangeBatch(db, REFRESH_ACTOR, (batch) => {
    const touched = touchedKeys(db);
    const skipped: DataRefreshAccepted['skipped'] = [];
    const counts: Record<Kind, number> = { new: 0, changed: 0, retired: 0 };
    const ready: { change: StoredChange; current: DbRow | undefined }[] = [];
    for (const key of wanted) {
      const change = pending.get(key) as StoredChange;
      const current = findFact(db, ...factOwner(change));
      const reason = blocker(db, change, current, touched);
      if (reason !== null) skipped.push({ key, reason });
      else {
        ready.push({ change, current });
        counts[change.kind]++;
      }
    }
    const label = ready.length > 0 ? refreshLabel(refresh.seedVersion, counts) : null;
    for (const { change, current } of ready) {
      applyChange(db, change, current, batch, `Data refresh v${refresh.seedVersion}: ${change.key}`);
    }
    if (label !== null) {
      recordBatch(db, batch.id, 'import', label);
      discardRedoStack(db);
    }
    const done = new Set(wanted);
    const rest = refresh.changes.filter((c) => !done.has(c.key));
    if (rest.length === 0) clear(db);
    else setMeta(db, DATA_REFRESH_KEY, JSON.stringify({ ...refresh, changes: rest }));
    return {
      seedVersion: refresh.seedVersion,
      applied: ready.length,
      counts,
      batchId: label === null ? null : batch.id,
      label,
      skipped,
      remaining: rest.length,
    };
  });
}

function factOwner(change: StoredChange): [string, { marketId: string | null; siteId: string | null }] {
  const { criterionId, marketId, siteId } = keyParts((change.after ?? change.before) as DbRow);
  return [criterionId, { marketId, siteId }];
}

/** Drops the pending refresh without applying any of it. */
export function dismissDataRefresh(db: Db): DataRefreshDismissed {
  const refresh = load(db);
  if (refresh === null) return { seedVersion: null, dismissed: 0 };
  clear(db);
  return { seedVersion: refresh.seedVersion, dismissed: refresh.changes.length };
}

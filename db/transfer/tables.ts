// How each importable table maps between its SQL row and the record shape of import/export files
// (shared/model/transfer.ts), and which columns identify a row.
import type { Chip } from '../../shared/model/chips';
import type { Criterion } from '../../shared/model/criteria';
import type { FactMethod, MetricValue } from '../../shared/model/facts';
import type { Jurisdiction } from '../../shared/model/jurisdictions';
import type { PolicyEvent } from '../../shared/model/policy';
import type { Preset } from '../../shared/model/presets';
import type { CompanyProfile } from '../../shared/model/profiles';
import type { DataTable, SiteRecord, TableRecord } from '../../shared/model/transfer';

export type Cell = string | number | null;
export type DbRow = Record<string, Cell>;

export interface TableDef<T extends DataTable = DataTable> {
  table: T;
  /** The columns an import writes, in table order. */
  columns: readonly string[];
  /**
   * The columns that identify a row. For metric values that is the fact's natural key (criterion
   * and market or site), not the surrogate `id`: ids are never in files and never compared.
   */
  key: readonly string[];
  /** Columns holding JSON text; compared and hashed by meaning, not by key order. */
  jsonColumns: readonly string[];
  toRow(record: TableRecord<T>): DbRow;
  fromRow(row: DbRow): TableRecord<T>;
  /** The id shown in previews and written to change_log.row_id. */
  label(row: DbRow): string;
}

const str = (v: Cell | undefined): string => (v === null || v === undefined ? '' : String(v));
const strOrNull = (v: Cell | undefined): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: Cell | undefined): number => Number(v);
const numOrNull = (v: Cell | undefined): number | null => (v === null || v === undefined ? null : Number(v));
const json = (v: Cell | undefined): unknown => JSON.parse(str(v)) as unknown;
const flag = (b: boolean): number => (b ? 1 : 0);

const jurisdictions: TableDef<'jurisdictions'> = {
  table: 'jurisdictions',
  columns: ['code', 'name', 'parent_code', 'level'],
  key: ['code'],
  jsonColumns: [],
  toRow: (j) => ({ code: j.code, name: j.name, parent_code: j.parentCode, level: j.level }),
  fromRow: (r) => ({
    code: str(r.code),
    name: str(r.name),
    parentCode: strOrNull(r.parent_code),
    level: str(r.level) as Jurisdiction['level'],
  }),
  label: (r) => str(r.code),
};

const markets: TableDef<'markets'> = {
  table: 'markets',
  columns: ['id', 'name', 'country', 'jurisdiction_code', 'description'],
  key: ['id'],
  jsonColumns: [],
  toRow: (m) => ({
    id: m.id,
    name: m.name,
    country: m.country,
    jurisdiction_code: m.jurisdictionCode,
    description: m.description,
  }),
  fromRow: (r) => ({
    id: str(r.id),
    name: str(r.name),
    country: str(r.country),
    jurisdictionCode: strOrNull(r.jurisdiction_code),
    description: str(r.description),
  }),
  label: (r) => str(r.id),
};

const criteria: TableDef<'criteria'> = {
  table: 'criteria',
  columns: ['id', 'name', 'group_id', 'unit', 'direction', 'normalisation', 'derived', 'description', 'sort_order'],
  key: ['id'],
  jsonColumns: [],
  toRow: (c) => ({
    id: c.id,
    name: c.name,
    group_id: c.group,
    unit: c.unit,
    direction: c.direction,
    normalisation: c.normalisation,
    derived: flag(c.derived),
    description: c.description,
    sort_order: c.sortOrder,
  }),
  fromRow: (r) => ({
    id: str(r.id),
    name: str(r.name),
    group: str(r.group_id) as Criterion['group'],
    unit: str(r.unit),
    direction: str(r.direction) as Criterion['direction'],
    normalisation: str(r.normalisation) as Criterion['normalisation'],
    derived: r.derived === 1,
    description: str(r.description),
    sortOrder: num(r.sort_order),
  }),
  label: (r) => str(r.id),
};

const chips: TableDef<'chips'> = {
  table: 'chips',
  columns: ['id', 'vendor', 'name', 'chip_class', 'tpp', 'memory_gb', 'notes', 'source_title', 'source_url', 'as_of'],
  key: ['id'],
  jsonColumns: [],
  toRow: (c) => ({
    id: c.id,
    vendor: c.vendor,
    name: c.name,
    chip_class: c.chipClass,
    tpp: c.tpp,
    memory_gb: c.memoryGb,
    notes: c.notes,
    source_title: c.source.title,
    source_url: c.source.url,
    as_of: c.source.asOf,
  }),
  fromRow: (r) => ({
    id: str(r.id),
    vendor: str(r.vendor),
    name: str(r.name),
    chipClass: str(r.chip_class) as Chip['chipClass'],
    tpp: numOrNull(r.tpp),
    memoryGb: numOrNull(r.memory_gb),
    notes: str(r.notes),
    source: { title: str(r.source_title), url: str(r.source_url), asOf: str(r.as_of) },
  }),
  label: (r) => str(r.id),
};

const sites: TableDef<'sites'> = {
  table: 'sites',
  columns: [
    'id',
    'name',
    'market_id',
    'lat',
    'lon',
    'capacity_existing_mw',
    'capacity_planned_mw',
    'status',
    'notes',
    'source_title',
    'source_url',
    'source_as_of',
    'origin',
    // Migration 7 added it; the columns follow the table's order.
    'operator',
  ],
  key: ['id'],
  jsonColumns: [],
  toRow: (s) => ({
    id: s.id,
    name: s.name,
    market_id: s.marketId,
    lat: s.lat,
    lon: s.lon,
    capacity_existing_mw: s.capacityMw.existing,
    capacity_planned_mw: s.capacityMw.planned,
    status: s.status,
    notes: s.notes,
    source_title: s.source.title,
    source_url: s.source.url,
    source_as_of: s.source.asOf,
    origin: s.origin,
    operator: s.operator,
  }),
  fromRow: (r) => ({
    id: str(r.id),
    name: str(r.name),
    marketId: str(r.market_id),
    lat: num(r.lat),
    lon: num(r.lon),
    capacityMw: { existing: numOrNull(r.capacity_existing_mw), planned: numOrNull(r.capacity_planned_mw) },
    status: str(r.status) as SiteRecord['status'],
    notes: str(r.notes),
    source: { title: str(r.source_title), url: str(r.source_url), asOf: str(r.source_as_of) },
    origin: str(r.origin) as SiteRecord['origin'],
    operator: strOrNull(r.operator),
  }),
  label: (r) => str(r.id),
};

const metricValues: TableDef<'metric_values'> = {
  table: 'metric_values',
  columns: [
    'criterion_id',
    'market_id',
    'site_id',
    'value',
    'low',
    'high',
    'missing_reason',
    'source_title',
    'source_url',
    'as_of',
    'note',
    // Migration 6 added these; the columns follow the table's order.
    'method',
    'derivation',
    'reference',
  ],
  key: ['criterion_id', 'market_id', 'site_id'],
  jsonColumns: [],
  toRow: (m) => ({
    criterion_id: m.criterionId,
    market_id: m.marketId,
    site_id: m.siteId,
    value: m.kind === 'known' ? m.value : null,
    low: m.kind === 'known' ? m.low : null,
    high: m.kind === 'known' ? m.high : null,
    missing_reason: m.kind === 'missing' ? m.missingReason : null,
    source_title: m.source?.title ?? null,
    source_url: m.source?.url ?? null,
    as_of: m.source?.asOf ?? null,
    note: m.note,
    method: m.kind === 'known' ? m.method : null,
    derivation: m.kind === 'known' ? m.derivation : null,
    reference: m.kind === 'known' ? m.reference : null,
  }),
  fromRow: (r): MetricValue => {
    const base = {
      criterionId: str(r.criterion_id),
      marketId: strOrNull(r.market_id),
      siteId: strOrNull(r.site_id),
      note: str(r.note),
    };
    const source = { title: str(r.source_title), url: str(r.source_url), asOf: str(r.as_of) };
    if (r.value !== null && r.value !== undefined) {
      return {
        kind: 'known',
        ...base,
        value: num(r.value),
        low: numOrNull(r.low),
        high: numOrNull(r.high),
        method: str(r.method) as FactMethod,
        derivation: strOrNull(r.derivation),
        reference: strOrNull(r.reference),
        source,
      };
    }
    const hasSource = r.source_title !== null || r.source_url !== null || r.as_of !== null;
    return { kind: 'missing', ...base, missingReason: str(r.missing_reason), source: hasSource ? source : null };
  },
  label: (r) =>
    r.site_id !== null
      ? `${str(r.criterion_id)}@site:${str(r.site_id)}`
      : `${str(r.criterion_id)}@market:${str(r.market_id)}`,
};

/**
 * A fact from a file without methods says nothing about how its value was obtained: when the store
 * holds the same number, the stored method, derivation and reference stay (re-importing an old
 * export does not erase them); a new or changed number keeps the file's default (METHOD_NOT_RECORDED).
 */
export function keepStoredMethod(row: DbRow, before: DbRow | undefined): DbRow {
  if (before === undefined || before.value === null || before.value !== row.value) return row;
  return {
    ...row,
    method: before.method ?? null,
    derivation: before.derivation ?? null,
    reference: before.reference ?? null,
  };
}

const policyEvents: TableDef<'policy_events'> = {
  table: 'policy_events',
  columns: [
    'id',
    'issuer',
    'regime',
    'title',
    'published_date',
    'effective_date',
    'compliance_date',
    'end_date',
    'effect',
    'condition',
    'scope',
    'links',
    'confidence',
    'source_title',
    'source_url',
    'note',
  ],
  key: ['id'],
  jsonColumns: ['scope', 'links'],
  toRow: (e) => ({
    id: e.id,
    issuer: e.issuer,
    regime: e.regime,
    title: e.title,
    published_date: e.publishedDate,
    effective_date: e.effectiveDate,
    compliance_date: e.complianceDate,
    end_date: e.endDate,
    effect: e.effect,
    condition: e.condition,
    scope: JSON.stringify(e.scope),
    links: JSON.stringify(e.links),
    confidence: e.confidence,
    source_title: e.source.title,
    source_url: e.source.url,
    note: e.note,
  }),
  fromRow: (r) => ({
    id: str(r.id),
    issuer: str(r.issuer),
    regime: str(r.regime) as PolicyEvent['regime'],
    title: str(r.title),
    publishedDate: strOrNull(r.published_date),
    effectiveDate: str(r.effective_date),
    complianceDate: strOrNull(r.compliance_date),
    endDate: strOrNull(r.end_date),
    effect: str(r.effect) as PolicyEvent['effect'],
    condition: str(r.condition),
    scope: json(r.scope) as PolicyEvent['scope'],
    links: json(r.links) as PolicyEvent['links'],
    confidence: str(r.confidence) as PolicyEvent['confidence'],
    source: { title: str(r.source_title), url: str(r.source_url) },
    note: str(r.note),
  }),
  label: (r) => str(r.id),
};

const companyProfiles: TableDef<'company_profiles'> = {
  table: 'company_profiles',
  columns: [
    'id',
    'name',
    'description',
    'hq_country',
    'ultimate_parent_country',
    'state_funded',
    'entity_listed',
    'deployment',
    'named_company',
    'training_chips',
    'inference_chips',
    'builtin',
  ],
  key: ['id'],
  jsonColumns: ['training_chips', 'inference_chips'],
  toRow: (p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    hq_country: p.hqCountry,
    ultimate_parent_country: p.ultimateParentCountry,
    state_funded: flag(p.stateFunded),
    entity_listed: flag(p.entityListed),
    deployment: p.deployment,
    named_company: p.namedCompany,
    training_chips: JSON.stringify(p.trainingChips),
    inference_chips: JSON.stringify(p.inferenceChips),
    builtin: flag(p.builtin),
  }),
  fromRow: (r) => ({
    id: str(r.id),
    name: str(r.name),
    description: str(r.description),
    hqCountry: str(r.hq_country),
    ultimateParentCountry: strOrNull(r.ultimate_parent_country),
    stateFunded: r.state_funded === 1,
    entityListed: r.entity_listed === 1,
    deployment: str(r.deployment) as CompanyProfile['deployment'],
    namedCompany: strOrNull(r.named_company),
    trainingChips: json(r.training_chips) as string[],
    inferenceChips: json(r.inference_chips) as string[],
    builtin: r.builtin === 1,
  }),
  label: (r) => str(r.id),
};

const presets: TableDef<'presets'> = {
  table: 'presets',
  // normalisation last: migration 3 added it, and these follow the table's column order.
  columns: ['id', 'name', 'description', 'builtin', 'method', 'weights', 'constraints', 'updated_at', 'normalisation'],
  key: ['id'],
  jsonColumns: ['weights', 'constraints'],
  toRow: (p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    builtin: flag(p.builtin),
    method: p.method,
    weights: JSON.stringify(p.weights),
    constraints: JSON.stringify(p.constraints),
    updated_at: p.updatedAt,
    normalisation: p.normalisation,
  }),
  fromRow: (r) => ({
    id: str(r.id),
    name: str(r.name),
    description: str(r.description),
    builtin: r.builtin === 1,
    method: str(r.method) as Preset['method'],
    weights: json(r.weights) as Preset['weights'],
    constraints: json(r.constraints) as Preset['constraints'],
    normalisation: str(r.normalisation) as Preset['normalisation'],
    updatedAt: str(r.updated_at),
  }),
  label: (r) => str(r.id),
};

export const tableDefs: { readonly [T in DataTable]: TableDef<T> } = {
  jurisdictions,
  markets,
  criteria,
  chips,
  sites,
  metric_values: metricValues,
  policy_events: policyEvents,
  company_profiles: companyProfiles,
  presets,
};

/** JSON text with object keys sorted, so two spellings of the same value compare equal. */
export function canonicalJson(text: string): string {
  try {
    return JSON.stringify(sortKeys(JSON.parse(text)));
  } catch {
    return text;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** The columns whose values differ between the stored row and the row an import would write. */
export function changedColumns(def: TableDef, before: DbRow, after: DbRow): string[] {
  return def.columns.filter((c) => {
    const a = before[c] ?? null;
    const b = after[c] ?? null;
    if (a === b) return false;
    if (def.jsonColumns.includes(c) && typeof a === 'string' && typeof b === 'string') {
      return canonicalJson(a) !== canonicalJson(b);
    }
    return true;
  });
}

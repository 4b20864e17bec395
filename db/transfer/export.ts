// Exports: any table as JSON (the records an import reads back) or CSV, and the whole store as one
// JSON file. The sites CSV is the wide file the sites importer reads, so it round-trips too.
import type { Db } from '../db';
import { toCsv } from '../../shared/csv';
import {
  DATABASE_FILE_FORMAT,
  DataTable,
  TABLE_FILE_FORMAT,
  type ExportFormat,
  type ExportOutput,
  type ExportTable,
} from '../../shared/model/transfer';
import { FACT_ATTRIBUTES, SITE_CSV_OPTIONAL, SITE_CSV_REQUIRED } from '../../shared/sites-csv-header';
import { schemaVersion } from '../migrations';
import {
  changeLogColumns,
  readChangeLog,
  readCriterionOrder,
  readMarketRefs,
  readRows,
  readSiteFacts,
} from './table-store';
import { tableDefs, type Cell, type DbRow, type TableDef } from './tables';

export function exportTable(db: Db, table: ExportTable | 'all', format: ExportFormat): ExportOutput {
  if (table === 'all') {
    if (format === 'csv') throw new Error('the whole store exports as JSON only; export CSV one table at a time');
    return { filename: 'landfall-database.json', content: jsonText(databaseDocument(db)) };
  }
  const filename = `landfall-${table.replaceAll('_', '-')}.${format}`;
  if (table === 'change_log') {
    const rows = readChangeLog(db);
    if (format === 'csv') return { filename, content: rawCsv(changeLogColumns(db), rows) };
    const parsed = rows.map((r) => ({ ...r, before: parseJson(r.before), after: parseJson(r.after) }));
    return { filename, content: jsonText({ format: TABLE_FILE_FORMAT, version: 1, table, rows: parsed }) };
  }
  if (format === 'json') {
    return { filename, content: jsonText({ format: TABLE_FILE_FORMAT, version: 1, table, rows: records(db, table) }) };
  }
  if (table === 'sites') return { filename, content: sitesCsv(db) };
  const def = tableDefs[table] as TableDef;
  // Metric values show their id in CSV (it is what change_log.row_id points at); JSON files never carry it.
  const columns = table === 'metric_values' ? ['id', ...def.columns] : [...def.columns];
  return { filename, content: rawCsv(columns, readRows(db, table)) };
}

/** Every importable table, parents before children, as the records the JSON importer reads. */
export function databaseDocument(db: Db): {
  format: typeof DATABASE_FILE_FORMAT;
  version: 1;
  schemaVersion: number;
  tables: Record<DataTable, unknown[]>;
} {
  const tables = Object.fromEntries(DataTable.options.map((t) => [t, records(db, t)])) as Record<DataTable, unknown[]>;
  return { format: DATABASE_FILE_FORMAT, version: 1, schemaVersion: schemaVersion(db), tables };
}

function records(db: Db, table: DataTable): unknown[] {
  const def = tableDefs[table] as TableDef;
  return readRows(db, table).map((r) => def.fromRow(r));
}

function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function parseJson(value: Cell | undefined): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : null;
}

function rawCsv(columns: readonly string[], rows: DbRow[]): string {
  return toCsv(
    columns,
    rows.map((r) => columns.map((c) => r[c] ?? null)),
  );
}

/** Identifies a fact's source; \u0001 stands for NULL so it never equals an empty string. */
const sourceKey = (r: DbRow): string =>
  [r.source_title, r.source_url, r.as_of]
    .map((v) => (v === null || v === undefined ? '\u0001' : String(v)))
    .join('\u0000');
const sourceOf = (key: string): Cell[] => key.split('\u0000').map((v) => (v === '\u0001' ? null : v));

/**
 * The wide sites file: site columns, then per criterion with site facts its value column and only
 * the extra columns some fact needs (low, high, note, missing_reason, its own source, and for a
 * known value its method, with a derivation or reference where one is stored). Each row's
 * source_* is the source most of its values share, so a typical file has no per-criterion sources.
 */
export function sitesCsv(db: Db): string {
  const countryOf = new Map(readMarketRefs(db).map((m) => [m.id, m.country]));
  const factsBySite = new Map<string, Map<string, DbRow>>();
  for (const f of readSiteFacts(db)) {
    const site = String(f.site_id);
    const map = factsBySite.get(site) ?? new Map<string, DbRow>();
    map.set(String(f.criterion_id), f);
    factsBySite.set(site, map);
  }
  const sites = readRows(db, 'sites');

  const rowSource = new Map<string, string | null>();
  for (const s of sites) {
    const counts = new Map<string, number>();
    for (const f of factsBySite.get(String(s.id))?.values() ?? []) {
      if (f.value !== null) counts.set(sourceKey(f), (counts.get(sourceKey(f)) ?? 0) + 1);
    }
    let best: string | null = null;
    for (const [key, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = key;
    rowSource.set(String(s.id), best);
  }

  const used = new Set([...factsBySite.values()].flatMap((m) => [...m.keys()]));
  const criteria = readCriterionOrder(db).filter((c) => used.has(c));
  const needs = new Map<string, Set<(typeof FACT_ATTRIBUTES)[number]>>(criteria.map((c) => [c, new Set()]));
  for (const s of sites) {
    for (const [c, f] of factsBySite.get(String(s.id)) ?? []) {
      const need = needs.get(c);
      if (need === undefined) continue;
      if (f.low !== null) need.add('low');
      if (f.high !== null) need.add('high');
      if (f.note !== '') need.add('note');
      if (f.value === null) need.add('missing_reason');
      else need.add('method');
      if (f.derivation !== null) need.add('derivation');
      if (f.reference !== null) need.add('reference');
      const ownSource =
        f.value !== null
          ? sourceKey(f) !== rowSource.get(String(s.id))
          : f.source_title !== null || f.source_url !== null || f.as_of !== null;
      if (ownSource) ['source_title', 'source_url', 'as_of'].forEach((a) => need.add(a as 'source_url'));
    }
  }
  const factColumns = criteria.flatMap((c) => [
    { criterion: c, attribute: null },
    ...FACT_ATTRIBUTES.filter((a) => needs.get(c)?.has(a)).map((a) => ({ criterion: c, attribute: a })),
  ]);
  const header = [
    ...SITE_CSV_REQUIRED,
    ...SITE_CSV_OPTIONAL,
    ...factColumns.map((f) => (f.attribute === null ? f.criterion : `${f.criterion}.${f.attribute}`)),
  ];

  const rows = sites.map((s) => {
    const id = String(s.id);
    const facts = factsBySite.get(id);
    const source = rowSource.get(id);
    const [title, url, asOf] = source ? sourceOf(source) : [null, null, null];
    const siteCells: Record<(typeof SITE_CSV_REQUIRED)[number] | (typeof SITE_CSV_OPTIONAL)[number], Cell> = {
      id: s.id ?? null,
      name: s.name ?? null,
      country: countryOf.get(String(s.market_id)) ?? null,
      region: s.market_id ?? null,
      lat: s.lat ?? null,
      lon: s.lon ?? null,
      status: s.status ?? null,
      capacity_existing_mw: s.capacity_existing_mw ?? null,
      capacity_planned_mw: s.capacity_planned_mw ?? null,
      operator: s.operator ?? null,
      notes: s.notes ?? null,
      origin: s.origin ?? null,
      site_source_title: s.source_title ?? null,
      site_source_url: s.source_url ?? null,
      site_source_as_of: s.source_as_of ?? null,
      source_title: title ?? null,
      source_url: url ?? null,
      as_of: asOf ?? null,
    };
    const factCells = factColumns.map(({ criterion, attribute }): Cell => {
      const f = facts?.get(criterion);
      if (f === undefined) return null;
      if (attribute === null) return f.value ?? null;
      if (attribute === 'source_title' || attribute === 'source_url' || attribute === 'as_of') {
        // Only a fact whose source differs from the row's writes its own.
        const own = f.value === null || sourceKey(f) !== source;
        return own ? (f[attribute] ?? null) : null;
      }
      return f[attribute] ?? null;
    });
    return [...[...SITE_CSV_REQUIRED, ...SITE_CSV_OPTIONAL].map((k) => siteCells[k]), ...factCells];
  });
  return toCsv(header, rows);
}

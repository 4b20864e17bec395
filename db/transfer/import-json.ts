// Plans a JSON import (the whole store or one table): every row checked against its model, its
// duplicates and its references (to the file or to the store), then compared with what is stored.
import type { Db } from '../db';
import type { z } from 'zod';
import { issuesFromZod } from '../../shared/errors';
import { positionOf } from '../../shared/text';
import { recordOmitsMethod } from '../../shared/model/facts';
import {
  DATABASE_FILE_FORMAT,
  DatabaseFile,
  DataTable,
  TABLE_FILE_FORMAT,
  TableFile,
  tableImportKind,
  tableOfKind,
  tableRecord,
  type ImportKind,
} from '../../shared/model/transfer';
import { latestVersion } from '../migrations';
import { listPolicyEvents } from '../policies-repo';
import { linkProblems } from '../../shared/model/policy-links';
import { importedFactProblem } from './fact-source-check';
import { PlanBuilder, type ImportPlan } from './import-plan';
import { planPresetRow } from './import-presets';
import { criterionDerived, deferForeignKeys, keyExists, tableStore } from './table-store';
import { keepStoredMethod, tableDefs, type DbRow, type TableDef } from './tables';

type FileTables = Partial<Record<DataTable, unknown[]>>;

interface GoodRow {
  row: number;
  data: DbRow;
  /** A metric value from a file written before schema 6: it says nothing about its method. */
  omitsMethod?: boolean;
}

/** The record field that names a row, for duplicate-key errors. */
const KEY_FIELD: Record<DataTable, string> = {
  jurisdictions: 'code',
  markets: 'id',
  criteria: 'id',
  chips: 'id',
  sites: 'id',
  metric_values: 'criterionId',
  policy_events: 'id',
  company_profiles: 'id',
  presets: 'id',
};

export function planJsonImport(db: Db, kind: Exclude<ImportKind, 'sites-csv'>, text: string): ImportPlan {
  const plan = new PlanBuilder(kind);
  const fileError = (message: string, column: string | null = null): void => {
    plan.errors.push({ table: null, row: null, line: null, column, message });
  };
  // A raw NUL is not JSON at all; named by its place so it is not lost in JSON.parse's wording.
  // (An escaped \u0000 parses, and the record's schema refuses it with its row and field.)
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const at = positionOf(text, nul);
    fileError(`the file holds a NUL character at line ${at.line}, character ${at.character}; remove it`);
    return plan.build();
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fileError(`the file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    return plan.build();
  }
  const tables = readEnvelope(kind, data, fileError);
  if (tables === null) return plan.build();

  // 1. Each row against its table's model.
  const good: Partial<Record<DataTable, GoodRow[]>> = {};
  for (const table of DataTable.options) {
    const list = tables[table];
    if (list === undefined) continue;
    const def = tableDefs[table] as TableDef;
    const schema: z.ZodType = tableRecord[table];
    const rows: GoodRow[] = (good[table] = []);
    list.forEach((raw, i) => {
      const parsed = schema.safeParse(raw);
      if (parsed.success) {
        const omitsMethod = table === 'metric_values' && recordOmitsMethod(raw);
        rows.push({ row: i + 1, data: def.toRow(parsed.data as never), omitsMethod });
      } else {
        for (const issue of issuesFromZod(parsed.error)) {
          const column = issue.path === '(input)' ? null : issue.path;
          plan.errors.push({ table, row: i + 1, line: null, column, message: issue.message });
        }
      }
    });
  }

  // 2. Duplicate keys within the file, naming every row that shares one.
  const bad = new Set<GoodRow>();
  for (const [table, rows] of entries(good)) {
    const def = tableDefs[table] as TableDef;
    const byKey = new Map<string, GoodRow[]>();
    for (const r of rows) {
      const key = def.key.map((k) => String(r.data[k])).join('\u0000');
      byKey.set(key, [...(byKey.get(key) ?? []), r]);
    }
    for (const group of byKey.values()) {
      if (group.length < 2) continue;
      for (const r of group) {
        const others = group.filter((o) => o !== r).map((o) => o.row);
        const message = `duplicate ${def.label(r.data)}: also row ${others.join(', ')}`;
        plan.errors.push({ table, row: r.row, line: null, column: KEY_FIELD[table], message });
        bad.add(r);
      }
    }
  }

  // 3. References, to rows in this file or already stored.
  const inFile = (table: DataTable): Set<string> =>
    new Set((good[table] ?? []).map((r) => String(r.data[table === 'jurisdictions' ? 'code' : 'id'])));
  const known = (table: 'jurisdictions' | 'markets' | 'criteria' | 'sites'): ((id: string) => boolean) => {
    const file = inFile(table);
    const stored = keyExists(db, table);
    return (id) => file.has(id) || stored(id);
  };
  const jurisdiction = known('jurisdictions');
  const market = known('markets');
  const criterion = known('criteria');
  const site = known('sites');
  const storedDerived = criterionDerived(db);
  const fileDerived = new Map((good.criteria ?? []).map((r) => [String(r.data.id), r.data.derived === 1]));
  const check = (table: DataTable, r: GoodRow, ok: boolean, column: string, message: string): void => {
    if (ok) return;
    plan.errors.push({ table, row: r.row, line: null, column, message });
    bad.add(r);
  };
  for (const r of good.jurisdictions ?? []) {
    const parent = r.data.parent_code;
    const country = r.data.level === 'country';
    check(
      'jurisdictions',
      r,
      country === (parent === null),
      'parentCode',
      'a country has no parent; a subdivision must have one',
    );
    if (typeof parent === 'string')
      check('jurisdictions', r, jurisdiction(parent), 'parentCode', `unknown jurisdiction "${parent}"`);
  }
  for (const r of good.markets ?? []) {
    const code = r.data.jurisdiction_code;
    if (typeof code === 'string')
      check('markets', r, jurisdiction(code), 'jurisdictionCode', `unknown jurisdiction "${code}"`);
  }
  for (const r of good.sites ?? []) {
    const id = String(r.data.market_id);
    check('sites', r, market(id), 'marketId', `unknown market "${id}"`);
  }
  for (const r of good.metric_values ?? []) {
    const d = r.data;
    const id = String(d.criterion_id);
    check(
      'metric_values',
      r,
      (d.market_id === null) !== (d.site_id === null),
      'siteId',
      'a fact belongs to exactly one market or one site',
    );
    if (criterion(id)) {
      const derived = fileDerived.get(id) ?? storedDerived(id);
      check(
        'metric_values',
        r,
        derived !== true,
        'criterionId',
        `criterion "${id}" is derived from the policy timeline; it is never imported`,
      );
    } else check('metric_values', r, false, 'criterionId', `unknown criterion "${id}"`);
    if (typeof d.market_id === 'string')
      check('metric_values', r, market(d.market_id), 'marketId', `unknown market "${d.market_id}"`);
    if (typeof d.site_id === 'string')
      check('metric_values', r, site(d.site_id), 'siteId', `unknown site "${d.site_id}"`);
    const { low, high } = d;
    check(
      'metric_values',
      r,
      low === null || high === null || Number(low) <= Number(high),
      'low',
      `low ${low} is above high ${high}`,
    );
  }

  // Policy links, across the timeline the import would leave: a link to a missing event, to another
  // regime, or around a cycle is refused on the row that holds it.
  const fileEvents = good.policy_events ?? [];
  if (fileEvents.length > 0) {
    const def = tableDefs.policy_events;
    const incoming = new Map(fileEvents.map((r) => [String(r.data.id), r]));
    const timeline = [
      ...listPolicyEvents(db).filter((e) => !incoming.has(e.id)),
      ...fileEvents.map((r) => def.fromRow(r.data)),
    ];
    for (const problem of linkProblems(timeline)) {
      const r = incoming.get(problem.eventId);
      if (r !== undefined) check('policy_events', r, false, 'links', problem.message);
    }
  }

  // 4. What each good row would do to the store (a preset first passes the built-in rules).
  for (const [table, rows] of entries(good)) {
    const store = tableStore(db, table);
    for (const r of rows) {
      if (bad.has(r)) continue;
      const label = store.def.label(r.data);
      const before = store.find(r.data);
      let data = r.omitsMethod === true ? keepStoredMethod(r.data, before) : r.data;
      const unsourced = table === 'metric_values' ? importedFactProblem(before, data) : null;
      if (unsourced !== null) {
        plan.errors.push({ table, row: r.row, line: null, column: 'source', message: unsourced });
        continue;
      }
      if (table === 'presets') {
        const preset = planPresetRow(kind, data, before);
        if (preset.kind === 'refuse') {
          plan.errors.push({ table, row: r.row, line: null, column: preset.column, message: preset.message });
          continue;
        }
        if (preset.note !== null) plan.notes.push({ table, id: label, row: r.row, message: preset.note });
        if (preset.kind === 'keep') {
          plan.entry('unchanged', table, label, r.row);
          continue;
        }
        data = preset.row;
      }
      const outcome = plan.upsert(store, data, `import ${kind} ${table} row ${r.row}`, before);
      if (outcome.added) plan.entry('added', table, label, r.row);
      else if (outcome.fields.length > 0) plan.entry('changed', table, label, r.row, outcome.fields);
      else plan.entry('unchanged', table, label, r.row);
    }
  }
  return plan.build(() => deferForeignKeys(db));
}

function readEnvelope(
  kind: ImportKind,
  data: unknown,
  fileError: (message: string, column?: string | null) => void,
): FileTables | null {
  if (kind === 'database-json') {
    const parsed = DatabaseFile.safeParse(data);
    if (!parsed.success) {
      const table = TableFile.safeParse(data);
      if (table.success) {
        fileError(
          `this is a one-table file (table "${table.data.table}"), not a whole-store export; import it as that table`,
        );
        return null;
      }
      for (const issue of issuesFromZod(parsed.error))
        fileError(`not a Landfall store export (format "${DATABASE_FILE_FORMAT}"): ${issue.message}`, issue.path);
      return null;
    }
    if (parsed.data.schemaVersion > latestVersion) {
      fileError(
        `the file comes from a newer Landfall (schema ${parsed.data.schemaVersion}, this one knows ${latestVersion})`,
        'schemaVersion',
      );
      return null;
    }
    return parsed.data.tables;
  }
  const expected = tableOfKind(kind);
  if (expected === null) {
    fileError(`"${kind}" is not a JSON import kind`);
    return null;
  }
  // A bare array of records is accepted too: it is what a script or a hand-written file most likely holds.
  if (Array.isArray(data)) return { [expected]: data };
  const parsed = TableFile.safeParse(data);
  if (!parsed.success) {
    fileError(`expected a JSON array of ${expected} records or a "${TABLE_FILE_FORMAT}" file for table "${expected}"`);
    return null;
  }
  if (parsed.data.table !== expected) {
    const right = DataTable.safeParse(parsed.data.table);
    const hint = right.success ? `; import it as ${tableImportKind[right.data]}` : '';
    fileError(`the file holds table "${parsed.data.table}", not "${expected}"${hint}`, 'table');
    return null;
  }
  return { [expected]: parsed.data.rows };
}

function entries<V>(record: Partial<Record<DataTable, V>>): [DataTable, V][] {
  return DataTable.options.flatMap((t) => {
    const v = record[t];
    return v === undefined ? [] : [[t, v] as [DataTable, V]];
  });
}

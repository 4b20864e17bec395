// Plans a batch of row changes to one table: reads each change's key and values, merges an update
// over the stored record, checks the result with the table's zod model and its rules, and says what
// would be written. Nothing is written here; edit-service.ts applies a plan without issues inside
// the same transaction that planned it, so the store cannot change between the check and the write.
import { deleteRow, insertRow, updateRow, differingColumns, type RowTable } from '../../../db/edit-rows';
import type { ChangeBatch } from '../../../db/change-log';
import type { Db } from '../../../db/open';
import type { DbRow } from '../../../db/transfer/tables';
import { z } from 'zod';
import { METHOD_NOT_RECORDED } from '../../../shared/model/facts';
import type { EditChange, EditIssue } from '../../../shared/calls/edit-calls';
import type { Cascade, Op, RuleContext, TableEditor } from './edit-rules';
import {
  clone,
  mergeProblems,
  describeZodIssues,
  mergeRecord,
  normaliseValues,
  type FieldProblem,
  type Fields,
} from './edit-values';

/** Where the rows of a plan live: a table of the store, or a what-if scenario's events. */
export interface EditTarget {
  editor: TableEditor;
  rowTable: RowTable;
  lookup(key: Fields): DbRow | undefined;
  toRow(record: Fields): DbRow;
  fromRow(row: DbRow): Fields;
  /** Rules on top of the editor's (e.g. a what-if event may not reuse a real event's id). */
  extraRules?(ctx: RuleContext): FieldProblem[];
}

export interface PlannedChange {
  index: number;
  op: Op;
  label: string;
  before: DbRow | undefined;
  row: DbRow | undefined;
  cascades: Cascade[];
  /** The fields that differ (an update); every column for an insert or delete. */
  fields: string[];
}

export interface EditPlan {
  issues: EditIssue[];
  changes: PlannedChange[];
  inserts: number;
  updates: number;
  deletes: number;
  unchanged: number;
}

const FACT_LABEL = /^([a-z][a-z0-9_]*)@(site|market):(.+)$/;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The fields a record of this table may carry, top level and one level down (source, scope…). */
function allowedFields(given: z.ZodType): Map<string, Set<string> | null> {
  // A record schema that upgrades legacy input first (z.preprocess) is a pipe into the object.
  const schema = given instanceof z.ZodPipe ? (given.out as z.ZodType) : given;
  const objects = schema instanceof z.ZodDiscriminatedUnion ? schema.options : [schema];
  const out = new Map<string, Set<string> | null>();
  for (const o of objects) {
    if (!(o instanceof z.ZodObject)) continue;
    for (const [key, field] of Object.entries(o.shape as Record<string, z.ZodType>)) {
      const inner = unwrap(field);
      const nested = inner instanceof z.ZodObject ? new Set(Object.keys(inner.shape as object)) : null;
      const seen = out.get(key);
      out.set(key, seen && nested ? new Set([...seen, ...nested]) : (nested ?? seen ?? null));
    }
  }
  return out;
}

function unwrap(t: z.ZodType): z.ZodType {
  let cur: z.ZodType = t;
  while (cur instanceof z.ZodNullable || cur instanceof z.ZodOptional || cur instanceof z.ZodDefault) {
    cur = cur.unwrap() as z.ZodType;
  }
  return cur;
}

function unknownFields(
  given: Fields,
  allowed: Map<string, Set<string> | null>,
  extra: readonly string[],
): FieldProblem[] {
  const out: FieldProblem[] = [];
  const names = [...allowed.keys(), ...extra];
  for (const [key, value] of Object.entries(given)) {
    if (!allowed.has(key) && !extra.includes(key)) {
      out.push({ field: key, message: `unknown field "${key}": the fields are ${names.join(', ')}` });
      continue;
    }
    const nested = allowed.get(key);
    if (nested && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const inner of Object.keys(value)) {
        if (!nested.has(inner)) {
          out.push({
            field: `${key}.${inner}`,
            message: `unknown field "${key}.${inner}": ${key} has ${[...nested].join(', ')}`,
          });
        }
      }
    }
  }
  return out;
}

interface KeyRead {
  key: Fields | null;
  problems: FieldProblem[];
}

/** The fields that name the row, from the change's key or (for an insert) its values. */
function readKey(target: EditTarget, change: EditChange, given: Fields): KeyRead {
  const metric = target.editor.table === 'metric_values';
  const raw = change.key;
  if (metric) {
    let key: Fields | null = null;
    if (typeof raw === 'string') {
      const m = FACT_LABEL.exec(raw);
      if (m === null) {
        return {
          key: null,
          problems: [
            {
              field: null,
              message: `"${raw}" does not name a fact: give { criterionId, siteId } or "criterion@site:ID"`,
            },
          ],
        };
      }
      key = { criterionId: m[1], siteId: m[2] === 'site' ? m[3] : null, marketId: m[2] === 'market' ? m[3] : null };
    } else if (raw !== undefined) {
      key = { criterionId: raw.criterionId, siteId: raw.siteId ?? null, marketId: raw.marketId ?? null };
    } else if (change.op === 'insert' && str(given.criterionId) !== null) {
      key = { criterionId: given.criterionId, siteId: str(given.siteId), marketId: str(given.marketId) };
    }
    if (key === null) return { key: null, problems: [{ field: null, message: 'say which fact: give a key' }] };
    if ((str(key.siteId) === null) === (str(key.marketId) === null)) {
      return {
        key: null,
        problems: [
          { field: null, message: 'a fact belongs to one market or one site: give siteId or marketId, not both' },
        ],
      };
    }
    const problems = ['criterionId', 'siteId', 'marketId'].flatMap((f) =>
      Object.hasOwn(given, f) && (given[f] ?? null) !== (key[f] ?? null)
        ? [{ field: f, message: keyChangeMessage(f, key[f], given[f]) }]
        : [],
    );
    return { key, problems };
  }
  const keyField = target.editor.keyFields[0] ?? 'id';
  if (typeof raw === 'object') {
    return { key: null, problems: [{ field: null, message: `give the row's ${keyField} as the key` }] };
  }
  const id = raw ?? (change.op === 'insert' ? str(given[keyField]) : null);
  if (id === null || id === undefined) {
    return { key: null, problems: [{ field: keyField, message: `say which row: give its ${keyField}` }] };
  }
  const problems =
    Object.hasOwn(given, keyField) && given[keyField] !== id
      ? [{ field: keyField, message: keyChangeMessage(keyField, id, given[keyField]) }]
      : [];
  return { key: { [keyField]: id }, problems };
}

function keyChangeMessage(field: string, key: unknown, given: unknown): string {
  return `the key says ${field} ${JSON.stringify(key)} but the values say ${JSON.stringify(given)}: a row's key cannot change (delete it and insert a new one)`;
}

function keyLabel(target: EditTarget, key: Fields): string {
  if (target.editor.table !== 'metric_values') return String(key[target.editor.keyFields[0] ?? 'id']);
  return key.siteId !== null && key.siteId !== undefined
    ? `${String(key.criterionId)}@site:${String(key.siteId)}`
    : `${String(key.criterionId)}@market:${String(key.marketId)}`;
}

/**
 * A metric value's kind follows what the change gives: a number makes it known, a reason missing;
 * and what it says about how it was obtained follows the number.
 */
function settleFactKind(record: Fields, given: Fields, op: Op, stored: Fields | undefined): void {
  if (!Object.hasOwn(given, 'kind')) {
    const value = given.value;
    if (value !== undefined && value !== null) record.kind = 'known';
    else if (Object.hasOwn(given, 'value') || (given.missingReason ?? null) !== null) record.kind = 'missing';
    else if (op === 'insert') record.kind = 'missing';
  }
  if (record.kind === 'known') {
    delete record.missingReason;
    // A missing fact becoming known has no range, derivation or reference yet.
    record.low ??= null;
    record.high ??= null;
    record.derivation ??= null;
    record.reference ??= null;
    // A derivation describes one number: it is not kept for a new one (the rules ask for it again
    // where it is required), nor once someone states the method it stood in for.
    const newNumber = stored?.kind === 'known' && Object.hasOwn(given, 'value') && given.value !== stored.value;
    const standIn = record.derivation === METHOD_NOT_RECORDED.derivation && Object.hasOwn(given, 'method');
    if ((newNumber || standIn) && !Object.hasOwn(given, 'derivation')) record.derivation = null;
  }
  if (record.kind === 'missing') {
    delete record.value;
    delete record.low;
    delete record.high;
    delete record.method;
    delete record.derivation;
    delete record.reference;
    if (record.source === undefined) record.source = null;
  }
  delete record.unit;
}

/** What planning one change came to: problems (about the key, or the values), nothing to do, or a write. */
type Outcome =
  | { kind: 'refused'; label: string | null; problems: FieldProblem[]; aboutKey: boolean }
  | { kind: 'unchanged' }
  | { kind: 'write'; change: PlannedChange };

interface Planner {
  db: Db;
  target: EditTarget;
  allowed: Map<string, Set<string> | null>;
  extra: readonly string[];
  /** Row label → the index of the change that already names it. */
  seen: Map<string, number>;
}

const refuse = (label: string | null, problems: FieldProblem[], aboutKey = false): Outcome => ({
  kind: 'refused',
  label,
  problems,
  aboutKey,
});

function planOne(p: Planner, change: EditChange, index: number): Outcome {
  const { db, target } = p;
  const { editor } = target;
  const given: Fields = clone(change.values ?? {});
  const problems: FieldProblem[] = [];
  if (change.op !== 'delete') problems.push(...unknownFields(given, p.allowed, p.extra));
  problems.push(...normaliseValues(given, editor.kinds));

  const { key, problems: keyProblems } = readKey(target, change, given);
  if (key === null) return refuse(null, [...keyProblems, ...problems], true);
  const label = keyLabel(target, key);
  const earlier = p.seen.get(label);
  if (earlier !== undefined) {
    return refuse(
      label,
      [{ field: null, message: `change ${earlier} of this batch already changes this row: make it one change` }],
      true,
    );
  }
  p.seen.set(label, index);
  problems.push(...keyProblems);

  const before = target.lookup(key);
  const stored = before === undefined ? undefined : target.fromRow(before);
  if (change.op !== 'insert' && before === undefined) {
    return refuse(
      label,
      [{ field: null, message: `there is no such row to ${change.op} (it may have been deleted)` }],
      true,
    );
  }
  if (change.op === 'insert' && before !== undefined) {
    const field = editor.table === 'metric_values' ? 'criterionId' : (editor.keyFields[0] ?? 'id');
    return refuse(label, [{ field, message: 'this row already exists: update it instead, or pick another key' }]);
  }

  if (change.op === 'delete') {
    const ctx: RuleContext = { db, op: 'delete', record: stored ?? {}, stored, given: {} };
    const ruleProblems = [...editor.rules(ctx), ...(target.extraRules?.(ctx) ?? [])];
    if (ruleProblems.length > 0 || problems.length > 0) return refuse(label, [...problems, ...ruleProblems]);
    const cascades = before === undefined ? [] : (editor.cascade?.(db, before) ?? []);
    return { kind: 'write', change: { index, op: 'delete', label, before, row: undefined, cascades, fields: [] } };
  }

  const base = change.op === 'insert' ? { ...clone(editor.defaults), ...key } : (stored ?? {});
  const record = mergeRecord(mergeRecord(base, given), key);
  if (editor.table === 'metric_values') settleFactKind(record, given, change.op, stored);
  const ctx: RuleContext = { db, op: change.op, record, stored, given };
  const ruleProblems = [...editor.rules(ctx), ...(target.extraRules?.(ctx) ?? [])];
  const parsed = editor.schema.safeParse(record);
  const zodProblems = parsed.success ? [] : describeZodIssues(parsed.error, record);
  // Our own wording first: it names the value and what to give; zod's fills in the rest.
  const all = mergeProblems([...problems, ...ruleProblems], zodProblems);
  if (all.length > 0 || !parsed.success) return refuse(label, all);
  const row = target.toRow(parsed.data as Fields);
  if (change.op === 'insert') {
    return { kind: 'write', change: { index, op: 'insert', label, before: undefined, row, cascades: [], fields: [] } };
  }
  const fields = differingColumns(target.rowTable, before ?? {}, { ...before, ...row });
  if (fields.length === 0) return { kind: 'unchanged' };
  return { kind: 'write', change: { index, op: 'update', label, before, row, cascades: [], fields } };
}

/** Plans every change; `issues` is empty when all of them may be written. */
export function planEdits(db: Db, target: EditTarget, changes: readonly EditChange[]): EditPlan {
  const plan: EditPlan = { issues: [], changes: [], inserts: 0, updates: 0, deletes: 0, unchanged: 0 };
  const planner: Planner = {
    db,
    target,
    allowed: allowedFields(target.editor.schema),
    extra: target.editor.table === 'metric_values' ? ['unit', 'kind'] : [],
    seen: new Map(),
  };
  changes.forEach((change, index) => {
    const outcome = planOne(planner, change, index);
    if (outcome.kind === 'unchanged') plan.unchanged++;
    else if (outcome.kind === 'write') {
      plan.changes.push(outcome.change);
      if (outcome.change.op === 'insert') plan.inserts++;
      else if (outcome.change.op === 'update') plan.updates++;
      else plan.deletes++;
    } else {
      const { label } = outcome;
      for (const problem of outcome.problems) {
        const where = problem.field === null ? (outcome.aboutKey ? '.key' : '') : `.values.${problem.field}`;
        plan.issues.push({
          index,
          key: label,
          field: problem.field,
          path: `changes.${index}${where}`,
          message: label === null ? problem.message : `${label}: ${problem.message}`,
        });
      }
    }
  });
  return plan;
}

export interface Applied {
  rows: number;
  tables: string[];
}

/** Writes a plan without issues and logs every row (cascaded rows first, so an undo restores them last). */
export function applyPlan(db: Db, target: EditTarget, plan: EditPlan, batch: ChangeBatch, verb: string): Applied {
  let rows = 0;
  const tables = new Set<string>();
  for (const c of plan.changes) {
    for (const cascade of c.cascades) {
      for (const row of cascade.rows) {
        deleteRow(db, cascade.table, row, batch, `${verb}: delete ${cascade.table.label(row)} with ${c.label}`);
        tables.add(cascade.table.table);
        rows++;
      }
    }
    if (c.op === 'delete' && c.before !== undefined)
      deleteRow(db, target.rowTable, c.before, batch, `${verb}: delete ${c.label}`);
    else if (c.op === 'insert' && c.row !== undefined)
      insertRow(db, target.rowTable, c.row, batch, `${verb}: add ${c.label}`);
    else if (c.before !== undefined && c.row !== undefined) {
      // A row Landfall shipped keeps saying so (origin, builtin); the log says it was edited.
      const seeded = c.before.origin === 'seed' || c.before.builtin === 1 ? ' (a seeded row)' : '';
      updateRow(db, target.rowTable, c.before, c.row, batch, `${verb}: ${c.label}: ${c.fields.join(', ')}${seeded}`);
    }
    tables.add(target.rowTable.table);
    rows++;
  }
  return { rows, tables: [...tables] };
}

/** "Edit sites: sg-tuas (lat)" for one change, "Edit 12 metric_values rows (10 changed, 2 added)" for more. */
export function batchLabel(table: string, plan: EditPlan): string {
  const only = plan.changes.length === 1 ? plan.changes[0] : undefined;
  if (only !== undefined) {
    const what =
      only.op === 'update' ? ` (${only.fields.join(', ')})` : only.op === 'insert' ? ' (added)' : ' (deleted)';
    return `Edit ${table}: ${only.label}${what}`;
  }
  const parts = [
    plan.updates > 0 ? `${plan.updates} changed` : '',
    plan.inserts > 0 ? `${plan.inserts} added` : '',
    plan.deletes > 0 ? `${plan.deletes} deleted` : '',
  ].filter((p) => p !== '');
  return `Edit ${plan.changes.length} ${table} rows (${parts.join(', ')})`;
}

// `scenarios.*`: what-if scenarios and their hypothetical policy events. Every write is a logged,
// undoable change batch like any data edit; the events are checked by the same rules as real ones
// (edit-rules.ts) and stored apart from them (db/scenarios-repo.ts).
import { withChangeBatch, type ChangeBatch } from '../../../db/change-log';
import { deleteRow, findRow, insertRow, rowTables, updateRow } from '../../../db/edit-rows';
import { discardRedoStack, recordBatch } from '../../../db/history-repo';
import type { Db } from '../../../db/open';
import {
  getScenario,
  listScenarioEvents,
  listScenarios,
  realEventExists,
  scenarioEventRows,
  scenarioNamed,
  scenarioRow,
  type ScenarioRow,
} from '../../../db/scenarios-repo';
import { listPolicyEvents } from '../../../db/policies-repo';
import { tableDefs, type TableDef } from '../../../db/transfer/tables';
import type { EditChange, EditResult } from '../../../shared/calls/edit-calls';
import type { ScenarioDetail, ScenarioSummary, scenarioCalls } from '../../../shared/calls/scenario-calls';
import { ServiceError } from '../../../shared/errors';
import type { DomainHandlers, ServiceContext } from '../context';
import { applyPlan, batchLabel, planEdits, type EditTarget } from '../edit/edit-plan';
import { editors, policyRules } from '../edit/edit-rules';
import { refused, storeRefused } from '../edit/edit-service';
import type { Fields } from '../edit/edit-values';
import { compareScenario } from './scenario-compare';
import { exportScenario, readScenarioFile } from './scenario-file';

const policyDef = tableDefs.policy_events as TableDef;

const toSummary = (r: ScenarioRow): ScenarioSummary => ({
  id: r.id,
  name: r.name,
  description: r.description,
  eventCount: r.event_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function scenarioDetail(db: Db, id: string): ScenarioDetail {
  const row = getScenario(db, id);
  if (row === undefined) throw new ServiceError('not_found', `no what-if scenario "${id}" (scenarios.list shows them)`);
  return { ...toSummary(row), events: listScenarioEvents(db, id).map((e) => ({ ...e, hypothetical: true as const })) };
}

/** Where a scenario's events are edited: the policy editor's checks, the scenario's own table. */
export function scenarioEventsTarget(db: Db, scenarioId: string): EditTarget {
  const t = rowTables.scenario_policy_events;
  return {
    // A what-if event may link to real events and to the scenario's own.
    editor: {
      ...editors.policy_events,
      rules: (ctx) => policyRules(ctx, [...listPolicyEvents(db), ...listScenarioEvents(db, scenarioId)]),
    },
    rowTable: t,
    lookup: (key) => findRow(db, t, { scenario_id: scenarioId, id: String(key.id ?? '') }),
    toRow: (record) => ({ scenario_id: scenarioId, ...policyDef.toRow(record as never) }),
    fromRow: (row) => policyDef.fromRow(row) as Fields,
    extraRules: (ctx) => {
      const id = typeof ctx.record.id === 'string' ? ctx.record.id : '';
      return ctx.op === 'insert' && realEventExists(db, id)
        ? [{ field: 'id', message: `the real timeline has an event "${id}": give the what-if event its own id` }]
        : [];
    },
  };
}

const now = (): string => new Date().toISOString();

function slug(name: string): string {
  const s = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s === '' ? 'scenario' : s;
}

function freeId(db: Db, base: string): string {
  let id = base;
  for (let n = 2; getScenario(db, id) !== undefined; n++) id = `${base}-${n}`;
  return id;
}

function freeName(db: Db, base: string): string {
  let name = base;
  for (let n = 2; scenarioNamed(db, name) !== undefined; n++) name = `${base} (${n})`;
  return name;
}

function nameTaken(name: string): ServiceError {
  return new ServiceError('invalid_input', `a scenario called "${name}" exists already: pick another name`, [
    { path: 'name', message: 'already used by another scenario' },
  ]);
}

interface Written<T> {
  value: T;
  /** Rows written; a batch that wrote none leaves no trace in the history. */
  rows: number;
  label: string;
}

/** Runs a write as one undoable edit batch that clears the redo stack. */
function logged<T>(
  db: Db,
  actor: string,
  write: (batch: ChangeBatch) => Written<T>,
): { value: T; batchId: string | null } {
  try {
    return withChangeBatch(db, actor, (batch) => {
      const out = write(batch);
      if (out.rows === 0) return { value: out.value, batchId: null };
      recordBatch(db, batch.id, 'edit', out.label);
      discardRedoStack(db);
      return { value: out.value, batchId: batch.id };
    });
  } catch (error) {
    return storeRefused('the scenario edit', error);
  }
}

function insertScenario(db: Db, batch: ChangeBatch, id: string, name: string, description: string): void {
  const at = now();
  insertRow(
    db,
    rowTables.scenarios,
    { id, name, description, created_at: at, updated_at: at },
    batch,
    `add what-if scenario ${id}`,
  );
}

function touch(db: Db, batch: ChangeBatch, id: string): void {
  const before = scenarioRow(db, id);
  if (before !== undefined) {
    updateRow(
      db,
      rowTables.scenarios,
      before,
      { ...before, updated_at: now() },
      batch,
      `what-if scenario ${id}: updated_at`,
    );
  }
}

function mustExist(db: Db, id: string): ScenarioRow {
  const row = getScenario(db, id);
  if (row === undefined) throw new ServiceError('not_found', `no what-if scenario "${id}" (scenarios.list shows them)`);
  return row;
}

interface EventsInput {
  scenarioId: string;
  changes: EditChange[];
  actor?: string | undefined;
  label?: string | undefined;
}

export function applyScenarioEvents(db: Db, input: EventsInput): EditResult {
  const scenario = mustExist(db, input.scenarioId);
  const { value, batchId } = logged(db, input.actor ?? 'user', (batch) => {
    const target = scenarioEventsTarget(db, scenario.id);
    const plan = planEdits(db, target, input.changes);
    if (plan.issues.length > 0) throw refused('scenarios.applyEvents', plan.issues);
    const label = input.label ?? `What-if "${scenario.name}": ${batchLabel('events', plan).replace(/^Edit /, '')}`;
    const applied = applyPlan(db, target, plan, batch, label);
    if (applied.rows > 0) touch(db, batch, scenario.id);
    return { value: { plan, tables: applied.tables, rows: applied.rows }, rows: applied.rows, label };
  });
  return {
    batchId,
    applied: batchId === null ? 0 : value.rows,
    inserts: value.plan.inserts,
    updates: value.plan.updates,
    deletes: value.plan.deletes,
    unchanged: value.plan.unchanged,
    tables: batchId === null ? [] : [...value.tables, 'scenarios'],
  };
}

export function createScenario(
  db: Db,
  input: { name: string; description: string; id?: string | undefined },
  actor = 'user',
): ScenarioDetail {
  if (scenarioNamed(db, input.name) !== undefined) throw nameTaken(input.name);
  if (input.id !== undefined && getScenario(db, input.id) !== undefined) {
    throw new ServiceError('invalid_input', `a scenario with id "${input.id}" exists already`, [
      { path: 'id', message: 'already used by another scenario' },
    ]);
  }
  const id = input.id ?? freeId(db, slug(input.name));
  logged(db, actor, (batch) => {
    insertScenario(db, batch, id, input.name, input.description);
    return { value: null, rows: 1, label: `Create what-if scenario "${input.name}"` };
  });
  return scenarioDetail(db, id);
}

export function renameScenario(
  db: Db,
  input: { id: string; name: string; description?: string | undefined },
  actor = 'user',
): ScenarioDetail {
  const row = mustExist(db, input.id);
  if (scenarioNamed(db, input.name, input.id) !== undefined) throw nameTaken(input.name);
  const before = scenarioRow(db, input.id);
  const description = input.description ?? row.description;
  if (before !== undefined && (row.name !== input.name || row.description !== description)) {
    logged(db, actor, (batch) => {
      updateRow(
        db,
        rowTables.scenarios,
        before,
        { ...before, name: input.name, description, updated_at: now() },
        batch,
        `what-if scenario ${input.id}: name, description`,
      );
      return { value: null, rows: 1, label: `Rename what-if scenario "${row.name}" to "${input.name}"` };
    });
  }
  return scenarioDetail(db, input.id);
}

export function deleteScenario(db: Db, id: string, actor = 'user'): { id: string; deleted: boolean; batchId: string } {
  const row = mustExist(db, id);
  const { batchId } = logged(db, actor, (batch) => {
    const events = scenarioEventRows(db, id);
    for (const e of events)
      deleteRow(db, rowTables.scenario_policy_events, e, batch, `delete ${String(e.id)} with what-if scenario ${id}`);
    const stored = scenarioRow(db, id);
    if (stored !== undefined) deleteRow(db, rowTables.scenarios, stored, batch, `delete what-if scenario ${id}`);
    return { value: null, rows: events.length + 1, label: `Delete what-if scenario "${row.name}"` };
  });
  return { id, deleted: true, batchId: batchId ?? '' };
}

/** Creates a scenario from a file, all or nothing; issues name the event (its place in the file) and field. */
export function importScenario(
  db: Db,
  input: { content: string; name?: string | undefined },
  actor = 'user',
): ScenarioDetail {
  const file = readScenarioFile(input.content);
  const name = freeName(db, input.name ?? file.name);
  const id = freeId(db, slug(name));
  const changes: EditChange[] = file.events.map((e) => ({ op: 'insert', values: e.values }));
  // Issues name the event by its place in the file, not in the list of good ones.
  const inFile = (path: string): string =>
    path.replace(/^changes\.(\d+)(\.values)?/, (_m, k: string) => `events.${file.events[Number(k)]?.index ?? k}`);
  logged(db, actor, (batch) => {
    insertScenario(db, batch, id, name, file.description);
    const target = scenarioEventsTarget(db, id);
    const plan = planEdits(db, target, changes);
    const issues = [...file.issues, ...plan.issues.map((i) => ({ ...i, path: inFile(i.path) }))];
    if (issues.length > 0) {
      throw new ServiceError(
        'invalid_input',
        `scenario file refused: ${issues.length} problem${issues.length === 1 ? '' : 's'} (${issues[0]?.path ?? ''}: ${issues[0]?.message ?? ''}); nothing was written`,
        issues.map((i) => ({ path: i.path, message: i.message })),
      );
    }
    const applied = applyPlan(db, target, plan, batch, `import what-if scenario ${id}`);
    return { value: null, rows: applied.rows + 1, label: `Import what-if scenario "${name}" (${applied.rows} events)` };
  });
  return scenarioDetail(db, id);
}

export function scenarioHandlers(ctx: ServiceContext): DomainHandlers<keyof typeof scenarioCalls> {
  const changed = (): void => ctx.events.emit('data.changed', { tables: ['scenarios', 'scenario_policy_events'] });
  return {
    'scenarios.list': () => listScenarios(ctx.db).map(toSummary),
    'scenarios.get': (input) => scenarioDetail(ctx.db, input.id),
    'scenarios.create': (input) => {
      const out = createScenario(ctx.db, input);
      changed();
      return out;
    },
    'scenarios.rename': (input) => {
      const out = renameScenario(ctx.db, input);
      changed();
      return out;
    },
    'scenarios.delete': (input) => {
      const out = deleteScenario(ctx.db, input.id);
      changed();
      return out;
    },
    'scenarios.applyEvents': (input) => {
      const out = applyScenarioEvents(ctx.db, input);
      if (out.tables.length > 0) ctx.events.emit('data.changed', { tables: out.tables });
      return out;
    },
    'scenarios.validateEvents': (input) => {
      mustExist(ctx.db, input.scenarioId);
      const plan = planEdits(ctx.db, scenarioEventsTarget(ctx.db, input.scenarioId), input.changes);
      return {
        ok: plan.issues.length === 0,
        issues: plan.issues,
        inserts: plan.inserts,
        updates: plan.updates,
        deletes: plan.deletes,
        unchanged: plan.unchanged,
      };
    },
    'scenarios.export': (input) => exportScenario(scenarioDetail(ctx.db, input.id)),
    'scenarios.import': (input) => {
      const out = importScenario(ctx.db, input);
      changed();
      return out;
    },
    'scenarios.compare': (input) => compareScenario(ctx.db, input),
  };
}

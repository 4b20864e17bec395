// `history.*`: list change batches, undo the latest, redo the last undone, revert any one. Undo, redo
// and revert are themselves logged batches (so the log stays a true account of every write), and the
// stack state lives in history_batches, so it survives restarts. A write outside this stack (an
// import, another service's edit) clears the redo stack just as an edit here does.
import { withChangeBatch } from '../../../db/change-log';
import {
  batchChangeCount,
  batchChanges,
  batchTables,
  batchTouches,
  deferForeignKeyChecks,
  discardRedoStack,
  findBatch,
  recordBatch,
  rowsChangedAfter,
  setBatchState,
  undoneBatchIds,
  walkBatches,
  type BatchKind,
  type BatchSummary,
  type LoggedChange,
} from '../../../db/history-repo';
import {
  deleteRow,
  dependentsOf,
  differingColumns,
  findFact,
  findRow,
  insertRow,
  isRowTable,
  rowTables,
  updateRow,
  type RowTable,
} from '../../../db/edit-rows';
import type { Db } from '../../../db/open';
import type { DbRow } from '../../../db/transfer/tables';
import type { HistoryChange, HistoryEntry, HistoryList, HistoryOutcome } from '../../../shared/calls/edit-calls';
import { ServiceError, type ErrorIssue } from '../../../shared/errors';
import type { ChangeBatch } from '../../../db/change-log';
import type { DomainHandlers, ServiceContext } from '../context';

const REGULAR: readonly BatchKind[] = ['edit', 'import', 'revert'];

/** How a batch is named in lists and messages. */
export function batchName(b: BatchSummary): string {
  if (b.label !== '') return b.label;
  const what = b.firstSummary.replace(/ row \d+.*$/, '');
  return b.kind === 'import' ? `Import: ${what}` : `${b.actor}: ${what}`;
}

const ref = (b: BatchSummary): { batchId: string; label: string } => ({ batchId: b.batchId, label: batchName(b) });

/** The batch history.undo would take back: the newest edit, import or revert still in effect. */
export function nextUndo(db: Db): BatchSummary | undefined {
  let found: BatchSummary | undefined;
  walkBatches(db, (b) => {
    if (REGULAR.includes(b.kind) && b.state === 'done') found = b;
    return found === undefined;
  });
  return found;
}

/**
 * The batch history.redo would apply again: the one undone last, unless a regular batch was written
 * after that undo (then the redo stack is stale: cleared, in effect).
 */
export function nextRedo(db: Db): BatchSummary | undefined {
  const top = undoneBatchIds(db)[0];
  if (top === undefined) return undefined;
  let stale = false;
  walkBatches(db, (b) => {
    if (b.lastId <= top.undoneAt) return false;
    if (REGULAR.includes(b.kind)) stale = true;
    return !stale;
  });
  return stale ? undefined : findBatch(db, top.batchId);
}

function tableOf(change: LoggedChange): RowTable {
  if (!isRowTable(change.table)) {
    throw new ServiceError('invalid_input', `the batch changed table "${change.table}", which history cannot put back`);
  }
  return rowTables[change.table];
}

function labelOf(t: RowTable, row: DbRow | null, rowId: string): string {
  try {
    return row === null ? rowId : t.label(row);
  } catch {
    return rowId;
  }
}

type Direction = 'backward' | 'forward';

/**
 * Writes a batch's changes backward (undo, revert) or forward (redo), each only if the row is as the
 * log says it should be; returns a conflict for every row that is not (the caller rolls back).
 */
function replay(
  db: Db,
  changes: readonly LoggedChange[],
  direction: Direction,
  batch: ChangeBatch,
  verb: string,
  laterBatches: (change: LoggedChange) => string,
): { conflicts: ErrorIssue[]; tables: Set<string> } {
  const conflicts: ErrorIssue[] = [];
  const tables = new Set<string>();
  const ordered = direction === 'backward' ? [...changes].reverse() : changes;
  for (const change of ordered) {
    const t = tableOf(change);
    // What the row must be now, and what it becomes.
    const [expected, target] = direction === 'backward' ? [change.after, change.before] : [change.before, change.after];
    const keyRow = (expected ?? target) as DbRow;
    const current = findRow(db, t, keyRow);
    const label = labelOf(t, expected ?? target, change.rowId);
    const conflict = (message: string): void => {
      conflicts.push({ path: `${change.table} ${label}`, message: `${message}${laterBatches(change)}` });
    };
    if (expected === null) {
      // The row must be absent, and comes back.
      if (current !== undefined) {
        conflict('a row with this key exists again');
        continue;
      }
      if (t.table === 'metric_values' && target !== null) {
        const twin = findFact(db, String(target.criterion_id), {
          marketId: (target.market_id ?? null) as string | null,
          siteId: (target.site_id ?? null) as string | null,
        });
        if (twin !== undefined) {
          conflict('another fact for the same criterion and owner has been added since');
          continue;
        }
      }
      if (target !== null) insertRow(db, t, target, batch, `${verb}: add ${label}`);
    } else {
      if (current === undefined) {
        conflict('the row has been deleted since');
        continue;
      }
      const changed = differingColumns(t, current, expected);
      if (changed.length > 0) {
        conflict(`changed since (${changed.join(', ')})`);
        continue;
      }
      if (target === null) {
        const dependents = dependentsOf(db, t, current);
        if (dependents.length > 0) {
          conflict(`rows added since depend on it (${dependents.slice(0, 5).join(', ')})`);
          continue;
        }
        deleteRow(db, t, current, batch, `${verb}: delete ${label}`);
      } else {
        updateRow(db, t, current, target, batch, `${verb}: ${label}`);
      }
    }
    tables.add(t.table);
  }
  return { conflicts, tables };
}

class Conflict extends Error {
  constructor(
    message: string,
    readonly issues: ErrorIssue[],
  ) {
    super(message);
  }
}

interface Operation {
  kind: 'undo' | 'redo' | 'revert';
  target: BatchSummary;
  actor: string;
}

/** Replays the target batch as a new batch; all or nothing. */
function run(db: Db, op: Operation): HistoryOutcome {
  const name = batchName(op.target);
  const verb = op.kind === 'undo' ? 'Undo' : op.kind === 'redo' ? 'Redo' : 'Revert';
  const label = `${verb}: ${name}`;
  const changes = batchChanges(db, op.target.batchId);
  // For messages only: which later batches touched a conflicting row.
  let later: Map<string, string[]> | undefined;
  const laterBatches = (change: LoggedChange): string => {
    later ??= rowsChangedAfter(db, op.target.lastId);
    const ids = (later.get(`${change.table}\u0000${change.rowId}`) ?? []).slice(-3);
    const names = ids.map((id) => {
      const b = findBatch(db, id);
      return b === undefined ? id : `"${batchName(b)}" (${b.at}, ${b.batchId})`;
    });
    return names.length === 0 ? '' : ` by ${names.join(', ')}`;
  };
  try {
    return withChangeBatch(db, op.actor, (batch) => {
      deferForeignKeyChecks(db);
      const direction: Direction = op.kind === 'redo' ? 'forward' : 'backward';
      const { conflicts, tables } = replay(db, changes, direction, batch, verb, laterBatches);
      if (conflicts.length > 0) {
        const n = conflicts.length;
        throw new Conflict(
          `cannot ${verb.toLowerCase()} "${name}": ${n === 1 ? 'a row it wrote has' : `${n} rows it wrote have`} been changed since (${conflicts[0]?.path ?? ''}: ${conflicts[0]?.message ?? ''}); nothing was changed`,
          conflicts,
        );
      }
      recordBatch(db, batch.id, op.kind, label, op.target.batchId);
      if (op.kind === 'undo') setBatchState(db, op.target, 'undone');
      if (op.kind === 'redo') setBatchState(db, op.target, 'done');
      // A revert is a new edit: it clears the redo stack.
      if (op.kind === 'revert') discardRedoStack(db);
      return {
        done: true,
        message: `${verb === 'Undo' ? 'Undid' : verb === 'Redo' ? 'Redid' : 'Reverted'} "${name}" (${changes.length} row change${changes.length === 1 ? '' : 's'})`,
        batchId: batch.id,
        target: ref(op.target),
        changes: changes.length,
        tables: [...tables],
      };
    });
  } catch (error) {
    if (error instanceof Conflict) throw new ServiceError('invalid_input', error.message, error.issues);
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new ServiceError(
        'invalid_input',
        `cannot ${verb.toLowerCase()} "${name}": rows it would remove are still referenced by rows added since; nothing was changed`,
      );
    }
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ServiceError(
        'invalid_input',
        `cannot ${verb.toLowerCase()} "${name}": the store refused it (${reason}); nothing was changed`,
      );
    }
    throw error;
  }
}

const nothing = (message: string): HistoryOutcome => ({
  done: false,
  message,
  batchId: null,
  target: null,
  changes: 0,
  tables: [],
});

export function undo(db: Db, actor = 'user'): HistoryOutcome {
  const target = nextUndo(db);
  return target === undefined ? nothing('nothing to undo') : run(db, { kind: 'undo', target, actor });
}

export function redo(db: Db, actor = 'user'): HistoryOutcome {
  const target = nextRedo(db);
  return target === undefined ? nothing('nothing to redo') : run(db, { kind: 'redo', target, actor });
}

export function revert(db: Db, batchId: string, actor = 'user'): HistoryOutcome {
  const target = findBatch(db, batchId);
  if (target === undefined) {
    throw new ServiceError('not_found', `no change batch "${batchId}" (history.list shows them)`);
  }
  return run(db, { kind: 'revert', target, actor });
}

function toChange(change: LoggedChange): HistoryChange {
  const t = isRowTable(change.table) ? rowTables[change.table] : undefined;
  const row = change.after ?? change.before;
  const fields =
    t === undefined
      ? Object.keys(row ?? {})
      : change.before !== null && change.after !== null
        ? differingColumns(t, change.before, change.after)
        : [...t.columns];
  return {
    id: change.id,
    table: change.table,
    rowId: change.rowId,
    label: t === undefined ? change.rowId : labelOf(t, row, change.rowId),
    action: change.action,
    before: change.before,
    after: change.after,
    fields,
  };
}

export interface ListOptions {
  limit: number;
  table?: string | undefined;
  batchId?: string | undefined;
  changesPerBatch: number;
}

export function listHistory(db: Db, options: ListOptions): HistoryList {
  const redoable = nextRedo(db);
  const entry = (b: BatchSummary): HistoryEntry => {
    const count = batchChangeCount(b);
    // An undone batch that can no longer be redone is shown as what it is: discarded.
    const state = b.state === 'undone' && redoable === undefined ? 'discarded' : b.state;
    return {
      batchId: b.batchId,
      at: b.at,
      actor: b.actor,
      kind: b.kind,
      state,
      label: batchName(b),
      targetBatchId: b.targetBatchId,
      tables: batchTables(db, b.batchId),
      changeCount: count,
      changes: batchChanges(db, b.batchId, options.changesPerBatch).map(toChange),
      truncated: count > options.changesPerBatch,
    };
  };
  const entries: HistoryEntry[] = [];
  if (options.batchId !== undefined) {
    const b = findBatch(db, options.batchId);
    if (b === undefined) throw new ServiceError('not_found', `no change batch "${options.batchId}"`);
    entries.push(entry(b));
  } else {
    walkBatches(db, (b) => {
      if (options.table === undefined || batchTouches(db, b.batchId, options.table)) entries.push(entry(b));
      return entries.length < options.limit;
    });
  }
  const undoable = nextUndo(db);
  return {
    entries,
    nextUndo: undoable === undefined ? null : ref(undoable),
    nextRedo: redoable === undefined ? null : ref(redoable),
  };
}

export function historyHandlers(
  ctx: ServiceContext,
): DomainHandlers<'history.list' | 'history.undo' | 'history.redo' | 'history.revert'> {
  const announce = (outcome: HistoryOutcome): HistoryOutcome => {
    if (outcome.tables.length > 0) ctx.events.emit('data.changed', { tables: outcome.tables });
    return outcome;
  };
  return {
    'history.list': (input) => listHistory(ctx.db, input),
    'history.undo': () => announce(undo(ctx.db)),
    'history.redo': () => announce(redo(ctx.db)),
    'history.revert': (input) => announce(revert(ctx.db, input.batchId)),
  };
}

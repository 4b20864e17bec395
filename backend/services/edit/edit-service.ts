// `data.apply` and `data.validate`: plan a batch of row changes (edit-plan.ts), and either report its
// issues or write it as one change-log batch that history.undo can take back.
import { withChangeBatch } from '../../../db/change-log';
import { discardRedoStack, recordBatch } from '../../../db/history-repo';
import type { Db } from '../../../db/open';
import type { EditInput, EditIssue, EditResult, EditTable } from '../../../shared/calls/edit-calls';
import { ServiceError } from '../../../shared/errors';
import type { DomainHandlers, ServiceContext } from '../context';
import { applyPlan, batchLabel, planEdits, type EditPlan, type EditTarget } from './edit-plan';
import { editors, storedRow, type EditableTable } from './edit-rules';
import type { Fields } from './edit-values';

const tableOf = (table: EditTable): EditableTable => (table === 'profiles' ? 'company_profiles' : table);

/** A change to one of the store's own tables. */
export function storeTarget(db: Db, table: EditTable): EditTarget {
  const editor = editors[tableOf(table)];
  return {
    editor,
    rowTable: editor.rowTable,
    lookup: (key) => storedRow(db, editor, key),
    toRow: (record) => editor.def.toRow(record as never),
    fromRow: (row) => editor.def.fromRow(row) as Fields,
  };
}

/** The batch has problems; nothing was written. */
export function refused(call: string, issues: readonly EditIssue[]): ServiceError {
  const changes = new Set(issues.map((i) => i.index)).size;
  const first = issues[0]?.message ?? '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new ServiceError(
    'invalid_input',
    `${call} refused: ${first}${more} in ${changes} change${changes === 1 ? '' : 's'}; nothing was written`,
    issues.map((i) => ({ path: i.path, message: i.message })),
  );
}

/** SQLite refused a write the checks let through (a constraint); the transaction was rolled back. */
export function storeRefused(call: string, error: unknown): never {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ServiceError('invalid_input', `${call} refused by the store (${reason}); nothing was written`);
  }
  throw error;
}

class Refused extends Error {
  constructor(readonly plan: EditPlan) {
    super('refused');
  }
}

export function validateEdits(db: Db, input: EditInput): EditPlan {
  return planEdits(db, storeTarget(db, input.table), input.changes);
}

/** Plans and writes in one transaction; throws `invalid_input` with every issue when any change is bad. */
export function applyEdits(db: Db, input: EditInput): EditResult {
  const table = tableOf(input.table);
  try {
    return withChangeBatch(db, input.actor ?? 'user', (batch) => {
      const target = storeTarget(db, table);
      const plan = planEdits(db, target, input.changes);
      if (plan.issues.length > 0) throw new Refused(plan);
      const label = input.label ?? batchLabel(table, plan);
      const applied = applyPlan(db, target, plan, batch, label);
      if (applied.rows > 0) {
        recordBatch(db, batch.id, 'edit', label);
        discardRedoStack(db);
      }
      return {
        batchId: applied.rows > 0 ? batch.id : null,
        applied: applied.rows,
        inserts: plan.inserts,
        updates: plan.updates,
        deletes: plan.deletes,
        unchanged: plan.unchanged,
        tables: applied.tables,
      };
    });
  } catch (error) {
    if (error instanceof Refused) throw refused('data.apply', error.plan.issues);
    return storeRefused('data.apply', error);
  }
}

export function editHandlers(ctx: ServiceContext): DomainHandlers<'data.apply' | 'data.validate'> {
  // ctx.db is read on every call: restoring a backup swaps the connection.
  return {
    'data.apply': (input) => {
      const result = applyEdits(ctx.db, input);
      if (result.tables.length > 0) ctx.events.emit('data.changed', { tables: result.tables });
      return result;
    },
    'data.validate': (input) => {
      const plan = validateEdits(ctx.db, input);
      return {
        ok: plan.issues.length === 0,
        issues: plan.issues,
        inserts: plan.inserts,
        updates: plan.updates,
        deletes: plan.deletes,
        unchanged: plan.unchanged,
      };
    },
  };
}

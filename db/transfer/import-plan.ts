// What every importer produces before it writes anything: the preview (added, changed, unchanged,
// errors) and the writes it would make. Nothing is written unless the preview has no errors.
import type { ChangeBatch } from '../change-log';
import {
  DataTable,
  type ImportError,
  type ImportKind,
  type ImportNote,
  type ImportPreview,
  type PreviewEntry,
} from '../../shared/model/transfer';
import { changedColumns, type DbRow } from './tables';
import type { TableStore } from './table-store';

export interface ImportPlan {
  preview: ImportPreview;
  /** Tables the writes touch, for the `data.changed` event. */
  tables: string[];
  /** Performs the writes; called inside the change batch's transaction. */
  apply(batch: ChangeBatch): void;
}

interface Write {
  store: TableStore;
  before: DbRow | undefined;
  row: DbRow;
  summary: string;
}

/** Collects entries and writes while an importer walks its rows. */
export class PlanBuilder {
  readonly added: PreviewEntry[] = [];
  readonly changed: PreviewEntry[] = [];
  readonly unchanged: PreviewEntry[] = [];
  readonly errors: ImportError[] = [];
  /** Rows written (or kept) otherwise than the file says, e.g. a built-in preset the file would change. */
  readonly notes: ImportNote[] = [];
  private readonly writes: Write[] = [];
  private readonly touched = new Set<string>();

  constructor(private readonly kind: ImportKind) {}

  /**
   * Plans one row against the stored row with its key (`before`, looked up by the caller, which
   * may know there is none): an insert, an update of the columns that differ, or nothing. Returns the changed columns (all of them for a new row, none when unchanged).
   */
  upsert(
    store: TableStore,
    row: DbRow,
    summary: string,
    before: DbRow | undefined,
  ): { added: boolean; fields: readonly string[] } {
    if (before === undefined) {
      this.writes.push({ store, before, row, summary });
      this.touched.add(store.def.table);
      return { added: true, fields: store.def.columns };
    }
    const fields = changedColumns(store.def, before, row);
    if (fields.length > 0) {
      this.writes.push({ store, before, row, summary });
      this.touched.add(store.def.table);
    }
    return { added: false, fields };
  }

  entry(
    list: 'added' | 'changed' | 'unchanged',
    table: string,
    id: string,
    row: number | null,
    fields: readonly string[] = [],
  ): void {
    this[list].push({ table, id, row, fields: [...fields] });
  }

  build(beforeWrites: (() => void) | null = null): ImportPlan {
    // Grouped by table (in the order first met), each group in row order; file-level errors first.
    const tables = [...new Set(this.errors.map((e) => e.table))];
    const errors = [...this.errors].sort(
      (a, b) => tables.indexOf(a.table) - tables.indexOf(b.table) || (a.row ?? 0) - (b.row ?? 0),
    );
    const writes = this.writes;
    return {
      preview: {
        kind: this.kind,
        added: this.added,
        changed: this.changed,
        unchanged: this.unchanged,
        errors,
        notes: this.notes,
      },
      tables: [...this.touched],
      apply(batch) {
        beforeWrites?.();
        // Runs of inserts go in bulk; each update is written alone, where it falls in the plan.
        let run: Write[] = [];
        for (const w of writes) {
          if (w.before === undefined) {
            run.push(w);
            continue;
          }
          insertRun(run, batch);
          run = [];
          w.store.update(w.before, w.row, batch, w.summary);
        }
        insertRun(run, batch);
      },
    };
  }
}

/** The order in which a run's tables are written: every reference points backwards. */
const TABLE_ORDER = new Map<string, number>(DataTable.options.map((t, i) => [t, i]));

/**
 * Writes a run of inserts as `insert` would one by one, but table by table in multi-row statements
 * (parents first, each table's rows in plan order, so rowids and metric value ids are the same), and
 * logs them table by table in bulk rows. Should SQLite refuse anything, the run is undone and
 * written again one row at a time, so the error is the one the row-by-row writer meets first.
 */
function insertRun(run: readonly Write[], batch: ChangeBatch): void {
  const first = run[0];
  if (first === undefined) return;
  const byTable = new Map<TableStore, Write[]>();
  for (const w of run) {
    const list = byTable.get(w.store);
    if (list === undefined) byTable.set(w.store, [w]);
    else list.push(w);
  }
  const stores = [...byTable.keys()].sort(
    (a, b) => (TABLE_ORDER.get(a.def.table) ?? 0) - (TABLE_ORDER.get(b.def.table) ?? 0),
  );
  try {
    first.store.savepoint(() => {
      for (const store of stores) {
        const writes = byTable.get(store) ?? [];
        store.insertMany(
          writes.map((w) => w.row),
          (chunk) => {
            const summaries = writes.slice(chunk.from, chunk.from + chunk.rows.length).map((w) => w.summary);
            batch.recordInserts(store.def.table, { ...chunk, summaries });
          },
        );
      }
    });
  } catch (error) {
    if (!isSqliteError(error)) throw error;
    for (const w of run) w.store.insert(w.row, batch, w.summary);
  }
}

/** An error SQLite raised (a constraint, a full disk), as opposed to a fault in this code. */
function isSqliteError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}

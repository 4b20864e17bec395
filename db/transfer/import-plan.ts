// What every importer produces before it writes anything: the preview (added, changed, unchanged,
// errors) and the writes it would make. Nothing is written unless the preview has no errors.
import type { ChangeBatch } from '../change-log';
import type { ImportError, ImportKind, ImportNote, ImportPreview, PreviewEntry } from '../../shared/model/transfer';
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
  ): { added: boolean; fields: string[] } {
    if (before === undefined) {
      this.writes.push({ store, before, row, summary });
      this.touched.add(store.def.table);
      return { added: true, fields: [...store.def.columns] };
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
    fields: string[] = [],
  ): void {
    this[list].push({ table, id, row, fields });
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
        for (const w of writes) {
          if (w.before === undefined) w.store.insert(w.row, batch, w.summary);
          else w.store.update(w.before, w.row, batch, w.summary);
        }
      },
    };
  }
}

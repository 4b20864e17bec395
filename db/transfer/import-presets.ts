// What a JSON import may do to a preset. Built-in presets are Landfall's, never a file's:
// - `builtin` in a file is never trusted: every preset an import writes is the user's own (and so
//   editable and deletable);
// - a row that would change or rename a preset that is built in here is refused in a presets table
//   file (the file means to change it), and ignored in a whole-store file, which carries its own
//   Landfall's built-ins: the store's built-in is kept and the preview says so.
// A row equal to the stored built-in apart from `builtin` and `updated_at` is simply unchanged.
import type { ImportKind } from '../../shared/model/transfer';
import { changedColumns, tableDefs, type DbRow } from './tables';

export type PresetRowPlan =
  /** Write `row` (added or updated as usual); `note` when the file claimed builtin. */
  | { kind: 'write'; row: DbRow; note: string | null }
  /** Leave the stored built-in as it is; `note` when the file's version differed. */
  | { kind: 'keep'; note: string | null }
  /** Refuse the row: an error on `column`. */
  | { kind: 'refuse'; column: string; message: string };

/** Columns that say what a preset is, not who made it or when. */
const IGNORED = new Set(['builtin', 'updated_at']);

const quoted = (v: unknown): string => `"${String(v)}"`;

export function planPresetRow(kind: ImportKind, row: DbRow, stored: DbRow | undefined): PresetRowPlan {
  if (stored?.builtin === 1) {
    const fields = changedColumns(tableDefs.presets, stored, row).filter((c) => !IGNORED.has(c));
    if (fields.length === 0) return { kind: 'keep', note: null };
    const id = quoted(stored.id);
    if (kind === 'database-json') {
      const note = `${id} is a built-in preset here: the file's version (${fields.join(', ')} differ) is ignored and the store's own kept`;
      return { kind: 'keep', note };
    }
    const message =
      `${id} is a built-in preset, and an import never changes a built-in (the file differs in ${fields.join(', ')}): ` +
      'give the row a new id to import it as your own preset, or use `landfall presets import`, which adds a copy';
    return { kind: 'refuse', column: 'id', message };
  }
  const note =
    row.builtin === 1
      ? 'builtin: true in the file is ignored: imported as your own preset, which you can edit and delete'
      : null;
  return { kind: 'write', row: { ...row, builtin: 0 }, note };
}

/**
 * The last guard before SQL: an import never inserts a built-in preset nor writes over one. The
 * planner above already keeps both from happening; this makes a slip a rolled-back failure.
 */
export function assertPresetWritable(before: DbRow | undefined, row: DbRow): void {
  if (before?.builtin === 1) throw new Error(`preset ${quoted(before.id)} is built in: an import never changes it`);
  if (row.builtin !== 0) throw new Error(`preset ${quoted(row.id)}: an import never writes a built-in preset`);
}

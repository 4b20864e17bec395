// Weight presets (built-in and the user's own): reads, and writes that log each row in change_log
// in the SQL shape history.undo and presets.undoDelete put back (db/edit-rows.ts). Weights and
// constraints are JSON columns, parsed with the model's schemas on the way out.
import type { Db } from './db';
import { Preset } from '../shared/model/presets';
import { withChangeBatch, type ChangeBatch } from './change-log';
import { deleteRow, insertRow, rowTables, updateRow } from './edit-rows';
import { discardRedoStack, recordBatch } from './history-repo';
import { tableDefs, type DbRow } from './transfer/tables';

interface PresetRow {
  id: string;
  name: string;
  description: string;
  builtin: number;
  method: Preset['method'];
  weights: string;
  constraints: string;
  normalisation: Preset['normalisation'];
  updated_at: string;
}

const Weights = Preset.shape.weights;
const Constraints = Preset.shape.constraints;
const table = rowTables.presets;

function fromRow(r: PresetRow): Preset {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    builtin: r.builtin === 1,
    method: r.method,
    weights: Weights.parse(JSON.parse(r.weights)),
    constraints: Constraints.parse(JSON.parse(r.constraints)),
    normalisation: r.normalisation,
    updatedAt: r.updated_at,
  };
}

/** Built-in presets first, then the user's, each by name. */
export function listPresets(db: Db): Preset[] {
  return db.prepare<[], PresetRow>('SELECT * FROM presets ORDER BY builtin DESC, name, id').all().map(fromRow);
}

export function getPreset(db: Db, id: string): Preset | undefined {
  const row = db.prepare<[string], PresetRow>('SELECT * FROM presets WHERE id = ?').get(id);
  return row === undefined ? undefined : fromRow(row);
}

export function presetExists(db: Db, id: string): boolean {
  return db.prepare<[string], { one: number }>('SELECT 1 AS one FROM presets WHERE id = ?').get(id) !== undefined;
}

const toRow = (p: Preset): DbRow => tableDefs.presets.toRow(p);

/**
 * Runs preset writes as one transaction and one change-log batch that history lists under `label`
 * and history.undo can take back; like any new edit it clears the redo stack. Returns the batch id.
 */
export function writePresets(
  db: Db,
  who: { actor: string; kind: 'edit' | 'import'; label: string },
  write: (batch: ChangeBatch) => void,
): string {
  return withChangeBatch(db, who.actor, (batch) => {
    write(batch);
    recordBatch(db, batch.id, who.kind, who.label);
    discardRedoStack(db);
    return batch.id;
  });
}

/** Inserts a preset and logs it in `batch`. */
export function insertPreset(db: Db, preset: Preset, batch: ChangeBatch, summary: string): void {
  insertRow(db, table, toRow(preset), batch, summary);
}

/** Overwrites the stored preset `before` with `after` (same id), logging both. */
export function updatePreset(db: Db, before: Preset, after: Preset, batch: ChangeBatch, summary: string): void {
  updateRow(db, table, toRow(before), toRow(after), batch, summary);
}

/** Deletes a preset, logging the whole row so it can be put back exactly. */
export function deletePreset(db: Db, preset: Preset, batch: ChangeBatch, summary: string): void {
  deleteRow(db, table, toRow(preset), batch, summary);
}

/**
 * The preset a change batch deleted, read back from its logged row; undefined when the batch
 * deleted no preset. A row logged before presets had a normalisation scored with 'criterion'.
 */
export function deletedPresetInBatch(db: Db, batchId: string): Preset | undefined {
  const logged = db
    .prepare<[string], { before: string | null }>(
      "SELECT before FROM change_log WHERE batch_id = ? AND table_name = 'presets' AND action = 'delete' ORDER BY id LIMIT 1",
    )
    .get(batchId);
  if (logged?.before === null || logged?.before === undefined) return undefined;
  const row = { normalisation: 'criterion', ...(JSON.parse(logged.before) as DbRow) };
  return Preset.parse(tableDefs.presets.fromRow(row));
}

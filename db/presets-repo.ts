// Reads of weight presets (built-in and the user's own). Weights and constraints are JSON columns,
// parsed with the model's schemas on the way out.
import type Database from 'better-sqlite3';
import { Preset } from '../shared/model/presets';

type Db = Database.Database;

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

/** Built-in presets first, then the user's, each by name. */
export function listPresets(db: Db): Preset[] {
  const rows = db.prepare<[], PresetRow>('SELECT * FROM presets ORDER BY builtin DESC, name').all();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    builtin: r.builtin === 1,
    method: r.method,
    weights: Weights.parse(JSON.parse(r.weights)),
    constraints: Constraints.parse(JSON.parse(r.constraints)),
    normalisation: r.normalisation,
    updatedAt: r.updated_at,
  }));
}

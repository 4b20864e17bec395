// presets.import: read a presets file (shared/model/preset-file.ts), plan what each preset does to
// the store, and in commit mode write the plan as one change-log batch — all of it or, for a bad
// file, nothing.
//
// Rules (docs/cli.md, "Import and export"):
// - A preset whose id is new is added under that id; one equal to the stored preset (name,
//   description, method, weights, constraints, normalisation) is left alone; one that differs from
//   a stored user preset replaces it ('changed').
// - Built-in presets are never overwritten by a file: a preset whose id is a built-in here and
//   which differs from it is added as a user copy under a fresh id (id-2, id-3 …; " (imported)"
//   added to its name when it would read the same as the built-in) — 'renamed'.
// - `builtin` in a file is never trusted: everything a file adds is a user preset.
import { listCriteria } from '../../../db/criteria-repo';
import type { Db } from '../../../db/open';
import { getPreset, insertPreset, listPresets, updatePreset, writePresets } from '../../../db/presets-repo';
import type { PresetImportResult } from '../../../shared/calls/preset-calls';
import { ServiceError } from '../../../shared/errors';
import { readPresetsFile, type PresetFileEntry } from '../../../shared/model/preset-file';
import { suffixedName, uniquePresetId, type Preset } from '../../../shared/model/presets';
import { differingFields } from '../../../shared/preset-diff';

type Item = PresetImportResult['items'][number];

interface PlannedWrite {
  before: Preset | undefined;
  after: Preset;
  summary: string;
}

function planImport(db: Db, entries: readonly PresetFileEntry[]): { items: Item[]; writes: PlannedWrite[] } {
  const at = new Date().toISOString();
  // A renamed preset must not take an id that is stored, in the file, or given to another.
  const taken = new Set([...listPresets(db).map((p) => p.id), ...entries.map((e) => e.id)]);
  const items: Item[] = [];
  const writes: PlannedWrite[] = [];
  entries.forEach((entry, index) => {
    const incoming: Preset = { ...entry, builtin: false, updatedAt: entry.updatedAt ?? at };
    const stored = getPreset(db, entry.id);
    const item = { index, id: entry.id, storedAs: entry.id, name: entry.name, fields: [] as string[], note: '' };
    const fields = stored === undefined ? [] : differingFields(stored, incoming);
    if (stored === undefined) {
      items.push({ ...item, outcome: 'added' });
      writes.push({ before: undefined, after: incoming, summary: `Import preset "${entry.name}"` });
    } else if (fields.length === 0) {
      items.push({ ...item, outcome: 'unchanged' });
    } else if (stored.builtin) {
      const id = uniquePresetId(entry.id, (candidate) => taken.has(candidate));
      taken.add(id);
      const name = entry.name === stored.name ? suffixedName(entry.name, ' (imported)') : entry.name;
      const note = `"${entry.id}" is a built-in preset here, which a file never overwrites: imported as a copy`;
      items.push({ ...item, storedAs: id, name, outcome: 'renamed', note });
      writes.push({
        before: undefined,
        after: { ...incoming, id, name },
        summary: `Import preset "${name}" (built-in "${entry.id}" kept)`,
      });
    } else {
      items.push({ ...item, outcome: 'changed', fields });
      writes.push({ before: stored, after: incoming, summary: `Import preset "${entry.name}": ${fields.join(', ')}` });
    }
  });
  return { items, writes };
}

/** "2 added, 1 renamed": the non-zero counts, for labels and the CLI. */
export function describeCounts(counts: PresetImportResult['counts']): string {
  const parts = (['added', 'changed', 'renamed', 'unchanged'] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${k}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

export function importPresets(db: Db, document: unknown, mode: 'preview' | 'commit'): PresetImportResult {
  const read = readPresetsFile(document, new Set(listCriteria(db).map((c) => c.id)));
  if (!read.ok) {
    const n = read.problems.length;
    throw new ServiceError(
      'invalid_input',
      `presets import refused: ${n} problem${n === 1 ? '' : 's'} in the file; nothing was changed`,
      read.problems,
    );
  }
  const { items, writes } = planImport(db, read.presets);
  const counts = { added: 0, changed: 0, unchanged: 0, renamed: 0 };
  for (const item of items) counts[item.outcome]++;
  let batchId: string | null = null;
  if (mode === 'commit' && writes.length > 0) {
    const label = `Import presets: ${describeCounts(counts)}`;
    batchId = writePresets(db, { actor: 'import', kind: 'import', label }, (batch) => {
      for (const w of writes) {
        if (w.before === undefined) insertPreset(db, w.after, batch, w.summary);
        else updatePreset(db, w.before, w.after, batch, w.summary);
      }
    });
  }
  return { mode, committed: batchId !== null, batchId, items, counts };
}

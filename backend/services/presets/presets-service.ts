// `presets.*` writes and comparisons: create, update, duplicate, delete and undo a delete, diff,
// export and import (preset-import.ts). Every write is one transaction with its change-log batch
// (so history.undo can take it back too) and tells the UI with data.changed.
import { listCriteria } from '../../../db/criteria-repo';
import type { Db } from '../../../db/open';
import {
  deletedPresetInBatch,
  deletePreset,
  getPreset,
  insertPreset,
  listPresets,
  presetExists,
  updatePreset,
  writePresets,
} from '../../../db/presets-repo';
import type { presetCalls } from '../../../shared/calls/preset-calls';
import type { ParsedInput } from '../../../shared/contract';
import { ServiceError, type ErrorIssue } from '../../../shared/errors';
import { PRESETS_FORMAT, PRESETS_VERSION } from '../../../shared/model/preset-file';
import { presetSlug, suffixedName, uniquePresetId, type Preset } from '../../../shared/model/presets';
import { differingFields, diffPresets, PRESET_FIELDS } from '../../../shared/preset-diff';
import type { DomainHandlers, ServiceContext } from '../context';
import { importPresets } from './preset-import';

type PresetCall = keyof typeof presetCalls;

/** How the change log and history name a planner's own edit (imports are logged as 'import'). */
const edit = (label: string): { actor: string; kind: 'edit'; label: string } => ({
  actor: 'user',
  kind: 'edit',
  label,
});

export function findPreset(db: Db, id: string): Preset {
  const preset = getPreset(db, id);
  if (preset === undefined) throw new ServiceError('not_found', `no preset "${id}" (presets.list shows them)`);
  return preset;
}

function writable(preset: Preset, verb: string): Preset {
  if (preset.builtin) {
    throw new ServiceError(
      'forbidden',
      `cannot ${verb} "${preset.name}": built-in presets are read-only — duplicate it to edit`,
    );
  }
  return preset;
}

/** Refuses weights or min/max constraints on a criterion the store does not have, naming each. */
export function checkCriteria(db: Db, preset: Pick<Preset, 'weights' | 'constraints'>): void {
  const known = new Set(listCriteria(db).map((c) => c.id));
  const unknown = new Set<string>();
  const issues: ErrorIssue[] = [];
  for (const id of Object.keys(preset.weights)) {
    if (known.has(id)) continue;
    unknown.add(id);
    issues.push({ path: `weights.${id}`, message: 'unknown criterion (criteria.list shows them)' });
  }
  preset.constraints.forEach((c, i) => {
    if (c.kind === 'chips_legal' || known.has(c.criterionId)) return;
    unknown.add(c.criterionId);
    issues.push({ path: `constraints.${i}.criterionId`, message: `unknown criterion "${c.criterionId}"` });
  });
  if (issues.length > 0) {
    throw new ServiceError(
      'invalid_input',
      `unknown criteria: ${[...unknown].join(', ')} (criteria.list shows them); nothing was saved`,
      issues,
    );
  }
}

const now = (): string => new Date().toISOString();

/** A fresh id for a preset called `name`: its slug, with -2, -3 … when taken. */
function newId(db: Db, name: string): string {
  return uniquePresetId(presetSlug(name), (id) => presetExists(db, id));
}

/** `name (copy)`, or `name (copy 2)` … : a name no preset has yet. */
function copyName(db: Db, name: string): string {
  const names = new Set(listPresets(db).map((p) => p.name));
  for (let n = 1; ; n++) {
    const candidate = suffixedName(name, n === 1 ? ' (copy)' : ` (copy ${n})`);
    if (!names.has(candidate)) return candidate;
  }
}

function create(db: Db, input: ParsedInput<'presets.create'>): Preset {
  const base = input.basedOn === undefined ? undefined : findPreset(db, input.basedOn);
  const method = input.method ?? base?.method;
  const weights = input.weights ?? base?.weights;
  // The input schema requires both without basedOn, and basedOn supplies both.
  if (method === undefined || weights === undefined) throw new Error('presets.create: method or weights missing');
  const draft = {
    name: input.name,
    description: input.description ?? base?.description ?? '',
    builtin: false,
    method,
    weights,
    constraints: input.constraints ?? base?.constraints ?? [],
    normalisation: input.normalisation ?? base?.normalisation ?? 'criterion',
    updatedAt: now(),
  };
  checkCriteria(db, draft);
  const preset: Preset = { id: newId(db, input.name), ...draft };
  const label = `Create preset "${preset.name}"${base === undefined ? '' : ` from "${base.name}"`}`;
  writePresets(db, edit(label), (batch) => insertPreset(db, preset, batch, label));
  return preset;
}

/** The preset after the edit, and whether anything was written. */
function update(db: Db, input: ParsedInput<'presets.update'>): { preset: Preset; wrote: boolean } {
  const before = writable(findPreset(db, input.id), 'edit');
  const merged: Preset = { ...before };
  for (const field of PRESET_FIELDS) {
    if (input[field] !== undefined) Object.assign(merged, { [field]: input[field] });
  }
  const changed = differingFields(before, merged);
  // Nothing to write: no log entry, and updatedAt keeps saying when it last really changed.
  if (changed.length === 0) return { preset: before, wrote: false };
  checkCriteria(db, merged);
  const after: Preset = { ...merged, updatedAt: now() };
  const label = `Edit preset "${after.name}": ${changed.join(', ')}`;
  writePresets(db, edit(label), (batch) => updatePreset(db, before, after, batch, label));
  return { preset: after, wrote: true };
}

function duplicate(db: Db, input: ParsedInput<'presets.duplicate'>): Preset {
  const source = findPreset(db, input.id);
  const name = input.name ?? copyName(db, source.name);
  const preset: Preset = { ...source, id: newId(db, name), name, builtin: false, updatedAt: now() };
  const label = `Duplicate preset "${source.name}" as "${name}"`;
  writePresets(db, edit(label), (batch) => insertPreset(db, preset, batch, label));
  return preset;
}

function remove(db: Db, id: string): { deleted: Preset; undoToken: string } {
  const preset = writable(findPreset(db, id), 'delete');
  // The batch id is the token: the deleted row lives in change_log, which outlives the process.
  const label = `Delete preset "${preset.name}"`;
  const undoToken = writePresets(db, edit(label), (batch) => deletePreset(db, preset, batch, label));
  return { deleted: preset, undoToken };
}

function undoDelete(db: Db, undoToken: string): Preset {
  const preset = deletedPresetInBatch(db, undoToken);
  if (preset === undefined) {
    throw new ServiceError('not_found', `no deleted preset for undo token "${undoToken}" (presets.delete gives one)`);
  }
  if (presetExists(db, preset.id)) {
    throw new ServiceError(
      'invalid_input',
      `preset "${preset.id}" exists again (already restored, or a new preset took its id); nothing was changed`,
    );
  }
  const label = `Restore preset "${preset.name}"`;
  writePresets(db, edit(label), (batch) => insertPreset(db, preset, batch, label));
  return preset;
}

export function presetHandlers(ctx: ServiceContext): DomainHandlers<PresetCall> {
  // ctx.db is read on every call: restoring a backup swaps the connection.
  const changed = <T>(value: T): T => {
    ctx.events.emit('data.changed', { tables: ['presets'] });
    return value;
  };
  return {
    'presets.create': (input) => changed(create(ctx.db, input)),
    'presets.update': (input) => {
      const { preset, wrote } = update(ctx.db, input);
      return wrote ? changed(preset) : preset;
    },
    'presets.duplicate': (input) => changed(duplicate(ctx.db, input)),
    'presets.delete': (input) => changed(remove(ctx.db, input.id)),
    'presets.undoDelete': (input) => changed(undoDelete(ctx.db, input.undoToken)),
    'presets.diff': (input) =>
      diffPresets(findPreset(ctx.db, input.a), findPreset(ctx.db, input.b), listCriteria(ctx.db)),
    'presets.export': (input) => {
      const all = listPresets(ctx.db);
      let presets = all;
      if (input.ids !== undefined) {
        const missing = input.ids.filter((id) => !all.some((p) => p.id === id));
        if (missing.length > 0) {
          throw new ServiceError('not_found', `no preset ${missing.map((m) => `"${m}"`).join(', ')} to export`);
        }
        const wanted = [...new Set(input.ids)];
        presets = wanted.map((id) => all.find((p) => p.id === id) as Preset);
      }
      return { format: PRESETS_FORMAT, version: PRESETS_VERSION, exportedAt: now(), presets };
    },
    'presets.import': (input) => {
      const result = importPresets(ctx.db, input.document, input.mode);
      return result.committed ? changed(result) : result;
    },
  };
}

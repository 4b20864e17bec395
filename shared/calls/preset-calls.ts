// Weight presets the planner owns: create, edit, duplicate, delete (with undo), compare, and move
// them between stores as a versioned JSON file. Built-in presets are read-only; presets.list (in
// data-calls.ts) reads them all.
import { z } from 'zod';
import { Text } from '../text';
import { PresetsDocument } from '../model/preset-file';
import { HardConstraint, Preset, PresetMethod, PresetName, PresetNormalisation, PresetWeights } from '../model/presets';
import { PresetDiff } from '../preset-diff';
import type { CallSpecs } from './call-spec';

/** Any id a caller may name; an id that is no preset is answered with not_found, not a format error. */
const PresetRef = z.string().min(1).max(200);
const Description = Text.max(2000, 'must be at most 2000 characters');
const Constraints = z.array(HardConstraint).max(100, 'at most 100 constraints');

export const PresetCreateInput = z
  .strictObject({
    name: PresetName,
    description: Description.optional(),
    method: PresetMethod.optional(),
    /** Criterion id → weight ≥ 0 (any scale), one above zero; every id a criterion of criteria.list. */
    weights: PresetWeights.optional(),
    constraints: Constraints.optional(),
    /** Default 'criterion' (each criterion's own), or the preset's named in basedOn. */
    normalisation: PresetNormalisation.optional(),
    /** A preset to start from: every field not given here is copied from it. */
    basedOn: PresetRef.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.basedOn !== undefined) return;
    for (const field of ['method', 'weights'] as const) {
      if (input[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'is required (or give basedOn to copy it)' });
      }
    }
  });

export const PresetImportOutcome = z.enum(['added', 'changed', 'unchanged', 'renamed']);

export const PresetImportResult = z.object({
  mode: z.enum(['preview', 'commit']),
  /** True when the store was written (commit mode and something to add or change). */
  committed: z.boolean(),
  /** The change-log batch of the import; null for a preview or when nothing changed. */
  batchId: z.string().nullable(),
  items: z.array(
    z.object({
      /** Position in the file's presets list. */
      index: z.number().int().nonnegative(),
      /** The id in the file. */
      id: z.string(),
      /** The id it is (or would be) stored under: a new one when it is renamed. */
      storedAs: z.string(),
      name: z.string(),
      outcome: PresetImportOutcome,
      /** For 'changed': the fields that differ from the stored preset. */
      fields: z.array(z.string()),
      /** Why a preset was renamed or left alone; empty otherwise. */
      note: z.string(),
    }),
  ),
  counts: z.object({
    added: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    renamed: z.number().int(),
  }),
});
export type PresetImportResult = z.infer<typeof PresetImportResult>;

export const presetCalls = {
  'presets.create': {
    summary:
      "Creates a user preset (id: a slug of the name, made unique); fields left out are copied from basedOn, else normalisation 'criterion', no constraints.",
    writes: true,
    input: PresetCreateInput,
    output: Preset,
  },
  'presets.update': {
    summary:
      'Edits a user preset (weights and constraints are replaced, not merged; the id stays); built-in presets are read-only.',
    writes: true,
    input: z.strictObject({
      id: PresetRef,
      name: PresetName.optional(),
      description: Description.optional(),
      method: PresetMethod.optional(),
      weights: PresetWeights.optional(),
      constraints: Constraints.optional(),
      normalisation: PresetNormalisation.optional(),
    }),
    output: Preset,
  },
  'presets.duplicate': {
    summary: 'Copies any preset (built-in or not) into a new user preset, named "<name> (copy)" unless given a name.',
    writes: true,
    input: z.strictObject({ id: PresetRef, name: PresetName.optional() }),
    output: Preset,
  },
  'presets.delete': {
    summary:
      'Deletes a user preset; the undo token brings it back exactly with presets.undoDelete (kept in the change log, so across restarts).',
    writes: true,
    input: z.strictObject({ id: PresetRef }),
    output: z.object({ deleted: Preset, undoToken: z.string() }),
  },
  'presets.undoDelete': {
    summary: 'Restores a deleted preset (same id and fields) from the undo token presets.delete gave.',
    writes: true,
    input: z.strictObject({ undoToken: z.string().min(1).max(200) }),
    output: Preset,
  },
  'presets.diff': {
    summary:
      'Compares two presets: each criterion’s weight in both (raw and as a share of 1) and the difference, and whether method, normalisation and constraints differ.',
    input: z.strictObject({ a: PresetRef, b: PresetRef }),
    output: PresetDiff,
  },
  'presets.export': {
    summary:
      'The presets (all, or the ids given) as a versioned JSON document {format: "landfall-presets", version: 1}.',
    input: z.strictObject({ ids: z.array(PresetRef).min(1).max(1000).optional() }),
    output: PresetsDocument,
  },
  'presets.import': {
    summary:
      'Reads a presets document (the object or its JSON text): preview (default) says per preset added, changed, unchanged or renamed; commit writes it all or nothing. A bad file changes nothing and names every problem.',
    writes: true,
    input: z.strictObject({ document: z.unknown(), mode: z.enum(['preview', 'commit']).default('preview') }),
    output: PresetImportResult,
  },
} satisfies CallSpecs;

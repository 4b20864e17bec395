// The presets file: a versioned JSON document of weight presets that `presets.export` writes and
// `presets.import` reads. Reading it is pure: every problem is named with its path in the file
// (`presets[2].weights.power_price: must be ≥ 0`) so a planner can fix the file in one go.
import { z } from 'zod';
import { Text } from '../text';
import type { ErrorIssue } from '../errors';
import {
  HardConstraint,
  Preset,
  PresetId,
  PresetMethod,
  PresetName,
  PresetNormalisation,
  PresetWeights,
} from './presets';

export const PRESETS_FORMAT = 'landfall-presets';
export const PRESETS_VERSION = 1;
/** More than any planner keeps; a bigger file is refused rather than read. */
export const MAX_PRESETS_IN_FILE = 1000;

/** What presets.export writes. */
export const PresetsDocument = z.object({
  format: z.literal(PRESETS_FORMAT),
  version: z.literal(PRESETS_VERSION),
  exportedAt: z.iso.datetime(),
  presets: z.array(Preset),
});
export type PresetsDocument = z.infer<typeof PresetsDocument>;

/**
 * One preset as a file may hold it: what presets.export writes, with the fields a person writing a
 * file by hand may leave out given defaults. `builtin` is read but never trusted (see import).
 */
export const PresetFileEntry = z.object({
  id: PresetId,
  name: PresetName,
  description: Text.max(2000, 'must be at most 2000 characters').default(''),
  builtin: z.boolean('must be true or false').default(false),
  method: PresetMethod,
  weights: PresetWeights,
  constraints: z.array(HardConstraint).max(100, 'at most 100 constraints').default([]),
  normalisation: PresetNormalisation.default('criterion'),
  updatedAt: z.iso.datetime('must be an ISO date-time, e.g. 2026-01-24T00:00:00.000Z').optional(),
});
export type PresetFileEntry = z.infer<typeof PresetFileEntry>;

const Envelope = z.object({
  format: z.unknown(),
  version: z.unknown(),
  presets: z.array(z.unknown(), 'must be a list of presets').max(MAX_PRESETS_IN_FILE, 'too many presets'),
});

export type PresetsFileRead = { ok: true; presets: PresetFileEntry[] } | { ok: false; problems: ErrorIssue[] };

/** `presets[2].weights.power_price` from a zod path under a prefix. */
export function filePath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out === '' ? '(file)' : out;
}

/** The value at a zod path inside `root`; undefined when any step is missing. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A zod issue in words a planner can act on: a field left out "is required", a bad record key says why. */
function issueMessage(issue: z.core.$ZodIssue, root: unknown): string {
  if (issue.code === 'invalid_key' && issue.issues[0] !== undefined) return issueMessage(issue.issues[0], undefined);
  if (issue.code === 'invalid_type' && root !== undefined && valueAt(root, issue.path) === undefined) {
    return 'is required';
  }
  if (issue.code === 'invalid_type' && issue.expected === 'object') return 'must be an object';
  return issue.message;
}

function zodProblems(prefix: string, error: z.ZodError, root: unknown): ErrorIssue[] {
  return error.issues.map((i) => ({ path: filePath(prefix, i.path), message: issueMessage(i, root) }));
}

function envelopeProblems(doc: Record<string, unknown>): ErrorIssue[] {
  const problems: ErrorIssue[] = [];
  if (doc.format !== PRESETS_FORMAT) {
    const hint = doc.format === 'landfall.table' ? ' (a table export: use `landfall import`)' : '';
    problems.push({
      path: 'format',
      message: `must be "${PRESETS_FORMAT}", not ${JSON.stringify(doc.format) ?? 'missing'}${hint}`,
    });
  }
  if (doc.version !== PRESETS_VERSION) {
    const newer = typeof doc.version === 'number' && doc.version > PRESETS_VERSION;
    problems.push({
      path: 'version',
      message: newer
        ? `version ${doc.version} is newer than this app reads (${PRESETS_VERSION}); open it with a newer Landfall`
        : `must be ${PRESETS_VERSION}, not ${JSON.stringify(doc.version) ?? 'missing'}`,
    });
  }
  return problems;
}

/** Criterion ids a preset names (weights and min/max constraints) that the store does not know. */
function unknownCriteria(raw: unknown, index: number, known: ReadonlySet<string>): ErrorIssue[] {
  if (raw === null || typeof raw !== 'object') return [];
  const { weights, constraints } = raw as { weights?: unknown; constraints?: unknown };
  const problems: ErrorIssue[] = [];
  const unknown = 'unknown criterion (criteria.list shows them)';
  if (weights !== null && typeof weights === 'object' && !Array.isArray(weights)) {
    for (const id of Object.keys(weights)) {
      if (!known.has(id)) problems.push({ path: `presets[${index}].weights.${id}`, message: unknown });
    }
  }
  if (Array.isArray(constraints)) {
    constraints.forEach((c: unknown, j) => {
      const id = c !== null && typeof c === 'object' ? (c as { criterionId?: unknown }).criterionId : undefined;
      if (typeof id === 'string' && !known.has(id)) {
        problems.push({ path: `presets[${index}].constraints[${j}].criterionId`, message: `"${id}" is an ${unknown}` });
      }
    });
  }
  return problems;
}

/**
 * Reads a presets file (its JSON text, or the parsed value) against the store's criteria. Either
 * every preset, checked, or every problem found — envelope, each field of each preset, unknown
 * criteria, ids used twice — never a part of the file.
 */
export function readPresetsFile(input: unknown, knownCriteria: ReadonlySet<string>): PresetsFileRead {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input) as unknown;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${reason}` }] };
    }
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    const what = Array.isArray(doc) ? 'a list' : doc === null ? 'null' : typeof doc;
    return {
      ok: false,
      problems: [{ path: '(file)', message: `must be a JSON object with format "${PRESETS_FORMAT}", not ${what}` }],
    };
  }
  const problems = envelopeProblems(doc as Record<string, unknown>);
  const envelope = Envelope.safeParse(doc);
  if (!envelope.success) return { ok: false, problems: [...problems, ...zodProblems('', envelope.error, doc)] };
  // A newer or foreign file may mean anything by its presets: say so and read no further.
  if (problems.length > 0) return { ok: false, problems };

  const presets: PresetFileEntry[] = [];
  const firstIndexOf = new Map<string, number>();
  envelope.data.presets.forEach((raw, i) => {
    const parsed = PresetFileEntry.safeParse(raw);
    if (parsed.success) presets.push(parsed.data);
    else problems.push(...zodProblems(`presets[${i}]`, parsed.error, raw));
    problems.push(...unknownCriteria(raw, i, knownCriteria));
    const id = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') return;
    const first = firstIndexOf.get(id);
    if (first === undefined) firstIndexOf.set(id, i);
    else
      problems.push({
        path: `presets[${i}].id`,
        message: `"${id}" is used twice in the file (also presets[${first}])`,
      });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, presets };
}

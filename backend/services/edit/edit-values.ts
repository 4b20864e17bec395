// Turning what a grid sends into a record the models can check: numeric text becomes a number (and
// other text in a number field is named), comma-separated text becomes a list, empty text a null;
// nested objects merge for updates; and zod's issues are reworded to say what to fix.
import type { z } from 'zod';

export type Fields = Record<string, unknown>;

/** A problem found while reading one field; `field` is a dotted path into the record. */
export interface FieldProblem {
  field: string | null;
  message: string;
}

/** Which fields of a table's record need which treatment (dotted paths). */
export interface FieldKinds {
  numbers: readonly string[];
  /** Lists of ids or names; "a, b" is read as ["a", "b"]. */
  lists: readonly string[];
  booleans: readonly string[];
  /** Optional text or dates where an empty cell means "none". */
  nullable: readonly string[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const isPlainObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

export function getPath(record: Fields, path: string): unknown {
  let cur: unknown = record;
  for (const part of path.split('.')) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

function hasPath(record: Fields, path: string): boolean {
  const parts = path.split('.');
  let cur: unknown = record;
  for (const part of parts) {
    if (!isPlainObject(cur) || !Object.hasOwn(cur, part)) return false;
    cur = cur[part];
  }
  return true;
}

function setPath(record: Fields, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur: Fields = record;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    if (!isPlainObject(next)) return;
    cur = next;
  }
  const last = parts.at(-1);
  if (last !== undefined) cur[last] = value;
}

/** A deep copy of plain JSON-like values, so merging never touches the caller's objects. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * Reads the typed or pasted values of one change in place: numeric text → number, list text →
 * list, empty text → null where a field may be empty, "true"/"false" → boolean. Returns the fields
 * it could not read.
 */
export function normaliseValues(values: Fields, kinds: FieldKinds): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const path of kinds.numbers) {
    if (!hasPath(values, path)) continue;
    const v = getPath(values, path);
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) problems.push({ field: path, message: `${String(v)} is not a finite number` });
      continue;
    }
    if (typeof v !== 'string') continue;
    const text = v.trim();
    if (text === '') setPath(values, path, null);
    else if (NUMBER.test(text)) setPath(values, path, Number(text));
    else {
      const hint = /^\d+,\d+$/.test(text) ? ' (write decimals with a dot, e.g. 12.5)' : '';
      problems.push({ field: path, message: `"${v}" is not a number${hint}: give a number` });
    }
  }
  for (const path of kinds.lists) {
    const v = getPath(values, path);
    if (typeof v === 'string' && hasPath(values, path)) {
      setPath(
        values,
        path,
        v
          .split(/[,;\n]/)
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      );
    }
  }
  for (const path of kinds.booleans) {
    const v = getPath(values, path);
    if (typeof v !== 'string' || !hasPath(values, path)) continue;
    const text = v.trim().toLowerCase();
    if (['true', 'yes', '1'].includes(text)) setPath(values, path, true);
    else if (['false', 'no', '0'].includes(text)) setPath(values, path, false);
    else problems.push({ field: path, message: `"${v}" is not yes or no: give true or false` });
  }
  for (const path of kinds.nullable) {
    const v = getPath(values, path);
    if (typeof v === 'string' && v.trim() === '' && hasPath(values, path)) setPath(values, path, null);
  }
  return problems;
}

/** `patch` over `base`: plain objects merge key by key, anything else (lists too) replaces. */
export function mergeRecord(base: Fields, patch: Fields): Fields {
  const out: Fields = clone(base);
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeRecord(current, value) : clone(value);
  }
  return out;
}

const show = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v)));

/** Reworded zod issues: what is wrong with the value given, and what to give instead. */
export function describeZodIssues(error: z.ZodError, record: Fields): FieldProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.length === 0 ? null : issue.path.map(String).join('.');
    const value = field === null ? undefined : getPath(record, field);
    if (issue.code === 'invalid_type' && value === undefined) {
      return { field, message: `required: give ${field ?? 'the record'}` };
    }
    if (issue.code === 'invalid_type' && value === null) {
      return { field, message: `required: ${field ?? 'the record'} cannot be empty` };
    }
    if (issue.code === 'invalid_format' && issue.format === 'url') {
      return {
        field,
        message: `${show(value)} is not a web address: give a full URL such as https://example.org/page`,
      };
    }
    if (issue.code === 'too_small' && typeof value === 'string' && value === '') {
      return { field, message: `required: ${field ?? 'the value'} cannot be empty` };
    }
    if (value !== undefined && value !== null && typeof value !== 'object') {
      return { field, message: `${show(value)}: ${issue.message}` };
    }
    return { field, message: issue.message };
  });
}

/**
 * Our own problems (which name the value and what to give) all stay; a zod problem stays only when
 * no problem already said something about that field, or a field inside or around it.
 */
export function mergeProblems(own: readonly FieldProblem[], zod: readonly FieldProblem[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const p of own) if (!out.some((o) => o.field === p.field && o.message === p.message)) out.push(p);
  const overlaps = (a: string | null, b: string | null): boolean =>
    a === b || (a !== null && b !== null && (a.startsWith(`${b}.`) || b.startsWith(`${a}.`)));
  for (const p of zod) if (!out.some((o) => overlaps(o.field, p.field))) out.push(p);
  return out;
}

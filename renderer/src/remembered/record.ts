// A record the workspace remembers on this machine (the layout, the scenario): one JSON value in
// localStorage under its own key, stamped with a version and validated on the way in. A record from
// another version, or one that is not JSON, is ignored whole; fields missing from a good record
// take their defaults (a field added later); the schema decides what a bad field costs (layout and
// scenario catch field by field, so one bad value never costs the rest). A full or refusing storage
// only loses the memory, never the session.
import type { z } from 'zod';

export interface RememberedRecord<T extends object> {
  readonly key: string;
  readonly version: number;
  /** The remembered value, or the defaults for whatever is missing, damaged or from another version. */
  load(storage?: Storage | null): T;
  /** Merges `change` into the remembered value and stores it; returns the merged value. */
  save(change: Partial<T>, storage?: Storage | null): T;
}

export interface RecordSpec<T extends object> {
  key: string;
  /** Bump when a field changes meaning; older records are then ignored rather than misread. */
  version: number;
  /** The fields (not the version); unknown keys are dropped. */
  schema: z.ZodType<T>;
  /** A function, so defaults that depend on the day (today's date) are fresh at each load. */
  defaults: () => T;
}

/** localStorage, or null where there is none (Node tests) or it refuses access (privacy modes). */
export function defaultStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

function readJson(storage: Storage | null, key: string): unknown {
  try {
    const text = storage?.getItem(key);
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

export function rememberedRecord<T extends object>(spec: RecordSpec<T>): RememberedRecord<T> {
  const { key, version, schema, defaults } = spec;
  const load = (storage: Storage | null = defaultStorage()): T => {
    const raw = readJson(storage, key);
    if (!isObject(raw) || raw.version !== version) return defaults();
    const { version: _version, ...fields } = raw;
    const parsed = schema.safeParse({ ...defaults(), ...fields });
    return parsed.success ? parsed.data : defaults();
  };
  const save = (change: Partial<T>, storage: Storage | null = defaultStorage()): T => {
    const next = { ...load(storage), ...change };
    try {
      storage?.setItem(key, JSON.stringify({ version, ...next }));
    } catch {
      // Quota exceeded or storage disabled: the value still applies for this session.
    }
    return next;
  };
  return { key, version, load, save };
}

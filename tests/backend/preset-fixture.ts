// A backend over a seeded store for the preset tests, with the store's content hash, raw SQL reads
// (so assertions do not trust the code under test) and the events it sent.
import { createBackend, type Backend } from '../../backend/backend';
import { contentHash } from '../../db/transfer/content-hash';
import type { CallName, CallOutput } from '../../shared/contract';
import type { ApiError } from '../../shared/errors';
import { errorOf, valueOf } from './dispatch-results';

export interface PresetHarness {
  backend: Backend;
  value<N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>>;
  failure(name: CallName, input: unknown): Promise<ApiError>;
  hash(): string;
  rows(sql: string, ...args: unknown[]): Record<string, unknown>[];
  /** Events sent since the last call of `heard`. */
  heard(): unknown[];
  close(): void;
}

export function presetHarness(dbPath = ':memory:'): PresetHarness {
  const backend = createBackend({ dbPath, version: 't', backupSchedule: false });
  let events: unknown[] = [];
  backend.events.onAny((name, payload) => events.push([name, payload]));
  return {
    backend,
    value: (name, input) => valueOf(backend, name, input),
    failure: (name, input) => errorOf(backend, name, input),
    hash: () => contentHash(backend.db),
    rows: (sql, ...args) => backend.db.prepare(sql).all(...args) as Record<string, unknown>[],
    heard: () => {
      const out = events;
      events = [];
      return out;
    },
    close: () => backend.close(),
  };
}

/** A user preset as presets.create takes it. */
export const MINE = {
  name: 'Cheap, quick power',
  description: 'Power price and build cost, nothing else',
  method: 'wsm',
  weights: { power_price_usc_kwh: 3, build_cost_usd_w: 1 },
  constraints: [{ kind: 'max', criterionId: 'power_price_usc_kwh', value: 12 }],
} as const;

// A backend over a seeded store for the workbench tests, with helpers to read rows straight from
// SQLite (so assertions do not trust the code under test) and to fingerprint the store.
import { createBackend, type Backend } from '../../backend/backend';
import { contentHash } from '../../db/transfer/content-hash';
import type { CallName, CallOutput } from '../../shared/contract';
import type { ApiError } from '../../shared/errors';
import { errorOf, valueOf } from './dispatch-results';

export function openBackend(dbPath = ':memory:'): Backend {
  return createBackend({ dbPath, version: 't', backupSchedule: false });
}

export interface Harness {
  backend: Backend;
  value<N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>>;
  failure(name: CallName, input: unknown): Promise<ApiError>;
  hash(): string;
  row(sql: string, ...args: unknown[]): Record<string, unknown> | undefined;
  rows(sql: string, ...args: unknown[]): Record<string, unknown>[];
  /** Events heard since the last call of `heard`. */
  heard(): unknown[];
}

export function harness(backend: Backend): Harness {
  let events: unknown[] = [];
  backend.events.onAny((name, payload) => events.push([name, payload]));
  return {
    backend,
    value: (name, input) => valueOf(backend, name, input),
    failure: (name, input) => errorOf(backend, name, input),
    hash: () => contentHash(backend.db),
    row: (sql, ...args) => backend.db.prepare(sql).get(...args) as Record<string, unknown> | undefined,
    rows: (sql, ...args) => backend.db.prepare(sql).all(...args) as Record<string, unknown>[],
    heard: () => {
      const out = events;
      events = [];
      return out;
    },
  };
}

export const SOURCE = { title: 'Planner survey', url: 'https://example.org/survey', asOf: '2025-06-01' };
/** A second source: a changed value needs its own (or to be marked the planner's estimate). */
export const QUOTE = { title: 'Utility quote, March 2026', url: 'https://example.org/quote', asOf: '2026-03-01' };

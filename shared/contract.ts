// The single list of backend calls and events. IPC, HTTP, CLI and the renderer's client derive
// their types from this file; adding a call means adding it here and nowhere else by hand.
import { z } from 'zod';
import { appCalls } from './calls/app-calls';
import type { CallSpecs } from './calls/call-spec';
import { dataCalls } from './calls/data-calls';
import { editCalls } from './calls/edit-calls';
import { legalityCalls } from './calls/legality-calls';
import { presetCalls } from './calls/preset-calls';
import { reportCalls } from './calls/report-calls';
import { scenarioCalls } from './calls/scenario-calls';
import { scoreCalls } from './calls/score-calls';
import { sensitivityCalls } from './calls/sensitivity-calls';
import { siteCalls } from './calls/site-calls';
import { storeCalls } from './calls/store-calls';
import { transferCalls } from './calls/transfer-calls';

/** Merges the domains' call lists; a name declared twice is a programming error caught at load. */
function defineContract<T extends CallSpecs[]>(...groups: T): UnionToIntersection<T[number]> {
  const merged: CallSpecs = {};
  for (const group of groups) {
    for (const [name, spec] of Object.entries(group)) {
      if (Object.hasOwn(merged, name)) throw new Error(`contract call "${name}" is declared twice`);
      merged[name] = spec;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

// Each domain declares its calls in shared/calls/; add a new group here.
export const contract = defineContract(
  appCalls,
  siteCalls,
  storeCalls,
  transferCalls,
  dataCalls,
  legalityCalls,
  sensitivityCalls,
  scoreCalls,
  reportCalls,
  editCalls,
  scenarioCalls,
  presetCalls,
);

export type CallName = keyof typeof contract;
/** What a caller may send (defaults not yet applied). */
export type CallInput<N extends CallName> = z.input<(typeof contract)[N]['input']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedInput<N extends CallName> = z.output<(typeof contract)[N]['input']>;
export type CallOutput<N extends CallName> = z.output<(typeof contract)[N]['output']>;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** Push notifications from the backend; a transport forwards them unchanged. */
export const events = {
  'data.changed': z.object({ tables: z.array(z.string()) }),
  /** A sensitivity.run's SMAA progress, after every chunk of samples. */
  'sensitivity.progress': z.object({ runId: z.string(), done: z.number().int(), total: z.number().int() }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export const eventNames = Object.keys(events) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** The typed API every transport offers the renderer. */
export type Api = { [N in CallName]: (input: CallInput<N>) => Promise<CallOutput<N>> };

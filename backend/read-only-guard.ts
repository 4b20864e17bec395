// Keeps a damaged or newer store untouched. While the store is read-only, a call the contract marks
// `writes` is refused with 'read_only' before its handler runs; any other call runs, and if it fails
// because SQLite refused a write (the connection is read-only) or hit damage, the error says so in
// words instead of surfacing as an internal failure.
import { sqliteFailureKind } from '../db/integrity';
import type { CallSpec } from '../shared/calls/call-spec';
import { callNames, contract, type CallName } from '../shared/contract';
import { ServiceError } from '../shared/errors';
import type { Handlers } from './dispatcher';
import { readOnlyReason, type StoreHandle } from './store';

type AnyHandler = (input: unknown) => unknown;

export function isWritingCall(name: CallName): boolean {
  return (contract[name] as CallSpec).writes === true;
}

export function guardWrites(handlers: Handlers, store: Pick<StoreHandle, 'problem'>): Handlers {
  const guarded: Partial<Record<CallName, AnyHandler>> = {};
  for (const name of callNames) {
    const handler = handlers[name] as AnyHandler;
    const writes = isWritingCall(name);
    guarded[name] = (input) => {
      const problem = store.problem;
      if (problem === null) return handler(input);
      if (writes)
        throw problem.kind === 'another_writer'
          ? heldElsewhere(name, problem.reason)
          : refused(name, readOnlyReason(problem));
      return runExplained(
        name,
        () => handler(input),
        () => readOnlyReason(store.problem),
      );
    };
  }
  // Every name in the contract got a wrapper with its own handler's signature.
  return guarded as Handlers;
}

/** The store is fine, another process is writing it: name that process, and that nothing changed. */
function heldElsewhere(name: string, holderMessage: string): ServiceError {
  return new ServiceError('read_only', `${name} was refused, nothing was changed: ${holderMessage}`);
}

function refused(name: string, reason: string | null): ServiceError {
  return new ServiceError('read_only', `${name} was refused: the store is read-only. ${reason ?? ''}`.trim());
}

async function runExplained(name: string, run: () => unknown, reason: () => string | null): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    const kind = sqliteFailureKind(error);
    if (kind === 'read_only') throw refused(name, reason());
    if (kind === 'damaged')
      throw new ServiceError('internal', `${name} could not read the store. ${reason() ?? ''}`.trim());
    throw error;
  }
}

// The one gate every call passes: look up the call, validate its input against the contract, run
// the handler, check the output, and answer with a Result. IPC, HTTP and the CLI all come through here.
import { sqliteFailureKind } from '../db/integrity';
import { contract, isCallName, type CallName, type CallOutput, type ParsedInput } from '../shared/contract';
import { failure, issuesFromZod, ServiceError, type Result } from '../shared/errors';

export type Handlers = {
  [N in CallName]: (input: ParsedInput<N>) => CallOutput<N> | Promise<CallOutput<N>>;
};

export type Dispatch = (name: string, input: unknown) => Promise<Result<unknown>>;

/** A dispatch whose answer carries the call's output type from the contract. */
export type Call = <N extends CallName>(name: N, input: unknown) => Promise<Result<CallOutput<N>>>;

/**
 * The dispatch, typed per call for in-process callers (the CLI). The one cast is sound because the
 * dispatcher parses every success with the call's output schema before answering.
 */
export const typedCall =
  (dispatch: Dispatch): Call =>
  <N extends CallName>(name: N, input: unknown) =>
    dispatch(name, input) as Promise<Result<CallOutput<N>>>;

export function createDispatcher(handlers: Handlers): Dispatch {
  return async (name, input) => {
    if (!isCallName(name)) return failure('unknown_call', `there is no backend call named "${name}"`);
    const spec = contract[name];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      return failure('invalid_input', `invalid input for ${name}`, issues);
    }
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      const value: unknown = await handler(parsed.data);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        // A handler that breaks the contract is a bug here, not the caller's fault.
        return failure('internal', `${name} produced output that breaks the contract`, issuesFromZod(checked.error));
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof ServiceError) return failure(error.code, error.message, error.issues);
      // Any call that writes can meet another program's write lock; say so in words, not an SQLite code.
      if (sqliteFailureKind(error) === 'busy') {
        return failure(
          'internal',
          `${name} could not write: another program is writing to this store and did not finish in time; ` +
            'nothing was changed — try again when it has finished',
        );
      }
      const message = error instanceof Error ? error.message : String(error);
      return failure('internal', `${name} failed: ${message}`);
    }
  };
}

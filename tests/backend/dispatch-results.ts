// Unwraps a dispatcher Result in tests: the value of a call that must succeed, or the error of one
// that must fail, with a message naming the call when it does the other thing.
import type { Backend } from '../../backend/backend';
import type { CallName, CallOutput } from '../../shared/contract';
import type { ApiError } from '../../shared/errors';

export async function valueOf<N extends CallName>(
  backend: Pick<Backend, 'dispatch'>,
  name: N,
  input: unknown,
): Promise<CallOutput<N>> {
  const result = await backend.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as CallOutput<N>;
}

export async function errorOf(backend: Pick<Backend, 'dispatch'>, name: CallName, input: unknown): Promise<ApiError> {
  const result = await backend.dispatch(name, input);
  if (result.ok) throw new Error(`expected ${name} to fail, got ${JSON.stringify(result.value)}`);
  return result.error;
}

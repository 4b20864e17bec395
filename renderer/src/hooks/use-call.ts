// Runs one backend call whenever its input changes and keeps the latest answer; an answer to an
// older input is dropped, so fast selection changes never show stale data.
import { useEffect, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract';
import { useServices } from '../context';

export type CallState<T> =
  { status: 'idle' | 'loading' } | { status: 'ok'; value: T } | { status: 'error'; message: string };

type Settled<T> = { key: string } & ({ status: 'ok'; value: T } | { status: 'error'; message: string });

export function useCall<N extends CallName>(name: N, input: CallInput<N> | null): CallState<CallOutput<N>> {
  const { client } = useServices();
  const [settled, setSettled] = useState<Settled<CallOutput<N>> | null>(null);
  const key = input === null ? null : `${name}:${JSON.stringify(input)}`;
  useEffect(() => {
    if (key === null || input === null) return;
    let live = true;
    client.call(name, input).then(
      (value) => live && setSettled({ key, status: 'ok', value }),
      (error: unknown) =>
        live && setSettled({ key, status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
    // `input` is represented by `key`; a new object with the same content must not re-run the call.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, name, key]);
  if (key === null) return { status: 'idle' };
  if (settled === null || settled.key !== key) return { status: 'loading' };
  return settled.status === 'ok'
    ? { status: 'ok', value: settled.value }
    : { status: 'error', message: settled.message };
}

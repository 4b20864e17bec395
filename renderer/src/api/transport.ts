// A transport moves one contract call to the backend and brings back its Result envelope.
export interface Transport {
  readonly kind: 'ipc' | 'http';
  call(name: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

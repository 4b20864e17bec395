// Backend → UI notifications, typed by the contract's event list.
import type { EventName, EventPayload } from '../shared/contract';

type Listener = (name: EventName, payload: unknown) => void;

export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Listens to every event; returns the unsubscribe. */
  onAny(listener: Listener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<Listener>();
  return {
    emit(name, payload) {
      for (const listener of listeners) listener(name, payload);
    },
    onAny(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

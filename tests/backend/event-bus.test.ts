import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../backend/event-bus';

describe('event bus', () => {
  it('delivers every emitted event to every listener until it unsubscribes', () => {
    const bus = createEventBus();
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = bus.onAny((name, payload) => a.push([name, payload]));
    bus.onAny((name, payload) => b.push([name, payload]));

    bus.emit('data.changed', { tables: ['sites'] });
    offA();
    bus.emit('data.changed', { tables: ['markets'] });

    expect(a).toEqual([['data.changed', { tables: ['sites'] }]]);
    expect(b).toEqual([
      ['data.changed', { tables: ['sites'] }],
      ['data.changed', { tables: ['markets'] }],
    ]);
  });

  it('keeps buses independent', () => {
    const one = createEventBus();
    const two = createEventBus();
    const seen: unknown[] = [];
    one.onAny((name) => seen.push(name));
    two.emit('data.changed', { tables: [] });
    expect(seen).toEqual([]);
  });
});

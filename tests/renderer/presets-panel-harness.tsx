// The presets manager mounted against the real backend (in memory), opened from a button as the map's
// toolbar opens it, with every call recorded; shared by the presets-panel tests.
import { fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { createClient, type Client } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { PresetsPanel } from '../../renderer/src/presets/PresetsPanel';
import { ServicesProvider } from '../../renderer/src/context';
import { createAppStore } from '../../renderer/src/store';
import { inMemoryTransport } from './fake-backend';

export interface Harness {
  inputs: { name: string; input: unknown }[];
  store: ReturnType<typeof createAppStore>;
  client: Client;
}

/** An opener button and the panel it shows, as the map's toolbar has them. */
function Opener(): ReactNode {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Presets…
      </button>
      {open && <PresetsPanel onClose={() => setOpen(false)} />}
    </>
  );
}

export async function setup(): Promise<Harness> {
  const { transport } = inMemoryTransport();
  const inputs: { name: string; input: unknown }[] = [];
  const recording: Transport = {
    ...transport,
    call: (name, input) => {
      inputs.push({ name, input });
      return transport.call(name, input);
    },
  };
  const client = createClient(recording);
  const store = createAppStore();
  await store.getState().load(client);
  render(
    <ServicesProvider client={client} store={store}>
      <Opener />
    </ServicesProvider>,
  );
  const opener = screen.getByRole('button', { name: 'Presets…' });
  // A real click focuses the button; jsdom's does not.
  opener.focus();
  fireEvent.click(opener);
  await screen.findByRole('region', { name: 'Weight presets' });
  inputs.length = 0;
  return { inputs, store, client };
}

export const panel = (): HTMLElement => screen.getByRole('region', { name: 'Weight presets' });
export const callsNamed = (h: Harness, name: string): unknown[] =>
  h.inputs.filter((c) => c.name === name).map((c) => c.input);

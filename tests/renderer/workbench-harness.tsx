// The data workbench over the real backend (in memory), with the workspace's keyboard shortcuts, for
// the workbench's renderer tests: open it on a table, find a cell, type into it.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { expect } from 'vitest';
import { contentHash } from '../../db/transfer/content-hash';
import { createClient } from '../../renderer/src/api/client';
import { ServicesProvider, useApp } from '../../renderer/src/context';
import { useShortcuts } from '../../renderer/src/hooks/use-shortcuts';
import { createAppStore, showsWorkbench, type WorkbenchTable } from '../../renderer/src/store';
import { Workbench } from '../../renderer/src/workbench/Workbench';
import { inMemoryTransport } from './fake-backend';

function Shell(): null {
  useShortcuts(() => undefined);
  return null;
}

/** The workbench open on `table` (at `focus`), loaded; `hash` fingerprints the store. */
export async function setupWorkbench(table: WorkbenchTable, focus?: { key: string; field?: string }) {
  const { transport, backend } = inMemoryTransport();
  const client = createClient(transport);
  const store = createAppStore();
  await store.getState().load(client);
  store.getState().openWorkbench(table, focus);
  render(
    <ServicesProvider client={client} store={store}>
      <Shell />
      <WorkbenchWhileOpen />
    </ServicesProvider>,
  );
  const grid = await screen.findByRole('grid');
  await waitFor(() => expect(within(grid).getAllByRole('row').length).toBeGreaterThan(3));
  return { backend, client, store, grid, hash: () => contentHash(backend.db) };
}

/** The workspace shows the workbench only while its panel is open, as App does. */
function WorkbenchWhileOpen(): ReactNode {
  const open = useApp((s) => showsWorkbench(s.panel));
  return open ? <Workbench /> : null;
}

export const cell = (grid: HTMLElement, key: string, column: string): HTMLElement => {
  const row = grid.querySelector(`[role=row][data-key="${key}"]`);
  const found = row?.querySelector(`[data-column="${column}"]`);
  if (!(found instanceof HTMLElement)) throw new Error(`no cell ${key}/${column}`);
  return found;
};

export async function typeInto(grid: HTMLElement, key: string, column: string, text: string): Promise<void> {
  fireEvent.mouseDown(cell(grid, key, column));
  fireEvent.keyDown(grid, { key: 'F2' });
  const editor = await within(grid).findByRole('textbox');
  fireEvent.change(editor, { target: { value: text } });
  fireEvent.keyDown(editor, { key: 'Enter' });
}

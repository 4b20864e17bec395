// @vitest-environment jsdom
// The first screen's list, details, error state and status bar. The Leaflet map is exercised in
// Chromium by the e2e suite; here it is replaced, since jsdom cannot lay out SVG.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { createClient } from '../../renderer/src/api/client';
import { ServicesProvider } from '../../renderer/src/context';
import { createAppStore } from '../../renderer/src/store';
import type { Transport } from '../../renderer/src/api/transport';
import { countSites } from '../../db/sites-repo';
import { inMemoryTransport } from './fake-backend';

vi.mock('../../renderer/src/map/SiteMap', () => ({ SiteMap: () => <div data-testid="map" /> }));

afterEach(cleanup);

function renderApp(transport: Transport): ReturnType<typeof createAppStore> {
  const store = createAppStore();
  render(
    <ServicesProvider client={createClient(transport)} store={store}>
      <App />
    </ServicesProvider>,
  );
  return store;
}

describe('App', () => {
  it('lists every site from the backend, grouped by market, and shows the database path', async () => {
    const { transport, backend } = inMemoryTransport();
    renderApp(transport);
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(countSites(backend.db)));
    expect(screen.getByRole('group', { name: 'Johor · MY' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain(':memory:');
    backend.close();
  });

  it('shows the details and source of a clicked site, and moves with the arrow keys', async () => {
    const { transport, backend } = inMemoryTransport();
    const store = renderApp(transport);
    fireEvent.click(await screen.findByRole('option', { name: /Sedenak Tech Park/ }));
    const details = screen.getByRole('region', { name: 'Details of Sedenak Tech Park' });
    expect(details.textContent).toContain('Johor (MY)');
    expect(details.querySelector('a')?.getAttribute('href')).toMatch(/^https:\/\//);
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'ArrowDown' });
    expect(store.getState().selectedSiteId).toBe('sg-jurong-west');
    expect(screen.getByRole('option', { name: /Jurong West/ }).getAttribute('aria-selected')).toBe('true');
    backend.close();
  });

  it('shows an error that says what happened and retries on request', async () => {
    let fail = true;
    const { transport, backend } = inMemoryTransport();
    const flaky: Transport = {
      ...transport,
      call: (name, input) => (fail ? Promise.reject(new Error('backend unreachable')) : transport.call(name, input)),
    };
    renderApp(flaky);
    expect((await screen.findByRole('alert')).textContent).toContain('backend unreachable');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(countSites(backend.db)));
    backend.close();
  });

  it('reloads when the backend says the data changed', async () => {
    const { transport, backend, calls } = inMemoryTransport();
    renderApp(transport);
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(countSites(backend.db)));
    const before = calls.length;
    backend.events.emit('data.changed', { tables: ['sites'] });
    await waitFor(() => expect(calls.length).toBeGreaterThan(before));
  });
});

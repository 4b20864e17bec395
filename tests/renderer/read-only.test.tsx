// @vitest-environment jsdom
// A damaged store: the app says so, offers the latest backup, and comes back writable after restoring.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../backend/backend';
import { createClient } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { App } from '../../renderer/src/App';
import { ServicesProvider } from '../../renderer/src/context';
import { createAppStore } from '../../renderer/src/store';
import { makeStoreFile, overwriteHeader } from '../db/store-files';

vi.mock('../../renderer/src/map/SiteMap', () => ({ SiteMap: () => <div data-testid="map" /> }));

afterEach(cleanup);

describe('read-only store', () => {
  it('explains the damage, restores the latest backup on request and loads the sites again', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'landfall-ro-')), 'landfall.sqlite');
    makeStoreFile(dbPath);
    const healthy = createBackend({ dbPath, version: 't', backupSchedule: false });
    const backup = await healthy.dispatch('backups.create', { reason: 'manual' });
    expect(backup.ok).toBe(true);
    healthy.close();
    overwriteHeader(dbPath);

    const backend = createBackend({ dbPath, version: 't', backupSchedule: false });
    const transport: Transport = {
      kind: 'http',
      call: (name, input) => backend.dispatch(name, input),
      subscribe: (event, listener) => backend.events.onAny((name, payload) => name === event && listener(payload)),
    };
    render(
      <ServicesProvider client={createClient(transport)} store={createAppStore()}>
        <App />
      </ServicesProvider>,
    );
    const banner = await screen.findByText(/Read-only:/);
    expect(banner.parentElement?.textContent).toMatch(/header|not a database/i);

    fireEvent.click(screen.getByRole('button', { name: 'Restore latest backup' }));
    await waitFor(() => expect(screen.queryByText(/Read-only:/)).toBeNull());
    await waitFor(() =>
      expect(screen.getByRole('table', { name: 'Ranking' }).querySelectorAll('tbody tr').length).toBeGreaterThanOrEqual(
        20,
      ),
    );
    const info = await backend.dispatch('app.info', {});
    expect(info.ok && (info.value as { readOnly: boolean }).readOnly).toBe(false);
    backend.close();
  });
});

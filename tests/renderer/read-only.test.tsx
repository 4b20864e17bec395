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
import { ReadOnlyBanner } from '../../renderer/src/components/ReadOnlyBanner';
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

    fireEvent.click(screen.getByRole('button', { name: 'Restore latest good backup' }));
    expect(screen.queryByRole('button', { name: 'Start a new store' })).toBeNull();
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

  it('offers no restore when another Landfall process is writing: the store is fine, only busy', async () => {
    const info = {
      name: 'Landfall' as const,
      version: 't',
      schemaVersion: 7,
      dbPath: '/x/landfall.sqlite',
      siteCount: 75,
      readOnly: true,
      readOnlyReason: 'Landfall browser mode (pid 1234, since 14:02) has this store open for writing.',
      readOnlyCause: 'another_writer' as const,
    };
    const store = createAppStore();
    store.setState({ info });
    render(
      <ServicesProvider client={createClient(stubTransport())} store={store}>
        <ReadOnlyBanner />
      </ServicesProvider>,
    );
    expect(screen.getByText(/Read-only:/).parentElement?.textContent).toMatch(/pid 1234/);
    expect(screen.queryByRole('button', { name: /Restore/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Start a new store' })).toBeNull();
  });

  it('offers both ways out when the store vanished beside its backups, and starting anew calls store.startNew', async () => {
    const calls: string[] = [];
    const store = createAppStore();
    store.setState({
      info: {
        name: 'Landfall',
        version: 't',
        schemaVersion: 7,
        dbPath: '/x/landfall.sqlite',
        siteCount: 0,
        readOnly: true,
        readOnlyReason: 'the store at /x/landfall.sqlite is empty but 2 backups exist beside it',
        readOnlyCause: 'vanished',
      },
    });
    render(
      <ServicesProvider client={createClient(stubTransport(calls))} store={store}>
        <ReadOnlyBanner />
      </ServicesProvider>,
    );
    expect(screen.getByRole('button', { name: 'Restore latest good backup' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start a new store' }));
    await waitFor(() => expect(calls).toContain('store.startNew'));
  });
});

/** A transport that answers store.startNew and records every call; anything else fails loudly. */
function stubTransport(calls: string[] = []): Transport {
  return {
    kind: 'http',
    call: (name) => {
      calls.push(name);
      if (name === 'store.startNew')
        return Promise.resolve({
          ok: true,
          value: { dbPath: '/x/landfall.sqlite', backupsDir: '/x/backups', backupsKept: 2 },
        });
      return Promise.resolve({ ok: false, error: { code: 'internal', message: `not stubbed: ${name}`, issues: [] } });
    },
    subscribe: () => () => undefined,
  };
}

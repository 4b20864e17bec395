// @vitest-environment jsdom
// The data refresh in the data health panel, against the real backend on a store file a previous
// seed version left: the notice with its counts, the preview list (old → new, and the fact kept
// because the planner edited it), Accept all and Dismiss.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import { SEED_VERSION } from '../../db/seed/run-seed';
import { createClient } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { ServicesProvider } from '../../renderer/src/context';
import { createAppStore } from '../../renderer/src/store';
import { HealthPanel } from '../../renderer/src/workbench/health/HealthPanel';
import { JOHOR_KEY, OLD_SG_VALUE, SG_KEY, seedValue, writeOldSeedStore } from '../backend/refresh-fixture';

let dir: string;
let backend: Backend;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-refresh-ui-'));
  const file = join(dir, 'store.sqlite');
  writeOldSeedStore(file);
  backend = createBackend({ dbPath: file, version: 'test', backupSchedule: false });
});
afterEach(() => {
  cleanup();
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

function renderPanel(): void {
  const transport: Transport = {
    kind: 'http',
    call: (name, input) => backend.dispatch(name, JSON.parse(JSON.stringify(input ?? {}))),
    subscribe: (event, listener) => backend.events.onAny((name, payload) => name === event && listener(payload)),
  };
  const client = createClient(transport);
  render(
    <ServicesProvider client={client} store={createAppStore()}>
      <HealthPanel onClose={() => undefined} />
    </ServicesProvider>,
  );
}

const sgPrice = (): unknown =>
  (
    backend.db
      .prepare("SELECT value FROM metric_values WHERE criterion_id = 'power_price_usc_kwh' AND market_id = 'sg'")
      .get() as { value: number }
  ).value;

describe('the data refresh notice', () => {
  it('says a refresh is available, previews it with the kept fact, and accepts it all', async () => {
    renderPanel();
    const notice = await screen.findByRole('region', { name: 'Data refresh' });
    expect(notice.textContent).toContain(`A data refresh (seed v${SEED_VERSION}) is available: 0 new, 1 changed facts`);
    expect(within(notice).queryByRole('list')).toBeNull();

    fireEvent.click(within(notice).getByRole('button', { name: 'Preview' }));
    const changes = within(notice).getByRole('list', { name: 'Data refresh changes' });
    const items = within(changes).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]?.getAttribute('data-key')).toBe(SG_KEY);
    const sg = seedValue('power_price_usc_kwh', 'sg');
    expect(items[0]?.textContent).toContain('Power price · Singapore (changed)');
    expect(items[0]?.textContent).toContain(`${OLD_SG_VALUE} → ${sg}`);
    const kept = within(notice).getByRole('list', { name: 'Kept: you edited these' });
    expect(
      within(kept)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('data-key')),
    ).toEqual([JOHOR_KEY]);
    expect(kept.textContent).toContain('Power price · Johor yours 12');

    fireEvent.click(within(notice).getByRole('button', { name: 'Accept all' }));
    await screen.findByText(`Applied 1 fact from seed v${SEED_VERSION} (undo it from the history).`);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Data refresh' })).toBeNull());
    expect(sgPrice()).toBe(sg);
  });

  it('dismisses it without changing a fact', async () => {
    renderPanel();
    const notice = await screen.findByRole('region', { name: 'Data refresh' });
    fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    await screen.findByText('Dismissed 1 pending change; the facts stay as they are.');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Data refresh' })).toBeNull());
    expect(sgPrice()).toBe(OLD_SG_VALUE);
  });
});

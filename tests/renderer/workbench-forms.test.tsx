// @vitest-environment jsdom
// The workbench's forms against the real backend (in memory): adding a site checks each field as it
// is left (latitude in range, required source) and writes nothing until valid; deleting asks first;
// a policy's scope is edited in its own form.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../db/transfer/content-hash';
import { createClient } from '../../renderer/src/api/client';
import { ServicesProvider } from '../../renderer/src/context';
import { createAppStore, type WorkbenchTable } from '../../renderer/src/store';
import { Workbench } from '../../renderer/src/workbench/Workbench';
import { inMemoryTransport } from './fake-backend';

afterEach(cleanup);

async function setup(table: WorkbenchTable, focus?: { key: string; field?: string }) {
  const { transport, backend } = inMemoryTransport();
  const client = createClient(transport);
  const store = createAppStore();
  await store.getState().load(client);
  store.getState().openWorkbench(table, focus);
  render(
    <ServicesProvider client={client} store={store}>
      <Workbench />
    </ServicesProvider>,
  );
  const grid = await screen.findByRole('grid');
  await waitFor(() => expect(grid.querySelectorAll('[role=row][data-key]').length).toBeGreaterThan(2));
  return { client, grid, hash: () => contentHash(backend.db) };
}

describe('workbench forms', () => {
  it('adds a site only once every field is valid, saying what to fix at each field', async () => {
    const { client, hash, grid } = await setup('sites');
    const before = hash();
    fireEvent.click(screen.getByRole('button', { name: 'Add row…' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a row to Sites' });
    const field = (label: string): HTMLElement => within(dialog).getByLabelText(label);
    fireEvent.change(field('Latitude *'), { target: { value: '123' } });
    fireEvent.blur(field('Latitude *'));
    await waitFor(() => expect(field('Latitude *').getAttribute('aria-invalid')).toBe('true'));
    expect(dialog.textContent).toMatch(/latitude 123 is outside -90 to 90/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add row' }));
    await waitFor(() => expect(field('Source *').getAttribute('aria-invalid')).toBe('true'));
    expect(hash()).toBe(before);
    const fill: Record<string, string> = {
      'Id *': 'sg-new-campus',
      'Name *': 'New campus',
      'Market *': 'sg',
      'Latitude *': '1.33',
      'Longitude *': '103.7',
      'Source *': 'Planning notice',
      'Source URL *': 'https://example.org/notice',
      'As of *': '2026-01-15',
    };
    for (const [label, value] of Object.entries(fill)) fireEvent.change(field(label), { target: { value } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add row' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const sites = await client.call('sites.list', {});
    expect(sites.find((s) => s.id === 'sg-new-campus')).toMatchObject({ lat: 1.33, lon: 103.7, marketId: 'sg' });
    // The grid goes to the new row once it is loaded.
    await waitFor(() => {
      const active = document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
      expect(active?.closest('[role=row]')?.getAttribute('data-key')).toBe('sg-new-campus');
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a link to a fact that does not exist yet opens the add form for it; one that exists focuses its cell', async () => {
    const { transport } = inMemoryTransport();
    const facts = await createClient(transport).call('metrics.list', { criterionId: 'power_price_usc_kwh' });
    const existing = facts.find((f) => f.kind === 'known');
    if (!existing) throw new Error('no known power price');
    const siteOnly = facts.some((f) => f.siteId === 'sg-tuas') ? 'my-kulai' : 'sg-tuas';
    await setup('metric_values', { key: `power_price_usc_kwh@site:${siteOnly}`, field: 'value' });
    const dialog = await screen.findByRole('dialog', { name: 'Add a row to Metric values' });
    expect((within(dialog).getByLabelText('Criterion *') as HTMLInputElement).value).toBe('power_price_usc_kwh');
    expect((within(dialog).getByLabelText('Site or market *') as HTMLInputElement).value).toBe(`site:${siteOnly}`);
    cleanup();
    const key = existing.siteId
      ? `power_price_usc_kwh@site:${existing.siteId}`
      : `power_price_usc_kwh@market:${existing.marketId ?? ''}`;
    const { grid } = await setup('metric_values', { key, field: 'source.url' });
    await waitFor(() => {
      const active = document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
      expect(active?.closest('[role=row]')?.getAttribute('data-key')).toBe(key);
      expect(active?.getAttribute('data-column')).toBe('source.url');
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('deletes a row after confirming, and not when cancelled', async () => {
    const { client, grid } = await setup('chips');
    const key = grid.querySelectorAll('[role=row][data-key]')[0]?.getAttribute('data-key') as string;
    fireEvent.mouseDown(grid.querySelector(`[data-key="${key}"] [data-column="name"]`) as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Delete row…' }));
    fireEvent.click(
      within(screen.getByRole('dialog', { name: `Delete ${key}?` })).getByRole('button', { name: 'Cancel' }),
    );
    expect((await client.call('chips.list', {})).some((c) => c.id === key)).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Delete row…' }));
    const dialog = screen.getByRole('dialog', { name: `Delete ${key}?` });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    // A chip a profile needs is kept, and the dialog says where it is used; otherwise it is gone.
    await waitFor(async () => {
      const gone = !(await client.call('chips.list', {})).some((c) => c.id === key);
      const refused = within(dialog).queryByRole('alert') !== null;
      expect(gone || refused).toBe(true);
    });
  });

  it('edits a policy scope in a form', async () => {
    const { client, grid } = await setup('policy_events');
    const key = grid.querySelectorAll('[role=row][data-key]')[0]?.getAttribute('data-key') as string;
    fireEvent.mouseDown(grid.querySelector(`[data-key="${key}"] [data-column="scope"]`) as HTMLElement);
    fireEvent.keyDown(grid, { key: 'Enter' });
    const dialog = await screen.findByRole('dialog', { name: /^Scope of/ });
    fireEvent.change(within(dialog).getByLabelText('Destinations'), { target: { value: 'MY, SG' } });
    fireEvent.change(within(dialog).getByLabelText('Deployment *'), { target: { value: 'rented' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save scope' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const policy = (await client.call('policies.list', {})).find((p) => p.id === key);
    expect(policy?.scope).toMatchObject({ destinations: ['MY', 'SG'], deployment: 'rented' });
    await waitFor(() =>
      expect(grid.querySelector(`[data-key="${key}"] [data-column="scope"]`)?.textContent).toMatch(
        /to: MY, SG.*rented/,
      ),
    );
  });
});

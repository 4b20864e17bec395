// @vitest-environment jsdom
// The add-site form against the real backend (in memory): coordinates from a map click rounded to
// 4 decimal places, every field checked by data.validate as typed (a latitude of 123 is named and
// nothing is written), and a valid site written by data.apply and ranked.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../renderer/src/api/client';
import { AddSiteDialog, round4 } from '../../renderer/src/components/AddSiteDialog';
import { ServicesProvider } from '../../renderer/src/context';
import { createAppStore } from '../../renderer/src/store';
import { inMemoryTransport } from './fake-backend';

afterEach(cleanup);

describe('Add site form', () => {
  it('fills the clicked point, names a bad latitude, and adds a valid site that the ranking then holds', async () => {
    const { transport, backend } = inMemoryTransport();
    const client = createClient(transport);
    const store = createAppStore();
    await store.getState().load(client);
    const closed: (string | null)[] = [];
    render(
      <ServicesProvider client={client} store={store}>
        <AddSiteDialog at={{ lat: 1.434567891, lon: 103.761234567 }} onClose={(id) => closed.push(id)} />
      </ServicesProvider>,
    );
    const input = (label: RegExp): HTMLInputElement => screen.getByLabelText(label) as HTMLInputElement;
    expect(input(/^Latitude/).value).toBe('1.4346');
    expect(input(/^Longitude/).value).toBe('103.7612');
    expect(round4(-0.00004)).toBe(-0);
    const add = screen.getByRole('button', { name: 'Add site' }) as HTMLButtonElement;
    await waitFor(() => expect(screen.getByText(/things? to fix/)).toBeTruthy());
    expect(add.disabled).toBe(true);

    fireEvent.change(input(/^Name/), { target: { value: 'Kranji' } });
    await waitFor(() => expect(screen.getAllByRole('option').length).toBeGreaterThan(2));
    fireEvent.change(screen.getByLabelText(/^Market/), { target: { value: 'sg' } });
    fireEvent.change(input(/^Latitude/), { target: { value: '123' } });
    fireEvent.change(input(/^Source title/), { target: { value: 'Planning memo' } });
    fireEvent.change(input(/^Source URL/), { target: { value: 'https://example.org/kranji' } });
    fireEvent.change(input(/^Source as of/), { target: { value: '2026-01-15' } });
    const error = await screen.findByText(/latitude 123/);
    expect(error.className).toBe('field-error');
    expect(input(/^Latitude/).getAttribute('aria-invalid')).toBe('true');
    expect(add.disabled).toBe(true);
    const none = await backend.dispatch('sites.list', {});
    expect(JSON.stringify(none)).not.toContain('Kranji');

    fireEvent.change(input(/^Latitude/), { target: { value: '1.4346' } });
    fireEvent.change(input(/^Capacity planned/), { target: { value: '40' } });
    await waitFor(() => expect(add.disabled).toBe(false));
    fireEvent.click(add);
    await waitFor(() => expect(closed).toEqual(['sg-kranji']));
    const sites = await client.call('sites.list', {});
    expect(sites.find((s) => s.id === 'sg-kranji')).toMatchObject({
      name: 'Kranji',
      lat: 1.4346,
      lon: 103.7612,
      status: 'planned',
      capacityMw: { existing: null, planned: 40 },
    });
    await store.getState().load(client);
    expect(store.getState().score?.results.some((r) => r.siteId === 'sg-kranji')).toBe(true);
  });
});

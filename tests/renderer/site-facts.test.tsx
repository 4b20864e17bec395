// @vitest-environment jsdom
// The site details' facts against the real backend (in memory): each known value shows how it was
// obtained, a derived value's formula and an estimate's reasoning open on demand, and the repository
// path of the sourced table is beside the source.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../renderer/src/api/client';
import { SiteFacts } from '../../renderer/src/details/SiteFacts';
import { ServicesProvider } from '../../renderer/src/context';
import { createAppStore } from '../../renderer/src/store';
import { METHOD_NOT_RECORDED } from '../../shared/model/facts';
import { inMemoryTransport } from './fake-backend';

afterEach(cleanup);

const FORMULA = '45.40 sen/kWh × 0.2245 USD/MYR (Fed 2025 average) = 10.19 US¢/kWh';
const SOURCE = { title: 'TNB tariff book', url: 'https://example.org/tnb', asOf: '2025-06-30' };

describe('SiteFacts', () => {
  it('labels each value with its method, opens the formula of a derived one, and names its tables', async () => {
    const { transport, backend } = inMemoryTransport();
    const client = createClient(transport);
    const store = createAppStore();
    await store.getState().load(client);
    await client.call('data.apply', {
      table: 'metric_values',
      changes: [
        {
          op: 'insert',
          key: { criterionId: 'power_price_usc_kwh', siteId: 'sg-tuas' },
          values: {
            value: 10.19,
            method: 'derived',
            derivation: FORMULA,
            reference: 'data/sources/tnb-tariff/figures.csv data/sources/fred-fx/figures.csv',
            source: SOURCE,
          },
        },
        {
          op: 'insert',
          key: { criterionId: 'vacancy_pct', siteId: 'sg-tuas' },
          values: { value: 2, method: 'official', source: SOURCE },
        },
        {
          op: 'insert',
          key: { criterionId: 'land_cost_usd_m2', siteId: 'sg-tuas' },
          values: { value: 1500, source: SOURCE, method: 'official' },
        },
      ],
    });
    // A value stored before schema 6, as migration 6 leaves it.
    backend.db
      .prepare(
        "UPDATE metric_values SET method = 'estimate', derivation = ? WHERE criterion_id = 'land_cost_usd_m2' AND site_id = 'sg-tuas'",
      )
      .run(METHOD_NOT_RECORDED.derivation);
    render(
      <ServicesProvider client={client} store={store}>
        <SiteFacts siteId="sg-tuas" />
      </ServicesProvider>,
    );
    const table = await screen.findByRole('table', { name: 'Facts' });
    const rowOf = (criterion: string): HTMLElement => {
      const row = within(table)
        .getAllByRole('row')
        .find((r) => r.querySelector('td')?.textContent === criterion);
      if (row === undefined) throw new Error(`no row for ${criterion}`);
      return row;
    };
    await waitFor(() => expect(rowOf('Power price')).toBeTruthy());

    const power = rowOf('Power price');
    const label = within(power).getByText('derived');
    expect(label.getAttribute('title')).toBe('Computed from other sourced values by a stated formula');
    const details = power.querySelector('details');
    expect(details?.open).toBe(false);
    fireEvent.click(within(power).getByText('formula'));
    expect(details?.open).toBe(true);
    expect(within(power).getByText(FORMULA)).toBeTruthy();
    expect([...power.querySelectorAll('code')].map((c) => c.textContent)).toEqual([
      'data/sources/tnb-tariff/figures.csv',
      'data/sources/fred-fx/figures.csv',
    ]);
    expect(within(power).getByRole('link', { name: 'TNB tariff book' }).getAttribute('href')).toBe(SOURCE.url);

    // An official value: the label, no formula to open, no path when none is stored.
    const vacancy = rowOf('Colocation vacancy');
    expect(within(vacancy).getByText('official')).toBeTruthy();
    expect(vacancy.querySelector('details')).toBeNull();
    expect(vacancy.querySelector('code')).toBeNull();

    // A value whose method was never recorded says so, instead of passing for an estimate.
    const land = rowOf('Land cost');
    expect(within(land).getByText('method not recorded').getAttribute('title')).toBe(METHOD_NOT_RECORDED.derivation);
    expect(land.querySelector('details')).toBeNull();
  });
});

// @vitest-environment jsdom
// The data health panel against the real backend (in memory): its counts and lists are data.health's,
// the stale threshold is the planner's, and each item opens the data grid at the fact and field.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataHealth } from '../../shared/calls/edit-calls';
import { createClient } from '../../renderer/src/api/client';
import { ServicesProvider } from '../../renderer/src/context';
import { createAppStore } from '../../renderer/src/store';
import { HealthPanel, factKey } from '../../renderer/src/workbench/health/HealthPanel';
import { inMemoryTransport } from './fake-backend';

afterEach(cleanup);

describe('Data health panel', () => {
  it('lists missing, stale and unsourced facts as data.health does, and links each to the grid', async () => {
    const { transport, backend } = inMemoryTransport();
    const client = createClient(transport);
    const store = createAppStore();
    await store.getState().load(client);
    store.setState({ scenario: { ...store.getState().scenario, asOf: '2026-06-01' } });
    // A site with no facts of its own in a market without some: gaps to report.
    await client.call('data.apply', {
      table: 'sites',
      changes: [
        {
          op: 'insert',
          values: {
            id: 'sg-kranji',
            name: 'Kranji',
            marketId: 'sg',
            lat: 1.43,
            lon: 103.76,
            source: { title: 'Memo', url: 'https://example.org/m', asOf: '2026-01-01' },
          },
        },
      ],
    });
    const health = async (days: number): Promise<DataHealth> => {
      const r = await backend.dispatch('data.health', { staleAfterDays: days, asOf: '2026-06-01' });
      if (!r.ok) throw new Error(r.error.message);
      return r.value as DataHealth;
    };
    const year = await health(365);
    render(
      <ServicesProvider client={client} store={store}>
        <HealthPanel onClose={() => undefined} />
      </ServicesProvider>,
    );
    await waitFor(() => expect(screen.getByText(`Stale facts (${year.stale.length})`)).toBeTruthy());
    const dl = screen.getByLabelText('Counts');
    expect(dl.textContent).toContain(`Missing values${year.summary.missing}`);
    expect(dl.textContent).toContain(`Without a source${year.summary.unsourced}`);
    // How the values were obtained, as data.health counts them.
    const { values, cells } = year.summary.methods;
    const share = (s: number | null): string => (s === null ? '—' : `${Math.round(s * 1000) / 10} %`);
    expect(dl.textContent).toContain(`Estimates${share(values.estimateShare)}`);
    const methods = screen.getByRole('table', { name: 'Values by method' });
    const rows = within(methods)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['official', String(values.byMethod.official), String(cells.byMethod.official)],
      ['measured', String(values.byMethod.measured), String(cells.byMethod.measured)],
      ['derived', String(values.byMethod.derived), String(cells.byMethod.derived)],
      ['estimate', String(values.byMethod.estimate), String(cells.byMethod.estimate)],
      ['estimates with no recorded method', String(values.notRecorded), String(cells.notRecorded)],
      ['share of estimates', share(values.estimateShare), share(cells.estimateShare)],
    ]);
    // Coverage as data.health counts it: the presets' cells in the headline, each site in its table.
    const { presets } = year.coverage;
    expect(screen.getByLabelText('Coverage').textContent).toContain(
      `${presets.known} of ${presets.cells} (${(Math.round((presets.share ?? 0) * 1000) / 10).toFixed(1)} %)`,
    );
    const bySite = screen.getByRole('table', { name: 'Coverage per site' });
    expect(within(bySite).getAllByRole('row')).toHaveLength(year.coverage.bySite.length + 1);
    // Kranji has only what its market gives it, and is listed with it.
    const kranji = year.coverage.bySite.find((x) => x.siteId === 'sg-kranji');
    expect(kranji?.cells).toBe(year.summary.criteria);
    expect(within(bySite).getByRole('rowheader', { name: 'Kranji' })).toBeTruthy();
    const missing = screen.getByRole('list', { name: 'Metrics missing per site' });
    expect(within(missing).getAllByRole('button')).toHaveLength(year.summary.missing);

    // A shorter threshold: more stale facts, as data.health counts them.
    const quarter = await health(90);
    expect(quarter.stale.length).toBeGreaterThan(year.stale.length);
    fireEvent.change(screen.getByRole('combobox', { name: /Stale after/ }), { target: { value: '90' } });
    await screen.findByText(`Stale facts (${quarter.stale.length})`);

    // Each item opens the grid at its fact and field.
    const first = year.missingBySite[0]?.missing[0];
    if (!first) throw new Error('expected a missing fact');
    fireEvent.click(within(missing).getAllByRole('button', { name: first.criterionName })[0] as HTMLElement);
    expect(store.getState().panel).toBe('workbench');
    expect(store.getState().workbench).toMatchObject({
      table: 'metric_values',
      focus: { key: factKey(first.fix), field: first.fix.field },
    });
    expect(factKey(first.fix)).toMatch(/^[a-z_]+@(site|market):/);
  });
});

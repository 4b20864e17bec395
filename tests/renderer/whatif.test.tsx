// @vitest-environment jsdom
// The what-if scenarios panel and the side-by-side rankings against the real backend (in memory):
// a scenario made from the Malaysia template flips a Johor site for a Singapore neocloud, each event
// field is checked as typed, a bad file changes nothing, and a report is made under the scenario.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../renderer/src/api/client';
import { WhatIfCompare } from '../../renderer/src/whatif/WhatIfCompare';
import { reportRequest } from '../../renderer/src/report/ReportDialog';
import { ServicesProvider } from '../../renderer/src/context';
import { createAppStore } from '../../renderer/src/store';
import { ScenariosPanel } from '../../renderer/src/workbench/scenarios/ScenariosPanel';
import { inMemoryTransport } from './fake-backend';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function setup(): Promise<{
  store: ReturnType<typeof createAppStore>;
  backend: ReturnType<typeof inMemoryTransport>['backend'];
}> {
  const { transport, backend } = inMemoryTransport();
  const client = createClient(transport);
  const store = createAppStore();
  await store.getState().load(client);
  store.setState({
    scenario: {
      ...store.getState().scenario,
      presetId: 'frontier-training',
      profileId: 'sg-neocloud',
      asOf: '2025-06-01',
    },
  });
  render(
    <ServicesProvider client={client} store={store}>
      <WhatIfCompare />
      <ScenariosPanel onClose={() => undefined} />
    </ServicesProvider>,
  );
  return { store, backend };
}

const count = async (backend: ReturnType<typeof inMemoryTransport>['backend']): Promise<number> => {
  const r = await backend.dispatch('scenarios.list', {});
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as unknown[]).length;
};

describe('What-if scenarios', () => {
  it('makes a scenario from the Malaysia template and shows both rankings with the Johor site flipped', async () => {
    const { store, backend } = await setup();
    fireEvent.change(screen.getByRole('textbox', { name: 'New scenario' }), {
      target: { value: 'US squeezes Malaysia' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('region', { name: 'Events of US squeezes Malaysia' });
    expect(store.getState().whatIfScenarioId).toBe('us-squeezes-malaysia');
    fireEvent.click(screen.getByRole('button', { name: 'US adds a licence requirement for Malaysia' }));
    const form = screen.getByRole('form', { name: 'New hypothetical event' });
    const add = within(form).getByRole('button', { name: 'Add event' });
    await waitFor(() => expect((add as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(add);
    await screen.findByText('(1 event)');

    // Both rankings, the Johor site allowed → licence required and out of the what-if ranking.
    const whatIf = await screen.findByRole('table', { name: 'With “US squeezes Malaysia”' });
    const row = await waitFor(() => {
      const r = whatIf.querySelector('tr[data-site="my-sedenak"]');
      if (!r?.textContent?.includes('licence required')) throw new Error('not compared yet');
      return r;
    });
    expect(row.className).toBe('changed');
    expect(row.textContent).toContain('allowed → licence required');
    expect(row.textContent).toContain('out · allowed → licence required');
    const real = screen.getByRole('table', { name: 'Real timeline' }).querySelector('tr[data-site="my-sedenak"]');
    expect(real?.textContent).toContain('allowed');
    expect(real?.className).toBe('changed');
    const comparison = store.getState().whatIfComparison;
    expect(comparison?.sites.find((s) => s.siteId === 'my-sedenak')?.whatIf.status).toBe('licence_required');
    expect(screen.getByRole('region', { name: 'Real and what-if rankings' }).textContent).toMatch(
      new RegExp(`${comparison?.changedCount} sites? changed`),
    );
    // Exactly the changed sites are highlighted; one that moves up says by how much.
    for (const site of comparison?.sites ?? []) {
      const tr = whatIf.querySelector(`tr[data-site="${site.siteId}"]`);
      expect(tr?.className, site.siteId).toBe(site.changed.any ? 'changed' : '');
      if (site.real.rank !== null && site.whatIf.rank !== null && site.whatIf.rank < site.real.rank) {
        expect(tr?.textContent).toContain(`▲${site.real.rank - site.whatIf.rank}`);
      }
    }
    expect(comparison?.sites.some((s) => !s.changed.any)).toBe(true);
    // The real timeline itself is untouched.
    const policies = await backend.dispatch('policies.list', {});
    expect(JSON.stringify(policies)).not.toContain('us-my-licence');

    // A report made now is made under the scenario.
    const request = reportRequest(store.getState().scenario, [], {
      title: 'x',
      author: '',
      format: 'csv',
      sensitivity: null,
      scenarioId: store.getState().whatIfScenarioId,
    });
    expect(request.scenarioId).toBe('us-squeezes-malaysia');
  });

  it('checks each field as typed: an end date before the effective date is named and nothing is written', async () => {
    const { backend } = await setup();
    fireEvent.change(screen.getByRole('textbox', { name: 'New scenario' }), { target: { value: 'Dates' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('region', { name: 'Events of Dates' });
    fireEvent.click(screen.getByRole('button', { name: 'China extends the Nvidia ban to all private companies' }));
    const form = screen.getByRole('form', { name: 'New hypothetical event' });
    fireEvent.change(within(form).getByLabelText(/^End date/), { target: { value: '2025-01-01' } });
    const error = await within(form).findByText(/end date/i, { selector: '.field-error' });
    expect(
      within(form)
        .getByLabelText(/^End date/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(error.textContent).toMatch(/before|after/);
    expect((within(form).getByRole('button', { name: 'Add event' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText(/^Destinations/), { target: { value: 'ZZ' } });
    await within(form).findByText(/ZZ/, { selector: '.field-error' });
    const got = await backend.dispatch('scenarios.get', { id: 'dates' });
    expect(got.ok && (got.value as { events: unknown[] }).events).toEqual([]);
  });

  it('refuses a bad file with every problem listed, and creates nothing', async () => {
    const { backend } = await setup();
    const before = await count(backend);
    const bad = JSON.stringify({
      format: 'landfall.scenario',
      version: 1,
      scenario: { name: 'Broken', description: '' },
      events: [{ id: 'x', issuer: 'US', title: 'T', effectiveDate: '2025-02-01', endDate: '2025-01-01' }],
    });
    const input = screen.getByLabelText('Scenario file to import');
    fireEvent.change(input, { target: { files: [new File([bad], 'broken.json', { type: 'application/json' })] } });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('list', { name: 'Problems' }).textContent).toContain('events.0');
    expect(alert.textContent).toContain('Nothing was changed.');
    expect(await count(backend)).toBe(before);
  });

  it('exports a scenario as its file, imports it back as a new one, and deletes one', async () => {
    const { backend } = await setup();
    const saved: { name: string; blob: Blob }[] = [];
    let last: Blob | null = null;
    // jsdom has no object URLs and does not follow links: record what would be saved instead.
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: (b: Blob) => ((last = b), 'blob:x'), revokeObjectURL: () => undefined }),
    );
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      if (last !== null) saved.push({ name: this.download, blob: last });
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'New scenario' }), { target: { value: 'Round trip' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('region', { name: 'Events of Round trip' });
    fireEvent.click(screen.getByRole('button', { name: 'Export Round trip' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const exported = await backend.dispatch('scenarios.export', { id: 'round-trip' });
    if (!exported.ok) throw new Error(exported.error.message);
    const file = exported.value as { filename: string; content: string };
    expect(saved[0]?.name).toBe(file.filename);
    const content = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(saved[0]?.blob as Blob);
    });
    expect(JSON.parse(content)).toMatchObject({ format: 'landfall.scenario', scenario: { name: 'Round trip' } });

    const before = await count(backend);
    fireEvent.change(screen.getByLabelText('Scenario file to import'), {
      target: { files: [new File([content], file.filename, { type: 'application/json' })] },
    });
    await waitFor(async () => expect(await count(backend)).toBe(before + 1));
    await screen.findByRole('button', { name: 'Delete Round trip (2)' });
    fireEvent.click(screen.getByRole('button', { name: 'Delete Round trip (2)' }));
    await waitFor(async () => expect(await count(backend)).toBe(before));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete Round trip (2)' })).toBeNull());
  });
});

// @vitest-environment jsdom
// The Export report dialog against the real backend (in memory): it sends the scenario on screen,
// downloads what report.render returns, says what went wrong, and behaves as a modal dialog.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { ExportReportButton, reportRequest } from '../../renderer/src/report/ReportDialog';
import { ServicesProvider } from '../../renderer/src/context';
import { createAppStore, DEFAULT_COVERAGE_CHOICE, DEFAULT_LEGALITY_CHOICE } from '../../renderer/src/store';
import { parseCsv } from '../../shared/csv-parse';
import { inMemoryTransport } from './fake-backend';

let downloads: { name: string; blob: Blob }[];

beforeEach(() => {
  downloads = [];
  let last: Blob | null = null;
  // jsdom has no object URLs and does not follow links: record what would be saved instead.
  vi.stubGlobal(
    'URL',
    Object.assign(URL, { createObjectURL: (b: Blob) => ((last = b), 'blob:report'), revokeObjectURL: () => undefined }),
  );
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (last !== null) downloads.push({ name: this.download, blob: last });
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function setup(refuse: string | null = null): Promise<{
  inputs: { name: string; input: unknown }[];
  store: ReturnType<typeof createAppStore>;
  backend: ReturnType<typeof inMemoryTransport>['backend'];
}> {
  const { transport, backend } = inMemoryTransport();
  const inputs: { name: string; input: unknown }[] = [];
  const recording: Transport = {
    ...transport,
    call: (name, input) => {
      inputs.push({ name, input });
      if (name === 'report.render' && refuse !== null) {
        return Promise.resolve({ ok: false, error: { code: 'not_found', message: refuse, issues: [] } });
      }
      return transport.call(name, input);
    },
  };
  const client = createClient(recording);
  const store = createAppStore();
  await store.getState().load(client);
  render(
    <ServicesProvider client={client} store={store}>
      <ExportReportButton />
    </ServicesProvider>,
  );
  return { inputs, store, backend };
}

/** jsdom's Blob has no text(); its FileReader reads one. */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe('Export report dialog', () => {
  it('renders the scenario on screen, overrides and pinned sites included, and downloads the file', async () => {
    const { inputs, store, backend } = await setup();
    store.setState({
      scenario: {
        ...store.getState().scenario,
        presetId: 'cost-first',
        asOf: '2025-09-01',
        weights: { power_price_usc_kwh: 0.6 },
      },
      compare: ['sg-tuas', 'my-kulai'],
    });
    const open = screen.getByRole('button', { name: 'Export report…' });
    fireEvent.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Export report' });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Title' }));
    expect(dialog.textContent).toContain('Cost first');
    expect(dialog.textContent).toContain('1 weight override(s)');
    expect(dialog.textContent).toContain('comparing Nxera DC Tuas, YTL Green Data Centre Park (Kulai)');
    fireEvent.change(screen.getByRole('textbox', { name: 'Author' }), { target: { value: 'Planning team' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'csv' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /Include stability intervals/ }));
    expect((screen.getByRole('spinbutton', { name: 'Samples' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Saved .*\.csv\.$/));

    const sent = inputs.find((c) => c.name === 'report.render')?.input;
    const { profileId } = store.getState().scenario;
    expect(sent).toEqual({
      presetId: 'cost-first',
      profileId,
      asOf: '2025-09-01',
      weights: { power_price_usc_kwh: 0.6 },
      ...DEFAULT_LEGALITY_CHOICE,
      ...DEFAULT_COVERAGE_CHOICE,
      sites: ['sg-tuas', 'my-kulai'],
      title: 'Siting report: Cost first',
      author: 'Planning team',
      sensitivity: null,
      format: 'csv',
      runId: expect.any(String) as unknown,
    });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.name).toBe('siting-report-cost-first-2025-09-01.csv');
    expect(downloads[0]?.blob.type).toBe('text/csv;charset=utf-8');
    // The file's scores are the engine's for the same overrides.
    const rows = parseCsv(await blobText(downloads[0]?.blob as Blob))
      .records.map((r) => r.fields)
      .filter((f) => f.length > 1);
    const score = await backend.dispatch('score.run', {
      presetId: 'cost-first',
      profileId,
      asOf: '2025-09-01',
      weights: { power_price_usc_kwh: 0.6 },
    });
    if (!score.ok) throw new Error('score.run failed');
    const results = (score.value as { results: { siteId: string; score: number | null }[] }).results;
    for (const row of rows.slice(1)) {
      const engine = results.find((r) => r.siteId === row[1]);
      expect(row[5] === '' ? null : Number(row[5])).toBe(engine?.score);
    }
  });

  it('shows what the backend refused (here: no Chromium to print with), and keeps the dialog open', async () => {
    await setup('PDF needs Chromium or Google Chrome, and none was found.');
    fireEvent.click(screen.getByRole('button', { name: 'Export report…' }));
    expect((screen.getByRole('combobox', { name: 'Format' }) as HTMLSelectElement).value).toBe('pdf');
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('PDF needs Chromium or Google Chrome, and none was found.');
    expect(downloads).toEqual([]);
    expect(screen.getByRole('dialog', { name: 'Export report' })).toBeTruthy();
  });

  it('shows the sensitivity progress, and Stop cancels the build: no file, and says so', async () => {
    const { inputs } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Export report…' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'md' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Samples' }), { target: { value: '100000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/sensitivity: [\d,]+ of 100,000 samples$/),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Stopped: no report was made.'));
    expect(downloads).toEqual([]);
    expect(screen.queryByRole('alert')).toBeNull();
    const render = inputs.find((c) => c.name === 'report.render')?.input as { runId: string };
    expect(inputs.filter((c) => c.name === 'report.cancel').map((c) => c.input)).toEqual([{ runId: render.runId }]);
    // The dialog can be closed again once the build has stopped.
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  it('does not send a sample count the form does not allow', async () => {
    const { inputs } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Export report…' }));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Samples' }), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(inputs.some((c) => c.name === 'report.render')).toBe(false);
    expect((screen.getByRole('spinbutton', { name: 'Samples' }) as HTMLInputElement).validity.rangeUnderflow).toBe(
      true,
    );
  });

  it('closes on Escape and on Cancel, giving focus back to the button, and keeps Tab inside', async () => {
    await setup();
    const open = screen.getByRole('button', { name: 'Export report…' });
    fireEvent.click(open);
    const dialog = screen.getByRole('dialog');
    const exportButton = screen.getByRole('button', { name: 'Export' });
    exportButton.focus();
    fireEvent.keyDown(exportButton, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Title' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(open);
    fireEvent.click(open);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('reportRequest', () => {
  it('leaves out what the scenario does not override, and a single pinned site', () => {
    const scenario = {
      presetId: 'p',
      profileId: null,
      asOf: '2025-01-01',
      method: null,
      normalisation: null,
      weights: null,
      constraints: [],
      ...DEFAULT_LEGALITY_CHOICE,
      ...DEFAULT_COVERAGE_CHOICE,
    };
    expect(
      reportRequest(scenario, ['only-one'], {
        title: ' ',
        author: '',
        format: 'html',
        sensitivity: { samples: 500, seed: 2 },
      }),
    ).toEqual({
      presetId: 'p',
      asOf: '2025-01-01',
      constraints: [],
      // The legality question is always said, so the report answers the one on screen.
      workload: 'training',
      legalityMode: 'best',
      confidenceFloor: 'reported',
      // So are the coverage settings, so the report marks the same sites as thin data.
      minCoverage: 0.5,
      thinData: 'mark',
      format: 'html',
      sensitivity: { samples: 500, seed: 2 },
    });
  });
});

// @vitest-environment jsdom
// The presets manager's files against the real backend (in memory): import previews per preset and
// commits only on "Import"; a bad file lists every problem by path and changes nothing; export
// downloads a presets document of the chosen presets (or all) that the backend reads back.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PresetsDocument } from '../../shared/model/preset-file';
import { callsNamed, panel, setup, type Harness } from './presets-panel-harness';

let downloads: { name: string; blob: Blob }[];

beforeEach(() => {
  downloads = [];
  let last: Blob | null = null;
  // jsdom has no object URLs and does not follow links: record what would be saved instead.
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: (b: Blob) => ((last = b), 'blob:presets'),
      revokeObjectURL: () => undefined,
    }),
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

function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

async function openTransfer(): Promise<Harness> {
  const h = await setup();
  fireEvent.click(screen.getByRole('button', { name: 'Import / export' }));
  return h;
}

function chooseFile(text: string, name = 'presets.json'): void {
  const input = screen.getByLabelText(/Presets file/);
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
}

const storedIds = async (h: Harness): Promise<string[]> => (await h.client.call('presets.list', {})).map((p) => p.id);

describe('Presets panel: import', () => {
  it('previews each preset’s outcome, writes nothing until Import, then adds them', async () => {
    const h = await openTransfer();
    const before = await storedIds(h);
    const exported = await h.client.call('presets.export', { ids: ['cost-first'] });
    const [cost] = exported.presets;
    if (cost === undefined) throw new Error('no cost-first');
    const file = {
      ...exported,
      presets: [
        cost,
        { ...cost, id: 'board-march', name: 'Board, March', builtin: false, weights: { power_price_usc_kwh: 2 } },
      ],
    };
    chooseFile(JSON.stringify(file), 'board.json');
    const outcomes = await screen.findByRole('list', { name: 'What the import would do' });
    const items = within(outcomes)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(['Unchanged Cost first', 'Added Board, March']);
    expect(screen.getByText(/board\.json: 2 presets — 1 added, 0 changed, 0 renamed, 1 unchanged/)).toBeTruthy();
    expect(callsNamed(h, 'presets.import')).toEqual([{ document: JSON.stringify(file), mode: 'preview' }]);
    expect(await storedIds(h)).toEqual(before);

    fireEvent.click(screen.getByRole('button', { name: 'Import 1 preset' }));
    expect(await screen.findByText('Imported board.json: 1 added, 0 changed, 0 renamed.')).toBeTruthy();
    expect((callsNamed(h, 'presets.import').at(-1) as { mode: string }).mode).toBe('commit');
    expect(await storedIds(h)).toEqual([...before, 'board-march']);
    expect(h.store.getState().choices.presets.map((p) => p.id)).toContain('board-march');
    expect(screen.queryByRole('list', { name: 'What the import would do' })).toBeNull();
  });

  it('lists every problem of a bad file by path and changes nothing', async () => {
    const h = await openTransfer();
    const before = await h.client.call('presets.list', {});
    const bad = {
      format: 'landfall-presets',
      version: 1,
      presets: [
        { id: 'ok-one', name: 'Ok', method: 'wsm', weights: { power_price_usc_kwh: 1 } },
        { id: 'bad-one', name: 'Bad', method: 'wsm', weights: { power_price_usc_kwh: -1, sunshine_hours: 1 } },
      ],
    };
    chooseFile(JSON.stringify(bad));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('nothing was changed');
    const problems = within(alert)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.some((p) => p.startsWith('presets[1].weights.power_price_usc_kwh'))).toBe(true);
    expect(problems.some((p) => p.includes('sunshine_hours'))).toBe(true);
    expect(alert.textContent).toContain('Fix the file');
    expect(screen.queryByRole('button', { name: /^Import \d/ })).toBeNull();
    expect(await h.client.call('presets.list', {})).toEqual(before);
  });

  it('names a file that is not JSON at all', async () => {
    const h = await openTransfer();
    const before = await storedIds(h);
    chooseFile('{"format": "landfall-presets", oops');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/JSON/);
    expect(await storedIds(h)).toEqual(before);
  });
});

describe('Presets panel: export', () => {
  it('downloads the chosen presets as a presets document', async () => {
    const h = await openTransfer();
    const exportBox = within(panel()).getByRole('group', { name: 'Presets to export' });
    fireEvent.click(within(exportBox).getByRole('checkbox', { name: /Cost first/ }));
    fireEvent.click(within(exportBox).getByRole('checkbox', { name: /Frontier training/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Export selected (2)' }));
    await screen.findByText(/Exported 2 presets to landfall-presets-/);
    expect(callsNamed(h, 'presets.export')).toEqual([{ ids: ['cost-first', 'frontier-training'] }]);
    expect(downloads).toHaveLength(1);
    const saved = PresetsDocument.parse(JSON.parse(await blobText(downloads[0]?.blob ?? new Blob())));
    expect(saved.presets.map((p) => p.id)).toEqual(['cost-first', 'frontier-training']);
    expect(downloads[0]?.name).toMatch(/^landfall-presets-\d{4}-\d{2}-\d{2}\.json$/);
  });

  it('exports every preset with Export all, and the file imports back unchanged', async () => {
    const h = await openTransfer();
    const count = (await storedIds(h)).length;
    fireEvent.click(screen.getByRole('button', { name: `Export all (${count})` }));
    const said = await screen.findByText(new RegExp(`^Exported ${count} presets to `));
    expect(said.textContent).toBe(`Exported ${count} presets to ${downloads[0]?.name ?? '?'}.`);
    expect(callsNamed(h, 'presets.export')).toEqual([{}]);
    const text = await blobText(downloads[0]?.blob ?? new Blob());
    const back = await h.client.call('presets.import', { document: text, mode: 'preview' });
    expect(back.counts).toEqual({ added: 0, changed: 0, unchanged: count, renamed: 0 });
  });
});

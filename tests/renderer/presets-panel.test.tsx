// @vitest-environment jsdom
// The presets manager against the real backend (in memory): what it lists, the calls each action
// makes, delete with undo (and the workspace's fallback when the active preset goes), the compare
// table from presets.diff, and keyboard behaviour (Escape closes, focus returns to the opener).
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { pointsText } from '../../renderer/src/presets/presets-compare';
import { callsNamed, panel, setup } from './presets-panel-harness';

afterEach(cleanup);

const ownList = (): HTMLElement | null => within(panel()).queryByRole('list', { name: 'Your presets' });
const ownNames = (): string[] =>
  within(ownList() ?? document.createElement('ul'))
    .queryAllByRole('listitem')
    .map((li) => li.querySelector('.preset-name')?.textContent ?? '');

describe('Presets panel: the list', () => {
  it('lists the built-ins read-only and says what to do when there are no user presets', async () => {
    const h = await setup();
    const builtins = within(panel()).getByRole('list', { name: 'Built-in' });
    const rows = within(builtins).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.preset-name')?.textContent)).toEqual(
      h.store
        .getState()
        .choices.presets.filter((p) => p.builtin)
        .map((p) => p.name),
    );
    expect(rows).toHaveLength(4);
    const active = h.store.getState().scenario.presetId;
    for (const row of rows) {
      expect(within(row).getByText('Built-in')).toBeTruthy();
      const inUse =
        row.querySelector('.preset-name')?.textContent ===
        h.store.getState().choices.presets.find((p) => p.id === active)?.name;
      expect(
        within(row)
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual([inUse ? 'In use' : 'Use', 'Duplicate']);
    }
    expect(ownList()).toBeNull();
    expect(within(panel()).getByText(/Save the current weights as a preset from the Weights drawer/)).toBeTruthy();
  });

  it('duplicates a built-in, opens the copy for renaming and renames it with presets.update', async () => {
    const h = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate “Cost first”' }));
    const name = await screen.findByRole('textbox', { name: 'Name' });
    expect(callsNamed(h, 'presets.duplicate')).toEqual([{ id: 'cost-first' }]);
    expect((name as HTMLInputElement).value).toBe('Cost first (copy)');
    expect(document.activeElement).toBe(name);
    fireEvent.change(name, { target: { value: 'Our costs' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Description' }), { target: { value: 'Board, March' } });
    fireEvent.submit(name.closest('form') as HTMLFormElement);
    expect(await screen.findByText('Renamed to “Our costs”.')).toBeTruthy();
    expect(ownNames()).toEqual(['Our costs']);
    expect(callsNamed(h, 'presets.update')).toEqual([
      { id: 'cost-first-copy', name: 'Our costs', description: 'Board, March' },
    ]);
    expect(within(ownList() as HTMLElement).getByText('Board, March')).toBeTruthy();
    // The workspace's preset select sees the new name too.
    expect(h.store.getState().choices.presets.find((p) => p.id === 'cost-first-copy')?.name).toBe('Our costs');
  });

  it('refuses a name another preset has, in place, without calling the backend', async () => {
    const h = await setup();
    await h.client.call('presets.duplicate', { id: 'cost-first', name: 'Mine' });
    await act(() => h.store.getState().reloadPresets(h.client, 'cost-first'));
    fireEvent.click(screen.getByRole('button', { name: 'Rename “Mine”' }));
    const name = screen.getByRole('textbox', { name: 'Name' });
    fireEvent.change(name, { target: { value: 'cost FIRST' } });
    fireEvent.submit(name.closest('form') as HTMLFormElement);
    expect((await screen.findByRole('alert')).textContent).toContain('There is already a preset called “Cost first”.');
    expect(callsNamed(h, 'presets.update')).toEqual([]);
    // Escape cancels the edit, not the panel.
    fireEvent.keyDown(name, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: 'Name' })).toBeNull();
    expect(panel()).toBeTruthy();
  });

  it('shows a refusal from the backend on the row with what to do', async () => {
    const h = await setup();
    await h.client.call('presets.duplicate', { id: 'cost-first', name: 'Gone soon' });
    await act(() => h.store.getState().reloadPresets(h.client, 'cost-first'));
    // Deleted behind the panel's back (another window, the CLI).
    await h.client.call('presets.delete', { id: 'gone-soon' });
    fireEvent.click(screen.getByRole('button', { name: 'Rename “Gone soon”' }));
    const name = screen.getByRole('textbox', { name: 'Name' });
    fireEvent.change(name, { target: { value: 'Still here?' } });
    fireEvent.submit(name.closest('form') as HTMLFormElement);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/gone-soon/);
    expect(alert.textContent).toContain('It may have been deleted elsewhere');
  });
});

describe('Presets panel: delete and undo', () => {
  it('deletes the active preset, falls back to the first, and Undo (focused) brings it back in use', async () => {
    const h = await setup();
    const made = await h.client.call('presets.create', {
      name: 'Power only',
      method: 'wsm',
      weights: { power_price_usc_kwh: 1 },
    });
    await act(() => h.store.getState().reloadPresets(h.client, made.id));
    expect(within(ownList() as HTMLElement).getByText('In use', { selector: '.preset-badge' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete “Power only”' }));
    const undo = await screen.findByRole('button', { name: 'Undo' });
    const firstName = h.store.getState().choices.presets[0]?.name ?? '?';
    expect(screen.getByText(`Deleted “Power only”; the workspace now uses “${firstName}”.`)).toBeTruthy();
    expect(document.activeElement).toBe(undo);
    expect(callsNamed(h, 'presets.delete')).toEqual([{ id: 'power-only' }]);
    const first = (await h.client.call('presets.list', {}))[0]?.id;
    expect(first).toBeDefined();
    expect(h.store.getState().scenario.presetId).toBe(first);
    expect(h.store.getState().choices.presets.some((p) => p.id === 'power-only')).toBe(false);
    expect(ownList()).toBeNull();

    fireEvent.click(undo);
    expect(await screen.findByText('Restored “Power only”.')).toBeTruthy();
    expect(ownNames()).toEqual(['Power only']);
    const token = (h.inputs.find((c) => c.name === 'presets.undoDelete')?.input as { undoToken: string }).undoToken;
    expect(token).toMatch(/.+/);
    expect(h.store.getState().scenario.presetId).toBe('power-only');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    const back = await h.client.call('presets.list', {});
    expect(back.find((p) => p.id === 'power-only')?.weights).toEqual({ power_price_usc_kwh: 1 });
  });

  it('keeps the workspace on its preset when another one is deleted', async () => {
    const h = await setup();
    await h.client.call('presets.duplicate', { id: 'cost-first', name: 'Spare' });
    await act(() => h.store.getState().reloadPresets(h.client, 'cost-first'));
    fireEvent.click(screen.getByRole('button', { name: 'Delete “Spare”' }));
    await screen.findByRole('button', { name: 'Undo' });
    expect(screen.queryByText(/the workspace now uses/)).toBeNull();
    expect(h.store.getState().scenario.presetId).toBe('cost-first');
  });
});

describe('Presets panel: compare', () => {
  it('shows each criterion’s share in both presets, the difference and the method difference', async () => {
    const h = await setup();
    await h.client.call('presets.create', {
      name: 'Half power',
      method: 'topsis',
      weights: { power_price_usc_kwh: 1, build_cost_usd_w: 1 },
      basedOn: 'cost-first',
    });
    await act(() => h.store.getState().reloadPresets(h.client, 'cost-first'));
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Preset B' }), { target: { value: 'half-power' } });
    const table = await screen.findByRole('table', { name: /Weights, as a share/ });
    expect(callsNamed(h, 'presets.diff').at(-1)).toEqual({ a: 'cost-first', b: 'half-power' });
    const row = (id: string): string[] =>
      [...(table.querySelector(`tr[data-criterion="${id}"]`)?.querySelectorAll('th, td') ?? [])].map(
        (c) => c.textContent ?? '',
      );
    // Cost first: 0.35 of 1.0 on power; Half power: 1 of 2.
    expect(row('power_price_usc_kwh').slice(0, 4)).toEqual(['Power price', '35.0 %', '50.0 %', '+15.0 pts']);
    expect(row('land_cost_usd_m2').slice(1, 4)).toEqual(['15.0 %', '0.0 %', '−15.0 pts']);
    const scoring = screen.getByRole('table', { name: 'Method, normalisation and constraints' });
    expect(within(scoring).getByRole('row', { name: /Method/ }).textContent).toContain('TOPSIS');
    expect(within(scoring).getByRole('row', { name: /Normalisation/ }).textContent).toContain('same');
    expect(screen.getByText(/Weights differ for 5 criteria; the method differs/)).toBeTruthy();
  });

  it('says when two presets score alike, and writes percentage points with a sign', async () => {
    const h = await setup();
    await h.client.call('presets.duplicate', { id: 'cost-first', name: 'Twin' });
    await act(() => h.store.getState().reloadPresets(h.client, 'twin'));
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Preset B' }), { target: { value: 'cost-first' } });
    expect(await screen.findByText('These two presets score every site alike.')).toBeTruthy();
    // Choosing B's preset for A swaps the two rather than comparing a preset with itself.
    fireEvent.change(screen.getByRole('combobox', { name: 'Preset A' }), { target: { value: 'cost-first' } });
    expect((screen.getByRole('combobox', { name: 'Preset B' }) as HTMLSelectElement).value).toBe('twin');
    await waitFor(() => expect(callsNamed(h, 'presets.diff').at(-1)).toEqual({ a: 'cost-first', b: 'twin' }));
    expect(pointsText(0.1234)).toBe('+12.3 pts');
    expect(pointsText(-0.02)).toBe('−2.0 pts');
    expect(pointsText(0.0001)).toBe('—');
  });
});

describe('Presets panel: keyboard', () => {
  it('takes focus, closes on Escape and gives focus back to the opener', async () => {
    await setup();
    const opener = screen.getByRole('button', { name: 'Presets…' });
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Weight presets' }));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Duplicate “Cost first”' }), { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Weight presets' })).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});

// @vitest-environment jsdom
// The data workbench against the real backend (in memory): typing in a cell writes through
// data.validate and data.apply, a bad cell shows what to fix and writes nothing (content hash), a
// changed number asks for its source and method, a pasted block is one history batch, Ctrl+Z in the
// grid undoes the store's edit (not the scenario's), and the grid's ARIA and keyboard behave.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_COVERAGE_CHOICE, DEFAULT_LEGALITY_CHOICE } from '../../renderer/src/store';
import { cell, setupWorkbench as setup, typeInto } from './workbench-harness';

afterEach(cleanup);

describe('data workbench grid', () => {
  it('has grid semantics: row count, column indexes, the active cell as active descendant', async () => {
    const { grid, backend } = await setup('sites', { key: 'sg-tuas', field: 'lat' });
    const sites = (await backend.dispatch('sites.list', {})) as { ok: true; value: unknown[] };
    expect(grid.getAttribute('aria-rowcount')).toBe(String(sites.value.length + 2));
    const active = document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
    expect(active?.getAttribute('data-column')).toBe('lat');
    expect(active?.closest('[role=row]')?.getAttribute('data-key')).toBe('sg-tuas');
    expect(active?.getAttribute('aria-selected')).toBe('true');
    expect(active?.getAttribute('aria-colindex')).toBe('4');
    expect(document.activeElement).toBe(grid);
    fireEvent.keyDown(grid, { key: 'ArrowRight', shiftKey: true });
    fireEvent.keyDown(grid, { key: 'ArrowDown', shiftKey: true });
    expect(grid.querySelectorAll('[role=gridcell][aria-selected=true]')).toHaveLength(4);
  });

  it('sorts by a header click, filters per column, resizes a column from the keyboard, copies a range as TSV', async () => {
    const { grid } = await setup('sites');
    const lats = (): number[] =>
      [...grid.querySelectorAll('[role=row][data-key] [data-column="lat"]')].map((c) => Number(c.textContent));
    fireEvent.click(within(grid).getByRole('button', { name: 'Latitude' }));
    expect(lats()).toEqual([...lats()].sort((a, b) => a - b));
    expect(within(grid).getAllByRole('columnheader')[3]?.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(grid).getByRole('button', { name: /Latitude/ }));
    expect(lats()).toEqual([...lats()].sort((a, b) => b - a));
    fireEvent.change(within(grid).getByRole('searchbox', { name: 'Filter Latitude' }), { target: { value: '<0' } });
    expect(lats().length).toBeGreaterThan(0);
    expect(lats().every((v) => v < 0)).toBe(true);
    expect(Number(grid.getAttribute('aria-rowcount')) - 2).toBe(lats().length);
    const handle = within(grid).getByRole('separator', { name: 'Resize Latitude' });
    const width = Number(handle.getAttribute('aria-valuenow'));
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    expect(Number(handle.getAttribute('aria-valuenow'))).toBe(width + 20);
    fireEvent.mouseDown(grid.querySelector('[role=row][data-key] [data-column="lat"]') as HTMLElement);
    fireEvent.keyDown(grid, { key: 'ArrowRight', shiftKey: true });
    let copied = '';
    fireEvent.copy(grid, { clipboardData: { setData: (_: string, text: string) => (copied = text) } });
    const first = grid.querySelector('[role=row][data-key]');
    const expected = ['lat', 'lon'].map((c) => first?.querySelector(`[data-column="${c}"]`)?.textContent).join('\t');
    expect(copied).toBe(expected);
  });

  it('refuses latitude 123 at the cell, says what to fix, and writes nothing', async () => {
    // The grid renders a window of its 75 rows: opening it at Tuas brings that row into view.
    const { grid, hash } = await setup('sites', { key: 'sg-tuas', field: 'lat' });
    const before = hash();
    await typeInto(grid, 'sg-tuas', 'lat', '123');
    await waitFor(() => expect(cell(grid, 'sg-tuas', 'lat').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('status').textContent).toMatch(/latitude 123 is outside -90 to 90/);
    expect(hash()).toBe(before);
    // Escape drops the edit and the outline.
    fireEvent.keyDown(within(grid).getByRole('textbox'), { key: 'Escape' });
    expect(cell(grid, 'sg-tuas', 'lat').getAttribute('aria-invalid')).toBeNull();
    expect(hash()).toBe(before);
  });

  it('writes a valid edit and Ctrl+Z in the grid undoes it, leaving the scenario history alone', async () => {
    const { grid, hash, store } = await setup('sites', { key: 'sg-tuas', field: 'name' });
    const before = hash();
    await typeInto(grid, 'sg-tuas', 'name', 'Tuas West');
    await waitFor(() => expect(cell(grid, 'sg-tuas', 'name').textContent).toBe('Tuas West'));
    expect(hash()).not.toBe(before);
    store.setState({
      history: {
        past: [
          {
            method: 'topsis',
            normalisation: null,
            weights: null,
            constraints: null,
            ...DEFAULT_LEGALITY_CHOICE,
            ...DEFAULT_COVERAGE_CHOICE,
          },
        ],
        future: [],
      },
    });
    fireEvent.keyDown(grid, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(hash()).toBe(before));
    await waitFor(() => expect(cell(grid, 'sg-tuas', 'name').textContent).not.toBe('Tuas West'));
    expect(store.getState().history.past).toHaveLength(1);
  });

  it('asks for the source and method of a changed number and saves them with the value', async () => {
    const { grid, client } = await setup('metric_values');
    const key = grid.querySelector('[role=row][data-key^="power_price_usc_kwh@"]')?.getAttribute('data-key');
    if (!key) throw new Error('no power price fact');
    await typeInto(grid, key, 'value', '7.25');
    const dialog = await screen.findByRole('dialog', { name: /Where does the new value come from/ });
    fireEvent.change(within(dialog).getByLabelText(/Source title/), { target: { value: 'Utility quote' } });
    fireEvent.change(within(dialog).getByLabelText(/Source URL/), { target: { value: 'not a url' } });
    fireEvent.change(within(dialog).getByLabelText(/As of/), { target: { value: '2026-03-01' } });
    // Derived, but without its formula.
    fireEvent.change(within(dialog).getByLabelText(/Method/), { target: { value: 'derived' } });
    fireEvent.change(within(dialog).getByLabelText(/Derivation/), { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save with this source' }));
    expect(within(dialog).getByText(/full URL/)).toBeTruthy();
    expect(
      within(dialog).getByText('Required for derived: give the formula and its inputs with their values and sources.'),
    ).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/Source URL/), { target: { value: 'https://example.org/q' } });
    fireEvent.change(within(dialog).getByLabelText(/Derivation/), {
      target: { value: '29 sen/kWh × 0.25 USD/MYR = 7.25 US¢/kWh' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save with this source' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [criterionId, owner] = key.split('@') as [string, string];
    const [kind, id] = owner.split(':') as [string, string];
    const facts = await client.call(
      'metrics.list',
      kind === 'site' ? { siteId: id, criterionId } : { marketId: id, criterionId },
    );
    const fact = facts.find((f) => f.criterionId === criterionId);
    expect(fact).toMatchObject({
      kind: 'known',
      value: 7.25,
      method: 'derived',
      derivation: '29 sen/kWh × 0.25 USD/MYR = 7.25 US¢/kWh',
      source: { title: 'Utility quote', url: 'https://example.org/q' },
    });
    // The grid shows it in its own columns.
    await waitFor(() => expect(cell(grid, key, 'method').textContent).toBe('derived'));
    expect(cell(grid, key, 'derivation').textContent).toBe('29 sen/kWh × 0.25 USD/MYR = 7.25 US¢/kWh');
  });

  it('pastes a TSV block as one batch, and refuses a block with a bad cell entirely', async () => {
    const { grid, hash, client } = await setup('sites');
    const rows = [...grid.querySelectorAll('[role=row][data-key]')]
      .slice(0, 2)
      .map((r) => r.getAttribute('data-key') ?? '');
    fireEvent.mouseDown(cell(grid, rows[0] as string, 'lat'));
    const before = hash();
    const paste = (text: string): void => {
      fireEvent.paste(grid, { clipboardData: { getData: () => text } });
    };
    paste('10\t20\n91\t30\n');
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Nothing was written: 1 pasted cell/));
    expect(cell(grid, rows[1] as string, 'lat').getAttribute('aria-invalid')).toBe('true');
    expect(hash()).toBe(before);
    const batches = (await client.call('history.list', {})).entries.length;
    paste('10\t20\n11\t30\n');
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Pasted 4 cells/));
    expect((await client.call('history.list', {})).entries.length).toBe(batches + 1);
    const sites = await client.call('sites.list', {});
    expect(sites.find((s) => s.id === rows[1])).toMatchObject({ lat: 11, lon: 30 });
  });
});

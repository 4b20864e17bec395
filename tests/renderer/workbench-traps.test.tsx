// @vitest-environment jsdom
// Issue 15's small traps in the data workbench: a refused cell edit keeps the focus in its editor with
// the refusal announced and tied to it; Escape cancels the edit, not the workbench; closing (or going
// to another table) with an unsaved edit asks first. And a changed value needs a source decision: a
// new source or the planner's estimate with a note, never silently the old value's source.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PLANNERS_ESTIMATE } from '../../shared/model/fact-source-decision';
import { cell, setupWorkbench, typeInto } from './workbench-harness';

afterEach(cleanup);

const editorOf = (grid: HTMLElement): HTMLInputElement => within(grid).getByRole('textbox');

describe('the workbench focus path', () => {
  it('keeps the focus in a refused edit, announces why, and Escape cancels only the edit', async () => {
    const { grid, store, hash } = await setupWorkbench('sites', { key: 'sg-tuas', field: 'lat' });
    const before = hash();
    await typeInto(grid, 'sg-tuas', 'lat', '123');
    await waitFor(() => expect(cell(grid, 'sg-tuas', 'lat').getAttribute('aria-invalid')).toBe('true'));
    const editor = editorOf(grid);
    expect(document.activeElement).toBe(editor);
    expect(editor.readOnly).toBe(false);
    // The refusal is the editor's description, in a polite live region.
    const described = document.getElementById(editor.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toMatch(/latitude 123 is outside -90 to 90/);
    expect(described?.closest('[aria-live="polite"]')).not.toBeNull();
    expect(hash()).toBe(before);

    fireEvent.keyDown(editor, { key: 'Escape' });
    expect(within(grid).queryByRole('textbox')).toBeNull();
    expect(store.getState().panel).toBe('workbench');
    expect(document.activeElement).toBe(grid);
    // With nothing unsaved, Escape in the grid closes the workbench, asking nothing.
    fireEvent.keyDown(grid, { key: 'Escape' });
    expect(store.getState().panel).toBe('none');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks before closing over an unsaved edit: keep editing gives the editor back, discard closes', async () => {
    const { grid, store } = await setupWorkbench('sites', { key: 'sg-tuas', field: 'lat' });
    fireEvent.keyDown(grid, { key: 'F2' });
    fireEvent.change(editorOf(grid), { target: { value: '1.31' } });
    // The Close button (any door: the store's setPanel) asks instead of closing.
    fireEvent.click(screen.getByRole('button', { name: 'Close the data workbench' }));
    const ask = await screen.findByRole('dialog', { name: 'Discard the unsaved edit?' });
    expect(ask.textContent).toContain(
      'Latitude of sg-tuas: “1.31” is not saved. Closing the data workbench discards it.',
    );
    expect(store.getState().panel).toBe('workbench');
    fireEvent.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(editorOf(grid));
    expect(editorOf(grid).value).toBe('1.31');

    // Escape from outside the editor (here the History button) asks too; another table would as well.
    fireEvent.keyDown(screen.getByRole('button', { name: 'History' }), { key: 'Escape' });
    await screen.findByRole('dialog', { name: 'Discard the unsaved edit?' });
    fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Chips' }));
    const again = await screen.findByRole('dialog', { name: 'Discard the unsaved edit?' });
    expect(again.textContent).toContain('Opening Chips discards it.');
    expect(store.getState().workbench?.table).toBe('sites');
    fireEvent.click(within(again).getByRole('button', { name: 'Discard the edit' }));
    await waitFor(() => expect(store.getState().workbench?.table).toBe('chips'));
    expect(store.getState().workbenchUnsaved).toBeNull();
  });
});

describe('a changed value needs a source decision', () => {
  const key = 'power_price_usc_kwh@market:sg';

  it('offers a new source or the planner’s estimate (not the old source), and saves the estimate with its note', async () => {
    const { grid, client } = await setupWorkbench('metric_values', { key, field: 'value' });
    const [before] = await client.call('metrics.list', { criterionId: 'power_price_usc_kwh', marketId: 'sg' });
    if (before?.kind !== 'known') throw new Error('Singapore has no power price');
    await typeInto(grid, key, 'value', '5');
    const dialog = await screen.findByRole('dialog', { name: 'Where does the new value come from?' });
    const choices = within(dialog)
      .getAllByRole('radio')
      .map((r) => r.closest('label')?.textContent?.trim());
    expect(choices).toEqual(['From a new source', 'My own estimate (planner’s estimate)']);
    expect(within(dialog).queryByRole('button', { name: /Keep each/ })).toBeNull();
    expect(dialog.textContent).toContain(`Its source now: ${before.source.title}, as of ${before.source.asOf}.`);
    // The new source starts blank, and the old one typed back in is refused at the form.
    expect((within(dialog).getByLabelText(/Source title/) as HTMLInputElement).value).toBe('');
    fireEvent.change(within(dialog).getByLabelText(/Source title/), { target: { value: before.source.title } });
    fireEvent.change(within(dialog).getByLabelText(/Source URL/), { target: { value: before.source.url } });
    fireEvent.change(within(dialog).getByLabelText(/As of/), { target: { value: before.source.asOf } });
    fireEvent.change(within(dialog).getByLabelText(/Method/), { target: { value: 'official' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save with this source' }));
    expect(within(dialog).getByText(/This is the source of the old value/)).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('radio', { name: /My own estimate/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save as my estimate' }));
    expect(within(dialog).getByText(/Say why this number/)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/Why this number/), {
      target: { value: 'negotiated PPA offer, March 2026' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save as my estimate' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [after] = await client.call('metrics.list', { criterionId: 'power_price_usc_kwh', marketId: 'sg' });
    expect(after).toMatchObject({
      kind: 'known',
      value: 5,
      method: 'estimate',
      derivation: `${PLANNERS_ESTIMATE}: negotiated PPA offer, March 2026`,
      reference: null,
      source: before.source,
    });
    await waitFor(() => expect(cell(grid, key, 'method').textContent).toBe('estimate'));
  });

  it('keeps each fact’s source on offer only when no value changed (a range edit)', async () => {
    const { grid } = await setupWorkbench('metric_values', { key, field: 'low' });
    await typeInto(grid, key, 'low', '15');
    const dialog = await screen.findByRole('dialog', { name: 'Where does the new value come from?' });
    expect(within(dialog).getAllByRole('radio')).toHaveLength(3);
    expect(within(dialog).getByRole('radio', { name: /keep each fact’s source/ })).toBeTruthy();
  });
});

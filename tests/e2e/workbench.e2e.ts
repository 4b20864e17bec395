// The data workbench in Chromium: edit a fact in the grid and watch the ranking change, undo it with
// Ctrl+Z and watch it return; paste a 3×4 spreadsheet block (a real paste event with a DataTransfer)
// and see 12 cells written as one batch; refused edits (latitude 123, a policy ending before it
// starts, text in a number) show what to fix and leave the store's content hash as it was; after a
// refused edit the focus stays in the cell editor (Backspace edits, Escape cancels only the edit) and
// closing with an unsaved edit asks; restart the server on the same database and the history is
// still listed and undo still works.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../db/transfer/content-hash';
import { apiCall, checkAxe, launchChromium, openWorkspace, screenshot, serve, type Served } from './harness';
import { rankingRow, siteRow } from './ranking-rows';

const dir = mkdtempSync(join(tmpdir(), 'landfall-wb-'));
const dbPath = join(dir, 'landfall.sqlite');
let server: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serve({ dbPath });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => console.error('page error', e.message));
  await page.goto(server.url);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The store's content hash, read from the server's database file (the backend tests' helper). */
function dbHash(): string {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return contentHash(db);
  } finally {
    db.close();
  }
}

const api = <T>(name: string, input: unknown = {}): Promise<T> => apiCall<T>(page, name, input);

const grid = (): Locator => page.getByRole('grid');
const row = (key: string): Locator => grid().locator(`[role=row][data-key="${key}"]`);
const gridCell = (key: string, column: string): Locator => row(key).locator(`[data-column="${column}"]`);
// The ranking is windowed (only the rows in view are in the DOM): both scroll to the row they read.
const topSite = async (): Promise<string | null> =>
  (await rankingRow(page, '[aria-rowindex="2"]')).getAttribute('data-site');
const scoreOf = async (siteId: string): Promise<string | null> =>
  (await siteRow(page, siteId)).locator('.score-value').textContent();

async function openTable(title: string): Promise<void> {
  if ((await page.getByRole('button', { name: 'Data…' }).getAttribute('aria-pressed')) !== 'true')
    await page.getByRole('button', { name: 'Data…' }).click();
  await page.getByRole('tab', { name: title }).click();
  await expect.poll(() => grid().getAttribute('aria-label')).toBe(title);
  await grid().locator('[role=row][data-key]').first().waitFor();
}

async function filter(column: string, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: `Filter ${column}` }).fill(text);
}

async function editCell(key: string, column: string, text: string): Promise<void> {
  await gridCell(key, column).click();
  await page.keyboard.press('F2');
  const editor = grid().getByRole('textbox');
  await editor.fill(text);
  await editor.press('Enter');
}

describe('data workbench', () => {
  it('an edited fact changes the ranking, and Ctrl+Z in the grid brings it back', async () => {
    await page.locator('table[aria-label="Ranking"] tr[data-site]').first().waitFor();
    const top = (await topSite()) as string;
    const topScore = await scoreOf(top);
    const [fact] = await api<{ criterionId: string; siteId: string | null; marketId: string | null }[]>(
      'metrics.list',
      { siteId: top, criterionId: 'power_price_usc_kwh' },
    );
    if (!fact) throw new Error('the top site has no power price');
    const key = fact.siteId ? `power_price_usc_kwh@site:${fact.siteId}` : `power_price_usc_kwh@market:${fact.marketId}`;
    await openTable('Metric values');
    await filter('Criterion', 'power_price_usc_kwh');
    await filter('Site or market', key.split('@')[1] as string);
    await expect.poll(() => grid().locator('[role=row][data-key]').count()).toBe(1);
    await editCell(key, 'value', '45');
    const dialog = page.getByRole('dialog', { name: /Where does the new value come from/ });
    await dialog.getByLabel(/Source title/).fill('Utility quote, March');
    await dialog.getByLabel(/Source URL/).fill('https://example.org/quote');
    await dialog.getByLabel(/As of/).fill('2026-03-01');
    // A changed number says how it was obtained too.
    await dialog.getByLabel(/Method/).selectOption('official');
    await dialog.getByRole('button', { name: 'Save with this source' }).click();
    await expect.poll(() => gridCell(key, 'value').textContent()).toBe('45');
    await expect.poll(() => gridCell(key, 'source.title').textContent()).toBe('Utility quote, March');
    // The workspace re-scored: the site is no longer first and its score fell.
    await expect.poll(topSite, { timeout: 15_000 }).not.toBe(top);
    expect(Number(await scoreOf(top))).toBeLessThan(Number(topScore));
    await screenshot(page, 'workbench-edited-fact');

    await grid().focus();
    await page.keyboard.press('Control+z');
    await expect.poll(topSite, { timeout: 15_000 }).toBe(top);
    expect(await scoreOf(top)).toBe(topScore);
    await expect.poll(() => gridCell(key, 'value').textContent()).not.toBe('45');
  });

  it('pastes a 3×4 block from a spreadsheet as 12 cells in one batch', async () => {
    await openTable('Sites');
    const keys = await grid()
      .locator('[role=row][data-key]')
      .evaluateAll((rows) => rows.slice(0, 4).map((r) => r.getAttribute('data-key') ?? ''));
    const batches = (await api<{ entries: unknown[] }>('history.list', {})).entries.length;
    await gridCell(keys[0] as string, 'lat').click();
    const block = [
      ['10.5', '100.25', '12'],
      ['11.5', '101.25', '24'],
      ['12.5', '102.25', '36'],
      ['13.5', '103.25', '48'],
    ];
    const tsv = `${block.map((r) => r.join('\t')).join('\r\n')}\r\n`;
    await grid().evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, tsv);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Pasted' }).textContent())
      .toMatch(/Pasted 12 cells/);
    for (const [i, key] of keys.entries()) {
      const expected = block[i] as string[];
      await expect.poll(() => gridCell(key, 'lat').textContent()).toBe(expected[0]);
      expect(await gridCell(key, 'lon').textContent()).toBe(expected[1]);
      expect(await gridCell(key, 'capacityMw.existing').textContent()).toBe(expected[2]);
    }
    const sites =
      await api<{ id: string; lat: number; lon: number; capacityMw: { existing: number | null } }[]>('sites.list');
    const written = keys.map((k) => sites.find((s) => s.id === k));
    expect(written.map((s) => [s?.lat, s?.lon, s?.capacityMw.existing])).toEqual(block.map((r) => r.map(Number)));
    const history = await api<{ entries: { label: string; changeCount: number }[] }>('history.list', {});
    expect(history.entries.length).toBe(batches + 1);
    expect(history.entries[0]).toMatchObject({ label: 'Paste 12 cells into Sites', changeCount: 4 });
    // The selection covers the pasted block (4 rows × 3 columns).
    expect(await grid().locator('[role=gridcell][aria-selected=true]').count()).toBe(12);
  });

  it('refuses latitude 123, an end date before the start and text in a number, and writes nothing', async () => {
    const before = dbHash();
    await openTable('Sites');
    const site = (await grid().locator('[role=row][data-key]').nth(5).getAttribute('data-key')) as string;
    await editCell(site, 'lat', '123');
    await expect.poll(() => gridCell(site, 'lat').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.locator('.grid-status').textContent()).toMatch(/latitude 123 is outside -90 to 90/);
    await screenshot(page, 'workbench-refused-latitude', { readme: true });
    await grid().getByRole('textbox').press('Escape');
    expect(dbHash()).toBe(before);

    await editCell(site, 'lon', 'east');
    await expect.poll(() => gridCell(site, 'lon').getAttribute('aria-invalid')).toBe('true');
    const message = await page.locator('.grid-status .grid-message').textContent();
    expect(message).toMatch(/^Fix: .*east/);
    await grid().getByRole('textbox').press('Escape');
    expect(dbHash()).toBe(before);

    await openTable('Policy events');
    const policy = (await grid().locator('[role=row][data-key]').first().getAttribute('data-key')) as string;
    const start = (await gridCell(policy, 'effectiveDate').textContent()) as string;
    const earlier = `${Number(start.slice(0, 4)) - 1}${start.slice(4)}`;
    await editCell(policy, 'endDate', earlier);
    await expect.poll(() => gridCell(policy, 'endDate').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.grid-status .grid-message').textContent()).toMatch(/end date/i);
    await grid().getByRole('textbox').press('Escape');
    expect(dbHash()).toBe(before);
  });

  it('keeps the focus in a refused edit: Backspace edits, Escape cancels the edit, closing over an edit asks', async () => {
    const before = dbHash();
    await openTable('Sites');
    const site = (await grid().locator('[role=row][data-key]').nth(3).getAttribute('data-key')) as string;
    await editCell(site, 'lat', '123');
    await expect.poll(() => gridCell(site, 'lat').getAttribute('aria-invalid')).toBe('true');
    const editor = grid().getByRole('textbox');
    // The focus is still in the cell's editor, not on the page body.
    const focused = (): Promise<string> =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el === document.body ? 'body' : `${el?.tagName ?? ''}.${el?.className ?? ''}`;
      });
    expect(await focused()).toBe('INPUT.grid-editor');
    // The refusal is announced (a polite live region) and is the editor's description.
    const describedBy = (await editor.getAttribute('aria-describedby')) as string;
    const message = page.locator(`[id="${describedBy}"]`);
    expect(await message.textContent()).toMatch(/latitude 123 is outside -90 to 90/);
    expect(await message.evaluate((el) => el.closest('[aria-live]')?.getAttribute('aria-live'))).toBe('polite');
    await screenshot(page, 'workbench-refused-focus');
    await page.keyboard.press('Backspace');
    expect(await editor.inputValue()).toBe('12');
    await page.keyboard.press('Escape');
    expect(await grid().getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Data workbench' }).count()).toBe(1);
    expect(await gridCell(site, 'lat').getAttribute('aria-invalid')).toBeNull();

    // An unsaved edit again: Close asks, and "Keep editing" gives the editor back as it was.
    await page.keyboard.press('F2');
    await page.keyboard.press('End');
    await page.keyboard.type('5');
    const typed = await editor.inputValue();
    await page.getByRole('button', { name: 'Close the data workbench' }).click();
    const ask = page.getByRole('dialog', { name: 'Discard the unsaved edit?' });
    await ask.waitFor();
    await screenshot(page, 'workbench-discard-ask');
    await ask.getByRole('button', { name: 'Keep editing' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await focused()).toBe('INPUT.grid-editor');
    expect(await editor.inputValue()).toBe(typed);
    // Escape with the focus on the page body (the old trap) asks too instead of closing.
    await editor.evaluate((el) => (el as HTMLElement).blur());
    expect(await focused()).toBe('body');
    await page.keyboard.press('Escape');
    await ask.waitFor();
    expect(await page.getByRole('region', { name: 'Data workbench' }).count()).toBe(1);
    await ask.getByRole('button', { name: 'Keep editing' }).click();
    // Escape cancels the edit, and a second Escape, with nothing unsaved, closes the workbench.
    await page.keyboard.press('Escape');
    expect(await page.getByRole('region', { name: 'Data workbench' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('region', { name: 'Data workbench' }).count()).toBe(0);
    expect(dbHash()).toBe(before);
  });

  it('keeps the history across a restart, and undo still works', async () => {
    const pasted = await api<{ entries: { label: string; batchId: string }[] }>('history.list', {});
    expect(pasted.entries[0]?.label).toBe('Paste 12 cells into Sites');
    const sitesBefore = await api<{ id: string; lat: number }[]>('sites.list');
    await server.stop();
    server = await serve({ dbPath });
    await page.goto(server.url);
    await page.locator('table[aria-label="Ranking"] tr[data-site]').first().waitFor();
    await openTable('Sites');
    await page.getByRole('button', { name: 'History' }).click();
    const entries = page.getByRole('list', { name: 'Change batches, newest first' }).locator(':scope > li');
    await expect.poll(() => entries.first().locator('strong').textContent()).toBe('Paste 12 cells into Sites');
    expect(await entries.first().textContent()).toMatch(/lat: .* → 10\.5/);
    expect(await entries.count()).toBe(pasted.entries.length);
    await screenshot(page, 'workbench-history', { readme: true });
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => page.locator('.history-outcome').textContent()).toMatch(/Paste 12 cells into Sites/);
    const sitesAfter = await api<{ id: string; lat: number }[]>('sites.list');
    const changed = sitesBefore.filter((s) => sitesAfter.find((a) => a.id === s.id)?.lat !== s.lat);
    expect(changed).toHaveLength(4);
  });

  it('has no serious or critical axe violations with the grid, the history and a form open', async () => {
    const { page: axePage } = await openWorkspace(browser, server, { context: { bypassCSP: true } });
    try {
      await axePage.getByRole('button', { name: 'Data…' }).click();
      await axePage.getByRole('tab', { name: 'Metric values' }).click();
      await axePage.getByRole('grid').locator('[role=row][data-key]').first().waitFor();
      await axePage.getByRole('button', { name: 'History' }).click();
      await axePage.locator('.history-panel').waitFor();
      expect(await checkAxe(axePage)).toEqual([]);
      await axePage.getByRole('button', { name: 'Add row…' }).click();
      expect(await checkAxe(axePage)).toEqual([]);
      await axePage.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      // The source decision for a changed value, then the question before discarding an unsaved edit.
      const axeGrid = axePage.getByRole('grid');
      await axeGrid.locator('[role=row][data-key] [data-column="value"]').first().click();
      await axePage.keyboard.press('F2');
      await axeGrid.getByRole('textbox').fill('1234.5');
      await axeGrid.getByRole('textbox').press('Enter');
      const source = axePage.getByRole('dialog', { name: /Where does the new value come from/ });
      await source.waitFor();
      expect(await checkAxe(axePage)).toEqual([]);
      await source.getByRole('radio', { name: /My own estimate/ }).check();
      expect(await checkAxe(axePage)).toEqual([]);
      await source.getByRole('button', { name: 'Cancel' }).click();
      await axePage.getByRole('button', { name: 'Close the data workbench' }).click();
      await axePage.getByRole('dialog', { name: 'Discard the unsaved edit?' }).waitFor();
      expect(await checkAxe(axePage)).toEqual([]);
    } finally {
      await axePage.context().close();
    }
  });

  it('looks right at 1280×800 and 1920×1080 in both themes', async () => {
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const theme of ['light', 'dark'] as const) {
        const toggle = page.locator('.theme-toggle');
        const isDark = (await toggle.textContent())?.startsWith('Light') ?? false;
        if ((theme === 'dark') !== isDark) await toggle.click();
        await openTable('Metric values');
        await screenshot(page, `workbench-${width}-${theme}`);
        // The grid fills the space left of the history pane, and the first body row sits under the header.
        const box = await grid().boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(300);
      }
    }
  });
});

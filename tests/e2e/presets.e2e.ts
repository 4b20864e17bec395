// The presets manager in Chromium: duplicate a built-in and rename the copy, change its weights in
// the weights drawer and compare it with the original, delete it and undo, refuse a bad presets file
// (the problems listed, the presets unchanged), export all presets (the download parses and lists
// them), Escape and focus, axe on the panel, and screenshots at 1280×800 in light and dark.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAxe, launchChromium, openWorkspace, screenshot, serve, type Served } from './harness';

let server: Served;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const COPY = 'Cost first, our power price';

beforeAll(async () => {
  server = await serve();
  browser = await launchChromium();
  // CSP bypassed only so axe's script can be injected; downloads accepted for the export.
  ({ page } = await openWorkspace(browser, server, {
    context: { bypassCSP: true, acceptDownloads: true },
    problems,
    // Refused requests are checked by URL below; the console only says "Failed to load resource".
    consoleErrors: (text) => !text.startsWith('Failed to load resource'),
    beforeGoto: (p) => {
      p.on('response', (r) => {
        const call = new URL(r.url()).pathname;
        // Expected refusals: the bad presets file, and a score for the deleted preset while the workspace falls back.
        const expected =
          (call === '/api/presets.import' && r.status() === 400) || (call === '/api/score.run' && r.status() === 404);
        if (r.status() >= 400 && !expected) problems.push(`${r.status()} ${call}`);
      });
    },
  }));
  await page.waitForSelector('.ranking tbody tr');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const panel = (): ReturnType<Page['getByRole']> => page.getByRole('region', { name: 'Weight presets' });
const presetSelect = (): ReturnType<Page['getByRole']> => page.getByRole('combobox', { name: 'Preset' });
const selectedPreset = (): Promise<string | null> => presetSelect().locator('option:checked').textContent();
const ownNames = (): Promise<string[]> =>
  panel().getByRole('list', { name: 'Your presets' }).locator('.preset-name').allTextContents();
const allPresetNames = (): Promise<string[]> => panel().locator('.preset-name').allTextContents();

async function openPanel(): Promise<void> {
  if ((await panel().count()) === 0) await page.getByRole('banner').getByRole('button', { name: 'Presets…' }).click();
  await panel().waitFor();
}

async function showView(name: 'Presets' | 'Compare' | 'Import / export'): Promise<void> {
  await panel().getByRole('group', { name: 'Show' }).getByRole('button', { name }).click();
}

describe('Presets manager', () => {
  it('opens from the map, lists the built-ins read-only with the empty state, and passes axe', async () => {
    await openPanel();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Weight presets');
    const builtins = panel().getByRole('list', { name: 'Built-in' });
    expect(await builtins.locator('.preset-name').allTextContents()).toEqual([
      'Cost first',
      'Frontier training',
      'Latency-sensitive inference',
      'Sovereignty / low risk',
    ]);
    expect(await builtins.getByRole('button', { name: /^(Rename|Delete)/ }).count()).toBe(0);
    expect(await panel().locator('.presets-empty').textContent()).toContain(
      'Save the current weights as a preset from the Weights drawer, or duplicate a built-in.',
    );
    expect(await checkAxe(page, '.presets-panel')).toEqual([]);
    await screenshot(page, 'presets-list');
  });

  it('duplicates a built-in and renames the copy in place', async () => {
    await openPanel();
    await panel().getByRole('button', { name: 'Duplicate “Cost first”' }).click();
    const name = panel().getByRole('textbox', { name: 'Name' });
    await expect.poll(() => name.inputValue()).toBe('Cost first (copy)');
    // The name is focused and selected: typing replaces it.
    await page.keyboard.type(COPY);
    await page.keyboard.press('Enter');
    await expect.poll(ownNames).toEqual([COPY]);
    expect(await panel().getByRole('status').allTextContents()).toContain(`Renamed to “${COPY}”.`);
    expect(await presetSelect().locator('option').allTextContents()).toContain(COPY);
  });

  it('compares the copy, its weights changed in the drawer, with the original', async () => {
    await openPanel();
    await panel()
      .getByRole('button', { name: `Use “${COPY}”` })
      .click();
    await expect.poll(selectedPreset).toBe(COPY);
    await panel().getByRole('button', { name: 'Close' }).click();

    const drawer = page.locator('.weights-drawer');
    if ((await drawer.getAttribute('open')) === null) await drawer.locator('> summary').click();
    const weights = page.getByRole('region', { name: 'Weights' });
    const power = weights.getByRole('slider', { name: 'Power price' });
    await power.focus();
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    const update = weights.getByRole('button', { name: `Update “${COPY}”` });
    await expect.poll(() => update.isEnabled()).toBe(true);
    await update.click();
    await expect.poll(() => update.isDisabled()).toBe(true);
    await drawer.locator('> summary').click();

    await openPanel();
    await showView('Compare');
    await panel().getByRole('combobox', { name: 'Preset A' }).selectOption({ label: 'Cost first (built-in)' });
    await panel().getByRole('combobox', { name: 'Preset B' }).selectOption({ label: COPY });
    const table = panel().getByRole('table', { name: /Weights, as a share/ });
    await table.waitFor();
    // The table may still show the pair compared before the two picks: wait for this one.
    const heads = (): Promise<string[]> => table.locator('thead th').allTextContents();
    await expect.poll(async () => (await heads()).slice(1, 3)).toEqual(['A: Cost first', `B: ${COPY}`]);
    const cells = (id: string): Promise<string[]> => table.locator(`tr[data-criterion="${id}"] > *`).allTextContents();
    const powerRow = await cells('power_price_usc_kwh');
    expect(powerRow[1]).toBe('35.0 %');
    expect(Number.parseFloat(powerRow[2] ?? '')).toBeGreaterThan(35);
    expect(powerRow[3]).toMatch(/^\+\d+\.\d pts$/);
    // The others gave way in proportion.
    expect((await cells('build_cost_usd_w'))[3]).toMatch(/^−\d+\.\d pts$/);
    expect(await panel().locator('.presets-compare-summary').textContent()).toMatch(/^Weights differ for 5 criteria/);
    // What that does to the ranking: both ranked for the scenario on screen, each site's move.
    const ranks = panel().getByRole('region', { name: 'What B does to the ranking' });
    await ranks.getByRole('table').waitFor();
    expect(await ranks.locator('.presets-ranks-summary').textContent()).toMatch(/^Under B(,| every site)/);
    const moves = await ranks.locator('tbody tr td:last-child [aria-hidden]').allTextContents();
    expect(moves.length).toBeGreaterThan(0);
    for (const m of moves) expect(m).toMatch(/^(↑\d+|↓\d+|=|new|excluded|—)$/);
    expect(await checkAxe(page, '.presets-panel')).toEqual([]);
    await screenshot(page, 'presets-compare', { readme: true });
  });

  it('deletes the copy in use: the workspace falls back, and Undo (keyboard) brings it back', async () => {
    await openPanel();
    await showView('Presets');
    await panel()
      .getByRole('button', { name: `Delete “${COPY}”` })
      .click();
    await expect.poll(ownNames).toEqual([]);
    await expect.poll(selectedPreset).toBe('Cost first');
    expect(await panel().locator('.presets-undo').textContent()).toContain(`Deleted “${COPY}”`);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await screenshot(page, 'presets-deleted');
    await page.keyboard.press('Enter');
    await expect.poll(ownNames).toEqual([COPY]);
    await expect.poll(selectedPreset).toBe(COPY);
    await expect.poll(() => panel().locator('.presets-undo').count()).toBe(0);
  });

  it('refuses a bad presets file: every problem listed by path, the presets unchanged', async () => {
    await openPanel();
    await showView('Presets');
    const before = await allPresetNames();
    await showView('Import / export');
    const bad = {
      format: 'landfall-presets',
      version: 1,
      presets: [{ id: 'bad', name: 'Bad', method: 'sum', weights: { power_price_usc_kwh: -2 } }],
    };
    await panel()
      .getByLabel(/Presets file/)
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const alert = panel().getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('nothing was changed');
    const listed = await alert.getByRole('listitem').allTextContents();
    expect(listed.some((p) => p.startsWith('presets[0].method'))).toBe(true);
    expect(listed.some((p) => p.startsWith('presets[0].weights.power_price_usc_kwh'))).toBe(true);
    expect(await checkAxe(page, '.presets-panel')).toEqual([]);
    await screenshot(page, 'presets-import-refused');
    await showView('Presets');
    expect(await allPresetNames()).toEqual(before);
  });

  it('exports all presets: the downloaded file parses and lists them', async () => {
    await openPanel();
    await showView('Import / export');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel()
        .getByRole('button', { name: /^Export all/ })
        .click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^landfall-presets-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await download.path();
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { format: string; presets: { name: string }[] };
    expect(saved.format).toBe('landfall-presets');
    await showView('Presets');
    expect(saved.presets.map((p) => p.name).sort()).toEqual((await allPresetNames()).sort());
    expect(saved.presets.map((p) => p.name)).toContain(COPY);
  });

  it('closes on Escape and gives focus back to the Presets… button', async () => {
    await openPanel();
    await panel().getByRole('button', { name: 'Duplicate “Cost first”' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel().count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Presets…');
  });

  it('looks right in the dark theme', async () => {
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await openPanel();
    await showView('Presets');
    expect(await checkAxe(page, '.presets-panel')).toEqual([]);
    await screenshot(page, 'presets-list-dark');
    await showView('Compare');
    await panel().getByRole('combobox', { name: 'Preset A' }).selectOption({ label: 'Cost first (built-in)' });
    await panel()
      .getByRole('table', { name: /Weights, as a share/ })
      .waitFor();
    await panel().getByRole('region', { name: 'What B does to the ranking' }).getByRole('table').waitFor();
    expect(await checkAxe(page, '.presets-panel')).toEqual([]);
    await screenshot(page, 'presets-compare-dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    expect(problems).toEqual([]);
  });
});

// The question survives a reload and a new window: preset, company profile, as-of date and method
// come back as they were, with the same ranking top, and the title bar names them. A remembered
// preset that is no longer in the store falls back to the default, and the status bar says so.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWorkspace, screenshot, serve, type Served } from './harness';

let server: Served;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const bar = (p: Page): ReturnType<Page['getByRole']> => p.getByRole('toolbar', { name: 'Scenario' });

/** The first `n` rows of the ranking, as site ids, once the ranking answers the scenario on screen. */
async function top(p: Page, n = 5): Promise<string[]> {
  const rows = p.getByRole('table', { name: 'Ranking' }).locator('tbody tr[data-site]');
  await rows.nth(n - 1).waitFor();
  return rows.evaluateAll((trs, count) => trs.slice(0, count).map((tr) => tr.getAttribute('data-site') ?? ''), n);
}

/** What the scenario bar shows. */
async function shown(p: Page): Promise<Record<string, string>> {
  return {
    preset: await bar(p).getByRole('combobox', { name: 'Preset' }).inputValue(),
    profile: await bar(p).getByRole('combobox', { name: 'Company profile' }).inputValue(),
    method: await bar(p).getByRole('combobox', { name: 'Method' }).inputValue(),
    asOf: await bar(p).getByLabel('As of', { exact: true }).inputValue(),
  };
}

const CHOSEN = { preset: 'sovereignty-low-risk', profile: 'us-hyperscaler', method: 'topsis', asOf: '2025-06-01' };

beforeAll(async () => {
  server = await serve();
  browser = await launchChromium();
  ({ page } = await openWorkspace(browser, server, { problems, consoleErrors: true }));
  await top(page);
  // A fresh store's first screen is the README's picture.
  await page.waitForSelector('.site-marker, .site-cluster', { state: 'attached' });
  await page.waitForTimeout(800);
  await screenshot(page, 'first-screen-campuses', { readme: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the remembered scenario', () => {
  let before: string[];

  it('is chosen in the scenario bar and named in the title', async () => {
    const defaults = await shown(page);
    // The test means something only if every value differs from the defaults.
    for (const key of Object.keys(CHOSEN) as (keyof typeof CHOSEN)[]) expect(defaults[key]).not.toBe(CHOSEN[key]);
    const defaultTop = await top(page);

    await bar(page).getByRole('combobox', { name: 'Preset' }).selectOption(CHOSEN.preset);
    await bar(page).getByRole('combobox', { name: 'Company profile' }).selectOption(CHOSEN.profile);
    await bar(page).getByRole('combobox', { name: 'Method' }).selectOption(CHOSEN.method);
    await bar(page).getByLabel('As of', { exact: true }).fill(CHOSEN.asOf);
    await expect
      .poll(() => page.getByRole('status', { name: 'Status bar' }).innerText(), { timeout: 15000 })
      .toContain(CHOSEN.asOf);
    await expect.poll(() => top(page), { timeout: 15000 }).not.toEqual(defaultTop);
    before = await top(page);
    expect(await shown(page)).toEqual(CHOSEN);

    const title = 'Sovereignty / low risk (edited) · US hyperscaler · 2025-06-01';
    expect(await page.title()).toBe(`Landfall — ${title}`);
    expect(await page.getByRole('banner').locator('.scenario-title').innerText()).toBe(title);
    // A date that is not today is said to be a fixed one.
    expect(await page.getByRole('status', { name: 'Status bar' }).innerText()).toContain('a fixed date');
  });

  it('comes back after a reload, with the same ranking top', async () => {
    await page.reload();
    expect(await top(page)).toEqual(before);
    expect(await shown(page)).toEqual(CHOSEN);
    expect(await page.title()).toContain('US hyperscaler · 2025-06-01');
    await screenshot(page, 'scenario-after-reload');
  });

  it('comes back in a new window (a restart of the app)', async () => {
    const context = page.context();
    await page.close();
    page = await context.newPage();
    await page.goto(server.url);
    expect(await top(page)).toEqual(before);
    expect(await shown(page)).toEqual(CHOSEN);
  });

  it('falls back to the default preset when the remembered one is gone, and says so', async () => {
    await page.evaluate(() => {
      const record = JSON.parse(localStorage.getItem('landfall.scenario') ?? '{}') as Record<string, unknown>;
      localStorage.setItem('landfall.scenario', JSON.stringify({ ...record, presetId: 'deleted-preset' }));
    });
    await page.reload();
    await top(page);
    const now = await shown(page);
    expect(now.preset).not.toBe('deleted-preset');
    expect(now.preset).not.toBe('');
    // The rest of the question stays.
    expect(now).toMatchObject({ profile: CHOSEN.profile, method: CHOSEN.method, asOf: CHOSEN.asOf });
    expect(await page.getByRole('status', { name: 'Status bar' }).innerText()).toContain(
      '“deleted-preset” is no longer in the store',
    );
  });

  it('a damaged record gives the defaults, and the workspace works', async () => {
    await page.evaluate(() => localStorage.setItem('landfall.scenario', '{"version":1,"presetId":'));
    await page.reload();
    await top(page);
    expect((await shown(page)).preset).not.toBe('');
  });

  it('keeps the top bar to one row with a long scenario name, cutting the name rather than the buttons', async () => {
    await bar(page).getByRole('combobox', { name: 'Preset' }).selectOption('latency-inference');
    await bar(page).getByRole('combobox', { name: 'Company profile' }).selectOption('cn-private-lab-rented');
    await bar(page).getByRole('combobox', { name: 'Method' }).selectOption('topsis');
    await expect.poll(() => page.title()).toContain('Latency-sensitive inference (edited) · China-HQ');
    const banner = page.getByRole('banner');
    expect((await banner.boundingBox())?.height ?? Infinity).toBeLessThan(50);
    for (const name of ['Switch to dark theme', 'Export report…', 'Data…']) {
      const box = await banner.getByRole('button', { name }).boundingBox();
      // One line of text: a wrapped label would be twice as tall.
      expect(box?.height ?? Infinity).toBeLessThan(30);
    }
    const title = banner.locator('.scenario-title');
    expect(await title.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    expect(await title.getAttribute('title')).toContain('China-HQ private AI lab (renting offshore capacity)');
    expect(problems).toEqual([]);
  });
});

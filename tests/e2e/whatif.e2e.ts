// What-if scenarios, data health and map edits in browser mode (Chromium): a scenario made from the
// Malaysia template flips a Johor site for a Singapore neocloud and both rankings show side by side
// with the site highlighted; a site is added by a map click and moved by dragging (cancel puts it
// back, confirm writes it); the data health panel links into the grid; after a restart on the same
// database the scenario and the site are still there. Screenshots at 1280×800 in both themes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, checkAxe, launchChromium, openWorkspace, screenshot, serve, type Served } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'landfall-whatif-'));
const dbPath = join(dir, 'landfall.sqlite');
let server: Served;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const SCENARIO = 'US squeezes Malaysia';
const NEW_SITE = 'Paracel test campus';

async function open(): Promise<void> {
  ({ page } = await openWorkspace(browser, server, { context: { bypassCSP: true }, problems }));
  await page.getByRole('table', { name: 'Ranking' }).locator('tbody tr').first().waitFor();
}

const api = <T>(name: string, body: unknown): Promise<T> => apiCall<T>(page, name, body);
const axe = (selector: string): Promise<string[]> => checkAxe(page, selector);

/** Screenshots in both themes; in the dark one, axe checks `selector` too (contrast differs there). */
async function bothThemes(name: string, selector?: string): Promise<void> {
  await screenshot(page, `${name}-light`, { readme: true });
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await screenshot(page, `${name}-dark`);
  if (selector) expect(await axe(selector)).toEqual([]);
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
}

beforeAll(async () => {
  server = await serve({ dbPath });
  browser = await launchChromium();
  await open();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('What-if scenarios in the browser', () => {
  it('makes a scenario from the Malaysia template and shows both rankings with the Johor site flipped', async () => {
    const bar = page.getByRole('toolbar', { name: 'Scenario' });
    await bar.getByRole('combobox', { name: 'Preset' }).selectOption('frontier-training');
    await bar.getByRole('combobox', { name: 'Company profile' }).selectOption('sg-neocloud');
    await bar.getByLabel('As of').fill('2025-06-01');
    await page.getByRole('button', { name: 'What-if…' }).click();
    const panel = page.getByRole('region', { name: 'What-if scenarios' });
    await panel.getByRole('textbox', { name: 'New scenario' }).fill(SCENARIO);
    await panel.getByRole('button', { name: 'Create' }).click();
    await panel.getByRole('region', { name: `Events of ${SCENARIO}` }).waitFor();
    await panel.getByRole('button', { name: 'US adds a licence requirement for Malaysia' }).click();
    const add = panel.getByRole('form', { name: 'New hypothetical event' }).getByRole('button', { name: 'Add event' });
    await expect.poll(() => add.isEnabled()).toBe(true);
    await add.click();
    await panel.getByText('(1 event)').waitFor();

    const compare = page.getByRole('region', { name: 'Real and what-if rankings' });
    const whatIf = compare.getByRole('table', { name: `With “${SCENARIO}”` });
    const sedenak = whatIf.locator('tr[data-site="my-sedenak"]');
    await expect.poll(() => sedenak.textContent()).toContain('allowed → licence required');
    expect(await sedenak.getAttribute('class')).toBe('changed');
    const real = compare.getByRole('table', { name: 'Real timeline' }).locator('tr[data-site="my-sedenak"]');
    expect(await real.locator('td').nth(2).textContent()).toBe('allowed');
    // The same as the backend says for the same question.
    const cmp = await api<{ sites: { siteId: string; whatIf: { status: string } }[]; changedCount: number }>(
      'scenarios.compare',
      {
        scenarioId: 'us-squeezes-malaysia',
        presetId: 'frontier-training',
        profileId: 'sg-neocloud',
        asOf: '2025-06-01',
      },
    );
    expect(cmp.sites.find((s) => s.siteId === 'my-sedenak')?.whatIf.status).toBe('licence_required');
    expect(await whatIf.locator('tr.changed').count()).toBe(cmp.changedCount);

    expect(await compare.getByRole('list', { name: 'Changed sites' }).textContent()).toContain(
      'out · allowed → licence required',
    );
    await page.getByRole('group', { name: 'Map shows' }).getByRole('button', { name: 'What-if' }).click();
    expect(await axe('.whatif-panel')).toEqual([]);
    expect(await axe('.whatif-compare')).toEqual([]);
    await bothThemes('whatif-side-by-side', '.whatif-compare');
    await panel.getByRole('button', { name: 'Close' }).click();
  });

  it('adds a site by clicking the map, and it is ranked', async () => {
    const mode = page.getByRole('group', { name: 'Edit the map' }).getByRole('button').first();
    await mode.click();
    expect(await mode.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.map-wrap.adding-site').count()).toBe(1);
    // Escape leaves the mode; a click on the map then adds nothing.
    await page.keyboard.press('Escape');
    expect(await mode.getAttribute('aria-pressed')).toBe('false');
    expect(await mode.textContent()).toBe('Add site');
    await mode.click();
    const map = page.locator('.map');
    const box = await map.boundingBox();
    if (!box) throw new Error('no map');
    await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.55);
    const dialog = page.getByRole('dialog', { name: 'Add a site' });
    await dialog.waitFor();
    const lat = await dialog.getByLabel('Latitude').inputValue();
    expect(lat).toMatch(/^-?\d+(\.\d{1,4})?$/);
    await dialog.getByLabel('Name').fill(NEW_SITE);
    await dialog.getByLabel('Market').selectOption('sg');
    await dialog.getByLabel('Latitude').fill('123');
    await dialog.getByText(/latitude 123/).waitFor();
    await dialog.getByLabel('Latitude').fill(lat);
    await dialog.getByLabel('Source title').fill('Planning memo');
    await dialog.getByLabel('Source URL').fill('https://example.org/memo');
    await dialog.getByLabel('Source as of').fill('2026-01-15');
    expect(await axe('.map-dialog')).toEqual([]);
    await bothThemes('add-site-form', '.map-dialog');
    const button = dialog.getByRole('button', { name: 'Add site' });
    await expect.poll(() => button.isEnabled()).toBe(true);
    await button.click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('searchbox', { name: 'Find a site' }).fill('Paracel');
    await page.getByRole('table', { name: 'Ranking' }).getByText(NEW_SITE).first().waitFor();
  });

  it('moves a site by dragging its handle, with confirmation; cancel puts it back', async () => {
    const before = (await api<{ id: string; lat: number; lon: number }[]>('sites.list', {})).find(
      (s) => s.id === 'sg-paracel-test-campus',
    );
    expect(before).toBeDefined();
    await page.getByRole('button', { name: 'Close what-if' }).click();
    const positions = page.getByRole('button', { name: 'Edit positions' });
    await positions.click();
    const handle = page.locator(`.move-handle[title="Drag to move ${NEW_SITE}"]`);
    await handle.waitFor();
    // Bring the site to the middle of the map (away from the toolbar) by panning, outside the mode.
    const map = await page.locator('.map').boundingBox();
    const at = await handle.boundingBox();
    if (!map || !at) throw new Error('no map or handle');
    await positions.click();
    const [cx, cy] = [map.x + map.width / 2, map.y + map.height / 2];
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + (cx - at.x) / 2, cy + (cy - at.y) / 2, { steps: 5 });
    await page.mouse.move(cx + (cx - at.x), cy + (cy - at.y), { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    await positions.click();
    await handle.waitFor();
    const drag = async (): Promise<void> => {
      const b = await handle.boundingBox();
      if (!b) throw new Error('no handle');
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
      await page.mouse.down();
      await page.mouse.move(b.x + 40, b.y + 30, { steps: 8 });
      await page.mouse.move(b.x + 60, b.y + 50, { steps: 8 });
      await page.mouse.up();
    };
    const start = await handle.boundingBox();
    await drag();
    const confirm = page.getByRole('alertdialog');
    await confirm.waitFor({ timeout: 5000 }).catch(async (e: unknown) => {
      await screenshot(page, 'move-site-debug');
      throw e;
    });
    expect(await confirm.textContent()).toMatch(new RegExp(`Move ${NEW_SITE} to -?\\d`));
    await screenshot(page, 'move-site-confirm-light');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await handle.boundingBox()).toEqual(start);
    const unchanged = (await api<{ id: string; lat: number }[]>('sites.list', {})).find((s) => s.id === before?.id);
    expect(unchanged?.lat).toBe(before?.lat);

    await drag();
    await confirm.getByRole('button', { name: 'Move' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect
      .poll(
        async () => (await api<{ id: string; lat: number }[]>('sites.list', {})).find((s) => s.id === before?.id)?.lat,
      )
      .not.toBe(before?.lat);
    await page.getByRole('button', { name: 'Edit positions' }).click();
  });

  it('data health lists missing facts and a link opens the grid there', async () => {
    await page.getByRole('button', { name: 'Data health' }).click();
    const panel = page.getByRole('region', { name: 'Data health' });
    const missing = panel.getByRole('list', { name: 'Metrics missing per site' });
    await missing.getByRole('button').first().waitFor();
    // The worst sites come first: Batam's (BW Digital, NeutraDC and Nongsa), whose market lacks five
    // facts in the seed and none of which has a fact of its own; equally bad ones go by name.
    const batam = (await api<{ name: string; marketId: string }[]>('sites.list', {}))
      .filter((s) => s.marketId === 'id-batam')
      .map((s) => s.name)
      .sort((a, b) => a.localeCompare(b));
    expect(batam.length).toBe(3);
    const summaries = await missing.locator(':scope > li > details > summary').allTextContents();
    expect(summaries.slice(0, batam.length)).toEqual(batam.map((name) => `${name} (5 missing)`));
    expect(summaries[batam.length]).not.toMatch(/\((5|[6-9]|\d\d+) missing\)$/);
    // The new site has no facts of its own but inherits every metric of its market (Singapore,
    // all known in the seed), so it has no gaps and is not listed.
    expect(await missing.textContent()).not.toContain(NEW_SITE);
    expect(await axe('.health-panel')).toEqual([]);
    await bothThemes('data-health', '.health-panel');
    await missing.getByRole('button').first().click();
    await page.getByRole('grid').first().waitFor();
  });

  it('keeps the scenario and the site after a restart on the same database', async () => {
    await page.context().close();
    await server.stop();
    server = await serve({ dbPath });
    await open();
    await page.getByRole('button', { name: 'What-if…' }).click();
    const panel = page.getByRole('region', { name: 'What-if scenarios' });
    await panel.getByRole('list', { name: 'Scenarios' }).getByText(SCENARIO).waitFor();
    await page.getByRole('searchbox', { name: 'Find a site' }).fill('Paracel');
    await page.getByRole('table', { name: 'Ranking' }).getByText(NEW_SITE).first().waitFor();
    expect(problems).toEqual([]);
  });
});

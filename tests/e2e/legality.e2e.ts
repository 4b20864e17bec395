// The legality model in the workspace: the renting lab's Beijing answer stays a licence under a
// presumption of denial while the timeline crosses the 2025-05-13 cloud guidance (which binds, but
// less restrictively than the destination control), the panel's regime table, and the map shaded
// by the workload answer: Singapore and Johor apart from mainland China and Hong Kong.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWorkspace, README_SHOT_DIR, screenshot, serve, type Served } from './harness';
import { siteRow } from './ranking-rows';

let server: Served;
let browser: Browser;
let page: Page;
const problems: string[] = [];

/** A remembered layout (renderer/src/remembered/layout.ts) with a tall details pane and the map on East and Southeast Asia. */
const LAYOUT = {
  version: 1,
  sidebarWidth: 620,
  weightsOpen: false,
  details: { height: 640, collapsed: false },
  mapView: { center: [13, 110], zoom: 4 },
  ranking: {
    sort: { key: 'rank', direction: 'asc' },
    country: '',
    statuses: [],
    minCapacityMw: null,
    text: '',
    hideExcluded: false,
  },
};

function open(): Promise<{ page: Page }> {
  return openWorkspace(browser, server, {
    problems,
    consoleErrors: true,
    allowRemote: ['data:'],
    viewport: { width: 1440, height: 1000 },
    beforeGoto: async (p) => {
      await p.addInitScript((layout) => window.localStorage.setItem('landfall.layout', layout), JSON.stringify(LAYOUT));
    },
  });
}

beforeAll(async () => {
  server = await serve();
  browser = await launchChromium();
  ({ page } = await open());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const day = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const BEIJING = 'cn-beijing-yizhuang';

describe('legality regimes in the workspace', () => {
  it('keeps Beijing restrictive for the renting lab across 2025-05-13, with a regime table per chip', async () => {
    await page.getByRole('combobox', { name: 'Company profile' }).selectOption('cn-private-lab-rented');
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('cost-first');
    // The question's three choices open from one button in the scenario bar.
    const question = page.getByRole('button', { name: /^Legality question/ });
    await question.click();
    // The popup must be drawn above the map, not merely clickable through it.
    const workload = page.getByRole('combobox', { name: 'Workload' });
    const selectBox = await workload.boundingBox();
    expect(selectBox).not.toBeNull();
    // Hit-testing skips pointer-events: none, which Leaflet sets on its panes: turn it back on so the
    // element found is the one painted on top.
    const onTop = await page.evaluate(
      ([x, y]) => {
        for (const el of document.querySelectorAll<HTMLElement>('.leaflet-container *'))
          el.style.pointerEvents = 'auto';
        const hit = document.elementFromPoint(x as number, y as number)?.closest('.legality-question-popup') !== null;
        for (const el of document.querySelectorAll<HTMLElement>('.leaflet-container *')) el.style.pointerEvents = '';
        return hit;
      },
      [(selectBox?.x ?? 0) + (selectBox?.width ?? 0) - 8, (selectBox?.y ?? 0) + (selectBox?.height ?? 0) / 2],
    );
    expect(onTop).toBe(true);
    await workload.selectOption('training');
    await expect.poll(() => question.textContent()).toContain('Training · best chip · all tiers');
    await page.keyboard.press('Escape');
    const slider = page.locator('#as-of-slider');
    await slider.fill(String(day('2025-05-09')));
    const ranking = page.getByRole('table', { name: 'Ranking' });
    // The ranking is windowed: Beijing's row may be further down than the rows in the DOM, and the
    // new date re-ranks the list after the slider moves, which can carry the row out of the window
    // again: scroll to it and click, again until the click lands.
    await expect
      .poll(
        async () => {
          try {
            await (await siteRow(page, BEIJING)).click({ timeout: 2000 });
            return true;
          } catch {
            return false;
          }
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    const panel = page.getByRole('region', { name: 'Chip legality' });
    const headline = panel.locator('.legality-headline');
    await expect.poll(() => headline.getAttribute('data-status')).toBe('licence_denial');

    // Record every status the panel and the ranking badge show while the timeline moves.
    await page.evaluate((site) => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const note = (): void => {
        const h = document.querySelector('.legality .legality-headline')?.getAttribute('data-status');
        if (h) seen.push(`panel:${h}`);
        const badge = document.querySelector(`tr[data-site="${site}"] .legality-badge`);
        const status = [...(badge?.classList ?? [])].find((c) => c.startsWith('status-'));
        if (status) seen.push(`badge:${status.slice(7)}`);
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
    }, BEIJING);

    // Step the slider a day at a time with the keyboard across 2025-05-13, then drag it on.
    await slider.focus();
    for (let i = 0; i < 8; i++) {
      await slider.press('ArrowRight');
      await page.waitForTimeout(150);
    }
    const box = await slider.boundingBox();
    if (box === null) throw new Error('no slider');
    const value = Number(await slider.inputValue());
    const min = Number(await slider.getAttribute('min'));
    const max = Number(await slider.getAttribute('max'));
    const x = (d: number): number => box.x + ((d - min) / (max - min)) * box.width;
    await page.mouse.move(x(value), box.y + box.height / 2);
    await page.mouse.down();
    for (const d of [day('2025-05-20'), day('2025-06-15'), day('2025-07-01')]) {
      await page.mouse.move(x(d), box.y + box.height / 2, { steps: 5 });
      await page.waitForTimeout(200);
    }
    await page.mouse.up();
    await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThan(day('2025-05-13'));
    await expect.poll(() => headline.getAttribute('data-status')).toBe('licence_denial');
    await expect
      .poll(() => ranking.locator(`tr[data-site="${BEIJING}"] .legality-badge`).getAttribute('class'))
      .toContain('status-licence_denial');
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((s) => !s.endsWith('licence_denial'))).toEqual([]);

    // After the guidance: the IaaS regime binds (conditional), the destination control decides.
    const b200 = panel.locator('details[data-chip="nvidia-b200"]');
    expect(await b200.getAttribute('open')).not.toBeNull();
    const table = b200.getByRole('table', { name: 'Regimes for Nvidia B200' });
    const row = (name: string) => table.locator('tr', { has: page.locator('td', { hasText: name }) });
    await expect.poll(() => row('US destination controls').textContent()).toContain('Licence, presumption of denial');
    await expect.poll(() => row('US cloud/IaaS guidance').textContent()).toContain('Conditional');
    expect(await headline.textContent()).toContain('Licence, presumption of denial with Nvidia B200');

    // The panel at the top of the (tall) details pane, and the pane's picture.
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(800);
    mkdirSync(join(process.cwd(), 'test-results'), { recursive: true });
    const shot = join(process.cwd(), 'test-results', 'legality-regimes.png');
    await page.locator('.details-pane-body').screenshot({ path: shot });
    await screenshot(page, 'legality-regimes-page');
    if (process.env.LANDFALL_README_SHOTS === '1') copyFileSync(shot, join(README_SHOT_DIR, 'legality-regimes.png'));
  });

  it('shades the map by the workload answer: Singapore and Johor apart from China and Hong Kong', async () => {
    // A fresh workspace, so the map shows the region rather than the site selected above.
    await page.context().close();
    ({ page } = await open());
    await page.getByRole('combobox', { name: 'Company profile' }).selectOption('cn-private-lab-rented');
    await page.getByLabel('As of', { exact: true }).fill('2025-12-01');
    await page.getByLabel('Shade countries').selectOption('workload');
    const country = (iso: string) => page.locator(`path.country[data-iso="${iso}"]`);
    await expect.poll(() => country('156').getAttribute('data-legality')).toBe('licence_denial');
    await expect.poll(() => country('344').getAttribute('data-legality')).toBe('licence_denial');
    await expect.poll(() => country('702').getAttribute('data-legality')).toBe('conditional');
    await expect.poll(() => country('458').getAttribute('data-legality')).toBe('conditional');
    const legend = page.getByLabel('Legend');
    expect(await legend.textContent()).toContain('Licence, presumption of denial');
    await page.waitForTimeout(1200);
    const shot = join(process.cwd(), 'test-results', 'map-renting-lab.png');
    await page.screenshot({ path: shot });
    if (process.env.LANDFALL_README_SHOTS === '1') copyFileSync(shot, join(README_SHOT_DIR, 'map-renting-lab.png'));
    expect(problems).toEqual([]);
  });
});

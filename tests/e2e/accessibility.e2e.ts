// axe-core over the workspace (ranking, details, compare, sensitivity, the weights drawer open): no
// serious or critical violations. The page is opened with CSP bypassed only so axe's script can be
// injected. And the keyboard: a skip link first in the Tab order reaches the ranking in a few
// stops, with the weights drawer's controls after the ranking.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAxe, launchChromium, openWorkspace, screenshot, serve, type Served } from './harness';

let server: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serve();
  browser = await launchChromium();
  ({ page } = await openWorkspace(browser, server, { context: { bypassCSP: true } }));
  await page.waitForSelector('.ranking tbody tr');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('accessibility', () => {
  it('the workspace has no serious or critical axe violations', async () => {
    expect(await checkAxe(page)).toEqual([]);
  });

  it('site details and the sensitivity panel have none either', async () => {
    await page.locator('.ranking tbody tr').first().click();
    await page.getByRole('region', { name: /^Details of/ }).waitFor();
    await page.getByRole('button', { name: 'Sensitivity…' }).click();
    await page.getByRole('region', { name: 'Sensitivity' }).getByRole('button', { name: 'Run' }).click();
    await page.getByRole('table', { name: 'Stability intervals' }).waitFor();
    const found = await checkAxe(page);
    await screenshot(page, 'accessibility-details');
    expect(found).toEqual([]);
  });

  it('the scenario controls and the ranking are reached with the keyboard, in order', async () => {
    await page.goto(server.url);
    await page.waitForSelector('.ranking tbody tr');
    await page.keyboard.press('Tab');
    const reached = new Set<string>();
    // The top bar and the scenario bar come first; 40 stops leaves room as they gain buttons.
    for (let i = 0; i < 40; i++) {
      reached.add(
        await page.evaluate(
          () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? '',
        ),
      );
      await page.keyboard.press('Tab');
    }
    expect(reached).toContain('Ranking');
    expect([...reached].some((r) => r === 'SELECT')).toBe(true);
  });

  it('a skip link, first in the Tab order, reaches the ranking in at most 10 stops with the drawer open', async () => {
    await page.goto(server.url);
    await page.waitForSelector('.ranking tbody tr');
    const drawer = page.locator('.weights-drawer');
    if (!(await drawer.evaluate((d) => (d as HTMLDetailsElement).open))) await drawer.locator('> summary').click();
    // From the start of the page: a reload, which keeps the drawer open (the layout is remembered).
    await page.reload();
    await page.waitForSelector('.ranking tbody tr');
    await page.getByRole('region', { name: 'Weights' }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to ranking' });
    expect(await skip.evaluate((a) => a === document.activeElement)).toBe(true);
    // Visible while focused, inside the window.
    const box = await skip.boundingBox();
    expect(box).not.toBeNull();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    await screenshot(page, 'accessibility-skip-link');

    const inRanking = (): Promise<boolean> =>
      page.evaluate(() => (document.activeElement?.closest('table[aria-label="Ranking"]') ?? null) !== null);
    let stops = 1;
    while (!(await inRanking()) && stops < 20) {
      // Each key press is a stop: Enter on the skip link, Tab anywhere else.
      const onSkip = await skip.evaluate((a) => a === document.activeElement);
      await page.keyboard.press(onSkip ? 'Enter' : 'Tab');
      stops++;
    }
    expect(await inRanking()).toBe(true);
    expect(stops).toBeLessThanOrEqual(10);

    // The drawer's controls come after the ranking: a few more Tabs reach them.
    let inDrawer = false;
    for (let i = 0; i < 10 && !inDrawer; i++) {
      await page.keyboard.press('Tab');
      inDrawer = await page.evaluate(() => (document.activeElement?.closest('.weights-drawer') ?? null) !== null);
    }
    expect(inDrawer).toBe(true);
  });

  it('the workspace with the weights drawer open and a site selected has no serious or critical axe violations', async () => {
    await page.locator('.ranking tbody tr').nth(1).click();
    await page.getByRole('region', { name: /^Details of/ }).waitFor();
    expect(await page.evaluate(() => (document.querySelector('.weights-drawer') as HTMLDetailsElement).open)).toBe(
      true,
    );
    expect(await checkAxe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    expect(await checkAxe(page)).toEqual([]);
    await screenshot(page, 'accessibility-drawer-dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
  });
});

// axe-core over the workspace (ranking, details, compare, sensitivity open): no serious or critical
// violations. The page is opened with CSP bypassed only so axe's script can be injected.
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
});

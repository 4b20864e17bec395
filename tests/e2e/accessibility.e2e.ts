// axe-core over the workspace (ranking, details, compare, sensitivity open): no serious or critical
// violations. The page is opened with CSP bypassed only so axe's script can be injected.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, serve, type Served } from './harness';

interface Violation {
  id: string;
  impact: string | null;
  targets: string[];
}

let server: Served;
let browser: Browser;
let page: Page;
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

async function violations(): Promise<Violation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
          ): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

beforeAll(async () => {
  server = await serve();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  await page.goto(server.url);
  await page.waitForSelector('.ranking tbody tr');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('accessibility', () => {
  it('the workspace has no serious or critical axe violations', async () => {
    const found = await violations();
    expect(found.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  it('site details and the sensitivity panel have none either', async () => {
    await page.locator('.ranking tbody tr').first().click();
    await page.getByRole('region', { name: /^Details of/ }).waitFor();
    await page.getByRole('button', { name: 'Sensitivity…' }).click();
    await page.getByRole('region', { name: 'Sensitivity' }).getByRole('button', { name: 'Run' }).click();
    await page.getByRole('table', { name: 'Stability intervals' }).waitFor();
    const found = await violations();
    await screenshot(page, 'accessibility-details');
    expect(found.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
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

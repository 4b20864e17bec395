// Reports in browser mode: the Export report dialog renders the scenario on screen (pinned sites
// included) and the browser downloads the file; the HTML report then opens in Chromium, offline,
// with every request recorded (none may leave the file) and shows the ranking score.run gives for the
// report's own recorded inputs; the PDF from the same dialog has the expected text. Screenshots of
// the dialog and of the report go to test-results/e2e/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  checkAxe,
  launchChromium,
  openWorkspace,
  SCREENSHOT_DIR,
  screenshot,
  serve,
  type Served,
} from './harness';

let server: Served;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const DIR = join(SCREENSHOT_DIR, 'report');
let htmlFile = '';

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  server = await serve();
  browser = await launchChromium();
  // bypassCSP only so axe's script can be injected for the accessibility check of the dialog.
  ({ page } = await openWorkspace(browser, server, {
    context: { acceptDownloads: true, bypassCSP: true },
    problems,
    allowRemote: ['data:', 'blob:'],
  }));
  await page.getByRole('table', { name: 'Ranking' }).locator('tbody tr').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const api = <T>(name: string, body: unknown): Promise<T> => apiCall<T>(page, name, body);

async function exportReport(format: string, samples: string): Promise<string> {
  await page.getByRole('button', { name: 'Export report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export report' });
  await dialog.waitFor();
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Where to train: Johor or Singapore');
  await dialog.getByRole('textbox', { name: 'Author' }).fill('E2E planner');
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption(format);
  await dialog.getByRole('spinbutton', { name: 'Samples' }).fill(samples);
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  const path = join(DIR, file.suggestedFilename());
  await file.saveAs(path);
  await expect.poll(() => dialog.getByRole('status').textContent()).toBe(`Saved ${file.suggestedFilename()}.`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  return path;
}

describe('Export report', () => {
  it('pins two sites, opens the dialog from the keyboard, and downloads an HTML report of the scenario', async () => {
    await page.getByRole('combobox', { name: 'Company profile' }).selectOption('cn-private-lab-rented');
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('cost-first');
    const rows = page.getByRole('table', { name: 'Ranking' }).locator('tbody tr:not(.excluded)');
    await expect.poll(() => rows.count()).toBeGreaterThan(2);
    for (const index of [0, 6]) {
      await rows.nth(index).click();
      await page.getByRole('button', { name: /Add to compare/ }).click();
    }
    // Keyboard: focus the button, Enter opens, focus lands in the dialog, Escape closes and returns.
    const open = page.getByRole('button', { name: 'Export report…' });
    await open.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Export report' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('maxlength'))).toBe('200');
    expect(await dialog.textContent()).toContain('comparing');
    const serious = await checkAxe(page, '.report-dialog');
    expect(serious).toEqual([]);
    // The basemap loads after the ranking: wait for it so the screenshot shows the workspace behind.
    await page.waitForSelector('path.country', { state: 'attached' });
    await page.waitForTimeout(800);
    await screenshot(page, 'report-dialog', { readme: true });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Export report…');

    htmlFile = await exportReport('html', '500');
    const html = readFileSync(htmlFile, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('Where to train: Johor or Singapore');
    expect(html).toContain('<section id="compare">');
    expect(problems).toEqual([]);
  });

  it('opens the HTML file offline with no network request at all and shows the ranking score.run gives', async () => {
    const offline = await browser.newContext({ viewport: { width: 1000, height: 1300 }, offline: true });
    const requests: string[] = [];
    offline.on('request', (r) => requests.push(r.url()));
    const report = await offline.newPage();
    const url = pathToFileURL(htmlFile).href;
    await report.goto(url);
    await report.getByRole('heading', { name: 'Ranking' }).waitFor();
    // The document itself is the only thing loaded.
    expect(requests).toEqual([url]);

    const inputs = JSON.parse(
      (await report.locator('#reproducibility h3:has-text("Report inputs") + pre').textContent()) ?? '{}',
    ) as Record<string, unknown>;
    expect(inputs).toMatchObject({
      presetId: 'cost-first',
      profileId: 'cn-private-lab-rented',
      sensitivity: { samples: 500 },
    });
    const { sites: _sites, sensitivity: _s, ...scenario } = inputs;
    const score = await api<{
      results: { name: string; rank: number | null; tied: boolean; score: number | null }[];
    }>('score.run', scenario);
    const expected = [...score.results]
      .filter((r) => r.rank !== null)
      .sort((a, b) => (a.rank as number) - (b.rank as number))
      // A rank shared with another site reads "3=" (as on every screen); score.run marks it tied.
      .map((r) => [`${r.rank}${r.tied ? '=' : ''}`, r.name, (r.score as number).toFixed(3)]);
    const shown = await report.locator('table.ranking tbody tr:not(.excluded)').evaluateAll((trs) =>
      trs.map((tr) => {
        const td = [...tr.querySelectorAll('td')].map((c) => c.textContent?.trim() ?? '');
        return [td[0], td[1], td[4]?.slice(0, 5)];
      }),
    );
    expect(shown).toEqual(expected);
    expect(await report.locator('svg.map circle.dot').count()).toBeGreaterThanOrEqual(score.results.length);
    await screenshot(report, 'report-html', { readme: true });
    await report.locator('#contributions').scrollIntoViewIfNeeded();
    await report.screenshot({ path: join(SCREENSHOT_DIR, 'report-html-contributions.png') });
    expect(requests).toEqual([url]);
    await offline.close();
  });

  it('downloads a PDF of the same report, printed by the local Chromium', async () => {
    const pdf = await exportReport('pdf', '300');
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').slice(0, -1);
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(pages[0]).toContain('Where to train: Johor or Singapore');
    expect(pages[0]).toContain('E2E planner');
    expect(pages[0]).toContain('Executive summary');
    for (const section of [
      'Ranking',
      'Compare pinned sites',
      'Chip legality',
      'Sensitivity',
      'Sources',
      'Appendix: data health of the whole store',
      'Reproducibility',
    ]) {
      expect(text).toContain(section);
    }
    expect(problems).toEqual([]);
  });
});

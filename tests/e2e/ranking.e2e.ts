// The ranking in Chromium: legality and capacity columns, sorting by the headers, each filter with
// its count, selection following the map both ways, 1 000 imported sites windowed and navigated by
// keyboard, the remembered layout across a reload, and the empty and error states. Every step
// asserts on what is on the screen and saves a screenshot.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, checkAxe, launchChromium, openWorkspace, screenshot, serve, type Served } from './harness';
import { shownRows, type ShownRow as RankingRow } from './ranking-rows';

let server: Served;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  server = await serve();
  browser = await launchChromium();
  // CSP bypassed only so axe's script can be injected.
  ({ page } = await openWorkspace(browser, server, {
    context: { bypassCSP: true },
    problems,
    consoleErrors: (text) => !text.includes('simulated'),
  }));
  await page.waitForSelector('.ranking tbody tr[data-site]');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const ranking = (): Locator => page.getByRole('table', { name: 'Ranking' });
const names = (): Promise<string[]> => ranking().locator('tbody tr .site-name').allTextContents();
const count = (): Promise<string | null> => page.locator('.filter-count').textContent();
const header = (name: string): Locator => ranking().locator('th', { has: page.getByRole('button', { name }) });
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const nameOf = (sites: readonly { id: string; name: string }[], id: string): string =>
  sites.find((s) => s.id === id)?.name ?? id;

const api = <T>(name: string, input: unknown): Promise<T> => apiCall<T>(page, name, input);
/** How many rows the ranking shows, rendered or not (aria-rowcount less the header row). */
const shownCount = async (): Promise<number> => Number(await ranking().getAttribute('aria-rowcount')) - 1;
const allNames = async (): Promise<string[]> => (await allShownRows()).map((r) => r.parts.name ?? '');

const ROW_PARTS = {
  name: '.site-name',
  market: '.site-cell .muted',
  legality: '.legality-badge',
  score: '.score-value',
};
type ShownRow = RankingRow<keyof typeof ROW_PARTS>;
const allShownRows = (): Promise<ShownRow[]> => shownRows(page, ROW_PARTS);

describe('ranking', () => {
  it('shows each site’s chip legality as the backend derives it', async () => {
    await page.getByRole('combobox', { name: 'Company profile' }).selectOption('us-hyperscaler');
    await page.getByLabel('As of').fill('2025-09-01');
    const scenario = { profileId: 'us-hyperscaler', asOf: '2025-09-01' };
    const sites = await api<{ id: string }[]>('sites.list', {});
    const labels: Record<string, string> = {
      allowed: 'Allowed',
      conditional: 'Conditional',
      licence_required: 'Licence required',
      licence_denial: 'Licence, presumption of denial',
      prohibited: 'Prohibited',
    };
    // Every site, each with the backend's own verdict; the list is windowed, so read by scrolling.
    const expected: Record<string, string> = {};
    for (const site of sites) {
      const verdict = await api<{ status: string }>('legality.site', { ...scenario, siteId: site.id });
      if (labels[verdict.status] === undefined) throw new Error(`no label for status ${verdict.status}`);
      expected[site.id] = verdict.status;
    }
    const seen = new Set(Object.values(expected));
    // The longest label a badge contains names its status ('Licence required' is not a denial).
    const statusOf = (badge: string | null): string | undefined =>
      Object.entries(labels)
        .filter(([, label]) => badge?.includes(label))
        .sort(([, a], [, b]) => b.length - a.length)[0]?.[0];
    await expect
      .poll(async () => Object.fromEntries((await allShownRows()).map((r) => [r.site, statusOf(r.parts.legality)])), {
        timeout: 20000,
      })
      .toEqual(expected);
    // A US hyperscaler's best chip is allowed outside China and under a presumption of denial in it.
    expect([...seen].sort()).toEqual(['allowed', 'licence_denial']);
    // Every row keeps one height (the windowing and scroll-into-view rely on it), whatever the status.
    const heights = await ranking()
      .locator('tbody tr[data-site]')
      .evaluateAll((rows) => rows.map((r) => Math.round(r.getBoundingClientRect().height)));
    expect(new Set(heights).size).toBe(1);
    expect(await count()).toBe(`${sites.length} sites`);
    await screenshot(page, 'ranking-legality-1280');
  });

  it('sorts by the headers, with aria-sort and an indicator, also from the keyboard', async () => {
    // The list is windowed (75 sites): each order is read over every row, scrolling.
    const byRank = await allNames();
    expect(byRank).toHaveLength(await shownCount());
    await page.getByRole('button', { name: 'Site', exact: true }).click();
    await expect.poll(allNames, { timeout: 10000 }).toEqual([...byRank].sort(collator.compare));
    expect(await header('Site').getAttribute('aria-sort')).toBe('ascending');
    expect(await header('Rank').getAttribute('aria-sort')).toBeNull();
    // The header buttons work from the keyboard too.
    await page.getByRole('button', { name: 'Site', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(allNames, { timeout: 10000 }).toEqual([...byRank].sort(collator.compare).reverse());
    expect(await header('Site').getAttribute('aria-sort')).toBe('descending');
    expect(await page.getByRole('button', { name: 'Site', exact: true }).locator('.sort-indicator').textContent()).toBe(
      '▼',
    );

    await page.getByRole('button', { name: 'Legality', exact: true }).click();
    await expect.poll(() => header('Legality').getAttribute('aria-sort')).not.toBeNull();
    const order = ['Allowed', 'Conditional', 'Licence required', 'Licence, presumption of denial', 'Prohibited'];
    const statuses = (await allShownRows()).map((r) => order.findIndex((o) => r.parts.legality?.includes(o)));
    expect(statuses).toHaveLength(byRank.length);
    expect(statuses).not.toContain(-1);
    expect(statuses).toEqual([...statuses].sort((a, b) => a - b));
    expect(new Set(statuses).size).toBeGreaterThan(1);
    await screenshot(page, 'ranking-sorted-by-legality');

    await page.getByRole('button', { name: 'Score · top criteria' }).click();
    await expect.poll(() => header('Score · top criteria').getAttribute('aria-sort')).toBe('descending');
    const scores = (await allShownRows()).flatMap((r) => (r.parts.score === null ? [] : [Number(r.parts.score)]));
    expect(scores.length).toBeGreaterThan(0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await page.getByRole('button', { name: 'Rank' }).click();
    await expect.poll(allNames, { timeout: 10000 }).toEqual(byRank);
  });

  it('filters by country and legality status, counts what passes, and clears', async () => {
    const total = await shownCount();
    const sites = await api<{ country: string }[]>('sites.list', {});
    expect(total).toBe(sites.length);
    await page.getByRole('combobox', { name: 'Country' }).selectOption('CN');
    // Mainland China's sites, as many as the backend lists there (Hong Kong is a country of its own).
    await expect.poll(shownCount).toBe(sites.filter((s) => s.country === 'CN').length);
    const markets = (await allShownRows()).map((r) => r.parts.market ?? '');
    expect(markets.length).toBeGreaterThan(3);
    expect(markets.length).toBeLessThan(total);
    expect(await count()).toBe(`${markets.length} of ${total} sites`);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(count).toBe(`${total} sites`);

    await page.getByRole('button', { name: /^Legality: any/ }).click();
    // For a US hyperscaler the China sites (mainland and Hong Kong) are under a presumption of denial.
    await page.getByRole('checkbox', { name: 'Licence, presumption of denial' }).check();
    const badges = (await allShownRows()).map((r) => r.parts.legality ?? '');
    expect(badges.length).toBeGreaterThan(0);
    expect(badges.length).toBeLessThan(total);
    expect(badges.every((b) => b.includes('Licence, presumption of denial'))).toBe(true);
    expect(await count()).toBe(`${badges.length} of ${total} sites`);
    expect(await checkAxe(page)).toEqual([]);
    await screenshot(page, 'ranking-status-filter');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('checkbox', { name: 'Licence, presumption of denial' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(count).toBe(`${total} sites`);
  });

  it('says what to do when no site matches, and Clear filters there brings them back', async () => {
    await page.getByRole('searchbox', { name: 'Find a site' }).fill('atlantis');
    const empty = page.getByRole('status', { name: 'No match' });
    await empty.waitFor();
    expect(await empty.textContent()).toContain('No site matches these filters');
    await screenshot(page, 'ranking-no-match');
    await empty.getByRole('button', { name: 'Clear filters' }).click();
    const sites = await api<unknown[]>('sites.list', {});
    await expect.poll(shownCount).toBe(sites.length);
    expect(await page.getByRole('searchbox', { name: 'Find a site' }).inputValue()).toBe('');
  });

  it('follows the map: a marker picked there is selected and scrolled into view here, and back', async () => {
    // Sorted by name, Zhongwei is the last row, below the fold (and outside the rendered window);
    // just above it is ZData Wuhu.
    const sites = await api<{ id: string; name: string }[]>('sites.list', {});
    const byName = sites.map((s) => s.id).sort((a, b) => collator.compare(nameOf(sites, a), nameOf(sites, b)));
    expect(byName.slice(-2)).toEqual(['cn-zdata-wuhu', 'cn-zhongwei']);
    await page.getByRole('button', { name: 'Site', exact: true }).click();
    const scroller = page.locator('.ranking-scroll');
    await scroller.evaluate((e) => (e.scrollTop = 0));
    const row = ranking().locator('tr[data-site="cn-zhongwei"]');
    const inView = async (): Promise<boolean> => {
      // A row outside the rendered window is not in the DOM at all.
      if ((await row.count()) === 0) return false;
      const [r, s] = await Promise.all([row.boundingBox(), scroller.boundingBox()]);
      return r !== null && s !== null && r.y >= s.y && r.y + r.height <= s.y + s.height + 1;
    };
    expect(await inView()).toBe(false);
    expect(await row.count()).toBe(0);
    // At the opening zoom Zhongwei shares a cluster with CIDC Zhongwei, a few kilometres away: clicking
    // the cluster zooms in and splits it, as a planner would, and then its own marker can be picked.
    const marker = page.locator('.site-marker.site-cn-zhongwei');
    expect(await marker.count()).toBe(0);
    await page.locator('.site-cluster[data-sites~="cn-zhongwei"]').click();
    await marker.waitFor({ state: 'attached' });
    await marker.click({ force: true });
    await expect.poll(() => row.getAttribute('aria-selected')).toBe('true');
    await expect.poll(inView).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: /Site details/ }).textContent()).toContain('Zhongwei');

    // And a row picked here highlights its marker on the map: the row above, in view now too.
    await ranking().locator('tr[data-site="cn-zdata-wuhu"]').click();
    await expect.poll(() => page.locator('.site-marker.site-cn-zdata-wuhu').getAttribute('stroke-width')).toBe('3');
    await page.waitForTimeout(800);
    await screenshot(page, 'ranking-selection-synced');
    await page.getByRole('button', { name: 'Rank' }).click();
  });

  it('shows the failure of a score call with Retry', async () => {
    await page.route('**/api/score.run', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          ok: false,
          error: { code: 'internal', message: 'simulated scorer failure', issues: [] },
        }),
      }),
    );
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('latency-inference');
    const alert = page.getByRole('alert', { name: 'Scoring failed' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('simulated scorer failure');
    await screenshot(page, 'ranking-score-failed');
    await page.unroute('**/api/score.run');
    await alert.getByRole('button', { name: 'Retry' }).click();
    const sites = await api<unknown[]>('sites.list', {});
    await expect.poll(shownCount).toBe(sites.length);
    await expect.poll(() => alert.count()).toBe(0);
  });

  it('when every site is excluded, names the constraint that excludes most and what to do', async () => {
    // A China-HQ lab renting its US chips: the 2025-05-13 cloud guidance sets conditions wherever it
    // rents (and China is under a presumption of denial), and this preset accepts only allowed chips.
    // (ByteDance no longer fits: headquarters rules do not reach hardware inside the US.)
    await page.getByRole('combobox', { name: 'Company profile' }).selectOption('cn-private-lab-rented');
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('sovereignty-low-risk');
    const message = page.getByRole('status', { name: 'All excluded' });
    await message.waitFor();
    // Every site the backend lists. Polled: the previous scenario's answer can show the message for a
    // moment first.
    const { length } = await api<unknown[]>('sites.list', {});
    await expect
      .poll(() => message.textContent())
      .toContain(`chips must be legal for the profile (${length} of ${length} sites)`);
    expect(await message.textContent()).toContain('Switch the company profile');
    await screenshot(page, 'ranking-all-excluded');
    await page.getByRole('combobox', { name: 'Company profile' }).selectOption('us-hyperscaler');
    await expect.poll(() => message.count()).toBe(0);
  });

  it('stays windowed and keyboard-navigable with 1 000 more sites', async () => {
    const head =
      'id,name,country,region,lat,lon,capacity_existing_mw,capacity_planned_mw,source_title,source_url,as_of';
    const lines = Array.from({ length: 1000 }, (_, i) => {
      const sg = i % 2 === 0;
      // Campus 399 is given 2 400 MW existing and 50 planned: more than any seeded site (the most is
      // CIDC Zhongwei, 2 050 MW planned) and than any other imported one (at most 409 + 50).
      const cap = i === 399 ? '2400,50' : i % 3 === 0 ? `${10 + (i % 400)},${i % 7 === 0 ? 50 : ''}` : ',';
      return `bulk-${String(i).padStart(4, '0')},Campus ${i},${sg ? 'SG' : 'MY'},${sg ? 'sg' : 'my-johor'},${
        (sg ? 1.3 : 1.6) + (i % 50) / 1000
      },${103.6 + (i % 40) / 1000},${cap},Survey,https://example.org/s,2025-03-01`;
    });
    const seeded = (await api<unknown[]>('sites.list', {})).length;
    const total = seeded + 1000;
    await api('import.commit', { kind: 'sites-csv', content: [head, ...lines].join('\n') });
    await expect.poll(count, { timeout: 20000 }).toBe(`${total} sites`);
    const rendered = await ranking().locator('tbody tr[data-site]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
    expect(await ranking().getAttribute('aria-rowcount')).toBe(String(total + 1));

    await ranking().focus();
    await page.keyboard.press('End');
    const last = ranking().locator('tr[aria-selected="true"]');
    await expect.poll(() => last.getAttribute('aria-rowindex')).toBe(String(total + 1));
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => last.getAttribute('aria-rowindex')).toBe(String(total));
    await page.keyboard.press('Home');
    await expect.poll(() => last.getAttribute('aria-rowindex')).toBe('2');
    await page.keyboard.press('PageDown');
    expect(Number(await last.getAttribute('aria-rowindex'))).toBeGreaterThan(4);

    await page.getByRole('button', { name: 'Capacity (MW)' }).click();
    // The selected site stays in view where the new order puts it; the top of the list is above.
    await expect.poll(() => last.isVisible()).toBe(true);
    await page.locator('.ranking-scroll').evaluate((e) => (e.scrollTop = 0));
    // Campus 399: 2 400 MW existing and 50 planned, the most of any site (seeded CIDC Zhongwei is
    // next, 2 050 MW planned).
    await expect
      .poll(() => ranking().locator('tbody tr[data-site]').first().getAttribute('data-site'))
      .toBe('bulk-0399');
    expect(await ranking().locator('tbody tr[data-site] .capacity-cell').first().textContent()).toBe(
      '2,400+50 planned',
    );
    expect(await ranking().locator('tbody tr[data-site]').nth(1).getAttribute('data-site')).toBe('cn-cidc-zhongwei');
    await screenshot(page, 'ranking-1000-sites-by-capacity');
  });

  it('remembers the sidebar width, the sort and the filters across a reload', async () => {
    const separator = page.getByRole('separator', { name: 'Resize the sidebar' });
    const before = Number(await separator.getAttribute('aria-valuenow'));
    const box = await separator.boundingBox();
    if (!box) throw new Error('no sidebar handle on screen');
    await page.mouse.move(box.x + 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + 82, box.y + 200, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Number(await separator.getAttribute('aria-valuenow'))).toBe(before + 80);
    const sidebarWidth = (): Promise<number> =>
      page.getByRole('complementary', { name: 'Sites' }).evaluate((e) => Math.round(e.getBoundingClientRect().width));
    expect(await sidebarWidth()).toBe(before + 80);
    await page.getByRole('combobox', { name: 'Country' }).selectOption('MY');
    await page.getByRole('button', { name: /Site details/ }).click();
    // Rows are windowed: compare the top of the list.
    await page.locator('.ranking-scroll').evaluate((e) => (e.scrollTop = 0));
    await expect.poll(async () => (await names())[0]).toBe('Campus 399');
    const shown = (await names()).slice(0, 10);

    await page.reload();
    await page.waitForSelector('.ranking tbody tr[data-site]');
    expect(await sidebarWidth()).toBe(before + 80);
    expect(await page.getByRole('combobox', { name: 'Country' }).inputValue()).toBe('MY');
    expect(await header('Capacity (MW)').getAttribute('aria-sort')).toBe('descending');
    await expect.poll(async () => (await names()).slice(0, 10)).toEqual(shown);
    expect(await page.getByRole('button', { name: /Site details/ }).getAttribute('aria-expanded')).toBe('false');
    await screenshot(page, 'ranking-layout-remembered');
  });

  it('looks right in the dark theme at 1920×1080', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.getByRole('button', { name: /Site details/ }).click();
    await ranking().locator('tbody tr[data-site]').nth(2).click();
    const background = await page
      .locator('.ranking th')
      .first()
      .evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(background).toBe('rgb(17, 24, 39)');
    await page.waitForTimeout(800);
    await screenshot(page, 'ranking-dark-1920', { readme: true });
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('logged no errors', () => {
    expect(problems).toEqual([]);
  });
});

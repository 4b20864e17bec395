// Reading the windowed ranking in e2e tests. Above 60 rows only the rows in view and an overscan of
// 10 each side are in the DOM (about 30 at 1280×800), so a test that needs every row scrolls through
// the list as a planner would and collects each row once by its aria-rowindex, and a test that
// picks a row further down scrolls to it first. The e2e counterpart of tests/renderer/ranking-scroll.ts.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface ListedRow {
  site: string;
  name: string;
  className: string;
  rowIndex: number;
}

const SCROLLER = '.ranking-scroll';

/** How many body rows the ranking shows, rendered or not (aria-rowcount less the header row). */
export async function shownRowCount(page: Page): Promise<number> {
  const count = await page.getByRole('table', { name: 'Ranking' }).getAttribute('aria-rowcount');
  return Number(count) - 1;
}

/**
 * Every shown row of the ranking in display order, scrolling through its window half a view at a
 * time (well inside the rendered rows, so none is skipped); the list is back where it was after.
 */
export function listedRows(page: Page): Promise<ListedRow[]> {
  return page.locator(SCROLLER).evaluate(async (scroller) => {
    const table = scroller.querySelector('table.ranking');
    const count = Number(table?.getAttribute('aria-rowcount') ?? 1) - 1;
    const byIndex = new Map<number, ListedRow>();
    const frames = (): Promise<void> =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    const collect = (): void => {
      for (const tr of scroller.querySelectorAll<HTMLElement>('tbody tr[data-site]')) {
        const rowIndex = Number(tr.getAttribute('aria-rowindex'));
        byIndex.set(rowIndex, {
          site: tr.dataset.site ?? '',
          name: tr.querySelector('.site-name')?.textContent ?? '',
          className: tr.className,
          rowIndex,
        });
      }
    };
    const start = scroller.scrollTop;
    const step = Math.max(40, scroller.clientHeight / 2);
    collect();
    for (let top = 0; byIndex.size < count && top <= scroller.scrollHeight; top += step) {
      scroller.scrollTop = top;
      await frames();
      collect();
    }
    scroller.scrollTop = start;
    await frames();
    return [...byIndex.values()].sort((a, b) => a.rowIndex - b.rowIndex);
  });
}

/**
 * The ranking's row matching `selector` (e.g. `[data-site="cn-ulanqab"]`), scrolled into the
 * window first when it is further down the list; a locator that waits as usual if no row matches.
 */
export async function rankingRow(page: Page, selector: string): Promise<Locator> {
  await page.locator(SCROLLER).evaluate(async (scroller, sel) => {
    const frames = (): Promise<void> =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    const find = (): HTMLElement | null => scroller.querySelector<HTMLElement>(`tbody tr${sel}`);
    const step = Math.max(40, scroller.clientHeight / 2);
    for (let top = 0; find() === null && top <= scroller.scrollHeight; top += step) {
      scroller.scrollTop = top;
      await frames();
    }
    find()?.scrollIntoView({ block: 'nearest' });
    await frames();
  }, selector);
  return page.getByRole('table', { name: 'Ranking' }).locator(`tbody tr${selector}`);
}

/** The row of the site with this id, scrolled into the window. */
export function siteRow(page: Page, siteId: string): Promise<Locator> {
  return rankingRow(page, `[data-site="${siteId}"]`);
}

/** A row of the ranking as shown: its site, position (aria-rowindex, the header row is 1) and texts. */
export interface ShownRow<K extends string> {
  site: string;
  rowIndex: number;
  className: string;
  /** The text of each of the asked parts in the row, null when the row has none. */
  parts: Record<K, string | null>;
}

/**
 * Every shown row of the ranking in display order, with the text of each of `parts` (name →
 * selector inside the row). Unlike listedRows, which scrolls in fixed steps, this brings the last
 * row read to the top of the view each time and polls until the next rows render, so it holds while
 * the list is still re-ranking (after a date or weight change); the scroll position is put back.
 */
export async function shownRows<K extends string>(page: Page, parts: Record<K, string>): Promise<ShownRow<K>[]> {
  const ranking = page.getByRole('table', { name: 'Ranking' });
  const scroller = page.locator(SCROLLER);
  const count = await shownRowCount(page);
  const rows = new Map<number, ShownRow<K>>();
  /** The last row of the unbroken run read from the top (1 while the first is not read yet). */
  const readTo = (): number => {
    let i = 1;
    while (rows.has(i + 1)) i += 1;
    return i;
  };
  const collect = async (): Promise<number> => {
    const rendered = await ranking.locator('tbody tr[data-site]').evaluateAll(
      (trs, selectors) =>
        trs.map((tr) => ({
          site: tr.getAttribute('data-site') ?? '',
          rowIndex: Number(tr.getAttribute('aria-rowindex')),
          className: tr.className,
          parts: Object.fromEntries(
            Object.entries(selectors).map(([key, selector]) => [key, tr.querySelector(selector)?.textContent ?? null]),
          ),
        })),
      parts as Record<string, string>,
    );
    for (const r of rendered) rows.set(r.rowIndex, { ...r, parts: r.parts as Record<K, string | null> });
    return readTo();
  };
  if (count <= 0) return [];
  const start = await scroller.evaluate((e) => e.scrollTop);
  await scroller.evaluate((e) => (e.scrollTop = 0));
  await expect.poll(collect, { timeout: 10000 }).toBeGreaterThan(1);
  while (readTo() < count + 1) {
    const last = readTo();
    // Each try scrolls again (a re-render can move the list) and reads what is rendered then.
    await expect
      .poll(
        async () => {
          await scroller.evaluate((e, index) => {
            const tr = e.querySelector(`tbody tr[aria-rowindex="${index}"]`);
            if (tr) e.scrollTop += tr.getBoundingClientRect().top - e.getBoundingClientRect().top;
            else
              e.scrollTop =
                (index - 2) * (e.querySelector('tbody tr[data-site]')?.getBoundingClientRect().height ?? 40);
          }, last);
          return collect();
        },
        { timeout: 10000 },
      )
      .toBeGreaterThan(last);
  }
  await scroller.evaluate((e, top) => (e.scrollTop = top), start);
  return [...rows.values()].sort((a, b) => a.rowIndex - b.rowIndex);
}

/**
 * How many ranking rows a planner can read without scrolling: rows whose whole box lies inside the
 * ranking's scroll viewport, below its sticky header, and inside the window, and that nothing else
 * covers (the point at their centre hits the row). The windowed ranking keeps rows beyond the view
 * in the DOM, so counting rendered rows would overstate it.
 */
export function fullyVisibleRowCount(page: Page): Promise<number> {
  return page.locator(SCROLLER).evaluate((scroller) => {
    const view = scroller.getBoundingClientRect();
    const header = scroller.querySelector('thead')?.getBoundingClientRect();
    const top = Math.max(view.top, header?.bottom ?? view.top, 0);
    const bottom = Math.min(view.bottom, window.innerHeight);
    const left = Math.max(view.left, 0);
    const right = Math.min(view.right, window.innerWidth);
    // Half a pixel for sub-pixel layout.
    const readable = (tr: Element): boolean => {
      const r = tr.getBoundingClientRect();
      if (r.height === 0 || r.top < top - 0.5 || r.bottom > bottom + 0.5 || r.left < left - 0.5 || r.left >= right)
        return false;
      const hit = document.elementFromPoint((r.left + Math.min(r.right, right)) / 2, (r.top + r.bottom) / 2);
      return hit !== null && tr.contains(hit);
    };
    return [...scroller.querySelectorAll('tbody tr[data-site]')].filter(readable).length;
  });
}

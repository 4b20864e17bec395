// Panning the map with 10 000 sites: a store gets 10 000 extra sites through the CLI's sites-CSV
// import, the workspace opens in Chromium at 1280×800, and the map is dragged back and forth with the
// mouse for about two seconds while requestAnimationFrame counts frames. Prints the frame rate and
// writes it, with the frame-time spread and the map's own User Timing measures, to
// test-results/perf/map-pan.json. The floor (30 fps) is what a regression (say, drawing all 10 000
// markers, or re-clustering on every frame) breaks; the target is 60 fps.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, launchChromium, screenshot, type Served } from './harness';
import { frameStats, MARKETS, scatteredSitesCsv, serveWithSites, writePerfResult } from './perf-harness';

const SITES = 10_000;
const PAN_MS = 2_000;
const FPS_FLOOR = 30;

/** The basemap's SVG (drawn beyond the view, redrawn when a pan leaves it) spans the whole map. */
function basemapCoversView(on: Page): Promise<boolean> {
  return on.evaluate(() => {
    const svg = document.querySelector('.leaflet-basemap-pane svg')?.getBoundingClientRect();
    const map = document.querySelector('.map')?.getBoundingClientRect();
    if (!svg || !map) return false;
    return svg.left <= map.left && svg.top <= map.top && svg.right >= map.right && svg.bottom >= map.bottom;
  });
}

let server: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // A deterministic store, with two cost criteria so the scores and colours spread.
  server = await serveWithSites(scatteredSitesCsv(SITES, 0x5eed, MARKETS, 6));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('map performance', () => {
  it(`pans smoothly with ${SITES} sites`, { timeout: 120_000 }, async () => {
    const siteCount = async (): Promise<number> => (await apiCall<{ siteCount: number }>(page, 'app.info')).siteCount;
    expect(await siteCount()).toBeGreaterThan(SITES);
    // The ranking lists them all once the scores are in.
    await expect
      .poll(() => page.getByRole('table', { name: 'Ranking' }).getAttribute('aria-rowcount'), { timeout: 60_000 })
      .toBe(String((await siteCount()) + 1));
    await page.waitForSelector('.site-cluster', { timeout: 60_000 });
    await page.waitForTimeout(1000);
    const drawn = await page.locator('.site-marker, .site-cluster').count();
    const inBadges = await page
      .locator('.site-cluster')
      .evaluateAll((els) => els.reduce((n, e) => n + Number((e as HTMLElement).dataset.count ?? 0), 0));
    // Clustering is what keeps the DOM small: thousands of sites in view, a few dozen elements.
    expect(inBadges).toBeGreaterThan(SITES / 2);
    expect(drawn).toBeLessThan(500);

    await screenshot(page, 'map-10000-sites');

    const map = await page.locator('.map').boundingBox();
    if (!map) throw new Error('no map on screen');
    const cx = map.x + map.width / 2;
    const cy = map.y + map.height / 2;
    const panePosition = (): Promise<string> =>
      page.locator('.leaflet-map-pane').evaluate((e) => (e as HTMLElement).style.transform);
    const before = await panePosition();
    const seen = new Set<string>();

    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __counting: boolean };
      w.__frames = [];
      w.__counting = true;
      const tick = (t: number): void => {
        w.__frames.push(t);
        if (w.__counting) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // Drags of 300 px, about 60 mouse moves a second, each ending in a moveend (re-clustering and
    // labels); three the same way, so the pan leaves the area the basemap drew (a redraw), then back.
    const started = Date.now();
    for (let drag = 0; Date.now() - started < PAN_MS; drag++) {
      const direction = Math.floor(drag / 3) % 2 === 0 ? 1 : -1;
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let step = 1; step <= 24; step++) {
        await page.mouse.move(cx - direction * step * 12.5, cy + direction * step * 3);
        await page.waitForTimeout(16);
      }
      seen.add(await panePosition());
      await page.mouse.up();
    }
    const stats = frameStats(
      await page.evaluate(() => {
        const w = window as unknown as { __frames: number[]; __counting: boolean };
        w.__counting = false;
        return w.__frames;
      }),
    );
    // The drags really moved the map, and the basemap, redrawn lazily, still covers the view.
    seen.delete(before);
    expect(seen.size).toBeGreaterThan(0);
    await page.waitForTimeout(800);
    expect(await basemapCoversView(page)).toBe(true);

    const measures = await page.evaluate(() =>
      ['landfall:map-project', 'landfall:map-cluster', 'landfall:map-labels'].map((name) => {
        const d = performance
          .getEntriesByName(name, 'measure')
          .map((e) => e.duration)
          .sort((a, b) => a - b);
        return { name, count: d.length, medianMs: d[Math.floor(d.length / 2)] ?? 0, maxMs: d[d.length - 1] ?? 0 };
      }),
    );
    const result = { sites: await siteCount(), viewport: '1280x800', drawnElements: drawn, ...stats, measures };
    writePerfResult('map-pan', result);
    console.log(
      `map pan with ${result.sites} sites: ${stats.fps.toFixed(1)} fps over ${stats.elapsedMs.toFixed(0)} ms ` +
        `(median frame ${stats.medianFrameMs.toFixed(1)} ms, p95 ${stats.p95FrameMs.toFixed(1)} ms, ` +
        `longest ${stats.longestFrameMs.toFixed(1)} ms); ${drawn} elements drawn; slowest frames ${JSON.stringify(stats.slowest)}\n` +
        measures
          .map((m) => `  ${m.name}: median ${m.medianMs.toFixed(2)} ms, max ${m.maxMs.toFixed(2)} ms (${m.count})`)
          .join('\n'),
    );
    expect(stats.elapsedMs).toBeGreaterThan(PAN_MS * 0.8);
    expect(stats.fps).toBeGreaterThanOrEqual(FPS_FLOOR);
  });
});

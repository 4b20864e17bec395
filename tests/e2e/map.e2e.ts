// The map in Chromium: at the last zoom level around Nusajaya and Tuas, sites sharing an estate's
// coordinates fan out, and every site has its own marker and a label that overlaps no other label
// or marker (in both themes); clusters when zoomed out that split when clicked;
// selection from the list pulls a site out of its cluster; the opt-in online basemap asks only the
// OpenStreetMap tile server, and only once ticked; axe finds nothing serious in the map's controls.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, checkAxe, launchChromium, openWorkspace, screenshot, serve, type Served } from './harness';
import { siteRow } from './ranking-rows';

let server: Served;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const requests: string[] = [];
/** A 1×1 grey PNG, served for every tile request so the test never touches the network. */
const TILE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mO4c+fOfwAIGQN/0H7bXQAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  server = await serve();
  browser = await launchChromium();
  ({ page } = await openWorkspace(browser, server, {
    problems,
    consoleErrors: true,
    beforeGoto: async (p) => {
      p.on('request', (r) => {
        if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) requests.push(r.url());
      });
      await p.route('https://tile.openstreetmap.org/**', (route) =>
        route.fulfill({ status: 200, contentType: 'image/png', body: TILE_PNG }),
      );
    },
  }));
  await page.waitForSelector('.site-marker', { state: 'attached' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Rect {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface MapPicture {
  labels: (Rect & { text: string })[];
  markers: Rect[];
  badges: (Rect & { ids: string[] })[];
}

/** Labels, markers and badges as drawn, in screen pixels, each named by its site (or leader) id. */
function picture(): Promise<MapPicture> {
  return page.evaluate(() => {
    const box = (key: string, e: Element): Rect => {
      const r = e.getBoundingClientRect();
      return { key, x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return {
      labels: [...document.querySelectorAll<HTMLElement>('.site-label')].map((l) => ({
        ...box(l.dataset.site ?? l.dataset.cluster ?? '?', l),
        text: l.textContent ?? '',
      })),
      markers: [...document.querySelectorAll('.site-marker')].map((m) =>
        box([...m.classList].find((c) => c.startsWith('site-') && c !== 'site-marker')?.slice(5) ?? '?', m),
      ),
      badges: [...document.querySelectorAll<HTMLElement>('.site-cluster')].map((b) => {
        const ids = (b.dataset.sites ?? '').split(' ');
        return { ...box(ids[0] ?? '?', b), ids };
      }),
    };
  });
}

/** Half a pixel of slack for sub-pixel rounding of SVG and HTML boxes. */
function overlap(a: Rect, b: Rect): boolean {
  const e = 0.5;
  return a.x + e < b.x + b.width && b.x + e < a.x + a.width && a.y + e < b.y + b.height && b.y + e < a.y + a.height;
}

/** Every pair of labels that overlap, and every label over someone else's marker or badge. */
function collisions(p: MapPicture): string[] {
  const found: string[] = [];
  p.labels.forEach((a, i) =>
    p.labels.slice(i + 1).forEach((b) => {
      if (overlap(a, b)) found.push(`label ${a.text} over label ${b.text}`);
    }),
  );
  for (const l of p.labels) {
    for (const m of [...p.markers, ...p.badges])
      if (m.key !== l.key && overlap(l, m)) found.push(`${l.text} over ${m.key}`);
  }
  return found;
}

/** Zooms with the map's own buttons, one level at a time (a click during a zoom animation is dropped). */
async function zoom(levels: number): Promise<void> {
  const button = page.getByRole('button', { name: levels > 0 ? 'Zoom in' : 'Zoom out', exact: true });
  for (let i = 0; i < Math.abs(levels); i++) {
    await button.click();
    await page.waitForTimeout(400);
  }
  await settle();
}

function basemapCoversView(): Promise<boolean> {
  return page.evaluate(() => {
    const svg = document.querySelector('.leaflet-basemap-pane svg')?.getBoundingClientRect();
    const map = document.querySelector('.map')?.getBoundingClientRect();
    if (!svg || !map) return false;
    return svg.left <= map.left && svg.top <= map.top && svg.right >= map.right && svg.bottom >= map.bottom;
  });
}

async function settle(): Promise<void> {
  // Zoom animations run 250 ms, flights 500–600 ms; the layers redraw when the map stops.
  await page.waitForTimeout(900);
}

describe('map', () => {
  it('at the last zoom level around Nusajaya and Tuas, after fanning out, gives every site in view its own marker and label, none overlapping', async () => {
    // Worked out from the data, not pasted: the sites, and the biggest group sharing exact coordinates.
    const sites = await apiCall<{ id: string; name: string; lat: number; lon: number }[]>(page, 'sites.list');
    const byPoint = new Map<string, typeof sites>();
    for (const s of sites) byPoint.set(`${s.lat},${s.lon}`, [...(byPoint.get(`${s.lat},${s.lon}`) ?? []), s]);
    const estate = [...byPoint.values()].sort((a, b) => b.length - a.length)[0] ?? [];
    expect(estate.length).toBeGreaterThanOrEqual(6);
    const [first] = estate;
    if (!first) throw new Error('no shared estate');
    const ids = estate.map((s) => s.id);

    // A wider window (more map beside the ranking); Tuas picked in the list flies there.
    await page.setViewportSize({ width: 1600, height: 900 });
    await (await siteRow(page, 'sg-tuas')).click();
    await settle();
    // The estate's badge: clicking it goes to the last zoom level and fans its sites out.
    await page.locator(`.site-cluster[data-sites~="${first.id}"]`).click();
    await settle();
    expect(await page.getByRole('button', { name: 'Zoom in', exact: true }).getAttribute('aria-disabled')).toBe('true');
    await expect.poll(() => page.locator('.fan-leg').count()).toBe(estate.length);
    // Drag the map so the estate sits in the middle (a drag does not fold the fan).
    const map = await page.locator('.map').boundingBox();
    const dot = await page.locator('.fan-centre').boundingBox();
    if (!map || !dot) throw new Error('no map or fan');
    const from = { x: map.x + 60, y: map.y + map.height - 140 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    const dx = map.x + map.width / 2 - (dot.x + dot.width / 2);
    const dy = map.y + map.height / 2 - (dot.y + dot.height / 2);
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + (dx * i) / 10, from.y + (dy * i) / 10);
    await page.mouse.up();
    await settle();
    expect(await page.locator('.fan-leg').count()).toBe(estate.length);
    // Other stacks in view (Kulai, Sedenak, Jurong…) fan out from their badges too; the estate stays open.
    const inMap = (r: { x: number; y: number; width: number; height: number }): boolean =>
      r.x + r.width / 2 > map.x &&
      r.x + r.width / 2 < map.x + map.width &&
      r.y + r.height / 2 > map.y &&
      r.y + r.height / 2 < map.y + map.height;
    for (let i = 0; i < 6; i++) {
      const stacked = (await picture()).badges.find((b) => inMap(b));
      if (!stacked) break;
      await page.locator(`.site-cluster[data-sites="${stacked.ids.join(' ')}"]`).click();
      await settle();
    }

    // Where each site's true point is on screen, from its coordinates (Web Mercator at zoom 12),
    // anchored on the estate's dot.
    const centre = await page.locator('.fan-centre').first().boundingBox();
    if (!centre) throw new Error('no fan centre');
    const scale = 256 * 2 ** 12;
    const px = (lat: number, lon: number): { x: number; y: number } => {
      const s = Math.sin((lat * Math.PI) / 180);
      return { x: (scale * (lon + 180)) / 360, y: scale * (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) };
    };
    const origin = px(first.lat, first.lon);
    const onScreen = (s: { lat: number; lon: number }): { x: number; y: number } => {
      const p = px(s.lat, s.lon);
      return { x: centre.x + centre.width / 2 + p.x - origin.x, y: centre.y + centre.height / 2 + p.y - origin.y };
    };
    const inView = sites.filter((s) => {
      const p = onScreen(s);
      return p.x > map.x && p.x < map.x + map.width && p.y > map.y && p.y < map.y + map.height;
    });
    const estateAt = onScreen(first);
    const near = inView.filter((s) => {
      const p = onScreen(s);
      return Math.hypot(p.x - estateAt.x, p.y - estateAt.y) <= 300;
    });
    expect(near.map((s) => s.id)).toEqual(expect.arrayContaining([...ids, 'sg-tuas'].filter((id) => id !== 'sg-tuas')));

    const p = await picture();
    // Every site in view has a marker of its own: no badge is left at the last zoom level.
    expect(p.badges.filter(inMap)).toEqual([]);
    for (const s of inView) expect(p.markers.map((m) => m.key)).toContain(s.id);
    // The estate's sites stand apart: no two markers closer than a marker's diameter.
    const centres = p.markers
      .filter((m) => ids.includes(m.key))
      .map((m) => ({ x: m.x + m.width / 2, y: m.y + m.height / 2 }));
    expect(centres).toHaveLength(estate.length);
    centres.forEach((a, i) =>
      centres.slice(i + 1).forEach((b) => expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(12)),
    );
    // Every site around the estate (within 300 px) and the selected Tuas has its own label, with its name.
    for (const s of [...near, ...sites.filter((x) => x.id === 'sg-tuas')])
      expect(p.labels.find((l) => l.key === s.id)?.text, s.id).toBe(s.name);
    expect(collisions(p)).toEqual([]);
    expect(await page.locator('.site-label.selected').textContent()).toBe('Nxera DC Tuas');
    // The tooltip says whose position it is.
    await page.locator(`.site-${first.id}`).hover({ force: true });
    await expect
      .poll(() => page.locator('.leaflet-tooltip').last().textContent())
      .toContain("Position is the estate's, shared with");
    expect(await basemapCoversView()).toBe(true);
    await screenshot(page, 'map-labels-singapore', { readme: true });

    // A click on the map itself folds every fan back into its badge.
    await page.mouse.click(map.x + 80, map.y + map.height / 2 + 60);
    await expect.poll(() => page.locator('.fan-leg').count()).toBe(0);
    expect(await page.locator(`.site-cluster[data-sites~="${first.id}"]`).getAttribute('data-stacked')).toBe('true');
    // Picking one of the estate's sites in the ranking fans its estate out again, that site highlighted.
    await (await siteRow(page, first.id)).click();
    await settle();
    expect(await page.locator('.fan-leg').count()).toBe(estate.length);
    expect(await page.locator(`.site-${first.id}`).getAttribute('stroke-width')).toBe('3');
    expect(await page.locator('.site-label.selected').textContent()).toBe(first.name);
    expect(collisions(await picture())).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await settle();
  });

  it('reads in the dark theme too', async () => {
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.waitForTimeout(200);
    const ratio = await page
      .locator('.site-label:not(.selected)')
      .first()
      .evaluate((label) => {
        const rgb = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = (c: number[]): number => {
          const [r = 0, g = 0, b = 0] = c.map((v) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const style = getComputedStyle(label);
        const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))].sort((x, y) => y - x);
        return ((a ?? 0) + 0.05) / ((b ?? 0) + 0.05);
      });
    expect(ratio).toBeGreaterThan(7);
    expect(collisions(await picture())).toEqual([]);
    await screenshot(page, 'map-labels-singapore-dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
  });

  it('merges nearby sites into clusters zoomed out; clicking one zooms in and splits it', async () => {
    await zoom(-5);
    const out = await picture();
    const local = out.badges.find((b) => b.ids.includes('sg-loyang'));
    expect(local).toBeDefined();
    expect(local?.ids.length).toBeGreaterThan(2);
    // The badge shows how many sites it holds and has a label naming their markets.
    expect(await page.locator(`.site-cluster[data-sites~="sg-loyang"]`).textContent()).toBe(String(local?.ids.length));
    expect(out.labels.some((l) => /Singapore|Johor/.test(l.text))).toBe(true);
    expect(collisions(out)).toEqual([]);
    await screenshot(page, 'map-clusters', { readme: true });

    await page.locator('.site-cluster[data-sites~="sg-loyang"]').click();
    await settle();
    const after = await picture();
    // Its sites are now spread over more than one marker or badge.
    const holders = new Set(
      (local?.ids ?? []).map(
        (id) => after.markers.find((m) => m.key === id)?.key ?? after.badges.find((b) => b.ids.includes(id))?.key,
      ),
    );
    expect(holders.size).toBeGreaterThan(1);
    expect(holders.has(undefined)).toBe(false);
    // The basemap, redrawn only when the view leaves what it drew (lazy-svg.ts), covers the map.
    expect(await basemapCoversView()).toBe(true);
  });

  it('a site picked in the list leaves its cluster, highlighted; clicking a marker selects it', async () => {
    await zoom(-3);
    expect((await picture()).badges.some((b) => b.ids.includes('my-kulai'))).toBe(true);
    await (await siteRow(page, 'my-kulai')).click();
    await settle();
    const kulai = page.locator('.site-my-kulai');
    expect(await kulai.getAttribute('stroke-width')).toBe('3');
    const box = await kulai.boundingBox();
    const map = await page.locator('.map').boundingBox();
    expect(
      box && map && box.x > map.x && box.x < map.x + map.width && box.y > map.y && box.y < map.y + map.height,
    ).toBe(true);
    expect((await picture()).badges.some((b) => b.ids.includes('my-kulai'))).toBe(false);

    const other = (await picture()).markers.find((m) => m.key !== 'my-kulai');
    expect(other).toBeDefined();
    await page.locator(`.site-${other?.key}`).click({ force: true });
    await expect.poll(() => page.locator(`.site-${other?.key}`).getAttribute('stroke-width')).toBe('3');
    await page.getByRole('region', { name: /^Details of/ }).waitFor();
  });

  it('asks the network for nothing until online tiles are ticked, then only for OpenStreetMap tiles', async () => {
    expect(requests).toEqual([]);
    const button = page.getByRole('button', { name: 'Map settings' });
    await button.focus();
    await page.keyboard.press('Enter');
    const box = page.getByRole('checkbox', { name: 'Online basemap tiles (OpenStreetMap)' });
    expect(await box.isChecked()).toBe(false);
    await box.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url).toMatch(/^https:\/\/tile\.openstreetmap\.org\/\d+\/\d+\/\d+\.png$/);
    await expect.poll(() => page.locator('img.leaflet-tile-loaded').count()).toBeGreaterThan(0);
    expect(await page.locator('.leaflet-control-attribution').textContent()).toContain('OpenStreetMap');
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await screenshot(page, 'map-online-tiles');

    // Remembered across a reload; switched off, the tiles go and nothing more is asked.
    await page.reload();
    await page.waitForSelector('img.leaflet-tile', { state: 'attached' });
    await page.getByRole('button', { name: 'Map settings' }).click();
    await page.getByRole('checkbox', { name: 'Online basemap tiles (OpenStreetMap)' }).uncheck();
    await expect.poll(() => page.locator('img.leaflet-tile').count()).toBe(0);
    await page.reload();
    await page.waitForSelector('.site-marker', { state: 'attached' });
    const before = requests.length;
    await page.waitForTimeout(500);
    expect(requests.length).toBe(before);
    expect(await page.locator('img.leaflet-tile').count()).toBe(0);
  });

  it('has no serious axe violations on the map, its badges and its settings', async () => {
    const { page: axePage } = await openWorkspace(browser, server, { context: { bypassCSP: true } });
    await axePage.waitForSelector('.site-cluster');
    await axePage.getByRole('button', { name: 'Map settings' }).click();
    const found = await checkAxe(axePage, '.map-wrap');
    await axePage.context().close();
    expect(found).toEqual([]);
  });

  it('logged no errors', () => {
    expect(problems).toEqual([]);
  });
});

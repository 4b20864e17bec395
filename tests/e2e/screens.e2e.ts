// Every screen of the workspace at the two window sizes planners use (1280×800 laptops, 1920×1080
// desks) in both themes: each is opened the way a person would, must fit the window (nothing spills
// sideways, the panel is inside the viewport), and is saved as test-results/e2e/screen-….png so a
// person can look through all of them after a run. And room for the answer: in every combination of
// the weights drawer, a what-if and a selected site, at least 8 ranking rows can be read without
// scrolling.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, launchChromium, openWorkspace, screenshot, serve, type Served } from './harness';
import { fullyVisibleRowCount } from './ranking-rows';

interface Screen {
  name: string;
  /** Opens the screen and returns the element that must be fully on screen. */
  open(page: Page): Promise<Locator>;
  close(page: Page): Promise<void>;
}

const ranking = (page: Page): Locator => page.getByRole('table', { name: 'Ranking' });

const SCREENS: Screen[] = [
  {
    // Nothing selected yet and the weights drawer open: the ranking keeps room for several rows.
    name: 'weights-nothing-selected',
    open: async (page) => {
      await page.locator('.weights-drawer > summary').click();
      const rows = page.locator('.ranking-wrap');
      const height = (await rows.boundingBox())?.height ?? 0;
      if (height < 150) throw new Error(`the ranking is squeezed to ${height}px`);
      return rows;
    },
    close: async (page) => {
      await page.locator('.weights-drawer > summary').click();
    },
  },
  {
    name: 'workspace',
    open: async (page) => {
      await ranking(page).locator('tbody tr').first().click();
      return page.locator('.workspace');
    },
    close: async () => {},
  },
  {
    name: 'weights',
    open: async (page) => {
      await page.locator('.weights-drawer > summary').click();
      return page.getByRole('slider').first();
    },
    close: async (page) => {
      await page.locator('.weights-drawer > summary').click();
    },
  },
  {
    name: 'compare',
    open: async (page) => {
      const rows = ranking(page).locator('tbody tr:not(.excluded)');
      for (const index of [0, 6]) {
        await rows.nth(index).click();
        await page.getByRole('button', { name: /Add to compare/ }).click();
      }
      return page.getByRole('region', { name: 'Compare sites' });
    },
    close: async (page) => {
      await page.getByRole('region', { name: 'Compare sites' }).getByRole('button', { name: 'Clear' }).click();
    },
  },
  {
    name: 'sensitivity',
    open: async (page) => {
      await page.getByRole('button', { name: 'Sensitivity…' }).click();
      const panel = page.getByRole('region', { name: 'Sensitivity' });
      await panel.getByLabel('Samples', { exact: true }).fill('500');
      await panel.getByRole('button', { name: 'Run' }).click();
      await panel.getByRole('table', { name: 'Stability intervals' }).waitFor();
      return panel;
    },
    close: async (page) => {
      await page.getByRole('region', { name: 'Sensitivity' }).getByRole('button', { name: 'Close' }).click();
    },
  },
  {
    name: 'shortcuts',
    open: async (page) => {
      await page.locator('body').press('?');
      return page.getByRole('region', { name: 'Keyboard shortcuts' });
    },
    close: async (page) => {
      await page.locator('body').press('Escape');
    },
  },
  {
    name: 'map-settings',
    open: async (page) => {
      await page.getByRole('button', { name: 'Map settings' }).click();
      return page.getByRole('group', { name: 'Map settings' });
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'report-dialog',
    open: async (page) => {
      await page.getByRole('button', { name: 'Export report…' }).click();
      return page.getByRole('dialog');
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'presets',
    open: async (page) => {
      await page.getByRole('banner').getByRole('button', { name: 'Presets…' }).click();
      return page.getByRole('region', { name: 'Weight presets' });
    },
    close: (page) => closeRegion(page, 'Weight presets'),
  },
  {
    name: 'what-if',
    open: async (page) => {
      await page.getByRole('button', { name: 'What-if…' }).click();
      return page.getByRole('region', { name: 'What-if scenarios' });
    },
    close: (page) => closeRegion(page, 'What-if scenarios'),
  },
  {
    name: 'data-health',
    open: async (page) => {
      await page.getByRole('button', { name: 'Data health' }).click();
      return page.getByRole('region', { name: 'Data health' });
    },
    close: (page) => closeRegion(page, 'Data health'),
  },
  {
    name: 'data-workbench',
    open: async (page) => {
      await page.getByRole('button', { name: 'Data…' }).click();
      await page.getByRole('tab', { name: 'Metric values' }).click();
      const grid = page.getByRole('grid');
      await grid.locator('[role=row][data-key]').first().waitFor();
      return grid;
    },
    close: async (page) => {
      await page.getByRole('button', { name: 'Data…' }).click();
      await page.getByRole('grid').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'add-site',
    open: async (page) => {
      await page.getByRole('button', { name: 'Add site' }).click();
      await page.getByRole('button', { name: 'Type coordinates…' }).click();
      return page.getByRole('dialog', { name: 'Add a site' });
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Add a site' }).waitFor({ state: 'detached' });
      if ((await page.getByRole('button', { name: 'Add site' }).getAttribute('aria-pressed')) === 'true')
        await page.keyboard.press('Escape');
    },
  },
];

/** Escape closes an overlay panel; its Close button is the fallback. */
async function closeRegion(page: Page, name: string): Promise<void> {
  const region = page.getByRole('region', { name });
  await page.keyboard.press('Escape');
  if ((await region.count()) > 0) await region.getByRole('button', { name: 'Close', exact: true }).click();
  await region.waitFor({ state: 'detached' });
}

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const THEMES = ['light', 'dark'] as const;

let server: Served;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  server = await serve();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openThemed(theme: (typeof THEMES)[number], viewport: (typeof VIEWPORTS)[number]): Promise<Page> {
  const { page } = await openWorkspace(browser, server, {
    viewport,
    context: { colorScheme: theme },
    problems,
    consoleErrors: true,
  });
  await ranking(page).locator('tbody tr').nth(10).waitFor();
  const applied = await page.evaluate(() => document.documentElement.dataset.theme);
  if (applied !== theme) throw new Error(`the ${theme} theme was asked for, the page shows ${applied ?? 'none'}`);
  return page;
}

describe.each(THEMES)('%s theme', (theme) => {
  describe.each(VIEWPORTS)('at $width×$height', (viewport) => {
    let page: Page;
    beforeAll(async () => {
      page = await openThemed(theme, viewport);
    });
    afterAll(async () => {
      await page?.context().close();
    });

    it.each(SCREENS.map((s) => [s.name, s] as const))('%s fits the window', async (_name, screen) => {
      const target = await screen.open(page);
      await target.waitFor();
      // Leaflet flies to a selected site; let it settle so the picture shows the end state.
      await page.waitForTimeout(700);
      const overflow = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
      const box = await target.boundingBox();
      expect(box).not.toBeNull();
      if (box !== null) {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width + 1);
        expect(box.y).toBeGreaterThanOrEqual(0);
      }
      await screenshot(page, `screen-${screen.name}-${theme}-${viewport.width}`);
      await screen.close(page);
    });
  });
});

/** What may be open beside the ranking. */
interface Room {
  drawer: boolean;
  whatIf: boolean;
  selected: boolean;
}
const ROOMS: Room[] = [
  { drawer: false, whatIf: false, selected: false },
  { drawer: true, whatIf: false, selected: false },
  { drawer: false, whatIf: true, selected: false },
  { drawer: true, whatIf: true, selected: false },
  // A selection cannot be taken back from the page, so the selected states come last.
  { drawer: false, whatIf: false, selected: true },
  { drawer: true, whatIf: false, selected: true },
  { drawer: false, whatIf: true, selected: true },
  { drawer: true, whatIf: true, selected: true },
];
const roomName = (r: Room): string =>
  [r.drawer && 'weights drawer', r.whatIf && 'what-if', r.selected && 'site selected'].filter(Boolean).join(' + ') ||
  'nothing open';
const MIN_ROWS = 8;
const WHAT_IF = 'Room test what-if';

/** Opens and closes the drawer, the what-if and the selection until the page shows `room`. */
async function arrange(page: Page, room: Room): Promise<void> {
  const drawer = page.locator('.weights-drawer');
  if ((await drawer.evaluate((d) => (d as HTMLDetailsElement).open)) !== room.drawer)
    await drawer.locator('> summary').click();
  const whatIf = page.getByRole('toolbar', { name: 'Scenario' }).getByRole('combobox', { name: 'What-if' });
  const compare = page.getByRole('region', { name: 'Real and what-if rankings' });
  if (room.whatIf) {
    await whatIf.selectOption({ label: WHAT_IF });
    await compare.getByRole('table', { name: 'Real timeline' }).waitFor();
  } else if ((await whatIf.count()) > 0) {
    await whatIf.selectOption('');
    await compare.waitFor({ state: 'detached' });
  }
  if (room.selected && (await page.getByRole('region', { name: /^Details of/ }).count()) === 0) {
    await ranking(page).locator('tbody tr').nth(2).click();
    await page.getByRole('region', { name: /^Details of/ }).waitFor();
  }
  // The map flies to a selected site and the details pane settles.
  await page.waitForTimeout(400);
}

describe.each(VIEWPORTS)('room for the answer at $width×$height', (viewport) => {
  let page: Page;
  beforeAll(async () => {
    page = await openThemed('light', viewport);
    // A saved what-if scenario brings the What-if select into the scenario bar.
    const saved = await apiCall<{ name: string }[]>(page, 'scenarios.list');
    if (!saved.some((x) => x.name === WHAT_IF)) await apiCall(page, 'scenarios.create', { name: WHAT_IF });
    await page.getByRole('toolbar', { name: 'Scenario' }).getByRole('combobox', { name: 'What-if' }).waitFor();
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it.each(ROOMS.map((r) => [roomName(r), r] as const))(
    `%s: at least ${MIN_ROWS} rows fully visible`,
    async (name, room) => {
      await arrange(page, room);
      const shot = `room-${name.replace(/[^a-z]+/g, '-')}-${viewport.width}`;
      await screenshot(page, shot);
      // The README's picture of a laptop screen with everything open.
      if (room.drawer && room.whatIf && room.selected && viewport.width === 1280)
        await screenshot(page, 'workspace-laptop-1280', { readme: true });
      expect(
        await fullyVisibleRowCount(page),
        `${name} at ${viewport.width}×${viewport.height}`,
      ).toBeGreaterThanOrEqual(MIN_ROWS);
      // The scenario bar keeps to one row even with the What-if select in it.
      const bar = await page.getByRole('toolbar', { name: 'Scenario' }).boundingBox();
      expect(bar?.height ?? Infinity).toBeLessThan(70);
    },
  );
});

describe('all screens', () => {
  it('logged no errors', () => {
    expect(problems).toEqual([]);
  });
});

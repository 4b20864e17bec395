// Every screen of the workspace at the two window sizes planners use (1280×800 laptops, 1920×1080
// desks) in both themes: each is opened the way a person would, must fit the window (nothing spills
// sideways, the panel is inside the viewport), and is saved as test-results/e2e/screen-….png so a
// person can look through all of them after a run.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWorkspace, screenshot, serve, type Served } from './harness';

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

describe('all screens', () => {
  it('logged no errors', () => {
    expect(problems).toEqual([]);
  });
});

// The workspace's two latency targets, measured in Chromium at 1280×800 (issue 5):
//
// First paint: a fresh browser context opens the workspace; from navigation (performance.timeOrigin)
// to first-contentful-paint, and to the app's own 'landfall:first-ranking' mark (set when the first
// ranked rows are committed; renderer/src/render-marks.ts) and the first 'landfall:markers-rendered'
// mark. Three loads each on the seeded store (75 sites in seed v5; asserted < 1.5 s) and on a store
// with 1 000 extra sites (reported).
//
// Drag step: with the 1 000 extra sites, the Land cost slider of the Weights drawer gets ArrowLeft
// and ArrowRight presses, one at a time. A step runs from the keydown event (event.timeStamp) to the
// end of the first frame that starts after both the ranking and the map marked the new scores
// ('landfall:ranking-rendered', 'landfall:markers-rendered'): a requestAnimationFrame loop posts a
// message from each frame, and the message runs after that frame's paint. Also reported: keydown to
// both marks (the work), and the step's cost to the main thread: that work plus the frame's own
// rendering (its requestAnimationFrame to after its paint), i.e. without the idle wait for the frame,
// which a keypress arriving at a random moment adds (half a frame, ~8 ms, on average). The 16 ms
// target is a frame: a step that costs less keeps a drag at 60 fps. Written to
// test-results/perf/workspace.json.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, launchChromium, screenshot, serve, type Served } from './harness';
import { MARKETS, median, p95, scatteredSitesCsv, serveWithSites, writePerfResult } from './perf-harness';

const SITES = 1_000;
const STEPS = 40;
const LOADS = 3;
const FIRST_RANKING_LIMIT_MS = 1_500;
/** Loose floors that a regression breaks; the target (16 ms median to paint) is reported. */
const STEP_MEDIAN_FLOOR_MS = 50;
const STEP_TARGET_MS = 16;

/** Six of the seed markets the extra sites scatter ±4° around. */
const WORKSPACE_MARKETS = ['sg', 'my-johor', 'cn-gba', 'th-eec', 'jp-tokyo', 'in-mumbai'];
const SITE_MARKETS = MARKETS.filter(([id]) => WORKSPACE_MARKETS.includes(id));

/** One slider step, in ms (see the file comment). */
interface Step {
  /** keydown → both marks: re-ranking and rendering the ranking and the markers. */
  workMs: number;
  /** The next frame's own work: its requestAnimationFrame → after its paint (style, layout, paint). */
  frameMs: number;
  /** keydown → after the paint that shows the new scores (includes waiting for the frame). */
  paintMs: number;
}

interface Load {
  fcpMs: number | null;
  firstRankingMs: number | null;
  firstMarkersMs: number | null;
}

/** Opens the workspace in a fresh context (nothing cached) and reads its first-paint timings. */
async function firstPaint(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('landfall:first-ranking', 'mark').length > 0 &&
      performance.getEntriesByName('landfall:markers-rendered', 'mark').length > 0,
    undefined,
    { timeout: 30_000 },
  );
  const load = await page.evaluate((): Load => ({
    fcpMs: performance.getEntriesByName('first-contentful-paint', 'paint')[0]?.startTime ?? null,
    firstRankingMs: performance.getEntriesByName('landfall:first-ranking', 'mark')[0]?.startTime ?? null,
    firstMarkersMs: performance.getEntriesByName('landfall:markers-rendered', 'mark')[0]?.startTime ?? null,
  }));
  await context.close();
  return load;
}

const round = (x: number | null): number | null => (x === null ? null : Math.round(x * 10) / 10);
const rounded = (l: Load): Load => ({
  fcpMs: round(l.fcpMs),
  firstRankingMs: round(l.firstRankingMs),
  firstMarkersMs: round(l.firstMarkersMs),
});
const summary = (loads: Load[]): Record<string, number | null> => ({
  fcpMedianMs: round(median(loads.flatMap((l) => (l.fcpMs === null ? [] : [l.fcpMs])))),
  firstRankingMedianMs: round(median(loads.flatMap((l) => (l.firstRankingMs === null ? [] : [l.firstRankingMs])))),
  firstMarkersMedianMs: round(median(loads.flatMap((l) => (l.firstMarkersMs === null ? [] : [l.firstMarkersMs])))),
});

let seeded: Served;
let large: Served;
let browser: Browser;
let page: Page;
/** How many sites the seed holds, as the seeded store's backend lists them. */
let seededSites = 0;
const result: Record<string, unknown> = { viewport: '1280x800' };

beforeAll(async () => {
  seeded = await serve();
  large = await serveWithSites(scatteredSitesCsv(SITES, 0x1d00, SITE_MARKETS, 8));
  browser = await launchChromium();
  const probe = await browser.newPage();
  await probe.goto(seeded.url);
  seededSites = (await apiCall<unknown[]>(probe, 'sites.list')).length;
  await probe.close();
}, 120_000);

afterAll(async () => {
  writePerfResult('workspace', result);
  await browser?.close();
  await seeded?.stop();
  await large?.stop();
});

describe('workspace performance', () => {
  it('paints the ranking within 1.5 s of navigation', { timeout: 120_000 }, async () => {
    const small: Load[] = [];
    const big: Load[] = [];
    // One warm-up load each (the server's first score.run compiles its statements), then the measured ones.
    await firstPaint(browser, seeded.url);
    await firstPaint(browser, large.url);
    for (let i = 0; i < LOADS; i++) {
      small.push(await firstPaint(browser, seeded.url));
      big.push(await firstPaint(browser, large.url));
    }
    result.firstPaint = {
      seeded: { sites: seededSites, loads: small.map(rounded), ...summary(small) },
      large: { sites: SITES + seededSites, loads: big.map(rounded), ...summary(big) },
    };
    console.log(
      `first paint (median of ${LOADS}, ms from navigation): seeded store ${JSON.stringify(summary(small))}; ` +
        `${SITES + seededSites} sites ${JSON.stringify(summary(big))}`,
    );
    for (const l of small) {
      expect(l.firstRankingMs).not.toBeNull();
      expect(l.firstRankingMs ?? Infinity).toBeLessThan(FIRST_RANKING_LIMIT_MS);
    }
    for (const l of big) expect(l.firstRankingMs).not.toBeNull();
  });

  it(`re-ranks ${SITES} sites on a weight slider step`, { timeout: 120_000 }, async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(large.url);
    const ranking = page.getByRole('table', { name: 'Ranking' });
    await expect
      .poll(() => ranking.getAttribute('aria-rowcount'), { timeout: 60_000 })
      .toBe(String(SITES + seededSites + 1));
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('cost-first');
    await page.locator('.weights-drawer > summary').click();
    // Land cost, not power price or build cost: on the seeded figures the rows in view of Cost first
    // keep their order for 20 steps down either of those, while ten steps down land cost (15 % → 5 %)
    // reorder them (measured: they first change at 6 %).
    const slider = page.getByRole('slider', { name: /Land cost/ });
    await slider.focus();
    await page.waitForTimeout(500);

    // Keydown times, the render marks, and a frame loop whose messages run after each frame's paint.
    await page.evaluate(() => {
      const w = window as unknown as { __keys: number[]; __frames: { start: number; painted: number }[] };
      w.__keys = [];
      w.__frames = [];
      document.addEventListener('keydown', (e) => w.__keys.push(e.timeStamp), { capture: true });
      const channel = new MessageChannel();
      let start = 0;
      channel.port1.onmessage = () => w.__frames.push({ start, painted: performance.now() });
      const tick = (): void => {
        start = performance.now();
        channel.port2.postMessage(0);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const order = (): Promise<string[]> => ranking.locator('tbody tr .site-name').allTextContents();
    const before = await order();

    let moved: string[] = [];
    const steps: Step[] = [];
    for (let i = 0; i < STEPS; i++) {
      // Down, then back up: the weight swings across a range where the order changes.
      const key = i % 20 < 10 ? 'ArrowLeft' : 'ArrowRight';
      await page.keyboard.press(key);
      const done = await page.waitForFunction(
        () => {
          const w = window as unknown as { __keys: number[]; __frames: { start: number; painted: number }[] };
          const key = w.__keys[w.__keys.length - 1] ?? 0;
          const last = (n: string): number =>
            performance
              .getEntriesByName(n, 'mark')
              .map((e) => e.startTime)
              .filter((t) => t >= key)
              .pop() ?? Number.NaN;
          const rankingAt = last('landfall:ranking-rendered');
          const markersAt = last('landfall:markers-rendered');
          const rendered = Math.max(rankingAt, markersAt);
          const frame = w.__frames.find((f) => f.start >= rendered);
          // NaN until both marked after this keydown.
          if (!(rendered === rendered) || !frame) return null;
          return { workMs: rendered - key, frameMs: frame.painted - frame.start, paintMs: frame.painted - key };
        },
        undefined,
        { polling: 50, timeout: 10_000 },
      );
      const step = (await done.jsonValue()) as Step | null;
      if (step) steps.push(step);
      // Past the end of the (coalesced) gesture, so a backend confirmation cannot land in the next step.
      await page.waitForTimeout(i % 10 === 9 ? 800 : 50);
      if (i === 9) {
        // Ten steps down: the table shows another order (the steps re-rank for real).
        await screenshot(page, 'perf-workspace-drag');
        moved = await order();
      }
    }

    const work = steps.map((s) => s.workMs);
    const paint = steps.map((s) => s.paintMs);
    // What the step costs the main thread: re-rank and render, then that frame's repaint.
    const cost = steps.map((s) => s.workMs + s.frameMs);
    result.dragStep = {
      sites: SITES + seededSites,
      steps: steps.length,
      workMedianMs: round(median(work)),
      workP95Ms: round(p95(work)),
      stepCostMedianMs: round(median(cost)),
      stepCostP95Ms: round(p95(cost)),
      toPaintMedianMs: round(median(paint)),
      toPaintP95Ms: round(p95(paint)),
      targetMs: STEP_TARGET_MS,
      costMeetsTarget: median(cost) < STEP_TARGET_MS,
      toPaintMeetsTarget: median(paint) < STEP_TARGET_MS,
    };
    console.log(
      `drag step with ${SITES + seededSites} sites (${steps.length} steps): keydown → ranking and markers rendered ` +
        `median ${median(work).toFixed(1)} ms, p95 ${p95(work).toFixed(1)} ms; with the repaint (step cost) median ` +
        `${median(cost).toFixed(1)} ms, p95 ${p95(cost).toFixed(1)} ms; keydown → next paint median ` +
        `${median(paint).toFixed(1)} ms, p95 ${p95(paint).toFixed(1)} ms (target ${STEP_TARGET_MS} ms)`,
    );
    expect(moved).not.toEqual(before);
    expect(steps.length).toBeGreaterThanOrEqual(30);
    expect(median(paint)).toBeLessThan(STEP_MEDIAN_FLOOR_MS);
    expect(median(cost)).toBeLessThan(STEP_MEDIAN_FLOOR_MS);
  });
});

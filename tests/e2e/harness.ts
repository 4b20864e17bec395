// Starts browser mode on a temporary database and a free port, and Chromium to look at it.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'e2e');

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Served {
  url: string;
  dbPath: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** Runs before the server starts, with the path of the (not yet created) temporary database. */
  prepare?: (dbPath: string) => void | Promise<void>;
  /** Serve this database (kept on stop, so a second serve() opens it again: a restart); default a temporary one. */
  dbPath?: string;
}

export async function serve(options: ServeOptions = {}): Promise<Served> {
  const dir = options.dbPath === undefined ? mkdtempSync(join(tmpdir(), 'landfall-e2e-')) : null;
  const dbPath = options.dbPath ?? join(dir ?? '', 'landfall.sqlite');
  await options.prepare?.(dbPath);
  const child = spawn(process.execPath, ['dist/node/serve.cjs', '--port', '0', '--db', dbPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    url,
    dbPath,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          if (dir !== null) rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
}

/**
 * The docs' screenshots (docs/screenshots/, linked from README.md and docs/*.md) are refreshed from the
 * e2e run with LANDFALL_README_SHOTS=1.
 */
export const README_SHOT_DIR = join(process.cwd(), 'docs', 'screenshots');

export async function screenshot(page: Page, name: string, options: { readme?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  if (options.readme && process.env.LANDFALL_README_SHOTS === '1') {
    mkdirSync(README_SHOT_DIR, { recursive: true });
    copyFileSync(path, join(README_SHOT_DIR, `${name}.png`));
  }
  return path;
}

export interface WatchOptions {
  /** Record console errors as problems; a function keeps only the texts it returns true for. */
  consoleErrors?: boolean | ((text: string) => boolean);
  /** Record requests that leave the server as problems, except URLs starting with one of these. */
  allowRemote?: readonly string[];
}

/** Records what should never happen on `page` (uncaught errors, and as asked console errors and remote requests). */
export function watchProblems(page: Page, serverUrl: string, problems: string[], options: WatchOptions = {}): void {
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const { consoleErrors, allowRemote } = options;
  if (consoleErrors) {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (consoleErrors === true || consoleErrors(m.text())) problems.push(`console: ${m.text()}`);
    });
  }
  if (allowRemote) {
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(serverUrl) && !allowRemote.some((prefix) => url.startsWith(prefix))) {
        problems.push(`remote request: ${url}`);
      }
    });
  }
}

export interface OpenOptions extends WatchOptions {
  /** Default 1280×800. */
  viewport?: { width: number; height: number };
  /** Anything else for the page's own browser context (bypassCSP for axe, acceptDownloads, …). */
  context?: BrowserContextOptions;
  /** Add to this list instead of a new one (several pages, one "logged no errors" check). */
  problems?: string[];
  /** Runs after the listeners are in place and before the page loads (routes, more listeners). */
  beforeGoto?: (page: Page) => void | Promise<void>;
}

/** A new page, in its own context, on the served workspace, with its problems recorded. */
export async function openWorkspace(
  browser: Browser,
  server: Pick<Served, 'url'>,
  options: OpenOptions = {},
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    ...options.context,
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  const problems = options.problems ?? [];
  watchProblems(page, server.url, problems, options);
  await options.beforeGoto?.(page);
  await page.goto(server.url);
  return { page, problems };
}

/** A backend call from inside the page, with the token it was served; a refused call throws its error. */
export function apiCall<T>(page: Page, name: string, input: unknown = {}): Promise<T> {
  return page.evaluate(
    async ([n, body]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="landfall-token"]')?.content ?? '';
      const res = await fetch(`/api/${n}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-landfall-token': token },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { ok: boolean; value: unknown; error?: { message: string } };
      if (!json.ok) throw new Error(`${n}: ${json.error?.message ?? JSON.stringify(json)}`);
      return json.value;
    },
    [name, input] as const,
  ) as Promise<T>;
}

let axeSource: string | undefined;

/**
 * axe-core over `selector` (default the whole document): its serious and critical violations, one
 * line each with the elements affected; an empty list is a pass. The page needs bypassCSP so the
 * script can be injected.
 */
export async function checkAxe(page: Page, selector?: string): Promise<string[]> {
  axeSource ??= readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Element | Document,
          ): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const root = sel === null ? document : document.querySelector(sel);
    if (!root) return [`no ${sel}`];
    const result = await axe.run(root);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector ?? null);
}

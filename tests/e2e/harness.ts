// Starts browser mode on a temporary database and a free port, and Chromium to look at it.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

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

/** README screenshots are refreshed from the e2e run with LANDFALL_README_SHOTS=1. */
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

// Printing the report's HTML to PDF outside Electron (CLI, browser mode): a Chromium or Chrome found
// on this machine, run headless with --print-to-pdf on a temporary copy of the file. No Playwright at
// runtime (it is a dev dependency for the e2e suite only). The desktop app passes its own printer
// (electron/report-pdf.ts, Electron's printToPDF), so this is never used there.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServiceError } from '../../../shared/errors';

/** Turns the report's HTML into PDF bytes. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** The usual install locations of Chromium and Chrome on this platform. */
export function wellKnownPaths(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  return platform === 'darwin'
    ? [
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      ]
    : platform === 'win32'
      ? [
          join(env.PROGRAMFILES ?? 'C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'),
          join(env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Google', 'Chrome', 'Application', 'chrome.exe'),
          join(env.LOCALAPPDATA ?? 'C:\\', 'Chromium', 'Application', 'chrome.exe'),
        ]
      : [
          '/usr/bin/chromium',
          '/usr/bin/chromium-browser',
          '/usr/bin/google-chrome',
          '/usr/bin/google-chrome-stable',
          '/snap/bin/chromium',
        ];
}

/** Where a browser that can print is looked for, in order: CHROMIUM_PATH, well-known paths, then PATH. */
export function chromiumCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const fixed = wellKnownPaths(env, platform);
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .flatMap((dir) => NAMES.map((n) => join(dir, platform === 'win32' ? `${n}.exe` : n)));
  const given = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : [];
  return [...new Set([...given, ...fixed, ...onPath])];
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface ChromiumSearch {
  path: string | null;
  searched: string[];
}

export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = isExecutable,
): ChromiumSearch {
  const searched = chromiumCandidates(env, platform);
  return { path: searched.find(exists) ?? null, searched };
}

/** The message when no browser is found: what was searched, and what to do instead. */
export function noChromiumMessage(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  return (
    `PDF needs Chromium or Google Chrome, and none was found. Looked at: CHROMIUM_PATH (${env.CHROMIUM_PATH ? env.CHROMIUM_PATH : 'not set'}), ` +
    `${wellKnownPaths(env, platform).join(', ')}, and ${NAMES.join(', ')} on PATH. ` +
    'Install Chromium (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable; ' +
    'or save the report as HTML and print it from any browser.'
  );
}

export interface ChromiumPrinterOptions {
  /** Where to look (tests pass their own); this process's environment and platform by default. */
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  exists?: (path: string) => boolean;
  /** Longest a print may take before the browser is stopped. */
  timeoutMs?: number;
}

/** Prints with the first Chromium found at print time (so installing one needs no restart). */
export function chromiumPdfPrinter(options: ChromiumPrinterOptions = {}): PdfPrinter {
  const timeoutMs = options.timeoutMs ?? 60_000;
  return async (html) => {
    const env = options.env ?? process.env;
    const platform = options.platform ?? process.platform;
    const search = findChromium(env, platform, options.exists);
    if (search.path === null) throw new ServiceError('not_found', noChromiumMessage(env, platform));
    const dir = mkdtempSync(join(tmpdir(), 'landfall-report-'));
    try {
      const input = join(dir, 'report.html');
      const output = join(dir, 'report.pdf');
      writeFileSync(input, html);
      await runChromium(search.path, chromiumPrintArgs(dir, input, output), timeoutMs);
      const pdf = readFileSync(output);
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
        throw new Error('the browser wrote something that is not a PDF');
      return new Uint8Array(pdf);
    } catch (error) {
      if (error instanceof ServiceError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new ServiceError('internal', `printing the report with ${search.path} failed: ${message}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

export function chromiumPrintArgs(dir: string, input: string, output: string): string[] {
  return [
    '--headless',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-extensions',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    // A profile of its own, so a running browser's lock or settings never get in the way.
    `--user-data-dir=${join(dir, 'profile')}`,
    // Chromium refuses to start as root with its sandbox; the page is our own file with no script.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--no-pdf-header-footer',
    '--print-to-pdf-no-header',
    `--print-to-pdf=${output}`,
    pathToFileURL(input).href,
  ];
}

function runChromium(path: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no PDF after ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`the browser exited with code ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}`));
    });
  });
}

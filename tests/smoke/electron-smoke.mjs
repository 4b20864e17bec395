// Smoke test of the *packaged* Electron app (run in CI right after electron-builder, see
// .github/workflows/release.yml). It proves the shipped binary starts, loads its better-sqlite3
// build, exposes only the narrow preload bridge, keeps Node out of the renderer and draws the map.
//
//   node tests/smoke/electron-smoke.mjs [path/to/packaged/executable]
//
// Without an argument the executable is looked up in release/ (electron-builder's unpacked output).
// On Linux without a display run it under `xvfb-run -a`. Exits non-zero on any failure.
/* global window, document -- used only inside page.evaluate() callbacks, which run in the renderer */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron } from 'playwright-core';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const releaseDir = path.join(repoRoot, 'release');
const STEP_TIMEOUT = 60_000;
const OVERALL_TIMEOUT = 4 * 60_000;
const ALLOWED_BRIDGE_KEYS = ['call', 'subscribe', 'platform'];

// electron-builder names the unpacked dir after platform and (non-default) arch:
// linux-unpacked / linux-arm64-unpacked, win-unpacked / win-arm64-unpacked, mac / mac-arm64 / mac-universal.
function findExecutable() {
  if (process.argv[2]) return path.resolve(process.argv[2]);
  const { platform, arch } = process;
  const layouts = {
    linux: {
      dir: /^linux(-[a-z0-9]+)?-unpacked$/,
      preferred: arch === 'x64' ? 'linux-unpacked' : `linux-${arch}-unpacked`,
      exe: ['landfall'],
    },
    win32: {
      dir: /^win(-[a-z0-9]+)?-unpacked$/,
      preferred: arch === 'x64' ? 'win-unpacked' : `win-${arch}-unpacked`,
      exe: ['Landfall.exe'],
    },
    darwin: {
      dir: /^mac(-[a-z0-9]+)?$/,
      preferred: arch === 'x64' ? 'mac' : `mac-${arch}`,
      exe: ['Landfall.app', 'Contents', 'MacOS', 'Landfall'],
    },
  };
  const layout = layouts[platform];
  if (!layout) throw new Error(`unsupported platform ${platform}; pass the executable path as the first argument`);
  const dirs = fs.existsSync(releaseDir) ? fs.readdirSync(releaseDir).filter((d) => layout.dir.test(d)) : [];
  // Prefer the build for this machine's arch, then anything else electron-builder produced (e.g. mac-universal).
  dirs.sort((a, b) => (b === layout.preferred) - (a === layout.preferred) || a.localeCompare(b));
  const candidates = dirs.map((d) => path.join(releaseDir, d, ...layout.exe));
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) {
    throw new Error(
      `no packaged app found in ${releaseDir} (expected ${path.join(layout.preferred, ...layout.exe)}). ` +
        'Run electron-builder first, or pass the executable path as the first argument.',
    );
  }
  return found;
}

function check(condition, what, detail) {
  if (!condition)
    throw new Error(`${what}${detail === undefined ? '' : `\n  got: ${JSON.stringify(detail)?.slice(0, 500)}`}`);
  console.log(`ok - ${what}`);
}

async function run(state) {
  const executablePath = findExecutable();
  console.log(`launching ${executablePath}`);
  // A throwaway database so the test neither depends on nor touches a user's data.
  const env = { ...process.env, LANDFALL_DB: path.join(state.tmpDir, 'landfall-smoke.db') };
  delete env.ELECTRON_RUN_AS_NODE; // would turn the app binary into plain Node

  state.app = await _electron.launch({ executablePath, env, timeout: STEP_TIMEOUT });
  const app = state.app;
  app.process().stderr?.on('data', (d) => process.stderr.write(`[main stderr] ${d}`));
  app.on('console', (msg) => console.log(`[main ${msg.type()}] ${msg.text()}`));

  const page = await app.firstWindow({ timeout: STEP_TIMEOUT });
  state.page = page;
  page.on('pageerror', (err) => console.error(`[renderer uncaught] ${err.stack ?? err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') console.log(`[renderer ${msg.type()}] ${msg.text()}`);
  });
  await page.waitForLoadState('domcontentloaded', { timeout: STEP_TIMEOUT });

  // The title can be set by the renderer after load: give it a moment before asserting.
  await page.waitForFunction(() => document.title === 'Landfall', null, { timeout: 15_000 }).catch(() => {});
  const title = await page.title();
  check(title === 'Landfall', "window title is 'Landfall'", title);

  const keys = await page.evaluate(() =>
    typeof window.landfall === 'object' && window.landfall !== null ? Object.keys(window.landfall).sort() : null,
  );
  check(Array.isArray(keys), 'window.landfall bridge exists', keys);
  check(keys.includes('call') && keys.includes('subscribe'), 'bridge exposes call and subscribe', keys);
  check(
    keys.every((k) => ALLOWED_BRIDGE_KEYS.includes(k)),
    `bridge exposes nothing beyond ${ALLOWED_BRIDGE_KEYS.join(', ')}`,
    keys,
  );

  const info = await page.evaluate(() => window.landfall.call('app.info', {}));
  check(
    info?.ok === true && info.value?.name === 'Landfall',
    "app.info returns { ok: true, value: { name: 'Landfall' } }",
    info,
  );

  const sites = await page.evaluate(() => window.landfall.call('sites.list', {}));
  check(
    sites?.ok === true && Array.isArray(sites.value) && sites.value.length > 0,
    'sites.list returns ok with a non-empty array (database opened and seeded)',
    sites?.ok === true && Array.isArray(sites.value) ? `${sites.value.length} sites` : sites,
  );

  const globals = await page.evaluate(() => ({ require: typeof require, process: typeof process }));
  check(globals.require === 'undefined', 'no `require` in the renderer', globals);
  check(globals.process === 'undefined', 'no `process` in the renderer', globals);

  await page.locator('.leaflet-container').first().waitFor({ state: 'visible', timeout: 30_000 });
  check(true, 'a .leaflet-container is visible');

  fs.mkdirSync(releaseDir, { recursive: true });
  const shot = path.join(releaseDir, 'smoke.png');
  await page.screenshot({ path: shot });
  console.log(`screenshot saved to ${path.relative(repoRoot, shot)}`);
}

// Close the app, but never let a hung quit keep the test (and CI job) alive.
async function closeApp(app) {
  if (!app) return;
  const closed = app.close().then(
    () => true,
    () => false,
  );
  const inTime = await Promise.race([closed, new Promise((r) => setTimeout(() => r(false), 15_000))]);
  if (!inTime) app.process()?.kill('SIGKILL');
}

const state = { app: undefined, page: undefined, tmpDir: fs.mkdtempSync(path.join(os.tmpdir(), 'landfall-smoke-')) };
// When the binary dies at startup Playwright also rejects an internal promise nobody awaits; report it
// as a failure instead of letting Node crash with a bare stack trace before cleanup runs.
const unhandled = new Set();
process.on('unhandledRejection', (err) => {
  process.exitCode = 1;
  const msg = String(err?.message ?? err);
  if (!unhandled.has(msg)) console.error(`SMOKE TEST FAILED: ${msg}`);
  unhandled.add(msg);
});
const watchdog = setTimeout(() => {
  console.error(`SMOKE TEST FAILED: timed out after ${OVERALL_TIMEOUT / 1000}s`);
  state.app?.process()?.kill('SIGKILL');
  process.exit(1);
}, OVERALL_TIMEOUT);

try {
  await run(state);
  await closeApp(state.app);
  state.app = undefined;
  console.log('SMOKE TEST PASSED');
} catch (err) {
  console.error(`SMOKE TEST FAILED: ${err?.message ?? err}`);
  process.exitCode = 1;
  if (state.page) {
    const shot = path.join(releaseDir, 'smoke-failure.png');
    await fs.promises
      .mkdir(releaseDir, { recursive: true })
      .then(() => state.page.screenshot({ path: shot, timeout: 5_000 }))
      .then(() => console.error(`failure screenshot saved to ${path.relative(repoRoot, shot)}`))
      .catch(() => {});
  }
} finally {
  await closeApp(state.app);
  clearTimeout(watchdog);
  // Windows may hold the SQLite file briefly after exit; a leftover temp dir must not fail the test.
  try {
    fs.rmSync(state.tmpDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch {
    /* ignore */
  }
}

// prestart/predist: build better-sqlite3 for Electron's ABI into .native/ (see electron-native-path.mjs).
// node_modules/better-sqlite3/build must stay the Node build, because `npm test` loads it under Node;
// rebuilding it in place (electron-rebuild) would break the tests, so we build a throwaway copy.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronNativeFile } from './electron-native-path.mjs';

const TAG = '[electron-native]';
const log = (msg) => console.log(`${TAG} ${msg}`);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (p) => path.relative(repoRoot, p) || '.';

if (process.env.LANDFALL_SKIP_ELECTRON_NATIVE === '1') {
  log('LANDFALL_SKIP_ELECTRON_NATIVE=1: skipping the Electron build of better-sqlite3.');
  process.exit(0);
}

function readElectronVersion() {
  const pkgPath = path.join(repoRoot, 'node_modules', 'electron', 'package.json');
  try {
    return JSON.parse(fs.readFileSync(pkgPath, 'utf8')).version;
  } catch (err) {
    throw new Error(`cannot read ${rel(pkgPath)} (${err.code ?? err.message}); run \`npm install\` first.`);
  }
}

// Resolve a package's bin script from the point of view of `fromDir` (handles hoisted or nested installs).
function binOf(pkgName, fromDir, binName) {
  const pkgJson = createRequire(path.join(fromDir, 'package.json')).resolve(`${pkgName}/package.json`);
  const { bin } = JSON.parse(fs.readFileSync(pkgJson, 'utf8'));
  return path.join(path.dirname(pkgJson), typeof bin === 'string' ? bin : bin[binName ?? pkgName]);
}

// Always run bin scripts with this Node (no shell, no PATH lookup: behaves the same on Windows).
function runNode(script, args, cwd) {
  log(`$ node ${rel(script)} ${args.join(' ')}`);
  // npm passes its config to scripts as npm_config_* (e.g. nodedir=/usr on some machines); node-gyp
  // would then build against Node's headers instead of Electron's, so none of it reaches the child.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k)));
  const res = spawnSync(process.execPath, [script, ...args], { cwd, stdio: 'inherit', env });
  if (res.error) log(`could not start: ${res.error.message}`);
  return res.status === 0;
}

function main() {
  const version = readElectronVersion();
  const { platform, arch } = process;
  const outFile = electronNativeFile(repoRoot, version, platform, arch);
  if (fs.existsSync(outFile)) {
    log(`up to date: ${rel(outFile)}`);
    return;
  }

  const srcDir = path.dirname(
    createRequire(path.join(repoRoot, 'package.json')).resolve('better-sqlite3/package.json'),
  );
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'landfall-bsql3-'));
  const tmpOut = `${outFile}.tmp-${process.pid}`;
  try {
    const work = path.join(tmpDir, 'better-sqlite3');
    // Skip build/: it holds the Node binary and gyp state we must neither touch nor reuse.
    fs.cpSync(srcDir, work, { recursive: true, filter: (src) => path.relative(srcDir, src) !== 'build' });
    log(`building better-sqlite3 for Electron ${version} (${platform}-${arch}) in ${work}`);

    // 1) A prebuilt binary from better-sqlite3's GitHub releases: fast, no compiler needed.
    let how = 'prebuild-install';
    let ok = runNode(
      binOf('prebuild-install', srcDir),
      ['--runtime=electron', `--target=${version}`, `--arch=${arch}`, `--platform=${platform}`],
      work,
    );
    // 2) Compile against Electron's headers (needs a C++ toolchain and electronjs.org).
    if (!ok) {
      log('no prebuilt binary available; falling back to node-gyp.');
      how = 'node-gyp';
      ok = runNode(
        binOf('node-gyp', repoRoot),
        [
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${version}`,
          '--dist-url=https://electronjs.org/headers',
          `--arch=${arch}`,
        ],
        work,
      );
    }
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    if (!ok || !fs.existsSync(built)) {
      throw new Error(
        `could not build better-sqlite3 for Electron ${version} (${platform}-${arch}): both prebuild-install and node-gyp failed.\n` +
          `${TAG} This step needs internet access, to download a prebuilt binary (github.com) or Electron's headers (electronjs.org);\n` +
          `${TAG} the node-gyp fallback also needs Python and a C++ toolchain.`,
      );
    }
    // Copy then rename, so an interrupted run never leaves a truncated file that the early-exit check would trust.
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.copyFileSync(built, tmpOut);
    fs.renameSync(tmpOut, outFile);
    log(`built with ${how}: ${rel(outFile)}`);
  } finally {
    fs.rmSync(tmpOut, { force: true });
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

try {
  main();
} catch (err) {
  console.error(`${TAG} ERROR: ${err.message}`);
  console.error(
    `${TAG} To skip this step, set LANDFALL_SKIP_ELECTRON_NATIVE=1 (the Electron app then cannot open its database).`,
  );
  process.exitCode = 1;
}

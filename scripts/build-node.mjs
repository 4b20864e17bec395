// Bundles the Node-side entry points (Electron main + preload, CLI, browser-mode server, bench)
// with esbuild. Native and Electron modules stay external; everything else is inlined.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
  define: { __LANDFALL_VERSION__: JSON.stringify(pkg.version) },
};

await Promise.all([
  build({
    ...common,
    // smaa-worker: the SMAA worker thread, read next to the bundle by backend/services/sensitivity/smaa-parallel.ts.
    entryPoints: { main: 'electron/main.ts', 'smaa-worker': 'backend/services/sensitivity/smaa-thread.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
  }),
  // The preload runs sandboxed: one file, nothing to require but `electron`.
  build({
    ...common,
    entryPoints: { preload: 'electron/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    target: 'chrome130',
  }),
  build({
    ...common,
    entryPoints: {
      cli: 'backend/cli/bin.ts',
      serve: 'backend/http/serve.ts',
      bench: 'tests/bench/run.ts',
      faults: 'tests/faults/run.ts',
      'data-build': 'db/data-build/main.ts',
      'smaa-worker': 'backend/services/sensitivity/smaa-thread.ts',
    },
    outdir: 'dist/node',
    outExtension: { '.js': '.cjs' },
  }),
]);

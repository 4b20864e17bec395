#!/usr/bin/env node
// The `landfall` CLI. The TypeScript sources are bundled to dist/node/cli.cjs by `npm install`
// (the "prepare" script) and by `npm run build:node`.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'node', 'cli.cjs');
if (!existsSync(bundle)) {
  process.stderr.write('landfall: the CLI is not built yet; run `npm run build:node` first\n');
  process.exit(1);
}
require(bundle);

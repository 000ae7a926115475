#!/usr/bin/env node
// The `vetbench` command: runs the built CLI (npm run build makes dist/cli/vetbench.cjs).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`vetbench: needs Node 24 or newer (this is ${process.version}). See README.md, "Set-up".\n`);
  process.exit(2);
}
const cli = join(__dirname, '..', 'dist', 'cli', 'vetbench.cjs');
if (!existsSync(cli)) {
  process.stderr.write('vetbench: not built yet; run `npm run build` first.\n');
  process.exit(2);
}
require(cli);

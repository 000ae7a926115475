// Runs a TypeScript entry point of the repository under Node 24: bundles it with esbuild
// (native modules stay external) and calls its exported `main(args)`.
// Usage: node scripts/run-ts.mjs test/bench/run.ts [args...]
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs ENTRY.ts [args...]');
  process.exit(2);
}
const outfile = resolve('dist', 'ts', basename(entry).replace(/\.ts$/, '.cjs'));
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node24',
  packages: 'external',
  logLevel: 'warning',
});
const { main } = createRequire(import.meta.url)(outfile);
await main(args);

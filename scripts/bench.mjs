// `npm run bench`: bundles the TypeScript benchmarks with esbuild and runs them. Figures are
// ratios against a baseline measured in the same run, because these machines are small and
// noisy: an absolute number would say more about the neighbours than about Vetbench.
import { build } from 'esbuild';
import { createRequire } from 'node:module';

const outfile = 'dist/bench/run.cjs';
await build({
  entryPoints: ['test/bench/run.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node24',
  external: ['better-sqlite3-multiple-ciphers', 'electron'],
  logLevel: 'warning',
});
const { runBenchmarks } = createRequire(import.meta.url)(`../${outfile}`);
await runBenchmarks();

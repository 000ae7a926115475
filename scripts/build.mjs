// Builds everything the app and the CLI run from: the Node side with esbuild (CommonJS,
// Node 24) and the renderer with Vite. Main and CLI leave every package in node_modules
// external: native addons, tesseract.js (which starts its workers from a file path) and
// packages with dynamic requires must load from where npm put them. The sandboxed preload
// may require only 'electron', so it is bundled whole (it imports nothing else).
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node24',
  sourcemap: true,
  logLevel: 'warning',
};
const nodeSide = { ...common, packages: 'external' };

rmSync('dist', { recursive: true, force: true });
await Promise.all([
  build({ ...nodeSide, entryPoints: ['electron/main/main.ts'], outfile: 'dist/main/main.cjs' }),
  build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    external: ['electron'],
  }),
  build({ ...nodeSide, entryPoints: ['electron/cli/vetbench.ts'], outfile: 'dist/cli/vetbench.cjs' }),
]);
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.error('built dist/main, dist/preload, dist/cli and dist/renderer');

// Builds everything the app and the CLI run from: the Node side with esbuild (CommonJS,
// Node 24, native modules and electron left external) and the renderer with Vite.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';

const external = ['electron', 'better-sqlite3-multiple-ciphers'];
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node24',
  sourcemap: true,
  external,
  logLevel: 'warning',
};

rmSync('dist', { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/main/main.cjs' }),
  // A sandboxed preload may require only 'electron': everything else is bundled in.
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/preload/preload.cjs' }),
  build({ ...common, entryPoints: ['electron/cli/vetbench.ts'], outfile: 'dist/cli/vetbench.cjs' }),
]);
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.error('built dist/main, dist/preload, dist/cli and dist/renderer');

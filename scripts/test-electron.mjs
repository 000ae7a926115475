// `npm run test:electron`: the UI walk in real Electron through Playwright's _electron.
// Skips, saying why, where no Electron binary is installed (it cannot be downloaded on
// offline build machines: ELECTRON_SKIP_BINARY_DOWNLOAD).
import { spawnSync } from 'node:child_process';
import { electronBinary } from './electronBinary.mjs';

const binary = electronBinary();
if (!binary) {
  console.log(
    'test:electron skipped: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD). With internet access run `node node_modules/electron/install.js`, then `npm run test:electron`.',
  );
  process.exit(0);
}
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const command = hasDisplay ? 'npx' : 'xvfb-run';
const args = hasDisplay
  ? ['playwright', 'test', '-c', 'playwright.electron.config.ts']
  : ['-a', 'npx', 'playwright', 'test', '-c', 'playwright.electron.config.ts'];
const result = spawnSync(command, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);

// `npm start`: launches the built app in Electron. Where that cannot work (no Electron
// binary, or no display), it says why and runs the CLI on the bundled example case instead,
// so a headless machine still shows the product doing its job.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from './electronBinary.mjs';

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const electron = electronBinary();

if (electron && hasDisplay) {
  const result = spawnSync(electron, ['.'], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

console.error(
  electron
    ? 'No display found (DISPLAY/WAYLAND_DISPLAY unset): running the CLI on the example case instead.'
    : 'The Electron binary is not installed (this machine cannot download it; with internet access run\n' +
        '`node node_modules/electron/install.js`, then `npm start`). Running the CLI on the example case instead.',
);

const exampleDir = join('examples', 'eriksson');
const files = readdirSync(exampleDir)
  .filter((f) => f !== 'README.md')
  .map((f) => join(exampleDir, f));
const vault = mkdtempSync(join(tmpdir(), 'vetbench-example-'));
const env = {
  ...process.env,
  VETBENCH_PASSPHRASE: 'example only: granite lantern orbit velvet',
  VETBENCH_REVIEWER: 'Example Reviewer',
};
const vetbench = (args) => {
  console.error(`\n$ vetbench ${args.join(' ')}`);
  return spawnSync(process.execPath, ['bin/vetbench.cjs', ...args], { stdio: 'inherit', env }).status;
};
const run = (...args) => vetbench(['--vault', vault, ...args]);
let failed = false;
try {
  // Stateless analysis of the example case, then the same files through an encrypted vault.
  failed ||= vetbench(['analyze', ...files]) !== 0;
  failed ||= run('vault', 'init') !== 0;
  failed ||= run('case', 'create', 'Example: Anna Maria Eriksson') !== 0;
  failed ||= run('case', 'import', 'Example: Anna Maria Eriksson', ...files) !== 0;
  failed ||= run('case', 'show', 'Example: Anna Maria Eriksson') !== 0;
  failed ||= run('log', 'show') !== 0;
  failed ||= run('log', 'verify') !== 0;
} finally {
  rmSync(vault, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

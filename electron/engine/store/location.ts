import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The default vault folder: `<userData>/vault`, where userData follows Electron's
 * app.getPath('userData') for an app named "Vetbench", so the app and the CLI share a vault.
 */
export function defaultVaultDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  const appData =
    platform === 'win32'
      ? (env['APPDATA'] ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env['XDG_CONFIG_HOME'] ?? join(home, '.config'));
  return join(appData, 'Vetbench', 'vault');
}

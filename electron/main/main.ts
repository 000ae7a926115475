// The Electron shell: lifecycle, the one window, the app:// protocol and the API. Everything
// the product does happens in the engine (electron/engine); this file only wires it to
// Electron with the security settings of security.ts.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type WebContents } from 'electron';
import { PROGRESS_CHANNEL } from '../../shared/apiMethods';
import { Workstation } from '../engine/workstation';
import { registerApi } from './ipc';
import { PRIVILEGED_SCHEME, registerAppProtocol } from './protocol';
import { APP_ORIGIN, isAllowedNavigation, isTrustedSender, secureWebPreferences } from './security';

const rendererDir = join(__dirname, '..', 'renderer');
const preloadPath = join(__dirname, '..', 'preload', 'preload.cjs');

// Must happen before 'ready'.
protocol.registerSchemesAsPrivileged([PRIVILEGED_SCHEME]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  const workstation = new Workstation({
    vaultDir: process.env['VETBENCH_VAULT_DIR'] ?? join(app.getPath('userData'), 'vault'),
    // A cheap KDF only for automated tests of development builds, never in a packaged app.
    kdfCost: !app.isPackaged && process.env['VETBENCH_KDF'] === 'test' ? 'test' : 'interactive',
    ocrLanguageRoot: app.isPackaged
      ? join(process.resourcesPath, 'app.asar.unpacked', 'node_modules', '@tesseract.js-data', 'eng')
      : undefined,
    // Unexpected errors are logged here with their stack; they never carry passphrases.
    onInternalError: (method, error) => console.error(`vetbench: ${method} failed:`, error),
  });
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every web contents, including any the app never meant to create, gets the same rules.
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  app.whenReady().then(() => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    // Offline by design: nothing but the app's own scheme (and devtools in development).
    ses.webRequest.onBeforeRequest((details, callback) => {
      const allowed =
        details.url.startsWith(`${APP_ORIGIN}/`) ||
        details.url.startsWith('devtools://') ||
        details.url.startsWith('blob:') ||
        details.url.startsWith('data:');
      callback({ cancel: !allowed });
    });
    registerAppProtocol(protocol, rendererDir);
    registerApi(ipcMain, workstation.dispatch, isTrustedSender);
    workstation.onProgress((event) => mainWindow?.webContents.send(PROGRESS_CHANNEL, event));
    Menu.setApplicationMenu(buildMenu());

    mainWindow = new BrowserWindow({
      width: 1280,
      height: 820,
      minWidth: 960,
      minHeight: 640,
      title: 'Vetbench',
      backgroundColor: '#f3f4f6',
      show: false,
      webPreferences: secureWebPreferences(preloadPath, { devTools: !app.isPackaged }),
    });
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => (mainWindow = null));
    void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Lock the vault and stop the OCR workers before the process goes.
    event.preventDefault();
    quitting = true;
    void workstation.shutdown().finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
}

function buildMenu(): Menu {
  return Menu.buildFromTemplate([
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'About Vetbench',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'About Vetbench',
              message: `Vetbench ${app.getVersion()}`,
              detail:
                'Offline vetting workstation. Vetbench validates data and files; it does not authenticate physical documents.',
            }),
        },
      ],
    },
  ]);
}

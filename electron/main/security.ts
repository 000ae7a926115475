// The security settings of the window, as data: reviewed here once and unit-tested without
// the Electron binary (electronjs.org/docs/latest/tutorial/security, checklist items 1-20).
import type { WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'vetbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Nothing but the app's own files; no inline code, no network, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function secureWebPreferences(preloadPath: string, options: { devTools: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // The spellchecker would send candidates' names to a dictionary service.
    spellcheck: false,
    devTools: options.devTools,
  };
}

export interface FrameLike {
  url: string;
  parent: unknown;
}

/** Only the app's own top-level page may call the API: not sub-frames, not other origins. */
export function isTrustedSender(frame: FrameLike | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Navigation stays inside the app; everything else (links in documents included) is refused. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

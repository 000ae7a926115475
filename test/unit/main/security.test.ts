import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isTrustedSender,
  secureWebPreferences,
} from '../../../electron/main/security';

describe('window security settings', () => {
  it('isolate the renderer: context isolation, sandbox, no Node, no webviews, no spellcheck service', () => {
    expect(secureWebPreferences('/app/preload.cjs', { devTools: false })).toEqual({
      preload: '/app/preload.cjs',
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
      spellcheck: false,
      devTools: false,
    });
  });

  it('use a CSP that starts from nothing and allows no inline or evaluated code', () => {
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('trust only the app page itself as an API caller', () => {
    expect(isTrustedSender({ url: 'app://vetbench/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://vetbench/index.html', parent: {} })).toBe(false); // a sub-frame
    expect(isTrustedSender({ url: 'app://evil/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///home/x/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'https://vetbench/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'not a url', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('allow navigation only inside the app', () => {
    expect(isAllowedNavigation('app://vetbench/index.html#case')).toBe(true);
    expect(isAllowedNavigation('https://example.com/phish')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
  });
});

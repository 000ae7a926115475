import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bridgeClientScript } from '../bridge/client';
import { startBridge, type Bridge } from '../bridge/server';

const rendererDir = resolve('dist/renderer');
export const screenshotDir = resolve('test/artifacts/screenshots');

interface Options {
  /** The vault's import limit; small in tests of the limit, the engine's default otherwise. */
  maxImportBytes: number | undefined;
}

interface Fixtures {
  bridge: Bridge;
  /** Problems the page reported: CSP violations, console errors, uncaught exceptions. */
  pageProblems: string[];
  shot: (name: string) => Promise<void>;
}

/**
 * Each test gets a fresh vault folder, its own bridge (engine + built renderer) and a page
 * opened on it with window.vetbench injected, the way the preload injects it in the app.
 */
export const test = base.extend<Options & Fixtures>({
  maxImportBytes: [undefined, { option: true }],
  bridge: async ({ maxImportBytes }, use) => {
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error(`${rendererDir}/index.html is missing: run "npx vite build" before the UI tests.`);
    }
    const vaultDir = mkdtempSync(join(tmpdir(), 'vetbench-e2e-'));
    const bridge = await startBridge({ vaultDir, rendererDir, kdfCost: 'test', maxImportBytes });
    try {
      await use(bridge);
    } finally {
      await bridge.close();
      rmSync(vaultDir, { recursive: true, force: true });
    }
  },
  // eslint-disable-next-line no-empty-pattern
  pageProblems: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, bridge, pageProblems }, use) => {
    page.on('console', (message) => {
      if (message.type() === 'error') pageProblems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
    await page.addInitScript(bridgeClientScript(bridge.token));
    // Any CSP violation (an inline style or script slipping into the build) is reported here.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
      });
    });
    await page.goto(bridge.url);
    await use(page);
    expect(pageProblems, 'the page reported errors').toEqual([]);
  },
  shot: async ({ page }, use) => {
    mkdirSync(screenshotDir, { recursive: true });
    await use(async (name: string) => {
      await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
    });
  },
});

export { expect };
export type { Locator, Page };

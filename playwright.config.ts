import { defineConfig } from '@playwright/test';

// UI tests: the built renderer (dist/renderer, from `npx vite build`) in Debian's Chromium,
// talking to the real engine through the loopback test bridge (test/bridge).
export default defineConfig({
  testDir: 'test/e2e',
  // The shared tsconfig's `paths` point a native module at its .d.ts (right for tsc, wrong
  // for a loader that runs the code), so tests load with a copy that drops them.
  tsconfig: './test/e2e/tsconfig.playwright.json',
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    headless: true,
    viewport: { width: 1360, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});

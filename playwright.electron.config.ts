import { defineConfig } from '@playwright/test';

// The same walk as test/e2e, in real Electron (npm run test:electron builds first).
export default defineConfig({
  testDir: 'test/electron',
  tsconfig: './test/e2e/tsconfig.playwright.json',
  outputDir: 'test-results/electron',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 90_000,
  expect: { timeout: 15_000 },
});

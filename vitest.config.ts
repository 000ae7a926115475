import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/fixtures/globalSetup.ts'],
    // Native modules (SQLCipher) and scrypt are happier in child processes than in threads.
    pool: 'forks',
    testTimeout: 30_000,
  },
});

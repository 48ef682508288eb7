import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest 4 would otherwise also collect compiled copies under dist/.
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});

import { defineConfig } from 'vitest/config';

// Browser tests start the real server and Chromium: one file at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

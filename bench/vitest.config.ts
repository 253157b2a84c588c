import { defineConfig } from 'vitest/config';

// The smoke test runs the generator and the server as processes: generous timeouts, one file at a time.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

/** The module's tests: pure rules beside the code (src/**), the router on PGlite (and Postgres with TEST_DATABASE_URL) in test/. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});

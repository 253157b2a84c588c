import { defineConfig } from 'vitest/config';

/**
 * The module's tests: pure rules beside the code (src/**), the router on PGlite (and on
 * Postgres when TEST_DATABASE_URL is set) and one browser journey in test/. Database and
 * browser tests are heavy: one file at a time, generous timeouts.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});

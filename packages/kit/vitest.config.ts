import { defineConfig } from 'vitest/config';

/** Unit tests of the kit; the database ones (versioned writes, imports) run on PGlite, and Postgres when TEST_DATABASE_URL is set. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Creating a PGlite instance takes seconds, and argon2 is slow on purpose.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});

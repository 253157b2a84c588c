import { defineConfig } from 'vitest/config';

/**
 * `pnpm test:reliability`: properties of the running portal that must hold as modules are added
 * (authorization matrix, fuzzing, no lost updates, crash safety, module faults, several
 * processes on one Postgres, web security). Heavy: one file at a time, long timeouts; the whole
 * suite stays under 10 minutes on this machine.
 */
export default defineConfig({
  test: {
    include: ['reliability/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

/**
 * `pnpm test:reliability`: properties of the running portal that must hold as modules are added
 * (authorization matrix, fuzzing, no lost updates, crash safety, module faults, several
 * processes on one Postgres, web security). Heavy: one file at a time, long timeouts; the whole
 * suite stays under 10 minutes on this machine.
 */
export default defineConfig({
  test: {
    // The core's no-lost-updates property, run here as the issue asks: 32 clients for 60 s on
    // each backend (the core's own run is 24 clients for 4 s).
    include: ['reliability/**/*.test.ts', '../../packages/core/test/no-lost-updates.test.ts'],
    env: { NO_LOST_UPDATES_MS: process.env.NO_LOST_UPDATES_MS ?? '60000', NO_LOST_UPDATES_CLIENTS: process.env.NO_LOST_UPDATES_CLIENTS ?? '32' },
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

// Each suite starts a real server (migrations, demo seed with an argon2 hash, PGlite): on a
// busy 2-core machine that takes more than vitest's default 10 s. The reliability suite
// (reliability/, `pnpm test:reliability`) has its own config.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], hookTimeout: 120_000, testTimeout: 60_000 },
});

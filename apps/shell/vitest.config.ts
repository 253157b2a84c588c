import { defineConfig } from 'vitest/config';

// Unit tests need none of the federation build (which vite.config.ts sets up).
export default defineConfig({
  test: { include: ['test/**/*.test.ts', 'src/**/*.test.ts'] },
});

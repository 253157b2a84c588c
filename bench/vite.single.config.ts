/**
 * The bench's single-bundle build of the shell: the same pages as the production build, but
 * without Module Federation. The shell's sources are built as they are; only
 * `@module-federation/runtime` is replaced by src/web/static-runtime.ts, which imports the
 * department module statically. BENCH_MODULE_ENTRY names the module's `src/web/plugin.tsx`.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const shellRoot = resolve(benchDir, '../apps/shell');
const moduleEntry = process.env.BENCH_MODULE_ENTRY ?? resolve(benchDir, '../test-fixtures/plugin-fixture/src/web/plugin.tsx');
const outDir = process.env.BENCH_SINGLE_OUT ?? resolve(benchDir, 'dist/single');

function staticModule(): Plugin {
  return {
    name: 'dondoc-bench-static-module',
    enforce: 'pre',
    resolveId(source) {
      if (source === '@module-federation/runtime') return resolve(benchDir, 'src/web/static-runtime.ts');
      if (source === 'virtual:dondoc-bench-module') return moduleEntry;
      return null;
    },
  };
}

export default defineConfig({
  root: shellRoot,
  base: '/',
  logLevel: 'warn',
  plugins: [staticModule(), react()],
  build: { outDir, emptyOutDir: true, target: 'es2022' },
});

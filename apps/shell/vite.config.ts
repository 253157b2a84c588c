import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { federation } from '@module-federation/vite';
import { dondocShared, shellFederationName } from '@dondoc/plugin-sdk/vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The shell is the federation host. It names NO remote at build time: the modules come from
 * `GET /api/plugins` at run time (registerRemotes + loadRemote), so adding a department needs
 * no rebuild of the shell. It provides the shared singletons every module consumes.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [
    react(),
    federation({
      name: shellFederationName,
      shared: dondocShared({ role: 'host', root }),
      manifest: false,
      dts: false,
      // Publishes the federation runtime for the modules (built with `externalRuntime`).
      experiments: { provideExternalRuntime: true },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});

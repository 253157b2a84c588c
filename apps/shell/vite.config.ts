import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { federation } from '@module-federation/vite';
import { dondocShared, lazySharedEntries, shellFederationName } from '@dondoc/plugin-sdk/vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(import.meta.url);

/**
 * The federation host loads each shared package it provides through a dynamic import (the
 * `get` of its local shared-import map), one wave after another as each top-level await
 * resolves: four or five round trips before the first render. Every one of those packages is
 * needed before the first page (react, react-dom, the router, react-query, @dondoc/ui …), so
 * the page names them all at once: a modulepreload link for each chunk the shared-import map
 * reaches, with its static imports. Lazy pages and charts are not reached and stay lazy, and so
 * do `@dondoc/ui`'s lazy entries (`lazySharedEntries`: the date picker, the panels, the
 * spreadsheet import), which the first page that imports one downloads.
 */
function preloadSharedChunks(): Plugin {
  return {
    name: 'dondoc-preload-shared-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        const chunks = new Map<string, { imports: string[]; dynamicImports: string[] }>();
        for (const output of Object.values(bundle)) if (output.type === 'chunk') chunks.set(output.fileName, output);
        const lazyEntryFiles = new Set(lazySharedEntries.map((entry) => require.resolve(entry)));
        // The chunks holding a lazy entry (rolldown may put one into the chunk of a page that imports it).
        const lazyChunks = new Set(
          Object.values(bundle).flatMap((output) => (output.type === 'chunk' && output.moduleIds.some((id) => lazyEntryFiles.has(id)) ? [output.fileName] : [])),
        );
        if (lazyChunks.size === 0) throw new Error('dondoc-preload-shared-chunks: no chunk holds a lazy entry of @dondoc/ui (are they still shared?)');
        const maps = [...chunks.keys()].filter((file) => file.includes('localSharedImportMap'));
        if (maps.length === 0) throw new Error('dondoc-preload-shared-chunks: no local shared-import map in the build (did @module-federation/vite change?)');
        const wanted = new Set<string>();
        const stack = maps.flatMap((file) => chunks.get(file)!.dynamicImports).filter((file) => !lazyChunks.has(file));
        while (stack.length > 0) {
          const file = stack.pop()!;
          if (wanted.has(file) || !chunks.has(file)) continue;
          wanted.add(file);
          stack.push(...chunks.get(file)!.imports);
        }
        const links = [...wanted]
          .filter((file) => !html.includes(`/${file}"`))
          .sort()
          .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`);
        return html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
      },
    },
  };
}

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
    preloadSharedChunks(),
  ],
  resolve: {
    // The shell's own pages import `@dondoc/ui`'s lazy entries as the files they are, not through
    // the federation share: the host loads every share its code imports while it starts, which
    // would download them before the first page. They are still provided to the modules (the
    // share's `get` imports the same file of this build, so there is one instance of each).
    alias: lazySharedEntries.map((entry) => ({ find: entry, replacement: require.resolve(entry) })),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});

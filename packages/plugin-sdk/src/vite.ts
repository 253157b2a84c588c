/**
 * Build-time helpers for the web side of dondoc: the ONE list of shared singletons that the
 * shell (federation host) and every department module (federation remote) agree on, and the
 * whole vite config of a module's web build.
 *
 * Node-only (reads files, imports vite plugins): never import it from browser code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

/**
 * Packages that exist once per page. The shell provides them; a module uses the shell's copy
 * (one React, one query cache, one session context). A shared package is provided whole,
 * whatever the shell uses of it, and all of it is downloaded before the first page. So antd
 * (≈ 520 KB gzip whole), react-router (≈ 50 KB more than what is used), i18next and
 * react-i18next are not in the list: a module takes antd's components and the router from
 * `@dondoc/ui` (packages/ui/src/antd.ts, router.ts), and texts through `useT` / `i18n` of
 * `@dondoc/ui`, so there is still one antd (one theme, one ConfigProvider), one router and one
 * i18n instance per page, and the shell's build holds only what is used.
 * `tools/check-deps.mjs` refuses a module that imports one of them itself.
 */
export const sharedPackages = ['react', 'react-dom', '@tanstack/react-query', '@trpc/client', '@dondoc/ui', 'dayjs'] as const;

export type SharedPackage = (typeof sharedPackages)[number];

/**
 * Entries of `@dondoc/ui` that are singletons of their own, loaded when a page that imports one
 * is (its chunk, or a module's), not before the first page: the date inputs, a record's panels
 * (tabs, drawer, figures) and the spreadsheet import. A shared package is downloaded whole before
 * the first page; these are what few first pages show (`packages/ui/src/lazy/`).
 */
export const lazySharedEntries = ['@dondoc/ui/date-picker', '@dondoc/ui/panels', '@dondoc/ui/spreadsheet-import'] as const;

/**
 * Entry points of shared packages that code imports directly and that must come from the same
 * copy: the JSX runtime every compiled component imports, and `@dondoc/ui`'s lazy entries.
 * Keyed to the package whose version they carry.
 */
export const sharedSubpaths = {
  'react/jsx-runtime': 'react',
  ...Object.fromEntries(lazySharedEntries.map((entry) => [entry, '@dondoc/ui'] as const)),
} as const satisfies Record<string, SharedPackage>;

/** Workspace packages shared as singletons: their version comes from their package.json, not the catalog. */
const workspacePackages: Partial<Record<SharedPackage, string>> = {
  '@dondoc/ui': 'packages/ui/package.json',
};

export interface SharedEntry {
  singleton: true;
  requiredVersion: string;
  /** `false` on modules: the shell always provides the package, so a module bundles no copy of it. */
  import?: false;
}

export { findWorkspaceRoot } from './workspace.ts';
import { findWorkspaceRoot } from './workspace.ts';

/**
 * The `catalog:` block of `pnpm-workspace.yaml` as a name → version record. The block is a
 * flat map of `name: version` lines, which is all this reads.
 */
export function readCatalog(workspaceRoot: string): Record<string, string> {
  const text = readFileSync(join(workspaceRoot, 'pnpm-workspace.yaml'), 'utf8');
  const catalog: Record<string, string> = {};
  let inCatalog = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\s+#.*$/, '');
    if (/^catalog:\s*$/.test(line)) {
      inCatalog = true;
      continue;
    }
    if (!inCatalog || line.trim() === '') continue;
    if (!/^\s/.test(line)) break; // the next top-level key ends the block
    const match = /^\s+(['"]?)([^'":]+)\1:\s*(['"]?)([^'"]+)\3\s*$/.exec(line);
    if (match?.[2] && match[4]) catalog[match[2].trim()] = match[4].trim();
  }
  return catalog;
}

/**
 * The shared singletons for `@module-federation/vite`, with `requiredVersion` from the
 * workspace catalog. `role: 'host'` (the shell) provides them; `role: 'remote'` (a module)
 * only consumes them (`import: false`), so a module's build holds none of their code.
 */
export function dondocShared(options: { role: 'host' | 'remote'; root: string; lazyEntries?: readonly string[] }): Record<string, SharedEntry> {
  const workspaceRoot = findWorkspaceRoot(options.root);
  const catalog = readCatalog(workspaceRoot);
  const shared: Record<string, SharedEntry> = {};
  for (const name of sharedPackages) {
    const packageJson = workspacePackages[name];
    const requiredVersion = packageJson
      ? (JSON.parse(readFileSync(join(workspaceRoot, packageJson), 'utf8')) as { version: string }).version
      : catalog[name];
    if (!requiredVersion) throw new Error(`Shared package ${name} has no version in the pnpm catalog of ${workspaceRoot}`);
    shared[name] = options.role === 'remote' ? { singleton: true, requiredVersion, import: false } : { singleton: true, requiredVersion };
  }
  for (const [subpath, name] of Object.entries(sharedSubpaths)) {
    if (options.lazyEntries && (lazySharedEntries as readonly string[]).includes(subpath) && !options.lazyEntries.includes(subpath)) continue;
    shared[subpath] = { ...shared[name]! };
  }
  return shared;
}

/**
 * The lazy entries of `@dondoc/ui` that a module's web code imports (a scan of `src/web` for
 * their names). A module's build declares only these: @module-federation/vite loads every
 * consume-only share during the container's `init()` unless it finds the share behind a dynamic
 * import, so a declared entry that no chunk of the module imports would be downloaded with its
 * first page, for nothing.
 */
export function lazyEntriesImportedBy(webSourceDir: string): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        for (const lazyEntry of lazySharedEntries) if (text.includes(`'${lazyEntry}'`) || text.includes(`"${lazyEntry}"`)) found.add(lazyEntry);
      }
    }
  };
  if (existsSync(webSourceDir)) walk(webSourceDir);
  return lazySharedEntries.filter((entry) => found.has(entry));
}

/** The Module Federation container name of a module: its kebab-case id in snake_case (`tai-chinh` → `tai_chinh`). */
export function federationName(id: string): string {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) throw new Error(`Invalid plugin id "${id}": ids are kebab-case`);
  return id.replaceAll('-', '_');
}

/** The federation host name of the shell. */
export const shellFederationName = 'dondoc_shell';

export interface PluginViteOptions {
  /** The module's kebab-case id, as in its server `definePlugin`. */
  id: string;
  /** The module's package folder (where `vite.config.ts` lives). */
  root: string;
}

/**
 * The whole vite config of a department module's web build: a federation remote named after
 * the id exposing `./plugin` (`src/web/plugin.tsx`), built to `dist/` with `remoteEntry.js`
 * and `mf-manifest.json`, served by the server at `/plugins/<id>/`.
 *
 * ```ts
 * // plugins/<id>/vite.config.ts
 * import { fileURLToPath } from 'node:url';
 * import { definePluginViteConfig } from '@dondoc/plugin-sdk/vite';
 * export default definePluginViteConfig({ id: '<id>', root: fileURLToPath(new URL('.', import.meta.url)) });
 * ```
 * with `"build": "vite build --configLoader runner"` in the module's package.json (the config
 * imports this TypeScript file from the workspace, which Vite's default config bundler leaves
 * to Node). The build's only input is `src/web/plugin.tsx`: no index.html is needed. Shared
 * packages are `import: false`: the module's dist holds none of their code, nor the federation
 * runtime (`experiments.externalRuntime`; the shell provides it).
 */
export function definePluginViteConfig({ id, root }: PluginViteOptions): UserConfig {
  const name = federationName(id);
  // Under vitest the module's (server) tests need none of the federation build.
  if (process.env.VITEST) return { root, test: { include: ['test/**/*.test.ts', 'src/**/*.test.ts'] } } as UserConfig;
  return {
    root,
    base: `/plugins/${id}/`,
    // The module's web build is a library for the shell: no public/ folder, no HTML page.
    publicDir: false,
    plugins: [
      react(),
      federation({
        name,
        filename: 'remoteEntry.js',
        exposes: { './plugin': './src/web/plugin.tsx' },
        shared: dondocShared({ role: 'remote', root, lazyEntries: lazyEntriesImportedBy(resolve(root, 'src/web')) }),
        manifest: true,
        dts: false,
        // Use the shell's federation runtime instead of shipping a ~65 kB copy per module.
        experiments: { externalRuntime: true },
      }),
    ],
    build: {
      outDir: resolve(root, 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      // No HTML page: the build's entry is the exposed module; the shell loads remoteEntry.js.
      rolldownOptions: { input: { plugin: resolve(root, 'src/web/plugin.tsx') } },
    },
  };
}

#!/usr/bin/env node
// Dependency direction (DESIGN.md): apps → plugins, packages; plugins → packages;
// packages → packages below them. A plugin never imports another plugin.
// Checks both package.json dependencies and import statements in the sources.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const root = resolve(process.argv[2] ?? join(dirname(new URL(import.meta.url).pathname), '..'));
/** Layers of the shared packages: a package may depend only on packages of a lower layer. */
const packageLayers = { db: 0, ui: 0, 'directive-parser': 0, auth: 1, trpc: 2, kit: 3, core: 4, 'plugin-sdk': 5 };
/**
 * The boundary (DESIGN.md, "The boundary"): a plugin (and the fixture plugin) depends only on
 * these workspace packages, besides third-party ones. Everything else a module needs comes
 * through the SDK; what to use instead of each forbidden package:
 */
const pluginAllowed = new Set(['@dondoc/plugin-sdk', '@dondoc/trpc', '@dondoc/ui']);
const insteadOf = {
  '@dondoc/db': "types (Queryable, Tx, Db, DatabaseKind) from '@dondoc/plugin-sdk', testBackends and queryRows from '@dondoc/plugin-sdk/testing'",
  '@dondoc/auth': "types (SessionUser, Access, AuditEntry, PermissionDeclaration) from '@dondoc/plugin-sdk'",
  '@dondoc/kit': "the kit (files, spreadsheet import, xlsx, versioned writes) from '@dondoc/plugin-sdk'",
  '@dondoc/core': "domain helpers and labels from '@dondoc/plugin-sdk' (server) or '@dondoc/plugin-sdk/web' (web code), core services through ctx.services.core",
};
/**
 * Packages a module must not take itself, though they are third-party: it gets them from the
 * shell through `@dondoc/ui`. A module's own antd (or router, or i18n) would not see the
 * shell's theme, locale and `App`, its routes or its language, and would be downloaded again:
 * these are not federation singletons (packages/plugin-sdk/src/vite.ts `sharedPackages`).
 */
const throughUi = {
  antd: "antd's components from '@dondoc/ui', the shell's one antd with its theme and locale",
  'react-router': "Link, useNavigate, useParams … from '@dondoc/ui', the shell's one router",
  i18next: "useT, i18n and addResources from '@dondoc/ui', the shell's one i18n instance",
  'react-i18next': "useT, i18n and addResources from '@dondoc/ui', the shell's one i18n instance",
};
const isThroughUi = (spec) => Object.keys(throughUi).find((name) => spec === name || spec.startsWith(`${name}/`));

const boundaryHint = (dep) =>
  insteadOf[dep] ?? (dep.startsWith('@dondoc/plugin-') ? 'a plugin never uses another plugin; talk through the core API' : "use '@dondoc/plugin-sdk', '@dondoc/trpc' or '@dondoc/ui'");

function workspacePackages() {
  const found = [];
  for (const group of ['apps', 'packages', 'plugins', 'test-fixtures']) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const pkgPath = join(dir, name, 'package.json');
      if (!existsSync(pkgPath)) continue;
      const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
      found.push({ group, folder: name, dir: join(dir, name), name: pkg.name, pkg });
    }
  }
  for (const extra of ['e2e', 'bench']) {
    const pkgPath = join(root, extra, 'package.json');
    if (existsSync(pkgPath)) found.push({ group: 'apps', folder: extra, dir: join(root, extra), name: JSON.parse(readFileSync(pkgPath, 'utf8')).name, pkg: JSON.parse(readFileSync(pkgPath, 'utf8')) });
  }
  return found;
}

function sourceFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d)) {
      if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
      const p = join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx|mts|js|mjs)$/.test(entry)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

const packages = workspacePackages();
const byName = new Map(packages.map((p) => [p.name, p]));
const problems = [];

const isPlugin = (pkg) => pkg.group === 'plugins' || pkg.group === 'test-fixtures';

function allowed(from, to) {
  if (from === to) return true;
  if (from.group === 'apps') return to.group !== 'apps' || to.folder === 'server' || to.folder === 'shell';
  if (from.group === 'test-fixtures' || from.group === 'plugins') return pluginAllowed.has(to.name);
  if (from.group === 'packages') {
    if (to.group !== 'packages') return false;
    return (packageLayers[to.folder] ?? 99) < (packageLayers[from.folder] ?? 99);
  }
  return false;
}

for (const from of packages) {
  const deps = { ...from.pkg.dependencies, ...from.pkg.devDependencies, ...from.pkg.peerDependencies };
  for (const dep of Object.keys(deps)) {
    if (isPlugin(from) && isThroughUi(dep)) {
      problems.push(`${relative(root, join(from.dir, 'package.json'))}: ${from.name} depends on ${dep}, which a module must not take itself (use ${throughUi[isThroughUi(dep)]})`);
      continue;
    }
    const to = byName.get(dep);
    if (!to || allowed(from, to)) continue;
    const rel = relative(root, join(from.dir, 'package.json'));
    if (isPlugin(from)) problems.push(`${rel}: ${from.name} depends on ${dep}, which a module must not use (use ${boundaryHint(dep)})`);
    else problems.push(`${from.name} (package.json) depends on ${dep}`);
  }
  for (const file of sourceFiles(from.dir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
      const spec = match[1];
      const rel = relative(root, file);
      if (spec.startsWith('@dondoc/')) {
        const name = spec.split('/').slice(0, 2).join('/');
        const to = byName.get(name);
        if (to && !allowed(from, to)) {
          problems.push(isPlugin(from) ? `${rel} imports ${spec}, which a module must not use (use ${boundaryHint(name)})` : `${rel} imports ${spec}`);
        }
      } else if (isPlugin(from) && isThroughUi(spec)) {
        problems.push(`${rel} imports ${spec}, which a module must not take itself (use ${throughUi[isThroughUi(spec)]})`);
      } else if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(from.dir + '/') && target !== from.dir) {
          problems.push(`${rel} reaches outside its package with "${spec}" (use the package's public API)`);
        }
      }
    }
  }
}

if (problems.length > 0) {
  console.error(`Dependency direction or module boundary violated (see DESIGN.md, "Layout" and "The boundary"):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`dependency direction ok (${packages.length} packages checked)`);

/**
 * `pnpm dondoc plugin:new <id> --unit <code> --name "<name>"`: writes a department module on
 * the kit into `plugins/<id>/` from the template in `../template` (files ending `.tpl`, with
 * `__PLUGIN_ID__`-style placeholders), and adds it to `dondoc.config.json`. The result passes
 * `checkPluginContract` as generated: the scaffolder's own test builds, serves and opens one.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { pluginIdSchema, pluginSchemaName } from './manifest.ts';

export const TEMPLATE_DIR = fileURLToPath(new URL('../template', import.meta.url));

export const scaffoldOptionsSchema = z.object({
  id: pluginIdSchema,
  unit: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'mã đơn vị viết hoa, ví dụ "SNV" (unit code in capitals, e.g. "SNV")'),
  name: z.string().trim().min(3, 'tên mô-đun quá ngắn (name too short)').max(120, 'tên mô-đun dài quá 120 ký tự (name too long)'),
});

export type ScaffoldOptions = z.infer<typeof scaffoldOptionsSchema>;

export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
}

/** `van-phong` → `VanPhong` (component and type names). */
export function pascalCase(id: string): string {
  return id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** `van-phong` → `vanPhong` (variable names). */
export function camelCase(id: string): string {
  const pascal = pascalCase(id);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** The placeholders of the template and their values for one module. */
export function placeholders(options: ScaffoldOptions): Record<string, string> {
  return {
    __PLUGIN_ID__: options.id,
    __PLUGIN_SCHEMA__: pluginSchemaName(options.id),
    __PLUGIN_PASCAL__: pascalCase(options.id),
    __PLUGIN_CAMEL__: camelCase(options.id),
    __PLUGIN_UNIT__: options.unit,
    // Inside TypeScript/JSON string literals: escaped as JSON would, without the quotes.
    __PLUGIN_NAME__: JSON.stringify(options.name).slice(1, -1),
    __PLUGIN_TARGET__: `${options.unit}-${options.id.toUpperCase().replaceAll('-', '')}-CT1`,
  };
}

export function fillTemplate(text: string, values: Record<string, string>): string {
  let out = text;
  for (const [token, value] of Object.entries(values)) out = out.replaceAll(token, value);
  const left = /__PLUGIN_[A-Z]+__/.exec(out);
  if (left) throw new ScaffoldError(`template placeholder ${left[0]} has no value`);
  return out;
}

async function templateFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.tpl'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

interface ConfigFile {
  plugins: Array<{ id: string; server: string; web?: string }>;
}

/**
 * Writes `plugins/<id>/` under `root` (the repository) and its entry in `configPath`
 * (default `<root>/dondoc.config.json`). Refuses an id already in the config or a folder that
 * exists. Returns the files written, relative to `root`.
 */
export async function scaffoldPlugin(
  input: ScaffoldOptions,
  { root, configPath = join(root, 'dondoc.config.json'), templateDir = TEMPLATE_DIR }: { root: string; configPath?: string; templateDir?: string },
): Promise<{ dir: string; files: string[] }> {
  const parsed = scaffoldOptionsSchema.safeParse(input);
  if (!parsed.success) throw new ScaffoldError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  const options = parsed.data;
  const dir = join(root, 'plugins', options.id);
  if (existsSync(dir)) throw new ScaffoldError(`plugins/${options.id} đã có (already exists)`);
  const config: ConfigFile = existsSync(configPath) ? JSON.parse(await readFile(configPath, 'utf8')) : { plugins: [] };
  if (config.plugins.some((plugin) => plugin.id === options.id)) {
    throw new ScaffoldError(`mô-đun "${options.id}" đã có trong ${relative(root, configPath)} (already configured)`);
  }

  const values = placeholders(options);
  const written: string[] = [];
  for (const file of await templateFiles(templateDir)) {
    const target = join(dir, relative(templateDir, file).replace(/\.tpl$/, '').replaceAll('__PLUGIN_ID__', options.id));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, fillTemplate(await readFile(file, 'utf8'), values));
    written.push(relative(root, target));
  }

  config.plugins.push({ id: options.id, server: `plugins/${options.id}/src/server/plugin.ts`, web: `plugins/${options.id}/dist` });
  await writeFile(configPath, `${JSON.stringify(config, null, 2)}\n`);
  return { dir, files: written };
}

/** The dondoc packages a module outside the workspace installs: the three it names and those they depend on. */
export const SDK_PACKAGES = ['@dondoc/plugin-sdk', '@dondoc/trpc', '@dondoc/ui', '@dondoc/db', '@dondoc/auth', '@dondoc/kit', '@dondoc/core', '@dondoc/directive-parser'] as const;

const TSCONFIG_STANDALONE = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    jsx: 'react-jsx',
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    allowImportingTsExtensions: true,
    noEmit: true,
    types: ['node'],
  },
  include: ['src', 'test', '*.ts'],
};

/**
 * Writes a module that lives outside the dondoc workspace, in `dir`: the same template, its own
 * pnpm workspace (`pnpm-workspace.yaml` with the `catalog` of versions the module's package.json
 * names, which the web build also reads for the shared singletons) and the dondoc packages taken
 * from `sdk`: package name → specifier, e.g. `^0.1.0` from a registry or `file:/…/dondoc-plugin-sdk-0.1.0.tgz`
 * from `pnpm pack` (then every dondoc package is pinned to its tarball by `overrides`).
 * Then `pnpm install`, `pnpm test`, `pnpm run release` work there.
 */
export async function scaffoldStandalonePlugin(
  input: ScaffoldOptions,
  { dir, catalog, sdk, templateDir = TEMPLATE_DIR }: { dir: string; catalog: Record<string, string>; sdk: Partial<Record<(typeof SDK_PACKAGES)[number], string>>; templateDir?: string },
): Promise<{ dir: string; files: string[] }> {
  const parsed = scaffoldOptionsSchema.safeParse(input);
  if (!parsed.success) throw new ScaffoldError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  const options = parsed.data;
  if (existsSync(join(dir, 'package.json'))) throw new ScaffoldError(`${dir} đã có package.json (already holds a package)`);
  const values = placeholders(options);
  const written: string[] = [];
  const put = async (path: string, text: string) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
    written.push(path);
  };
  for (const file of await templateFiles(templateDir)) {
    const path = relative(templateDir, file).replace(/\.tpl$/, '').replaceAll('__PLUGIN_ID__', options.id);
    let text = fillTemplate(await readFile(file, 'utf8'), values);
    if (path === 'tsconfig.json') text = `${JSON.stringify(TSCONFIG_STANDALONE, null, 2)}\n`;
    if (path === 'package.json') {
      const pkg = JSON.parse(text) as { dependencies: Record<string, string> };
      for (const name of Object.keys(pkg.dependencies)) {
        if (!name.startsWith('@dondoc/')) continue;
        const spec = sdk[name as (typeof SDK_PACKAGES)[number]];
        if (!spec) throw new ScaffoldError(`no specifier for ${name} (give its version or its packed .tgz)`);
        pkg.dependencies[name] = spec;
      }
      text = `${JSON.stringify(pkg, null, 2)}\n`;
    }
    await put(path, text);
  }
  const quote = (value: string) => JSON.stringify(value);
  const overrides = Object.entries(sdk).filter(([, spec]) => spec?.startsWith('file:'));
  await put(
    'pnpm-workspace.yaml',
    [
      '# This module\'s own workspace: the versions its package.json takes from the catalog (the web build reads the shared ones here).',
      'packages:',
      "  - '.'",
      'allowBuilds:',
      '  esbuild: true',
      '  "@node-rs/argon2": true',
      ...(overrides.length > 0 ? ['# The dondoc packages from their packed tarballs (pnpm pack), each dependency on them included.', 'overrides:', ...overrides.map(([name, spec]) => `  ${quote(name)}: ${quote(spec!)}`)] : []),
      'catalog:',
      ...Object.entries(catalog).map(([name, version]) => `  ${quote(name)}: ${quote(version)}`),
      '',
    ].join('\n'),
  );
  await put('.gitignore', 'node_modules/\ndist/\n*.dondoc.tgz\n');
  // The web build reads @dondoc/ui's version where the dondoc workspace keeps it (packages/ui):
  // here that is the installed package.
  await mkdir(join(dir, 'packages'), { recursive: true });
  await symlink(join('..', 'node_modules', '@dondoc', 'ui'), join(dir, 'packages', 'ui'));
  return { dir, files: written };
}

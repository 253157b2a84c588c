/**
 * A module's release artifact: one versioned tarball (`<id>-<version>.dondoc.tgz`) holding
 *
 * ```
 * dondoc-plugin.json   the manifest: id, name, unit, version, the SDK range it was built against,
 *                      the sha256 of every other file and the integrity hash over them
 * server/plugin.mjs    the server entry bundled to JavaScript (the host's packages left as imports)
 * web/                 the web build: remoteEntry.js, mf-manifest.json, content-hashed chunks
 * drizzle/             the module's migrations
 * ```
 *
 * `packPlugin` makes it (`pnpm dondoc plugin:pack <folder>` in the workspace, `pnpm run release`
 * in a module built outside it); the server checks it with `verifyArtifact` when it installs it
 * and again at every start (a module whose files changed or whose SDK range the server does not
 * satisfy is refused, the others go on).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { pluginIdSchema } from './manifest.ts';

export { pluginSchemaName } from './manifest.ts';
import { isPluginDefinition } from './plugin.ts';

/** The version of this SDK (its package.json): what the server offers, what a module is built against. */
export const SDK_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The range a module built against this SDK declares: same major (same minor while 0.x), this version or later. */
export function sdkRangeFor(version: string = SDK_VERSION): string {
  return `^${version}`;
}

export const ARTIFACT_MANIFEST = 'dondoc-plugin.json';

export class ArtifactError extends Error {
  override name = 'ArtifactError';
}

type Semver = [number, number, number, string];

function parseVersion(text: string): Semver | null {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3]), match[4] ?? ''] : null;
}

function compareVersions(a: Semver, b: Semver): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  if (a[3] === b[3]) return 0;
  if (a[3] === '') return 1; // a release is after its pre-releases
  if (b[3] === '') return -1;
  return a[3] < b[3] ? -1 : 1;
}

/** `1.2.0` before `1.10.0`; for sorting versions. */
export function compareSemver(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (!pa || !pb) return a.localeCompare(b);
  return compareVersions(pa, pb);
}

/**
 * Whether `version` satisfies `range`: the npm forms a module states — `^1.2.3`, `~1.2.3`,
 * `1.2.3`, comparators `>=1.2.3 <2.0.0` (all must hold) and alternatives joined by `||`.
 * An unreadable range is satisfied by nothing.
 */
export function satisfiesRange(version: string, range: string): boolean {
  const v = parseVersion(version);
  if (!v) return false;
  return range.split('||').some((alternative) => {
    const comparators = alternative.trim().split(/\s+/).filter(Boolean);
    if (comparators.length === 0) return false;
    return comparators.every((comparator) => {
      const match = /^(\^|~|>=|<=|>|<|=)?(.+)$/.exec(comparator);
      const bound = match && parseVersion(match[2]!);
      if (!match || !bound) return false;
      const cmp = compareVersions(v, bound);
      switch (match[1]) {
        case '^': {
          const upper: Semver = bound[0] > 0 ? [bound[0] + 1, 0, 0, ''] : bound[1] > 0 ? [0, bound[1] + 1, 0, ''] : [0, 0, bound[2] + 1, ''];
          return cmp >= 0 && compareVersions(v, upper) < 0 && (v[3] === '' || bound[3] !== '');
        }
        case '~':
          return cmp >= 0 && compareVersions(v, [bound[0], bound[1] + 1, 0, '']) < 0;
        case '>=':
          return cmp >= 0;
        case '<=':
          return cmp <= 0;
        case '>':
          return cmp > 0;
        case '<':
          return cmp < 0;
        default:
          return cmp === 0;
      }
    });
  });
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in hex');

export const artifactManifestSchema = z.object({
  format: z.literal(1),
  id: pluginIdSchema,
  name: z.string().min(1),
  unit: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'version is semver, e.g. "1.0.0"'),
  sdk: z.object({ range: z.string().min(1), builtWith: z.string().min(1) }),
  /** The module's migration tags, in order: a rollback names those the older version does not know. */
  migrations: z.array(z.string()),
  builtAt: z.string(),
  /** Every file of the artifact but this manifest, relative path → sha256. */
  files: z.record(z.string(), sha256Hex),
  /** `sha256-<hex>` over the sorted `path:hash` lines of `files`. */
  integrity: z.string().regex(/^sha256-[0-9a-f]{64}$/),
});

export type ArtifactManifest = z.infer<typeof artifactManifestSchema>;

export const ARTIFACT_LAYOUT = { server: 'server/plugin.mjs', web: 'web', migrations: 'drizzle' } as const;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

async function hashFile(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

/** The integrity hash of a files record: sha256 over its sorted `path:hash` lines. */
export function integrityOf(files: Record<string, string>): string {
  const lines = Object.keys(files)
    .sort()
    .map((path) => `${path}:${files[path]}\n`)
    .join('');
  return `sha256-${createHash('sha256').update(lines).digest('hex')}`;
}

/** sha256 of every file under `dir` but the manifest. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const path of await listFiles(dir)) if (path !== ARTIFACT_MANIFEST) files[path] = await hashFile(join(dir, path));
  return files;
}

/** Reads and validates an artifact folder's manifest, or throws an ArtifactError saying what is wrong. */
export async function readArtifactManifest(dir: string): Promise<ArtifactManifest> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(join(dir, ARTIFACT_MANIFEST), 'utf8'));
  } catch (error) {
    throw new ArtifactError(`${ARTIFACT_MANIFEST} missing or not JSON in ${dir}: ${(error as Error).message}`);
  }
  const parsed = artifactManifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new ArtifactError(`${ARTIFACT_MANIFEST} is not a valid artifact manifest: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/**
 * Checks an unpacked artifact: its manifest, every file's hash against the manifest (a changed,
 * missing or added file is named), the integrity hash, and that `sdkVersion` (the server's SDK)
 * satisfies the module's range. Throws an ArtifactError with a clear message, else answers the manifest.
 */
export async function verifyArtifact(dir: string, sdkVersion: string = SDK_VERSION): Promise<ArtifactManifest> {
  const manifest = await readArtifactManifest(dir);
  const label = `${manifest.id} ${manifest.version}`;
  if (integrityOf(manifest.files) !== manifest.integrity) throw new ArtifactError(`${label}: integrity hash does not match its file list (the manifest was altered)`);
  const actual = await hashTree(dir);
  const changed = Object.keys(manifest.files).filter((path) => actual[path] !== manifest.files[path]);
  const added = Object.keys(actual).filter((path) => !(path in manifest.files));
  if (changed.length > 0 || added.length > 0) {
    const names = [...changed.map((p) => (p in actual ? `${p} (changed)` : `${p} (missing)`)), ...added.map((p) => `${p} (not in the manifest)`)];
    throw new ArtifactError(`${label}: integrity check failed, ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}`);
  }
  if (!satisfiesRange(sdkVersion, manifest.sdk.range)) {
    throw new ArtifactError(`${label}: needs plugin SDK ${manifest.sdk.range} (built with ${manifest.sdk.builtWith}); this server has SDK ${sdkVersion}`);
  }
  return manifest;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolveRun, reject) => {
    // Never the variables of a test runner around us: under VITEST the module's vite config is its test config.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolveRun() : reject(new ArtifactError(`${command} ${args.join(' ')} failed (exit ${code}):\n${output.slice(-4000)}`))));
  });
}

/** Packages the server provides to every module: a module's server bundle imports them, never holds a copy. */
export function isHostProvided(specifier: string): boolean {
  return (
    specifier.startsWith('node:') ||
    builtinModules.includes(specifier) ||
    /^(@dondoc\/[^/]+|@trpc\/server|drizzle-orm|zod)(\/.*)?$/.test(specifier)
  );
}

/** The migration tags of a drizzle folder (its `meta/_journal.json`), in order. */
async function migrationTags(folder: string): Promise<string[]> {
  const journal = join(folder, 'meta', '_journal.json');
  if (!existsSync(journal)) return [];
  const parsed = JSON.parse(await readFile(journal, 'utf8')) as { entries?: Array<{ tag: string }> };
  return (parsed.entries ?? []).map((entry) => entry.tag);
}

export interface PackResult {
  file: string;
  manifest: ArtifactManifest;
  /** sha256 of the tarball itself, to publish beside it (`plugin:install --sha256`). */
  sha256: string;
}

/**
 * Builds one module into its release tarball: the web build (`vite build` in the module, unless
 * `skipWebBuild` and `dist/` is there), the server entry bundled by vite (rolldown) to one ES
 * module, its migrations, and the manifest with the SDK range and the hashes. Must run where
 * TypeScript imports work (`node --import tsx`), as `pnpm dondoc` and `pnpm run release` do.
 */
export async function packPlugin(moduleDir: string, options: { outDir?: string; skipWebBuild?: boolean } = {}): Promise<PackResult> {
  const root = resolve(moduleDir);
  const entry = join(root, 'src/server/plugin.ts');
  if (!existsSync(entry)) throw new ArtifactError(`${entry} not found: give the module's folder (the one holding src/server/plugin.ts)`);
  const loaded = ((await import(pathToFileURL(entry).href)) as { default?: unknown }).default;
  if (!isPluginDefinition(loaded)) throw new ArtifactError(`${entry} does not default-export a plugin definition (definePlugin)`);
  const definition = loaded;
  if (!options.skipWebBuild || !existsSync(join(root, 'dist', 'mf-manifest.json'))) {
    const vite = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vite.cmd' : 'vite');
    await run(existsSync(vite) ? vite : 'vite', ['build', '--configLoader', 'runner'], root);
  }
  if (!existsSync(join(root, 'dist', 'mf-manifest.json'))) throw new ArtifactError(`${join(root, 'dist')} holds no mf-manifest.json after the web build`);

  const staging = await mkdtemp(join(tmpdir(), `dondoc-pack-${definition.id}-`));
  try {
    const { build } = await import('vite');
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      publicDir: false,
      ssr: { noExternal: true },
      build: {
        ssr: entry,
        outDir: join(staging, 'server'),
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        copyPublicDir: false,
        rolldownOptions: { external: (id: string) => isHostProvided(id), output: { format: 'es', entryFileNames: 'plugin.mjs' } },
      },
    });
    await cp(join(root, 'dist'), join(staging, ARTIFACT_LAYOUT.web), { recursive: true });
    await cp(definition.migrations, join(staging, ARTIFACT_LAYOUT.migrations), { recursive: true });
    const files = await hashTree(staging);
    const manifest: ArtifactManifest = {
      format: 1,
      id: definition.id,
      name: definition.name,
      unit: definition.unit,
      version: definition.version,
      sdk: { range: sdkRangeFor(), builtWith: SDK_VERSION },
      migrations: await migrationTags(definition.migrations),
      builtAt: new Date().toISOString(),
      files,
      integrity: integrityOf(files),
    };
    await writeFile(join(staging, ARTIFACT_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    const outDir = resolve(options.outDir ?? root);
    await mkdir(outDir, { recursive: true });
    const file = join(outDir, `${definition.id}-${definition.version}.dondoc.tgz`);
    await writeTarball(staging, file);
    return { file, manifest, sha256: await hashFile(file) };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Writes `dir`'s contents as a gzipped tarball (the system's `tar`: GNU tar on Linux, bsdtar on macOS and Windows). */
export async function writeTarball(dir: string, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await run('tar', ['-czf', file, '-C', dir, '.'], dir);
}

/** Unpacks a tarball into `dest` (created), refusing one with absolute paths or paths that climb out. */
export async function extractTarball(file: string, dest: string): Promise<void> {
  const listing = await new Promise<string>((resolveList, reject) => {
    const child = spawn('tar', ['-tzf', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolveList(out) : reject(new ArtifactError(`${file} is not a readable .tgz: ${err.trim()}`))));
  });
  const unsafe = listing.split('\n').filter((path) => path && (path.startsWith('/') || path.split('/').includes('..')));
  if (unsafe.length > 0) throw new ArtifactError(`${file} holds paths outside its folder: ${unsafe.slice(0, 3).join(', ')}`);
  await mkdir(dest, { recursive: true });
  await run('tar', ['-xzf', file, '-C', dest], dest);
}

/**
 * The operator's module commands: `plugin:pack`, `plugin:install`, `plugin:list`,
 * `plugin:rollback`, `plugin:remove`. They change the deployment's plugin folder
 * (`DONDOC_PLUGINS_DIR`, `<dir>/<id>/<version>/`) and its config (`DONDOC_CONFIG`); a restart of
 * the server makes the change live. The shell is never rebuilt: it learns the modules from
 * `/api/plugins` at run time.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  ArtifactError,
  extractTarball,
  packPlugin,
  pluginSchemaName,
  readArtifactManifest,
  satisfiesRange,
  SDK_VERSION,
  verifyArtifact,
  type ArtifactManifest,
} from '@dondoc/plugin-sdk/release';
import { installedPaths, readConfigFile, type ConfigFileEntry } from './config.ts';
import { launchDir, loadEnv, type Env } from './env.ts';

const RESTART = 'Khởi động lại máy chủ để áp dụng (restart the server to make it live); giao diện không cần build lại (the shell is not rebuilt).';

class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], usage: string, options: T) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    throw new CommandError(`${(error as Error).message}\n${usage}`, 2);
  }
}

async function writeConfig(env: Env, plugins: ConfigFileEntry[]): Promise<void> {
  const temporary = `${env.configPath}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ plugins }, null, 2)}\n`);
  await rename(temporary, env.configPath);
}

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Runs one command: a CommandError is the operator's mistake or a refusal, said on stderr with its exit code. */
async function command(body: () => Promise<void>): Promise<number> {
  try {
    await body();
    return 0;
  } catch (error) {
    if (error instanceof CommandError || error instanceof ArtifactError) {
      process.stderr.write(`${error.message}\n`);
      return error instanceof CommandError ? error.exitCode : 1;
    }
    throw error;
  }
}

const PACK_USAGE = 'Cách dùng (usage): pnpm dondoc plugin:pack <thư mục mô-đun (module folder)> [--out <thư mục (folder)>]';

/** `plugin:pack <folder> [--out <dir>]`: the module's release tarball. */
export function runPluginPack(args: string[]): Promise<number> {
  return command(async () => {
    const { positionals, values } = parse(args, PACK_USAGE, { out: { type: 'string' } } as const);
    if (positionals.length !== 1) throw new CommandError(PACK_USAGE, 2);
    const result = await packPlugin(resolve(launchDir, positionals[0]!), { outDir: values.out ? resolve(launchDir, String(values.out)) : undefined });
    out(`Đã đóng gói (packed) ${result.manifest.id} ${result.manifest.version}: ${result.file}`);
    out(`  SDK ${result.manifest.sdk.range} (built with ${result.manifest.sdk.builtWith}), ${Object.keys(result.manifest.files).length} files, ${result.manifest.integrity}`);
    out(`  sha256 ${result.sha256}`);
  });
}

const INSTALL_USAGE = 'Cách dùng (usage): pnpm dondoc plugin:install <tệp .dondoc.tgz (tarball)> [--sha256 <hex>]';

/**
 * `plugin:install <tarball> [--sha256 <hex>]`: checks the tarball (its sha256 when given, every
 * file against its manifest, the SDK range), unpacks it to `<DONDOC_PLUGINS_DIR>/<id>/<version>/`
 * beside the versions already there, and points the config at it (the version it replaces goes to `previous`).
 */
export function runPluginInstall(args: string[]): Promise<number> {
  return command(async () => {
    const { positionals, values } = parse(args, INSTALL_USAGE, { sha256: { type: 'string' } } as const);
    if (positionals.length !== 1) throw new CommandError(INSTALL_USAGE, 2);
    const tarball = resolve(launchDir, positionals[0]!);
    if (!existsSync(tarball)) throw new CommandError(`Không có tệp (no such file): ${tarball}`, 2);
    if (values.sha256) {
      const actual = createHash('sha256').update(await readFile(tarball)).digest('hex');
      if (actual !== String(values.sha256).toLowerCase()) throw new CommandError(`Từ chối (refused): sha256 of ${tarball} is ${actual}, expected ${String(values.sha256)}`);
    }
    const env = loadEnv();
    await mkdir(env.pluginsDir, { recursive: true });
    const incoming = join(env.pluginsDir, `.incoming-${process.pid}-${Date.now()}`);
    try {
      await extractTarball(tarball, incoming);
      let manifest: ArtifactManifest;
      try {
        manifest = await verifyArtifact(incoming);
      } catch (error) {
        throw new CommandError(`Từ chối cài (refused): ${(error as Error).message}`);
      }
      const config = await readConfigFile(env.configPath);
      const existing = config.plugins.find((entry) => entry.id === manifest.id);
      if (existing && !('version' in existing)) {
        throw new CommandError(`Từ chối cài (refused): ${manifest.id} is configured from source (${existing.server}) in ${env.configPath}; remove it first (pnpm dondoc plugin:remove ${manifest.id})`);
      }
      const { home, root } = installedPaths(env.pluginsDir, manifest.id, manifest.version);
      if (existsSync(root)) {
        const present = await readArtifactManifest(root).catch(() => null);
        if (present?.integrity !== manifest.integrity) {
          throw new CommandError(`Từ chối cài (refused): ${manifest.id} ${manifest.version} is already installed with other contents (${root}); give the new build a new version`);
        }
      } else {
        await mkdir(home, { recursive: true });
        await rename(incoming, root);
      }
      const previous = existing && 'version' in existing ? [...(existing.previous ?? []).filter((v) => v !== manifest.version)] : [];
      if (existing && 'version' in existing && existing.version !== manifest.version) previous.push(existing.version);
      const entry: ConfigFileEntry = { id: manifest.id, version: manifest.version, previous };
      await writeConfig(env, existing ? config.plugins.map((e) => (e.id === manifest.id ? entry : e)) : [...config.plugins, entry]);
      const from = existing && 'version' in existing && existing.version !== manifest.version ? ` (thay (replacing) ${existing.version}, kept for rollback)` : '';
      out(`Đã cài (installed) ${manifest.id} ${manifest.version}${from} in ${root}; SDK ${manifest.sdk.range}, this server ${SDK_VERSION}.`);
      out(RESTART);
    } finally {
      await rm(incoming, { recursive: true, force: true });
    }
  });
}

interface ListedPlugin {
  id: string;
  version: string | null;
  source: 'installed' | 'workspace';
  status: 'ok' | 'refused';
  compatible: boolean | null;
  sdkRange: string | null;
  previous: string[];
  problem: string | null;
}

/** `plugin:list [--json]`: each configured module with its version, whether it would load and whether its SDK range fits this server. */
export function runPluginList(args: string[]): Promise<number> {
  return command(async () => {
    const { values } = parse(args, 'Cách dùng (usage): pnpm dondoc plugin:list [--json]', { json: { type: 'boolean' } } as const);
    const env = loadEnv();
    const config = await readConfigFile(env.configPath);
    const listed: ListedPlugin[] = [];
    for (const entry of config.plugins) {
      if (!('version' in entry)) {
        listed.push({ id: entry.id, version: null, source: 'workspace', status: 'ok', compatible: null, sdkRange: null, previous: [], problem: null });
        continue;
      }
      const { root } = installedPaths(env.pluginsDir, entry.id, entry.version);
      const manifest = await readArtifactManifest(root).catch(() => null);
      let problem: string | null = null;
      try {
        await verifyArtifact(root);
      } catch (error) {
        problem = (error as Error).message;
      }
      listed.push({
        id: entry.id,
        version: entry.version,
        source: 'installed',
        status: problem ? 'refused' : 'ok',
        compatible: manifest ? satisfiesRange(SDK_VERSION, manifest.sdk.range) : false,
        sdkRange: manifest?.sdk.range ?? null,
        previous: entry.previous ?? [],
        problem,
      });
    }
    if (values.json) return out(JSON.stringify(listed));
    out(`SDK ${SDK_VERSION}; ${env.configPath}; ${env.pluginsDir}`);
    const rows = [['id', 'version', 'source', 'status', 'compatible', 'sdk', 'previous'], ...listed.map((p) => [p.id, p.version ?? '-', p.source, p.status, p.compatible === null ? '-' : p.compatible ? 'yes' : 'no', p.sdkRange ?? '-', p.previous.join(',') || '-'])];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
    for (const row of rows) out(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
    for (const p of listed.filter((p) => p.problem)) out(`  ${p.id}: ${p.problem}`);
  });
}

const ROLLBACK_USAGE = 'Cách dùng (usage): pnpm dondoc plugin:rollback <id> [--force]';

/**
 * `plugin:rollback <id> [--force]`: back to the version installed before the current one. Data
 * migrations are forward-only: when the current version brought migrations the previous one does
 * not know, the rollback would need a down-migration; it is refused, naming them, unless `--force`
 * (the code goes back, the tables stay as the newer version left them).
 */
export function runPluginRollback(args: string[]): Promise<number> {
  return command(async () => {
    const { positionals, values } = parse(args, ROLLBACK_USAGE, { force: { type: 'boolean' } } as const);
    if (positionals.length !== 1) throw new CommandError(ROLLBACK_USAGE, 2);
    const id = positionals[0]!;
    const env = loadEnv();
    const config = await readConfigFile(env.configPath);
    const entry = config.plugins.find((e) => e.id === id);
    if (!entry) throw new CommandError(`Không có mô-đun (no module) "${id}" in ${env.configPath}`, 2);
    if (!('version' in entry)) throw new CommandError(`${id} is configured from source, not installed from a tarball: nothing to roll back to`);
    const previous = [...(entry.previous ?? [])];
    const target = previous.pop();
    if (!target) throw new CommandError(`${id} ${entry.version} has no previous version to roll back to`);
    const current = await readArtifactManifest(installedPaths(env.pluginsDir, id, entry.version).root).catch(() => null);
    let older: ArtifactManifest;
    try {
      older = await verifyArtifact(installedPaths(env.pluginsDir, id, target).root);
    } catch (error) {
      throw new CommandError(`Không quay lại được (cannot roll back) to ${id} ${target}: ${(error as Error).message}`);
    }
    const unknown = (current?.migrations ?? []).filter((tag) => !older.migrations.includes(tag));
    if (unknown.length > 0) {
      const text = `${id} ${entry.version} brings migrations ${unknown.join(', ')} that ${target} does not know; migrations are forward-only, so going back would need a down-migration, which dondoc never runs.`;
      if (!values.force) throw new CommandError(`Từ chối quay lại (rollback refused): ${text}\n  Install a fixed newer version instead, or run with --force to put ${target}'s code back on the tables as ${entry.version} left them.`);
      out(`Chú ý (warning): ${text} --force: the tables stay as they are.`);
    }
    // The version rolled back from stays on disk: pages opened on it still find their chunks.
    await writeConfig(env, config.plugins.map((e) => (e.id === id ? { id, version: target, previous } : e)));
    out(`Đã quay lại (rolled back) ${id} ${entry.version} → ${target}.`);
    out(RESTART);
  });
}

const REMOVE_USAGE = 'Cách dùng (usage): pnpm dondoc plugin:remove <id> [--drop-data]';

/**
 * `plugin:remove <id> [--drop-data]`: takes the module out of the config and deletes its
 * installed files. Its data (its Postgres schema) is kept unless `--drop-data`, which drops the
 * schema and its migration history (the server must be stopped on PGlite: it holds the data folder).
 */
export function runPluginRemove(args: string[]): Promise<number> {
  return command(async () => {
    const { positionals, values } = parse(args, REMOVE_USAGE, { 'drop-data': { type: 'boolean' } } as const);
    if (positionals.length !== 1) throw new CommandError(REMOVE_USAGE, 2);
    const id = positionals[0]!;
    const env = loadEnv();
    const config = await readConfigFile(env.configPath);
    const entry = config.plugins.find((e) => e.id === id);
    if (!entry) throw new CommandError(`Không có mô-đun (no module) "${id}" in ${env.configPath}`, 2);
    if (values['drop-data']) {
      const [{ migrate, openDatabase }, { sql }] = await Promise.all([import('@dondoc/db'), import('drizzle-orm')]);
      const database = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir, owner: `pnpm dondoc plugin:remove ${id}` });
      try {
        await migrate(database.db, []); // the migration history table, on a database that never had it
        await database.db.transaction(async (tx) => {
          await tx.execute(sql.raw(`drop schema if exists "${pluginSchemaName(id)}" cascade`));
          await tx.execute(sql`delete from dondoc_meta.migrations where module = ${`plugin:${id}`}`);
        });
      } finally {
        await database.close();
      }
    }
    await writeConfig(env, config.plugins.filter((e) => e.id !== id));
    if ('version' in entry) await rm(join(env.pluginsDir, id), { recursive: true, force: true });
    out(`Đã gỡ (removed) ${id}${'version' in entry ? ` ${entry.version}` : ''}. ${values['drop-data'] ? `Dữ liệu đã xoá (data dropped: schema ${pluginSchemaName(id)}).` : `Dữ liệu được giữ (data kept: schema ${pluginSchemaName(id)}; --drop-data to delete it).`}`);
    out(RESTART);
  });
}

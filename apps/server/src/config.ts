import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { pluginIdSchema } from '@dondoc/plugin-sdk';
import { ARTIFACT_LAYOUT } from '@dondoc/plugin-sdk/release';

const pluginEntrySchema = z.object({
  id: pluginIdSchema,
  /** Path of the plugin's server entry (`src/server/plugin.ts`), relative to the config file. */
  server: z.string().min(1),
  /** The plugin's web build: a folder (served at `/plugins/<id>/`) or the URL of its `mf-manifest.json`. */
  web: z.string().min(1).optional(),
});

/**
 * A module installed from its release tarball (`pnpm dondoc plugin:install`): its files are in
 * `<DONDOC_PLUGINS_DIR>/<id>/<version>/`, the versions installed before it in `previous` (newest
 * last), kept on disk so that open pages still find their chunks and `plugin:rollback` can go back.
 */
const installedEntrySchema = z.object({
  id: pluginIdSchema,
  version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'version is semver, e.g. "1.0.0"'),
  previous: z.array(z.string()).default([]),
});

const configSchema = z.object({ plugins: z.array(z.union([pluginEntrySchema, installedEntrySchema])).default([]) });

export type ConfigFileEntry = z.input<typeof pluginEntrySchema> | z.input<typeof installedEntrySchema>;

export interface PluginConfigEntry {
  id: string;
  serverEntry: string;
  web: { kind: 'dir'; dir: string } | { kind: 'url'; url: string } | null;
  /** Set for a module installed from its release tarball. */
  installed?: InstalledPlugin;
}

export interface InstalledPlugin {
  version: string;
  previous: string[];
  /** `<DONDOC_PLUGINS_DIR>/<id>`: one folder per version beside each other. */
  home: string;
  /** `<home>/<version>`: the artifact unpacked (dondoc-plugin.json, server/, web/, drizzle/). */
  root: string;
}

/** Where a module's installed versions live: `<pluginsDir>/<id>/<version>/`. */
export function installedPaths(pluginsDir: string, id: string, version: string): { home: string; root: string } {
  const home = join(pluginsDir, id);
  return { home, root: join(home, version) };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The config file as written: `{ plugins: [...] }`, or none when the file is missing. */
export async function readConfigFile(path: string): Promise<{ plugins: ConfigFileEntry[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { plugins: [] };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`${path} is not a valid dondoc config: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/**
 * Reads the installed plugins from `DONDOC_CONFIG`. A missing file means no plugins; a malformed one stops the start.
 * Modules installed from a tarball are found under `pluginsDir` (`DONDOC_PLUGINS_DIR`).
 */
export async function loadPluginConfig(path: string, pluginsDir = resolve(dirname(path), 'installed-plugins')): Promise<PluginConfigEntry[]> {
  const config = await readConfigFile(path);
  const base = dirname(path);
  const seen = new Set<string>();
  return config.plugins.map((entry): PluginConfigEntry => {
    if (seen.has(entry.id)) throw new ConfigError(`${path}: plugin "${entry.id}" is listed twice`);
    seen.add(entry.id);
    if ('version' in entry) {
      const { home, root } = installedPaths(pluginsDir, entry.id, entry.version);
      return {
        id: entry.id,
        serverEntry: join(root, ARTIFACT_LAYOUT.server),
        web: { kind: 'dir', dir: join(root, ARTIFACT_LAYOUT.web) },
        installed: { version: entry.version, previous: entry.previous ?? [], home, root },
      };
    }
    const web = entry.web
      ? /^https?:\/\//.test(entry.web)
        ? ({ kind: 'url', url: entry.web } as const)
        : ({ kind: 'dir', dir: isAbsolute(entry.web) ? entry.web : resolve(base, entry.web) } as const)
      : null;
    return { id: entry.id, serverEntry: isAbsolute(entry.server) ? entry.server : resolve(base, entry.server), web };
  });
}

import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { pluginIdSchema } from '@dondoc/plugin-sdk';

const pluginEntrySchema = z.object({
  id: pluginIdSchema,
  /** Path of the plugin's server entry (`src/server/plugin.ts`), relative to the config file. */
  server: z.string().min(1),
  /** The plugin's web build: a folder (served at `/plugins/<id>/`) or the URL of its `mf-manifest.json`. */
  web: z.string().min(1).optional(),
});

const configSchema = z.object({ plugins: z.array(pluginEntrySchema).default([]) });

export interface PluginConfigEntry {
  id: string;
  serverEntry: string;
  web: { kind: 'dir'; dir: string } | { kind: 'url'; url: string } | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the installed plugins from `DONDOC_CONFIG`. A missing file means no plugins; a malformed one stops the start. */
export async function loadPluginConfig(path: string): Promise<PluginConfigEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
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
  const base = dirname(path);
  const seen = new Set<string>();
  return parsed.data.plugins.map((entry) => {
    if (seen.has(entry.id)) throw new ConfigError(`${path}: plugin "${entry.id}" is listed twice`);
    seen.add(entry.id);
    const web = entry.web
      ? /^https?:\/\//.test(entry.web)
        ? ({ kind: 'url', url: entry.web } as const)
        : ({ kind: 'dir', dir: isAbsolute(entry.web) ? entry.web : resolve(base, entry.web) } as const)
      : null;
    return { id: entry.id, serverEntry: isAbsolute(entry.server) ? entry.server : resolve(base, entry.server), web };
  });
}

import { register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyRouter } from '@trpc/server';
import { migrate, type Db } from '@dondoc/db';
import type { PermissionRegistry } from '@dondoc/auth';
import { declareModuleTargets } from '@dondoc/core/server';
import { isPluginDefinition, pluginManifestSchema, type PluginContext, type PluginDefinition } from '@dondoc/plugin-sdk';
import { ARTIFACT_LAYOUT, readArtifactManifest, verifyArtifact, type ArtifactManifest } from '@dondoc/plugin-sdk/release';
import type { PluginConfigEntry } from './config.ts';
import { errorFields, type JsonLogger } from './logger.ts';

export type PluginStatus = 'ready' | 'failed';

export interface LoadedPlugin {
  id: string;
  status: PluginStatus;
  /** Why it failed, for the logs and `/healthz`; never shown to end users in detail. */
  error?: string;
  config: PluginConfigEntry;
  definition?: PluginDefinition;
  /** A module installed from its tarball: its artifact manifest (checked when ready; as found when the check refused it). */
  artifact?: ArtifactManifest;
}

export interface ReadyPlugin extends LoadedPlugin {
  status: 'ready';
  definition: PluginDefinition;
  router: AnyRouter;
}

export function isReady(plugin: LoadedPlugin): plugin is ReadyPlugin {
  return plugin.status === 'ready' && plugin.definition !== undefined;
}

/**
 * Loads, migrates, declares the manifest's targets of and starts each configured plugin. A plugin that fails at any step is
 * marked `failed` and skipped; the others go on.
 */
export async function loadPlugins(options: {
  entries: PluginConfigEntry[];
  db: Db;
  permissions: PermissionRegistry;
  pluginContext: (id: string) => PluginContext;
  log: JsonLogger;
  /** Reserved ids (e.g. `core`) that no plugin may take. */
  reservedIds: string[];
}): Promise<LoadedPlugin[]> {
  const loaded: LoadedPlugin[] = [];
  for (const entry of options.entries) {
    const log = options.log.child({ plugin: entry.id });
    try {
      if (options.reservedIds.includes(entry.id)) throw new Error(`"${entry.id}" is a reserved id`);
      let artifact: ArtifactManifest | undefined;
      if (entry.installed) {
        // Checked at every start: a file changed since the install, or an SDK range this server
        // does not satisfy, refuses the module (status failed, the reason in /healthz and the log).
        artifact = await verifyArtifact(entry.installed.root);
        if (artifact.id !== entry.id || artifact.version !== entry.installed.version) {
          throw new Error(`${entry.installed.root} holds ${artifact.id} ${artifact.version}, the config names ${entry.id} ${entry.installed.version}`);
        }
        registerArtifactResolution(entry.installed.home);
      }
      const imported = await importDefinition(entry);
      // A bundled entry's own idea of its migrations folder is relative to its source layout: the artifact's is drizzle/.
      const definition = entry.installed ? { ...imported, migrations: join(entry.installed.root, ARTIFACT_LAYOUT.migrations) } : imported;
      await migrate(options.db, [{ name: `plugin:${definition.id}`, migrationsFolder: definition.migrations }]);
      // The targets of its manifest, created or updated in place (a manual target's code is
      // adopted; a code held by another module fails the plugin).
      await declareModuleTargets(options.db, definition.id, definition.unit, definition.targets ?? []);
      options.permissions.register(definition.id, definition.unit, definition.permissions);
      try {
        await definition.onStart?.(options.pluginContext(definition.id));
      } catch (error) {
        options.permissions.unregister(definition.id);
        throw error;
      }
      loaded.push({ id: entry.id, status: 'ready', config: entry, definition, router: definition.router, ...(artifact ? { artifact } : {}) } as ReadyPlugin);
      log.info('plugin ready', { version: definition.version, ...(artifact ? { installed: entry.installed?.root, sdkRange: artifact.sdk.range } : {}) });
    } catch (error) {
      // A refused artifact still says what it is (its manifest), for the administrator's list.
      const manifest = entry.installed ? await readArtifactManifest(entry.installed.root).catch(() => undefined) : undefined;
      loaded.push({ id: entry.id, status: 'failed', error: failureText(error), config: entry, ...(manifest ? { artifact: manifest } : {}) });
      log.error('plugin failed to start', errorFields(error));
    }
  }
  return loaded;
}

/**
 * Why a plugin failed, for the admin: the error's message and its causes' (a failed migration's
 * "Failed query: …" says which statement; its cause, the database's error, says why).
 */
function failureText(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; current !== undefined && parts.length < 4; current = current instanceof Error ? current.cause : undefined) {
    const text = (current instanceof Error ? current.message : String(current)).trim();
    if (text && !parts.includes(text)) parts.push(text);
  }
  return parts.join(' — ');
}

const registeredRoots = new Set<string>();

/**
 * Lets the server bundles under `home` import the packages the server provides (see
 * artifact-hooks.mjs); registered once for each module's folder.
 */
function registerArtifactResolution(home: string): void {
  const root = pathToFileURL(home).href + '/';
  if (registeredRoots.has(root)) return;
  registeredRoots.add(root);
  register(new URL('./artifact-hooks.mjs', import.meta.url), { data: { roots: [root], anchors: [import.meta.url] } });
}

async function importDefinition(entry: PluginConfigEntry): Promise<PluginDefinition> {
  const module = (await import(pathToFileURL(entry.serverEntry).href)) as { default?: unknown };
  const candidate = module.default;
  if (!isPluginDefinition(candidate)) {
    const parsed = pluginManifestSchema.safeParse(candidate);
    const why = parsed.success ? 'router or migrations missing' : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${entry.serverEntry} does not default-export a plugin definition (${why})`);
  }
  if (candidate.id !== entry.id) {
    throw new Error(`config names plugin "${entry.id}" but ${entry.serverEntry} declares "${candidate.id}"`);
  }
  return candidate;
}

import type { QueryClient } from '@tanstack/react-query';
import { loadRemote, registerRemotes } from '@module-federation/runtime';
import type { PluginUIDefinition } from '@dondoc/plugin-sdk/web';
import { i18n, type PluginInfo } from '@dondoc/ui';
import { federationName } from './federationName.ts';

/** Entries registered with the federation runtime, by plugin id. */
const registered = new Map<string, string>();

function remoteOf(plugin: PluginInfo & { entry: string }): { name: string; alias?: string; entry: string } {
  const name = federationName(plugin.id);
  // `alias` lets the shell load `<id>/plugin` for ids whose container name differs (tai-chinh → tai_chinh).
  return name === plugin.id ? { name, entry: plugin.entry } : { name, alias: plugin.id, entry: plugin.entry };
}

/**
 * Registers the remotes of the modules that are ready on the server. Nothing is fetched yet:
 * a module's code loads on the first visit of its pages. `force` re-registers (a retry after a
 * failed load, or an entry that changed), which drops the runtime's cached failure.
 */
export function registerPluginRemotes(plugins: PluginInfo[], options: { force?: boolean } = {}): void {
  const fresh = plugins.filter(
    (plugin): plugin is PluginInfo & { entry: string } =>
      plugin.status === 'ready' && !!plugin.entry && (options.force || registered.get(plugin.id) !== plugin.entry),
  );
  if (fresh.length === 0) return;
  const force = options.force || fresh.some((plugin) => registered.has(plugin.id));
  registerRemotes(fresh.map(remoteOf), { force });
  for (const plugin of fresh) registered.set(plugin.id, plugin.entry);
}

/** Why a module could not be used: the user sees `message` under "Không tải được mô-đun …". */
export class ModuleLoadError extends Error {
  override name = 'ModuleLoadError';
}

/** Checks what `./plugin` exported: a PluginUIDefinition for this id. */
export function checkDefinition(exported: unknown, id: string): PluginUIDefinition {
  const candidate =
    exported && typeof exported === 'object' && 'default' in exported ? (exported as { default: unknown }).default : undefined;
  if (!candidate || typeof candidate !== 'object') throw new ModuleLoadError(i18n.t('shell:module.noExport'));
  const definition = candidate as Partial<PluginUIDefinition>;
  if (definition.id !== id) {
    throw new ModuleLoadError(i18n.t('shell:module.wrongId', { declared: String(definition.id), expected: id }));
  }
  const validRoutes =
    Array.isArray(definition.routes) &&
    definition.routes.length > 0 &&
    definition.routes.every(
      (route) =>
        route &&
        typeof route.path === 'string' &&
        (typeof route.Component === 'function' || (typeof route.Component === 'object' && route.Component !== null)),
    );
  if (!validRoutes) throw new ModuleLoadError(i18n.t('shell:module.noRoutes'));
  return { ...definition, nav: Array.isArray(definition.nav) ? definition.nav : [] } as PluginUIDefinition;
}

/** The first line of a runtime error, without the federation runtime's long help links. */
function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n').find((line) => line.trim()) ?? message;
  const cleaned = firstLine.replace(/\s*#RUNTIME-\d+.*$/, '').replace(/\s*args:.*$/, '').trim();
  return cleaned.length > 300 ? `${cleaned.slice(0, 300)}…` : cleaned;
}

/**
 * Why loading failed, in words a user can pass on: the runtime only says the manifest is
 * invalid when the server answered 404, so look at the entry ourselves.
 */
async function diagnose(entry: string, error: unknown): Promise<string> {
  try {
    const response = await fetch(entry, { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) return i18n.t('shell:module.entryHttp', { url: entry, status: response.status });
  } catch {
    return i18n.t('shell:module.entryUnreachable', { url: entry });
  }
  return shortReason(error);
}

/**
 * Loads a module's UI definition: `loadRemote('<id>/plugin')` from its registered remote
 * entry, then checks the export. Throws ModuleLoadError with a readable reason.
 */
export async function loadPluginUI(plugin: PluginInfo): Promise<PluginUIDefinition> {
  if (!plugin.entry) throw new ModuleLoadError(i18n.t('shell:module.noWeb'));
  registerPluginRemotes([plugin]);
  let exported: unknown;
  try {
    exported = await loadRemote<unknown>(`${plugin.id}/plugin`);
  } catch (error) {
    throw new ModuleLoadError(await diagnose(plugin.entry, error), { cause: error });
  }
  if (exported === null || exported === undefined) throw new ModuleLoadError(i18n.t('shell:module.noExport'));
  return checkDefinition(exported, plugin.id);
}

/** Forgets a failed load so the next attempt fetches the module's files again. */
export function resetPluginRemote(plugin: PluginInfo): void {
  registerPluginRemotes([plugin], { force: true });
}

/** The react-query options of a module's UI definition, shared by the module page and the side menu. */
export function pluginUIQuery(plugin: PluginInfo) {
  return {
    queryKey: ['plugin-ui', plugin.id, plugin.entry] as const,
    queryFn: () => loadPluginUI(plugin),
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  };
}

/** The id of the module whose page an address shows (`/m/<id>/…`), if any. */
export function moduleIdOf(pathname: string): string | undefined {
  return /^\/m\/([^/]+)/.exec(pathname)?.[1];
}

/** The parts of a module's `mf-manifest.json` that name its files. */
interface ManifestFiles {
  metaData?: { publicPath?: string; remoteEntry?: { name?: string; path?: string } };
  exposes?: Array<{ path?: string; assets?: { js?: { sync?: unknown } } }>;
}

/** Modules whose files were asked for already, by id. */
const preloaded = new Set<string>();

function addModulePreload(href: string): void {
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.crossOrigin = 'anonymous';
  link.href = href;
  document.head.append(link);
}

/** The URLs of a module's remote entry and of the chunks its `./plugin` needs at once, from its manifest. */
export function moduleFileUrls(manifest: ManifestFiles, manifestUrl: string): string[] {
  const publicPath = manifest.metaData?.publicPath;
  const base = new URL(publicPath && publicPath !== 'auto' ? publicPath : '.', manifestUrl);
  const urls: string[] = [];
  const entry = manifest.metaData?.remoteEntry;
  if (entry?.name) urls.push(new URL(`${entry.path ? `${entry.path.replace(/\/$/, '')}/` : ''}${entry.name}`, base).href);
  const sync = manifest.exposes?.find((expose) => expose.path === './plugin')?.assets?.js?.sync;
  if (Array.isArray(sync)) for (const file of sync) if (typeof file === 'string') urls.push(new URL(file, base).href);
  return urls;
}

/**
 * Asks the browser to download a module's remote entry and the chunks of its `./plugin` now
 * (`<link rel="modulepreload">`, read from its `mf-manifest.json`), so that they come in while
 * the layout renders; waits for the manifest at most `maxWaitMs`. Nothing is run: the
 * federation runtime imports the same URLs, which the browser then has.
 */
export async function preloadPluginFiles(plugin: PluginInfo | undefined, maxWaitMs = 300): Promise<void> {
  if (!plugin || plugin.status !== 'ready' || !plugin.entry || preloaded.has(plugin.id)) return;
  preloaded.add(plugin.id);
  const entry = new URL(plugin.entry, window.location.href).href;
  if (!/\.json(\?|$)/.test(entry)) {
    addModulePreload(entry);
    return;
  }
  const work = (async () => {
    const response = await fetch(entry, { credentials: 'same-origin' });
    if (!response.ok) return;
    for (const url of moduleFileUrls((await response.json()) as ManifestFiles, entry)) addModulePreload(url);
  })().catch(() => undefined);
  await Promise.race([work, new Promise((resolve) => setTimeout(resolve, maxWaitMs))]);
}

/**
 * Starts loading a module's code now (its remote entry, its exposed `./plugin` chunk and what
 * that imports), without waiting for its page to mount: the module page's query then finds it
 * loaded or in flight. Called as soon as `GET /api/plugins` answers for the module of the
 * address being opened, and on navigation intent (a menu link hovered, focused or touched).
 * A failure is kept in the query, so the page shows it with its retry button as before.
 */
export function prefetchPluginUI(queryClient: QueryClient, plugin: PluginInfo | undefined): void {
  if (!plugin || plugin.status !== 'ready' || !plugin.entry) return;
  void preloadPluginFiles(plugin);
  void queryClient.prefetchQuery(pluginUIQuery(plugin));
}

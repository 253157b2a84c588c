import type { AnyRouter } from '@trpc/server';
import type { Db } from '@dondoc/db';
import { pluginManifestSchema, type PluginManifest } from './manifest.ts';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * The core API a plugin may use (`@dondoc/core`'s `CoreApi`). Plugins reach units, tasks
 * and targets only through it, never through another module's tables. Procedures get it
 * bound to the caller as `ctx.services.core`; `seed` and `onStart` get it as `ctx.core`.
 */
export type { CoreApi } from '@dondoc/core/server';
import type { CoreApi } from '@dondoc/core/server';

/** Handed to a plugin's `seed` and `onStart`. */
export interface PluginContext {
  db: Db;
  log: Logger;
  core: CoreApi;
}

export interface PluginDefinition<TRouter extends AnyRouter = AnyRouter> extends PluginManifest {
  router: TRouter;
  /** Absolute path of the plugin's drizzle-kit migrations folder. */
  migrations: string;
  /** Demo data, run on start when `DONDOC_DEMO=1`. Must be idempotent. */
  seed?: (ctx: PluginContext) => Promise<void>;
  onStart?: (ctx: PluginContext) => Promise<void>;
}

export class PluginDefinitionError extends Error {
  override name = 'PluginDefinitionError';
}

/** Declares a department plugin's server side. Its manifest is validated here, with a clear message. */
export function definePlugin<TRouter extends AnyRouter>(definition: PluginDefinition<TRouter>): PluginDefinition<TRouter> {
  const parsed = pluginManifestSchema.safeParse(definition);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(manifest)'}: ${issue.message}`);
    throw new PluginDefinitionError(`Invalid plugin "${String(definition.id)}": ${problems.join('; ')}`);
  }
  if (typeof definition.migrations !== 'string' || definition.migrations.length === 0) {
    throw new PluginDefinitionError(`Invalid plugin "${definition.id}": migrations must be the path of its migrations folder`);
  }
  return definition;
}

/** Whether a value loaded from a plugin's server entry is a plugin definition. */
export function isPluginDefinition(value: unknown): value is PluginDefinition {
  return (
    typeof value === 'object' &&
    value !== null &&
    pluginManifestSchema.safeParse(value).success &&
    'router' in value &&
    typeof (value as { migrations?: unknown }).migrations === 'string'
  );
}

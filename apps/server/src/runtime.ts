import type { AnyRouter } from '@trpc/server';
import { migrate, openDatabase, type Database, type MigrationModule } from '@dondoc/db';
import { AUTH_PRUNE_INTERVAL_MS, authMigrations, PermissionRegistry, pruneAuthRecords, seedDemoDirectory, writeAudit } from '@dondoc/auth';
import { coreMigrations, corePermissions, coreRouter, createCoreApi, reconcileDirective2458, runAutoReminders, scopeTransactions, seedDemoProgress2458, seedDirective2458, today } from '@dondoc/core/server';
import { kitMigrations, undoUnfinishedImports, type PluginContext } from '@dondoc/plugin-sdk';
import { loadPluginConfig } from './config.ts';
import type { Env } from './env.ts';
import { createLogger, type JsonLogger } from './logger.ts';
import { isReady, loadPlugins, type LoadedPlugin } from './plugins.ts';

/** Everything a running server holds: the database, the policy, the routers and the plugins. */
export interface Runtime {
  env: Env;
  database: Database;
  permissions: PermissionRegistry;
  coreRouter: AnyRouter;
  plugins: LoadedPlugin[];
  log: JsonLogger;
  close(): Promise<void>;
}

/** How often the automatic report reminders are looked at (each run reminds only what today still owes). */
export const REPORT_REMINDER_INTERVAL_MS = 60 * 60 * 1000;

/** Platform modules, migrated before any plugin. */
export const platformMigrations: MigrationModule[] = [authMigrations, kitMigrations, coreMigrations];

/**
 * An import run silent this long is no longer being written (a live one touches its run at every
 * slice): on Postgres, where other processes may be importing, only such runs are undone.
 */
const IMPORT_IDLE_MS = 10 * 60_000;

export interface BootOptions {
  log?: JsonLogger;
  /** An already open database (tests); otherwise opened from the environment. */
  database?: Database;
  /** What this process is, shown to a second process that finds the PGlite data directory in use. */
  owner?: string;
}

/** Opens the database, migrates, loads plugins and seeds the demo: the start-up sequence of DESIGN.md. */
export async function boot(env: Env, options: BootOptions = {}): Promise<Runtime> {
  const log = options.log ?? createLogger(env.logLevel);
  const database =
    options.database ?? (await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir, owner: options.owner ?? `máy chủ dondoc (dondoc server)${env.port ? `, cổng (port) ${env.port}` : ''}` }));
  try {
    const applied = await migrate(database.db, platformMigrations);
    if (applied.length > 0) log.info('migrations applied', { migrations: applied.map((m) => `${m.module}/${m.tag}`) });
    // Imports cut off by a stop mid-import (all rows or none): on PGlite this process alone holds
    // the data directory, so every run still 'writing' is dead.
    const undoImports = (idleMs: number) =>
      undoUnfinishedImports(database.db, { audit: (tx, entry) => writeAudit(tx, { actor: null, requestId: null, entry }), idleMs }).then((runs) => {
        for (const run of runs) {
          if (run.error) log.error('undoing an unfinished import failed', { ...run });
          else log.warn('unfinished import undone', { ...run });
        }
      });
    await undoImports(database.kind === 'pglite' ? 0 : IMPORT_IDLE_MS);
    const permissions = new PermissionRegistry();
    permissions.register('core', null, [...corePermissions]);
    // A module's seed and onStart get a db whose transactions the core API joins by itself, as in procedures.
    const pluginContext = (id: string): PluginContext => {
      const db = scopeTransactions(database.db);
      return { db, log: log.child({ plugin: id }), core: createCoreApi({ db, moduleId: id, actor: null, requestId: null, locale: 'vi', permissions }) };
    };
    // A database that holds directive 2458 from an earlier seed gets the seed's corrections.
    const reconciled = await reconcileDirective2458(database.db);
    if (reconciled.renamed + reconciled.created + reconciled.flagged + reconciled.baselines > 0) log.info('directive 2458 reconciled', reconciled);
    if (env.demo) {
      const created = await seedDemoDirectory(database.db);
      const directive = await seedDirective2458(database.db);
      // A freshly loaded directive gets a plausible state of progress, so the demo reads like a real one.
      const progress = directive.created ? await seedDemoProgress2458(database.db) : { updated: 0 };
      log.info('demo data ready', { created, directive, progress });
    }
    const entries = await loadPluginConfig(env.configPath, env.pluginsDir);
    const plugins = await loadPlugins({
      entries,
      db: database.db,
      permissions,
      pluginContext,
      log,
      reservedIds: ['core', 'auth'],
    });
    if (env.demo) {
      for (const plugin of plugins.filter(isReady)) {
        try {
          await plugin.definition.seed?.(pluginContext(plugin.id));
        } catch (error) {
          (plugin as LoadedPlugin).status = 'failed';
          plugin.error = `demo seed failed: ${(error as Error).message}`;
          permissions.unregister(plugin.id);
          log.error('plugin seed failed', { plugin: plugin.id, error: (error as Error).message });
        }
      }
    }
    // Old login attempts and expired sessions go at start, then every hour.
    const prune = () =>
      pruneAuthRecords(database.db).then(
        (pruned) => log.debug('auth records pruned', pruned),
        (error: unknown) => log.warn('pruning auth records failed', { error: (error as Error).message }),
      );
    await prune();
    const pruning = setInterval(() => {
      void prune();
      void undoImports(IMPORT_IDLE_MS).catch((error: unknown) => log.warn('undoing unfinished imports failed', { error: (error as Error).message }));
    }, AUTH_PRUNE_INTERVAL_MS);
    pruning.unref();
    // Reminders to submit the quarter's report, the DONDOC_REPORT_REMINDER_DAYS days before the 20th: at start, then every hour.
    // The reminders table keeps one a unit, period and day, so a run after a restart (or the next hour) reminds nobody twice.
    const remind = () =>
      runAutoReminders(database.db, { leadDays: env.reportReminderDays }, today()).then(
        (runs) => {
          for (const run of runs.filter((r) => r.sent > 0)) log.info('report reminders sent', run);
        },
        (error: unknown) => log.warn('report reminders failed', { error: (error as Error).message }),
      );
    await remind();
    const reminding = setInterval(() => void remind(), REPORT_REMINDER_INTERVAL_MS);
    reminding.unref();
    const close = async () => {
      clearInterval(pruning);
      clearInterval(reminding);
      await database.close();
    };
    return { env, database, permissions, coreRouter, plugins, log, close };
  } catch (error) {
    await database.close();
    throw error;
  }
}

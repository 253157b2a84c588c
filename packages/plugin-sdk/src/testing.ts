/**
 * The contract test kit for department modules: the module as the server runs it, without
 * HTTP. A migrated test database (auth, core, then the module's own migrations) with the Hà
 * Nội directory, the demo accounts and directive 2458; the permission registry with the
 * core's permissions and the module's; a tRPC caller of the module's router per user, with
 * the very context the server builds for a request.
 *
 * The database is cloned from a template (`createTestDatabaseFromTemplate` of @dondoc/db),
 * migrated and seeded once per key and copied for each harness: every test file still gets a
 * database of its own. The key hashes the migrations (auth, core, the module's folder), the
 * seed's sources (packages/auth and packages/core: src and data; this file), the extra accounts,
 * the targets of the module's manifest (declared in the template as the server declares them on
 * load) and, when the module's own seed runs, the sources named for it.
 *
 * One harness per test file (in `beforeAll`): a PGlite instance still costs a second or more
 * and hundreds of MB.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnyRouter } from '@trpc/server';
import { TRPCError } from '@trpc/server';
import {
  authMigrations,
  createUser,
  findUserByUsername,
  getSessionUser,
  listAudit,
  PermissionRegistry,
  seedDemoDirectory,
  type NewUser,
  type SessionUser,
} from '@dondoc/auth';
import { migrate, type DatabaseKind, type Db } from '@dondoc/db';
import { createTestDatabase, createTestDatabaseFromTemplate, type TestDatabase } from '@dondoc/db/testing';
import { kitMigrations } from '@dondoc/kit';
import { coreMigrations, corePermissions, coreRouter, createCoreApi, createRequestContext, declareModuleTargets, scopeTransactions, seedDirective2458, type CoreApi } from '@dondoc/core/server';
import { createCallerFactory, listProcedures, type Context, type Locale } from '@dondoc/trpc';
import type { PluginDefinition } from './plugin.ts';
import { pluginSchemaName } from './manifest.ts';
import { schemaChangesOutside, schemaSnapshot, type SchemaObject } from './schema-snapshot.ts';

export { testBackends } from '@dondoc/db/testing';
export { queryRows } from '@dondoc/db';
/** Reading back what a user downloads: xlsx sheets, .docx parts and paragraphs. */
export { docxParagraphs, docxParts, docxTables, readXlsx } from '@dondoc/kit/testing';

export interface CallOptions {
  locale?: Locale;
  /** Replaces the audit writer (to prove a change rolls back with its audit row). */
  audit?: Context['audit'];
}

/** A server-side caller of a router: every procedure as an async function. */
export type Caller<TRouter extends AnyRouter> = ReturnType<TRouter['createCaller']>;

export interface PluginHarness<TRouter extends AnyRouter> {
  kind: DatabaseKind;
  database: TestDatabase;
  db: Db;
  permissions: PermissionRegistry;
  user(username: string): Promise<SessionUser>;
  /** A caller of the module's router signed in as `username`. */
  as(username: string, options?: CallOptions): Promise<Caller<TRouter>>;
  anonymous(): Caller<TRouter>;
  /**
   * A caller of the core's router (`/api/trpc/core`) signed in as `username`: what the shell's
   * pages do around the module (a unit saves and submits its report, a coordinator reads the
   * overview), so a module's test can set the stage and compare with the core's own answers.
   */
  coreAs(username: string, options?: CallOptions): Promise<Caller<typeof coreRouter>>;
  /** The core API bound to this module and a user, as procedures get it in `ctx.services.core`. */
  core(username?: string | null): Promise<CoreApi>;
  audit(entity: string, entityId?: string): ReturnType<typeof listAudit>;
  close(): Promise<void>;
}

export interface PluginHarnessOptions {
  /** Accounts besides the demo ones, created in the template (their passwords hashed once). */
  accounts?: Array<NewUser & { password: string }>;
  /**
   * Runs the module's own `seed` into the template too (as the server does with
   * `DONDOC_DEMO=1`, with `ctx.core` bound to no user). `sources`: the files or folders its
   * output depends on (its `src` folder, its data files), hashed into the template's key so
   * that a changed seed builds a new template.
   */
  moduleSeed?: { sources: string[] };
}

const requireHere = createRequire(import.meta.url);
/** packages/auth and packages/core, wherever the workspace puts them. */
const authRoot = dirname(dirname(requireHere.resolve('@dondoc/auth')));
const coreRoot = dirname(dirname(dirname(requireHere.resolve('@dondoc/core/server'))));
const silentLog = { info: () => {}, warn: () => {}, error: () => {} };

export async function createPluginHarness<TRouter extends AnyRouter>(
  plugin: PluginDefinition<TRouter>,
  kind: DatabaseKind,
  options: PluginHarnessOptions = {},
): Promise<PluginHarness<TRouter>> {
  const accounts = options.accounts ?? [];
  const moduleSeed = options.moduleSeed;
  if (moduleSeed && !plugin.seed) throw new Error(`createPluginHarness: ${plugin.id} has no seed to run`);
  // The manifest's targets are part of the template (the module's seed may record on them).
  const declared = plugin.targets ?? [];
  const seedKey = JSON.stringify({ accounts, moduleSeed: Boolean(moduleSeed), targets: declared });
  // Harnesses of one module with other accounts (or its seed) get a template of their own.
  const variant = accounts.length > 0 || moduleSeed ? `_${createHash('sha256').update(seedKey).digest('hex').slice(0, 6)}` : '';
  const database = await createTestDatabaseFromTemplate(kind, {
    name: `plugin_${plugin.id}${variant}`,
    modules: [authMigrations, kitMigrations, coreMigrations, { name: `plugin:${plugin.id}`, migrationsFolder: plugin.migrations }],
    seedSources: [
      fileURLToPath(import.meta.url),
      join(authRoot, 'src'),
      join(authRoot, 'data'),
      join(coreRoot, 'src'),
      join(coreRoot, 'data'),
      ...(moduleSeed?.sources ?? []),
    ],
    seedKey,
    seed: async (db) => {
      await seedDemoDirectory(db);
      await seedDirective2458(db);
      for (const account of accounts) await createUser(db, account);
      // As the server does when it loads the module: after its migrations, before its seed.
      await declareModuleTargets(db, plugin.id, plugin.unit, declared);
      if (moduleSeed && plugin.seed) {
        const scoped = scopeTransactions(db);
        const core = createCoreApi({ db: scoped, moduleId: plugin.id, actor: null, requestId: `test-seed-${plugin.id}`, locale: 'vi' });
        await plugin.seed({ db: scoped, log: silentLog, core });
      }
    },
  });
  const { db } = database;
  // The "before" of the contract check's schema comparison, taken here (in the test file's
  // beforeAll) rather than in the check.
  await coreOnlySnapshot(kind);
  const permissions = new PermissionRegistry();
  permissions.register('core', null, [...corePermissions]);
  permissions.register(plugin.id, plugin.unit, plugin.permissions);
  const createCaller = (ctx: Context) => createCallerFactory(plugin.router)(ctx) as Caller<TRouter>;

  const users = new Map<string, SessionUser>();
  let requests = 0;
  const user = async (username: string): Promise<SessionUser> => {
    const cached = users.get(username);
    if (cached) return cached;
    const record = await findUserByUsername(db, username);
    const sessionUser = record ? await getSessionUser(db, record.id) : null;
    if (!sessionUser) throw new Error(`no user ${username}`);
    users.set(username, sessionUser);
    return sessionUser;
  };
  const context = (sessionUser: SessionUser | null, callOptions: CallOptions = {}, moduleId: string = plugin.id) =>
    createRequestContext({
      db,
      permissions,
      user: sessionUser,
      sessionId: sessionUser ? `session-${sessionUser.username}` : null,
      requestId: `test-${sessionUser?.username ?? 'anonymous'}-${++requests}`,
      locale: callOptions.locale ?? 'vi',
      moduleId,
      ...(callOptions.audit ? { audit: callOptions.audit } : {}),
    });
  return {
    kind,
    database,
    db,
    permissions,
    user,
    as: async (username, callOptions) => createCaller(context(await user(username), callOptions)),
    anonymous: () => createCaller(context(null)),
    coreAs: async (username, callOptions) => createCallerFactory(coreRouter)(context(await user(username), callOptions, 'core')),
    core: async (username = null) =>
      createCoreApi({ db, moduleId: plugin.id, actor: username ? await user(username) : null, requestId: `test-core-${++requests}`, locale: 'vi', permissions }),
    audit: (entity, entityId) => listAudit(db, { entity, entityId, limit: 1000 }),
    close: () => database.close(),
  };
}

export { rejection } from '@dondoc/trpc/testing';

/** The schema of a database migrated with auth and core only (no module), once per backend. */
const coreOnlySnapshots = new Map<DatabaseKind, Promise<SchemaObject[]>>();
function coreOnlySnapshot(kind: DatabaseKind): Promise<SchemaObject[]> {
  let snapshot = coreOnlySnapshots.get(kind);
  if (!snapshot) {
    snapshot = (async () => {
      const database = await createTestDatabase(kind, [authMigrations, kitMigrations, coreMigrations]);
      try {
        return await schemaSnapshot(database.db);
      } finally {
        await database.close();
      }
    })();
    snapshot.catch(() => coreOnlySnapshots.delete(kind));
    coreOnlySnapshots.set(kind, snapshot);
  }
  return snapshot;
}

/**
 * The module contract, checked on a harness: every procedure not declared public refuses an
 * anonymous caller; its migrations change nothing outside its own schema
 * (`pluginSchemaName(id)`) — the whole schema (schemas, tables, columns, indexes, constraints,
 * functions, triggers, types, extensions) is compared with that of a database migrated with
 * auth and core only; its migrations apply once (a second run applies nothing). Returns the
 * problems found (none: `[]`).
 */
export async function checkPluginContract<TRouter extends AnyRouter>(
  plugin: PluginDefinition<TRouter>,
  harness: PluginHarness<TRouter>,
): Promise<string[]> {
  const problems: string[] = [];
  const anonymous = harness.anonymous() as Record<string, unknown>;
  for (const procedure of listProcedures(plugin.router)) {
    if (procedure.meta?.public) continue;
    const call = procedure.path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], anonymous);
    const error = await (call as (input: unknown) => Promise<unknown>)({}).then(
      () => null,
      (caught: unknown) => caught,
    );
    if (!(error instanceof TRPCError) || error.code !== 'UNAUTHORIZED') {
      problems.push(`${plugin.id}.${procedure.path} is reachable without a session (${error instanceof TRPCError ? error.code : 'answered'})`);
    }
  }
  const ownSchema = pluginSchemaName(plugin.id);
  const before = await coreOnlySnapshot(harness.kind);
  const after = await schemaSnapshot(harness.db);
  for (const change of schemaChangesOutside(before, after, ownSchema)) {
    problems.push(`${plugin.id} changed the database outside its schema "${ownSchema}": ${change}`);
  }
  const again = await migrate(harness.db, [{ name: `plugin:${plugin.id}`, migrationsFolder: plugin.migrations }]);
  if (again.length > 0) problems.push(`${plugin.id}'s migrations applied again: ${again.map((m) => m.tag).join(', ')}`);
  return problems;
}

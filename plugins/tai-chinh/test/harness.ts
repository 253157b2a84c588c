/**
 * The module as the server runs it, without HTTP: a migrated test database (auth, core, then
 * this plugin's migrations) with the Hà Nội directory, the demo accounts and directive 2458;
 * the permission registry with the core's permissions and the plugin's (owned by STC); and a
 * tRPC caller of the plugin's router per user, with the context the server builds for a
 * request (`services.core` bound to module `tai-chinh` and the user).
 *
 * Plugins may not import apps or e2e (tools/check-deps.mjs), so this is built from packages.
 * One harness per test file (in `beforeAll`): a PGlite instance costs seconds and most of a GB.
 */
import { TRPCError } from '@trpc/server';
import {
  authMigrations,
  createUser,
  findUserByUsername,
  getSessionUser,
  listAudit,
  PermissionRegistry,
  seedDemoDirectory,
  writeAudit,
  type AuditEntry,
  type SessionUser,
} from '@dondoc/auth';
import type { DatabaseKind, Db, Tx } from '@dondoc/db';
import { createTestDatabase, type TestDatabase } from '@dondoc/db/testing';
import { coreMigrations, corePermissions, createCoreApi, seedDirective2458, type CoreApi } from '@dondoc/core/server';
import { createCallerFactory, type Context, type Locale } from '@dondoc/trpc';
import plugin from '../src/server/plugin.ts';
import { taiChinhRouter } from '../src/server/router.ts';

export const MODULE_ID = 'tai-chinh';

/**
 * Accounts the tests sign in as: the demo ones, plus a second district (Hoàn Kiếm), an
 * officer of Ba Đình, a department with units (Sở Y tế) and a user without a unit.
 */
export const extraAccounts = [
  { username: 'hoankiem', displayName: 'Lãnh đạo UBND Quận Hoàn Kiếm', unitCode: 'Q002', roles: ['unit_lead'] as const },
  { username: 'badinh.cv', displayName: 'Chuyên viên UBND Quận Ba Đình', unitCode: 'Q001', roles: ['officer'] as const },
  { username: 'syt', displayName: 'Lãnh đạo Sở Y tế', unitCode: 'SYT', roles: ['unit_lead'] as const },
  { username: 'nounit', displayName: 'Cán bộ chưa gán đơn vị', unitCode: null, roles: ['officer'] as const },
];

export type Username =
  | 'admin'
  | 'ubnd'
  | 'vp'
  | 'stc'
  | 'stc.cv'
  | 'sxd'
  | 'badinh'
  | (typeof extraAccounts)[number]['username'];

const createCaller = createCallerFactory(taiChinhRouter);
export type Caller = ReturnType<typeof createCaller>;

export interface SessionOptions {
  locale?: Locale;
  /** Replaces the audit writer (to prove a change rolls back with its audit row). */
  audit?: Context['audit'];
}

export interface Harness {
  kind: DatabaseKind;
  database: TestDatabase;
  db: Db;
  permissions: PermissionRegistry;
  user(username: Username): Promise<SessionUser>;
  as(username: Username, options?: SessionOptions): Promise<Caller>;
  anonymous(): Caller;
  /** The core API bound to this module and a user, as procedures get it. */
  core(username?: Username | null): Promise<CoreApi>;
  audit(entity: string, entityId?: string): ReturnType<typeof listAudit>;
  close(): Promise<void>;
}

export async function createHarness(kind: DatabaseKind): Promise<Harness> {
  const database = await createTestDatabase(kind, [
    authMigrations,
    coreMigrations,
    { name: `plugin:${plugin.id}`, migrationsFolder: plugin.migrations },
  ]);
  const { db } = database;
  try {
    await seedDemoDirectory(db);
    await seedDirective2458(db);
    for (const account of extraAccounts) {
      await createUser(db, { ...account, roles: [...account.roles], password: 'mat-khau-thu-nghiem' });
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  const permissions = new PermissionRegistry();
  permissions.register('core', null, [...corePermissions]);
  permissions.register(plugin.id, plugin.unit, plugin.permissions);

  const users = new Map<string, SessionUser>();
  let requests = 0;
  const user = async (username: Username): Promise<SessionUser> => {
    const cached = users.get(username);
    if (cached) return cached;
    const record = await findUserByUsername(db, username);
    const sessionUser = record ? await getSessionUser(db, record.id) : null;
    if (!sessionUser) throw new Error(`no user ${username}`);
    users.set(username, sessionUser);
    return sessionUser;
  };
  const context = (sessionUser: SessionUser | null, options: SessionOptions = {}): Context => {
    const locale = options.locale ?? 'vi';
    const requestId = `test-${sessionUser?.username ?? 'anonymous'}-${++requests}`;
    return {
      db,
      requestId,
      user: sessionUser,
      sessionId: sessionUser ? `session-${sessionUser.username}` : null,
      permissions,
      locale,
      audit: options.audit ?? ((tx: Tx, entry: AuditEntry) => writeAudit(tx, { actor: sessionUser, requestId, entry })),
      services: { core: createCoreApi({ db, moduleId: MODULE_ID, actor: sessionUser, requestId, locale }) },
    };
  };
  return {
    kind,
    database,
    db,
    permissions,
    user,
    as: async (username, options) => createCaller(context(await user(username), options)),
    anonymous: () => createCaller(context(null)),
    core: async (username = null) =>
      createCoreApi({ db, moduleId: MODULE_ID, actor: username ? await user(username) : null, requestId: `test-core-${++requests}`, locale: 'vi' }),
    audit: (entity, entityId) => listAudit(db, { entity, entityId, limit: 1000 }),
    close: () => database.close(),
  };
}

/** The TRPCError a call fails with (fails the test if the call succeeds or throws something else). */
export async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    if (error instanceof Error && error.name === 'TRPCError') return error as TRPCError;
    throw error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

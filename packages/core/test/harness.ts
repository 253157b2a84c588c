/**
 * The task core as the server runs it, at the package level: a migrated test database with
 * the demo units, accounts and directive 2458, the permission registry with the core's
 * permissions, and a tRPC caller of `coreRouter` per demo user with the same context the
 * server builds for a request (apps/server/src/app.ts). Packages may not import apps, so
 * this rebuilds that context here instead of starting the HTTP server.
 *
 * The database is cloned from a template (`createTestDatabaseFromTemplate` of @dondoc/db):
 * migrated and seeded once, then copied for each test file, which still gets a database of its
 * own. The template's key hashes the migrations, this file, and the sources of the seed
 * (packages/auth: src and data; packages/core: src and data): change the seed and the next run
 * builds a new template. One harness per test file (in `beforeAll`): a PGlite instance still
 * costs a second or more and hundreds of MB.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { vi } from 'vitest';
import { ZodError } from 'zod';
import {
  authMigrations,
  demoAccounts,
  findUserByUsername,
  getSessionUser,
  hanoiDirectory,
  PermissionRegistry,
  seedDemoDirectory,
  type Person,
  type SessionUser,
} from '@dondoc/auth';
import type { DatabaseKind, Db } from '@dondoc/db';
import { createTestDatabaseFromTemplate, type TestDatabase, type TestTemplate } from '@dondoc/db/testing';
import { createCallerFactory, resolveLocalized, type Context, type Locale, type TRPCError } from '@dondoc/trpc';
import {
  coreMigrations,
  corePermissions,
  coreRouter,
  createCoreApi,
  createRequestContext,
  declareModuleTargets,
  seedDirective2458,
  type CoreApi,
  type TargetDeclaration,
} from '../src/server/index.ts';
import { tasks } from '../src/server/schema.ts';

// packages/core has no vitest config of its own: seeding hashes the demo password with
// argon2 and PGlite takes seconds to start, so allow for it here, for every file.
vi.setConfig({ hookTimeout: 180_000, testTimeout: 60_000 });

export const demoUsernames = ['admin', 'ubnd', 'vp', 'stc', 'stttt', 'skhdt', 'snv', 'stc.cv', 'sxd', 'badinh'] as const;
export type DemoUsername = (typeof demoUsernames)[number];

/** A demo account as the core's answers name it (`by`, `submittedBy` …): full name, title and unit. */
export function person(username: DemoUsername): Person {
  const account = demoAccounts.find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  const unitName = hanoiDirectory().find((unit) => unit.code === account.unitCode)?.name ?? null;
  return { username, fullName: account.displayName, title: account.title, unitCode: account.unitCode, unitName };
}

const createCaller = createCallerFactory(coreRouter);
export type CoreCaller = ReturnType<typeof createCaller>;
export type ReportView = Awaited<ReturnType<CoreCaller['reports']['get']>>;
export type ReportItemInput = Parameters<CoreCaller['reports']['save']>[0]['items'][number];

/**
 * A line for every task a report covers: `progress` for the unfinished ones, 100 for the
 * completed ones (as submitting requires), a result named after the task; `overrides` by code.
 */
export function allReportItems(view: ReportView, options: { progress?: number; overrides?: Record<string, Partial<ReportItemInput>> } = {}): ReportItemInput[] {
  const { progress = 50, overrides = {} } = options;
  return view.items.map((item) => ({ taskId: item.task.id, progress: item.task.status.startsWith('done') ? 100 : progress, result: `Kết quả ${item.task.code}`, ...overrides[item.task.code] }));
}

export interface Session {
  caller: CoreCaller;
  user: SessionUser;
  /** The request id the caller's context carries (and its audit rows). */
  requestId: string;
}

export interface SessionOptions {
  locale?: Locale;
  /** Replaces the audit writer (to prove a change rolls back with its audit row). */
  audit?: Context['audit'];
}

export interface CoreHarness {
  kind: DatabaseKind;
  database: TestDatabase;
  db: Db;
  permissions: PermissionRegistry;
  /** Every task of the seed by code (parents included). */
  taskIds: Map<string, string>;
  taskId(code: string): string;
  user(username: DemoUsername): Promise<SessionUser>;
  session(username: DemoUsername, options?: SessionOptions): Promise<Session>;
  /** `session(username).caller`. */
  as(username: DemoUsername, options?: SessionOptions): Promise<CoreCaller>;
  /** A caller without a session. */
  anonymous(): CoreCaller;
  /** The core API as a department module gets it, bound to the module and a user (or none). */
  coreApi(moduleId: string, username: DemoUsername | null): Promise<CoreApi>;
  close(): Promise<void>;
}

const authRoot = dirname(dirname(createRequire(import.meta.url).resolve('@dondoc/auth')));
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** auth + core migrated, the demo directory (accounts with their argon2 hashes) and directive 2458. */
export const coreDemoTemplate: TestTemplate = {
  name: 'core_demo',
  modules: [authMigrations, coreMigrations],
  seedSources: [here('./harness.ts'), here('../src'), here('../data'), `${authRoot}/src`, `${authRoot}/data`],
  seed: async (db) => {
    await seedDemoDirectory(db);
    const seeded = await seedDirective2458(db);
    if (!seeded.created || seeded.tasks !== 584) throw new Error(`directive 2458 seeded ${seeded.tasks} tasks`);
  },
};

export async function createCoreHarness(kind: DatabaseKind): Promise<CoreHarness> {
  const database = await createTestDatabaseFromTemplate(kind, coreDemoTemplate);
  const { db } = database;
  const permissions = new PermissionRegistry();
  permissions.register('core', null, [...corePermissions]);

  const taskIds = new Map((await db.select({ id: tasks.id, code: tasks.code }).from(tasks)).map((t) => [t.code, t.id]));
  const users = new Map<string, SessionUser>();
  let requests = 0;

  const user = async (username: DemoUsername): Promise<SessionUser> => {
    const cached = users.get(username);
    if (cached) return cached;
    const record = await findUserByUsername(db, username);
    const sessionUser = record ? await getSessionUser(db, record.id) : null;
    if (!sessionUser) throw new Error(`no demo user ${username}`);
    users.set(username, sessionUser);
    return sessionUser;
  };

  const context = (sessionUser: SessionUser | null, requestId: string, options: SessionOptions = {}): Context =>
    createRequestContext({
      db,
      permissions,
      user: sessionUser,
      sessionId: sessionUser ? `session-${sessionUser.username}` : null,
      requestId,
      locale: options.locale ?? 'vi',
      moduleId: 'core',
      ...(options.audit ? { audit: options.audit } : {}),
    });

  const session = async (username: DemoUsername, options: SessionOptions = {}): Promise<Session> => {
    const sessionUser = await user(username);
    const requestId = `test-${username}-${++requests}`;
    return { caller: createCaller(context(sessionUser, requestId, options)), user: sessionUser, requestId };
  };

  return {
    kind,
    database,
    db,
    permissions,
    taskIds,
    taskId: (code) => {
      const id = taskIds.get(code);
      if (!id) throw new Error(`no task ${code} in the seed`);
      return id;
    },
    user,
    session,
    as: async (username, options) => (await session(username, options)).caller,
    anonymous: () => createCaller(context(null, `test-anonymous-${++requests}`)),
    coreApi: async (moduleId, username) => {
      const actor = username ? await user(username) : null;
      return createCoreApi({ db, moduleId, actor, requestId: `test-${moduleId}-${++requests}`, locale: 'vi' });
    },
    close: () => database.close(),
  };
}

export { rejection } from '@dondoc/trpc/testing';

/**
 * A module target for the core's tests: the autonomy target as a department module (here
 * `tai-chinh`, the test's name for one) declares it in its manifest. The core seeds no module
 * target; a test that needs one declares it in its setup with `declareTestModuleTarget`.
 */
export const TEST_MODULE_TARGET: TargetDeclaration & { module: string; moduleUnit: string } = {
  module: 'tai-chinh',
  moduleUnit: 'STC',
  code: '2458-CT3',
  name: 'Tối thiểu 20% đơn vị sự nghiệp công lập tự chủ tài chính đến năm 2025',
  directive: '2458/UBND-SNV',
  clause: '3.1',
  direction: 'at_least',
  targetValue: 20,
  measureUnit: '%',
  targetDate: '2025-12-31',
  baselineValue: 9.6,
  baselineDate: '2022-07-06',
  ownerUnitCode: 'STC',
};

/** Declares `TEST_MODULE_TARGET` (or another) as its module would on load; answers its code. */
export async function declareTestModuleTarget(h: Pick<CoreHarness, 'db'>, target = TEST_MODULE_TARGET): Promise<string> {
  const { module, moduleUnit, ...declaration } = target;
  await declareModuleTargets(h.db, module, moduleUnit, [declaration]);
  return declaration.code;
}

/** Today in Hà Nội as the router sees it. */
export { today } from '../src/server/index.ts';

// ---------------------------------------------------------------------------------------
// Evidence files made in the test: real, tiny files of the kinds the portal accepts.

/** A one-page PDF (header, catalog, pages, page, xref, trailer, %%EOF). */
export function tinyPdf(text = 'Minh chung'): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>',
  ];
  const stream = `BT /F1 12 Tf 20 50 Td (${text}) Tj ET`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A 1×1 red PNG: signature, IHDR, IDAT (zlib), IEND, with real CRCs. */
export function tinyPng(): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0); // width
  ihdr.writeUInt32BE(1, 4); // height
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const scanline = Buffer.from([0, 0xd0, 0x21, 0x21]); // filter 0, one red pixel
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', ihdr),
      pngChunk('IDAT', deflateSync(scanline)),
      pngChunk('IEND', new Uint8Array()),
    ]),
  );
}

export const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** An upload as the browser sends it (multipart): the file, and the other fields as JSON in `input`. */
export function fileForm(filename: string, bytes: Uint8Array, fields: object = {}): FormData {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], filename));
  form.set('input', JSON.stringify(fields));
  return form;
}

/** What a refused input says of each field, in `locale` (as the server's `fieldErrors`). */
export function inputProblems(error: TRPCError, locale: Locale = 'vi'): string[] {
  return error.cause instanceof ZodError ? error.cause.issues.map((issue) => resolveLocalized(issue.message, locale)) : [];
}
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

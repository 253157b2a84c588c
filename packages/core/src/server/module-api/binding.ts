/** What every part of the module API shares: the module, the caller, the database, the access rules, the audit. */
import type { z } from 'zod';
import { decide, writeAudit, type Access, type AuditEntry, type PermissionDeclaration, type PermissionRegistry, type SessionUser } from '@dondoc/auth';
import type { Db, Queryable, Tx } from '@dondoc/db';
import type { Locale } from '@dondoc/trpc';
import { hanoiDateOf, type IsoDate } from '../../domain/index.ts';
import { fail } from '../errors.ts';
import { corePermissions } from '../permissions.ts';
import { currentQueryable, inTransaction } from './tx-scope.ts';

/** The request's logger as the module API hands it on (`core.log`): every line names the module. */
export interface CoreLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export type GrantedAccess = Extract<Access, { allowed: true }>;

/** The module API's binding after defaults: what each capability is built from. */
export interface Bound {
  db: Db;
  moduleId: string;
  actor: SessionUser | null;
  requestId: string | null;
  locale: Locale;
  permissions: PermissionRegistry | null;
  log: CoreLogger;
  today: () => IsoDate;
}

/** The caller's open transaction (or the given one, deprecated), else the database. */
export function queryable(b: Bound, explicit?: Queryable): Queryable {
  return explicit ?? currentQueryable(b.db);
}

/** A write: inside the caller's transaction when there is one, else in its own. */
export function write<T>(b: Bound, explicit: Queryable | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(b.db, explicit, work);
}

/** The audit row of a change made through the module API: the caller as actor, the module named in `after.module`. */
export function audit(b: Bound, tx: Queryable, entry: AuditEntry): Promise<void> {
  const after = entry.after && typeof entry.after === 'object' && !Array.isArray(entry.after) ? entry.after : entry.after === undefined ? {} : { value: entry.after };
  return writeAudit(tx, { actor: b.actor, requestId: b.requestId, entry: { ...entry, after: { ...after, module: b.moduleId } } });
}

/** The name the module API's changes carry as their author (`updatedBy`, `sentBy`…). */
export function authorOf(b: Bound): string {
  return b.actor?.username ?? b.moduleId;
}

/**
 * What the caller may do under `permission` (one of the module's own keys or a core key;
 * `fallback`, a core key, when the module names none). With no caller (the module's `seed`
 * and `onStart`), the module acts for the system: every unit. FORBIDDEN when not allowed.
 */
export function accessOf(b: Bound, permission: string | undefined, fallback: string): GrantedAccess {
  const key = permission ?? fallback;
  if (!key.startsWith(`${b.moduleId}.`) && !key.startsWith('core.')) {
    fail('BAD_REQUEST', b.locale, {
      vi: `Phân hệ ${b.moduleId} chỉ được dựa vào quyền của chính nó hoặc của lõi, không phải "${key}".`,
      en: `Module ${b.moduleId} may rely only on its own permissions or the core's, not "${key}".`,
    });
  }
  const access = decideAccess(b, key);
  if (!access.allowed) {
    fail('FORBIDDEN', b.locale, { vi: `Bạn không có quyền thực hiện việc này (cần quyền ${key}).`, en: `You are not allowed to do this (it needs ${key}).` });
  }
  return access;
}

/** What the policy decides for the caller under `key` (no caller: the system, every unit). */
export function decideAccess(b: Bound, key: string): Access {
  if (!b.actor) return { allowed: true, unitCodes: 'all' };
  if (b.permissions?.has(key)) return b.permissions.decide(b.actor, key);
  const declared = corePermissions.find((p) => p.key === key);
  return declared ? decide(b.actor, { ...declared, grants: declared.grants as PermissionDeclaration['grants'], ownerUnitCode: null }) : { allowed: false };
}

/** Throws FORBIDDEN unless the access covers every one of `unitCodes`. */
export function assertCovers(b: Bound, access: GrantedAccess, unitCodes: string[]): void {
  const outside = access.unitCodes === 'all' ? [] : unitCodes.filter((code) => !(access.unitCodes as string[]).includes(code));
  if (outside.length > 0) {
    fail('FORBIDDEN', b.locale, {
      vi: `Bạn không có quyền với đơn vị ${outside.join(', ')}.`,
      en: `You have no rights over unit ${outside.join(', ')}.`,
    });
  }
}

/** Validates a module's input with zod: BAD_REQUEST naming the fields, in the caller's language. */
export function parse<S extends z.ZodType>(b: Bound, schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '—'}: ${issue.message}`).join('; ');
  return fail('BAD_REQUEST', b.locale, { vi: `Dữ liệu phân hệ ${b.moduleId} gửi lõi không hợp lệ (${fields}).`, en: `Module ${b.moduleId} sent the core invalid input (${fields}).` });
}

/** A path back into the module's pages: `/m/<moduleId>/…`, nothing outside it. */
export function assertModulePath(b: Bound, path: string): string {
  const prefix = `/m/${b.moduleId}`;
  const inside = (path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`)) && !/(^|\/)\.\.?(\/|$|\?)/.test(path) && !/[\\\s]|\/\//.test(path);
  if (!inside) {
    fail('BAD_REQUEST', b.locale, {
      vi: `Đường dẫn "${path}" phải nằm trong trang của phân hệ (${prefix}/…).`,
      en: `The path "${path}" must stay inside the module's pages (${prefix}/…).`,
    });
  }
  return path;
}

/** Today in Hà Nội (`hanoiDateOf`), unless the context gives a clock. */
export function defaultToday(): IsoDate {
  return hanoiDateOf(Date.now());
}

/** The request's logger with the module's id and the request's on every line; a JSON-lines logger when none is given. */
export function moduleLogger(moduleId: string, requestId: string | null, log: CoreLogger | undefined): CoreLogger {
  const fields = { module: moduleId, ...(requestId ? { requestId } : {}) };
  const jsonLine = (level: string, stream: NodeJS.WriteStream) => (message: string, extra: Record<string, unknown> = {}) =>
    stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...extra })}\n`);
  const base: CoreLogger = log ?? { info: jsonLine('info', process.stdout), warn: jsonLine('warn', process.stderr), error: jsonLine('error', process.stderr) };
  return {
    info: (message, extra = {}) => base.info(message, { ...fields, ...extra }),
    warn: (message, extra = {}) => base.warn(message, { ...fields, ...extra }),
    error: (message, extra = {}) => base.error(message, { ...fields, ...extra }),
  };
}

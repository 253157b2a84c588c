import { writeAudit, writeAudits, type PermissionRegistry, type SessionUser } from '@dondoc/auth';
import type { Db } from '@dondoc/db';
import type { Context, Locale } from '@dondoc/trpc';
import type { IsoDate } from '../domain/index.ts';
import { createCoreApi } from './api.ts';
import type { CoreLogger } from './module-api/binding.ts';
import { scopeTransactions } from './module-api/tx-scope.ts';

export interface RequestContextInput {
  db: Db;
  permissions: PermissionRegistry;
  user: SessionUser | null;
  sessionId: string | null;
  requestId: string;
  locale: Locale;
  /** The module whose router serves the request (`core` or a plugin id): the core API acts on its behalf. */
  moduleId: string;
  /** Replaces the audit writer (tests that prove a change rolls back with its audit row). */
  audit?: Context['audit'];
  /** The request's logger, handed to the module as `ctx.services.core.log`. */
  log?: CoreLogger;
  /** The clock of `ctx.services.core.today()` (default: today in Hà Nội); tests set a date. */
  today?: () => IsoDate;
}

/**
 * The context of one request, as the server builds it for every router (and tests build it for
 * callers). Its `db` records the transaction a procedure opens (`ctx.db.transaction`, nested
 * ones too), so that the core API called inside joins it.
 */
export function createRequestContext(input: RequestContextInput): Context {
  const { user, requestId, locale } = input;
  const db = scopeTransactions(input.db);
  return {
    db,
    requestId,
    user,
    sessionId: input.sessionId,
    permissions: input.permissions,
    locale,
    audit: input.audit ?? ((tx, entry) => writeAudit(tx, { actor: user, requestId, entry })),
    auditMany: (tx, entries) => writeAudits(tx, { actor: user, requestId, entries }),
    services: {
      core: createCoreApi({
        db,
        moduleId: input.moduleId,
        actor: user,
        requestId,
        locale,
        permissions: input.permissions,
        ...(input.log ? { log: input.log } : {}),
        ...(input.today ? { today: input.today } : {}),
      }),
    },
  };
}

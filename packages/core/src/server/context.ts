import { writeAudit, type PermissionRegistry, type SessionUser } from '@dondoc/auth';
import type { Db } from '@dondoc/db';
import type { Context, Locale } from '@dondoc/trpc';
import { createCoreApi } from './api.ts';

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
}

/** The context of one request, as the server builds it for every router (and tests build it for callers). */
export function createRequestContext(input: RequestContextInput): Context {
  const { db, user, requestId, locale } = input;
  return {
    db,
    requestId,
    user,
    sessionId: input.sessionId,
    permissions: input.permissions,
    locale,
    audit: input.audit ?? ((tx, entry) => writeAudit(tx, { actor: user, requestId, entry })),
    services: { core: createCoreApi({ db, moduleId: input.moduleId, actor: user, requestId, locale }) },
  };
}

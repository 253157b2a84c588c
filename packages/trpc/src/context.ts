import type { Db, Tx } from '@dondoc/db';
import type { AuditEntry, PermissionRegistry, SessionUser } from '@dondoc/auth';
import type { UploadKind } from './upload.ts';

export type Locale = 'vi' | 'en';

/**
 * Services the server hands every procedure. Packages that provide one add it by
 * declaration merging (`declare module '@dondoc/trpc' { interface Services { core: … } }`),
 * so this package needs no knowledge of them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Services {}

/** What every procedure receives. Built per request by the server (or by tests). */
export interface Context {
  db: Db;
  requestId: string;
  user: SessionUser | null;
  sessionId: string | null;
  permissions: PermissionRegistry;
  locale: Locale;
  /** Writes the audit row of a change inside the change's own transaction. */
  audit: (tx: Tx, entry: AuditEntry) => Promise<void>;
  /** Writes many audit rows at once (an import's changes), in a few statements, inside the change's transaction. */
  auditMany: (tx: Tx, entries: readonly AuditEntry[]) => Promise<void>;
  services: Services;
}

/** Procedure metadata. `public: true` lets anonymous callers in; every other procedure needs a session. */
export interface Meta {
  public?: boolean;
  /**
   * The procedure takes a file of this kind (`multipart/form-data`, see `uploadProcedure`): the
   * server lets its body through up to `UPLOAD_LIMITS[kind]` and the envelope; others get 1 MB.
   */
  upload?: UploadKind;
}

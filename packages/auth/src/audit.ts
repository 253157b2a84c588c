import { and, desc, eq, type SQL } from 'drizzle-orm';
import { insertMany, type Queryable } from '@dondoc/db';
import { auditLog } from './schema.ts';
import type { AuditEntry, SessionUser } from './types.ts';

export type AuditRecord = typeof auditLog.$inferSelect;

export interface AuditWrite {
  /** Null for changes made by the system itself (seeding, scheduled jobs). */
  actor: SessionUser | null;
  requestId: string | null;
  entry: AuditEntry;
}

/**
 * Appends one audit row. Call it with the transaction that makes the change, so that the
 * change and its record commit or roll back together.
 */
export async function writeAudit(tx: Queryable, { actor, requestId, entry }: AuditWrite): Promise<void> {
  await tx.insert(auditLog).values(auditRow(actor, requestId, entry));
}

/**
 * Appends many audit rows in one statement (an import's thousands of changes), in the change's
 * transaction like `writeAudit`.
 */
export async function writeAudits(tx: Queryable, { actor, requestId, entries }: Omit<AuditWrite, 'entry'> & { entries: readonly AuditEntry[] }): Promise<void> {
  await insertMany(tx, auditLog, entries.map((entry) => auditRow(actor, requestId, entry)));
}

function auditRow(actor: SessionUser | null, requestId: string | null, entry: AuditEntry) {
  return {
    actorId: actor?.id ?? null,
    actorUsername: actor?.username ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    // `undefined` would be dropped from the row; an absent side is stored as SQL null.
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId,
  };
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  /** At most this many rows (default 100, at most 1000). */
  limit?: number;
}

const DEFAULT_AUDIT_LIMIT = 100;
const MAX_AUDIT_LIMIT = 1000;

/** Audit rows, newest first (by id: rows of one transaction share the same `at`). */
export async function listAudit(db: Queryable, query: AuditQuery = {}): Promise<AuditRecord[]> {
  const conditions: SQL[] = [];
  if (query.entity !== undefined) conditions.push(eq(auditLog.entity, query.entity));
  if (query.entityId !== undefined) conditions.push(eq(auditLog.entityId, query.entityId));
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? DEFAULT_AUDIT_LIMIT)), MAX_AUDIT_LIMIT);
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

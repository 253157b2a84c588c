/**
 * Writes to shared rows, audited in their own transaction, with optimistic concurrency: a row
 * carries a `version` column; an update or delete names the version it was made on, and a stale
 * one gets CONFLICT naming who changed the row since, never a silent overwrite.
 */
import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '@dondoc/db';
import { conflict, notFound, type Locale, type LocalizedText } from '@dondoc/trpc';

export type VersionedTable = PgTable & { version: PgColumn };

/** One audit row, as `ctx.audit` writes it. */
export interface AuditRecord {
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export type AuditWrite = (tx: Tx, entry: AuditRecord) => Promise<void>;

interface Common<T extends VersionedTable> {
  /** Which row (e.g. `eq(table.id, id)`). */
  id: SQL | undefined;
  /** The version the caller's change was made on. */
  version: number;
  locale: Locale;
  audit: { action: string; entity: string; entityId: string };
  auditWrite: AuditWrite;
  /** What a missing row is called in the NOT_FOUND message (default "bản ghi" / "Record"). */
  what?: LocalizedText;
  /** The row as the caller already read it in this transaction (saves reading it again). */
  current?: T['$inferSelect'];
  /** The column naming who last changed the row, for the CONFLICT message (default `updatedBy`). */
  changedBy?: string;
}

/** What the audit entry keeps of the row before and after (default: both rows whole). */
export type AuditView<T extends VersionedTable> = (before: T['$inferSelect'], after: T['$inferSelect']) => { before?: unknown; after?: unknown };

const RECORD: LocalizedText = { vi: 'bản ghi', en: 'Record' };

// drizzle's builders are typed per table; these helpers work on any versioned table.
type AnyTx = { select: () => { from: (t: PgTable) => { where: (w: SQL | undefined) => Promise<Record<string, unknown>[]> } } } & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function currentRow<T extends VersionedTable>(tx: Tx, table: T, options: Common<T>): Promise<T['$inferSelect']> {
  const row = options.current ?? (await (tx as unknown as AnyTx).select().from(table).where(options.id))[0];
  if (!row) notFound(options.locale, options.what ?? RECORD);
  const who = (row as Record<string, unknown>)[options.changedBy ?? 'updatedBy'];
  if ((row as { version: number }).version !== options.version) conflict(options.locale, typeof who === 'string' ? who : null);
  return row as T['$inferSelect'];
}

/** The row changed between the caller's read and its conditional write: CONFLICT naming who changed it. */
async function conflictSince<T extends VersionedTable>(tx: Tx, table: T, options: Common<T>): Promise<never> {
  const [row] = await (tx as unknown as AnyTx).select().from(table).where(options.id);
  const who = row ? (row as Record<string, unknown>)[options.changedBy ?? 'updatedBy'] : null;
  return conflict(options.locale, typeof who === 'string' ? who : null);
}

/**
 * Updates one row only if its version still equals `version`, in one conditional statement
 * (`update … where <id> and version = $version`): sets `set`, bumps the version, sets
 * `updatedBy` (to `actor`) and `updatedAt` when the table has them, and writes the audit
 * entry (before, after; `auditView` picks what it keeps) in the same transaction. NOT_FOUND
 * when the row is missing; CONFLICT naming who changed it when the version is stale, also
 * when it changed between the read and the write. Answers the row as written.
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: Tx,
  table: T,
  options: Common<T> & { set: Partial<T['$inferInsert']>; actor: string; auditView?: AuditView<T> },
): Promise<T['$inferSelect']> {
  const before = await currentRow(tx, table, options);
  const columns = getTableColumns(table);
  const values: Record<string, unknown> = { ...options.set, version: sql`${table.version} + 1` };
  if ('updatedBy' in columns) values.updatedBy = options.actor;
  if ('updatedAt' in columns) values.updatedAt = new Date();
  const [after] = await (tx as unknown as AnyTx)
    .update(table)
    .set(values)
    .where(and(options.id, eq(table.version, options.version)))
    .returning();
  if (!after) return conflictSince(tx, table, options);
  const view = options.auditView ? options.auditView(before, after as T['$inferSelect']) : { before, after };
  await options.auditWrite(tx, { ...options.audit, ...view });
  return after as T['$inferSelect'];
}

/** Deletes one row only if its version still equals `version`, audited (before). NOT_FOUND / CONFLICT as `updateVersioned`. */
export async function deleteVersioned<T extends VersionedTable>(tx: Tx, table: T, options: Common<T> & { before?: unknown }): Promise<T['$inferSelect']> {
  const row = await currentRow(tx, table, options);
  const [removed] = await (tx as unknown as AnyTx).delete(table).where(and(options.id, eq(table.version, options.version))).returning();
  if (!removed) return conflictSince(tx, table, options);
  await options.auditWrite(tx, { ...options.audit, before: options.before ?? row });
  return row;
}

/** Inserts one row and writes its audit entry (after) in the same transaction. `entityId` may come from the row. */
export async function insertAudited<T extends PgTable>(
  tx: Tx,
  table: T,
  options: {
    values: T['$inferInsert'];
    audit: { action: string; entity: string; entityId: string | ((row: T['$inferSelect']) => string) };
    auditWrite: AuditWrite;
    /** When the row may already exist (a concurrent insert): CONFLICT instead of an error. */
    locale?: Locale;
  },
): Promise<T['$inferSelect']> {
  let query = (tx as unknown as AnyTx).insert(table).values(options.values);
  if (options.locale) query = query.onConflictDoNothing();
  const [row] = (await query.returning()) as Array<T['$inferSelect']>;
  if (!row) {
    if (options.locale) conflict(options.locale, null);
    throw new Error('insert returned nothing');
  }
  const { entityId } = options.audit;
  await options.auditWrite(tx, { ...options.audit, entityId: typeof entityId === 'function' ? entityId(row) : entityId, after: row });
  return row;
}

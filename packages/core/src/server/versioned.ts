/**
 * The core's one path for writing a versioned row (tasks, reports, targets, directives, draft
 * tasks): the kit's `updateVersioned` / `deleteVersioned` — one conditional UPDATE (DELETE) …
 * WHERE id = $id AND version = $expected, CONFLICT naming who changed the row when it is stale,
 * the audit row in the same transaction — bound to the request (its user, language and audit
 * writer); `updateRows` is the same for many rows of a table in one statement (a report's
 * tasks). Nothing in the core writes `version` another way.
 */
import { eq } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Tx } from '@dondoc/db';
import { deleteVersioned, updateVersioned, updateVersionedMany, type ManyRowsWrite, type VersionedTable } from '@dondoc/kit';
import type { Context, LocalizedText } from '@dondoc/trpc';

type Writer = Pick<Context, 'locale' | 'audit'> & { user: { username: string } };
type RowTable = VersionedTable & { id: PgColumn };
type Row<T extends RowTable> = T['$inferSelect'] & { id: string };

interface Write<T extends RowTable> {
  /** The row as read (locked) in this transaction. */
  row: Row<T>;
  /** The version the caller's change was made on. */
  version: number;
  action: string;
  entity: string;
  what: LocalizedText;
}

/** Updates `row` on `version` (bumping it, setting who and when), audited as `action` (`auditView`: what the entry keeps). */
export function updateRow<T extends RowTable>(
  ctx: Writer,
  tx: Tx,
  table: T,
  write: Write<T> & { set: Partial<T['$inferInsert']>; auditView?: (before: T['$inferSelect'], after: T['$inferSelect']) => { before?: unknown; after?: unknown } },
): Promise<T['$inferSelect']> {
  return updateVersioned(tx, table, {
    id: eq(table.id, write.row.id),
    version: write.version,
    current: write.row,
    set: write.set,
    actor: ctx.user.username,
    locale: ctx.locale,
    what: write.what,
    audit: { action: write.action, entity: write.entity, entityId: write.row.id },
    auditWrite: ctx.audit,
    ...(write.auditView ? { auditView: write.auditView } : {}),
  });
}

/** Deletes `row` on `version`, audited as `action` (`before`: what the entry keeps, default the row). */
export function deleteRow<T extends RowTable>(ctx: Writer, tx: Tx, table: T, write: Write<T> & { before?: unknown }): Promise<T['$inferSelect']> {
  return deleteVersioned(tx, table, {
    id: eq(table.id, write.row.id),
    version: write.version,
    current: write.row,
    locale: ctx.locale,
    what: write.what,
    audit: { action: write.action, entity: write.entity, entityId: write.row.id },
    auditWrite: ctx.audit,
    ...(write.before !== undefined ? { before: write.before } : {}),
  });
}

/** `updateRow` for many rows of one table at once (one UPDATE, one insert of the audit rows): all or none, CONFLICT when any is stale. */
export function updateRows<T extends RowTable>(
  ctx: Writer & Pick<Context, 'auditMany'>,
  tx: Tx,
  table: T,
  write: { rows: ReadonlyArray<ManyRowsWrite<T>>; action: string; entity: string; what: LocalizedText; auditView?: (before: T['$inferSelect'], after: T['$inferSelect']) => { before?: unknown; after?: unknown } },
): Promise<Array<T['$inferSelect']>> {
  return updateVersionedMany(tx, table, {
    rows: write.rows,
    actor: ctx.user.username,
    locale: ctx.locale,
    what: write.what,
    audit: { action: write.action, entity: write.entity },
    auditWriteMany: ctx.auditMany,
    ...(write.auditView ? { auditView: write.auditView } : {}),
  });
}

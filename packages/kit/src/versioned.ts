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

/** One row of a set-based versioned write: the row as read (locked) and what changes in it. */
export interface ManyRowsWrite<T extends VersionedTable> {
  current: T['$inferSelect'];
  /** The version the caller's change was made on. */
  version: number;
  set: Partial<T['$inferInsert']>;
}

/**
 * `updateVersioned` for many rows of one table in ONE statement (`update … from
 * jsonb_to_recordset(…) where id = v.id and version = v.version`) and one insert of their audit
 * entries: a report that moves 300 tasks writes them at once, not a row at a time. Every row
 * sets the same columns (its own values). All or none: when any row's version is stale, CONFLICT
 * naming who changed the first of them; the caller's transaction then rolls back. Answers the
 * rows as written, in the order given.
 */
export async function updateVersionedMany<T extends VersionedTable & { id: PgColumn }>(
  tx: Tx,
  table: T,
  options: {
    rows: ReadonlyArray<ManyRowsWrite<T>>;
    actor: string;
    locale: Locale;
    audit: { action: string; entity: string };
    auditWriteMany: (tx: Tx, entries: readonly AuditRecord[]) => Promise<void>;
    auditView?: AuditView<T>;
    what?: LocalizedText;
  },
): Promise<Array<T['$inferSelect']>> {
  if (options.rows.length === 0) return [];
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(options.rows[0]!.set);
  for (const row of options.rows) {
    const rowKeys = Object.keys(row.set);
    if (rowKeys.length !== keys.length || rowKeys.some((k) => !keys.includes(k))) throw new Error('updateVersionedMany: every row must set the same columns');
    if ((row.current as { version: number }).version !== row.version) {
      const who = (row.current as Record<string, unknown>).updatedBy;
      conflict(options.locale, typeof who === 'string' ? who : null);
    }
  }
  const column = (key: string) => {
    const c = columns[key];
    if (!c) throw new Error(`updateVersionedMany: ${key} is not a column`);
    return c;
  };
  const idColumn = table.id;
  const shape = [idColumn, table.version, ...keys.map(column)].map((c) => sql`${sql.identifier(c.name)} ${sql.raw(c.getSQLType())}`);
  const records = options.rows.map((row) => {
    const record: Record<string, unknown> = { [idColumn.name]: (row.current as Record<string, unknown>)[keyOf(columns, idColumn)], [table.version.name]: row.version };
    for (const key of keys) {
      const value = (row.set as Record<string, unknown>)[key];
      record[column(key).name] = value instanceof Date ? value.toISOString() : (value ?? null);
    }
    return record;
  });
  const values: Record<string, unknown> = Object.fromEntries(keys.map((key) => [key, sql`v.${sql.identifier(column(key).name)}`]));
  values.version = sql`${table.version} + 1`;
  if ('updatedBy' in columns) values.updatedBy = options.actor;
  if ('updatedAt' in columns) values.updatedAt = new Date();
  const written = (await (tx as unknown as AnyTx)
    .update(table)
    .set(values)
    .from(sql`jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as v(${sql.join(shape, sql`, `)})`)
    .where(and(sql`${idColumn} = v.${sql.identifier(idColumn.name)}`, sql`${table.version} = v.${sql.identifier(table.version.name)}`))
    .returning(columns)) as Array<T['$inferSelect']>;
  const idKey = keyOf(columns, idColumn);
  const byId = new Map(written.map((row) => [String((row as Record<string, unknown>)[idKey]), row]));
  const stale = options.rows.find((row) => !byId.has(String((row.current as Record<string, unknown>)[idKey])));
  if (stale) return conflictSince(tx, table, { id: eq(idColumn, (stale.current as Record<string, unknown>)[idKey]), version: stale.version, locale: options.locale, audit: { ...options.audit, entityId: '' }, auditWrite: async () => {} });
  const after = options.rows.map((row) => byId.get(String((row.current as Record<string, unknown>)[idKey]))!);
  await options.auditWriteMany(
    tx,
    options.rows.map((row, i) => ({
      ...options.audit,
      entityId: String((row.current as Record<string, unknown>)[idKey]),
      ...(options.auditView ? options.auditView(row.current, after[i]!) : { before: row.current, after: after[i] }),
    })),
  );
  return after;
}

/** The property name drizzle gives a column (its key in the table object). */
function keyOf(columns: Record<string, PgColumn>, target: PgColumn): string {
  const entry = Object.entries(columns).find(([, c]) => c === target);
  if (!entry) throw new Error(`column ${target.name} is not in the table`);
  return entry[0];
}

/**
 * The module's one write path: procedures and the import go through these functions, each
 * change audited in its transaction. Reads follow the caller's access (`ctx.access`): a unit
 * sees its own rows; the module's unit and coordinators see every unit's.
 */
import { and, asc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import {
  deleteVersioned,
  fail,
  insertAudited,
  runImport,
  updateVersioned,
  type Access,
  type Queryable,
  type SessionUser,
  type Tx,
} from '@dondoc/plugin-sdk';
import { assertUnitAccess, type Context } from '@dondoc/trpc';
import { summarizeYear, TARGET_CODE } from '../domain/entries.ts';
import { entriesSheet } from './spreadsheet.ts';
import { entries, type EntryRow } from './schema.ts';
import type { z } from 'zod';
import type { createInput, entryFields, importFields, listInput, removeInput, updateInput } from './inputs.ts';

/** A procedure's context after `permissionProcedure`: a signed-in user and the access the permission granted. */
export type ModuleContext = Context & { user: SessionUser; access: Extract<Access, { allowed: true }> };
type EntryFields = z.output<typeof entryFields>;

const ENTRY = { vi: 'kết quả thực hiện', en: 'Result' };

/** The unit a write is for: the one asked (within the caller's access) or the caller's own. */
function unitFor(ctx: ModuleContext, code: string | undefined): string {
  const unit = code ?? ctx.user.unit?.code;
  if (!unit) fail('BAD_REQUEST', ctx.locale, { vi: 'Tài khoản không thuộc đơn vị nào.', en: 'Your account belongs to no unit.' });
  assertUnitAccess(ctx, unit);
  return unit;
}

/** The rows the caller's permission reaches: every unit's, or its own units'. */
function scopeFilter(access: ModuleContext['access']): SQL | undefined {
  return access.unitCodes === 'all' ? undefined : inArray(entries.unitCode, access.unitCodes);
}

/** Entries done in `year`. */
function inYear(year: number): SQL | undefined {
  return and(gte(entries.doneOn, `${year}-01-01`), lt(entries.doneOn, `${year + 1}-01-01`));
}

export async function listEntries(ctx: ModuleContext, input: z.output<typeof listInput>) {
  if (input.unitCode) assertUnitAccess(ctx, input.unitCode);
  const year = input.year ?? Number(ctx.services.core.today().slice(0, 4));
  const rows = await ctx.db
    .select()
    .from(entries)
    .where(
      and(
        scopeFilter(ctx.access),
        input.unitCode ? eq(entries.unitCode, input.unitCode) : undefined,
        inYear(year),
      ),
    )
    .orderBy(asc(entries.doneOn), asc(entries.title));
  const units = new Map((await ctx.services.core.units.list()).map((unit) => [unit.code, unit.name]));
  return {
    year,
    items: rows.map((row) => ({ ...row, unitName: units.get(row.unitCode) ?? row.unitCode })),
    summary: summarizeYear(rows, year),
  };
}

async function entryFor(ctx: ModuleContext, tx: Queryable, id: string): Promise<EntryRow> {
  const [row] = await tx.select().from(entries).where(eq(entries.id, id));
  if (!row) fail('NOT_FOUND', ctx.locale, { vi: `Không tìm thấy ${ENTRY.vi}.`, en: `${ENTRY.en} not found.` });
  assertUnitAccess(ctx, row.unitCode);
  return row;
}

/** Records this year's total on the module's target, in the same transaction as the change. */
async function recordTarget(ctx: ModuleContext, tx: Tx): Promise<void> {
  const today = ctx.services.core.today();
  const year = Number(today.slice(0, 4));
  // The sum in SQL, over this year's rows only: a write does not read the whole table.
  const [total] = await tx.select({ quantity: sql<number>`coalesce(sum(${entries.quantity}), 0)::int` }).from(entries).where(inYear(year));
  await ctx.services.core.targets.recordMeasurement(TARGET_CODE, { value: total?.quantity ?? 0, asOf: today });
}

export async function createEntry(ctx: ModuleContext, input: z.output<typeof createInput>) {
  const unitCode = unitFor(ctx, input.unitCode);
  return ctx.db.transaction(async (tx) => {
    const row = await insertEntry(ctx, tx, unitCode, input);
    await recordTarget(ctx, tx);
    return row;
  });
}

function insertEntry(ctx: ModuleContext, tx: Tx, unitCode: string, fields: EntryFields) {
  return insertAudited(tx, entries, {
    values: { unitCode, ...fields, createdBy: ctx.user.username, updatedBy: ctx.user.username },
    audit: { action: '__PLUGIN_ID__.entry.create', entity: '__PLUGIN_ID__.entry', entityId: (row) => row.id },
    auditWrite: ctx.audit,
  });
}

export async function updateEntry(ctx: ModuleContext, input: z.output<typeof updateInput>) {
  const { id, version, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const current = await entryFor(ctx, tx, id);
    const row = await updateVersioned(tx, entries, {
      id: eq(entries.id, id),
      version,
      current,
      set: fields,
      actor: ctx.user.username,
      locale: ctx.locale,
      what: ENTRY,
      audit: { action: '__PLUGIN_ID__.entry.update', entity: '__PLUGIN_ID__.entry', entityId: id },
      auditWrite: ctx.audit,
    });
    await recordTarget(ctx, tx);
    return row;
  });
}

export async function removeEntry(ctx: ModuleContext, input: z.output<typeof removeInput>) {
  return ctx.db.transaction(async (tx) => {
    const current = await entryFor(ctx, tx, input.id);
    await deleteVersioned(tx, entries, {
      id: eq(entries.id, input.id),
      version: input.version,
      current,
      locale: ctx.locale,
      what: ENTRY,
      audit: { action: '__PLUGIN_ID__.entry.remove', entity: '__PLUGIN_ID__.entry', entityId: input.id },
      auditWrite: ctx.audit,
    });
    await recordTarget(ctx, tx);
    return { id: input.id };
  });
}

/** Imports a spreadsheet of entries for a unit: a dry run writes nothing; the real import writes every row or none. */
export async function importEntries(ctx: ModuleContext, input: z.output<typeof importFields> & { file: { name: string; bytes: Uint8Array } }) {
  const unitCode = unitFor(ctx, input.unitCode);
  return runImport({
    db: ctx.db,
    spreadsheet: entriesSheet,
    file: { bytes: input.file.bytes, fileName: input.file.name },
    dryRun: input.dryRun,
    locale: ctx.locale,
    journal: { module: '__PLUGIN_ID__', actor: ctx.user.username },
    audit: ctx,
    plan: async (_db, rows) => ({ errors: [], rows, summary: { unitCode, entries: rows.length, quantity: rows.reduce((sum, row) => sum + row.quantity, 0) } }),
    // New rows in slices of short transactions, each with its audit rows: other users' requests run between them.
    write: async (writer, plan) => {
      const actor = ctx.user.username;
      await writer.insert(
        entries,
        plan.rows.map((row) => ({ unitCode, title: row.title, quantity: row.quantity, doneOn: row.doneOn, note: row.note, createdBy: actor, updatedBy: actor })),
        (row) => ({ action: '__PLUGIN_ID__.entry.create', entity: '__PLUGIN_ID__.entry', entityId: row.id, after: row }),
      );
    },
    // The last transaction, once every row is in.
    finish: (tx) => recordTarget(ctx, tx),
  });
}

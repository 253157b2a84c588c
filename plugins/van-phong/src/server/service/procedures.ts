/**
 * The procedure catalogue: each department keeps its own procedures; the Văn phòng records
 * their publication on the National Database. Every change versioned and audited in its
 * transaction; a change of the catalogue moves the cut shares (recorded once a plan counts).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { deleteVersioned, fail, insertAudited, notFound, runImport, updateVersioned, type Queryable } from '@dondoc/plugin-sdk';
import { assertUnitAccess } from '@dondoc/trpc';
import type { z } from 'zod';
import { publicationBacklog, publicationProblem } from '../../domain/index.ts';
import type { createProcedureInput, importFields, listInput, publishInput, removeInput, updateProcedureInput } from '../inputs.ts';
import { delegations, plans, procedures, type ProcedureRow } from '../schema.ts';
import { proceduresSheet } from '../spreadsheet.ts';
import { peopleNames, scopeFilter, unitFor, unitNames, type ModuleContext } from './context.ts';
import { recordCutShares } from './shares.ts';

export const PROCEDURE = { vi: 'thủ tục hành chính', en: 'Procedure' };

export async function procedureFor(ctx: ModuleContext, db: Queryable, id: string): Promise<ProcedureRow> {
  const [row] = await db.select().from(procedures).where(eq(procedures.id, id));
  if (!row) notFound(ctx.locale, PROCEDURE);
  assertUnitAccess(ctx, row.ownerUnitCode);
  return row;
}

async function assertCodeFree(ctx: ModuleContext, db: Queryable, code: string, exceptId?: string) {
  const [taken] = await db.select({ id: procedures.id, ownerUnitCode: procedures.ownerUnitCode }).from(procedures).where(eq(procedures.code, code));
  if (taken && taken.id !== exceptId) {
    fail('CONFLICT', ctx.locale, { vi: `Mã thủ tục ${code} đã có trong danh mục (đơn vị ${taken.ownerUnitCode}).`, en: `Procedure code ${code} is already in the catalogue (unit ${taken.ownerUnitCode}).` });
  }
}

export async function listProcedures(ctx: ModuleContext, input: z.output<typeof listInput>) {
  if (input.ownerUnitCode) assertUnitAccess(ctx, input.ownerUnitCode);
  const rows = await ctx.db
    .select({ procedure: procedures, planStatus: plans.status, planId: plans.id })
    .from(procedures)
    .leftJoin(plans, eq(plans.procedureId, procedures.id))
    .where(and(scopeFilter(ctx.access, procedures.ownerUnitCode), input.ownerUnitCode ? eq(procedures.ownerUnitCode, input.ownerUnitCode) : undefined))
    .orderBy(asc(procedures.ownerUnitCode), asc(procedures.code));
  const units = await unitNames(ctx);
  const name = await peopleNames(ctx, rows.map((row) => row.procedure.updatedBy));
  return rows.map(({ procedure, planStatus, planId }) => ({
    ...procedure,
    ownerUnitName: units.get(procedure.ownerUnitCode) ?? procedure.ownerUnitCode,
    updatedByName: name(procedure.updatedBy),
    plan: planId && planStatus ? { id: planId, status: planStatus } : null,
  }));
}

/** Announced but not yet published as of `asOf` (default today), with days waited, by department. */
export async function backlog(ctx: ModuleContext, asOf: string | undefined) {
  const date = asOf ?? ctx.services.core.today();
  const rows = await ctx.db
    .select({ id: procedures.id, code: procedures.code, name: procedures.name, ownerUnitCode: procedures.ownerUnitCode, decisionNumber: procedures.decisionNumber, announcedOn: procedures.announcedOn, publishedOn: procedures.publishedOn, version: procedures.version })
    .from(procedures)
    .where(scopeFilter(ctx.access, procedures.ownerUnitCode));
  const result = publicationBacklog(rows, date);
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const units = await unitNames(ctx);
  return {
    asOf: date,
    items: result.items.map((item) => {
      const row = byCode.get(item.code)!;
      return { ...item, id: row.id, name: row.name, decisionNumber: row.decisionNumber, version: row.version, ownerUnitName: units.get(item.ownerUnitCode) ?? item.ownerUnitCode };
    }),
    byUnit: result.byUnit.map((unit) => ({ ...unit, ownerUnitName: units.get(unit.ownerUnitCode) ?? unit.ownerUnitCode })),
  };
}

export async function createProcedure(ctx: ModuleContext, input: z.output<typeof createProcedureInput>) {
  const { ownerUnitCode: asked, ...fields } = input;
  const ownerUnitCode = await unitFor(ctx, asked);
  return ctx.db.transaction(async (tx) => {
    await assertCodeFree(ctx, tx, fields.code);
    const row = await insertAudited(tx, procedures, {
      values: { ...fields, ownerUnitCode, createdBy: ctx.user.username, updatedBy: ctx.user.username },
      audit: { action: 'van-phong.procedure.create', entity: 'van-phong.procedure', entityId: (r) => r.id },
      auditWrite: ctx.audit,
      locale: ctx.locale,
    });
    await recordCutShares(ctx, tx);
    return row;
  });
}

export async function updateProcedure(ctx: ModuleContext, input: z.output<typeof updateProcedureInput>) {
  const { id, version, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const current = await procedureFor(ctx, tx, id);
    await assertCodeFree(ctx, tx, fields.code, id);
    const problem = publicationProblem(fields.announcedOn, current.publishedOn);
    if (problem) fail('BAD_REQUEST', ctx.locale, problem);
    const row = await updateVersioned(tx, procedures, {
      id: eq(procedures.id, id),
      version,
      current,
      set: fields,
      actor: ctx.user.username,
      locale: ctx.locale,
      what: PROCEDURE,
      audit: { action: 'van-phong.procedure.update', entity: 'van-phong.procedure', entityId: id },
      auditWrite: ctx.audit,
    });
    await recordCutShares(ctx, tx);
    return row;
  });
}

export async function removeProcedure(ctx: ModuleContext, input: z.output<typeof removeInput>) {
  return ctx.db.transaction(async (tx) => {
    const current = await procedureFor(ctx, tx, input.id);
    const [plan] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.procedureId, input.id));
    const [delegation] = await tx.select({ id: delegations.id }).from(delegations).where(eq(delegations.procedureId, input.id));
    if (plan || delegation) {
      fail('BAD_REQUEST', ctx.locale, { vi: `Thủ tục ${current.code} đã có phương án đơn giản hóa hoặc ủy quyền, không xóa được.`, en: `Procedure ${current.code} has a simplification plan or a delegation; it cannot be removed.` });
    }
    await deleteVersioned(tx, procedures, {
      id: eq(procedures.id, input.id),
      version: input.version,
      current,
      locale: ctx.locale,
      what: PROCEDURE,
      audit: { action: 'van-phong.procedure.remove', entity: 'van-phong.procedure', entityId: input.id },
      auditWrite: ctx.audit,
    });
    await recordCutShares(ctx, tx);
    return { id: input.id };
  });
}

/** The Văn phòng records (or clears) the date a procedure was published on the National Database. */
export async function publishProcedure(ctx: ModuleContext, input: z.output<typeof publishInput>) {
  return ctx.db.transaction(async (tx) => {
    const current = await procedureFor(ctx, tx, input.id);
    const problem = publicationProblem(current.announcedOn, input.publishedOn);
    if (problem) fail('BAD_REQUEST', ctx.locale, problem);
    if (input.publishedOn !== null && input.publishedOn > ctx.services.core.today()) {
      fail('BAD_REQUEST', ctx.locale, { vi: 'Ngày đăng tải không được sau hôm nay.', en: 'The publication date cannot be in the future.' });
    }
    return updateVersioned(tx, procedures, {
      id: eq(procedures.id, input.id),
      version: input.version,
      current,
      set: { publishedOn: input.publishedOn },
      actor: ctx.user.username,
      locale: ctx.locale,
      what: PROCEDURE,
      audit: { action: 'van-phong.procedure.publish', entity: 'van-phong.procedure', entityId: input.id },
      auditWrite: ctx.audit,
      auditView: (before, after) => ({ before: { publishedOn: before.publishedOn }, after: { publishedOn: after.publishedOn } }),
    });
  });
}

/**
 * A department's procedure list from a spreadsheet: a dry run writes nothing and lists every
 * row's error; the real import adds every row or none. A code already in the catalogue is a
 * row error (the list adds procedures; a procedure is changed in its form).
 */
export async function importProcedures(ctx: ModuleContext, input: z.output<typeof importFields> & { file: { name: string; bytes: Uint8Array } }) {
  const ownerUnitCode = await unitFor(ctx, input.ownerUnitCode);
  return runImport({
    db: ctx.db,
    spreadsheet: proceduresSheet,
    file: { bytes: input.file.bytes, fileName: input.file.name },
    dryRun: input.dryRun,
    locale: ctx.locale,
    journal: { module: 'van-phong', actor: ctx.user.username },
    audit: ctx,
    plan: async (db, rows) => {
      const codes = rows.map((row) => row.code);
      const taken = codes.length === 0 ? [] : await db.select({ code: procedures.code, ownerUnitCode: procedures.ownerUnitCode }).from(procedures).where(inArray(procedures.code, codes));
      const takenBy = new Map(taken.map((row) => [row.code, row.ownerUnitCode]));
      const header = proceduresSheet.columns[0].header[ctx.locale];
      const errors = rows
        .filter((row) => takenBy.has(row.code))
        .map((row) => ({
          row: row.row,
          column: header,
          message:
            ctx.locale === 'vi'
              ? `Mã thủ tục ${row.code} đã có trong danh mục (đơn vị ${takenBy.get(row.code)}).`
              : `Procedure code ${row.code} is already in the catalogue (unit ${takenBy.get(row.code)}).`,
        }));
      const fresh = rows.filter((row) => !takenBy.has(row.code));
      return {
        errors,
        rows: fresh,
        summary: { ownerUnitCode, procedures: fresh.length, internal: fresh.filter((row) => row.kind === 'internal').length, unpublished: fresh.filter((row) => row.announcedOn !== null && row.publishedOn === null).length },
      };
    },
    write: async (writer, plan) => {
      const actor = ctx.user.username;
      await writer.insert(
        procedures,
        plan.rows.map((row) => ({
          code: row.code,
          name: row.name,
          field: row.field,
          level: row.level,
          kind: row.kind,
          ownerUnitCode,
          decisionNumber: row.decisionNumber,
          announcedOn: row.announcedOn,
          publishedOn: row.publishedOn,
          onlineService: row.onlineService,
          complianceCost: row.complianceCost,
          createdBy: actor,
          updatedBy: actor,
        })),
        (row) => ({ action: 'van-phong.procedure.create', entity: 'van-phong.procedure', entityId: row.id, after: row }),
      );
    },
    finish: (tx) => recordCutShares(ctx, tx).then(() => undefined),
  });
}

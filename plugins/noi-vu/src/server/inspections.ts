/**
 * Inspections of reform work and public-service discipline (Sở Nội vụ): the plan, the inspected
 * unit, the date, the findings; follow-ups with deadlines, each of which can become a core task
 * of the inspected unit (linked back here); closed once every follow-up is done; the discipline
 * cases to publish. Imports of a plan's inspections with a dry run; every write audited.
 */
import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import { fail, insertAudited, runImport, updateVersioned, type SpreadsheetIssue, type Tx } from '@dondoc/plugin-sdk';
import type { z } from 'zod';
import { followUpCounts, followUpStatus, INSPECTION_KIND_LABELS, openFollowUps, type InspectionKind } from '../domain/inspections.ts';
import { DIRECTIVE, INSPECTION_CLAUSE, type ModuleContext } from './context.ts';
import type { closeInspectionInput, createInspectionInput, disciplineInput, followUpDoneInput, followUpInput, importInput, inspectionsInput, updateInspectionInput } from './inputs.ts';
import { PERMISSIONS } from './permissions.ts';
import { disciplineCases, followUps, inspections } from './schema.ts';
import { inspectionsSheet } from './spreadsheet.ts';

const INSPECTION = { vi: 'cuộc kiểm tra', en: 'Inspection' };
const FOLLOW_UP = { vi: 'yêu cầu khắc phục', en: 'Follow-up' };

const scope = (ctx: ModuleContext) => (ctx.access.unitCodes === 'all' ? undefined : inArray(inspections.unitCode, ctx.access.unitCodes));
const inYear = (year: number | undefined) => (year ? and(gte(inspections.inspectedOn, `${year}-01-01`), lt(inspections.inspectedOn, `${year + 1}-01-01`)) : undefined);

async function knownUnit(ctx: ModuleContext, code: string) {
  const unit = await ctx.services.core.units.get(code);
  if (!unit) fail('BAD_REQUEST', ctx.locale, { vi: `Không có đơn vị ${code}.`, en: `There is no unit ${code}.` });
  return unit;
}

async function inspectionFor(ctx: ModuleContext, tx: Tx, id: string) {
  const [row] = await tx.select().from(inspections).where(and(eq(inspections.id, id), scope(ctx))).for('update');
  if (!row) fail('NOT_FOUND', ctx.locale, { vi: 'Không tìm thấy cuộc kiểm tra.', en: 'Inspection not found.' });
  return row;
}

export async function listInspections(ctx: ModuleContext, input: z.output<typeof inspectionsInput>) {
  const rows = await ctx.db
    .select()
    .from(inspections)
    .where(and(scope(ctx), inYear(input.year), input.unitCode ? eq(inspections.unitCode, input.unitCode) : undefined))
    .orderBy(desc(inspections.inspectedOn), asc(inspections.unitCode));
  const ids = rows.map((r) => r.id);
  const follow = ids.length > 0 ? await ctx.db.select().from(followUps).where(inArray(followUps.inspectionId, ids)).orderBy(asc(followUps.dueOn)) : [];
  const units = new Map((await ctx.services.core.units.list()).map((u) => [u.code, u.name]));
  const today = ctx.services.core.today();
  const items = rows.map((row) => {
    const own = follow.filter((f) => f.inspectionId === row.id);
    return {
      ...row,
      kind: row.kind as InspectionKind,
      unitName: units.get(row.unitCode) ?? row.unitCode,
      followUps: own.map((f) => ({ ...f, status: followUpStatus(f, today) })),
      counts: followUpCounts(own, today),
    };
  });
  return { items, counts: { inspections: items.length, closed: items.filter((i) => i.closed).length, followUps: followUpCounts(follow, today) } };
}

export async function createInspection(ctx: ModuleContext, input: z.output<typeof createInspectionInput>) {
  await knownUnit(ctx, input.unitCode);
  return ctx.db.transaction((tx) =>
    insertAudited(tx, inspections, {
      values: { ...input, createdBy: ctx.user.username, updatedBy: ctx.user.username },
      audit: { action: 'noi-vu.inspection.create', entity: 'noi-vu.inspection', entityId: (row) => row.id },
      auditWrite: ctx.audit,
    }),
  );
}

export async function updateInspection(ctx: ModuleContext, input: z.output<typeof updateInspectionInput>) {
  const { id, version, ...fields } = input;
  if (fields.unitCode) await knownUnit(ctx, fields.unitCode);
  return ctx.db.transaction(async (tx) => {
    const current = await inspectionFor(ctx, tx, id);
    if (current.closed) fail('BAD_REQUEST', ctx.locale, { vi: 'Cuộc kiểm tra đã kết thúc: không sửa được.', en: 'The inspection is closed: it cannot be edited.' });
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    return updateVersioned(tx, inspections, { id: eq(inspections.id, id), version, current, set, actor: ctx.user.username, locale: ctx.locale, what: INSPECTION, audit: { action: 'noi-vu.inspection.update', entity: 'noi-vu.inspection', entityId: id }, auditWrite: ctx.audit });
  });
}

export async function closeInspection(ctx: ModuleContext, input: z.output<typeof closeInspectionInput>) {
  return ctx.db.transaction(async (tx) => {
    const current = await inspectionFor(ctx, tx, input.id);
    const open = openFollowUps(await tx.select().from(followUps).where(eq(followUps.inspectionId, current.id)));
    if (open.length > 0) {
      fail('BAD_REQUEST', ctx.locale, { vi: `Còn ${open.length} yêu cầu khắc phục chưa hoàn thành: chưa kết thúc được cuộc kiểm tra.`, en: `${open.length} follow-ups are still open: the inspection cannot be closed.` });
    }
    return updateVersioned(tx, inspections, { id: eq(inspections.id, input.id), version: input.version, current, set: { closed: true, closedOn: input.closedOn }, actor: ctx.user.username, locale: ctx.locale, what: INSPECTION, audit: { action: 'noi-vu.inspection.close', entity: 'noi-vu.inspection', entityId: input.id }, auditWrite: ctx.audit });
  });
}

/** A follow-up required of the inspected unit; with `openTask`, a core task of that unit (clause 1.9), linked back to the inspection. */
export async function addFollowUp(ctx: ModuleContext, input: z.output<typeof followUpInput>) {
  return ctx.db.transaction(async (tx) => {
    const inspection = await inspectionFor(ctx, tx, input.inspectionId);
    if (inspection.closed) fail('BAD_REQUEST', ctx.locale, { vi: 'Cuộc kiểm tra đã kết thúc.', en: 'The inspection is closed.' });
    let taskId: string | null = null;
    if (input.openTask) {
      const kind = INSPECTION_KIND_LABELS[inspection.kind as InspectionKind].vi;
      const task = await ctx.services.core.tasks.open({
        directiveNumber: DIRECTIVE,
        clause: INSPECTION_CLAUSE,
        unitCode: inspection.unitCode,
        title: input.what,
        content: `Khắc phục sau ${kind.toLocaleLowerCase('vi')} ngày ${inspection.inspectedOn.split('-').reverse().join('/')} (${inspection.plan}).`,
        deadline: input.dueOn,
        permission: PERMISSIONS.inspectionsWrite,
      });
      await ctx.services.core.tasks.link(task.id, { entity: 'noi-vu.inspection', entityId: inspection.id, label: `${kind} — ${inspection.plan}`, path: `/m/noi-vu/kiem-tra?id=${inspection.id}` }, { permission: PERMISSIONS.inspectionsWrite });
      taskId = task.id;
    }
    return insertAudited(tx, followUps, {
      values: { inspectionId: inspection.id, what: input.what, dueOn: input.dueOn, taskId, createdBy: ctx.user.username, updatedBy: ctx.user.username },
      audit: { action: 'noi-vu.follow_up.create', entity: 'noi-vu.inspection', entityId: inspection.id },
      auditWrite: ctx.audit,
    });
  });
}

export async function markFollowUp(ctx: ModuleContext, input: z.output<typeof followUpDoneInput>) {
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(followUps).where(eq(followUps.id, input.id));
    if (!current) fail('NOT_FOUND', ctx.locale, { vi: 'Không tìm thấy yêu cầu khắc phục.', en: 'Follow-up not found.' });
    await inspectionFor(ctx, tx, current.inspectionId);
    return updateVersioned(tx, followUps, { id: eq(followUps.id, input.id), version: input.version, current, set: { doneOn: input.doneOn }, actor: ctx.user.username, locale: ctx.locale, what: FOLLOW_UP, audit: { action: 'noi-vu.follow_up.done', entity: 'noi-vu.inspection', entityId: current.inspectionId }, auditWrite: ctx.audit });
  });
}

/** The discipline cases, newest first (published ones only for those outside Sở Nội vụ). */
export async function listDiscipline(ctx: ModuleContext) {
  const owner = ctx.access.unitCodes === 'all';
  const rows = await ctx.db
    .select()
    .from(disciplineCases)
    .where(owner ? undefined : and(eq(disciplineCases.published, true), inArray(disciplineCases.unitCode, ctx.access.unitCodes as string[])))
    .orderBy(desc(disciplineCases.decidedOn));
  const units = new Map((await ctx.services.core.units.list()).map((u) => [u.code, u.name]));
  return rows.map((row) => ({ ...row, unitName: units.get(row.unitCode) ?? row.unitCode }));
}

export async function addDiscipline(ctx: ModuleContext, input: z.output<typeof disciplineInput>) {
  await knownUnit(ctx, input.unitCode);
  return ctx.db.transaction(async (tx) => {
    if (input.inspectionId) await inspectionFor(ctx, tx, input.inspectionId);
    return insertAudited(tx, disciplineCases, {
      values: { ...input, inspectionId: input.inspectionId ?? null, createdBy: ctx.user.username, updatedBy: ctx.user.username },
      audit: { action: 'noi-vu.discipline.create', entity: 'noi-vu.discipline_case', entityId: (row) => row.id },
      auditWrite: ctx.audit,
    });
  });
}

/** Imports a plan's inspections from a spreadsheet: a dry run lists every row's problems and writes nothing. */
export async function importInspections(ctx: ModuleContext, input: z.output<typeof importInput> & { file: { name: string; bytes: Uint8Array } }) {
  const known = new Set((await ctx.services.core.units.list()).map((u) => u.code));
  const header = inspectionsSheet.columns.find((c) => c.key === 'unitCode')!.header[ctx.locale];
  return runImport({
    db: ctx.db,
    spreadsheet: inspectionsSheet,
    file: { bytes: input.file.bytes, fileName: input.file.name },
    dryRun: input.dryRun,
    locale: ctx.locale,
    journal: { module: 'noi-vu', actor: ctx.user.username },
    audit: ctx,
    plan: async (_db, rows) => {
      const errors: SpreadsheetIssue[] = rows
        .filter((row) => !known.has(row.unitCode.toUpperCase()))
        .map((row) => ({ row: row.row, column: header, message: ctx.locale === 'vi' ? `Không có đơn vị mã ${row.unitCode}.` : `There is no unit ${row.unitCode}.` }));
      return { errors, rows, summary: { inspections: rows.length, units: new Set(rows.map((r) => r.unitCode.toUpperCase())).size } };
    },
    write: async (writer, plan) => {
      const actor = ctx.user.username;
      await writer.insert(
        inspections,
        plan.rows.map((row) => ({ kind: row.kind, plan: row.plan, unitCode: row.unitCode.toUpperCase(), inspectedOn: row.inspectedOn, findings: row.findings, createdBy: actor, updatedBy: actor })),
        (row) => ({ action: 'noi-vu.inspection.create', entity: 'noi-vu.inspection', entityId: row.id, after: row }),
      );
    },
  });
}

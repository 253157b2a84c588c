/**
 * Simplification plans: the owner department proposes (and edits until approval); the Văn
 * phòng approves, returns or records the implementation. A review that changes what counts
 * records the two target measurements in its own transaction.
 */
import { and, asc, eq } from 'drizzle-orm';
import { fail, insertAudited, notFound, updateVersioned, type Queryable } from '@dondoc/plugin-sdk';
import { assertUnitAccess } from '@dondoc/trpc';
import type { z } from 'zod';
import { nextPlanStatus, planEditable, planProblem, planSaving, type PlanStatus, type PlanTransition } from '../../domain/index.ts';
import type { implementPlanInput, listInput, proposePlanInput, returnPlanInput, reviewPlanInput, updatePlanInput } from '../inputs.ts';
import { plans, procedures, type PlanRow } from '../schema.ts';
import { peopleNames, scopeFilter, unitNames, type ModuleContext } from './context.ts';
import { procedureFor } from './procedures.ts';
import { recordCutShares } from './shares.ts';

const PLAN = { vi: 'phương án đơn giản hóa', en: 'Simplification plan' };

const STATUS_TEXT: Record<PlanStatus, { vi: string; en: string }> = {
  proposed: { vi: 'đang đề xuất', en: 'proposed' },
  returned: { vi: 'đã trả lại', en: 'returned' },
  approved: { vi: 'đã phê duyệt', en: 'approved' },
  implemented: { vi: 'đã thực thi', en: 'implemented' },
};

async function planFor(ctx: ModuleContext, db: Queryable, id: string): Promise<PlanRow> {
  const [row] = await db.select().from(plans).where(eq(plans.id, id));
  if (!row) notFound(ctx.locale, PLAN);
  assertUnitAccess(ctx, row.ownerUnitCode);
  return row;
}

function checkFigures(ctx: ModuleContext, fields: z.output<typeof proposePlanInput> | z.output<typeof updatePlanInput>) {
  const problem = planProblem(fields);
  if (problem) fail('BAD_REQUEST', ctx.locale, problem);
}

export async function listPlans(ctx: ModuleContext, input: z.output<typeof listInput>) {
  if (input.ownerUnitCode) assertUnitAccess(ctx, input.ownerUnitCode);
  const rows = await ctx.db
    .select({ plan: plans, code: procedures.code, name: procedures.name, kind: procedures.kind })
    .from(plans)
    .innerJoin(procedures, eq(procedures.id, plans.procedureId))
    .where(and(scopeFilter(ctx.access, plans.ownerUnitCode), input.ownerUnitCode ? eq(plans.ownerUnitCode, input.ownerUnitCode) : undefined))
    .orderBy(asc(plans.ownerUnitCode), asc(procedures.code));
  const units = await unitNames(ctx);
  const name = await peopleNames(ctx, rows.flatMap((row) => [row.plan.updatedBy, row.plan.reviewedBy]));
  return rows.map(({ plan, code, name: procedureName, kind }) => ({
    ...plan,
    procedureCode: code,
    procedureName,
    procedureKind: kind,
    saving: planSaving(plan as Parameters<typeof planSaving>[0]),
    ownerUnitName: units.get(plan.ownerUnitCode) ?? plan.ownerUnitCode,
    updatedByName: name(plan.updatedBy),
    reviewedByName: name(plan.reviewedBy),
  }));
}

/** The owner department proposes a plan for one of its procedures (one plan per procedure). */
export async function proposePlan(ctx: ModuleContext, input: z.output<typeof proposePlanInput>) {
  const { procedureId, ...fields } = input;
  checkFigures(ctx, input);
  return ctx.db.transaction(async (tx) => {
    const procedure = await procedureFor(ctx, tx, procedureId);
    const [existing] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.procedureId, procedureId));
    if (existing) fail('CONFLICT', ctx.locale, { vi: `Thủ tục ${procedure.code} đã có phương án đơn giản hóa.`, en: `Procedure ${procedure.code} already has a simplification plan.` });
    return insertAudited(tx, plans, {
      values: { procedureId, ownerUnitCode: procedure.ownerUnitCode, ...fields, status: 'proposed', createdBy: ctx.user.username, updatedBy: ctx.user.username },
      audit: { action: 'van-phong.plan.propose', entity: 'van-phong.plan', entityId: (row) => row.id },
      auditWrite: ctx.audit,
      locale: ctx.locale,
    });
  });
}

/** The owner edits its plan until it is approved; a returned plan edited is proposed again. */
export async function updatePlan(ctx: ModuleContext, input: z.output<typeof updatePlanInput>) {
  const { id, version, ...fields } = input;
  checkFigures(ctx, input);
  return ctx.db.transaction(async (tx) => {
    const current = await planFor(ctx, tx, id);
    if (!planEditable(current.status as PlanStatus)) {
      fail('BAD_REQUEST', ctx.locale, { vi: `Phương án ${STATUS_TEXT[current.status as PlanStatus].vi}, không sửa được.`, en: `The plan is ${STATUS_TEXT[current.status as PlanStatus].en}; it cannot be edited.` });
    }
    return updateVersioned(tx, plans, {
      id: eq(plans.id, id),
      version,
      current,
      set: { ...fields, status: 'proposed' },
      actor: ctx.user.username,
      locale: ctx.locale,
      what: PLAN,
      audit: { action: current.status === 'returned' ? 'van-phong.plan.propose' : 'van-phong.plan.update', entity: 'van-phong.plan', entityId: id },
      auditWrite: ctx.audit,
    });
  });
}

async function transition(
  ctx: ModuleContext,
  input: { id: string; version: number },
  step: Exclude<PlanTransition, 'propose'>,
  set: Partial<typeof plans.$inferInsert>,
) {
  return ctx.db.transaction(async (tx) => {
    const current = await planFor(ctx, tx, input.id);
    const from = current.status as PlanStatus;
    const to = nextPlanStatus(from, step);
    if (!to) {
      const verb = { return: { vi: 'trả lại', en: 'returned' }, approve: { vi: 'phê duyệt', en: 'approved' }, implement: { vi: 'ghi nhận thực thi', en: 'marked implemented' } }[step];
      fail('BAD_REQUEST', ctx.locale, { vi: `Phương án ${STATUS_TEXT[from].vi}, không thể ${verb.vi}.`, en: `The plan is ${STATUS_TEXT[from].en}; it cannot be ${verb.en}.` });
    }
    const row = await updateVersioned(tx, plans, {
      id: eq(plans.id, input.id),
      version: input.version,
      current,
      set: { ...set, status: to, reviewedBy: ctx.user.username, reviewedAt: new Date() },
      actor: ctx.user.username,
      locale: ctx.locale,
      what: PLAN,
      audit: { action: `van-phong.plan.${step}`, entity: 'van-phong.plan', entityId: input.id },
      auditWrite: ctx.audit,
    });
    // What counts changed (approved or implemented in, or out when returned): record the shares.
    const shares = await recordCutShares(ctx, tx);
    return { plan: row, shares };
  });
}

export const approvePlan = (ctx: ModuleContext, input: z.output<typeof reviewPlanInput>) => transition(ctx, input, 'approve', { reviewNote: input.note });
export const returnPlan = (ctx: ModuleContext, input: z.output<typeof returnPlanInput>) => transition(ctx, input, 'return', { reviewNote: input.note });
export async function implementPlan(ctx: ModuleContext, input: z.output<typeof implementPlanInput>) {
  if (input.implementedOn > ctx.services.core.today()) fail('BAD_REQUEST', ctx.locale, { vi: 'Ngày thực thi không được sau hôm nay.', en: 'The implementation date cannot be in the future.' });
  return transition(ctx, input, 'implement', { implementedOn: input.implementedOn });
}

/** The one-stop-shop model's milestones (Plan 01/KH-UBND 2023): each department and district keeps its own. */
import { and, asc, eq } from 'drizzle-orm';
import { deleteVersioned, fail, insertAudited, notFound, updateVersioned, type Queryable } from '@dondoc/plugin-sdk';
import { assertUnitAccess } from '@dondoc/trpc';
import type { z } from 'zod';
import { milestoneProblem, oneStopShopProgress, type MilestoneStatus } from '../../domain/index.ts';
import type { createMilestoneInput, listInput, removeInput, updateMilestoneInput } from '../inputs.ts';
import { milestones, type MilestoneRow } from '../schema.ts';
import { peopleNames, scopeFilter, unitFor, unitNames, type ModuleContext } from './context.ts';

const MILESTONE = { vi: 'mốc mô hình một cửa', en: 'Milestone' };

async function milestoneFor(ctx: ModuleContext, db: Queryable, id: string): Promise<MilestoneRow> {
  const [row] = await db.select().from(milestones).where(eq(milestones.id, id));
  if (!row) notFound(ctx.locale, MILESTONE);
  assertUnitAccess(ctx, row.unitCode);
  return row;
}

function check(ctx: ModuleContext, status: MilestoneStatus, doneOn: string | null) {
  const problem = milestoneProblem(status, doneOn);
  if (problem) fail('BAD_REQUEST', ctx.locale, problem);
  if (doneOn !== null && doneOn > ctx.services.core.today()) fail('BAD_REQUEST', ctx.locale, { vi: 'Ngày hoàn thành không được sau hôm nay.', en: 'The completion date cannot be in the future.' });
}

/** The milestones the caller reads, and the progress of each unit and of the city (over what the caller reads). */
export async function listMilestones(ctx: ModuleContext, input: z.output<typeof listInput>) {
  if (input.ownerUnitCode) assertUnitAccess(ctx, input.ownerUnitCode);
  const rows = await ctx.db
    .select()
    .from(milestones)
    .where(and(scopeFilter(ctx.access, milestones.unitCode), input.ownerUnitCode ? eq(milestones.unitCode, input.ownerUnitCode) : undefined))
    .orderBy(asc(milestones.unitCode), asc(milestones.dueOn), asc(milestones.title));
  const asOf = ctx.services.core.today();
  const units = await unitNames(ctx);
  const name = await peopleNames(ctx, rows.map((row) => row.updatedBy));
  const progress = oneStopShopProgress(rows as Array<MilestoneRow & { status: MilestoneStatus }>, asOf);
  return {
    asOf,
    items: rows.map((row) => ({ ...row, unitName: units.get(row.unitCode) ?? row.unitCode, updatedByName: name(row.updatedBy), overdue: row.status !== 'done' && row.dueOn < asOf })),
    city: progress.city,
    byUnit: progress.byUnit.map((unit) => ({ ...unit, unitName: units.get(unit.unitCode) ?? unit.unitCode })),
  };
}

export async function createMilestone(ctx: ModuleContext, input: z.output<typeof createMilestoneInput>) {
  const { unitCode: asked, ...fields } = input;
  check(ctx, fields.status, fields.doneOn);
  const unitCode = await unitFor(ctx, asked);
  return ctx.db.transaction((tx) =>
    insertAudited(tx, milestones, {
      values: { ...fields, unitCode, createdBy: ctx.user.username, updatedBy: ctx.user.username },
      audit: { action: 'van-phong.milestone.create', entity: 'van-phong.milestone', entityId: (row) => row.id },
      auditWrite: ctx.audit,
    }),
  );
}

export async function updateMilestone(ctx: ModuleContext, input: z.output<typeof updateMilestoneInput>) {
  const { id, version, ...fields } = input;
  check(ctx, fields.status, fields.doneOn);
  return ctx.db.transaction(async (tx) => {
    const current = await milestoneFor(ctx, tx, id);
    return updateVersioned(tx, milestones, {
      id: eq(milestones.id, id),
      version,
      current,
      set: fields,
      actor: ctx.user.username,
      locale: ctx.locale,
      what: MILESTONE,
      audit: { action: 'van-phong.milestone.update', entity: 'van-phong.milestone', entityId: id },
      auditWrite: ctx.audit,
    });
  });
}

export async function removeMilestone(ctx: ModuleContext, input: z.output<typeof removeInput>) {
  return ctx.db.transaction(async (tx) => {
    const current = await milestoneFor(ctx, tx, input.id);
    await deleteVersioned(tx, milestones, {
      id: eq(milestones.id, input.id),
      version: input.version,
      current,
      locale: ctx.locale,
      what: MILESTONE,
      audit: { action: 'van-phong.milestone.remove', entity: 'van-phong.milestone', entityId: input.id },
      auditWrite: ctx.audit,
    });
    return { id: input.id };
  });
}

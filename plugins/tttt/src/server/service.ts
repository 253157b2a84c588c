/**
 * Digital-transformation plans, the module's one write path for them: each change audited in its
 * transaction; a review records the share of units with an approved plan on the module's target in
 * the same transaction (ctx.services.core). Reads follow the caller's access: a unit sees its own
 * plan; Sở TT&TT and coordinators every unit's.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { acceptUpload, fail, insertAudited, updateVersioned, type FileDownload, type Queryable, type Tx } from '@dondoc/plugin-sdk';
import { assertUnitAccess } from '@dondoc/trpc';
import type { z } from 'zod';
import { PLAN_TARGET_CODE, PLAN_TARGET_YEAR } from '../domain/target.ts';
import { checkContents, planShare, planTransition, shareBasis, unitsOwingPlan, type CityUnit, type PlanAction, type PlanState, type RequiredContent } from '../domain/plans.ts';
import { DIRECTIVE, PLAN_CLAUSE, type ModuleContext } from './context.ts';
import type { attachDocumentFields, openItemTaskInput, planRef, remindInput, reviewPlanInput, savePlanInput, saveContentInput, submitPlanInput } from './inputs.ts';
import { PERMISSIONS } from './permissions.ts';
import { planDocuments, planItems, plans, requiredContents, type PlanRow } from './schema.ts';

const PLAN = { vi: 'kế hoạch chuyển đổi số', en: 'Digital-transformation plan' };
const CONTENT = { vi: 'nội dung yêu cầu', en: 'Required content' };

const STATE_LABEL: Record<PlanState | 'none', { vi: string; en: string }> = {
  none: { vi: 'chưa có kế hoạch', en: 'has no plan' },
  draft: { vi: 'đang soạn', en: 'is a draft' },
  submitted: { vi: 'đã gửi, chờ Sở TT&TT xem xét', en: 'is submitted, awaiting Sở TT&TT' },
  returned: { vi: 'bị trả lại', en: 'was returned' },
  approved: { vi: 'đã được phê duyệt', en: 'is approved' },
};
const ACTION_LABEL: Record<PlanAction, { vi: string; en: string }> = {
  save: { vi: 'sửa', en: 'edited' },
  submit: { vi: 'gửi', en: 'submitted' },
  return: { vi: 'trả lại', en: 'returned' },
  approve: { vi: 'phê duyệt', en: 'approved' },
};

/** The next state, or the refusal in the caller's language. */
function transition(ctx: ModuleContext, current: PlanState | null, action: PlanAction, reasons: string[] = []): PlanState {
  const next = planTransition(current, action, reasons);
  if (!('refused' in next)) return next.state;
  if (next.refused === 'reason') fail('BAD_REQUEST', ctx.locale, { vi: 'Trả lại kế hoạch cần nêu ít nhất một lý do.', en: 'Returning a plan needs at least one reason.' });
  const state = STATE_LABEL[current ?? 'none'];
  return fail('BAD_REQUEST', ctx.locale, {
    vi: `Kế hoạch ${state.vi}: không ${ACTION_LABEL[action].vi} được.`,
    en: `The plan ${state.en}: it cannot be ${ACTION_LABEL[action].en}.`,
  });
}

/** The unit a write is for: the one asked (within the caller's access) or the caller's own; it must owe a plan. */
async function owingUnitFor(ctx: ModuleContext, code: string | undefined): Promise<CityUnit> {
  const unitCode = code ?? ctx.user.unit?.code;
  if (!unitCode) fail('BAD_REQUEST', ctx.locale, { vi: 'Tài khoản không thuộc đơn vị nào.', en: 'Your account belongs to no unit.' });
  assertUnitAccess(ctx, unitCode);
  const unit = await ctx.services.core.units.get(unitCode);
  if (!unit || unitsOwingPlan([unit]).length === 0) {
    fail('BAD_REQUEST', ctx.locale, { vi: `${unit?.name ?? unitCode} không thuộc diện xây dựng kế hoạch chuyển đổi số.`, en: `${unit?.name ?? unitCode} does not have to make a digital-transformation plan.` });
  }
  return unit;
}

export async function requiredList(db: Queryable): Promise<Array<RequiredContent & typeof requiredContents.$inferSelect>> {
  return db.select().from(requiredContents).orderBy(asc(requiredContents.position), asc(requiredContents.code));
}

/** Every unit's plan for the year within the caller's access, each checked against Plan 64's contents; the share when the caller sees every unit. */
export async function listPlans(ctx: ModuleContext, year: number) {
  const units = unitsOwingPlan(await ctx.services.core.units.list());
  const visible = ctx.access.unitCodes === 'all' ? units : units.filter((u) => (ctx.access.unitCodes as string[]).includes(u.code));
  const rows = visible.length === 0 ? [] : await ctx.db.select().from(plans).where(and(eq(plans.year, year), inArray(plans.unitCode, visible.map((u) => u.code))));
  const required = await requiredList(ctx.db);
  const byUnit = new Map(rows.map((row) => [row.unitCode, row]));
  const people = await ctx.services.core.people.of(rows.flatMap((row) => [row.submittedBy, row.reviewedBy]));
  const everyUnit = ctx.access.unitCodes === 'all';
  return {
    year,
    required,
    share: everyUnit ? planShare(units, new Map(rows.map((row) => [row.unitCode, row.state as PlanState]))) : null,
    target: everyUnit && year === PLAN_TARGET_YEAR ? await targetState(ctx) : null,
    units: visible.map((unit) => {
      const plan = byUnit.get(unit.code);
      return {
        unit,
        plan: plan
          ? {
              id: plan.id,
              state: plan.state as PlanState,
              title: plan.title,
              version: plan.version,
              submissions: plan.submissions,
              submittedAt: plan.submittedAt,
              submittedBy: plan.submittedBy ? people[plan.submittedBy]! : null,
              reviewedAt: plan.reviewedAt,
              reviewedBy: plan.reviewedBy ? people[plan.reviewedBy]! : null,
              check: checkContents(required, plan.contentCodes),
            }
          : null,
      };
    }),
  };
}

/** The module's target as the core holds it: the latest measurement and the forecast. */
async function targetState(ctx: ModuleContext) {
  const target = await ctx.services.core.targets.get(PLAN_TARGET_CODE);
  const latest = target.measurements.at(-1) ?? null;
  return {
    code: target.code,
    name: target.name,
    targetValue: target.targetValue,
    targetDate: target.targetDate,
    latest: latest ? { value: latest.value, asOf: latest.asOf, numerator: latest.numerator, denominator: latest.denominator } : null,
    forecast: { class: target.forecast.class, projectedValue: target.forecast.projectedValue },
  };
}

/** One unit's plan for the year, its key items and its contents check (null: none yet). */
export async function getPlan(ctx: ModuleContext, input: z.output<typeof planRef>) {
  const unitCode = input.unitCode ?? ctx.user.unit?.code;
  if (!unitCode) fail('BAD_REQUEST', ctx.locale, { vi: 'Tài khoản không thuộc đơn vị nào.', en: 'Your account belongs to no unit.' });
  assertUnitAccess(ctx, unitCode);
  const unit = await ctx.services.core.units.get(unitCode);
  const required = await requiredList(ctx.db);
  const [plan] = await ctx.db.select().from(plans).where(and(eq(plans.unitCode, unitCode), eq(plans.year, input.year)));
  if (!plan) return { unit, year: input.year, required, plan: null };
  const items = await ctx.db.select().from(planItems).where(eq(planItems.planId, plan.id)).orderBy(asc(planItems.position));
  const [document] = await ctx.db
    .select({ fileName: planDocuments.fileName, size: planDocuments.size, uploadedBy: planDocuments.uploadedBy, uploadedAt: planDocuments.uploadedAt })
    .from(planDocuments)
    .where(eq(planDocuments.planId, plan.id));
  const people = await ctx.services.core.people.of([plan.submittedBy, plan.reviewedBy, plan.updatedBy]);
  return {
    unit,
    year: input.year,
    required,
    plan: {
      ...plan,
      state: plan.state as PlanState,
      items,
      document: document ?? null,
      check: checkContents(required, plan.contentCodes),
      submittedByPerson: plan.submittedBy ? people[plan.submittedBy]! : null,
      reviewedByPerson: plan.reviewedBy ? people[plan.reviewedBy]! : null,
      updatedByPerson: people[plan.updatedBy]!,
    },
  };
}

async function planById(ctx: ModuleContext, tx: Queryable, id: string): Promise<PlanRow> {
  const [row] = await tx.select().from(plans).where(eq(plans.id, id));
  if (!row) fail('NOT_FOUND', ctx.locale, { vi: `Không tìm thấy ${PLAN.vi}.`, en: `${PLAN.en} not found.` });
  assertUnitAccess(ctx, row.unitCode);
  return row;
}

const audited = (ctx: ModuleContext, action: string, id: string) => ({ audit: { action: `tttt.plan.${action}`, entity: 'tttt.plan', entityId: id }, auditWrite: ctx.audit, locale: ctx.locale, what: PLAN });

/** Saves a unit's plan (new, a draft, or a returned one being revised) with its key items. */
export async function savePlan(ctx: ModuleContext, input: z.output<typeof savePlanInput>) {
  const unit = await owingUnitFor(ctx, input.unitCode);
  const { unitCode: _unit, year, version, items, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(plans).where(and(eq(plans.unitCode, unit.code), eq(plans.year, year)));
    const state = transition(ctx, (current?.state as PlanState | undefined) ?? null, 'save');
    const actor = ctx.user.username;
    let row: PlanRow;
    if (!current) {
      row = await insertAudited(tx, plans, {
        values: { unitCode: unit.code, year, state, ...fields, createdBy: actor, updatedBy: actor },
        audit: { action: 'tttt.plan.create', entity: 'tttt.plan', entityId: (r) => r.id },
        auditWrite: ctx.audit,
        // Two first saves at once: the second is CONFLICT, not a duplicate.
        locale: ctx.locale,
      });
    } else {
      row = await updateVersioned(tx, plans, { id: eq(plans.id, current.id), version: version ?? 0, current, set: { ...fields, state }, actor, ...audited(ctx, 'update', current.id) });
      await tx.delete(planItems).where(eq(planItems.planId, row.id));
    }
    if (items.length > 0) await tx.insert(planItems).values(items.map((item, position) => ({ planId: row.id, position, ...item })));
    await ctx.audit(tx, { action: 'tttt.plan.items', entity: 'tttt.plan', entityId: row.id, after: { items } });
    return row;
  });
}

/** The kinds of file a plan's document may be: as units issue them. */
const DOCUMENT_KINDS = ['pdf', 'docx'] as const;

/** The unit attaches its plan's document (pdf or docx), replacing the one before, while it may still edit the plan. */
export async function attachDocument(ctx: ModuleContext, input: z.output<typeof attachDocumentFields> & { file: { name: string; bytes: Uint8Array } }) {
  const { mimeType } = acceptUpload(input.file, ctx.locale, { kinds: DOCUMENT_KINDS, limit: 'document' });
  return ctx.db.transaction(async (tx) => {
    const current = await planById(ctx, tx, input.id);
    transition(ctx, current.state as PlanState, 'save');
    const sha256 = createHash('sha256').update(input.file.bytes).digest('hex');
    const stored = { fileName: input.file.name, contentType: mimeType, size: input.file.bytes.length, sha256, uploadedBy: ctx.user.username, uploadedAt: new Date() };
    await tx
      .insert(planDocuments)
      .values({ planId: current.id, ...stored, data: input.file.bytes })
      .onConflictDoUpdate({ target: planDocuments.planId, set: { ...stored, data: input.file.bytes } });
    // The plan's version moves with its document: an edit opened before the upload is stale.
    return updateVersioned(tx, plans, {
      id: eq(plans.id, current.id),
      version: input.version,
      current,
      set: {},
      actor: ctx.user.username,
      ...audited(ctx, 'document', current.id),
      auditView: (_before, after) => ({ after: { planId: after.id, version: after.version, document: { fileName: stored.fileName, size: stored.size, sha256 } } }),
    });
  });
}

/** The plan's document, for whoever may read the plan. */
export async function planDocument(ctx: ModuleContext, id: string): Promise<FileDownload> {
  const plan = await planById(ctx, ctx.db, id);
  const [document] = await ctx.db.select().from(planDocuments).where(eq(planDocuments.planId, plan.id));
  if (!document) fail('NOT_FOUND', ctx.locale, { vi: 'Kế hoạch chưa có văn bản đính kèm.', en: 'The plan has no document attached.' });
  return { fileName: document.fileName, mimeType: document.contentType, contentBase64: Buffer.from(document.data).toString('base64') };
}

/** The unit sends its plan to Sở TT&TT: only when it covers every content Plan 64 requires. */
export async function submitPlan(ctx: ModuleContext, input: z.output<typeof submitPlanInput>) {
  return ctx.db.transaction(async (tx) => {
    const current = await planById(ctx, tx, input.id);
    const state = transition(ctx, current.state as PlanState, 'submit');
    const check = checkContents(await requiredList(tx), current.contentCodes);
    if (!check.complete) {
      fail('BAD_REQUEST', ctx.locale, { vi: `Kế hoạch còn thiếu nội dung Kế hoạch 64 yêu cầu: ${check.missing.join(', ')}.`, en: `The plan lacks contents Plan 64 requires: ${check.missing.join(', ')}.` });
    }
    return updateVersioned(tx, plans, {
      id: eq(plans.id, current.id),
      version: input.version,
      current,
      set: { state, submissions: current.submissions + 1, submittedAt: new Date(), submittedBy: ctx.user.username },
      actor: ctx.user.username,
      ...audited(ctx, 'submit', current.id),
    });
  });
}

/** Records the year's share of units with an approved plan on the module's target (the target's year only). */
async function recordShare(ctx: ModuleContext, tx: Tx, year: number): Promise<void> {
  if (year !== PLAN_TARGET_YEAR) return;
  const units = await ctx.services.core.units.list();
  const rows = await tx.select({ unitCode: plans.unitCode, state: plans.state }).from(plans).where(eq(plans.year, year));
  const share = planShare(units, new Map(rows.map((row) => [row.unitCode, row.state as PlanState])));
  if (share.percent === null) return;
  await ctx.services.core.targets.recordMeasurement(PLAN_TARGET_CODE, {
    value: share.percent,
    asOf: ctx.services.core.today(),
    numerator: share.approved,
    denominator: share.owing,
    basis: shareBasis(share, year),
  });
}

/** Sở TT&TT returns a submitted plan with its reasons, or approves it; the share is recorded in the same transaction. */
export async function reviewPlan(ctx: ModuleContext, input: z.output<typeof reviewPlanInput>) {
  const reasons = input.reasons.filter((reason) => reason.length > 0);
  return ctx.db.transaction(async (tx) => {
    const current = await planById(ctx, tx, input.id);
    const state = transition(ctx, current.state as PlanState, input.decision, reasons);
    const row = await updateVersioned(tx, plans, {
      id: eq(plans.id, current.id),
      version: input.version,
      current,
      set: { state, returnReasons: input.decision === 'return' ? reasons : [], reviewedAt: new Date(), reviewedBy: ctx.user.username },
      actor: ctx.user.username,
      ...audited(ctx, input.decision, current.id),
    });
    await recordShare(ctx, tx, row.year);
    return row;
  });
}

/** Reminds the units (all, or those named) that have no approved plan for the year, through the core's notices. */
export async function remindUnits(ctx: ModuleContext, input: z.output<typeof remindInput>) {
  const { share } = await listPlans(ctx, input.year);
  const without = share!.without.filter((unit) => !input.unitCodes || input.unitCodes.includes(unit.code));
  if (without.length === 0) return { sent: [], skipped: [] };
  return ctx.services.core.notices.send({
    unitCodes: without.map((unit) => unit.code),
    title: { vi: `Đôn đốc kế hoạch chuyển đổi số năm ${input.year}`, en: `Reminder: digital-transformation plan for ${input.year}` },
    body: {
      vi: `Đơn vị chưa có kế hoạch chuyển đổi số năm ${input.year} được Sở Thông tin và Truyền thông phê duyệt (Kế hoạch 64/KH-UBND, mục 4 Văn bản 2458/UBND-SNV). Đề nghị hoàn thiện và gửi kế hoạch.`,
      en: `Your unit has no digital-transformation plan for ${input.year} approved by Sở Thông tin và Truyền thông (Plan 64/KH-UBND, §4 of directive 2458/UBND-SNV). Please complete and submit it.`,
    },
    link: `/m/tttt/ke-hoach?nam=${input.year}`,
    permission: PERMISSIONS.plansReview,
  });
}

/** Opens a key item of an approved plan as a core task of the plan's unit (clause 4.1), linked back to the plan. */
export async function openItemTask(ctx: ModuleContext, input: z.output<typeof openItemTaskInput>) {
  return ctx.db.transaction(async (tx) => {
    const [item] = await tx.select().from(planItems).where(eq(planItems.id, input.itemId));
    if (!item) fail('NOT_FOUND', ctx.locale, { vi: 'Không tìm thấy nhiệm vụ trọng tâm.', en: 'Key item not found.' });
    const plan = await planById(ctx, tx, item.planId);
    if (plan.state !== 'approved') fail('BAD_REQUEST', ctx.locale, { vi: 'Chỉ theo dõi nhiệm vụ của kế hoạch đã phê duyệt.', en: 'Only the items of an approved plan can be followed as tasks.' });
    if (item.taskId) fail('CONFLICT', ctx.locale, { vi: `Nhiệm vụ này đã được theo dõi (${item.taskCode}).`, en: `This item is already followed (${item.taskCode}).` });
    const task = await ctx.services.core.tasks.open({
      directiveNumber: DIRECTIVE,
      clause: PLAN_CLAUSE,
      unitCode: plan.unitCode,
      title: item.title,
      content: `Nhiệm vụ trọng tâm của ${plan.title} — phụ trách: ${item.owner}.`,
      ...(item.deadline ? { deadline: item.deadline } : {}),
      permission: PERMISSIONS.plansReview,
    });
    await ctx.services.core.tasks.link(task.id, { entity: 'tttt.plan', entityId: plan.id, label: plan.title, path: `/m/tttt/ke-hoach/${plan.unitCode}?nam=${plan.year}` }, { permission: PERMISSIONS.plansReview });
    const [updated] = await tx.update(planItems).set({ taskId: task.id, taskCode: task.code }).where(and(eq(planItems.id, item.id), isNull(planItems.taskId))).returning();
    if (!updated) fail('CONFLICT', ctx.locale, { vi: 'Nhiệm vụ này vừa được người khác theo dõi.', en: 'Someone else just opened this item as a task.' });
    await ctx.audit(tx, { action: 'tttt.plan_item.open_task', entity: 'tttt.plan', entityId: plan.id, before: item, after: updated });
    return { itemId: item.id, taskId: task.id, taskCode: task.code };
  });
}

/** Sở TT&TT adds or edits a content Plan 64 requires (retiring one keeps it for the plans that cite it). */
export async function saveContent(ctx: ModuleContext, input: z.output<typeof saveContentInput>) {
  const { version, code, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(requiredContents).where(eq(requiredContents.code, code));
    const actor = ctx.user.username;
    if (!current) {
      return insertAudited(tx, requiredContents, {
        values: { code, ...fields, createdBy: actor, updatedBy: actor },
        audit: { action: 'tttt.content.create', entity: 'tttt.content', entityId: code },
        auditWrite: ctx.audit,
        locale: ctx.locale,
      });
    }
    return updateVersioned(tx, requiredContents, {
      id: eq(requiredContents.code, code),
      version: version ?? 0,
      current,
      set: fields,
      actor,
      locale: ctx.locale,
      what: CONTENT,
      audit: { action: 'tttt.content.update', entity: 'tttt.content', entityId: code },
      auditWrite: ctx.audit,
    });
  });
}

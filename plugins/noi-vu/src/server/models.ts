/**
 * Good models and practices: proposed by any unit (its own), evaluated by Sở Nội vụ, marked for
 * replication; other units record their adoption with its result. Every write audited in its
 * transaction; shared rows versioned.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { fail, insertAudited, updateVersioned, type Tx } from '@dondoc/plugin-sdk';
import { assertUnitAccess } from '@dondoc/trpc';
import type { z } from 'zod';
import { adoptionRefusal, evaluationRefusal, modelCounts, replicationRefusal, type ModelRefusal, type ModelState } from '../domain/models.ts';
import type { ModuleContext } from './context.ts';
import type { adoptInput, evaluateInput, modelsInput, proposeInput, replicateInput } from './inputs.ts';
import { goodModels, modelAdoptions } from './schema.ts';

const MODEL = { vi: 'mô hình', en: 'Model' };

const REFUSALS: Record<ModelRefusal, { vi: string; en: string }> = {
  not_proposed: { vi: 'Mô hình đã được đánh giá.', en: 'The model has already been evaluated.' },
  note_required: { vi: 'Không công nhận mô hình cần nêu lý do.', en: 'Not recognising a model needs a reason.' },
  not_recognised: { vi: 'Chỉ mô hình được công nhận mới được chọn nhân rộng.', en: 'Only a recognised model can be marked for replication.' },
  own_model: { vi: 'Đơn vị không ghi nhận áp dụng mô hình của chính mình.', en: 'A unit does not adopt its own model.' },
  not_for_replication: { vi: 'Mô hình chưa được Sở Nội vụ chọn nhân rộng.', en: 'The model is not marked for replication by Sở Nội vụ.' },
};
const refuse = (ctx: ModuleContext, refusal: ModelRefusal | null) => {
  if (refusal) fail('BAD_REQUEST', ctx.locale, REFUSALS[refusal]);
};

function unitFor(ctx: ModuleContext, code: string | undefined): string {
  const unit = code ?? ctx.user.unit?.code;
  if (!unit) fail('BAD_REQUEST', ctx.locale, { vi: 'Tài khoản không thuộc đơn vị nào.', en: 'Your account belongs to no unit.' });
  assertUnitAccess(ctx, unit);
  return unit;
}

async function modelFor(ctx: ModuleContext, tx: Tx, id: string) {
  const [row] = await tx.select().from(goodModels).where(eq(goodModels.id, id)).for('update');
  if (!row) fail('NOT_FOUND', ctx.locale, { vi: 'Không tìm thấy mô hình.', en: 'Model not found.' });
  return row;
}

export async function listModels(ctx: ModuleContext, input: z.output<typeof modelsInput>) {
  const rows = await ctx.db.select().from(goodModels).where(input.year ? eq(goodModels.year, input.year) : undefined).orderBy(desc(goodModels.year), asc(goodModels.title));
  const adoptions = rows.length > 0 ? await ctx.db.select().from(modelAdoptions).where(inArray(modelAdoptions.modelId, rows.map((r) => r.id))).orderBy(asc(modelAdoptions.adoptedOn)) : [];
  const units = new Map((await ctx.services.core.units.list()).map((u) => [u.code, u.name]));
  const items = rows.map((row) => ({
    ...row,
    state: row.state as ModelState,
    unitName: units.get(row.unitCode) ?? row.unitCode,
    adoptions: adoptions.filter((a) => a.modelId === row.id).map((a) => ({ ...a, unitName: units.get(a.unitCode) ?? a.unitCode })),
  }));
  return { items, counts: modelCounts(items.map((m) => ({ state: m.state, replicate: m.replicate, adoptions: m.adoptions.length }))) };
}

export async function proposeModel(ctx: ModuleContext, input: z.output<typeof proposeInput>) {
  const { unitCode: asked, ...fields } = input;
  const unitCode = unitFor(ctx, asked);
  return ctx.db.transaction((tx) =>
    insertAudited(tx, goodModels, {
      values: { ...fields, unitCode, createdBy: ctx.user.username, updatedBy: ctx.user.username },
      audit: { action: 'noi-vu.model.propose', entity: 'noi-vu.model', entityId: (row) => row.id },
      auditWrite: ctx.audit,
    }),
  );
}

export async function evaluateModel(ctx: ModuleContext, input: z.output<typeof evaluateInput>) {
  return ctx.db.transaction(async (tx) => {
    const current = await modelFor(ctx, tx, input.id);
    refuse(ctx, evaluationRefusal(current.state as ModelState, input.decision, input.note));
    return updateVersioned(tx, goodModels, {
      id: eq(goodModels.id, input.id),
      version: input.version,
      current,
      set: { state: input.decision === 'recognise' ? 'recognised' : 'not_recognised', evaluationNote: input.note, evaluatedBy: ctx.user.username, evaluatedOn: ctx.services.core.today() },
      actor: ctx.user.username,
      locale: ctx.locale,
      what: MODEL,
      audit: { action: 'noi-vu.model.evaluate', entity: 'noi-vu.model', entityId: input.id },
      auditWrite: ctx.audit,
    });
  });
}

export async function markReplication(ctx: ModuleContext, input: z.output<typeof replicateInput>) {
  return ctx.db.transaction(async (tx) => {
    const current = await modelFor(ctx, tx, input.id);
    refuse(ctx, replicationRefusal(current.state as ModelState));
    return updateVersioned(tx, goodModels, {
      id: eq(goodModels.id, input.id),
      version: input.version,
      current,
      set: { replicate: input.replicate },
      actor: ctx.user.username,
      locale: ctx.locale,
      what: MODEL,
      audit: { action: 'noi-vu.model.replicate', entity: 'noi-vu.model', entityId: input.id },
      auditWrite: ctx.audit,
    });
  });
}

export async function adoptModel(ctx: ModuleContext, input: z.output<typeof adoptInput>) {
  const unitCode = unitFor(ctx, input.unitCode);
  return ctx.db.transaction(async (tx) => {
    const model = await modelFor(ctx, tx, input.modelId);
    refuse(ctx, adoptionRefusal({ state: model.state as ModelState, replicate: model.replicate, unitCode: model.unitCode }, unitCode));
    const [already] = await tx.select({ id: modelAdoptions.id }).from(modelAdoptions).where(and(eq(modelAdoptions.modelId, model.id), eq(modelAdoptions.unitCode, unitCode)));
    if (already) fail('CONFLICT', ctx.locale, { vi: 'Đơn vị đã ghi nhận áp dụng mô hình này.', en: 'The unit has already recorded adopting this model.' });
    return insertAudited(tx, modelAdoptions, {
      values: { modelId: model.id, unitCode, adoptedOn: input.adoptedOn, result: input.result, createdBy: ctx.user.username, updatedBy: ctx.user.username },
      audit: { action: 'noi-vu.model.adopt', entity: 'noi-vu.model', entityId: model.id },
      auditWrite: ctx.audit,
      locale: ctx.locale,
    });
  });
}

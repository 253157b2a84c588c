/**
 * The delegation register (Decision 4610/QĐ-UBND): the Văn phòng keeps it, inspects and
 * evaluates each delegation and sets the late-handling threshold; the delegate unit reports its
 * dossiers handled on time and late. Each delegation answers with its flags.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { fail, insertAudited, notFound, updateVersioned, type Queryable } from '@dondoc/plugin-sdk';
import { assertUnitAccess } from '@dondoc/trpc';
import type { z } from 'zod';
import { countFlags, DEFAULT_LATE_THRESHOLD, delegationPeriodProblem, delegationStatus } from '../../domain/index.ts';
import type { asOfInput, createDelegationInput, dossiersInput, evaluateInput, thresholdInput, updateDelegationInput } from '../inputs.ts';
import { delegations, evaluations, procedures, settings, type DelegationRow } from '../schema.ts';
import { peopleNames, scopeFilter, unitNames, type ModuleContext } from './context.ts';

const DELEGATION = { vi: 'ủy quyền', en: 'Delegation' };
const SETTINGS_ID = 'default';

async function delegationFor(ctx: ModuleContext, db: Queryable, id: string): Promise<DelegationRow> {
  const [row] = await db.select().from(delegations).where(eq(delegations.id, id));
  if (!row) notFound(ctx.locale, DELEGATION);
  assertUnitAccess(ctx, row.delegateUnitCode);
  return row;
}

async function procedureExists(ctx: ModuleContext, db: Queryable, id: string) {
  const [row] = await db.select({ id: procedures.id }).from(procedures).where(eq(procedures.id, id));
  if (!row) notFound(ctx.locale, { vi: 'thủ tục hành chính', en: 'Procedure' });
}

async function assertUnit(ctx: ModuleContext, code: string) {
  if (!(await ctx.services.core.units.get(code))) fail('BAD_REQUEST', ctx.locale, { vi: `Không có đơn vị ${code}.`, en: `No unit ${code}.` });
}

/** The late-handling threshold (%) the Văn phòng set, and the version to change it on (null: never set). */
export async function lateThreshold(db: Queryable): Promise<{ lateThreshold: number; version: number | null; updatedBy: string | null }> {
  const [row] = await db.select().from(settings).where(eq(settings.id, SETTINGS_ID));
  return row ? { lateThreshold: row.lateThreshold, version: row.version, updatedBy: row.updatedBy } : { lateThreshold: DEFAULT_LATE_THRESHOLD, version: null, updatedBy: null };
}

export async function setLateThreshold(ctx: ModuleContext, input: z.output<typeof thresholdInput>) {
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(settings).where(eq(settings.id, SETTINGS_ID));
    if (!current) {
      if (input.version !== null) notFound(ctx.locale, { vi: 'ngưỡng trễ hạn', en: 'Threshold' });
      return insertAudited(tx, settings, {
        values: { id: SETTINGS_ID, lateThreshold: input.lateThreshold, createdBy: ctx.user.username, updatedBy: ctx.user.username },
        audit: { action: 'van-phong.settings.threshold', entity: 'van-phong.settings', entityId: SETTINGS_ID },
        auditWrite: ctx.audit,
        locale: ctx.locale,
      });
    }
    return updateVersioned(tx, settings, {
      id: eq(settings.id, SETTINGS_ID),
      version: input.version ?? 0,
      current,
      set: { lateThreshold: input.lateThreshold },
      actor: ctx.user.username,
      locale: ctx.locale,
      what: { vi: 'ngưỡng trễ hạn', en: 'Threshold' },
      audit: { action: 'van-phong.settings.threshold', entity: 'van-phong.settings', entityId: SETTINGS_ID },
      auditWrite: ctx.audit,
    });
  });
}

/** The register as the caller reads it (a delegate unit: its own delegations), each with its flags as of `asOf`. */
export async function listDelegations(ctx: ModuleContext, input: z.output<typeof asOfInput>) {
  const asOf = input.asOf ?? ctx.services.core.today();
  const threshold = await lateThreshold(ctx.db);
  const rows = await ctx.db
    .select({ delegation: delegations, code: procedures.code, name: procedures.name })
    .from(delegations)
    .innerJoin(procedures, eq(procedures.id, delegations.procedureId))
    .where(scopeFilter(ctx.access, delegations.delegateUnitCode))
    .orderBy(asc(delegations.endsOn), asc(procedures.code));
  const ids = rows.map((row) => row.delegation.id);
  const evaluationRows = ids.length === 0 ? [] : await ctx.db.select().from(evaluations).where(inArray(evaluations.delegationId, ids)).orderBy(desc(evaluations.evaluatedOn), desc(evaluations.createdAt));
  const units = await unitNames(ctx);
  const name = await peopleNames(ctx, [...rows.map((row) => row.delegation.updatedBy), ...evaluationRows.map((row) => row.createdBy)]);
  const items = rows.map(({ delegation, code, name: procedureName }) => ({
    ...delegation,
    procedureCode: code,
    procedureName,
    delegateUnitName: units.get(delegation.delegateUnitCode) ?? delegation.delegateUnitCode,
    updatedByName: name(delegation.updatedBy),
    ...delegationStatus(delegation, asOf, threshold.lateThreshold),
    evaluations: evaluationRows.filter((row) => row.delegationId === delegation.id).map((row) => ({ ...row, createdByName: name(row.createdBy) })),
  }));
  return { asOf, threshold, items, flags: countFlags(items) };
}

export async function createDelegation(ctx: ModuleContext, input: z.output<typeof createDelegationInput>) {
  const problem = delegationPeriodProblem(input.startsOn, input.endsOn);
  if (problem) fail('BAD_REQUEST', ctx.locale, problem);
  assertUnitAccess(ctx, input.delegateUnitCode);
  await assertUnit(ctx, input.delegateUnitCode);
  return ctx.db.transaction(async (tx) => {
    await procedureExists(ctx, tx, input.procedureId);
    return insertAudited(tx, delegations, {
      values: { ...input, createdBy: ctx.user.username, updatedBy: ctx.user.username },
      audit: { action: 'van-phong.delegation.create', entity: 'van-phong.delegation', entityId: (row) => row.id },
      auditWrite: ctx.audit,
    });
  });
}

export async function updateDelegation(ctx: ModuleContext, input: z.output<typeof updateDelegationInput>) {
  const { id, version, ...fields } = input;
  const problem = delegationPeriodProblem(fields.startsOn, fields.endsOn);
  if (problem) fail('BAD_REQUEST', ctx.locale, problem);
  await assertUnit(ctx, fields.delegateUnitCode);
  return ctx.db.transaction(async (tx) => {
    const current = await delegationFor(ctx, tx, id);
    await procedureExists(ctx, tx, fields.procedureId);
    return updateVersioned(tx, delegations, {
      id: eq(delegations.id, id),
      version,
      current,
      set: fields,
      actor: ctx.user.username,
      locale: ctx.locale,
      what: DELEGATION,
      audit: { action: 'van-phong.delegation.update', entity: 'van-phong.delegation', entityId: id },
      auditWrite: ctx.audit,
    });
  });
}

/** The delegate unit (or the Văn phòng) reports the dossiers handled on time and late so far. */
export async function reportDossiers(ctx: ModuleContext, input: z.output<typeof dossiersInput>) {
  return ctx.db.transaction(async (tx) => {
    const current = await delegationFor(ctx, tx, input.id);
    return updateVersioned(tx, delegations, {
      id: eq(delegations.id, input.id),
      version: input.version,
      current,
      set: { onTime: input.onTime, late: input.late },
      actor: ctx.user.username,
      locale: ctx.locale,
      what: DELEGATION,
      audit: { action: 'van-phong.delegation.dossiers', entity: 'van-phong.delegation', entityId: input.id },
      auditWrite: ctx.audit,
      auditView: (before, after) => ({ before: { onTime: before.onTime, late: before.late }, after: { onTime: after.onTime, late: after.late } }),
    });
  });
}

/** The Văn phòng records an inspection or evaluation with its findings and recommendation. */
export async function evaluateDelegation(ctx: ModuleContext, input: z.output<typeof evaluateInput>) {
  if (input.evaluatedOn > ctx.services.core.today()) fail('BAD_REQUEST', ctx.locale, { vi: 'Ngày kiểm tra không được sau hôm nay.', en: 'The evaluation date cannot be in the future.' });
  return ctx.db.transaction(async (tx) => {
    await delegationFor(ctx, tx, input.delegationId);
    return insertAudited(tx, evaluations, {
      values: { ...input, createdBy: ctx.user.username },
      audit: { action: 'van-phong.delegation.evaluate', entity: 'van-phong.delegation', entityId: input.delegationId },
      auditWrite: ctx.audit,
    });
  });
}


/**
 * The module's one write path, for the procedures and the import alike: each change checked
 * against the caller's access and the year's approval, versioned (a stale write gets CONFLICT
 * naming who changed the row) and audited in its own transaction, through the SDK's kit.
 */
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import {
  conflict,
  deleteVersioned,
  fail,
  hanoiDateOf,
  insertAudited,
  notFound,
  updateVersioned,
  type Access,
  type Queryable,
  type SessionUser,
  type Tx,
} from '@dondoc/plugin-sdk';
import { assertUnitAccess, type Context } from '@dondoc/trpc';
import { clampToPlanYear, nameKey, type AutonomyGroup } from '../domain/index.ts';
import { loadRegister, lockYears, managingUnitDirectory, managingUnitRef, type ManagingUnitRef, type Scope, type UnitView } from './register.ts';
import { serviceUnits, unitYears, yearApprovals } from './schema.ts';

export type ModuleContext = Context & { user: SessionUser; access: Access };
export type Directory = Map<string, ManagingUnitRef>;
type UnitRow = typeof serviceUnits.$inferSelect;
type YearRow = typeof unitYears.$inferSelect;

export const SERVICE_UNIT = { vi: 'đơn vị sự nghiệp', en: 'Public service unit' };
export const today = () => hanoiDateOf(Date.now());
export const currentYear = () => clampToPlanYear(Number(today().slice(0, 4)));
export const scopeOf = (access: Access): Scope => (access.allowed ? access.unitCodes : []);

/** The managing unit a write is for: the one asked (within the caller's access) or the caller's own. */
export async function managingUnitFor(ctx: ModuleContext, code: string | undefined): Promise<ManagingUnitRef> {
  const target = code ?? ctx.user.unit?.code;
  if (!target) fail('BAD_REQUEST', ctx.locale, { vi: 'Tài khoản không thuộc đơn vị nào.', en: 'Your account belongs to no unit.' });
  assertUnitAccess(ctx, target);
  const unit = await ctx.services.core.units.get(target);
  if (!unit || (unit.kind !== 'department' && unit.kind !== 'district')) {
    fail('BAD_REQUEST', ctx.locale, {
      vi: `Đơn vị chủ quản phải là một sở, ngành hoặc quận, huyện, thị xã (không phải ${target}).`,
      en: `The managing unit must be a department or a district (not ${target}).`,
    });
  }
  return { code: unit.code, name: unit.name, kind: unit.kind };
}

/** A unit the caller may touch (NOT_FOUND when missing, FORBIDDEN when another unit's). */
export async function unitFor(ctx: ModuleContext, db: Queryable, id: string): Promise<UnitRow> {
  const [unit] = await db.select().from(serviceUnits).where(eq(serviceUnits.id, id));
  if (!unit) notFound(ctx.locale, SERVICE_UNIT);
  assertUnitAccess(ctx, unit.managingUnitCode);
  return unit;
}

/** One unit as its editor shows it, with the people behind its changes (`people[updatedBy]`, through the core API). */
export async function oneUnitView(ctx: ModuleContext, id: string): Promise<UnitView> {
  const [view] = await loadRegister(ctx.db, await managingUnitDirectory(ctx.services.core), 'all', { unitIds: [id] });
  if (!view) notFound(ctx.locale, SERVICE_UNIT);
  return { ...view, people: await ctx.services.core.people.of([view.updatedBy, ...view.years.map((year) => year.updatedBy)]) };
}

export function lockedYear(ctx: Pick<Context, 'locale'>, year: number, managingUnit: string): never {
  fail('PRECONDITION_FAILED', ctx.locale, {
    vi: `Phân loại năm ${year} của ${managingUnit} đã được Sở Tài chính phê duyệt nên không sửa được. Đề nghị Sở Tài chính trả lại để chỉnh sửa.`,
    en: `The ${year} classification of ${managingUnit} was approved by the Department of Finance and is locked. Ask for it to be returned for changes.`,
  });
}

/** Refuses a change to `years` of a managing unit once one of them is approved (the years' locks taken shared first). */
export async function assertYearsOpen(ctx: ModuleContext, tx: Tx, directory: Directory, managingUnitCode: string, years: number[]): Promise<void> {
  await lockYears(tx, years, 'shared');
  if (years.length === 0) return;
  const [approved] = await tx
    .select({ year: yearApprovals.year })
    .from(yearApprovals)
    .where(and(eq(yearApprovals.managingUnitCode, managingUnitCode), eq(yearApprovals.status, 'approved'), inArray(yearApprovals.year, years)));
  if (approved) lockedYear(ctx, approved.year, managingUnitRef(directory, managingUnitCode).name);
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) if ((e as { code?: unknown }).code === '23505') return true;
  return false;
}

/** Runs a unit write; a name the managing unit already has answers CONFLICT saying so. */
export async function withUniqueName<T>(ctx: ModuleContext, name: string, managingUnit: () => Promise<string>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const unit = await managingUnit();
    fail('CONFLICT', ctx.locale, { vi: `${unit} đã có đơn vị "${name}" trong danh sách.`, en: `${unit} already has a unit named "${name}".` });
  }
}

const audit = (ctx: ModuleContext) => ({ auditWrite: ctx.audit, locale: ctx.locale });
const unitAudit = (action: string, id: string) => ({ action: `tai-chinh.unit.${action}`, entity: 'tai-chinh.unit', entityId: id });
const yearAudit = (action: string, unitId: string, year: number) => ({ action: `tai-chinh.year.${action}`, entity: 'tai-chinh.unit-year', entityId: `${unitId}:${year}` });

export function insertUnit(ctx: ModuleContext, tx: Tx, managingUnitCode: string, values: { name: string; sector: string }): Promise<UnitRow> {
  const actor = ctx.user.username;
  return insertAudited(tx, serviceUnits, {
    values: { managingUnitCode, ...values, nameKey: nameKey(values.name), createdBy: actor, updatedBy: actor },
    audit: { ...unitAudit('create', ''), entityId: (row) => row.id },
    auditWrite: ctx.audit,
  });
}

export function updateUnit(ctx: ModuleContext, tx: Tx, current: UnitRow, version: number, values: { name: string; sector: string }): Promise<UnitRow> {
  return updateVersioned(tx, serviceUnits, {
    ...audit(ctx),
    id: eq(serviceUnits.id, current.id),
    current,
    version,
    set: { ...values, nameKey: nameKey(values.name) },
    actor: ctx.user.username,
    audit: unitAudit('update', current.id),
    what: SERVICE_UNIT,
  });
}

export async function removeUnit(ctx: ModuleContext, tx: Tx, directory: Directory, unit: UnitRow, version: number): Promise<void> {
  const years = await tx.select().from(unitYears).where(eq(unitYears.unitId, unit.id));
  await assertYearsOpen(ctx, tx, directory, unit.managingUnitCode, years.map((y) => y.year));
  await deleteVersioned(tx, serviceUnits, { ...audit(ctx), id: eq(serviceUnits.id, unit.id), current: unit, version, audit: unitAudit('remove', unit.id), before: { unit, years } });
}

/** What a unit's year holds: its classification (group, A, B, investment flag) and its planned group. */
export type YearValues = { autonomyGroup: AutonomyGroup | null; revenueA: number | null; spendingB: number | null; investmentCovered: boolean; plannedGroup: AutonomyGroup | null };

const yearWhere = (unitId: string, year: number): SQL => and(eq(unitYears.unitId, unitId), eq(unitYears.year, year))!;

/** Writes a unit's year: updates the row on `version`, or creates it (`version` null: the caller saw none). */
export async function putYear(
  ctx: ModuleContext,
  tx: Tx,
  target: { unitId: string; year: number; existing: YearRow | null; version: number | null; action: 'save' | 'import' },
  values: YearValues,
): Promise<YearRow> {
  const { unitId, year, existing } = target;
  const auditEntry = yearAudit(target.action, unitId, year);
  if (existing) {
    return updateVersioned(tx, unitYears, { ...audit(ctx), id: yearWhere(unitId, year), current: existing, version: target.version ?? 0, set: values, actor: ctx.user.username, audit: auditEntry });
  }
  if (target.version !== null) conflict(ctx.locale, null);
  return insertAudited(tx, unitYears, { ...audit(ctx), values: { unitId, year, ...values, updatedBy: ctx.user.username }, audit: { ...auditEntry } });
}

/** Opens a unit's year for a change in `tx`: the unit the caller may touch, the year not approved; with its row. */
export async function openYear(ctx: ModuleContext, tx: Tx, directory: Directory, unitId: string, year: number) {
  const unit = await unitFor(ctx, tx, unitId);
  await assertYearsOpen(ctx, tx, directory, unit.managingUnitCode, [year]);
  const [existing] = await tx.select().from(unitYears).where(yearWhere(unit.id, year));
  return { unit, existing: existing ?? null };
}

export async function clearYear(ctx: ModuleContext, tx: Tx, directory: Directory, input: { unitId: string; year: number; version: number }): Promise<void> {
  const { unit, existing } = await openYear(ctx, tx, directory, input.unitId, input.year);
  if (!existing) conflict(ctx.locale, null);
  await deleteVersioned(tx, unitYears, { ...audit(ctx), id: yearWhere(unit.id, input.year), current: existing, version: input.version, audit: yearAudit('clear', unit.id, input.year) });
}

/**
 * Consolidation: shares per year and per managing unit, units behind their roadmap, and Sở
 * Tài chính's approval of a year, which records the city-wide share on the core target
 * 2458-CT3 in the same transaction.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { hanoiDateOf, type AuditEntry, type CoreApi, type Queryable, type Tx } from '@dondoc/plugin-sdk';
import {
  AUTONOMY_TARGET_CODE,
  approvalBasis,
  isAutonomyGroup,
  measurementDateForYear,
  PLAN_YEARS,
  recordableShare,
  summarizeYear,
  type AutonomyGroup,
  type Share,
  type UnitYearFacts,
  type YearSummary,
} from '../domain/index.ts';
import { approvalKey, lockYears, managingUnitRef, type ApprovalView, type ManagingUnitRef, type Scope, type UnitView } from './register.ts';
import { serviceUnits, shareRecords, unitYears, yearApprovals } from './schema.ts';

export function factsOf(units: UnitView[]): UnitYearFacts[] {
  return units.flatMap((unit) =>
    unit.years.map((year) => ({
      managingUnitCode: unit.managingUnit.code,
      unitId: unit.id,
      year: year.year,
      group: year.group,
      plannedGroup: year.plannedGroup,
      approved: year.approval === 'approved',
    })),
  );
}

export interface ShareRecordView {
  year: number;
  asOf: string;
  value: number;
  /** Denominator: every unit with a group that year. */
  counted: number;
  /** Numerator: units in groups 1-2 of the approved managing units. */
  autonomous: number;
  /** Null for shares recorded before these were kept. */
  managingUnits: number | null;
  approvedManagingUnits: number | null;
  provisional: boolean;
  recordedBy: string;
  recordedAt: string;
}

export interface ManagingUnitSummary {
  managingUnit: ManagingUnitRef;
  units: number;
  summary: YearSummary;
  mismatches: number;
  undetermined: number;
  approval: ApprovalView | null;
}

export interface BehindUnit {
  id: string;
  name: string;
  sector: string;
  plannedGroup: AutonomyGroup;
  group: AutonomyGroup;
}

export interface Consolidation {
  year: number;
  /** `all`: the city (Sở Tài chính, coordinators); `own`: only the caller's managing unit. */
  scope: 'all' | 'own';
  /** Each roadmap year over the caller's scope, with what was recorded on the core target. */
  years: Array<YearSummary & { recorded: ShareRecordView | null }>;
  managingUnits: ManagingUnitSummary[];
  behind: Array<{ managingUnit: ManagingUnitRef; units: BehindUnit[] }>;
  mismatches: number;
}

export function shareRecordView(row: typeof shareRecords.$inferSelect): ShareRecordView {
  return { ...row, recordedAt: row.recordedAt.toISOString() };
}

/** The consolidation of the register the caller sees, for one year (and the trend of every year). */
export function consolidate(
  units: UnitView[],
  year: number,
  scope: Scope,
  approvals: Map<string, ApprovalView>,
  records: ShareRecordView[],
): Consolidation {
  const facts = factsOf(units);
  const recordByYear = new Map(records.map((r) => [r.year, r]));
  const byManaging = new Map<string, UnitView[]>();
  for (const unit of units) {
    const list = byManaging.get(unit.managingUnit.code);
    if (list) list.push(unit);
    else byManaging.set(unit.managingUnit.code, [unit]);
  }
  const managingUnits: ManagingUnitSummary[] = [];
  const behind: Consolidation['behind'] = [];
  let mismatches = 0;
  for (const [code, list] of byManaging) {
    const yearRows = list.flatMap((unit) => unit.years.filter((y) => y.year === year).map((y) => ({ unit, y })));
    const unitMismatches = yearRows.filter(({ y }) => y.status === 'mismatch').length;
    mismatches += unitMismatches;
    managingUnits.push({
      managingUnit: list[0]!.managingUnit,
      units: list.length,
      summary: summarizeYear(facts.filter((f) => f.managingUnitCode === code), year),
      mismatches: unitMismatches,
      undetermined: yearRows.filter(({ y }) => y.status === 'undetermined').length,
      approval: approvals.get(approvalKey(year, code)) ?? null,
    });
    const late = yearRows
      .filter(({ y }) => y.roadmap === 'behind')
      .map(({ unit, y }) => ({ id: unit.id, name: unit.name, sector: unit.sector, plannedGroup: y.plannedGroup!, group: y.group! }));
    if (late.length > 0) behind.push({ managingUnit: list[0]!.managingUnit, units: late });
  }
  return {
    year,
    scope: scope === 'all' ? 'all' : 'own',
    years: PLAN_YEARS.map((y) => ({ ...summarizeYear(facts, y), recorded: recordByYear.get(y) ?? null })),
    managingUnits,
    behind,
    mismatches,
  };
}

export interface ApprovalResult {
  year: number;
  approved: string[];
  /** What was recorded: `autonomous` (numerator, approved managing units) of `counted` (every unit with a group that year). */
  share: Share;
  managingUnits: number;
  approvedManagingUnits: number;
  provisional: boolean;
  /** "đã duyệt 4/17 đơn vị chủ quản", as recorded on the measurement. */
  basis: string;
  measurement: { id: number; value: number; asOf: string };
}

/**
 * Approves the classification of `year` for the managing units given (or every managing unit
 * with a classified unit that year), then records the city-wide share on the core target: the
 * units in groups 1-2 of the approved managing units over every unit with a group that year,
 * with its numerator, denominator and whether it is provisional (not every managing unit of
 * the year approved yet), all in the caller's transaction `tx`.
 */
export async function approveYear(
  tx: Tx,
  options: {
    year: number;
    managingUnitCodes: string[] | undefined;
    note: string | null;
    actor: string;
    core: CoreApi;
    directory: Map<string, ManagingUnitRef>;
    audit: (entry: AuditEntry) => Promise<void>;
    locale: 'vi' | 'en';
    today?: string;
  },
): Promise<ApprovalResult | { error: { vi: string; en: string } }> {
  const { year } = options;
  await lockYears(tx, [year], 'exclusive');
  const classified = await tx
    .selectDistinct({ code: serviceUnits.managingUnitCode })
    .from(unitYears)
    .innerJoin(serviceUnits, eq(serviceUnits.id, unitYears.unitId))
    .where(and(eq(unitYears.year, year), isNotNull(unitYears.autonomyGroup)));
  const available = new Set(classified.map((row) => row.code));
  const wanted = options.managingUnitCodes ?? [...available];
  const missing = wanted.filter((code) => !available.has(code));
  if (missing.length > 0) {
    const names = missing.map((code) => managingUnitRef(options.directory, code).name).join(', ');
    return { error: { vi: `Chưa có đơn vị nào được phân loại năm ${year} ở: ${names}.`, en: `No unit is classified for ${year} in: ${names}.` } };
  }
  if (wanted.length === 0) {
    return { error: { vi: `Chưa có đơn vị nào được phân loại năm ${year}.`, en: `No unit is classified for ${year} yet.` } };
  }
  const codes = [...new Set(wanted)].sort();
  const before = await tx.select().from(yearApprovals).where(and(eq(yearApprovals.year, year), inArray(yearApprovals.managingUnitCode, codes)));
  const now = new Date();
  const after = await tx
    .insert(yearApprovals)
    .values(codes.map((code) => ({ year, managingUnitCode: code, status: 'approved' as const, note: options.note, decidedBy: options.actor, decidedAt: now })))
    .onConflictDoUpdate({
      target: [yearApprovals.year, yearApprovals.managingUnitCode],
      set: { status: 'approved', note: options.note, decidedBy: options.actor, decidedAt: now, version: sql`${yearApprovals.version} + 1` },
    })
    .returning();

  // The city-wide share: the units in groups 1-2 of the approved managing units over every
  // unit registered with a group that year (approved or not), provisional until all are approved.
  const rows = await tx
    .select({ managingUnitCode: serviceUnits.managingUnitCode, unitId: unitYears.unitId, group: unitYears.autonomyGroup, status: yearApprovals.status })
    .from(unitYears)
    .innerJoin(serviceUnits, eq(serviceUnits.id, unitYears.unitId))
    .leftJoin(yearApprovals, and(eq(yearApprovals.year, unitYears.year), eq(yearApprovals.managingUnitCode, serviceUnits.managingUnitCode)))
    .where(and(eq(unitYears.year, year), isNotNull(unitYears.autonomyGroup)));
  const recordable = recordableShare(
    rows.map((row) => ({
      managingUnitCode: row.managingUnitCode,
      unitId: row.unitId,
      year,
      group: isAutonomyGroup(row.group) ? row.group : null,
      plannedGroup: null,
      approved: row.status === 'approved',
    })),
    year,
  );
  const share: Share = { counted: recordable.counted, autonomous: recordable.autonomous, share: recordable.share };
  const value = share.share ?? 0;
  const basis = approvalBasis(recordable, options.locale);

  const [previous] = await tx.select().from(shareRecords).where(eq(shareRecords.year, year));
  const asOf = previous?.asOf ?? measurementDateForYear(year, options.today ?? hanoiDateOf(Date.now()));
  const note =
    options.locale === 'vi'
      ? `Năm ${year}: ${share.autonomous}/${share.counted} đơn vị sự nghiệp công lập nhóm 1, 2 (tử số: các đơn vị chủ quản đã được Sở Tài chính phê duyệt; mẫu số: mọi đơn vị đã phân loại)${recordable.provisional ? `, tạm tính: ${basis}` : ''}.`
      : `${year}: ${share.autonomous}/${share.counted} public service units in groups 1-2 (numerator: managing units approved by the Department of Finance; denominator: every classified unit)${recordable.provisional ? `, provisional: ${basis}` : ''}.`;
  const measurement = await options.core.targets.recordMeasurement(
    AUTONOMY_TARGET_CODE,
    // Joins the approval's open transaction by itself (the core API follows ctx.db's transactions).
    { value, asOf, note, numerator: share.autonomous, denominator: share.counted, provisional: recordable.provisional, basis },
  );
  const record = {
    year,
    asOf,
    value,
    counted: share.counted,
    autonomous: share.autonomous,
    managingUnits: recordable.managingUnits,
    approvedManagingUnits: recordable.approvedManagingUnits,
    provisional: recordable.provisional,
    recordedBy: options.actor,
    recordedAt: now,
  };
  await tx.insert(shareRecords).values(record).onConflictDoUpdate({ target: shareRecords.year, set: record });

  await options.audit({
    action: 'tai-chinh.classification.approve',
    entity: 'tai-chinh.year',
    entityId: String(year),
    before: { approvals: before, share: previous ?? null },
    after: { approvals: after, share: record },
  });
  return {
    year,
    approved: codes,
    share,
    managingUnits: recordable.managingUnits,
    approvedManagingUnits: recordable.approvedManagingUnits,
    provisional: recordable.provisional,
    basis,
    measurement,
  };
}

/** The recorded share of every year (what the core target holds, per year). */
export async function loadShareRecords(db: Queryable): Promise<ShareRecordView[]> {
  const rows = await db.select().from(shareRecords).orderBy(shareRecords.year);
  return rows.map(shareRecordView);
}

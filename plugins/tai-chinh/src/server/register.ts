/**
 * Reading the register: public service units with their years, the computed checks, the
 * roadmap status and Sở Tài chính's approval, limited to what the caller may see.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { CoreApi, Queryable } from '@dondoc/plugin-sdk';
import {
  checkClassification,
  isAutonomyGroup,
  PLAN_YEARS,
  roadmapStatus,
  type ApprovalStatus,
  type AutonomyGroup,
  type ClassificationStatus,
  type RoadmapStatus,
} from '../domain/index.ts';
import { serviceUnits, unitYears, yearApprovals } from './schema.ts';

/** Units whose rows a caller may see: every unit, or these managing units. */
export type Scope = 'all' | string[];

export interface ManagingUnitRef {
  code: string;
  name: string;
  kind: string;
}

export interface YearView {
  year: number;
  group: AutonomyGroup | null;
  revenueA: number | null;
  spendingB: number | null;
  investmentCovered: boolean;
  plannedGroup: AutonomyGroup | null;
  /** A ÷ B × 100, truncated to two decimals (null when it cannot be computed). */
  level: number | null;
  impliedGroup: AutonomyGroup | null;
  status: ClassificationStatus;
  roadmap: RoadmapStatus;
  approval: ApprovalStatus;
  /** Approved by Sở Tài chính: the managing unit cannot change it until it is returned. */
  locked: boolean;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

export interface UnitView {
  id: string;
  managingUnit: ManagingUnitRef;
  name: string;
  sector: string;
  version: number;
  updatedBy: string;
  updatedAt: string;
  /** The unit's years that have a row, in year order. */
  years: YearView[];
  /** Who `updatedBy` (the unit's and its years') are, by username: in one unit's answer (`units.get`), not in lists. */
  people?: Awaited<ReturnType<CoreApi['people']['of']>>;
}

export interface ApprovalView {
  year: number;
  managingUnitCode: string;
  status: 'approved' | 'returned';
  note: string | null;
  decidedBy: string;
  decidedAt: string;
  version: number;
}

type UnitRow = typeof serviceUnits.$inferSelect;
type YearRow = typeof unitYears.$inferSelect;
type ApprovalRow = typeof yearApprovals.$inferSelect;

const vietnamese = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Key of an approval: `<year>:<managing unit code>`. */
export const approvalKey = (year: number, code: string) => `${year}:${code}`;

export function scopeCondition(scope: Scope): SQL | undefined {
  if (scope === 'all') return undefined;
  return scope.length === 0 ? sql`false` : inArray(serviceUnits.managingUnitCode, scope);
}

/** The departments and districts of the city, by code (through the core API). */
export async function managingUnitDirectory(core: CoreApi): Promise<Map<string, ManagingUnitRef>> {
  const units = await core.units.list();
  return new Map(units.map((unit) => [unit.code, { code: unit.code, name: unit.name, kind: unit.kind }]));
}

export function managingUnitRef(directory: Map<string, ManagingUnitRef>, code: string): ManagingUnitRef {
  return directory.get(code) ?? { code, name: code, kind: 'unknown' };
}

export async function loadApprovals(db: Queryable, scope: Scope, year?: number): Promise<Map<string, ApprovalRow>> {
  const conditions: SQL[] = [];
  if (scope !== 'all') conditions.push(scope.length === 0 ? sql`false` : inArray(yearApprovals.managingUnitCode, scope));
  if (year !== undefined) conditions.push(eq(yearApprovals.year, year));
  const rows = await db.select().from(yearApprovals).where(and(...conditions));
  return new Map(rows.map((row) => [approvalKey(row.year, row.managingUnitCode), row]));
}

export function approvalView(row: ApprovalRow): ApprovalView {
  return {
    year: row.year,
    managingUnitCode: row.managingUnitCode,
    status: row.status,
    note: row.note,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt.toISOString(),
    version: row.version,
  };
}

const groupOrNull = (value: number | null): AutonomyGroup | null => (isAutonomyGroup(value) ? value : null);

export function yearView(row: YearRow, approval: ApprovalStatus): YearView {
  const group = groupOrNull(row.autonomyGroup);
  const plannedGroup = groupOrNull(row.plannedGroup);
  const check = checkClassification({ group, revenueA: row.revenueA, spendingB: row.spendingB, investmentCovered: row.investmentCovered });
  return {
    year: row.year,
    group,
    revenueA: row.revenueA,
    spendingB: row.spendingB,
    investmentCovered: row.investmentCovered,
    plannedGroup,
    level: check.level,
    impliedGroup: check.impliedGroup,
    status: check.status,
    roadmap: roadmapStatus(plannedGroup, group),
    approval,
    locked: approval === 'approved',
    version: row.version,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function unitView(
  unit: UnitRow,
  years: YearRow[],
  approvals: Map<string, ApprovalRow>,
  directory: Map<string, ManagingUnitRef>,
): UnitView {
  return {
    id: unit.id,
    managingUnit: managingUnitRef(directory, unit.managingUnitCode),
    name: unit.name,
    sector: unit.sector,
    version: unit.version,
    updatedBy: unit.updatedBy,
    updatedAt: unit.updatedAt.toISOString(),
    years: years
      .filter((row) => (PLAN_YEARS as readonly number[]).includes(row.year))
      .sort((a, b) => a.year - b.year)
      .map((row) => yearView(row, approvals.get(approvalKey(row.year, unit.managingUnitCode))?.status ?? 'pending')),
  };
}

/**
 * The register as the caller may see it: every unit of the scope (optionally one managing
 * unit), its years and their approvals, ordered by managing unit then name.
 */
export async function loadRegister(
  db: Queryable,
  directory: Map<string, ManagingUnitRef>,
  scope: Scope,
  options: { managingUnitCode?: string; unitIds?: string[] } = {},
): Promise<UnitView[]> {
  const conditions: Array<SQL | undefined> = [scopeCondition(scope)];
  if (options.managingUnitCode) conditions.push(eq(serviceUnits.managingUnitCode, options.managingUnitCode));
  if (options.unitIds) conditions.push(options.unitIds.length === 0 ? sql`false` : inArray(serviceUnits.id, options.unitIds));
  const units = await db
    .select()
    .from(serviceUnits)
    .where(and(...conditions))
    .orderBy(asc(serviceUnits.managingUnitCode), asc(serviceUnits.nameKey));
  if (units.length === 0) return [];
  const years = await db
    .select({ year: unitYears })
    .from(unitYears)
    .innerJoin(serviceUnits, eq(serviceUnits.id, unitYears.unitId))
    .where(and(...conditions));
  const yearsByUnit = new Map<string, YearRow[]>();
  for (const { year } of years) {
    const list = yearsByUnit.get(year.unitId);
    if (list) list.push(year);
    else yearsByUnit.set(year.unitId, [year]);
  }
  const approvals = await loadApprovals(db, options.managingUnitCode ? [options.managingUnitCode] : scope);
  // Managing units in the city's own order (UBND, departments, districts), then names in
  // Vietnamese alphabetical order (đ after d, not after z as in the database's byte order).
  const order = new Map([...directory.keys()].map((code, index) => [code, index]));
  const rank = (code: string) => order.get(code) ?? Number.MAX_SAFE_INTEGER;
  return units
    .map((unit) => unitView(unit, yearsByUnit.get(unit.id) ?? [], approvals, directory))
    .sort(
      (a, b) =>
        rank(a.managingUnit.code) - rank(b.managingUnit.code) ||
        a.managingUnit.code.localeCompare(b.managingUnit.code) ||
        vietnamese.compare(a.name, b.name),
    );
}

/** Namespace of the module's advisory locks (one per year: edits share it, approvals take it alone). */
const LOCK_NAMESPACE = 24_583;

/**
 * Serialises approvals of a year against edits of that year: edits and imports take the year's
 * lock shared (they run side by side), an approval or a return takes it exclusive, so no edit
 * can slip in between the approval's reading of the rows and its commit.
 */
export async function lockYears(tx: Queryable, years: Iterable<number>, mode: 'shared' | 'exclusive'): Promise<void> {
  for (const year of [...new Set(years)].sort((a, b) => a - b)) {
    if (mode === 'shared') await tx.execute(sql`select pg_advisory_xact_lock_shared(${LOCK_NAMESPACE}, ${year})`);
    else await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${year})`);
  }
}

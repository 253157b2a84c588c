/**
 * Consolidation of the register: the share of financially autonomous units (groups 1 and 2)
 * per year, city-wide and per managing unit, against the 20% target of directive 2458 (§3),
 * and the units behind their roadmap (Plan 189/KH-UBND, 2022-2025).
 */
import { isAutonomous, isAutonomyGroup, type AutonomyGroup } from './groups.ts';

/** The years of the financial autonomy roadmap (Plan 189/KH-UBND, Decree 60's period from 2022). */
export const PLAN_YEARS = [2022, 2023, 2024, 2025] as const;
export type PlanYear = (typeof PLAN_YEARS)[number];
export const FIRST_PLAN_YEAR = PLAN_YEARS[0];
export const LAST_PLAN_YEAR = PLAN_YEARS[PLAN_YEARS.length - 1]!;

/** "At least 20% of public service units financially autonomous by 2025". */
export const AUTONOMY_TARGET_SHARE = 20;

export function isPlanYear(value: unknown): value is PlanYear {
  return typeof value === 'number' && (PLAN_YEARS as readonly number[]).includes(value);
}

/** The roadmap year closest to `year`: 2026 → 2025, 2021 → 2022. */
export function clampToPlanYear(year: number): PlanYear {
  if (year <= FIRST_PLAN_YEAR) return FIRST_PLAN_YEAR;
  if (year >= LAST_PLAN_YEAR) return LAST_PLAN_YEAR;
  return Math.trunc(year) as PlanYear;
}

export interface Share {
  /** Units counted (those with a group that year). */
  counted: number;
  /** Of which in groups 1 and 2. */
  autonomous: number;
  /** autonomous ÷ counted × 100, rounded to two decimals; null when nothing is counted. */
  share: number | null;
}

/** Rounds a percentage to two decimals, half away from zero, without 1.005 → 1.00 surprises. */
export function roundPercent(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

/**
 * The share of financially autonomous units among the groups given. Units with no group that
 * year (null) are left out of both counts: a missing year neither helps nor hurts the share.
 */
export function autonomousShare(groups: ReadonlyArray<AutonomyGroup | null | undefined>): Share {
  let counted = 0;
  let autonomous = 0;
  for (const group of groups) {
    if (!isAutonomyGroup(group)) continue;
    counted += 1;
    if (isAutonomous(group)) autonomous += 1;
  }
  return { counted, autonomous, share: counted === 0 ? null : roundPercent((autonomous / counted) * 100) };
}

/** Counts per group 1-4 (index 0 is group 1). */
export function countByGroup(groups: ReadonlyArray<AutonomyGroup | null | undefined>): [number, number, number, number] {
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  for (const group of groups) if (isAutonomyGroup(group)) counts[group - 1] = (counts[group - 1] ?? 0) + 1;
  return counts;
}

/**
 * Where a unit stands against its roadmap in a year (a lower group number is more autonomous):
 * - `ahead`: its group is better than planned; `on_plan`: as planned; `behind`: worse;
 * - `no_plan`: no planned group that year; `no_data`: planned, but no group entered.
 */
export type RoadmapStatus = 'ahead' | 'on_plan' | 'behind' | 'no_plan' | 'no_data';

export function roadmapStatus(planned: AutonomyGroup | null | undefined, actual: AutonomyGroup | null | undefined): RoadmapStatus {
  if (!isAutonomyGroup(planned)) return 'no_plan';
  if (!isAutonomyGroup(actual)) return 'no_data';
  if (actual < planned) return 'ahead';
  return actual === planned ? 'on_plan' : 'behind';
}

export function isBehindRoadmap(planned: AutonomyGroup | null | undefined, actual: AutonomyGroup | null | undefined): boolean {
  return roadmapStatus(planned, actual) === 'behind';
}

/** One unit's year, as the consolidation needs it. */
export interface UnitYearFacts {
  managingUnitCode: string;
  unitId: string;
  year: number;
  group: AutonomyGroup | null;
  plannedGroup: AutonomyGroup | null;
  /** Whether Sở Tài chính approved this managing unit's classification for the year. */
  approved: boolean;
}

/**
 * The share recorded on the core target: the units in groups 1-2 of the APPROVED managing
 * units over EVERY registered unit of the year (every unit with a group that year, approved
 * or not), and how many managing units of the year are approved. Until all of them are, the
 * share is provisional: it can only grow as approvals come in (an unapproved unit counts in
 * the denominator, never in the numerator), so it never overstates the city.
 */
export interface RecordableShare extends Share {
  /** Managing units with at least one unit with a group that year. */
  managingUnits: number;
  /** Of which approved by Sở Tài chính for the year. */
  approvedManagingUnits: number;
  /** Not every managing unit of the year is approved yet (also when none is). */
  provisional: boolean;
}

/** The city-wide share to record for `year` over the facts given (pass the whole register). */
export function recordableShare(facts: readonly UnitYearFacts[], year: number): RecordableShare {
  let counted = 0;
  let autonomous = 0;
  const managing = new Set<string>();
  const approvedManaging = new Set<string>();
  for (const fact of facts) {
    if (fact.year !== year || !isAutonomyGroup(fact.group)) continue;
    counted += 1;
    managing.add(fact.managingUnitCode);
    if (!fact.approved) continue;
    approvedManaging.add(fact.managingUnitCode);
    if (isAutonomous(fact.group)) autonomous += 1;
  }
  return {
    counted,
    autonomous,
    share: counted === 0 ? null : roundPercent((autonomous / counted) * 100),
    managingUnits: managing.size,
    approvedManagingUnits: approvedManaging.size,
    provisional: approvedManaging.size < managing.size,
  };
}

/** What a recorded share rests on, as the core target shows it: "đã duyệt 4/17 đơn vị chủ quản". */
export function approvalBasis(share: Pick<RecordableShare, 'managingUnits' | 'approvedManagingUnits'>, locale: 'vi' | 'en'): string {
  const counts = `${share.approvedManagingUnits}/${share.managingUnits}`;
  return locale === 'vi' ? `đã duyệt ${counts} đơn vị chủ quản` : `approved ${counts} managing units`;
}

/**
 * The units whose group does not match their figures among the managing units being approved
 * (`codes`; undefined: every managing unit), for the approval dialog's warning.
 */
export function mismatchesToApprove(rows: ReadonlyArray<{ managingUnit: { code: string }; mismatches: number }>, codes: readonly string[] | undefined): number {
  const wanted = codes ? new Set(codes) : null;
  return rows.reduce((sum, row) => (wanted === null || wanted.has(row.managingUnit.code) ? sum + row.mismatches : sum), 0);
}

export interface YearSummary {
  year: number;
  /** Every group entered, approved or not (provisional). */
  entered: Share;
  /** Only the approved classifications, over the approved units alone (what each approved managing unit reached). */
  approved: Share;
  /** What approving records on the core target: approved units in groups 1-2 over every unit with a group. */
  recordable: RecordableShare;
  /** What the roadmap promises: share of units planned in groups 1-2, among units with a plan. */
  planned: Share;
  byGroup: [number, number, number, number];
  behind: number;
}

/** The summary of one year over the facts given (all of them: filter by managing unit first). */
export function summarizeYear(facts: readonly UnitYearFacts[], year: number): YearSummary {
  const rows = facts.filter((f) => f.year === year);
  return {
    year,
    entered: autonomousShare(rows.map((r) => r.group)),
    approved: autonomousShare(rows.filter((r) => r.approved).map((r) => r.group)),
    recordable: recordableShare(rows, year),
    planned: autonomousShare(rows.map((r) => r.plannedGroup)),
    byGroup: countByGroup(rows.map((r) => r.group)),
    behind: rows.filter((r) => isBehindRoadmap(r.plannedGroup, r.group)).length,
  };
}

/** Summaries per managing unit (in first-seen order), for one year. */
export function summarizeByManagingUnit(facts: readonly UnitYearFacts[], year: number): Map<string, YearSummary> {
  const groups = new Map<string, UnitYearFacts[]>();
  for (const fact of facts) {
    const list = groups.get(fact.managingUnitCode);
    if (list) list.push(fact);
    else groups.set(fact.managingUnitCode, [fact]);
  }
  const out = new Map<string, YearSummary>();
  for (const [code, list] of groups) out.set(code, summarizeYear(list, year));
  return out;
}

/**
 * The date a year's city-wide share is recorded on the core target: the last day of the
 * year (so a trend over yearly values projects one year per year), or today while the year
 * is still running (a measurement in the future would not count in the forecast yet).
 */
export function measurementDateForYear(year: number, today: string): string {
  const yearEnd = `${String(year).padStart(4, '0')}-12-31`;
  return today < yearEnd ? today : yearEnd;
}

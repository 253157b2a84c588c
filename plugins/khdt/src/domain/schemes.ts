/**
 * Business-support schemes (Đề án, Kế hoạch hỗ trợ doanh nghiệp, §5.1 of directive 2458): what a
 * scheme holds and when it is behind plan. Pure: no database, no clock (today is passed in).
 *
 * A scheme is behind plan when its disbursement, or its beneficiaries reached, are below the
 * pro-rata share of its period that has passed by more than the margin (percentage points): a
 * scheme of 1/1 to 31/12 with half the year gone and a 10-point margin is behind below 40%.
 */
import { daysBetween, type IsoDate, type Label } from '@dondoc/plugin-sdk/web';

export const SCHEME_STATUSES = ['preparing', 'in_progress', 'completed', 'suspended'] as const;
export type SchemeStatus = (typeof SCHEME_STATUSES)[number];

/** The margin (percentage points) a scheme may trail its period's share before it is flagged. */
export const DEFAULT_BEHIND_MARGIN = 10;

export const MAX_NAME = 500;
export const MAX_TEXT = 5000;
/** Budgets in millions of đồng (triệu đồng), as the UBND's decisions state them. */
export const MAX_BUDGET = 100_000_000;
export const MAX_BENEFICIARIES = 10_000_000;

export interface SchemeFigures {
  startOn: IsoDate;
  endOn: IsoDate;
  status: SchemeStatus;
  budgetAllocated: number;
  budgetDisbursed: number;
  beneficiaryTarget: number | null;
  beneficiaryActual: number | null;
  /** The scheme's own margin (null: the default). */
  marginPct?: number | null;
}

export type BehindReason = 'disbursement' | 'beneficiaries';

export interface SchemeProgress {
  /** Share of the scheme's period passed at `today`, 0–100 (two decimals). */
  elapsedPercent: number;
  /** Disbursed ÷ allocated × 100 (null: nothing allocated). */
  disbursedPercent: number | null;
  /** Reached ÷ target × 100 (null: no target). */
  beneficiariesPercent: number | null;
  /** What the pro-rata share would have disbursed by now (millions). */
  expectedDisbursed: number;
  margin: number;
  /** The reasons it is behind plan ([]: on plan, or not running). */
  behind: BehindReason[];
  isBehind: boolean;
}

const round2 = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

/** The share (0–1) of the period from `startOn` to `endOn` passed at `today`: 0 before it starts, 1 from its last day. */
export function elapsedShare(startOn: IsoDate, endOn: IsoDate, today: IsoDate): number {
  const length = daysBetween(startOn, endOn);
  if (length <= 0) return today >= endOn ? 1 : 0;
  const passed = daysBetween(startOn, today);
  return Math.min(1, Math.max(0, passed / length));
}

/** Only a scheme being carried out (or still preparing once its period has begun) can be behind plan. */
const RUNNING: readonly SchemeStatus[] = ['preparing', 'in_progress'];

export function schemeProgress(scheme: SchemeFigures, today: IsoDate, defaultMargin = DEFAULT_BEHIND_MARGIN): SchemeProgress {
  const margin = scheme.marginPct ?? defaultMargin;
  const elapsed = elapsedShare(scheme.startOn, scheme.endOn, today) * 100;
  const disbursedPercent = scheme.budgetAllocated > 0 ? round2((scheme.budgetDisbursed / scheme.budgetAllocated) * 100) : null;
  const beneficiariesPercent = scheme.beneficiaryTarget !== null && scheme.beneficiaryTarget > 0 ? round2(((scheme.beneficiaryActual ?? 0) / scheme.beneficiaryTarget) * 100) : null;
  const trails = (percent: number | null) => percent !== null && elapsed - percent > margin + 1e-9;
  const behind: BehindReason[] = [];
  if (RUNNING.includes(scheme.status)) {
    if (trails(disbursedPercent)) behind.push('disbursement');
    if (trails(beneficiariesPercent)) behind.push('beneficiaries');
  }
  return {
    elapsedPercent: round2(elapsed),
    disbursedPercent,
    beneficiariesPercent,
    expectedDisbursed: round2((scheme.budgetAllocated * elapsed) / 100),
    margin,
    behind,
    isBehind: behind.length > 0,
  };
}

export interface SchemeProblem {
  /** The field the problem is shown on. */
  field: 'endOn' | 'budgetDisbursed' | 'beneficiaryTarget';
  message: Label;
}

/** A scheme's figures that cannot hold together, or [] (the inputs' and the import's check). */
export function schemeProblems(scheme: Pick<SchemeFigures, 'startOn' | 'endOn' | 'budgetAllocated' | 'budgetDisbursed' | 'beneficiaryTarget' | 'beneficiaryActual'>): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  if (scheme.endOn < scheme.startOn) problems.push({ field: 'endOn', message: { vi: 'Ngày kết thúc không được trước ngày bắt đầu.', en: 'The end date cannot be before the start date.' } });
  if (scheme.budgetDisbursed > scheme.budgetAllocated + 1e-9) problems.push({ field: 'budgetDisbursed', message: { vi: 'Số đã giải ngân không được vượt kinh phí được giao.', en: 'The amount disbursed cannot exceed the budget allocated.' } });
  if (scheme.beneficiaryActual !== null && scheme.beneficiaryTarget === null) problems.push({ field: 'beneficiaryTarget', message: { vi: 'Có số đối tượng thụ hưởng thực tế thì phải có chỉ tiêu.', en: 'An actual number of beneficiaries needs a target.' } });
  return problems;
}

export interface SchemeSummary {
  total: number;
  running: number;
  behind: number;
  budgetAllocated: number;
  budgetDisbursed: number;
  /** Disbursed ÷ allocated × 100 over every scheme (null: nothing allocated). */
  disbursedPercent: number | null;
  openObstacles: number;
  escalated: number;
}

/** The figures of a list of schemes (the list's header, the overview widget, the export's footer). */
export function summarizeSchemes(rows: ReadonlyArray<SchemeFigures & { progress: SchemeProgress; openObstacles: number; escalated: number }>): SchemeSummary {
  const allocated = rows.reduce((sum, r) => sum + r.budgetAllocated, 0);
  const disbursed = rows.reduce((sum, r) => sum + r.budgetDisbursed, 0);
  return {
    total: rows.length,
    running: rows.filter((r) => RUNNING.includes(r.status)).length,
    behind: rows.filter((r) => r.progress.isBehind).length,
    budgetAllocated: round2(allocated),
    budgetDisbursed: round2(disbursed),
    disbursedPercent: allocated > 0 ? round2((disbursed / allocated) * 100) : null,
    openObstacles: rows.reduce((sum, r) => sum + r.openObstacles, 0),
    escalated: rows.reduce((sum, r) => sum + r.escalated, 0),
  };
}

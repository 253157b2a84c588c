/**
 * Financial autonomy of public service units (đơn vị sự nghiệp công lập), Decree 60/2021/NĐ-CP.
 *
 * Four groups:
 * 1. covers its recurrent AND investment spending itself (tự bảo đảm chi thường xuyên và chi đầu tư);
 * 2. covers its recurrent spending (tự bảo đảm chi thường xuyên);
 * 3. covers part of its recurrent spending, from 10% to under 100% (tự bảo đảm một phần);
 * 4. recurrent spending funded by the state budget (do Nhà nước bảo đảm), under 10%.
 *
 * Autonomy level (mức tự bảo đảm chi thường xuyên, %) = A ÷ B × 100, where A is the unit's
 * revenues and B its recurrent spending, both from the budget estimate.
 *
 * THE RULE THIS MODULE APPLIES (only A and B are known, not the investment figures):
 * - level ≥ 100% and the unit is marked "investment covered" (tự bảo đảm chi đầu tư) → group 1;
 * - level ≥ 100% otherwise → group 2;
 * - 10% ≤ level < 100% → group 3;
 * - level < 10% → group 4;
 * - no level (A or B missing, B = 0) → no implied group: the figures cannot be checked.
 *
 * The level is computed exactly on the amounts in cents and TRUNCATED (not rounded) to two
 * decimals: 99.999…% is shown as 99.99% and is group 3, so a shown level never crosses a
 * threshold the exact figures did not reach. Amounts are rounded to whole cents (2 decimals)
 * and must lie in [0, MAX_AMOUNT], where the integer arithmetic is exact.
 */

export const AUTONOMY_GROUPS = [1, 2, 3, 4] as const;
export type AutonomyGroup = (typeof AUTONOMY_GROUPS)[number];

/** Groups counted as "financially autonomous" by the 20% target of directive 2458 (DOMAIN.md). */
export const AUTONOMOUS_GROUPS: readonly AutonomyGroup[] = [1, 2];

/** Largest amount accepted for A or B (90 000 billion đồng): cents stay exact below 2^53. */
export const MAX_AMOUNT = 90_000_000_000_000;

/** Level thresholds, in percent. */
export const FULL_COVERAGE_LEVEL = 100;
export const PARTIAL_COVERAGE_LEVEL = 10;

export function isAutonomyGroup(value: unknown): value is AutonomyGroup {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

export function isAutonomous(group: AutonomyGroup | null | undefined): boolean {
  return group === 1 || group === 2;
}

/** A valid amount for A or B: a finite number in [0, MAX_AMOUNT]. */
export function isValidAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_AMOUNT;
}

/** An amount rounded to whole cents (two decimals), as stored. */
export function roundAmount(value: number): number {
  return Math.round(value * 100) / 100;
}

function cents(value: number): bigint {
  return BigInt(Math.round(value * 100));
}

/**
 * Autonomy level A ÷ B × 100 in percent, truncated to two decimals; null when A or B is
 * missing or invalid, or B is 0 (no recurrent spending: the ratio is undefined).
 */
export function autonomyLevel(revenueA: number | null | undefined, spendingB: number | null | undefined): number | null {
  if (!isValidAmount(revenueA) || !isValidAmount(spendingB)) return null;
  const b = cents(spendingB);
  if (b === 0n) return null;
  // Hundredths of a percent: A/B × 100 × 100, by integer division (truncation).
  const hundredths = (cents(revenueA) * 10_000n) / b;
  return Number(hundredths) / 100;
}

/** The group a level implies (see the rule at the top of this file). */
export function groupForLevel(level: number | null, investmentCovered = false): AutonomyGroup | null {
  if (level === null || !Number.isFinite(level)) return null;
  if (level >= FULL_COVERAGE_LEVEL) return investmentCovered ? 1 : 2;
  if (level >= PARTIAL_COVERAGE_LEVEL) return 3;
  return 4;
}

export interface ClassificationFigures {
  /** The group the unit entered (its classification); null when not classified that year. */
  group: AutonomyGroup | null;
  revenueA: number | null;
  spendingB: number | null;
  investmentCovered: boolean;
}

/**
 * - `ok`: the figures imply the entered group;
 * - `mismatch`: they imply another group (shown to the unit and to Sở Tài chính);
 * - `undetermined`: a group is entered but the level cannot be computed (A or B missing, B = 0);
 * - `unclassified`: no group entered for the year.
 */
export type ClassificationStatus = 'ok' | 'mismatch' | 'undetermined' | 'unclassified';

export interface ClassificationCheck {
  level: number | null;
  impliedGroup: AutonomyGroup | null;
  status: ClassificationStatus;
}

/** Computes the level and the implied group, and checks them against the entered group. */
export function checkClassification(figures: ClassificationFigures): ClassificationCheck {
  const level = autonomyLevel(figures.revenueA, figures.spendingB);
  const impliedGroup = groupForLevel(level, figures.investmentCovered);
  let status: ClassificationStatus;
  if (figures.group === null) status = 'unclassified';
  else if (impliedGroup === null) status = 'undetermined';
  else status = impliedGroup === figures.group ? 'ok' : 'mismatch';
  return { level, impliedGroup, status };
}

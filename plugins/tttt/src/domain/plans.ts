/**
 * Digital-transformation plans (kế hoạch chuyển đổi số), pure rules: how a unit's plan for a year
 * moves between states, whether it holds what Plan 64/KH-UBND (01/3/2023) requires, and the share
 * of units with an approved plan recorded on the module's target (directive 2458/UBND-SNV, §4).
 */
import { ratioPercent } from '@dondoc/plugin-sdk';

export { PLAN_TARGET_CODE, PLAN_TARGET_YEAR } from './target.ts';

/**
 * `draft`: saved by the unit, not sent (the unit counts as "not submitted"); `submitted`: sent to
 * Sở TT&TT; `returned`: sent back with reasons, to revise and resubmit; `approved`: accepted.
 */
export const PLAN_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export type PlanAction = 'save' | 'submit' | 'return' | 'approve';

/** Why an action is refused: the plan is in a state that does not allow it, or a return has no reason. */
export type PlanRefusal = { refused: 'state'; state: PlanState | null; action: PlanAction } | { refused: 'reason' };

/**
 * The state a plan moves to when `action` is taken on it (`current` null: the unit has no plan yet).
 * - The unit saves (`save`) or sends (`submit`) its plan while it is not yet with Sở TT&TT: none,
 *   draft or returned (a resubmission after a return). A submitted or approved plan is frozen.
 * - Sở TT&TT returns (`return`, with at least one non-blank reason) or approves (`approve`) a
 *   submitted plan only.
 */
export function planTransition(current: PlanState | null, action: PlanAction, reasons: readonly string[] = []): { state: PlanState } | PlanRefusal {
  const editable = current === null || current === 'draft' || current === 'returned';
  switch (action) {
    case 'save':
      // A returned plan being revised stays returned until it is sent again: the reasons stay visible.
      return editable ? { state: current === 'returned' ? 'returned' : 'draft' } : { refused: 'state', state: current, action };
    case 'submit':
      return editable ? { state: 'submitted' } : { refused: 'state', state: current, action };
    case 'return':
      if (current !== 'submitted') return { refused: 'state', state: current, action };
      return reasons.some((reason) => reason.trim().length > 0) ? { state: 'returned' } : { refused: 'reason' };
    case 'approve':
      return current === 'submitted' ? { state: 'approved' } : { refused: 'state', state: current, action };
  }
}

/** One content Plan 64 requires of a unit's plan (the list Sở TT&TT keeps). */
export interface RequiredContent {
  code: string;
  title: string;
  /** Retired contents stay for the plans that cited them, but are no longer required. */
  active: boolean;
}

export interface ContentCheck {
  /** Required contents the plan covers, in the list's order. */
  covered: string[];
  /** Required contents the plan does not cover, in the list's order. */
  missing: string[];
  /** Codes the plan cites that are not (or no longer) required: kept, not counted. */
  extra: string[];
  complete: boolean;
}

/** Checks the contents a plan says it covers against the active required contents. */
export function checkContents(required: readonly RequiredContent[], planCodes: readonly string[]): ContentCheck {
  const cited = new Set(planCodes);
  const active = required.filter((content) => content.active).map((content) => content.code);
  const activeSet = new Set(active);
  const covered = active.filter((code) => cited.has(code));
  const missing = active.filter((code) => !cited.has(code));
  const extra = [...cited].filter((code) => !activeSet.has(code)).sort();
  return { covered, missing, extra, complete: missing.length === 0 };
}

/** A unit of the city as the core lists it. */
export interface CityUnit {
  code: string;
  name: string;
  kind: 'ubnd' | 'department' | 'district';
}

/**
 * The units that must submit a plan: every department (sở, ban, ngành) and every district (quận,
 * huyện, thị xã), as §4 of the directive says ("đôn đốc các Sở, ban, ngành, UBND quận, huyện, thị
 * xã xây dựng kế hoạch chuyển đổi số"). The UBND Thành phố itself is not one of them. Sở TT&TT
 * is a department and submits its own plan too.
 */
export function unitsOwingPlan<U extends CityUnit>(units: readonly U[]): U[] {
  return units.filter((unit) => unit.kind === 'department' || unit.kind === 'district');
}

export interface PlanShare {
  /** Units owing a plan whose plan for the year is approved. */
  approved: number;
  /** Units owing a plan (the denominator). */
  owing: number;
  /** approved ÷ owing × 100, two decimals (the core's rule); null when no unit owes one. */
  percent: number | null;
  /** Units owing a plan without an approved one, in the order given, with their plan's state (null: none). */
  without: Array<{ code: string; name: string; state: PlanState | null }>;
}

/** The share of units with an approved plan for the year, over the units that owe one. */
export function planShare(units: readonly CityUnit[], plans: ReadonlyMap<string, PlanState>): PlanShare {
  const owing = unitsOwingPlan(units);
  const without = owing.filter((unit) => plans.get(unit.code) !== 'approved').map((unit) => ({ code: unit.code, name: unit.name, state: plans.get(unit.code) ?? null }));
  const approved = owing.length - without.length;
  return { approved, owing: owing.length, percent: owing.length === 0 ? null : ratioPercent(approved, owing.length), without };
}

/** What a recorded share rests on, as the core target shows it: "đã duyệt 3/42 đơn vị". */
export function shareBasis(share: PlanShare, year: number): string {
  return `Kế hoạch chuyển đổi số năm ${year}: đã phê duyệt ${share.approved}/${share.owing} đơn vị`;
}

/**
 * Simplification plans (phương án cắt giảm, đơn giản hóa TTHC) and the two shares directive
 * 2458 §1 sets for 2025: at least 20% of internal procedures cut or simplified, and at least
 * 20% of compliance cost cut (Resolution 68/NQ-CP's measure).
 *
 * What counts (the same city-wide and per owner department):
 * - Internal procedures cut: numerator = internal procedures (kind `internal`) of the catalogue
 *   with a plan approved or implemented by the Văn phòng; denominator = every internal procedure
 *   in the catalogue (the list the cuts are measured against). A procedure counts once.
 * - Compliance cost cut: numerator = Σ (cost before − cost after) of the approved or implemented
 *   plans (a cut procedure's cost after is 0; a plan that would raise the cost saves 0);
 *   denominator = Σ of every catalogued procedure's compliance cost a year, taking a counted
 *   plan's cost before for its procedure (the figure the saving is measured from), else the
 *   catalogue's cost (a procedure without a cost adds 0).
 * A share counting approved plans not yet implemented is provisional: it holds once they are.
 */
import { groupSorted } from './group.ts';
import type { ProcedureKind } from './procedures.ts';

export const PLAN_ACTIONS = ['cut', 'simplify'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];
/** proposed (by the owner department) → approved (Văn phòng) → implemented; returned goes back to the owner. */
export const PLAN_STATUSES = ['proposed', 'returned', 'approved', 'implemented'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export type PlanTransition = 'propose' | 'return' | 'approve' | 'implement';

/** The status a transition leads to from `from`, or null when it is not allowed. */
export function nextPlanStatus(from: PlanStatus, transition: PlanTransition): PlanStatus | null {
  switch (transition) {
    case 'propose':
      return from === 'returned' ? 'proposed' : null;
    case 'return':
      return from === 'proposed' || from === 'approved' ? 'returned' : null;
    case 'approve':
      return from === 'proposed' ? 'approved' : null;
    case 'implement':
      return from === 'approved' ? 'implemented' : null;
  }
}

/** The owner department edits its plan only before the Văn phòng approves it. */
export function planEditable(status: PlanStatus): boolean {
  return status === 'proposed' || status === 'returned';
}

/** Plans counted in the shares. */
export function planCounts(status: PlanStatus): boolean {
  return status === 'approved' || status === 'implemented';
}

export interface CatalogueEntry {
  code: string;
  ownerUnitCode: string;
  kind: ProcedureKind;
  /** Compliance cost a year (thousand đồng), or null when not costed. */
  complianceCost: number | null;
}

export interface PlanFacts {
  procedureCode: string;
  status: PlanStatus;
  action: PlanAction;
  costBefore: number;
  costAfter: number;
}

export interface Share {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator × 100 to two decimals; null when the denominator is 0. */
  percent: number | null;
}

export interface CutShares {
  internal: Share;
  cost: Share;
  /** Approved plans counted but not implemented yet. */
  pendingImplementation: number;
  /** Plans counted (approved or implemented). */
  counted: number;
  /** True when some counted plan is approved but not implemented. */
  provisional: boolean;
}

/** numerator ÷ denominator × 100, rounded to two decimals half away from zero (as the core checks). */
export function percentOf(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round(((numerator / denominator) * 100 + Number.EPSILON) * 100) / 100;
}

/** What a plan saves a year: nothing when it would raise the cost; all of it when the procedure is cut. */
export function planSaving(plan: Pick<PlanFacts, 'action' | 'costBefore' | 'costAfter'>): number {
  const after = plan.action === 'cut' ? 0 : plan.costAfter;
  return Math.max(0, plan.costBefore - after);
}

/** The shares over the given catalogue and plans (plans of procedures outside it are ignored). */
export function cutShares(catalogue: readonly CatalogueEntry[], plans: readonly PlanFacts[]): CutShares {
  const counted = new Map<string, PlanFacts>();
  for (const plan of plans) if (planCounts(plan.status)) counted.set(plan.procedureCode, plan);
  let internalTotal = 0;
  let internalCut = 0;
  let costBase = 0;
  let saved = 0;
  let pending = 0;
  let countedPlans = 0;
  for (const procedure of catalogue) {
    const plan = counted.get(procedure.code);
    if (procedure.kind === 'internal') {
      internalTotal += 1;
      if (plan) internalCut += 1;
    }
    if (plan) {
      countedPlans += 1;
      if (plan.status === 'approved') pending += 1;
      costBase += plan.costBefore;
      saved += planSaving(plan);
    } else {
      costBase += procedure.complianceCost ?? 0;
    }
  }
  return {
    internal: { numerator: internalCut, denominator: internalTotal, percent: percentOf(internalCut, internalTotal) },
    cost: { numerator: saved, denominator: costBase, percent: percentOf(saved, costBase) },
    pendingImplementation: pending,
    counted: countedPlans,
    provisional: pending > 0,
  };
}

/** The shares per owner department, by unit code (departments with no procedure are absent). */
export function cutSharesByUnit(catalogue: readonly CatalogueEntry[], plans: readonly PlanFacts[]): Map<string, CutShares> {
  return new Map(groupSorted(catalogue, (procedure) => procedure.ownerUnitCode).map(([unitCode, list]) => [unitCode, cutShares(list, plans)]));
}

/** A plan's figures: costs and days not negative; a cut leaves no cost and no processing time. */
export function planProblem(plan: { action: PlanAction; costBefore: number; costAfter: number; daysBefore: number | null; daysAfter: number | null }): { vi: string; en: string } | null {
  if (plan.action === 'cut' && plan.costAfter !== 0) return { vi: 'Bãi bỏ thủ tục thì chi phí sau cắt giảm phải bằng 0.', en: 'A cut procedure leaves no cost: the cost after must be 0.' };
  if (plan.action === 'simplify' && plan.costAfter > plan.costBefore) {
    return { vi: 'Chi phí sau đơn giản hóa không được lớn hơn chi phí trước.', en: 'The cost after simplification cannot exceed the cost before.' };
  }
  if (plan.daysBefore !== null && plan.daysAfter !== null && plan.daysAfter > plan.daysBefore) {
    return { vi: 'Thời gian giải quyết sau không được dài hơn trước.', en: 'The processing time after cannot be longer than before.' };
  }
  return null;
}

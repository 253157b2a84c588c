import { round } from './stats.ts';

export interface Budget {
  id: string;
  description: string;
  metric: string;
  op: '<=' | '>=';
  limit: number;
  unit: string;
}

export interface BudgetOutcome extends Budget {
  value: number | null;
  met: boolean | null;
  /** How far past the limit (in the budget's unit), when missed. */
  missedBy: number | null;
  /** value / limit. */
  ofLimit: number | null;
}

function lookup(results: unknown, path: string): number | null {
  let node: unknown = results;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : null;
}

export function evaluateBudgets(budgets: Budget[], results: unknown): BudgetOutcome[] {
  return budgets.map((budget) => {
    const value = lookup(results, budget.metric);
    if (value === null) return { ...budget, value, met: null, missedBy: null, ofLimit: null };
    const met = budget.op === '<=' ? value <= budget.limit : value >= budget.limit;
    return {
      ...budget,
      value,
      met,
      missedBy: met ? null : round(Math.abs(value - budget.limit), 2),
      ofLimit: round(value / budget.limit, 2),
    };
  });
}

import { describe, expect, it } from 'vitest';
import { groupSorted } from './group.ts';
import { cutShares, cutSharesByUnit, nextPlanStatus, percentOf, planCounts, planEditable, planProblem, planSaving, type CatalogueEntry, type PlanFacts } from './simplification.ts';

const proc = (code: string, ownerUnitCode: string, kind: 'internal' | 'external', complianceCost: number | null): CatalogueEntry => ({ code, ownerUnitCode, kind, complianceCost });
const plan = (procedureCode: string, status: PlanFacts['status'], action: PlanFacts['action'], costBefore: number, costAfter: number): PlanFacts => ({ procedureCode, status, action, costBefore, costAfter });

describe('plan workflow', () => {
  it('proposed → approved → implemented; the Văn phòng returns a proposed or approved plan; a returned one is proposed again', () => {
    expect(nextPlanStatus('proposed', 'approve')).toBe('approved');
    expect(nextPlanStatus('approved', 'implement')).toBe('implemented');
    expect(nextPlanStatus('proposed', 'return')).toBe('returned');
    expect(nextPlanStatus('approved', 'return')).toBe('returned');
    expect(nextPlanStatus('returned', 'propose')).toBe('proposed');
  });

  it('refuses skipping or undoing a step', () => {
    expect(nextPlanStatus('proposed', 'implement')).toBeNull();
    expect(nextPlanStatus('returned', 'approve')).toBeNull();
    expect(nextPlanStatus('implemented', 'return')).toBeNull();
    expect(nextPlanStatus('implemented', 'approve')).toBeNull();
    expect(nextPlanStatus('approved', 'approve')).toBeNull();
    expect(nextPlanStatus('proposed', 'propose')).toBeNull();
  });

  it('the owner edits only before approval; only approved and implemented plans count', () => {
    expect(['proposed', 'returned', 'approved', 'implemented'].map((s) => planEditable(s as PlanFacts['status']))).toEqual([true, true, false, false]);
    expect(['proposed', 'returned', 'approved', 'implemented'].map((s) => planCounts(s as PlanFacts['status']))).toEqual([false, false, true, true]);
  });
});

describe('shares of the cuts', () => {
  // Sở Xây dựng: 4 internal procedures and 1 external; Sở Tài chính: 1 internal.
  const catalogue = [
    proc('XD-N1', 'SXD', 'internal', 100),
    proc('XD-N2', 'SXD', 'internal', 200),
    proc('XD-N3', 'SXD', 'internal', null),
    proc('XD-N4', 'SXD', 'internal', 300),
    proc('XD-B1', 'SXD', 'external', 400),
    proc('TC-N1', 'STC', 'internal', 1000),
  ];
  const plans = [
    plan('XD-N1', 'implemented', 'cut', 100, 0), // saves 100
    plan('XD-N2', 'approved', 'simplify', 250, 150), // saves 100, base 250 instead of the catalogue's 200
    plan('XD-B1', 'implemented', 'simplify', 400, 300), // external: cost only, saves 100
    plan('XD-N4', 'proposed', 'cut', 300, 0), // not counted yet
    plan('TC-N1', 'returned', 'cut', 1000, 0), // not counted
    plan('ZZ-99', 'approved', 'cut', 999, 0), // not in the catalogue: ignored
  ];

  it('city-wide: internal cut = counted internal procedures ÷ every internal procedure; cost = savings ÷ the whole cost base', () => {
    const shares = cutShares(catalogue, plans);
    // Internal: XD-N1 and XD-N2 of 5 internal procedures.
    expect(shares.internal).toEqual({ numerator: 2, denominator: 5, percent: 40 });
    // Cost base: 100 + 250 + 0 + 300 + 400 + 1000 = 2050; saved 100 + 100 + 100 = 300 → 14.63%.
    expect(shares.cost).toEqual({ numerator: 300, denominator: 2050, percent: 14.63 });
    expect(shares).toMatchObject({ counted: 3, pendingImplementation: 1, provisional: true });
  });

  it('per department', () => {
    const byUnit = cutSharesByUnit(catalogue, plans);
    expect([...byUnit.keys()]).toEqual(['STC', 'SXD']);
    expect(byUnit.get('SXD')?.internal).toEqual({ numerator: 2, denominator: 4, percent: 50 });
    expect(byUnit.get('SXD')?.cost).toEqual({ numerator: 300, denominator: 1050, percent: 28.57 });
    expect(byUnit.get('STC')).toEqual({ internal: { numerator: 0, denominator: 1, percent: 0 }, cost: { numerator: 0, denominator: 1000, percent: 0 }, counted: 0, pendingImplementation: 0, provisional: false });
  });

  it('no internal procedure or no cost: the share is null, not 0 or NaN', () => {
    const shares = cutShares([proc('B', 'SXD', 'external', null)], []);
    expect(shares.internal).toEqual({ numerator: 0, denominator: 0, percent: null });
    expect(shares.cost).toEqual({ numerator: 0, denominator: 0, percent: null });
    expect(cutShares([], [])).toMatchObject({ counted: 0, provisional: false });
  });

  it('every plan implemented: not provisional; everything cut: 100%', () => {
    const all = cutShares([proc('A', 'SXD', 'internal', 50)], [plan('A', 'implemented', 'cut', 50, 0)]);
    expect(all).toMatchObject({ internal: { percent: 100 }, cost: { percent: 100 }, provisional: false });
  });

  it('a plan’s saving: a cut saves all, a simplification the difference, never below 0', () => {
    expect(planSaving({ action: 'cut', costBefore: 80, costAfter: 30 })).toBe(80);
    expect(planSaving({ action: 'simplify', costBefore: 80, costAfter: 30 })).toBe(50);
    expect(planSaving({ action: 'simplify', costBefore: 80, costAfter: 90 })).toBe(0);
  });

  it('rounds as the core checks a measurement: half away from zero, two decimals', () => {
    expect(percentOf(1, 3)).toBe(33.33);
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(0, 0)).toBeNull();
  });

  it('checks a plan’s figures', () => {
    expect(planProblem({ action: 'cut', costBefore: 10, costAfter: 0, daysBefore: 10, daysAfter: 0 })).toBeNull();
    expect(planProblem({ action: 'cut', costBefore: 10, costAfter: 1, daysBefore: null, daysAfter: null })?.vi).toBe('Bãi bỏ thủ tục thì chi phí sau cắt giảm phải bằng 0.');
    expect(planProblem({ action: 'simplify', costBefore: 10, costAfter: 11, daysBefore: null, daysAfter: null })?.en).toBe('The cost after simplification cannot exceed the cost before.');
    expect(planProblem({ action: 'simplify', costBefore: 10, costAfter: 5, daysBefore: 5, daysAfter: 6 })?.en).toBe('The processing time after cannot be longer than before.');
    expect(planProblem({ action: 'simplify', costBefore: 10, costAfter: 10, daysBefore: 5, daysAfter: 5 })).toBeNull();
  });
});

describe('grouping by unit', () => {
  it('keeps every item, in unit order, each group in input order', () => {
    expect(groupSorted([{ u: 'SXD', n: 1 }, { u: 'Q001', n: 2 }, { u: 'SXD', n: 3 }], (x) => x.u)).toEqual([
      ['Q001', [{ u: 'Q001', n: 2 }]],
      ['SXD', [{ u: 'SXD', n: 1 }, { u: 'SXD', n: 3 }]],
    ]);
    expect(groupSorted([], (x: { u: string }) => x.u)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { elapsedShare, schemeProblems, schemeProgress, summarizeSchemes, type SchemeFigures } from './schemes.ts';

/** A scheme of the whole of 2026 (364 days from 1/1 to 31/12), 1 000 million allocated, 200 firms to support. */
const base: SchemeFigures = {
  startOn: '2026-01-01',
  endOn: '2026-12-31',
  status: 'in_progress',
  budgetAllocated: 1000,
  budgetDisbursed: 500,
  beneficiaryTarget: 200,
  beneficiaryActual: 100,
};
/** 182 of 364 days: exactly half the period. */
const HALF = '2026-07-02';

describe('elapsedShare', () => {
  it('is 0 before and on the first day, 1 on and after the last, pro rata between', () => {
    expect(elapsedShare('2026-01-01', '2026-12-31', '2025-12-01')).toBe(0);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2026-01-01')).toBe(0);
    expect(elapsedShare('2026-01-01', '2026-12-31', HALF)).toBe(0.5);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2026-12-31')).toBe(1);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2027-06-01')).toBe(1);
  });
  it('a one-day period (or a reversed one) is wholly passed from its end', () => {
    expect(elapsedShare('2026-05-05', '2026-05-05', '2026-05-04')).toBe(0);
    expect(elapsedShare('2026-05-05', '2026-05-05', '2026-05-05')).toBe(1);
    expect(elapsedShare('2026-05-05', '2026-05-01', '2026-04-30')).toBe(0);
    expect(elapsedShare('2026-05-05', '2026-05-01', '2026-05-03')).toBe(1);
  });
});

describe('schemeProgress: behind plan', () => {
  it('on plan at half the period with half disbursed and half the beneficiaries', () => {
    expect(schemeProgress(base, HALF)).toEqual({ elapsedPercent: 50, disbursedPercent: 50, beneficiariesPercent: 50, expectedDisbursed: 500, margin: 10, behind: [], isBehind: false });
  });
  it('trailing by exactly the margin is not behind; by more is', () => {
    expect(schemeProgress({ ...base, budgetDisbursed: 400 }, HALF).behind).toEqual([]);
    expect(schemeProgress({ ...base, budgetDisbursed: 399.9 }, HALF).behind).toEqual(['disbursement']);
    expect(schemeProgress({ ...base, beneficiaryActual: 79 }, HALF).behind).toEqual(['beneficiaries']);
    expect(schemeProgress({ ...base, budgetDisbursed: 100, beneficiaryActual: 10 }, HALF)).toMatchObject({ behind: ['disbursement', 'beneficiaries'], isBehind: true, disbursedPercent: 10, beneficiariesPercent: 5 });
  });
  it('the scheme’s own margin replaces the default; the caller may set the default', () => {
    const low = { ...base, budgetDisbursed: 300 };
    expect(schemeProgress(low, HALF).isBehind).toBe(true);
    expect(schemeProgress({ ...low, marginPct: 25 }, HALF)).toMatchObject({ isBehind: false, margin: 25 });
    expect(schemeProgress(low, HALF, 20).isBehind).toBe(false);
    expect(schemeProgress({ ...low, marginPct: 0 }, HALF, 50).margin).toBe(0);
  });
  it('before its period nothing is behind; after it, anything short of the margin below 100% is', () => {
    expect(schemeProgress({ ...base, budgetDisbursed: 0, beneficiaryActual: 0 }, '2025-12-31').isBehind).toBe(false);
    expect(schemeProgress({ ...base, budgetDisbursed: 0, beneficiaryActual: 0 }, '2026-01-01').isBehind).toBe(false);
    expect(schemeProgress({ ...base, budgetDisbursed: 900, beneficiaryActual: 180 }, '2027-03-01').behind).toEqual([]);
    expect(schemeProgress({ ...base, budgetDisbursed: 899, beneficiaryActual: 180 }, '2027-03-01').behind).toEqual(['disbursement']);
  });
  it('a completed or suspended scheme is not flagged; one still preparing after its start is', () => {
    const low = { ...base, budgetDisbursed: 0, beneficiaryActual: 0 };
    expect(schemeProgress({ ...low, status: 'completed' }, HALF).isBehind).toBe(false);
    expect(schemeProgress({ ...low, status: 'suspended' }, HALF).isBehind).toBe(false);
    expect(schemeProgress({ ...low, status: 'preparing' }, HALF).isBehind).toBe(true);
  });
  it('no budget allocated or no beneficiary target: that measure is not judged; a target with no actual counts as none reached', () => {
    const p = schemeProgress({ ...base, budgetAllocated: 0, budgetDisbursed: 0, beneficiaryTarget: null, beneficiaryActual: null }, HALF);
    expect(p).toMatchObject({ disbursedPercent: null, beneficiariesPercent: null, isBehind: false, expectedDisbursed: 0 });
    expect(schemeProgress({ ...base, beneficiaryTarget: 0, beneficiaryActual: 0 }, HALF).beneficiariesPercent).toBeNull();
    expect(schemeProgress({ ...base, beneficiaryActual: null }, HALF)).toMatchObject({ beneficiariesPercent: 0, behind: ['beneficiaries'] });
  });
  it('rounds shares to two decimals and over-delivery is fine', () => {
    const p = schemeProgress({ ...base, budgetAllocated: 3, budgetDisbursed: 1, beneficiaryActual: 250 }, '2026-04-01');
    expect(p.disbursedPercent).toBe(33.33);
    expect(p.beneficiariesPercent).toBe(125);
    expect(p.elapsedPercent).toBe(24.73); // 90 of 364 days
    expect(p.isBehind).toBe(false);
  });
});

describe('schemeProblems', () => {
  it('refuses an end before its start, more disbursed than allocated, actuals without a target', () => {
    expect(schemeProblems(base)).toEqual([]);
    expect(schemeProblems({ ...base, endOn: '2025-12-31' }).map((p) => p.message.en)).toEqual(['The end date cannot be before the start date.']);
    expect(schemeProblems({ ...base, budgetDisbursed: 1000.5 }).map((p) => p.message.vi)).toEqual(['Số đã giải ngân không được vượt kinh phí được giao.']);
    expect(schemeProblems({ ...base, beneficiaryTarget: null }).map((p) => p.field)).toEqual(['beneficiaryTarget']);
    expect(schemeProblems({ ...base, startOn: '2026-02-02', endOn: '2026-02-02', budgetDisbursed: 1000 })).toEqual([]);
  });
});

describe('summarizeSchemes', () => {
  it('adds budgets, counts the running and the behind, obstacles open and escalated', () => {
    const rows = [
      { ...base, progress: schemeProgress(base, HALF), openObstacles: 1, escalated: 0 },
      { ...base, budgetDisbursed: 100, progress: schemeProgress({ ...base, budgetDisbursed: 100 }, HALF), openObstacles: 2, escalated: 1 },
      { ...base, status: 'completed' as const, budgetDisbursed: 1000, progress: schemeProgress({ ...base, status: 'completed' }, HALF), openObstacles: 0, escalated: 0 },
    ];
    expect(summarizeSchemes(rows)).toEqual({ total: 3, running: 2, behind: 1, budgetAllocated: 3000, budgetDisbursed: 1600, disbursedPercent: 53.33, openObstacles: 3, escalated: 1 });
    expect(summarizeSchemes([])).toMatchObject({ total: 0, disbursedPercent: null });
  });
});

import { describe, expect, it } from 'vitest';
import { autonomyLevel, checkClassification, groupForLevel, isAutonomous, isValidAmount, MAX_AMOUNT, roundAmount } from './groups.ts';

describe('autonomyLevel (A ÷ B × 100)', () => {
  it('computes the level in percent', () => {
    expect(autonomyLevel(50, 100)).toBe(50);
    expect(autonomyLevel(1_234_567, 1_234_567)).toBe(100);
    expect(autonomyLevel(3_000, 1_000)).toBe(300);
    expect(autonomyLevel(0, 1_000)).toBe(0);
  });

  it('has no level when B is 0 or a figure is missing or invalid', () => {
    expect(autonomyLevel(100, 0)).toBeNull();
    expect(autonomyLevel(0, 0)).toBeNull();
    expect(autonomyLevel(null, 100)).toBeNull();
    expect(autonomyLevel(100, undefined)).toBeNull();
    expect(autonomyLevel(-1, 100)).toBeNull();
    expect(autonomyLevel(100, -5)).toBeNull();
    expect(autonomyLevel(Number.NaN, 100)).toBeNull();
    expect(autonomyLevel(100, Number.POSITIVE_INFINITY)).toBeNull();
    expect(autonomyLevel(MAX_AMOUNT + 1, 100)).toBeNull();
  });

  it('truncates to two decimals, never rounding up across a threshold', () => {
    // 2/3 = 66.666…% → 66.66, not 66.67
    expect(autonomyLevel(2, 3)).toBe(66.66);
    // 99.999% stays below 100
    expect(autonomyLevel(99_999, 100_000)).toBe(99.99);
    // 9.9999% stays below 10
    expect(autonomyLevel(99_999, 1_000_000)).toBe(9.99);
  });

  it('is exact on amounts where floating point is not (0.1 + 0.2)', () => {
    expect(autonomyLevel(0.1 + 0.2, 0.3)).toBe(100);
    expect(autonomyLevel(0.3, 3)).toBe(10);
  });

  it('stays exact for the largest amounts', () => {
    expect(autonomyLevel(MAX_AMOUNT, MAX_AMOUNT)).toBe(100);
    expect(autonomyLevel(MAX_AMOUNT / 10, MAX_AMOUNT)).toBe(10);
    expect(autonomyLevel(MAX_AMOUNT / 10 - 0.01, MAX_AMOUNT)).toBe(9.99);
    expect(autonomyLevel(0.01, MAX_AMOUNT)).toBe(0);
  });

  it('rounds amounts to whole cents before dividing', () => {
    expect(roundAmount(999.999)).toBe(1000);
    expect(autonomyLevel(999.999, 1000)).toBe(100);
    expect(autonomyLevel(999.994, 1000)).toBe(99.99);
  });
});

describe('groupForLevel (Decree 60, with the investment flag)', () => {
  it('puts exactly 100% in group 2, or 1 when investment is covered', () => {
    expect(groupForLevel(100)).toBe(2);
    expect(groupForLevel(100, true)).toBe(1);
    expect(groupForLevel(250)).toBe(2);
    expect(groupForLevel(250, true)).toBe(1);
  });

  it('puts 10% to under 100% in group 3, whatever the investment flag', () => {
    expect(groupForLevel(10)).toBe(3);
    expect(groupForLevel(99.99)).toBe(3);
    expect(groupForLevel(99.99, true)).toBe(3);
  });

  it('puts under 10% in group 4', () => {
    expect(groupForLevel(9.99)).toBe(4);
    expect(groupForLevel(0)).toBe(4);
    expect(groupForLevel(0, true)).toBe(4);
  });

  it('implies nothing without a level', () => {
    expect(groupForLevel(null)).toBeNull();
    expect(groupForLevel(Number.NaN)).toBeNull();
  });
});

describe('checkClassification', () => {
  const figures = (group: 1 | 2 | 3 | 4 | null, revenueA: number | null, spendingB: number | null, investmentCovered = false) => ({
    group,
    revenueA,
    spendingB,
    investmentCovered,
  });

  it('accepts a group the figures imply', () => {
    expect(checkClassification(figures(3, 500, 1000))).toEqual({ level: 50, impliedGroup: 3, status: 'ok' });
    expect(checkClassification(figures(2, 1000, 1000))).toEqual({ level: 100, impliedGroup: 2, status: 'ok' });
    expect(checkClassification(figures(1, 1200, 1000, true))).toEqual({ level: 120, impliedGroup: 1, status: 'ok' });
    expect(checkClassification(figures(4, 99, 1000))).toEqual({ level: 9.9, impliedGroup: 4, status: 'ok' });
    expect(checkClassification(figures(3, 100, 1000))).toEqual({ level: 10, impliedGroup: 3, status: 'ok' });
  });

  it('flags a group the figures do not imply', () => {
    expect(checkClassification(figures(2, 500, 1000)).status).toBe('mismatch');
    expect(checkClassification(figures(4, 100, 1000)).status).toBe('mismatch');
    expect(checkClassification(figures(3, 99, 1000)).status).toBe('mismatch');
  });

  it('flags group 1 without investment covered, and group 2 when investment is covered', () => {
    expect(checkClassification(figures(1, 1500, 1000))).toEqual({ level: 150, impliedGroup: 2, status: 'mismatch' });
    expect(checkClassification(figures(2, 1500, 1000, true))).toEqual({ level: 150, impliedGroup: 1, status: 'mismatch' });
  });

  it('cannot check a group when B is 0 or figures are missing', () => {
    expect(checkClassification(figures(2, 100, 0))).toEqual({ level: null, impliedGroup: null, status: 'undetermined' });
    expect(checkClassification(figures(3, null, null)).status).toBe('undetermined');
  });

  it('says unclassified when no group is entered, still computing the level', () => {
    expect(checkClassification(figures(null, 500, 1000))).toEqual({ level: 50, impliedGroup: 3, status: 'unclassified' });
  });
});

describe('helpers', () => {
  it('counts groups 1 and 2 as autonomous', () => {
    expect([1, 2, 3, 4].map((g) => isAutonomous(g as 1 | 2 | 3 | 4))).toEqual([true, true, false, false]);
    expect(isAutonomous(null)).toBe(false);
  });

  it('validates amounts', () => {
    expect(isValidAmount(0)).toBe(true);
    expect(isValidAmount(MAX_AMOUNT)).toBe(true);
    expect(isValidAmount(MAX_AMOUNT + 1)).toBe(false);
    expect(isValidAmount(-0.01)).toBe(false);
    expect(isValidAmount('5')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  autonomousShare,
  clampToPlanYear,
  countByGroup,
  isBehindRoadmap,
  isPlanYear,
  measurementDateForYear,
  roadmapStatus,
  roundPercent,
  summarizeByManagingUnit,
  summarizeYear,
  type UnitYearFacts,
} from './consolidation.ts';

describe('autonomousShare', () => {
  it('counts groups 1 and 2 among the units with a group', () => {
    expect(autonomousShare([1, 2, 3, 4])).toEqual({ counted: 4, autonomous: 2, share: 50 });
    expect(autonomousShare([3, 3, 3, 2, 4])).toEqual({ counted: 5, autonomous: 1, share: 20 });
  });

  it('leaves units without a group that year (missing years) out of both counts', () => {
    expect(autonomousShare([2, null, undefined, 3])).toEqual({ counted: 2, autonomous: 1, share: 50 });
  });

  it('has no share when nothing is counted', () => {
    expect(autonomousShare([])).toEqual({ counted: 0, autonomous: 0, share: null });
    expect(autonomousShare([null, null])).toEqual({ counted: 0, autonomous: 0, share: null });
  });

  it('rounds to two decimals', () => {
    expect(autonomousShare([1, 3, 3]).share).toBe(33.33);
    expect(autonomousShare([1, 2, 3]).share).toBe(66.67);
    expect(autonomousShare([1, 3, 3, 3, 3, 3, 3]).share).toBe(14.29);
  });

  it('rounds half up without floating-point surprises', () => {
    expect(roundPercent(1.005)).toBe(1.01);
    expect(roundPercent(12.345)).toBe(12.35);
    expect(roundPercent(20)).toBe(20);
  });
});

describe('countByGroup', () => {
  it('counts per group, ignoring missing ones', () => {
    expect(countByGroup([1, 1, 3, null, 4, 4, 4])).toEqual([2, 0, 1, 3]);
  });
});

describe('roadmapStatus', () => {
  it('compares the actual group with the planned one (lower is more autonomous)', () => {
    expect(roadmapStatus(2, 3)).toBe('behind');
    expect(roadmapStatus(2, 2)).toBe('on_plan');
    expect(roadmapStatus(3, 2)).toBe('ahead');
    expect(roadmapStatus(3, 1)).toBe('ahead');
    expect(roadmapStatus(1, 4)).toBe('behind');
  });

  it('tells missing plans and missing figures apart', () => {
    expect(roadmapStatus(null, 3)).toBe('no_plan');
    expect(roadmapStatus(2, null)).toBe('no_data');
    expect(roadmapStatus(undefined, undefined)).toBe('no_plan');
    expect(isBehindRoadmap(2, null)).toBe(false);
    expect(isBehindRoadmap(2, 4)).toBe(true);
  });
});

describe('summaries', () => {
  const fact = (managingUnitCode: string, unitId: string, year: number, group: 1 | 2 | 3 | 4 | null, plannedGroup: 1 | 2 | 3 | 4 | null, approved: boolean): UnitYearFacts => ({
    managingUnitCode,
    unitId,
    year,
    group,
    plannedGroup,
    approved,
  });
  const facts = [
    fact('Q001', 'a', 2024, 2, 2, true),
    fact('Q001', 'b', 2024, 3, 2, true),
    fact('Q001', 'c', 2024, 4, 3, true),
    fact('Q001', 'a', 2023, 3, 3, true),
    fact('SYT', 'd', 2024, 1, 2, false),
    fact('SYT', 'e', 2024, null, 2, false),
    fact('SYT', 'f', 2024, 3, null, false),
  ];

  it('summarizes a year: entered (provisional), approved, and what the roadmap promises', () => {
    const summary = summarizeYear(facts, 2024);
    expect(summary.entered).toEqual({ counted: 5, autonomous: 2, share: 40 });
    expect(summary.approved).toEqual({ counted: 3, autonomous: 1, share: 33.33 });
    expect(summary.planned).toEqual({ counted: 5, autonomous: 4, share: 80 });
    expect(summary.byGroup).toEqual([1, 1, 2, 1]);
    expect(summary.behind).toBe(2);
  });

  it('summarizes a year with no data as empty', () => {
    const summary = summarizeYear(facts, 2022);
    expect(summary.entered.share).toBeNull();
    expect(summary.byGroup).toEqual([0, 0, 0, 0]);
  });

  it('summarizes per managing unit', () => {
    const byUnit = summarizeByManagingUnit(facts, 2024);
    expect([...byUnit.keys()]).toEqual(['Q001', 'SYT']);
    expect(byUnit.get('Q001')?.entered.share).toBe(33.33);
    expect(byUnit.get('SYT')?.entered).toEqual({ counted: 2, autonomous: 1, share: 50 });
    expect(byUnit.get('SYT')?.approved.share).toBeNull();
  });
});

describe('years', () => {
  it('knows the roadmap years 2022-2025', () => {
    expect(isPlanYear(2022)).toBe(true);
    expect(isPlanYear(2025)).toBe(true);
    expect(isPlanYear(2021)).toBe(false);
    expect(isPlanYear(2026)).toBe(false);
    expect(isPlanYear('2024')).toBe(false);
    expect(clampToPlanYear(2026)).toBe(2025);
    expect(clampToPlanYear(2020)).toBe(2022);
    expect(clampToPlanYear(2023)).toBe(2023);
  });

  it('records a year on its last day, or today while it runs', () => {
    expect(measurementDateForYear(2024, '2026-11-27')).toBe('2024-12-31');
    expect(measurementDateForYear(2025, '2025-06-10')).toBe('2025-06-10');
    expect(measurementDateForYear(2025, '2025-12-31')).toBe('2025-12-31');
  });
});

import { describe, expect, it } from 'vitest';
import {
  autonomousShare,
  clampToPlanYear,
  countByGroup,
  isBehindRoadmap,
  approvalBasis,
  isPlanYear,
  measurementDateForYear,
  mismatchesToApprove,
  recordableShare,
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
    // Recorded: of the 5 units with a group (a, b, c of Q001; d, f of SYT), the approved ones
    // in groups 1-2: a only (d is group 1 but SYT is not approved): 1/5 = 20%; Q001 of 2 approved.
    expect(summary.recordable).toEqual({ counted: 5, autonomous: 1, share: 20, managingUnits: 2, approvedManagingUnits: 1, provisional: true });
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

describe('recordableShare (what approving records on 2458-CT3)', () => {
  type Group = 1 | 2 | 3 | 4 | null;
  let next = 0;
  /** `count` units of one managing unit for `year`, the first `autonomous` in group 2, the rest in group 3 (or `rest`). */
  const units = (code: string, count: number, autonomous: number, approved: boolean, year = 2024, rest: Group = 3): UnitYearFacts[] =>
    Array.from({ length: count }, (_, i) => ({
      managingUnitCode: code,
      unitId: `u${(next += 1)}`,
      year,
      group: i < autonomous ? 2 : rest,
      plannedGroup: null,
      approved,
    }));

  it('counts every registered unit of the year in the denominator, only approved managing units in the numerator (the issue’s 40% → 2.7%)', () => {
    // 17 managing units, 600 units. Approved: 4 departments of 10 units with 4 autonomous each:
    // 16 of their 40 units, 16/40 = 40% (what the approval used to record).
    // Not approved: 12 districts of 43 units and one of 44 (12 × 43 + 44 = 560), half of each in
    // group 2 (21 × 12 + 22 = 274 autonomous, not counted yet).
    const facts = [
      ...['S01', 'S02', 'S03', 'S04'].flatMap((code) => units(code, 10, 4, true)),
      ...Array.from({ length: 12 }, (_, i) => units(`Q${i}`, 43, 21, false)).flat(),
      ...units('Q12', 44, 22, false),
    ];
    expect(facts).toHaveLength(600);
    // 16 ÷ 600 × 100 = 2.666… → 2.67%.
    expect(recordableShare(facts, 2024)).toEqual({ counted: 600, autonomous: 16, share: 2.67, managingUnits: 17, approvedManagingUnits: 4, provisional: true });
    // The old figure, the approved units alone, is still the summary's `approved`.
    expect(summarizeYear(facts, 2024).approved).toEqual({ counted: 40, autonomous: 16, share: 40 });
    // Once all 17 are approved: 16 + 274 = 290 of 600 = 48.333… → 48.33%, final.
    const all = facts.map((f) => ({ ...f, approved: true }));
    expect(recordableShare(all, 2024)).toEqual({ counted: 600, autonomous: 290, share: 48.33, managingUnits: 17, approvedManagingUnits: 17, provisional: false });
  });

  it('is 0% and provisional while nothing is approved; empty (null, not provisional) without units', () => {
    // 3 + 2 units, 1 + 2 in group 2, none approved: 0/5.
    const facts = [...units('Q001', 3, 1, false), ...units('SYT', 2, 2, false)];
    expect(recordableShare(facts, 2024)).toEqual({ counted: 5, autonomous: 0, share: 0, managingUnits: 2, approvedManagingUnits: 0, provisional: true });
    expect(recordableShare([], 2024)).toEqual({ counted: 0, autonomous: 0, share: null, managingUnits: 0, approvedManagingUnits: 0, provisional: false });
  });

  it('leaves out units without a group that year, other years, and managing units with only plans', () => {
    const facts = [
      // Q001 approved: groups 1, 2, 4 and one unit with only a plan (no group): 2 of 3 counted.
      ...units('Q001', 1, 1, true).map((f) => ({ ...f, group: 1 as const })),
      ...units('Q001', 2, 1, true, 2024, 4),
      ...units('Q001', 1, 0, true, 2024, null),
      // Q002: only plans in 2024: not a managing unit of the year.
      ...units('Q002', 2, 0, false, 2024, null),
      // SYT: 2 units in 2024, not approved; 5 autonomous approved units in 2023 do not count.
      ...units('SYT', 2, 0, false, 2024, 4),
      ...units('SYT', 5, 5, true, 2023),
    ];
    // 2024 counted: Q001's 3 with a group + SYT's 2 = 5; autonomous approved: Q001's group 1 and 2 = 2. 2/5 = 40%.
    expect(recordableShare(facts, 2024)).toEqual({ counted: 5, autonomous: 2, share: 40, managingUnits: 2, approvedManagingUnits: 1, provisional: true });
    // 2023: SYT alone, 5/5, approved: final.
    expect(recordableShare(facts, 2023)).toEqual({ counted: 5, autonomous: 5, share: 100, managingUnits: 1, approvedManagingUnits: 1, provisional: false });
  });

  it('never falls when another managing unit is approved (the numerator only grows, the denominator stays)', () => {
    const facts = [...units('Q001', 4, 1, true), ...units('Q002', 6, 0, false), ...units('SYT', 10, 3, false)];
    // 1/20 = 5%; + Q002 (no autonomous unit): 1/20 = 5%; + SYT: 4/20 = 20%.
    expect(recordableShare(facts, 2024).share).toBe(5);
    const q002 = facts.map((f) => (f.managingUnitCode === 'Q002' ? { ...f, approved: true } : f));
    expect(recordableShare(q002, 2024)).toMatchObject({ share: 5, approvedManagingUnits: 2, provisional: true });
    expect(recordableShare(q002.map((f) => ({ ...f, approved: true })), 2024)).toMatchObject({ share: 20, approvedManagingUnits: 3, provisional: false });
  });

  it('states its basis in both languages', () => {
    expect(approvalBasis({ managingUnits: 17, approvedManagingUnits: 4 }, 'vi')).toBe('đã duyệt 4/17 đơn vị chủ quản');
    expect(approvalBasis({ managingUnits: 17, approvedManagingUnits: 4 }, 'en')).toBe('approved 4/17 managing units');
  });
});

describe('mismatchesToApprove (the approval dialog’s warning)', () => {
  const rows = [
    { managingUnit: { code: 'Q001' }, mismatches: 1 },
    { managingUnit: { code: 'Q002' }, mismatches: 0 },
    { managingUnit: { code: 'SYT' }, mismatches: 3 },
  ];
  it('counts the managing units being approved, not the whole city', () => {
    expect(mismatchesToApprove(rows, ['Q002'])).toBe(0);
    expect(mismatchesToApprove(rows, ['Q001'])).toBe(1);
    expect(mismatchesToApprove(rows, ['Q001', 'SYT'])).toBe(4);
    // "Approve all": every managing unit, 1 + 0 + 3.
    expect(mismatchesToApprove(rows, undefined)).toBe(4);
    expect(mismatchesToApprove(rows, ['Q999'])).toBe(0);
  });
});

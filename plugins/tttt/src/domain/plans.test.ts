import { describe, expect, it } from 'vitest';
import { checkContents, planShare, planTransition, shareBasis, unitsOwingPlan, type CityUnit, type PlanState } from './plans.ts';

describe('planTransition', () => {
  it('lets a unit save and submit a plan it has not sent yet', () => {
    expect(planTransition(null, 'save')).toEqual({ state: 'draft' });
    expect(planTransition(null, 'submit')).toEqual({ state: 'submitted' });
    expect(planTransition('draft', 'save')).toEqual({ state: 'draft' });
    expect(planTransition('draft', 'submit')).toEqual({ state: 'submitted' });
  });

  it('keeps a returned plan returned while it is revised, and resubmits it', () => {
    expect(planTransition('returned', 'save')).toEqual({ state: 'returned' });
    expect(planTransition('returned', 'submit')).toEqual({ state: 'submitted' });
  });

  it('freezes a plan once it is with Sở TT&TT or approved', () => {
    for (const state of ['submitted', 'approved'] as const) {
      expect(planTransition(state, 'save')).toEqual({ refused: 'state', state, action: 'save' });
      expect(planTransition(state, 'submit')).toEqual({ refused: 'state', state, action: 'submit' });
    }
  });

  it('returns a submitted plan only with a reason that is not blank', () => {
    expect(planTransition('submitted', 'return', ['Thiếu nội dung về dữ liệu số'])).toEqual({ state: 'returned' });
    expect(planTransition('submitted', 'return', [])).toEqual({ refused: 'reason' });
    expect(planTransition('submitted', 'return', ['  ', ''])).toEqual({ refused: 'reason' });
    expect(planTransition('submitted', 'return', ['', 'Thiếu lộ trình'])).toEqual({ state: 'returned' });
  });

  it('approves or returns only a submitted plan', () => {
    expect(planTransition('submitted', 'approve')).toEqual({ state: 'approved' });
    for (const state of [null, 'draft', 'returned', 'approved'] as const) {
      expect(planTransition(state, 'approve')).toEqual({ refused: 'state', state, action: 'approve' });
      expect(planTransition(state, 'return', ['lý do'])).toEqual({ refused: 'state', state, action: 'return' });
    }
  });

  it('walks the whole round: submitted, returned, revised, resubmitted, approved', () => {
    let state: PlanState | null = null;
    for (const [action, reasons] of [['submit', []], ['return', ['Thiếu chỉ tiêu']], ['save', []], ['submit', []], ['approve', []]] as const) {
      const next = planTransition(state, action, reasons);
      if ('refused' in next) throw new Error(`refused ${action}`);
      state = next.state;
    }
    expect(state).toBe('approved');
  });
});

describe('checkContents', () => {
  const required = [
    { code: 'ND1', title: 'Chính quyền số', active: true },
    { code: 'ND2', title: 'Kinh tế số', active: true },
    { code: 'ND3', title: 'Xã hội số', active: true },
    { code: 'ND0', title: 'Nội dung cũ', active: false },
  ];

  it('lists what is covered and what is missing, in the list’s order', () => {
    expect(checkContents(required, ['ND3', 'ND1'])).toEqual({ covered: ['ND1', 'ND3'], missing: ['ND2'], extra: [], complete: false });
  });

  it('is complete when every active content is covered; retired or unknown codes are extra, not counted', () => {
    expect(checkContents(required, ['ND1', 'ND2', 'ND3', 'ND0', 'X9'])).toEqual({ covered: ['ND1', 'ND2', 'ND3'], missing: [], extra: ['ND0', 'X9'], complete: true });
  });

  it('counts a code cited twice once', () => {
    expect(checkContents(required, ['ND1', 'ND1']).covered).toEqual(['ND1']);
  });

  it('is complete for any plan when nothing is required, and missing everything for an empty plan', () => {
    expect(checkContents([], []).complete).toBe(true);
    expect(checkContents(required, []).missing).toEqual(['ND1', 'ND2', 'ND3']);
  });
});

describe('planShare', () => {
  const units: CityUnit[] = [
    { code: 'UBND', name: 'UBND Thành phố', kind: 'ubnd' },
    { code: 'STTTT', name: 'Sở Thông tin và Truyền thông', kind: 'department' },
    { code: 'STC', name: 'Sở Tài chính', kind: 'department' },
    { code: 'Q001', name: 'Quận Ba Đình', kind: 'district' },
  ];

  it('counts every department and district, never the UBND', () => {
    expect(unitsOwingPlan(units).map((u) => u.code)).toEqual(['STTTT', 'STC', 'Q001']);
  });

  it('takes only approved plans as approved, and lists the others with their state', () => {
    const share = planShare(units, new Map<string, PlanState>([['Q001', 'approved'], ['STC', 'returned'], ['UBND', 'approved']]));
    expect(share).toEqual({
      approved: 1,
      owing: 3,
      percent: 33.33,
      without: [
        { code: 'STTTT', name: 'Sở Thông tin và Truyền thông', state: null },
        { code: 'STC', name: 'Sở Tài chính', state: 'returned' },
      ],
    });
  });

  it('rounds as the core does (2/3 → 66.67) and reaches 100 when all are approved', () => {
    expect(planShare(units, new Map([['Q001', 'approved'], ['STC', 'approved']])).percent).toBe(66.67);
    expect(planShare(units, new Map([['Q001', 'approved'], ['STC', 'approved'], ['STTTT', 'approved']]))).toMatchObject({ percent: 100, without: [] });
  });

  it('has no share when no unit owes a plan', () => {
    expect(planShare([units[0]!], new Map()).percent).toBeNull();
  });

  it('says what the share rests on', () => {
    expect(shareBasis(planShare(units, new Map([['Q001', 'approved']])), 2026)).toBe('Kế hoạch chuyển đổi số năm 2026: đã phê duyệt 1/3 đơn vị');
  });
});

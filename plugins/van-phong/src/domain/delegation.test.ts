import { describe, expect, it } from 'vitest';
import { countFlags, delegationPeriodProblem, delegationStatus } from './delegation.ts';

const d = (endsOn: string | null, onTime = 0, late = 0) => ({ startsOn: '2023-01-01', endsOn, onTime, late });
const asOf = '2026-12-01';

describe('delegation flags', () => {
  it('ending within 30 days, the 30th day and today included', () => {
    expect(delegationStatus(d('2026-12-31'), asOf, 10)).toEqual({ lateRate: null, daysLeft: 30, flags: ['ending_soon'] });
    expect(delegationStatus(d('2026-12-01'), asOf, 10).flags).toEqual(['ending_soon']);
    expect(delegationStatus(d('2027-01-01'), asOf, 10)).toEqual({ lateRate: null, daysLeft: 31, flags: [] });
  });

  it('ended once its end has passed; open-ended never ends', () => {
    expect(delegationStatus(d('2026-11-30'), asOf, 10)).toEqual({ lateRate: null, daysLeft: -1, flags: ['ended'] });
    expect(delegationStatus(d(null), asOf, 10)).toEqual({ lateRate: null, daysLeft: null, flags: [] });
  });

  it('late rate strictly above the threshold', () => {
    // 2 late of 20: 10% — at the threshold, not above.
    expect(delegationStatus(d(null, 18, 2), asOf, 10)).toEqual({ lateRate: 10, daysLeft: null, flags: [] });
    // 3 late of 20: 15%.
    expect(delegationStatus(d(null, 17, 3), asOf, 10).flags).toEqual(['late_rate']);
    // A stricter threshold set by the Văn phòng flags the 10%.
    expect(delegationStatus(d(null, 18, 2), asOf, 5).flags).toEqual(['late_rate']);
    // 1 late of 3 = 33.33%.
    expect(delegationStatus(d(null, 2, 1), asOf, 10).lateRate).toBe(33.33);
  });

  it('no dossier handled: no rate, no flag; every dossier late: 100%', () => {
    expect(delegationStatus(d(null, 0, 0), asOf, 0)).toMatchObject({ lateRate: null, flags: [] });
    expect(delegationStatus(d(null, 0, 4), asOf, 99.99)).toMatchObject({ lateRate: 100, flags: ['late_rate'] });
    // A threshold of 0: any late dossier is flagged.
    expect(delegationStatus(d(null, 100, 1), asOf, 0).flags).toEqual(['late_rate']);
  });

  it('both flags at once, and their counts over a register', () => {
    const both = delegationStatus(d('2026-12-15', 5, 5), asOf, 10);
    expect(both.flags).toEqual(['ending_soon', 'late_rate']);
    const counts = countFlags([both, delegationStatus(d('2026-01-01'), asOf, 10), delegationStatus(d(null), asOf, 10)]);
    expect(counts).toEqual({ ending_soon: 1, ended: 1, late_rate: 1 });
  });

  it('the end may not come before the start', () => {
    expect(delegationPeriodProblem('2026-01-02', '2026-01-01')?.vi).toBe('Ngày kết thúc ủy quyền không được trước ngày bắt đầu.');
    expect(delegationPeriodProblem('2026-01-01', '2026-01-01')).toBeNull();
    expect(delegationPeriodProblem('2026-01-01', null)).toBeNull();
  });
});

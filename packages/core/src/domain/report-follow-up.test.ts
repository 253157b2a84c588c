import { describe, expect, it } from 'vitest';
import type { IsoDate } from './dates.ts';
import { AUTO_REMINDER_LEAD_DAYS, autoReminderPeriods, reportDaysLate, reportDaysLeft, unitsToRemind } from './report-follow-up.ts';

const ids = (today: string, lead = AUTO_REMINDER_LEAD_DAYS, cadences?: Parameters<typeof autoReminderPeriods>[2]) =>
  autoReminderPeriods(today as IsoDate, lead, cadences).map((p) => p.id);

describe('reportDaysLate', () => {
  it('is 0 for a report submitted on or before the 20th', () => {
    expect(reportDaysLate('2026-12-20', '2026-12-20', '2027-01-05')).toBe(0);
    expect(reportDaysLate('2026-12-20', '2026-11-30', '2027-01-05')).toBe(0);
  });
  it('counts the days a report was submitted after the due date, not the days since', () => {
    expect(reportDaysLate('2026-09-20', '2026-09-25', '2026-12-01')).toBe(5);
  });
  it('counts a missing report from the due date to today, across months and years', () => {
    expect(reportDaysLate('2026-09-20', null, '2026-12-01')).toBe(72);
    expect(reportDaysLate('2026-12-20', null, '2027-01-02')).toBe(13);
    expect(reportDaysLate('2024-03-20', null, '2024-03-21')).toBe(1);
  });
  it('is 0 for a missing report before and on its due date', () => {
    expect(reportDaysLate('2026-12-20', null, '2026-12-01')).toBe(0);
    expect(reportDaysLate('2026-12-20', null, '2026-12-20')).toBe(0);
  });
});

describe('reportDaysLeft', () => {
  it('counts down to the due date and is null after it', () => {
    expect(reportDaysLeft('2026-12-20', '2026-12-01')).toBe(19);
    expect(reportDaysLeft('2026-12-20', '2026-12-20')).toBe(0);
    expect(reportDaysLeft('2026-12-20', '2026-12-21')).toBeNull();
  });
});

describe('autoReminderPeriods', () => {
  it('reminds the quarter on each of the three days before the 20th of its last month', () => {
    expect(ids('2026-12-16')).toEqual([]);
    expect(ids('2026-12-17')).toEqual(['2026-Q4']);
    expect(ids('2026-12-18')).toEqual(['2026-Q4']);
    expect(ids('2026-12-19')).toEqual(['2026-Q4']);
  });
  it('never on the due date itself nor after it', () => {
    expect(ids('2026-12-20')).toEqual([]);
    expect(ids('2026-12-21')).toEqual([]);
    expect(ids('2026-12-31')).toEqual([]);
  });
  it('not in the months of a quarter before its last', () => {
    expect(ids('2026-10-17')).toEqual([]);
    expect(ids('2026-11-18')).toEqual([]);
    expect(ids('2026-03-18')).toEqual(['2026-Q1']);
    expect(ids('2026-06-19')).toEqual(['2026-Q2']);
    expect(ids('2026-09-17')).toEqual(['2026-Q3']);
  });
  it('follows the lead set: one day (the 19th only), a week, or none at all', () => {
    expect(ids('2026-12-18', 1)).toEqual([]);
    expect(ids('2026-12-19', 1)).toEqual(['2026-Q4']);
    expect(ids('2026-12-13', 7)).toEqual(['2026-Q4']);
    expect(ids('2026-12-12', 7)).toEqual([]);
    expect(ids('2026-12-19', 0)).toEqual([]);
  });
  it('reaches the next period when its due date is the nearer one (monthly, a long lead)', () => {
    // 25 November: M11 was due on the 20th; M12 is due on 20 December, 25 days ahead.
    expect(ids('2026-11-25', 25, ['month'])).toEqual(['2026-M12']);
    expect(ids('2026-11-25', 24, ['month'])).toEqual([]);
    expect(ids('2027-01-18', 3, ['month'])).toEqual(['2027-M01']);
  });
  it('names each cadence whose report is due: Q2 and the first half share 20 June', () => {
    expect(ids('2026-06-18', 3, ['quarter', 'half', 'year'])).toEqual(['2026-Q2', '2026-H1']);
    expect(ids('2026-12-18', 3, ['quarter', 'half', 'year', 'quarter'])).toEqual(['2026-Q4', '2026-H2', '2026-Y']);
    expect(ids('2026-12-18', 3, [])).toEqual([]);
  });
  it('refuses a lead that is not a whole number of days within 0…27', () => {
    expect(() => ids('2026-12-18', -1)).toThrow(RangeError);
    expect(() => ids('2026-12-18', 28)).toThrow(RangeError);
    expect(() => ids('2026-12-18', 1.5)).toThrow(RangeError);
  });
  it('works over a leap day and a year end', () => {
    expect(ids('2024-02-17', 3, ['month'])).toEqual(['2024-M02']);
    expect(ids('2028-12-17', 3, ['year'])).toEqual(['2028-Y']);
  });
});

describe('unitsToRemind', () => {
  it('names the units with nothing submitted, in their order, and leaves out those in', () => {
    expect(
      unitsToRemind([
        { unit: { code: 'STC' }, state: 'none' },
        { unit: { code: 'SNV' }, state: 'submitted' },
        { unit: { code: 'Q001' }, state: 'draft' },
        { unit: { code: 'SXD' }, state: 'accepted' },
        { unit: { code: 'VP' }, state: 'with_lead' },
        { unit: { code: 'STTTT' }, state: 'returned' },
      ]),
    ).toEqual(['STC', 'Q001', 'VP', 'STTTT']);
    expect(unitsToRemind([])).toEqual([]);
  });
});

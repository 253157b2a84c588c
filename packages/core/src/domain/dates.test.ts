import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  assertIsoDate,
  compareDates,
  daysBetween,
  daysInMonth,
  endOfMonth,
  monthEndsUpTo,
  formatDateVi,
  fromDayNumber,
  hanoiDateOf,
  isAfter,
  isBefore,
  isDayNumberInRange,
  isIsoDate,
  isLeapYear,
  isSameDate,
  makeIsoDate,
  maxDate,
  minDate,
  parseIsoDate,
  shiftMonth,
  toDayNumber,
} from './dates.ts';

describe('parsing and validation', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true); // 2024 is a leap year
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false); // divisible by 100, not by 400
    expect(isIsoDate('2000-02-29')).toBe(true); // divisible by 400
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-00-10')).toBe(false);
    expect(isIsoDate('2024-3-5')).toBe(false);
    expect(isIsoDate('2024-03-05T00:00:00Z')).toBe(false);
    expect(isIsoDate(' 2024-03-05')).toBe(false);
    expect(isIsoDate('05/03/2024')).toBe(false);
    expect(isIsoDate(20240305)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('splits a date into numbers and throws RangeError on nonsense', () => {
    expect(parseIsoDate('2024-03-05')).toEqual({ year: 2024, month: 3, day: 5 });
    expect(() => parseIsoDate('2023-02-29')).toThrow(RangeError);
    expect(() => parseIsoDate('')).toThrow(RangeError);
    expect(assertIsoDate('2024-12-31')).toBe('2024-12-31');
    expect(() => assertIsoDate('2024-12-32')).toThrow(RangeError);
  });

  it('builds padded dates and refuses impossible ones', () => {
    expect(makeIsoDate(2024, 3, 5)).toBe('2024-03-05');
    expect(makeIsoDate(99, 1, 1)).toBe('0099-01-01');
    expect(() => makeIsoDate(2023, 2, 29)).toThrow(RangeError);
    expect(() => makeIsoDate(2024, 0, 1)).toThrow(RangeError);
    expect(() => makeIsoDate(10000, 1, 1)).toThrow(RangeError);
    expect(() => makeIsoDate(2024, 1.5, 1)).toThrow(RangeError);
  });

  it('knows month lengths and leap years', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2023)).toBe(false);
    expect(isLeapYear(2100)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(endOfMonth(2024, 2)).toBe('2024-02-29');
    expect(endOfMonth(2023, 12)).toBe('2023-12-31');
  });
});

describe('day numbers', () => {
  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-01-01')).toBe(10_957); // 30 years, 7 of them leap: 30·365 + 7
    expect(toDayNumber('0000-01-01')).toBe(-719_528);
    expect(toDayNumber('9999-12-31')).toBe(2_932_896);
    expect(fromDayNumber(19_787)).toBe('2024-03-05');
  });

  it('agrees with the UTC calendar every day from 1899 to 2101', () => {
    const start = Date.UTC(1899, 0, 1) / 86_400_000;
    const end = Date.UTC(2101, 11, 31) / 86_400_000;
    for (let n = start; n <= end; n++) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (toDayNumber(iso) !== n || fromDayNumber(n) !== iso) {
        throw new Error(`mismatch on ${iso} (${n})`);
      }
    }
  });

  it('refuses day numbers that YYYY-MM-DD cannot write', () => {
    expect(isDayNumberInRange(2_932_896)).toBe(true);
    expect(isDayNumberInRange(2_932_897)).toBe(false);
    expect(isDayNumberInRange(-719_529)).toBe(false);
    expect(isDayNumberInRange(0.5)).toBe(false);
    expect(() => fromDayNumber(2_932_897)).toThrow(RangeError);
    expect(() => fromDayNumber(Number.NaN)).toThrow(RangeError);
  });
});

describe('arithmetic and comparison', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    expect(addDays('2024-03-05', 0)).toBe('2024-03-05');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(() => addDays('2024-01-01', 1.5)).toThrow(RangeError);
  });

  it('counts whole days between dates', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(daysBetween('2023-01-01', '2023-12-31')).toBe(364);
    expect(daysBetween('2023-08-08', '2023-09-30')).toBe(53); // 2458/UBND-SNV to its September deadline
  });

  it('compares dates (validating both)', () => {
    expect(compareDates('2023-12-31', '2024-01-01')).toBe(-1);
    expect(compareDates('2024-01-01', '2024-01-01')).toBe(0);
    expect(compareDates('2024-10-01', '2024-09-30')).toBe(1);
    expect(() => compareDates('2024-02-30', '2024-01-01')).toThrow(RangeError);
    expect(isBefore('2024-03-14', '2024-03-15')).toBe(true);
    expect(isBefore('2024-03-15', '2024-03-15')).toBe(false);
    expect(isAfter('2024-03-16', '2024-03-15')).toBe(true);
    expect(isSameDate('2024-03-15', '2024-03-15')).toBe(true);
    expect(minDate('2024-03-15', '2023-12-31')).toBe('2023-12-31');
    expect(maxDate('2024-03-15', '2023-12-31')).toBe('2024-03-15');
    expect(['2024-01-10', '2023-12-31', '2024-01-02'].sort(compareDates)).toEqual([
      '2023-12-31',
      '2024-01-02',
      '2024-01-10',
    ]);
  });

  it('shifts months across year ends', () => {
    expect(shiftMonth(2024, 1, -1)).toEqual({ year: 2023, month: 12 });
    expect(shiftMonth(2023, 12, 1)).toEqual({ year: 2024, month: 1 });
    expect(shiftMonth(2024, 3, -15)).toEqual({ year: 2022, month: 12 });
    expect(shiftMonth(2024, 3, 0)).toEqual({ year: 2024, month: 3 });
    expect(shiftMonth(2024, 11, 14)).toEqual({ year: 2026, month: 1 });
  });
});

describe('hanoiDateOf', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('reads an instant on the Hà Nội calendar (UTC+7)', () => {
    expect(hanoiDateOf(new Date('2024-03-04T16:59:59.999Z'))).toBe('2024-03-04');
    expect(hanoiDateOf(new Date('2024-03-04T17:00:00Z'))).toBe('2024-03-05'); // 00:00 in Hà Nội
    expect(hanoiDateOf(Date.UTC(2023, 11, 31, 17, 0))).toBe('2024-01-01'); // New Year in Hà Nội
    expect(hanoiDateOf(new Date('2024-03-05T23:59:00+07:00'))).toBe('2024-03-05');
    expect(() => hanoiDateOf(new Date('nonsense'))).toThrow(RangeError);
  });

  it('does not depend on the machine time zone', () => {
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC', 'Asia/Ho_Chi_Minh']) {
      process.env.TZ = tz;
      expect(hanoiDateOf(new Date('2024-03-04T17:30:00Z'))).toBe('2024-03-05');
      expect(addDays('2024-03-09', 1)).toBe('2024-03-10'); // US DST starts 10/3/2024
      expect(daysBetween('2024-03-09', '2024-03-11')).toBe(2);
    }
  });
});

describe('formatDateVi', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatDateVi('2024-03-05')).toBe('05/03/2024');
    expect(formatDateVi('2023-08-08')).toBe('08/08/2023');
    expect(formatDateVi('2023-12-31')).toBe('31/12/2023');
    expect(() => formatDateVi('2024-02-30')).toThrow(RangeError);
  });
});

describe('monthEndsUpTo', () => {
  it('gives the previous months’ ends, then the day itself', () => {
    expect(monthEndsUpTo('2024-03-15', 4)).toEqual(['2023-12-31', '2024-01-31', '2024-02-29', '2024-03-15']);
  });
  it('across a year, and on a month’s last day (no day twice)', () => {
    expect(monthEndsUpTo('2025-01-31', 3)).toEqual(['2024-11-30', '2024-12-31', '2025-01-31']);
  });
  it('one month is the day alone; none is nothing', () => {
    expect(monthEndsUpTo('2024-07-04', 1)).toEqual(['2024-07-04']);
    expect(monthEndsUpTo('2024-07-04', 0)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from './dates.ts';
import { CADENCES } from './labels.ts';
import {
  isPeriodId,
  makePeriod,
  nextPeriod,
  periodById,
  periodContains,
  periodForData,
  periodOf,
  periodsBetween,
  previousPeriod,
  windowContains,
  type Period,
} from './periods.ts';

describe('every cadence: window, due date, calendar bounds, label', () => {
  it('month', () => {
    expect(periodById('2024-M03')).toEqual<Period>({
      id: '2024-M03',
      cadence: 'month',
      year: 2024,
      index: 3,
      label: { vi: 'Tháng 3/2024', en: 'March 2024' },
      windowStart: '2024-02-15',
      windowEnd: '2024-03-14',
      dueDate: '2024-03-20',
      start: '2024-03-01',
      end: '2024-03-31',
    });
    // January's window opens in December of the year before.
    const jan = periodById('2024-M01');
    expect([jan.windowStart, jan.windowEnd, jan.dueDate]).toEqual(['2023-12-15', '2024-01-14', '2024-01-20']);
    // February's calendar end follows leap years.
    expect(periodById('2024-M02').end).toBe('2024-02-29');
    expect(periodById('2023-M02').end).toBe('2023-02-28');
    expect(periodById('2024-M12').label).toEqual({ vi: 'Tháng 12/2024', en: 'December 2024' });
  });

  it('quarter', () => {
    expect(periodById('2024-Q1')).toEqual<Period>({
      id: '2024-Q1',
      cadence: 'quarter',
      year: 2024,
      index: 1,
      label: { vi: 'Quý I/2024', en: 'Q1 2024' },
      windowStart: '2023-12-15',
      windowEnd: '2024-03-14',
      dueDate: '2024-03-20',
      start: '2024-01-01',
      end: '2024-03-31',
    });
    const pick = (p: Period) => [p.windowStart, p.windowEnd, p.dueDate, p.start, p.end, p.label.vi];
    expect(pick(periodById('2024-Q2'))).toEqual(['2024-03-15', '2024-06-14', '2024-06-20', '2024-04-01', '2024-06-30', 'Quý II/2024']);
    expect(pick(periodById('2024-Q3'))).toEqual(['2024-06-15', '2024-09-14', '2024-09-20', '2024-07-01', '2024-09-30', 'Quý III/2024']);
    expect(pick(periodById('2024-Q4'))).toEqual(['2024-09-15', '2024-12-14', '2024-12-20', '2024-10-01', '2024-12-31', 'Quý IV/2024']);
  });

  it('half (6 tháng)', () => {
    expect(periodById('2024-H1')).toEqual<Period>({
      id: '2024-H1',
      cadence: 'half',
      year: 2024,
      index: 1,
      label: { vi: '6 tháng đầu năm 2024', en: 'First half of 2024' },
      windowStart: '2023-12-15',
      windowEnd: '2024-06-14',
      dueDate: '2024-06-20',
      start: '2024-01-01',
      end: '2024-06-30',
    });
    const h2 = periodById('2024-H2');
    expect([h2.windowStart, h2.windowEnd, h2.dueDate, h2.start, h2.end]).toEqual([
      '2024-06-15',
      '2024-12-14',
      '2024-12-20',
      '2024-07-01',
      '2024-12-31',
    ]);
    expect(h2.label).toEqual({ vi: '6 tháng cuối năm 2024', en: 'Second half of 2024' });
  });

  it('year', () => {
    expect(periodById('2024-Y')).toEqual<Period>({
      id: '2024-Y',
      cadence: 'year',
      year: 2024,
      index: 1,
      label: { vi: 'Năm 2024', en: 'Year 2024' },
      windowStart: '2023-12-15',
      windowEnd: '2024-12-14',
      dueDate: '2024-12-20',
      start: '2024-01-01',
      end: '2024-12-31',
    });
  });

  it('data windows of consecutive periods tile the timeline, 2022 to 2026', () => {
    for (const cadence of CADENCES) {
      let p = periodOf(cadence, '2022-01-01');
      while (p.year < 2026) {
        const n = nextPeriod(p);
        expect(n.windowStart).toBe(addDays(p.windowEnd, 1));
        expect(n.start).toBe(addDays(p.end, 1));
        // The due date falls 6 days after the window closes, inside the period.
        expect(daysBetween(p.windowEnd, p.dueDate)).toBe(6);
        expect(periodContains(p, p.dueDate)).toBe(true);
        p = n;
      }
    }
  });
});

describe('periodOf (calendar) and periodForData (data window)', () => {
  it('places 20/12/2023 in Q4 2023 by calendar but in Q1 2024 by data window', () => {
    expect(periodOf('quarter', '2023-12-20').id).toBe('2023-Q4');
    expect(periodForData('quarter', '2023-12-20').id).toBe('2024-Q1');
    expect(periodOf('year', '2023-12-20').id).toBe('2023-Y');
    expect(periodForData('year', '2023-12-20').id).toBe('2024-Y');
    expect(periodForData('half', '2023-12-20').id).toBe('2024-H1');
    expect(periodForData('month', '2023-12-20').id).toBe('2024-M01');
  });

  it('switches window on the 15th', () => {
    expect(periodForData('quarter', '2023-12-14').id).toBe('2023-Q4');
    expect(periodForData('quarter', '2023-12-15').id).toBe('2024-Q1');
    expect(periodForData('quarter', '2024-03-14').id).toBe('2024-Q1');
    expect(periodForData('quarter', '2024-03-15').id).toBe('2024-Q2');
    expect(periodForData('half', '2024-06-14').id).toBe('2024-H1');
    expect(periodForData('half', '2024-06-15').id).toBe('2024-H2');
    expect(periodForData('year', '2024-12-14').id).toBe('2024-Y');
    expect(periodForData('year', '2024-12-15').id).toBe('2025-Y');
    expect(periodForData('month', '2024-02-29').id).toBe('2024-M03');
    expect(periodForData('month', '2024-03-01').id).toBe('2024-M03');
  });

  it('places by calendar month', () => {
    expect(periodOf('month', '2024-02-29').id).toBe('2024-M02');
    expect(periodOf('quarter', '2023-12-31').id).toBe('2023-Q4');
    expect(periodOf('quarter', '2024-01-01').id).toBe('2024-Q1');
    expect(periodOf('half', '2024-06-30').id).toBe('2024-H1');
    expect(periodOf('half', '2024-07-01').id).toBe('2024-H2');
    expect(periodOf('year', '2024-12-31').id).toBe('2024-Y');
  });

  it('every day of 2023-2025 lies in its calendar period and its data period', () => {
    for (let n = toDayNumber('2023-01-01'); n <= toDayNumber('2025-12-31'); n++) {
      const d = fromDayNumber(n);
      for (const cadence of CADENCES) {
        if (!periodContains(periodOf(cadence, d), d)) throw new Error(`${cadence} calendar ${d}`);
        if (!windowContains(periodForData(cadence, d), d)) throw new Error(`${cadence} window ${d}`);
      }
    }
  });

  it('refuses malformed dates', () => {
    expect(() => periodOf('month', '2024-02-30')).toThrow(RangeError);
    expect(() => periodForData('year', '20/12/2023')).toThrow(RangeError);
  });
});

describe('previousPeriod / nextPeriod across year ends', () => {
  it('steps by one period', () => {
    expect(previousPeriod(periodById('2024-Q1')).id).toBe('2023-Q4');
    expect(nextPeriod(periodById('2023-Q4')).id).toBe('2024-Q1');
    expect(previousPeriod(periodById('2024-M01')).id).toBe('2023-M12');
    expect(nextPeriod(periodById('2023-M12')).id).toBe('2024-M01');
    expect(previousPeriod(periodById('2024-H1')).id).toBe('2023-H2');
    expect(nextPeriod(periodById('2023-H2')).id).toBe('2024-H1');
    expect(previousPeriod(periodById('2024-Y')).id).toBe('2023-Y');
    expect(nextPeriod(periodById('2024-Y')).id).toBe('2025-Y');
    expect(nextPeriod(periodById('2024-M03')).id).toBe('2024-M04');
    expect(previousPeriod(nextPeriod(periodById('2024-Q3')))).toEqual(periodById('2024-Q3'));
  });
});

describe('periodsBetween', () => {
  it('lists the periods meeting the range, across a year end', () => {
    expect(periodsBetween('quarter', '2023-11-20', '2024-02-01').map((p) => p.id)).toEqual(['2023-Q4', '2024-Q1']);
    expect(periodsBetween('month', '2023-11-30', '2024-02-01').map((p) => p.id)).toEqual([
      '2023-M11',
      '2023-M12',
      '2024-M01',
      '2024-M02',
    ]);
    expect(periodsBetween('half', '2023-01-01', '2025-12-31').map((p) => p.id)).toEqual([
      '2023-H1',
      '2023-H2',
      '2024-H1',
      '2024-H2',
      '2025-H1',
      '2025-H2',
    ]);
    expect(periodsBetween('year', '2023-08-08', '2025-12-31').map((p) => p.id)).toEqual(['2023-Y', '2024-Y', '2025-Y']);
  });

  it('one period for a single day, none when the range is reversed', () => {
    expect(periodsBetween('quarter', '2024-05-05', '2024-05-05').map((p) => p.id)).toEqual(['2024-Q2']);
    expect(periodsBetween('quarter', '2024-05-06', '2024-05-05')).toEqual([]);
  });
});

describe('ids', () => {
  it('round-trips every period of 2023-2025', () => {
    for (const cadence of CADENCES) {
      for (const p of periodsBetween(cadence, '2023-01-01', '2025-12-31')) {
        expect(isPeriodId(p.id)).toBe(true);
        expect(periodById(p.id)).toEqual(p);
      }
    }
    expect(periodsBetween('month', '2023-01-01', '2025-12-31')).toHaveLength(36);
  });

  it('sort chronologically within a cadence', () => {
    const ids = periodsBetween('month', '2023-06-01', '2024-06-01').map((p) => p.id);
    expect([...ids].sort()).toEqual(ids);
  });

  it('refuses malformed ids', () => {
    for (const id of ['2024-M13', '2024-M00', '2024-M3', '2024-Q0', '2024-Q5', '2024-H3', '2024-Y1', '24-Q1', '2024-q1', '0000-Y', '2024Q1', '']) {
      expect(isPeriodId(id)).toBe(false);
      expect(() => periodById(id)).toThrow(RangeError);
    }
    expect(isPeriodId(20241)).toBe(false);
  });

  it('makePeriod refuses impossible indexes and years', () => {
    expect(makePeriod('quarter', 2024, 4).id).toBe('2024-Q4');
    expect(() => makePeriod('quarter', 2024, 5)).toThrow(RangeError);
    expect(() => makePeriod('half', 2024, 0)).toThrow(RangeError);
    expect(() => makePeriod('year', 2024, 2)).toThrow(RangeError);
    expect(() => makePeriod('month', 2024, 1.5)).toThrow(RangeError);
    expect(() => makePeriod('month', 0, 1)).toThrow(RangeError);
    expect(() => makePeriod('month', 10000, 1)).toThrow(RangeError);
  });
});

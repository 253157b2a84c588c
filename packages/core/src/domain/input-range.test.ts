import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate, MAX_INPUT_YEAR, MIN_INPUT_YEAR } from './dates.ts';
import { isPeriodId, periodById } from './periods.ts';

/** Issue 10, item 7: dates and periods from outside are limited to years 1900-2999 (0000 and 9999 made 500s). */
describe('input dates and periods', () => {
  it('accept years 1900-2999 only', () => {
    expect([MIN_INPUT_YEAR, MAX_INPUT_YEAR]).toEqual([1900, 2999]);
    for (const date of ['1900-01-01', '2024-02-29', '2999-12-31']) expect(isIsoDate(date), date).toBe(true);
    for (const date of ['0000-01-01', '0001-01-01', '1899-12-31', '3000-01-01', '9999-12-31']) expect(isIsoDate(date), date).toBe(false);
    for (const id of ['1900-Q1', '2024-M03', '2999-Y', '2999-H2']) expect(isPeriodId(id), id).toBe(true);
    for (const id of ['0001-Q1', '0000-Y', '1899-M12', '3000-Q1', '9999-Q4']) expect(isPeriodId(id), id).toBe(false);
    expect(() => periodById('0001-Q1')).toThrow(RangeError);
  });

  it('leave room for arithmetic at both ends', () => {
    expect(periodById('1900-Q1').windowStart).toBe('1899-12-15');
    expect(addDays('2999-12-31', 365)).toBe('3000-12-31');
  });
});

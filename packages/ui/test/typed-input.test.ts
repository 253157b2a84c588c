import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { parseTypedDate, TYPED_DATE_FORMATS } from '../src/dates.ts';
import { maxTextRule, refusedDateMessage, tooLongMessage, typedDateMessage } from '../src/fields.tsx';

dayjs.extend(customParseFormat);

/** Issue 11, item 1: a date is read as people type it, and an impossible one says so. */
describe('parseTypedDate', () => {
  it('reads dd/mm/yyyy, d/m/yyyy, dd.mm.yyyy and yyyy-mm-dd as the same day', () => {
    for (const text of ['30/11/2026', '30.11.2026', '2026-11-30', ' 30/11/2026 ', '30-11-2026']) expect(parseTypedDate(text), text).toEqual({ iso: '2026-11-30' });
    for (const text of ['1/2/2026', '01/2/2026', '1.2.2026', '01/02/2026', '2026-2-1']) expect(parseTypedDate(text), text).toEqual({ iso: '2026-02-01' });
    expect(parseTypedDate('29/02/2024')).toEqual({ iso: '2024-02-29' });
    expect(parseTypedDate('')).toEqual({ iso: null });
    expect(parseTypedDate('   ')).toEqual({ iso: null });
  });

  it('refuses impossible days, months and years, saying which', () => {
    expect(parseTypedDate('31/11/2026')).toEqual({ problem: 'impossible', day: 31, month: 11, year: 2026, daysInMonth: 30 });
    expect(parseTypedDate('29/02/2026')).toMatchObject({ problem: 'impossible', daysInMonth: 28 });
    expect(parseTypedDate('0/1/2026')).toMatchObject({ problem: 'impossible' });
    expect(parseTypedDate('12/13/2026')).toEqual({ problem: 'month', month: 13, year: 2026 });
    expect(parseTypedDate('01/01/0001')).toEqual({ problem: 'year', year: 1 });
    expect(parseTypedDate('01/01/3000')).toEqual({ problem: 'year', year: 3000 });
    for (const text of ['abc', '30/11', '30/11/26', '2026/11/30', '30/11.2026', '30112026']) expect(parseTypedDate(text), text).toEqual({ problem: 'format' });
  });

  it('names the problem in Vietnamese', () => {
    expect(typedDateMessage('31/11/2026', { problem: 'impossible', day: 31, month: 11, year: 2026, daysInMonth: 30 })).toBe(
      'Ngày 31/11/2026 không có thật: tháng 11/2026 chỉ có 30 ngày.',
    );
    expect(typedDateMessage('abc', { problem: 'format' })).toContain('dd/mm/yyyy');
    expect(refusedDateMessage(dayjs('2026-11-30'))).toBeNull();
    expect(refusedDateMessage(null)).toBeNull();
  });

  it('agrees with the picker formats (dayjs strict) on every day they read', () => {
    for (const text of ['30/11/2026', '1/2/2026', '30.11.2026', '2026-11-30', '5.3.2026']) {
      const read = TYPED_DATE_FORMATS.map((format) => dayjs(text, format, true)).find((d) => d.isValid());
      expect(read?.format('YYYY-MM-DD'), text).toBe((parseTypedDate(text) as { iso: string }).iso);
    }
    // dayjs strict refuses the impossible day too: the picker never turns it into another day.
    expect(TYPED_DATE_FORMATS.some((format) => dayjs('31/11/2026', format, true).isValid())).toBe(false);
  });
});

describe('texts over their limit', () => {
  it('are refused with their length and how much to cut', async () => {
    expect(tooLongMessage(5234, 5000)).toBe('Nội dung dài 5.234 ký tự, quá giới hạn 5.000 ký tự: hãy rút gọn 234 ký tự trước khi lưu.');
    const rule = maxTextRule(10) as { validator: (rule: unknown, value: unknown) => Promise<void> };
    await expect(rule.validator({}, 'x'.repeat(10))).resolves.toBeUndefined();
    await expect(rule.validator({}, 'x'.repeat(11))).rejects.toThrow('Nội dung dài 11 ký tự');
  });
});

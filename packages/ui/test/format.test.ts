import { describe, expect, it } from 'vitest';
import { formatDate, formatWait } from '../src/format.ts';

describe('formatDate', () => {
  it('formats an ISO date as dd/mm/yyyy without a time-zone shift', () => {
    expect(formatDate('2025-03-31')).toBe('31/03/2025');
    expect(formatDate('2024-01-05')).toBe('05/01/2024');
  });

  it('formats a Date and an ISO date-time in local time', () => {
    expect(formatDate(new Date(2025, 11, 9, 8, 30))).toBe('09/12/2025');
    expect(formatDate(new Date(2025, 0, 2).toISOString())).toBe('02/01/2025');
  });

  it('answers an empty string for nothing or garbage', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('not a date')).toBe('');
  });
});

describe('personLabel', () => {
  it('names a person by full name, title and unit, leaving out what is not given', async () => {
    const { personLabel } = await import('../src/PersonName.tsx');
    expect(personLabel({ fullName: 'Nguyễn Văn An', title: 'Trưởng phòng Nội vụ', unitName: 'Quận Ba Đình' })).toBe('Nguyễn Văn An, Trưởng phòng Nội vụ, Quận Ba Đình');
    expect(personLabel({ fullName: 'Dữ liệu mẫu (hệ thống)', title: null, unitName: null })).toBe('Dữ liệu mẫu (hệ thống)');
    expect(personLabel({ fullName: 'Quản trị hệ thống', title: 'Quản trị viên', unitName: ' ' })).toBe('Quản trị hệ thống, Quản trị viên');
  });
});

describe('formatWait', () => {
  it('says a wait in minutes and seconds, in either language', () => {
    expect(formatWait(270)).toBe('4 phút 30 giây');
    expect(formatWait(900)).toBe('15 phút');
    expect(formatWait(1)).toBe('1 giây');
    expect(formatWait(3661)).toBe('1 giờ 1 phút 1 giây');
    expect(formatWait(270, 'en')).toBe('4 min 30 s');
    expect(formatWait(0)).toBe('0 giây');
  });
});

import { describe, expect, it } from 'vitest';
import { parseVietnameseNumber } from '../src/numbers.ts';

describe('parseVietnameseNumber', () => {
  it.each([
    ['1234567', 1234567],
    ['1.234.567', 1234567],
    ['1.234', 1234],
    ['12.345.678.901', 12345678901],
    ['1.234.567,5', 1234567.5],
    ['1.234.567,89', 1234567.89],
    ['1234,5', 1234.5],
    ['0,25', 0.25],
    ['12,5', 12.5],
    ['1 234 567', 1234567],
    ['1\u00a0234\u00a0567', 1234567],
    ['  1.000  ', 1000],
    ['1.000.000 đ', 1000000],
    ['1.000.000đ', 1000000],
    ['2.500.000 đồng', 2500000],
    ['2.500.000 VNĐ', 2500000],
    ['1,234,567', 1234567],
    ['1,234,567.89', 1234567.89],
    ['1,234.5', 1234.5],
    ['12.5', 12.5],
    ['0.25', 0.25],
    ['1234.567', 1234.567],
    ['-1.234', -1234],
    ['(1.234)', -1234],
    ['+15', 15],
    ['0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(parseVietnameseNumber(text)).toBe(value);
  });

  it.each(['', '   ', 'abc', '1..2', '1.23.4', '1.2345.678', '1,2,3', '12a', '1.234,5,6', '--1', '.5', '5.', ',5', 'đ'])(
    'rejects %j',
    (text) => {
      expect(parseVietnameseNumber(text)).toBeNull();
    },
  );

  it('reads "1,234" as a decimal (Vietnamese comma), the one ambiguous form', () => {
    expect(parseVietnameseNumber('1,234')).toBe(1.234);
  });

  it('passes numbers through and refuses non-finite ones', () => {
    expect(parseVietnameseNumber(42.5)).toBe(42.5);
    expect(parseVietnameseNumber(Number.NaN)).toBeNull();
    expect(parseVietnameseNumber(null)).toBeNull();
    expect(parseVietnameseNumber(undefined)).toBeNull();
  });

  it('reads decomposed (NFD) Vietnamese currency words', () => {
    expect(parseVietnameseNumber('1.000 đồng'.normalize('NFD'))).toBe(1000);
  });
});

import { describe, expect, it } from 'vitest';
import { CsvError, decodeUtf8, detectDelimiter, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads comma-separated rows with CRLF or LF', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\n4,5,6')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('reads semicolons (Vietnamese Excel) so decimal commas stay inside fields', () => {
    expect(parseCsv('Tên đơn vị;Tổng thu (A)\nTrường A;1.234.567,5\n')).toEqual([
      ['Tên đơn vị', 'Tổng thu (A)'],
      ['Trường A', '1.234.567,5'],
    ]);
  });

  it('reads quoted fields with separators, doubled quotes and line breaks', () => {
    expect(parseCsv('name,note\n"Trường ""Hoa Sen"", cơ sở 2","dòng 1\ndòng 2"\n')).toEqual([
      ['name', 'note'],
      ['Trường "Hoa Sen", cơ sở 2', 'dòng 1\ndòng 2'],
    ]);
  });

  it('drops the byte-order mark and keeps empty fields', () => {
    expect(parseCsv('\ufeffa,b\n,\n')).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
  });

  it('reads tabs', () => {
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('refuses an unterminated quote, saying where it starts', () => {
    expect(() => parseCsv('a,b\n1,"oops\n2,3')).toThrow(CsvError);
    try {
      parseCsv('a,b\n1,"oops\n2,3');
    } catch (error) {
      expect((error as CsvError).line).toBe(2);
    }
  });

  it('answers no rows for an empty text', () => {
    expect(parseCsv('')).toEqual([]);
  });
});

describe('detectDelimiter', () => {
  it('picks the separator of the first line, outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('"x;y",b,c\n')).toBe(',');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    expect(detectDelimiter('single\n')).toBe(',');
  });
});

describe('decodeUtf8', () => {
  it('decodes UTF-8 with or without BOM', () => {
    const text = 'Tên đơn vị';
    expect(decodeUtf8(new TextEncoder().encode(text))).toBe(text);
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe(text);
  });

  it('refuses bytes that are not UTF-8 (a Windows-1258 file)', () => {
    expect(decodeUtf8(new Uint8Array([0x54, 0xea, 0x6e]))).toBeNull();
  });
});

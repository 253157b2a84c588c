import { describe, expect, it } from 'vitest';
import { headerKey, type CellValue } from '@dondoc/plugin-sdk';
import { registerSheet } from '../server/imports.ts';
import { checkClassification } from './groups.ts';
import { nameKey } from './import-rows.ts';

const columnForHeader = (text: string) => registerSheet.columnForHeader(text);
const parseImportTable = (cells: CellValue[][], locale: 'vi' | 'en' = 'vi') => registerSheet.readCells(cells, locale);
type Row = ReturnType<typeof parseImportTable>['rows'][number];
const checkOf = (r: Row) => checkClassification({ group: r.group as 1 | 2 | 3 | 4 | null, revenueA: r.revenueA, spendingB: r.spendingB, investmentCovered: r.investmentCovered === true });

const HEADER = ['Tên đơn vị', 'Lĩnh vực', 'Năm', 'Nhóm tự chủ', 'Tổng thu (A)', 'Chi thường xuyên (B)'];

function table(...rows: CellValue[][]): CellValue[][] {
  return [HEADER, ...rows];
}

describe('headers', () => {
  it('matches headers without diacritics, case or trailing marks', () => {
    expect(headerKey('  Tên   ĐƠN vị: ')).toBe('ten don vi');
    expect(columnForHeader('TÊN ĐƠN VỊ')).toBe('name');
    expect(columnForHeader('Ten don vi')).toBe('name');
    expect(columnForHeader('Tổng thu (A) *')).toBe('revenueA');
    expect(columnForHeader('Chi thuong xuyen (B)')).toBe('spendingB');
    expect(columnForHeader('Nhóm theo lộ trình')).toBe('plannedGroup');
    expect(columnForHeader('Recurrent spending (B)')).toBe('spendingB');
    expect(columnForHeader('Ghi chú')).toBeNull();
  });

  it('matches decomposed (NFD) Vietnamese headers', () => {
    expect(columnForHeader('Lĩnh vực'.normalize('NFD'))).toBe('sector');
  });

  it('keys unit names by their NFC lower case, diacritics kept', () => {
    expect(nameKey('  Trường  Mầm non HOA SEN ')).toBe('trường mầm non hoa sen');
    expect(nameKey('Trường Mầm non Hoa Sen'.normalize('NFD'))).toBe(nameKey('Trường Mầm non Hoa Sen'));
    expect(nameKey('Truong Mam non Hoa Sen')).not.toBe(nameKey('Trường Mầm non Hoa Sen'));
  });
});

describe('parseImportTable', () => {
  it('reads rows with Vietnamese numbers, checking each classification', () => {
    const result = parseImportTable(
      table(
        ['Trường Mầm non Hoa Sen', 'Giáo dục và đào tạo', 2024, 'Nhóm 3', '1.234.567', '2.469.134'],
        ['Trung tâm Y tế quận', 'Y tế - Dân số', '2024', 2, 5_000_000, '4.000.000,5'],
        ['Nhà văn hóa', 'Văn hóa, thể thao và du lịch', 2024, 2, '100', '1.000'],
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.headerRow).toBe(1);
    expect(result.rows.map((r) => [r.row, r.group, r.revenueA, r.spendingB, checkOf(r).level, checkOf(r).impliedGroup, checkOf(r).status])).toEqual([
      [2, 3, 1234567, 2469134, 50, 3, 'ok'],
      [3, 2, 5000000, 4000000.5, 124.99, 2, 'ok'],
      [4, 2, 100, 1000, 10, 3, 'mismatch'],
    ]);
  });

  it('finds the header below titles and reports spreadsheet row numbers', () => {
    const result = parseImportTable([
      ['BÁO CÁO PHÂN LOẠI ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP'],
      [],
      ['Đơn vị: Quận Ba Đình'],
      HEADER,
      ['Trường A', 'Giáo dục và đào tạo', 2024, 4, 'abc', 1000],
    ]);
    expect(result.headerRow).toBe(4);
    expect(result.errors).toEqual([{ row: 5, column: 'Tổng thu (A)', message: '"abc" không phải là số (viết như 1.234.567 hoặc 1.234.567,5).' }]);
    expect(result.rows).toEqual([]);
  });

  it('lists every row-level problem with row, column and a Vietnamese message', () => {
    const result = parseImportTable(
      table(
        ['', 'Y tế - Dân số', 2024, 3, 10, 100],
        ['Trường B', '', 2021, 5, -1, 0],
        ['Trường C', 'Giáo dục và đào tạo', 2024, 3, 10, null],
        ['Trường D', 'Giáo dục và đào tạo', 2024, null, null, null],
      ),
    );
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { row: 2, column: 'Tên đơn vị', message: 'Chưa nhập.' },
      { row: 3, column: 'Lĩnh vực', message: 'Chưa nhập.' },
      { row: 3, column: 'Năm', message: 'Năm phải là một trong 2022, 2023, 2024, 2025.' },
      { row: 3, column: 'Nhóm tự chủ', message: 'Nhóm tự chủ phải là 1, 2, 3 hoặc 4.' },
      { row: 3, column: 'Tổng thu (A)', message: 'Không được là số âm.' },
      { row: 3, column: 'Chi thường xuyên (B)', message: 'Chi thường xuyên (B) phải lớn hơn 0 để tính mức tự bảo đảm.' },
      {
        row: 4,
        column: 'Chi thường xuyên (B)',
        message: 'Đã nhập một phần phân loại; cần nhập đủ nhóm tự chủ, tổng thu (A) và chi thường xuyên (B) — thiếu "Chi thường xuyên (B)".',
      },
      { row: 5, column: 'Nhóm tự chủ', message: 'Dòng không có nhóm tự chủ, số liệu A, B hay nhóm theo lộ trình.' },
    ]);
  });

  it('answers in English when asked', () => {
    const result = parseImportTable(table(['Trường A', 'X', 2030, 3, 10, 100]), 'en');
    expect(result.errors).toEqual([{ row: 2, column: 'Năm', message: 'Year must be one of 2022, 2023, 2024, 2025.' }]);
  });

  it('refuses a duplicate unit-year (a unit with two sectors is refused by the import plan)', () => {
    const result = parseImportTable(
      table(
        ['Trường A', 'Giáo dục và đào tạo', 2023, 3, 10, 100],
        ['trường  a', 'Giáo dục và đào tạo', 2023, 3, 20, 100],
        ['Trường A', 'Y tế - Dân số', 2024, 3, 20, 100],
        ['Trường A', 'giáo dục và ĐÀO TẠO', 2025, 3, 30, 100],
      ),
    );
    expect(result.errors).toEqual([
      { row: 3, column: 'Năm', message: 'Trùng đơn vị và năm với dòng 2.' },
    ]);
    expect(result.rows.map((r) => r.year)).toEqual([2023, 2024, 2025]);
  });

  it('reads optional roadmap and investment columns, and plan-only rows', () => {
    const result = parseImportTable([
      [...HEADER, 'Nhóm theo lộ trình', 'Tự bảo đảm chi đầu tư', 'Ghi chú'],
      ['Bệnh viện X', 'Y tế - Dân số', 2024, 1, '12.000', '10.000', 'Nhóm 1', 'Có', 'ghi chú bỏ qua'],
      ['Bệnh viện X', 'Y tế - Dân số', 2025, '', '', '', 'I', '', ''],
      ['Bệnh viện Y', 'Y tế - Dân số', 2025, 2, '12.000', '10.000', 2, 'không', ''],
      ['Bệnh viện Z', 'Y tế - Dân số', 2025, 2, '12.000', '10.000', 2, 'có lẽ', ''],
    ]);
    expect(result.ignoredColumns).toEqual(['Ghi chú']);
    expect(result.errors).toEqual([{ row: 5, column: 'Tự bảo đảm chi đầu tư', message: '"có lẽ" không hợp lệ; ghi "Có" hoặc "Không".' }]);
    expect(result.rows.map((r) => [r.name, r.year, r.group, r.plannedGroup, r.investmentCovered, checkOf(r).status])).toEqual([
      ['Bệnh viện X', 2024, 1, 1, true, 'ok'],
      ['Bệnh viện X', 2025, null, 1, null, 'unclassified'],
      ['Bệnh viện Y', 2025, 2, 2, false, 'ok'],
    ]);
  });

  it('reports missing required columns on the header row', () => {
    const result = parseImportTable([['Tên đơn vị', 'Năm', 'Nhóm tự chủ'], ['A', 2024, 3]]);
    expect(result.errors).toEqual([
      { row: 1, column: 'Lĩnh vực', message: 'Thiếu cột bắt buộc "Lĩnh vực".' },
      { row: 1, column: 'Tổng thu (A)', message: 'Thiếu cột bắt buộc "Tổng thu (A)".' },
      { row: 1, column: 'Chi thường xuyên (B)', message: 'Thiếu cột bắt buộc "Chi thường xuyên (B)".' },
    ]);
  });

  it('reports a file without header, without rows, or with a repeated column', () => {
    expect(parseImportTable([['a', 'b'], ['1', '2']]).errors[0]?.message).toMatch(/Không tìm thấy dòng tiêu đề/);
    expect(parseImportTable([HEADER, [], ['', '  ']]).errors).toEqual([
      { row: 1, column: 'Tên đơn vị', message: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.' },
    ]);
    expect(parseImportTable([[...HEADER, 'Tong thu (A)']]).errors).toEqual([
      { row: 1, column: 'Tong thu (A)', message: 'Cột này trùng với cột "Tổng thu (A)".' },
    ]);
  });

  it('skips blank rows but keeps spreadsheet numbering', () => {
    const result = parseImportTable(table([], ['', null], ['Trường A', 'Giáo dục và đào tạo', 'Năm 2022', 'nhóm 4', '0', '1.000']));
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ row: 4, year: 2022, group: 4, revenueA: 0, spendingB: 1000 });
  });

  it('refuses more rows than the limit', () => {
    const many = Array.from({ length: 5001 }, (_, i) => [`Trường ${i}`, 'Giáo dục và đào tạo', 2024, 3, 10, 100]);
    const result = parseImportTable(table(...many));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toMatch(/quá 5000 dòng/);
  });
});

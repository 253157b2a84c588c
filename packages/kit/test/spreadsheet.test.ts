import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { cleanText, defineSpreadsheet, headerKey, type CellValue } from '../src/spreadsheet.ts';

const sheet = defineSpreadsheet({
  columns: [
    { key: 'name', header: { vi: 'Tên đơn vị', en: 'Unit name' }, aliases: ['don vi'], required: true, kind: 'text', maxLength: 20 },
    { key: 'year', header: { vi: 'Năm', en: 'Year' }, required: true, kind: 'integer', min: 2022, max: 2025 },
    { key: 'amount', header: { vi: 'Số tiền', en: 'Amount' }, kind: 'amount', min: 0, max: 1_000_000 },
    { key: 'due', header: { vi: 'Hạn', en: 'Due date' }, kind: 'date' },
    { key: 'done', header: { vi: 'Đã xong', en: 'Done' }, kind: 'boolean' },
    {
      key: 'group',
      header: { vi: 'Nhóm', en: 'Group' },
      kind: 'oneOf',
      values: [
        { value: 1, aliases: ['nhom 1', 'i'] },
        { value: 2, aliases: ['nhom 2', 'ii'] },
      ],
      invalid: { vi: 'Nhóm phải là 1 hoặc 2.', en: 'The group must be 1 or 2.' },
    },
  ],
  maxRows: 3,
  duplicateKey: { of: (row) => `${row.name.toLowerCase()}|${row.year}`, column: 'year', message: (first) => ({ vi: `Trùng với dòng ${first}.`, en: `Same as row ${first}.` }) },
  rowRule: (row) => (row.done === true && row.due === null ? [{ column: 'due', message: { vi: 'Đã xong thì cần có hạn.', en: 'A done row needs a due date.' } }] : []),
  examples: [{ name: 'Trường A', year: 2024, amount: 1500.5, due: '31/12/2024', done: 'Có', group: 1 }],
  notes: [{ title: { vi: 'Tệp', en: 'File' }, text: { vi: 'Tối đa 512 KB.', en: 'At most 512 KB.' } }],
});

const HEADER = ['Tên đơn vị', 'Năm', 'Số tiền', 'Hạn', 'Đã xong', 'Nhóm'];
const read = (rows: CellValue[][], locale: 'vi' | 'en' = 'vi') => sheet.readCells(rows, locale);

async function xlsx(sheets: Array<{ name: string; rows: unknown[][] }>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name);
    for (const row of s.rows) ws.addRow(row as ExcelJS.CellValue[]);
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
const utf8 = (text: string, bom = false) => new TextEncoder().encode((bom ? '\ufeff' : '') + text);

describe('headers', () => {
  it('match without diacritics, case, spacing or trailing marks, in either language or an alias', () => {
    expect(headerKey('  Tên   ĐƠN vị: ')).toBe('ten don vi');
    expect(headerKey('Lĩnh vực'.normalize('NFD'))).toBe('linh vuc');
    expect(sheet.columnForHeader('TEN DON VI *')).toBe('name');
    expect(sheet.columnForHeader('Unit name')).toBe('name');
    expect(sheet.columnForHeader('Đơn vị')).toBe('name');
    expect(sheet.columnForHeader('Ghi chú')).toBeNull();
    expect(cleanText('  Trường  Mầm non '.normalize('NFD'))).toBe('Trường Mầm non');
  });

  it('are found below titles, with spreadsheet row numbers, blank rows skipped, unknown columns listed', () => {
    const result = read([['BÁO CÁO'], [], ['Đơn vị: Quận Ba Đình'], [...HEADER, 'Ghi chú'], [], ['Trường A', 2024, '1.234,5', null, null, 'Nhóm 2', 'x'], ['', null]]);
    expect(result).toMatchObject({ headerRow: 4, dataRows: 1, errors: [], ignoredColumns: ['Ghi chú'] });
    expect(result.rows).toEqual([{ row: 6, name: 'Trường A', year: 2024, amount: 1234.5, due: null, done: null, group: 2 }]);
  });

  it('report a missing header row, a missing required column, a repeated column, no rows', () => {
    expect(read([['a'], ['b']]).errors).toEqual([{ row: 1, column: 'Tên đơn vị', message: 'Không tìm thấy dòng tiêu đề có cột "Tên đơn vị" trong 15 dòng đầu.' }]);
    expect(read([['Tên đơn vị', 'Số tiền'], ['A', 1]]).errors).toEqual([{ row: 1, column: 'Năm', message: 'Thiếu cột bắt buộc "Năm".' }]);
    expect(read([['Tên đơn vị', 'Số tiền'], ['A', 1]], 'en').errors).toEqual([{ row: 1, column: 'Year', message: 'Required column "Năm" (Year) is missing.' }]);
    expect(read([[...HEADER, 'Nam']]).errors).toEqual([{ row: 1, column: 'Nam', message: 'Cột này trùng với cột "Năm".' }]);
    expect(read([HEADER, [], ['  ']]).errors).toEqual([{ row: 1, column: 'Tên đơn vị', message: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.' }]);
  });

  it('refuse more rows than the limit', () => {
    const rows = Array.from({ length: 4 }, (_, i) => [`T${i}`, 2024]);
    expect(read([HEADER, ...rows]).errors).toEqual([{ row: 1, column: 'Tên đơn vị', message: 'Tệp có quá 3 dòng dữ liệu; hãy chia thành nhiều tệp.' }]);
  });
});

describe('kinds', () => {
  const one = (cells: CellValue[], locale: 'vi' | 'en' = 'vi') => read([HEADER, cells], locale);

  it('text: cleaned, required, at most maxLength', () => {
    expect(one(['  Trường   A ', 2024]).rows[0]?.name).toBe('Trường A');
    expect(one(['', 2024]).errors).toEqual([{ row: 2, column: 'Tên đơn vị', message: 'Chưa nhập.' }]);
    expect(one(['x'.repeat(21), 2024]).errors[0]?.message).toBe('Dài quá 20 ký tự.');
    expect(one(['x'.repeat(21), 2024], 'en').errors[0]?.message).toBe('Longer than 20 characters.');
  });

  it('integer: whole numbers within min and max', () => {
    expect(one(['A', '2.026']).errors[0]?.message).toBe('Lớn quá mức cho phép (2.025).');
    expect(one(['A', 2021]).errors[0]?.message).toBe('Không được nhỏ hơn 2.022.');
    expect(one(['A', '2024,5']).errors[0]?.message).toBe('"2024,5" không phải là số nguyên.');
    expect(one(['A', 'hai']).errors[0]?.message).toBe('"hai" không phải là số (viết như 1.234.567 hoặc 1.234.567,5).');
    expect(one(['A', '2024']).rows[0]?.year).toBe(2024);
  });

  it('amount: Vietnamese numbers, rounded to 2 decimals, min and max', () => {
    expect(one(['A', 2024, '1.000.000 đ']).rows[0]?.amount).toBe(1_000_000);
    expect(one(['A', 2024, 12.3456]).rows[0]?.amount).toBe(12.35);
    expect(one(['A', 2024, '-1']).errors[0]?.message).toBe('Không được là số âm.');
    expect(one(['A', 2024, '-1'], 'en').errors[0]?.message).toBe('Must not be negative.');
    expect(one(['A', 2024, '2.000.000']).errors[0]?.message).toBe('Lớn quá mức cho phép (1.000.000).');
    expect(one(['A', 2024, 'abc'], 'en').errors[0]?.message).toBe('"abc" is not a number (write it like 1.234.567 or 1.234.567,5).');
  });

  it('date: dd/mm/yyyy, d/m/yyyy, dd.mm.yyyy, ISO, real xlsx dates; impossible dates refused', () => {
    const due = (value: CellValue) => one(['A', 2024, null, value]);
    expect(due('31/12/2024').rows[0]?.due).toBe('2024-12-31');
    expect(due('1/2/2024').rows[0]?.due).toBe('2024-02-01');
    expect(due('29.02.2024').rows[0]?.due).toBe('2024-02-29');
    expect(due('2024-03-05').rows[0]?.due).toBe('2024-03-05');
    expect(due(new Date(Date.UTC(2024, 6, 15))).rows[0]?.due).toBe('2024-07-15');
    expect(due('29/02/2023').errors[0]?.message).toBe('"29/02/2023" không phải là ngày hợp lệ (ghi dd/mm/yyyy, ví dụ 31/12/2024).');
    expect(due('31/04/2024').errors).toHaveLength(1);
    expect(due('12/31/2024').errors).toHaveLength(1);
  });

  it('boolean: Có/Không, x, 1/0, yes/no', () => {
    const done = (value: CellValue) => one(['A', 2024, null, '01/01/2024', value]).rows[0]?.done;
    for (const yes of ['Có', 'co', 'x', 'X', 1, 'yes', true]) expect(done(yes)).toBe(true);
    for (const no of ['Không', 'khong', 0, '0', 'no', false]) expect(done(no)).toBe(false);
    expect(one(['A', 2024, null, null, 'có lẽ']).errors[0]?.message).toBe('"có lẽ" không hợp lệ; ghi "Có" hoặc "Không".');
  });

  it('oneOf: values and their aliases, with the column’s own message', () => {
    const group = (value: CellValue) => one(['A', 2024, null, null, null, value]);
    expect(group('Nhóm 1').rows[0]?.group).toBe(1);
    expect(group('II').rows[0]?.group).toBe(2);
    expect(group(2).rows[0]?.group).toBe(2);
    expect(group(3).errors).toEqual([{ row: 2, column: 'Nhóm', message: 'Nhóm phải là 1 hoặc 2.' }]);
    expect(one(['A', 2024, null, null, null, 3], 'en').errors[0]?.message).toBe('The group must be 1 or 2.');
  });
});

describe('rules', () => {
  it('lists every problem of every row, row rules included, and keeps only clean rows', () => {
    const result = read([HEADER, ['A', 2024, null, null, 'x'], ['', 2030, 'abc'], ['B', 2024]]);
    expect(result.errors).toEqual([
      { row: 2, column: 'Hạn', message: 'Đã xong thì cần có hạn.' },
      { row: 3, column: 'Tên đơn vị', message: 'Chưa nhập.' },
      { row: 3, column: 'Năm', message: 'Lớn quá mức cho phép (2.025).' },
      { row: 3, column: 'Số tiền', message: '"abc" không phải là số (viết như 1.234.567 hoặc 1.234.567,5).' },
    ]);
    expect(result.rows.map((r) => r.row)).toEqual([4]);
    expect(result.dataRows).toBe(3);
  });

  it('refuses a duplicate of an earlier row by the declared key', () => {
    const result = read([HEADER, ['Trường A', 2024], ['TRƯỜNG A', 2024], ['Trường A', 2025]]);
    expect(result.errors).toEqual([{ row: 3, column: 'Năm', message: 'Trùng với dòng 2.' }]);
    expect(result.rows.map((r) => r.row)).toEqual([2, 4]);
  });
});

describe('read (files)', () => {
  it('gives the event loop back while it types 5,000 rows (other requests are answered meanwhile), and reads them all', async () => {
    const lines = ['Tên đơn vị;Năm;Số tiền'];
    for (let i = 1; i <= 5000; i++) lines.push(`Đơn vị ${i};2024;${i}`);
    const large = defineSpreadsheet({ columns: sheet.columns.slice(0, 3) });
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const result = await large.read(utf8(lines.join('\n')), 'lon.csv');
    clearInterval(ticking);
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(5000);
    expect(result.rows.at(-1)).toMatchObject({ row: 5001, name: 'Đơn vị 5000', amount: 5000 });
    // Typed 500 rows at a time: the timer ran between batches.
    expect(turns).toBeGreaterThanOrEqual(5);
  });

  it('reads a CSV saved by Vietnamese Excel: semicolons, BOM, quoted separators and line breaks, CRLF', async () => {
    const text = ['Tên đơn vị;Năm;Số tiền', '"Trung tâm; Hoàn Kiếm";2024;"234.567,5"', '"Dòng ""một""', 'hai";2025;', ''].join('\r\n');
    const result = await sheet.read(utf8(text, true), 'danh-sach.csv');
    expect(result).toMatchObject({ fileKind: 'csv', sheetName: null, errors: [], dataRows: 2 });
    expect(result.rows.map((r) => [r.name, r.year, r.amount])).toEqual([
      ['Trung tâm; Hoàn Kiếm', 2024, 234567.5],
      ['Dòng "một" hai', 2025, null],
    ]);
  });

  it('reads comma and tab separated CSV without BOM', async () => {
    expect((await sheet.read(utf8('Tên đơn vị,Năm\nA,2024\n'), 'a.csv')).rows).toHaveLength(1);
    expect((await sheet.read(utf8('Tên đơn vị\tNăm\nA\t2024'), 'a.tsv')).rows[0]).toMatchObject({ name: 'A', year: 2024 });
  });

  it('refuses non-UTF-8 CSV saying how to save it, an unclosed quote, old xls, an empty or unknown file', async () => {
    const fileError = async (bytes: Uint8Array, name: string, locale: 'vi' | 'en' = 'vi') => (await sheet.read(bytes, name, locale)).errors;
    expect(await fileError(new Uint8Array([0x54, 0xea, 0x6e, 0x0a]), 'ansi.csv')).toEqual([
      { row: 0, column: '', message: 'Tệp CSV phải được lưu với mã UTF-8 (trong Excel: Lưu thành → "CSV UTF-8").' },
    ]);
    expect((await fileError(new Uint8Array([0x54, 0xea, 0x6e, 0x0a]), 'ansi.csv', 'en'))[0]?.message).toBe('The CSV file must be saved as UTF-8 (in Excel: Save as → "CSV UTF-8").');
    expect((await fileError(utf8('Tên đơn vị,Năm\n"A,2024\nB,2025\n'), 'q.csv'))[0]?.message).toBe('Tệp CSV có dấu ngoặc kép không đóng, bắt đầu ở dòng 2.');
    expect((await fileError(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'cu.xls'))[0]?.message).toMatch(/^Tệp \.xls \(Excel 97-2003\) chưa được hỗ trợ/);
    expect((await fileError(new Uint8Array(), 'rong.csv'))[0]?.message).toBe('Tệp rỗng.');
    expect((await fileError(new TextEncoder().encode('%PDF-1.4'), 'a.pdf'))[0]?.message).toBe('Định dạng tệp không được hỗ trợ: hãy dùng .xlsx hoặc .csv.');
    expect((await fileError(new TextEncoder().encode('PK\u0003\u0004 not a zip'), 'hong.xlsx'))[0]?.message).toBe('Tệp .xlsx bị hỏng hoặc không đọc được.');
    expect((await fileError(new Uint8Array(512 * 1024 + 1).fill(65), 'lon.csv'))[0]?.message).toBe('Tệp lớn quá 512 KB; hãy chia thành nhiều tệp.');
  });

  it('reads the first xlsx sheet holding the header (else the first), with real dates and numbers', async () => {
    const bytes = await xlsx([
      { name: 'Bìa', rows: [['Trang bìa']] },
      { name: 'Danh sách', rows: [['BÁO CÁO'], [], HEADER, ['Trường A', 2024, 1500.25, new Date(Date.UTC(2024, 11, 31)), 'Có', 'Nhóm 1']] },
    ]);
    const result = await sheet.read(bytes, 'bao-cao.xlsx');
    expect(result).toMatchObject({ fileKind: 'xlsx', sheetName: 'Danh sách', headerRow: 3, errors: [] });
    expect(result.rows).toEqual([{ row: 4, name: 'Trường A', year: 2024, amount: 1500.25, due: '2024-12-31', done: true, group: 1 }]);
    const noHeader = await sheet.read(await xlsx([{ name: 'Một', rows: [['x']] }, { name: 'Hai', rows: [['y']] }]), 'a.xlsx');
    expect(noHeader.sheetName).toBe('Một');
    expect(noHeader.errors[0]?.message).toMatch(/Không tìm thấy dòng tiêu đề/);
  });
});

describe('template', () => {
  it('writes the header row, the example rows and an instructions sheet, and reads back as it is', async () => {
    const bytes = await sheet.template();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Mẫu nhập', 'Hướng dẫn']);
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    const help = workbook.worksheets[1]!;
    expect((help.getRow(2).values as unknown[]).slice(1)).toEqual(['Tên đơn vị', 'Có', 'Chữ', '']);
    expect((help.getRow(7).values as unknown[]).slice(1)).toEqual(['Nhóm', 'Không', 'Một trong các giá trị: 1, 2', '']);
    expect((help.getRow(9).values as unknown[]).slice(1)).toEqual(['Tệp', '', '', 'Tối đa 512 KB.']);
    const again = await sheet.read(new Uint8Array(bytes), 'mau.xlsx');
    expect(again.errors).toEqual([]);
    expect(again.rows).toEqual([{ row: 2, name: 'Trường A', year: 2024, amount: 1500.5, due: '2024-12-31', done: true, group: 1 }]);
  });

  it('writes English headers for an English caller, which read back too', async () => {
    const bytes = await sheet.template('en');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Template', 'Instructions']);
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(['Unit name', 'Year', 'Amount', 'Due date', 'Done', 'Group']);
    expect((await sheet.read(new Uint8Array(bytes), 'template.xlsx', 'en')).errors).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { safeText, tableWorkbook, XLSX_MIME, xlsxDownload } from '../src/xlsx.ts';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('tableWorkbook', () => {
  it('writes titles, a header, widths, number formats, totals and footer, one sheet per table', async () => {
    const bytes = await tableWorkbook([
      {
        sheetName: 'Tổng hợp',
        title: ['BÁO CÁO', 'Kỳ: Quý I/2024'],
        columns: [
          { header: 'Đơn vị', width: 30 },
          { header: 'Tỷ lệ (%)', width: 12, numFmt: '0.00' },
        ],
        rows: [
          ['Quận Ba Đình', 12.5],
          [{ value: 'Không khớp', emphasis: true }, null],
        ],
        totals: ['Cộng', 37.5],
        footer: ['Người lập: stc'],
      },
      { sheetName: 'Ghi chú', title: [], columns: [{ header: 'Ghi chú', width: 100 }], rows: [['Nhóm 1']] },
    ]);
    const workbook = await load(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Ghi chú']);
    const sheet = workbook.worksheets[0]!;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(values(1)[0]).toBe('BÁO CÁO');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.italic).toBe(true);
    expect(values(4)).toEqual(['Đơn vị', 'Tỷ lệ (%)']);
    expect(values(5)).toEqual(['Quận Ba Đình', 12.5]);
    expect(sheet.getRow(5).getCell(2).numFmt).toBe('0.00');
    expect(sheet.getRow(6).getCell(1).font).toMatchObject({ bold: true, color: { argb: 'FFC00000' } });
    expect(values(7)).toEqual(['Cộng', 37.5]);
    expect(sheet.getRow(7).getCell(1).font?.bold).toBe(true);
    expect(values(8)[0]).toBe('Người lập: stc');
    expect(sheet.getColumn(1).width).toBe(30);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });

  it('writes text that looks like a formula as text', async () => {
    expect(safeText('=1+1')).toEqual({ richText: [{ text: '=1+1' }] });
    expect(safeText('Bình thường')).toBe('Bình thường');
    const workbook = await load(await tableWorkbook({ sheetName: 'S', title: ['T'], columns: [{ header: 'A', width: 10 }], rows: [['=HYPERLINK("x")'], ['+84 912']] }));
    const cell = workbook.worksheets[0]!.getRow(4).getCell(1);
    expect(cell.formula).toBeUndefined();
    expect(cell.text).toBe('=HYPERLINK("x")');
  });
});

describe('xlsxDownload', () => {
  it('answers the download shape from a workbook or its bytes', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Một').addRow(['x']);
    const fromWorkbook = await xlsxDownload(workbook, 'bao-cao.xlsx');
    expect(fromWorkbook.fileName).toBe('bao-cao.xlsx');
    expect(fromWorkbook.mimeType).toBe(XLSX_MIME);
    expect((await load(Buffer.from(fromWorkbook.contentBase64, 'base64'))).worksheets[0]!.name).toBe('Một');
    const bytes = await tableWorkbook({ sheetName: 'Hai', title: [], columns: [{ header: 'A', width: 5 }], rows: [] });
    const fromBytes = await xlsxDownload(bytes, 'b.xlsx');
    expect(Buffer.from(fromBytes.contentBase64, 'base64').equals(bytes)).toBe(true);
  });
});

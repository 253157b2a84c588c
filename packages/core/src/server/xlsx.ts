/**
 * A table as an xlsx sheet an agency can file: title lines, a bold bordered header, column
 * widths, dd/mm/yyyy dates written as text, numbers as numbers. Text that a spreadsheet
 * would read as a formula (=, +, -, @ first) is written as plain text.
 */
import ExcelJS from 'exceljs';

export interface XlsxColumn {
  header: string;
  width: number;
  /** Excel number format for numeric cells, e.g. `0` or `0.0`. */
  numFmt?: string;
}

export type XlsxCell = string | number | null;

export interface XlsxTable {
  sheetName: string;
  /** First line bold and centred (the title), the others in italics (scope, date…). */
  title: string[];
  columns: XlsxColumn[];
  rows: XlsxCell[][];
  /** A closing line under the table, e.g. a total. */
  footer?: string[];
}

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/** Text a spreadsheet would evaluate ("=1+1", "+84…", "@SUM") is written as a literal string. */
export function safeText(value: string): ExcelJS.CellValue {
  return /^[=+\-@\t\r]/.test(value) ? { richText: [{ text: value }] } : value;
}

export async function tableWorkbook(table: XlsxTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dondoc';
  const sheet = workbook.addWorksheet(table.sheetName, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = table.columns.length;
  table.title.forEach((line, index) => {
    const row = sheet.addRow([line]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = index === 0 ? { bold: true, size: 14 } : { italic: true, size: 11 };
    row.getCell(1).alignment = { horizontal: index === 0 ? 'center' : 'left', wrapText: true };
  });
  sheet.addRow([]);
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  table.columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width;
  });
  for (const values of table.rows) {
    const row = sheet.addRow(values.map((v) => (typeof v === 'string' ? safeText(v) : v)));
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: true };
      const numFmt = table.columns[col - 1]?.numFmt;
      if (numFmt && typeof cell.value === 'number') cell.numFmt = numFmt;
    });
  }
  for (const line of table.footer ?? []) {
    const row = sheet.addRow([line]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = { bold: true };
  }
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

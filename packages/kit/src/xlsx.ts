/**
 * Tables as xlsx sheets an agency can file: title lines, a bold bordered header, column widths,
 * number formats, a totals row, closing lines; text that a spreadsheet would read as a formula
 * (=, +, -, @ first) is written as plain text. And the download shape the pages expect.
 */
import ExcelJS from 'exceljs';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxColumn {
  header: string;
  width: number;
  /** Excel number format for numeric cells, e.g. `0` or `0.00` or `#,##0.##`. */
  numFmt?: string;
}

/** A value, or a value shown bold in red (a problem the reader should see). */
export type XlsxCell = string | number | null | { value: string | number | null; emphasis: true };

export interface XlsxTable {
  sheetName: string;
  /** First line bold and centred (the title), the others in italics (scope, date…); a blank row follows. */
  title: string[];
  columns: XlsxColumn[];
  rows: XlsxCell[][];
  /** A bold row under the table (e.g. the totals). */
  totals?: XlsxCell[];
  /** Closing lines under the table, e.g. a total in words. */
  footer?: string[];
}

export interface FileDownload {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/** Text a spreadsheet would evaluate ("=1+1", "+84…", "@SUM") is written as a literal string. */
export function safeText(value: string): ExcelJS.CellValue {
  return /^[=+\-@\t\r]/.test(value) ? { richText: [{ text: value }] } : value;
}

const plain = (cell: XlsxCell) => (cell !== null && typeof cell === 'object' ? cell.value : cell);

function addMergedLines(sheet: ExcelJS.Worksheet, lines: string[], width: number, font: (index: number) => Partial<ExcelJS.Font>, align: (index: number) => ExcelJS.Alignment['horizontal']) {
  lines.forEach((line, index) => {
    const row = sheet.addRow([safeText(line)]);
    if (width > 1) sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = font(index);
    row.getCell(1).alignment = { horizontal: align(index), wrapText: true };
  });
}

/** Adds one table as a sheet of `workbook`. */
export function addTableSheet(workbook: ExcelJS.Workbook, table: XlsxTable): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(table.sheetName, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = table.columns.length;
  addMergedLines(sheet, table.title, width, (i) => (i === 0 ? { bold: true, size: 14 } : { italic: true, size: 11 }), (i) => (i === 0 ? 'center' : 'left'));
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
  const addBodyRow = (values: XlsxCell[], bold: boolean) => {
    const row = sheet.addRow(values.map((v) => {
      const value = plain(v);
      return typeof value === 'string' ? safeText(value) : value;
    }));
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: true };
      const numFmt = table.columns[col - 1]?.numFmt;
      if (numFmt && typeof cell.value === 'number') cell.numFmt = numFmt;
      const source = values[col - 1];
      if (source !== null && typeof source === 'object') cell.font = { bold: true, color: { argb: 'FFC00000' } };
      else if (bold) cell.font = { bold: true };
    });
  };
  for (const values of table.rows) addBodyRow(values, false);
  if (table.totals) addBodyRow(table.totals, true);
  addMergedLines(sheet, table.footer ?? [], width, () => ({ bold: true }), () => 'left');
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  return sheet;
}

/** A workbook of one table per sheet, as xlsx bytes. */
export async function tableWorkbook(tables: XlsxTable | XlsxTable[], options: { creator?: string } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator ?? 'dondoc';
  for (const table of Array.isArray(tables) ? tables : [tables]) addTableSheet(workbook, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A workbook (or its bytes) as the download a procedure answers: `{ fileName, mimeType, contentBase64 }`. */
export async function xlsxDownload(workbook: ExcelJS.Workbook | Uint8Array, fileName: string): Promise<FileDownload> {
  const bytes = workbook instanceof Uint8Array ? workbook : new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return { fileName, mimeType: XLSX_MIME, contentBase64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
}

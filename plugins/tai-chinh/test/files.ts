/** Spreadsheets made in the tests, the way agencies' files look (title rows, Vietnamese headers and numbers). */
import ExcelJS from 'exceljs';

export const HEADERS = ['Tên đơn vị', 'Lĩnh vực', 'Năm', 'Nhóm tự chủ', 'Tổng thu (A)', 'Chi thường xuyên (B)'];

export async function xlsxBase64(rows: unknown[][], options: { titles?: string[]; sheetName?: string; before?: string[] } = {}): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  // A first sheet without the register (a cover page), to prove the reader finds the right one.
  for (const name of options.before ?? []) workbook.addWorksheet(name).addRow(['Trang bìa']);
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Danh sách');
  for (const title of options.titles ?? []) sheet.addRow([title]);
  if (options.titles?.length) sheet.addRow([]);
  for (const row of rows) sheet.addRow(row as ExcelJS.CellValue[]);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

export function csvBase64(text: string, options: { bom?: boolean } = {}): string {
  return Buffer.from((options.bom ? '\ufeff' : '') + text, 'utf8').toString('base64');
}

/** Reads an xlsx answered as base64: each sheet's rows as arrays of plain values (1-based columns dropped). */
export async function readXlsx(base64: string): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  const sheets = new Map<string, unknown[][]>();
  for (const sheet of workbook.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    sheets.set(sheet.name, rows);
  }
  return sheets;
}

/** The form an import sends (the file, and the other fields as JSON), from the file's base64. */
export function importForm({ fileName, contentBase64, ...fields }: { fileName: string; contentBase64: string; dryRun: boolean; managingUnitCode?: string }): FormData {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(Buffer.from(contentBase64, 'base64'))]), fileName);
  form.set('input', JSON.stringify(fields));
  return form;
}

/**
 * Spreadsheet files in and out: xlsx (exceljs) and csv (the module's own reader) to a table
 * of cells; workbooks to base64. Files come from users, so they are checked before parsing:
 * size, kind (by content, not by name), and for xlsx the zip's declared uncompressed size
 * (a small zip can expand to gigabytes).
 */
import ExcelJS from 'exceljs';
import { columnForHeader, decodeUtf8, parseCsv, CsvError, HEADER_SEARCH_ROWS, type CellValue, type Locale } from '../domain/index.ts';

/** Largest file accepted, in bytes (its base64 text is a third larger). */
export const MAX_IMPORT_BYTES = 512 * 1024;
/** Largest base64 text accepted: under the server's 1 MB body limit on /api/trpc/<id>, with room for JSON. */
export const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;
/** Largest total uncompressed size of an xlsx's parts. */
export const MAX_XLSX_UNCOMPRESSED = 40 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 2000;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type FileKind = 'xlsx' | 'csv';

export class FileReadError extends Error {
  override name = 'FileReadError';
  constructor(readonly text: { vi: string; en: string }) {
    super(text.en);
  }
}

export interface ReadTable {
  kind: FileKind;
  sheetName: string | null;
  cells: CellValue[][];
}

/** Decodes standard base64 strictly (the browser's FileReader gives it); null when it is not base64. */
export function decodeBase64(text: string): Buffer | null {
  const clean = text.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  return Buffer.from(clean, 'base64');
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** What a file is, from its first bytes (and its name only to tell csv from other text). */
export function detectKind(fileName: string, bytes: Uint8Array): FileKind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new FileReadError({
      vi: 'Tệp .xls (Excel 97-2003) chưa được hỗ trợ. Hãy mở tệp trong Excel và lưu thành .xlsx hoặc CSV UTF-8.',
      en: 'Old .xls files (Excel 97-2003) are not supported. Save the file as .xlsx or CSV UTF-8.',
    });
  }
  if (/\.(csv|txt|tsv)$/i.test(fileName) || !bytes.subarray(0, 4096).includes(0)) return 'csv';
  throw new FileReadError({ vi: 'Định dạng tệp không được hỗ trợ: hãy dùng .xlsx hoặc .csv.', en: 'Unsupported file: use .xlsx or .csv.' });
}

/**
 * Checks a zip's central directory before anything inflates it: at most MAX_ZIP_ENTRIES parts
 * and MAX_XLSX_UNCOMPRESSED bytes in all, as declared. (The inflater cannot produce more than a
 * part declares without failing the zip's CRC/size checks.)
 */
export function checkZip(bytes: Buffer): void {
  const broken = () =>
    new FileReadError({ vi: 'Tệp .xlsx bị hỏng hoặc không đọc được.', en: 'The .xlsx file is damaged or unreadable.' });
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken();
  const entries = bytes.readUInt16LE(eocd + 10);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  if (entries > MAX_ZIP_ENTRIES) throw broken();
  let offset = directoryOffset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) throw broken();
    total += bytes.readUInt32LE(offset + 24);
    if (total > MAX_XLSX_UNCOMPRESSED) {
      throw new FileReadError({
        vi: 'Tệp .xlsx quá lớn khi giải nén; hãy bỏ bớt các trang tính, hình ảnh không cần thiết.',
        en: 'The .xlsx file is too large once unpacked; remove unneeded sheets and images.',
      });
    }
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
}

/** One exceljs cell value as a plain value. */
export function plainCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return plainCell((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String((value as { error: unknown }).error);
  }
  return null;
}

function worksheetCells(sheet: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  const rowCount = sheet.actualRowCount === 0 ? 0 : sheet.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = sheet.getRow(r);
    const values: CellValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(plainCell(row.getCell(c).value));
    rows.push(values);
  }
  return rows;
}

function hasHeader(cells: CellValue[][]): boolean {
  return cells.slice(0, HEADER_SEARCH_ROWS).some((row) => row.some((cell) => typeof cell === 'string' && columnForHeader(cell) === 'name'));
}

/**
 * Reads the table of an uploaded file: the first worksheet with a "Tên đơn vị" header (or the
 * first worksheet), or the CSV. Throws FileReadError with a message for the user.
 */
export async function readTable(fileName: string, bytes: Buffer): Promise<ReadTable> {
  if (bytes.length === 0) throw new FileReadError({ vi: 'Tệp rỗng.', en: 'The file is empty.' });
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new FileReadError({
      vi: `Tệp lớn quá ${Math.round(MAX_IMPORT_BYTES / 1024)} KB; hãy chia thành nhiều tệp.`,
      en: `The file is larger than ${Math.round(MAX_IMPORT_BYTES / 1024)} KB; split it.`,
    });
  }
  const kind = detectKind(fileName, bytes);
  if (kind === 'csv') {
    const text = decodeUtf8(bytes);
    if (text === null) {
      throw new FileReadError({
        vi: 'Tệp CSV phải được lưu với mã UTF-8 (trong Excel: Lưu thành → "CSV UTF-8").',
        en: 'The CSV file must be saved as UTF-8 (in Excel: Save as → "CSV UTF-8").',
      });
    }
    try {
      return { kind, sheetName: null, cells: parseCsv(text) };
    } catch (error) {
      if (error instanceof CsvError) {
        throw new FileReadError({
          vi: `Tệp CSV có dấu ngoặc kép không đóng, bắt đầu ở dòng ${error.line}.`,
          en: `The CSV file has an unclosed quote starting on line ${error.line}.`,
        });
      }
      throw error;
    }
  }
  checkZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new FileReadError({ vi: 'Tệp .xlsx bị hỏng hoặc không đọc được.', en: 'The .xlsx file is damaged or unreadable.' });
  }
  const sheets = workbook.worksheets.map((sheet) => ({ sheet, cells: worksheetCells(sheet) }));
  const chosen = sheets.find((s) => hasHeader(s.cells)) ?? sheets[0];
  if (!chosen) throw new FileReadError({ vi: 'Tệp .xlsx không có trang tính nào.', en: 'The .xlsx file has no worksheet.' });
  return { kind, sheetName: chosen.sheet.name, cells: chosen.cells };
}

/** A workbook as base64, for a download answered through tRPC. */
export async function workbookBase64(workbook: ExcelJS.Workbook): Promise<string> {
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer).toString('base64');
}

/** A file's message in the caller's language. */
export function fileErrorText(error: FileReadError, locale: Locale): string {
  return error.text[locale];
}

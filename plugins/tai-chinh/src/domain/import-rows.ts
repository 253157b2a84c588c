/**
 * Reading the register from the spreadsheets agencies already keep: a table with a header
 * row in Vietnamese ("Tên đơn vị", "Lĩnh vực", "Năm", "Nhóm tự chủ", "Tổng thu (A)", "Chi
 * thường xuyên (B)", and optionally "Nhóm theo lộ trình", "Tự bảo đảm chi đầu tư"), one row
 * per unit and year. Pure: it takes the cells (from xlsx or csv) and answers the rows it read
 * and the row-level errors (row number as the spreadsheet shows it, column, message), so a dry
 * run can list every problem before anything is written.
 */
import { checkClassification, MAX_AMOUNT, roundAmount, type AutonomyGroup, type ClassificationCheck } from './groups.ts';
import { isPlanYear, PLAN_YEARS } from './consolidation.ts';
import { parseVietnameseNumber } from './numbers.ts';

export type CellValue = string | number | boolean | Date | null | undefined;
export type Locale = 'vi' | 'en';

export type ImportColumnKey = 'name' | 'sector' | 'year' | 'group' | 'revenueA' | 'spendingB' | 'plannedGroup' | 'investmentCovered' | 'managingUnit';

export interface ImportColumn {
  key: ImportColumnKey;
  /** The header as the template writes it. */
  header: string;
  headerEn: string;
  required: boolean;
  /** Other headers accepted, compared after `headerKey` (no diacritics, lower case). */
  aliases: string[];
}

/** The import format, in template order. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'name', header: 'Tên đơn vị', headerEn: 'Unit name', required: true, aliases: ['ten don vi su nghiep', 'ten dvsn', 'don vi', 'unit'] },
  { key: 'sector', header: 'Lĩnh vực', headerEn: 'Sector', required: true, aliases: ['nganh, linh vuc', 'nganh'] },
  { key: 'year', header: 'Năm', headerEn: 'Year', required: true, aliases: ['nam ngan sach', 'nam du toan'] },
  { key: 'group', header: 'Nhóm tự chủ', headerEn: 'Autonomy group', required: true, aliases: ['nhom', 'phan loai', 'nhom tu chu tai chinh', 'group'] },
  { key: 'revenueA', header: 'Tổng thu (A)', headerEn: 'Revenues (A)', required: true, aliases: ['tong thu', 'tong nguon thu (a)', 'tong nguon thu', 'a', 'revenue (a)', 'revenue'] },
  { key: 'spendingB', header: 'Chi thường xuyên (B)', headerEn: 'Recurrent spending (B)', required: true, aliases: ['chi thuong xuyen', 'tong chi thuong xuyen (b)', 'tong chi thuong xuyen', 'b', 'recurrent spending'] },
  { key: 'plannedGroup', header: 'Nhóm theo lộ trình', headerEn: 'Planned group', required: false, aliases: ['nhom lo trinh', 'lo trinh', 'nhom ke hoach', 'roadmap group'] },
  { key: 'investmentCovered', header: 'Tự bảo đảm chi đầu tư', headerEn: 'Investment covered', required: false, aliases: ['bao dam chi dau tu', 'tu bao dam chi dau tu (co/khong)', 'chi dau tu'] },
  // Optional, checked against the managing unit the file is imported for (so that a
  // city-wide export is not imported into one district by mistake).
  { key: 'managingUnit', header: 'Đơn vị chủ quản', headerEn: 'Managing unit', required: false, aliases: ['ma don vi chu quan', 'co quan chu quan', 'managing unit code'] },
];

/** Rows read at most from one file. */
export const MAX_IMPORT_ROWS = 5000;
/** Rows searched for the header (titles and blank lines may come first). */
export const HEADER_SEARCH_ROWS = 15;
export const MAX_NAME_LENGTH = 300;
export const MAX_SECTOR_LENGTH = 200;

/** A header or a free text compared loosely: no diacritics, đ → d, lower case, single spaces, no trailing ":" or "*". */
export function headerKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s:*]+$/g, '')
    .trim();
}

/** A unit name as stored: NFC, trimmed, single spaces. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The key that identifies a unit within its managing unit: its cleaned name in lower case (diacritics kept). */
export function nameKey(name: string): string {
  return cleanText(name).toLocaleLowerCase('vi');
}

const columnByHeader = new Map<string, ImportColumnKey>();
for (const column of IMPORT_COLUMNS) {
  for (const text of [column.header, column.headerEn, ...column.aliases]) columnByHeader.set(headerKey(text), column.key);
}

/** Which import column a header names, or null. */
export function columnForHeader(text: string): ImportColumnKey | null {
  return columnByHeader.get(headerKey(text)) ?? null;
}

export interface ImportRow {
  /** Row number as the spreadsheet shows it (1-based, counting the header and titles). */
  row: number;
  name: string;
  nameKey: string;
  sector: string;
  year: number;
  group: AutonomyGroup | null;
  revenueA: number | null;
  spendingB: number | null;
  /** null when the file does not say (column absent or cell empty): an update keeps the stored value. */
  investmentCovered: boolean | null;
  /** null when the file does not say: an update keeps the stored plan. */
  plannedGroup: AutonomyGroup | null;
  /** The "Đơn vị chủ quản" cell, when the file has that column (checked by the server). */
  managingUnit: string | null;
  /** The check of the row's own figures (an absent investment flag counts as "no"). */
  check: ClassificationCheck;
}

export interface ImportIssue {
  /** Row number as the spreadsheet shows it; the header row for problems with the columns. */
  row: number;
  /** The column's header (as in the file when found, otherwise as the template writes it). */
  column: string;
  message: string;
}

export interface ParsedTable {
  rows: ImportRow[];
  errors: ImportIssue[];
  /** Row number of the header (0 when none was found). */
  headerRow: number;
  /** Headers of the file that are not import columns (ignored). */
  ignoredColumns: string[];
  /** Data rows that are not blank (read, with or without errors). */
  dataRows: number;
}

type Message =
  | { code: 'noHeader' }
  | { code: 'missingColumn'; header: string }
  | { code: 'duplicateColumn'; other: string }
  | { code: 'tooManyRows'; max: number }
  | { code: 'noRows' }
  | { code: 'required' }
  | { code: 'tooLong'; max: number }
  | { code: 'year' }
  | { code: 'group' }
  | { code: 'number'; value: string }
  | { code: 'negative' }
  | { code: 'tooLarge' }
  | { code: 'bZero' }
  | { code: 'partialClassification'; missing: string }
  | { code: 'emptyRow' }
  | { code: 'boolean'; value: string }
  | { code: 'duplicateRow'; other: number }
  | { code: 'sectorDiffers'; other: number; sector: string };

const YEARS = PLAN_YEARS.join(', ');

/** Texts of the import errors, Vietnamese first. */
export function importMessage(message: Message, locale: Locale = 'vi'): string {
  const vi = locale === 'vi';
  switch (message.code) {
    case 'noHeader':
      return vi
        ? `Không tìm thấy dòng tiêu đề có cột "Tên đơn vị" trong ${HEADER_SEARCH_ROWS} dòng đầu.`
        : `No header row with a "Tên đơn vị" (unit name) column in the first ${HEADER_SEARCH_ROWS} rows.`;
    case 'missingColumn':
      return vi ? `Thiếu cột bắt buộc "${message.header}".` : `Required column "${message.header}" is missing.`;
    case 'duplicateColumn':
      return vi ? `Cột này trùng với cột "${message.other}".` : `This column repeats column "${message.other}".`;
    case 'tooManyRows':
      return vi ? `Tệp có quá ${message.max} dòng dữ liệu; hãy chia thành nhiều tệp.` : `The file has more than ${message.max} data rows; split it.`;
    case 'noRows':
      return vi ? 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.' : 'The file has no data rows below the header.';
    case 'required':
      return vi ? 'Chưa nhập.' : 'Missing.';
    case 'tooLong':
      return vi ? `Dài quá ${message.max} ký tự.` : `Longer than ${message.max} characters.`;
    case 'year':
      return vi ? `Năm phải là một trong ${YEARS}.` : `Year must be one of ${YEARS}.`;
    case 'group':
      return vi ? 'Nhóm tự chủ phải là 1, 2, 3 hoặc 4.' : 'The group must be 1, 2, 3 or 4.';
    case 'number':
      return vi
        ? `"${message.value}" không phải là số (viết như 1.234.567 hoặc 1.234.567,5).`
        : `"${message.value}" is not a number (write it like 1.234.567 or 1.234.567,5).`;
    case 'negative':
      return vi ? 'Không được là số âm.' : 'Must not be negative.';
    case 'tooLarge':
      return vi ? `Lớn quá mức cho phép (${MAX_AMOUNT.toLocaleString('vi-VN')}).` : `Larger than allowed (${MAX_AMOUNT.toLocaleString('en-US')}).`;
    case 'bZero':
      return vi ? 'Chi thường xuyên (B) phải lớn hơn 0 để tính mức tự bảo đảm.' : 'Recurrent spending (B) must be more than 0 to compute the level.';
    case 'partialClassification':
      return vi
        ? `Đã nhập một phần phân loại; cần nhập đủ nhóm tự chủ, tổng thu (A) và chi thường xuyên (B) — thiếu ${message.missing}.`
        : `Classification is incomplete: the group, revenues (A) and recurrent spending (B) go together — missing ${message.missing}.`;
    case 'emptyRow':
      return vi
        ? 'Dòng không có nhóm tự chủ, số liệu A, B hay nhóm theo lộ trình.'
        : 'The row has no group, no figures A and B and no planned group.';
    case 'boolean':
      return vi ? `"${message.value}" không hợp lệ; ghi "Có" hoặc "Không".` : `"${message.value}" is not valid; write "Có" (yes) or "Không" (no).`;
    case 'duplicateRow':
      return vi ? `Trùng đơn vị và năm với dòng ${message.other}.` : `Same unit and year as row ${message.other}.`;
    case 'sectorDiffers':
      return vi
        ? `Lĩnh vực khác với dòng ${message.other} của cùng đơn vị ("${message.sector}").`
        : `Sector differs from row ${message.other} of the same unit ("${message.sector}").`;
  }
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return cleanText(String(value));
}

function readGroup(value: CellValue): AutonomyGroup | null | 'invalid' {
  if (typeof value === 'number') return value === 1 || value === 2 || value === 3 || value === 4 ? value : 'invalid';
  const text = headerKey(cellText(value));
  if (text === '') return null;
  const match = /^(?:nhom|group)?\s*([1-4]|i{1,3}|iv)$/.exec(text);
  if (!match) return 'invalid';
  const roman: Record<string, AutonomyGroup> = { i: 1, ii: 2, iii: 3, iv: 4 };
  return roman[match[1]!] ?? (Number(match[1]) as AutonomyGroup);
}

function readYear(value: CellValue): number | null | 'invalid' {
  if (typeof value === 'number') return Number.isInteger(value) && isPlanYear(value) ? value : 'invalid';
  const text = headerKey(cellText(value));
  if (text === '') return null;
  const match = /^(?:nam|year)?\s*(\d{4})$/.exec(text);
  const year = match ? Number(match[1]) : Number.NaN;
  return isPlanYear(year) ? year : 'invalid';
}

const TRUE_TEXTS = new Set(['co', 'c', 'x', '1', 'yes', 'y', 'true', 'dung', 'v']);
const FALSE_TEXTS = new Set(['khong', 'k', '0', 'no', 'n', 'false', 'sai', '-']);

function readBoolean(value: CellValue): boolean | null | 'invalid' {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : 'invalid';
  const text = headerKey(cellText(value));
  if (text === '') return null;
  if (TRUE_TEXTS.has(text)) return true;
  if (FALSE_TEXTS.has(text)) return false;
  return 'invalid';
}

type AmountResult = { value: number } | { error: Message } | null;

function readAmount(value: CellValue): AmountResult {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  const raw = typeof value === 'number' ? value : parseVietnameseNumber(cellText(value));
  if (raw === null) return { error: { code: 'number', value: cellText(value) } };
  if (raw < 0) return { error: { code: 'negative' } };
  if (raw > MAX_AMOUNT) return { error: { code: 'tooLarge' } };
  return { value: roundAmount(raw) };
}

/**
 * Reads the register rows from a table of cells (the first worksheet with a header, or a CSV).
 * Rows that are entirely blank are skipped. Every problem becomes an ImportIssue; rows with a
 * problem are not in `rows`.
 */
export function parseImportTable(cells: ReadonlyArray<ReadonlyArray<CellValue>>, locale: Locale = 'vi'): ParsedTable {
  const errors: ImportIssue[] = [];
  const issue = (row: number, column: string, message: Message) => errors.push({ row, column, message: importMessage(message, locale) });
  const displayHeader = (key: ImportColumnKey) => {
    const column = IMPORT_COLUMNS.find((c) => c.key === key)!;
    return locale === 'vi' ? column.header : `${column.header} (${column.headerEn})`;
  };

  // The header: the first row (among the first few) naming the unit-name column.
  let headerIndex = -1;
  for (let i = 0; i < Math.min(cells.length, HEADER_SEARCH_ROWS); i++) {
    if ((cells[i] ?? []).some((cell) => columnForHeader(cellText(cell)) === 'name')) {
      headerIndex = i;
      break;
    }
  }
  if (headerIndex < 0) {
    issue(1, displayHeader('name'), { code: 'noHeader' });
    return { rows: [], errors, headerRow: 0, ignoredColumns: [], dataRows: 0 };
  }
  const headerRow = headerIndex + 1;
  const indexOf = new Map<ImportColumnKey, number>();
  const headerText = new Map<ImportColumnKey, string>();
  const ignoredColumns: string[] = [];
  (cells[headerIndex] ?? []).forEach((cell, index) => {
    const text = cellText(cell);
    if (text === '') return;
    const key = columnForHeader(text);
    if (!key) {
      ignoredColumns.push(text);
      return;
    }
    if (indexOf.has(key)) {
      issue(headerRow, text, { code: 'duplicateColumn', other: headerText.get(key) ?? text });
      return;
    }
    indexOf.set(key, index);
    headerText.set(key, text);
  });
  for (const column of IMPORT_COLUMNS) {
    if (column.required && !indexOf.has(column.key)) issue(headerRow, displayHeader(column.key), { code: 'missingColumn', header: column.header });
  }
  if (errors.length > 0) return { rows: [], errors, headerRow, ignoredColumns, dataRows: 0 };

  const dataRows = cells.slice(headerIndex + 1);
  const nonEmpty = dataRows.filter((row) => row.some((cell) => cellText(cell) !== ''));
  if (nonEmpty.length === 0) {
    issue(headerRow, displayHeader('name'), { code: 'noRows' });
    return { rows: [], errors, headerRow, ignoredColumns, dataRows: 0 };
  }
  if (nonEmpty.length > MAX_IMPORT_ROWS) {
    issue(headerRow, displayHeader('name'), { code: 'tooManyRows', max: MAX_IMPORT_ROWS });
    return { rows: [], errors, headerRow, ignoredColumns, dataRows: nonEmpty.length };
  }

  const rows: ImportRow[] = [];
  const seenUnitYear = new Map<string, number>();
  const sectorOfUnit = new Map<string, { row: number; sector: string }>();
  dataRows.forEach((cellsOfRow, offset) => {
    const rowNumber = headerRow + 1 + offset;
    const cell = (key: ImportColumnKey): CellValue => {
      const index = indexOf.get(key);
      return index === undefined ? undefined : cellsOfRow[index];
    };
    const col = (key: ImportColumnKey) => headerText.get(key) ?? displayHeader(key);
    if (!cellsOfRow.some((value) => cellText(value) !== '')) return;
    const before = errors.length;

    const name = cellText(cell('name'));
    if (name === '') issue(rowNumber, col('name'), { code: 'required' });
    else if (name.length > MAX_NAME_LENGTH) issue(rowNumber, col('name'), { code: 'tooLong', max: MAX_NAME_LENGTH });

    const sector = cellText(cell('sector'));
    if (sector === '') issue(rowNumber, col('sector'), { code: 'required' });
    else if (sector.length > MAX_SECTOR_LENGTH) issue(rowNumber, col('sector'), { code: 'tooLong', max: MAX_SECTOR_LENGTH });

    const year = readYear(cell('year'));
    if (year === null) issue(rowNumber, col('year'), { code: 'required' });
    else if (year === 'invalid') issue(rowNumber, col('year'), { code: 'year' });

    const group = readGroup(cell('group'));
    if (group === 'invalid') issue(rowNumber, col('group'), { code: 'group' });
    const planned = readGroup(cell('plannedGroup'));
    if (planned === 'invalid') issue(rowNumber, col('plannedGroup'), { code: 'group' });

    const revenue = readAmount(cell('revenueA'));
    if (revenue && 'error' in revenue) issue(rowNumber, col('revenueA'), revenue.error);
    const spending = readAmount(cell('spendingB'));
    if (spending && 'error' in spending) issue(rowNumber, col('spendingB'), spending.error);
    else if (spending && spending.value === 0) issue(rowNumber, col('spendingB'), { code: 'bZero' });

    const investment = readBoolean(cell('investmentCovered'));
    if (investment === 'invalid') issue(rowNumber, col('investmentCovered'), { code: 'boolean', value: cellText(cell('investmentCovered')) });

    // The classification (group, A, B) comes whole or not at all; a row may carry only a plan.
    const present = { group: group !== null, revenueA: revenue !== null, spendingB: spending !== null };
    const anyPresent = present.group || present.revenueA || present.spendingB;
    if (anyPresent && !(present.group && present.revenueA && present.spendingB)) {
      const missingKeys = (Object.keys(present) as Array<keyof typeof present>).filter((key) => !present[key]);
      issue(rowNumber, col(missingKeys[0]!), { code: 'partialClassification', missing: missingKeys.map((key) => `"${col(key)}"`).join(', ') });
    } else if (!anyPresent && planned === null) {
      issue(rowNumber, col('group'), { code: 'emptyRow' });
    }

    if (errors.length > before || typeof year !== 'number') return;
    const key = nameKey(name);
    const unitYear = `${key}|${year}`;
    const duplicate = seenUnitYear.get(unitYear);
    if (duplicate !== undefined) {
      issue(rowNumber, col('year'), { code: 'duplicateRow', other: duplicate });
      return;
    }
    const firstSector = sectorOfUnit.get(key);
    if (firstSector && nameKey(firstSector.sector) !== nameKey(sector)) {
      issue(rowNumber, col('sector'), { code: 'sectorDiffers', other: firstSector.row, sector: firstSector.sector });
      return;
    }
    seenUnitYear.set(unitYear, rowNumber);
    if (!firstSector) sectorOfUnit.set(key, { row: rowNumber, sector });

    const revenueA = revenue && 'value' in revenue ? revenue.value : null;
    const spendingB = spending && 'value' in spending ? spending.value : null;
    const investmentCovered = investment === 'invalid' ? null : investment;
    const entered = group === 'invalid' ? null : group;
    rows.push({
      row: rowNumber,
      name,
      nameKey: key,
      sector,
      year,
      group: entered,
      revenueA,
      spendingB,
      investmentCovered,
      plannedGroup: planned === 'invalid' ? null : planned,
      managingUnit: indexOf.has('managingUnit') ? cellText(cell('managingUnit')) || null : null,
      check: checkClassification({ group: entered, revenueA, spendingB, investmentCovered: investmentCovered === true }),
    });
  });
  return { rows, errors, headerRow, ignoredColumns, dataRows: nonEmpty.length };
}


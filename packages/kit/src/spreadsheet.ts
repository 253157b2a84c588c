/**
 * Spreadsheets agencies already keep, read once for every module: columns declared once
 * (header in both languages, aliases, required, kind), headers matched without diacritics,
 * the header row searched below titles, blank rows skipped, every row and column error listed
 * with its row number as the spreadsheet shows it, in the caller's language only. xlsx is read
 * with exceljs (the first sheet holding the header, else the first), csv with papaparse (`,` `;`
 * or tab, UTF-8 with or without BOM). The same declaration writes the import template.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { UPLOAD_LIMITS, type Locale, type LocalizedText } from '@dondoc/trpc';
import { FileProblem, sniffFile, storedZip, tooLarge, unzipBounded } from './files.ts';
import { parseVietnameseNumber } from './numbers.ts';

export type CellValue = string | number | boolean | Date | null | undefined;
export type SpreadsheetFileKind = 'xlsx' | 'csv';

interface ColumnBase<K extends string> {
  key: K;
  header: LocalizedText;
  /** Other headers accepted, compared after `headerKey` (no diacritics, lower case). */
  aliases?: readonly string[];
  /** The column must be in the file and its cells filled (`true`), or only be in the file (`'column'`). */
  required?: boolean | 'column';
  /** The message for a value that is not valid (instead of the kind's own). */
  invalid?: LocalizedText;
  /** How to fill it, for the template's instructions sheet. */
  help?: LocalizedText;
  /** Column width in the template (characters). */
  width?: number;
  /** In the template (default true). */
  inTemplate?: boolean;
}

export interface OneOfValue<V> {
  value: V;
  /** Further texts read as this value (compared after `headerKey`); the value itself is always read. */
  aliases?: readonly string[];
}

export type Column<K extends string = string> =
  | (ColumnBase<K> & { kind: 'text'; maxLength?: number })
  | (ColumnBase<K> & { kind: 'integer'; min?: number; max?: number })
  | (ColumnBase<K> & { kind: 'amount'; min?: number; max?: number })
  | (ColumnBase<K> & { kind: 'date' })
  | (ColumnBase<K> & { kind: 'boolean' })
  | (ColumnBase<K> & { kind: 'oneOf'; values: readonly OneOfValue<string | number>[] });

type ValueOf<C> = C extends { kind: 'text' | 'date' }
  ? string
  : C extends { kind: 'integer' | 'amount' }
    ? number
    : C extends { kind: 'boolean' }
      ? boolean
      : C extends { kind: 'oneOf'; values: readonly OneOfValue<infer V>[] }
        ? V
        : never;

/** A row read: its number as the spreadsheet shows it, and each column's value (null when empty or absent). */
export type SpreadsheetRow<Cs extends readonly Column[]> = { row: number } & {
  [C in Cs[number] as C['key']]: C extends { required: true } ? ValueOf<C> : ValueOf<C> | null;
};

/** A row as the row rule sees it: a cell whose value was refused is `undefined` (empty is null). */
export type RowDraft<Cs extends readonly Column[]> = { row: number } & {
  [C in Cs[number] as C['key']]: ValueOf<C> | null | undefined;
};

export interface SpreadsheetIssue {
  /** Row number as the spreadsheet shows it; the header row for column problems; 0 for the file. */
  row: number;
  /** The column's header as in the file (or as the template writes it); '' for the file. */
  column: string;
  message: string;
}

export interface RuleIssue<K extends string> {
  column: K;
  message: LocalizedText;
}

export interface RuleContext<K extends string> {
  locale: Locale;
  /** A column's header as in the file, or as the template writes it. */
  label: (key: K) => string;
}

export interface SpreadsheetSpec<Cs extends readonly Column[]> {
  columns: Cs;
  /** Data rows at most (default 5,000). */
  maxRows?: number;
  /** Rows searched for the header (default 15): titles and blank lines may come first. */
  headerSearchRows?: number;
  /** The column that tells the header row (and the sheet): the first required one by default. */
  headerColumn?: Cs[number]['key'];
  /** Rows with the same key (and no other error) after the first are refused. */
  duplicateKey?: {
    of: (row: SpreadsheetRow<Cs>) => string;
    column: Cs[number]['key'];
    message?: (firstRow: number) => LocalizedText;
  };
  /** The module's own rules on one row, cross-field ones included. */
  rowRule?: (row: RowDraft<Cs>, context: RuleContext<Cs[number]['key']>) => Array<RuleIssue<Cs[number]['key']>>;
  /** The template: example rows and notes below the column list. */
  examples?: ReadonlyArray<Partial<Record<Cs[number]['key'], CellValue>>>;
  notes?: ReadonlyArray<{ title: LocalizedText; text: LocalizedText }>;
  sheetNames?: { template: LocalizedText; help: LocalizedText };
}

export interface SpreadsheetRead<Cs extends readonly Column[]> {
  fileKind: SpreadsheetFileKind | null;
  sheetName: string | null;
  /** Row number of the header (0 when none was found). */
  headerRow: number;
  /** Data rows that are not blank (read, with or without errors). */
  dataRows: number;
  /** Rows without any error. */
  rows: Array<SpreadsheetRow<Cs>>;
  errors: SpreadsheetIssue[];
  /** Headers of the file that are no column (ignored). */
  ignoredColumns: string[];
}

export interface Spreadsheet<Cs extends readonly Column[]> {
  readonly columns: Cs;
  /** Which column a header names, or null. */
  columnForHeader(text: string): Cs[number]['key'] | null;
  /** Reads a table of cells (e.g. from a file already parsed). */
  readCells(cells: ReadonlyArray<ReadonlyArray<CellValue>>, locale?: Locale): Omit<SpreadsheetRead<Cs>, 'fileKind' | 'sheetName'>;
  /** Reads an uploaded file (xlsx or csv); never throws for what is wrong with the file. */
  read(bytes: Uint8Array, fileName: string, locale?: Locale): Promise<SpreadsheetRead<Cs>>;
  /** The import template: the header row, widths, examples, and an instructions sheet. */
  template(locale?: Locale): Promise<Buffer>;
}

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

/** A text as stored: NFC, trimmed, single spaces. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A cell as text ('' when empty; a date as yyyy-mm-dd). */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return cleanText(String(value));
}

const TRUE_TEXTS = new Set(['co', 'c', 'x', '1', 'yes', 'y', 'true', 'dung', 'v']);
const FALSE_TEXTS = new Set(['khong', 'k', '0', 'no', 'n', 'false', 'sai', '-']);

type Parsed = { value: unknown } | { error: LocalizedText };

const isoDate = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function realDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? isoDate(y, m, d) : null;
}

const formatVi = (n: number) => n.toLocaleString('vi-VN');
const formatEn = (n: number) => n.toLocaleString('en-US');

function limits(column: { min?: number; max?: number }, value: number): LocalizedText | null {
  if (column.min !== undefined && value < column.min) {
    return column.min === 0
      ? { vi: 'Không được là số âm.', en: 'Must not be negative.' }
      : { vi: `Không được nhỏ hơn ${formatVi(column.min)}.`, en: `Must not be less than ${formatEn(column.min)}.` };
  }
  if (column.max !== undefined && value > column.max) {
    return { vi: `Lớn quá mức cho phép (${formatVi(column.max)}).`, en: `Larger than allowed (${formatEn(column.max)}).` };
  }
  return null;
}

/** One cell read as its column's kind (the cell is not empty). */
function parseCell(column: Column, value: Exclude<CellValue, null | undefined>): Parsed {
  const text = cellText(value);
  switch (column.kind) {
    case 'text':
      if (column.maxLength !== undefined && text.length > column.maxLength) {
        return { error: { vi: `Dài quá ${column.maxLength} ký tự.`, en: `Longer than ${column.maxLength} characters.` } };
      }
      return { value: text };
    case 'integer':
    case 'amount': {
      const raw = typeof value === 'number' ? value : typeof value === 'string' ? parseVietnameseNumber(text) : null;
      if (raw === null || !Number.isFinite(raw)) {
        return { error: { vi: `"${text}" không phải là số (viết như 1.234.567 hoặc 1.234.567,5).`, en: `"${text}" is not a number (write it like 1.234.567 or 1.234.567,5).` } };
      }
      if (column.kind === 'integer' && !Number.isInteger(raw)) return { error: { vi: `"${text}" không phải là số nguyên.`, en: `"${text}" is not a whole number.` } };
      const problem = limits(column, raw);
      if (problem) return { error: problem };
      return { value: column.kind === 'amount' ? Math.round(raw * 100) / 100 : raw };
    }
    case 'date': {
      if (value instanceof Date) {
        return Number.isNaN(value.getTime()) ? { error: dateError(text) } : { value: value.toISOString().slice(0, 10) };
      }
      const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
      const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      const iso = dmy ? realDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1])) : ymd ? realDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3])) : null;
      return iso ? { value: iso } : { error: dateError(text) };
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { value };
      const key = headerKey(text);
      if (TRUE_TEXTS.has(key)) return { value: true };
      if (FALSE_TEXTS.has(key)) return { value: false };
      return { error: { vi: `"${text}" không hợp lệ; ghi "Có" hoặc "Không".`, en: `"${text}" is not valid; write "Có" (yes) or "Không" (no).` } };
    }
    case 'oneOf': {
      const key = headerKey(text);
      const found = column.values.find((option) => headerKey(String(option.value)) === key || option.aliases?.some((alias) => headerKey(alias) === key));
      if (found) return { value: found.value };
      const list = column.values.map((option) => String(option.value)).join(', ');
      return { error: { vi: `"${text}" không hợp lệ; ghi một trong: ${list}.`, en: `"${text}" is not valid; write one of: ${list}.` } };
    }
  }
}

function dateError(text: string): LocalizedText {
  return { vi: `"${text}" không phải là ngày hợp lệ (ghi dd/mm/yyyy, ví dụ 31/12/2024).`, en: `"${text}" is not a valid date (write dd/mm/yyyy, e.g. 31/12/2024).` };
}

const KIND_TEXTS: Record<Column['kind'], LocalizedText> = {
  text: { vi: 'Chữ', en: 'Text' },
  integer: { vi: 'Số nguyên', en: 'Whole number' },
  amount: { vi: 'Số (viết 1.234.567 hoặc 1.234.567,5)', en: 'Number (written 1.234.567 or 1.234.567,5)' },
  date: { vi: 'Ngày (dd/mm/yyyy)', en: 'Date (dd/mm/yyyy)' },
  boolean: { vi: '"Có" hoặc "Không"', en: '"Có" (yes) or "Không" (no)' },
  oneOf: { vi: 'Một trong các giá trị', en: 'One of the values' },
};

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

const XLSX_DAMAGED: LocalizedText = { vi: 'Tệp .xlsx bị hỏng hoặc không đọc được.', en: 'The .xlsx file is damaged or unreadable.' };

/** Decodes a CSV's bytes as UTF-8 (BOM dropped); null when they are not UTF-8 (e.g. saved as "ANSI"). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return null;
  }
}

/** Rows typed between two turns of the event loop in `read` (~500 rows: ~17 ms of JS). */
const READ_BATCH = 500;

/** Lets the event loop answer what is waiting (other users' requests) before going on. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The cells of a CSV text (papaparse: `,` `;` or tab guessed, quotes, CRLF or LF). */
export function parseCsvText(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimitersToGuess: [',', ';', '\t'], skipEmptyLines: false });
  const unclosed = result.errors.find((error) => error.code === 'MissingQuotes');
  if (unclosed) {
    const line = unclosedLine(text);
    throw new FileProblem({
      vi: `Tệp CSV có dấu ngoặc kép không đóng, bắt đầu ở dòng ${line}.`,
      en: `The CSV file has an unclosed quote starting on line ${line}.`,
    });
  }
  const rows = result.data;
  // papaparse keeps the empty line after a final line break; a spreadsheet has no such row.
  while (rows.length > 0 && rows.at(-1)!.every((cell) => cell === '')) rows.pop();
  return rows;
}

/** The line (1-based) where a quote opens that never closes. */
function unclosedLine(text: string): number {
  let line = 1;
  let openLine = 0;
  let inQuotes = false;
  for (const char of text) {
    if (char === '"') {
      inQuotes = !inQuotes;
      if (inQuotes) openLine = line;
    } else if (char === '\n') line += 1;
  }
  return inQuotes ? openLine : line;
}

/** Declares a spreadsheet once: how to read it, check it and write its template. */
export function defineSpreadsheet<const Cs extends readonly Column[]>(spec: SpreadsheetSpec<Cs>): Spreadsheet<Cs> {
  type Key = Cs[number]['key'];
  const columns = spec.columns;
  const maxRows = spec.maxRows ?? 5000;
  const headerSearchRows = spec.headerSearchRows ?? 15;
  const headerColumn = (spec.headerColumn ?? columns.find((c) => c.required)?.key ?? columns[0]?.key) as Key;
  const byHeader = new Map<string, Key>();
  for (const column of columns) {
    for (const text of [column.header.vi, column.header.en, ...(column.aliases ?? [])]) byHeader.set(headerKey(text), column.key as Key);
  }
  const columnForHeader = (text: string): Key | null => byHeader.get(headerKey(text)) ?? null;
  const columnOf = (key: Key) => columns.find((c) => c.key === key)!;
  const hasHeader = (cells: ReadonlyArray<ReadonlyArray<CellValue>>) =>
    cells.slice(0, headerSearchRows).some((row) => row.some((cell) => columnForHeader(cellText(cell)) === headerColumn));

  /**
   * Reads the cells, one data row per step (the generator yields after each row), so that
   * `read` can give the event loop back between batches of rows; `readCells` runs it through.
   */
  function* readSteps(cells: ReadonlyArray<ReadonlyArray<CellValue>>, locale: Locale): Generator<void, Omit<SpreadsheetRead<Cs>, 'fileKind' | 'sheetName'>> {
    const errors: SpreadsheetIssue[] = [];
    const issue = (row: number, column: string, message: LocalizedText) => errors.push({ row, column, message: message[locale] });
    const templateLabel = (key: Key) => columnOf(key).header[locale];
    const headerLabel = templateLabel(headerColumn);
    const empty = (headerRow: number, ignoredColumns: string[] = [], dataRows = 0) => ({ headerRow, dataRows, rows: [], errors, ignoredColumns });

    const headerIndex = cells.slice(0, headerSearchRows).findIndex((row) => row.some((cell) => columnForHeader(cellText(cell)) === headerColumn));
    if (headerIndex < 0) {
      issue(1, headerLabel, {
        vi: `Không tìm thấy dòng tiêu đề có cột "${columnOf(headerColumn).header.vi}" trong ${headerSearchRows} dòng đầu.`,
        en: `No header row with a "${columnOf(headerColumn).header.vi}" (${columnOf(headerColumn).header.en}) column in the first ${headerSearchRows} rows.`,
      });
      return empty(0);
    }
    const headerRow = headerIndex + 1;
    const indexOf = new Map<Key, number>();
    const headerText = new Map<Key, string>();
    const ignoredColumns: string[] = [];
    (cells[headerIndex] ?? []).forEach((cell, index) => {
      const text = cellText(cell);
      if (text === '') return;
      const key = columnForHeader(text);
      if (!key) ignoredColumns.push(text);
      else if (indexOf.has(key)) {
        const other = headerText.get(key) ?? text;
        issue(headerRow, text, { vi: `Cột này trùng với cột "${other}".`, en: `This column repeats column "${other}".` });
      } else {
        indexOf.set(key, index);
        headerText.set(key, text);
      }
    });
    for (const column of columns) {
      if (column.required && !indexOf.has(column.key as Key)) {
        issue(headerRow, templateLabel(column.key as Key), { vi: `Thiếu cột bắt buộc "${column.header.vi}".`, en: `Required column "${column.header.vi}" (${column.header.en}) is missing.` });
      }
    }
    if (errors.length > 0) return empty(headerRow, ignoredColumns);

    const body = cells.slice(headerIndex + 1);
    const isBlank = (row: ReadonlyArray<CellValue>) => !row.some((cell) => cellText(cell) !== '');
    const dataRows = body.filter((row) => !isBlank(row)).length;
    if (dataRows === 0) {
      issue(headerRow, headerLabel, { vi: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.', en: 'The file has no data rows below the header.' });
      return empty(headerRow, ignoredColumns);
    }
    if (dataRows > maxRows) {
      issue(headerRow, headerLabel, { vi: `Tệp có quá ${maxRows} dòng dữ liệu; hãy chia thành nhiều tệp.`, en: `The file has more than ${maxRows} data rows; split it.` });
      return empty(headerRow, ignoredColumns, dataRows);
    }

    const label = (key: Key) => headerText.get(key) ?? templateLabel(key);
    const rows: Array<SpreadsheetRow<Cs>> = [];
    const firstOfKey = new Map<string, number>();
    for (const [offset, cellsOfRow] of body.entries()) {
      if (isBlank(cellsOfRow)) continue;
      yield;
      const rowNumber = headerRow + 1 + offset;
      const before = errors.length;
      const draft: Record<string, unknown> = { row: rowNumber };
      for (const column of columns) {
        const key = column.key as Key;
        const index = indexOf.get(key);
        const raw = index === undefined ? undefined : cellsOfRow[index];
        if (raw === null || raw === undefined || cellText(raw) === '') {
          draft[key] = null;
          if (column.required === true) issue(rowNumber, label(key), { vi: 'Chưa nhập.', en: 'Missing.' });
          continue;
        }
        const parsed = parseCell(column, raw);
        if ('error' in parsed) {
          draft[key] = undefined;
          issue(rowNumber, label(key), column.invalid ?? parsed.error);
        } else draft[key] = parsed.value;
      }
      for (const found of spec.rowRule?.(draft as RowDraft<Cs>, { locale, label }) ?? []) issue(rowNumber, label(found.column), found.message);
      if (errors.length > before) continue;
      const row = draft as SpreadsheetRow<Cs>;
      if (spec.duplicateKey) {
        const key = spec.duplicateKey.of(row);
        const first = firstOfKey.get(key);
        if (first !== undefined) {
          issue(rowNumber, label(spec.duplicateKey.column), spec.duplicateKey.message?.(first) ?? { vi: `Trùng với dòng ${first}.`, en: `Same as row ${first}.` });
          continue;
        }
        firstOfKey.set(key, rowNumber);
      }
      rows.push(row);
    }
    return { headerRow, dataRows, rows, errors, ignoredColumns };
  }

  function readCells(cells: ReadonlyArray<ReadonlyArray<CellValue>>, locale: Locale = 'vi') {
    const steps = readSteps(cells, locale);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** `readCells`, giving the event loop back every `READ_BATCH` rows (5,000 rows take ~170 ms of JS: other requests wait no longer than a batch). */
  async function readCellsYielding(cells: ReadonlyArray<ReadonlyArray<CellValue>>, locale: Locale) {
    const steps = readSteps(cells, locale);
    for (let done = 0; ; done++) {
      if (done > 0 && done % READ_BATCH === 0) await yieldToEventLoop();
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  async function cellsOf(bytes: Uint8Array, fileName: string): Promise<{ fileKind: SpreadsheetFileKind; sheetName: string | null; cells: CellValue[][] }> {
    if (bytes.length === 0) throw new FileProblem({ vi: 'Tệp rỗng.', en: 'The file is empty.' });
    if (bytes.length > UPLOAD_LIMITS.spreadsheet) throw new FileProblem(tooLarge(UPLOAD_LIMITS.spreadsheet));
    const kind = sniffFile(bytes, fileName);
    if (kind === 'xls') {
      throw new FileProblem({
        vi: 'Tệp .xls (Excel 97-2003) chưa được hỗ trợ. Hãy mở tệp trong Excel và lưu thành .xlsx hoặc CSV UTF-8.',
        en: 'Old .xls files (Excel 97-2003) are not supported. Save the file as .xlsx or CSV UTF-8.',
      });
    }
    if (kind === 'csv') {
      const text = decodeUtf8(bytes);
      if (text === null) {
        throw new FileProblem({
          vi: 'Tệp CSV phải được lưu với mã UTF-8 (trong Excel: Lưu thành → "CSV UTF-8").',
          en: 'The CSV file must be saved as UTF-8 (in Excel: Save as → "CSV UTF-8").',
        });
      }
      return { fileKind: 'csv', sheetName: null, cells: parseCsvText(text) };
    }
    if (kind !== 'xlsx') throw new FileProblem({ vi: 'Định dạng tệp không được hỗ trợ: hãy dùng .xlsx hoặc .csv.', en: 'Unsupported file: use .xlsx or .csv.' });
    // Inflated here with a running byte budget (a zip's directory may lie about its sizes); exceljs
    // gets only the checked parts, stored.
    const checked = storedZip(await unzipBounded(bytes, {}, XLSX_DAMAGED));
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(checked as unknown as ExcelJS.Buffer);
    } catch {
      throw new FileProblem(XLSX_DAMAGED);
    }
    const sheets = workbook.worksheets.map((sheet) => ({ sheet, cells: worksheetCells(sheet) }));
    const chosen = sheets.find((s) => hasHeader(s.cells)) ?? sheets[0];
    if (!chosen) throw new FileProblem({ vi: 'Tệp .xlsx không có trang tính nào.', en: 'The .xlsx file has no worksheet.' });
    return { fileKind: 'xlsx', sheetName: chosen.sheet.name, cells: chosen.cells };
  }

  async function read(bytes: Uint8Array, fileName: string, locale: Locale = 'vi'): Promise<SpreadsheetRead<Cs>> {
    try {
      const { fileKind, sheetName, cells } = await cellsOf(bytes, fileName);
      await yieldToEventLoop();
      return { fileKind, sheetName, ...(await readCellsYielding(cells, locale)) };
    } catch (error) {
      if (!(error instanceof FileProblem)) throw error;
      return { fileKind: null, sheetName: null, headerRow: 0, dataRows: 0, rows: [], errors: [{ row: 0, column: '', message: error.text[locale] }], ignoredColumns: [] };
    }
  }

  async function template(locale: Locale = 'vi'): Promise<Buffer> {
    const inTemplate = columns.filter((c) => c.inTemplate !== false);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'dondoc';
    const names = spec.sheetNames ?? { template: { vi: 'Mẫu nhập', en: 'Template' }, help: { vi: 'Hướng dẫn', en: 'Instructions' } };
    const sheet = workbook.addWorksheet(names.template[locale], { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = sheet.addRow(inTemplate.map((c) => c.header[locale]));
    header.eachCell((cell) => {
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
    for (const example of spec.examples ?? []) {
      sheet.addRow(inTemplate.map((c) => (example as Record<string, CellValue>)[c.key] ?? null));
    }
    inTemplate.forEach((column, index) => {
      sheet.getColumn(index + 1).width = column.width ?? Math.max(12, column.header[locale].length + 4);
      if (column.kind === 'amount') sheet.getColumn(index + 1).numFmt = '#,##0.##';
    });
    const help = workbook.addWorksheet(names.help[locale]);
    const vi = locale === 'vi';
    help.addRow(vi ? ['Cột', 'Bắt buộc', 'Kiểu', 'Cách ghi'] : ['Column', 'Required', 'Kind', 'How to fill it']).font = { bold: true };
    for (const column of inTemplate) {
      const values = column.kind === 'oneOf' ? `: ${column.values.map((v) => String(v.value)).join(', ')}` : '';
      const required = column.required === true ? (vi ? 'Có' : 'Yes') : column.required === 'column' ? (vi ? 'Cột bắt buộc, ô có thể trống' : 'Column required, cells may be empty') : vi ? 'Không' : 'No';
      help.addRow([column.header[locale], required, KIND_TEXTS[column.kind][locale] + values, column.help?.[locale] ?? '']);
    }
    if (spec.notes?.length) help.addRow([]);
    for (const note of spec.notes ?? []) help.addRow([note.title[locale], '', '', note.text[locale]]);
    [28, 10, 30, 100].forEach((width, index) => {
      help.getColumn(index + 1).width = width;
    });
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  return { columns, columnForHeader, readCells, read, template };
}

/**
 * @dondoc/kit — what the core and every department module need alike on the server: files
 * from users (type sniffing, size limits, zip-bomb guard), spreadsheet import with a dry run,
 * xlsx export, versioned writes. Modules reach it through `@dondoc/plugin-sdk`.
 */
export { acceptFile, checkZip, FILE_EXTENSIONS, FILE_MIME, FileProblem, isHtmlPolyglot, kindList, sniffFile, storedZip, tooLarge, unzipBounded } from './files.ts';
export type { ZipPart } from './files.ts';
export type { FileKind, ZipLimits } from './files.ts';
export { parseVietnameseNumber } from './numbers.ts';
export { cellText, cleanText, decodeUtf8, defineSpreadsheet, headerKey, parseCsvText, plainCell, yieldToEventLoop } from './spreadsheet.ts';
export type {
  CellValue,
  Column,
  OneOfValue,
  RowDraft,
  RuleContext,
  RuleIssue,
  Spreadsheet,
  SpreadsheetFileKind,
  SpreadsheetIssue,
  SpreadsheetRead,
  SpreadsheetRow,
  SpreadsheetSpec,
} from './spreadsheet.ts';
export { IMPORT_SLICE_MS, IMPORT_SLICE_ROWS, nextSliceSize, runImport, undoUnfinishedImports } from './import.ts';
export type { ImportAudit, ImportPlan, ImportWriter, RunImportOptions, SpreadsheetImportResult, UnfinishedImport } from './import.ts';
export { kitMigrations } from './migrations.ts';
export { addTableSheet, safeText, tableWorkbook, XLSX_MIME, xlsxDownload } from './xlsx.ts';
export type { FileDownload, XlsxCell, XlsxColumn, XlsxTable } from './xlsx.ts';
export { deleteVersioned, insertAudited, updateVersioned } from './versioned.ts';
export type { AuditRecord, AuditWrite, VersionedTable } from './versioned.ts';

/**
 * @dondoc/kit — what the core and every department module need alike on the server: files
 * from users (type sniffing, size limits, zip-bomb guard), spreadsheet import with a dry run,
 * xlsx export, versioned writes. Modules reach it through `@dondoc/plugin-sdk`.
 */
export { acceptFile, acceptUpload, checkZip, FILE_EXTENSIONS, FILE_MIME, FileProblem, isHtmlPolyglot, kindList, sniffFile, storedZip, tooLarge, unzipBounded } from './files.ts';
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
export { importByKey } from './keyed-import.ts';
export type { KeyedImportOptions, KeyedImportSummary, KeyedTable } from './keyed-import.ts';
export { kitMigrations } from './migrations.ts';
export { addTableSheet, safeText, tableWorkbook, XLSX_MIME, xlsxDownload } from './xlsx.ts';
export { administrativeDocument, DOCUMENT_FONT, DOCUMENT_PAGE, documentDate, documentNumber, documentPlaceAndDate, DOCX_MIME, docxDownload, shareInWords } from './docx.ts';
export type { AdministrativeDocument, DocumentBlock, DocumentSection, DocumentTable } from './docx.ts';
export type { FileDownload, XlsxCell, XlsxColumn, XlsxTable } from './xlsx.ts';
export { deleteVersioned, insertAudited, updateVersioned, updateVersionedMany } from './versioned.ts';
export type { ManyRowsWrite } from './versioned.ts';
export type { AuditRecord, AuditWrite, VersionedTable } from './versioned.ts';
export { optionalText, requiredText, trackedColumns } from './fields.ts';

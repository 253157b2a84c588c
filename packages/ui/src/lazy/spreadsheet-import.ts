/**
 * `@dondoc/ui/spreadsheet-import`: the import of a spreadsheet with its dry run, its problems
 * table and its progress. Its own federation singleton: only import pages download it.
 */
export { SpreadsheetImport, spreadsheetProblem, acceptedExtensions } from '../SpreadsheetImport.tsx';
export type { SpreadsheetImportProps, SpreadsheetImportResult } from '../SpreadsheetImport.tsx';

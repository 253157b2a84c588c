/** The core's xlsx tables are the kit's (`@dondoc/kit`): one table helper for the core and every module. */
export { safeText, tableWorkbook } from '@dondoc/kit';
export type { XlsxCell, XlsxColumn, XlsxTable } from '@dondoc/kit';

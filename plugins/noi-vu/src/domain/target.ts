/**
 * The target the module declares (src/server/plugin.ts) and records: every department and
 * district submits its periodic CCHC report (§6 of directive 2458). Each consolidation records
 * the share of units owing a report that submitted it. No imports: the pages read it too.
 */
export const REPORT_TARGET_CODE = '2458-CT6-BC';
export const REPORT_TARGET_DATE = '2027-12-31';
/** The indices the module follows (the core's scorecards of Sở Nội vụ). */
export const SNV_INDICES = ['par_index', 'sipas', 'papi'] as const;

/**
 * The import-with-dry-run skeleton: read the file, plan what to write, and either answer every
 * error (a dry run, or any error: nothing written) or plan again inside one transaction and
 * write it all (all rows or none).
 */
import type { Db, Queryable, Tx } from '@dondoc/db';
import type { Locale } from '@dondoc/trpc';
import type { Column, Spreadsheet, SpreadsheetFileKind, SpreadsheetIssue, SpreadsheetRow } from './spreadsheet.ts';

export interface SpreadsheetImportResult<Summary> {
  dryRun: boolean;
  /** True only when the real import wrote every row. */
  written: boolean;
  fileKind: SpreadsheetFileKind | null;
  sheetName: string | null;
  /** Data rows read from the file (not blank). */
  dataRows: number;
  /** Every error, by row (row 0: the file itself). When there is any, nothing is written. */
  errors: SpreadsheetIssue[];
  ignoredColumns: string[];
  /** What the import writes (or wrote); null when the file could not be read. */
  summary: Summary | null;
}

export interface ImportPlan<Summary> {
  errors: SpreadsheetIssue[];
  summary: Summary;
}

export interface RunImportOptions<Cs extends readonly Column[], Plan extends ImportPlan<unknown>> {
  db: Db;
  spreadsheet: Spreadsheet<Cs>;
  file: { bytes: Uint8Array; fileName: string };
  dryRun: boolean;
  locale: Locale;
  /** Checks the rows against what is stored and works out what to write (no writes). */
  plan: (db: Queryable, rows: Array<SpreadsheetRow<Cs>>) => Promise<Plan>;
  /** Writes a plan made in the same transaction (each change audited). */
  write: (tx: Tx, plan: Plan) => Promise<void>;
  /** Takes the locks the write needs, in its transaction, before planning again. */
  lock?: (tx: Tx, rows: Array<SpreadsheetRow<Cs>>) => Promise<void>;
  /**
   * Whether the plan made outside the transaction still holds (a cheap check, e.g. of the
   * versions it read), in the write's transaction after `lock`. True: it is written as is;
   * false or absent: the rows are planned again inside the transaction (slow on PGlite).
   */
  stillValid?: (tx: Tx, plan: Plan) => Promise<boolean>;
}

const byRow = (errors: SpreadsheetIssue[]) => [...errors].sort((a, b) => a.row - b.row);

export async function runImport<Cs extends readonly Column[], Plan extends ImportPlan<unknown>>(
  options: RunImportOptions<Cs, Plan>,
): Promise<SpreadsheetImportResult<Plan['summary']>> {
  const read = await options.spreadsheet.read(options.file.bytes, options.file.fileName, options.locale);
  const result: SpreadsheetImportResult<Plan['summary']> = {
    dryRun: options.dryRun,
    written: false,
    fileKind: read.fileKind,
    sheetName: read.sheetName,
    dataRows: read.dataRows,
    errors: read.errors,
    ignoredColumns: read.ignoredColumns,
    summary: null,
  };
  if (read.rows.length === 0 && read.errors.length > 0) return result;
  // Planned outside any transaction: on PGlite's one connection, other users' requests go on
  // meanwhile; the transaction below only checks that nothing changed and writes.
  const planned = await options.plan(options.db, read.rows);
  if (options.dryRun || read.errors.length > 0 || planned.errors.length > 0) {
    return { ...result, errors: byRow([...read.errors, ...planned.errors]), summary: planned.summary };
  }
  return options.db.transaction(async (tx) => {
    await options.lock?.(tx, read.rows);
    const plan = options.stillValid && (await options.stillValid(tx, planned)) ? planned : await options.plan(tx, read.rows);
    if (plan.errors.length > 0) return { ...result, errors: byRow(plan.errors), summary: plan.summary };
    await options.write(tx, plan);
    return { ...result, written: true, summary: plan.summary };
  });
}

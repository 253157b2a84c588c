/**
 * The import-with-dry-run skeleton: read the file, plan what to write, and either answer every
 * error (a dry run, or any error: nothing written) or write the plan in slices, each in its own
 * short transaction, journaled so that a failure (or a crash) undoes what was written: all rows
 * or none, without holding PGlite's one connection for seconds.
 */
import { sql, getTableColumns } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { insertMany, queryRows, type Db, type Queryable, type Tx } from '@dondoc/db';
import type { Locale } from '@dondoc/trpc';
import { yieldToEventLoop, type Column, type Spreadsheet, type SpreadsheetFileKind, type SpreadsheetIssue, type SpreadsheetRow } from './spreadsheet.ts';
import type { AuditRecord, AuditWrite } from './versioned.ts';

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

/** How an import writes its new rows: in slices, each slice in its own transaction with its audit rows. */
export interface ImportWriter {
  /**
   * Inserts the rows (`insertMany`) in slices of ~`IMPORT_SLICE_MS` each, each slice in its own short
   * transaction with its audit rows (`audit` of each stored row) and its journal entry; other
   * requests run between slices. Answers the stored rows, in order.
   */
  insert<T extends PgTable>(table: T, rows: ReadonlyArray<T['$inferInsert']>, audit?: (row: T['$inferSelect']) => AuditRecord): Promise<Array<T['$inferSelect']>>;
}

/** The audit writers of the request (`ctx` has both). */
export interface ImportAudit {
  audit: AuditWrite;
  auditMany: (tx: Tx, entries: readonly AuditRecord[]) => Promise<void>;
}

export interface RunImportOptions<Cs extends readonly Column[], Plan extends ImportPlan<unknown>> {
  db: Db;
  spreadsheet: Spreadsheet<Cs>;
  file: { bytes: Uint8Array; fileName: string };
  dryRun: boolean;
  locale: Locale;
  /** The module importing and who (the journal's `module` and `actor`). */
  journal: { module: string; actor: string | null };
  /** The request's audit writers (pass `ctx`). */
  audit: ImportAudit;
  /** Checks the rows against what is stored and works out what to write (no writes). */
  plan: (db: Queryable, rows: Array<SpreadsheetRow<Cs>>) => Promise<Plan>;
  /** Writes the plan's new rows through the writer (outside any transaction: the writer opens one per slice). */
  write: (writer: ImportWriter, plan: Plan) => Promise<void>;
  /**
   * The last transaction, after every slice: updates of stored rows (rarer) and the import's own
   * audit row. The run is marked done in it.
   */
  finish?: (tx: Tx, plan: Plan) => Promise<void>;
  /** Takes the locks the write needs, in the first transaction (before planning again) and in every slice's. */
  lock?: (tx: Tx, rows: Array<SpreadsheetRow<Cs>>) => Promise<void>;
  /**
   * Whether the plan made outside the transaction still holds (a cheap check, e.g. of the
   * versions it read), in the first transaction after `lock`. True: it is written as is;
   * false or absent: the rows are planned again inside the transaction (slow on PGlite).
   */
  stillValid?: (tx: Tx, plan: Plan) => Promise<boolean>;
  /**
   * A cheap check in every slice's transaction and in the last one (after `lock`; the first
   * slice is a transaction of its own, after the one that planned): it throws
   * (e.g. `fail('CONFLICT', …)`) when what the plan relies on changed meanwhile; the run is then
   * undone and the error answered.
   */
  guard?: (tx: Tx, plan: Plan) => Promise<void>;
  /** Rows per slice, fixed (default: sized by time, `nextSliceSize`). */
  sliceRows?: number;
}

/** Rows of the first slice; the next ones are sized so that a slice's transaction takes ~`IMPORT_SLICE_MS`. */
export const IMPORT_SLICE_ROWS = 100;
/** What one slice's transaction (rows, audit rows, journal) should hold the connection for. */
export const IMPORT_SLICE_MS = 30;

/** The next slice's size: scaled toward `IMPORT_SLICE_MS` from what the last one took (at most ×2 or ÷2 a step, 20 to 1,000 rows). */
export function nextSliceSize(rows: number, tookMs: number): number {
  const factor = Math.min(2, Math.max(0.5, IMPORT_SLICE_MS / Math.max(tookMs, 1)));
  return Math.min(1000, Math.max(20, Math.round(rows * factor)));
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
  // meanwhile; the first transaction below only checks that nothing changed.
  const planned = await options.plan(options.db, read.rows);
  if (options.dryRun || read.errors.length > 0 || planned.errors.length > 0) {
    return { ...result, errors: byRow([...read.errors, ...planned.errors]), summary: planned.summary };
  }
  const { db } = options;
  const started = await db.transaction(async (tx) => {
    await options.lock?.(tx, read.rows);
    const plan = options.stillValid && (await options.stillValid(tx, planned)) ? planned : await options.plan(tx, read.rows);
    if (plan.errors.length > 0) return { plan, runId: null };
    const [run] = await queryRows<{ id: string }>(
      tx,
      sql`insert into kit.import_runs (module, actor, file_name) values (${options.journal.module}, ${options.journal.actor}, ${options.file.fileName}) returning id`,
    );
    return { plan, runId: run!.id };
  });
  const { plan, runId } = started;
  if (runId === null) return { ...result, errors: byRow(plan.errors), summary: plan.summary };

  let seq = 0;
  let size = options.sliceRows ?? IMPORT_SLICE_ROWS;
  const writer: ImportWriter = {
    async insert(table, rows, audit) {
      const key = primaryKeyOf(table);
      const stored: Array<(typeof table)['$inferSelect']> = [];
      for (let start = 0; start < rows.length; ) {
        const slice = rows.slice(start, start + size);
        start += slice.length;
        const number = ++seq;
        let began = 0;
        await db.transaction(async (tx) => {
          // Timed from inside (a wait for the connection is not the slice's own time) to the commit.
          began = performance.now();
          await options.lock?.(tx, read.rows);
          await options.guard?.(tx, plan);
          const inserted = await insertMany(tx, table, slice);
          if (audit) await options.audit.auditMany(tx, inserted.map(audit));
          const keys = inserted.map((row) => Object.fromEntries(key.columns.map((c) => [c.name, journalValue((row as Record<string, unknown>)[c.key])])));
          await tx.execute(sql`insert into kit.import_slices (run_id, seq, target, key_columns, keys, rows)
            values (${runId}, ${number}, ${key.target}, ${JSON.stringify(key.columns.map((c) => ({ name: c.name, type: c.type })))}::jsonb, ${JSON.stringify(keys)}::jsonb, ${inserted.length})`);
          await tx.execute(sql`update kit.import_runs set touched_at = now() where id = ${runId}`);
          stored.push(...inserted);
        });
        const took = performance.now() - began;
        if (options.sliceRows === undefined) size = nextSliceSize(size, took);
        // Whatever waited for the connection (other users' requests) runs before the next slice.
        await yieldToEventLoop();
      }
      return stored;
    },
  };
  try {
    await options.write(writer, plan);
    await db.transaction(async (tx) => {
      await options.lock?.(tx, read.rows);
      await options.guard?.(tx, plan);
      await options.finish?.(tx, plan);
      await tx.execute(sql`update kit.import_runs set status = 'done', finished_at = now(), touched_at = now() where id = ${runId}`);
      await tx.execute(sql`delete from kit.import_slices where run_id = ${runId}`);
    });
  } catch (error) {
    // All rows or none: what the slices wrote goes, then the error is answered. An undo that
    // fails itself leaves the run 'writing': the next start undoes it (`undoUnfinishedImports`).
    await undoRun(db, runId, options.audit.audit, (error as Error).message).catch(() => {});
    throw error;
  }
  return { ...result, written: true, summary: plan.summary };
}

interface KeyColumn {
  key: string;
  name: string;
  type: string;
}

/** The table's name for SQL (schema-qualified, quoted) and its primary key's columns. */
function primaryKeyOf(table: PgTable): { target: string; columns: KeyColumn[] } {
  const config = getTableConfig(table);
  const entries = Object.entries(getTableColumns(table)) as Array<[string, PgColumn]>;
  const composite = config.primaryKeys[0]?.columns;
  const keyColumns = composite ?? entries.filter(([, column]) => column.primary).map(([, column]) => column);
  if (keyColumns.length === 0) throw new Error(`import: ${config.name} has no primary key to journal`);
  // (A composite key's columns are copies made for the table's config: the table's own are found by name.)
  const columns = keyColumns.map((keyColumn) => {
    const [key, column] = entries.find(([, c]) => c.name === keyColumn.name)!;
    return { key, name: column.name, type: column.getSQLType() };
  });
  return { target: config.schema ? `${quote(config.schema)}.${quote(config.name)}` : quote(config.name), columns };
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const journalValue = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/**
 * Undoes a run: each slice's rows deleted, last slice first, each in its own short transaction
 * with the removal of its journal entry; then the run marked 'undone', with an audit row.
 */
async function undoRun(db: Db, runId: string, audit: AuditWrite, reason: string): Promise<{ deleted: number }> {
  const slices = await queryRows<{ seq: number; target: string; key_columns: Array<{ name: string; type: string }>; keys: unknown }>(
    db,
    sql`select seq, target, key_columns, keys from kit.import_slices where run_id = ${runId} order by seq desc`,
  );
  let deleted = 0;
  for (const slice of slices) {
    const shape = slice.key_columns.map((c) => `${quote(c.name)} ${c.type}`).join(', ');
    const match = slice.key_columns.map((c) => `t.${quote(c.name)} = k.${quote(c.name)}`).join(' and ');
    await db.transaction(async (tx) => {
      const gone = await queryRows(
        tx,
        sql`delete from ${sql.raw(slice.target)} as t using jsonb_to_recordset(${JSON.stringify(slice.keys)}::jsonb) as k(${sql.raw(shape)}) where ${sql.raw(match)} returning 1`,
      );
      deleted += gone.length;
      await tx.execute(sql`delete from kit.import_slices where run_id = ${runId} and seq = ${slice.seq}`);
    });
    await yieldToEventLoop();
  }
  await db.transaction(async (tx) => {
    const [run] = await queryRows<{ module: string; file_name: string | null }>(
      tx,
      sql`update kit.import_runs set status = 'undone', finished_at = now(), touched_at = now() where id = ${runId} returning module, file_name`,
    );
    await audit(tx, { action: 'kit.import.undo', entity: 'kit.import-run', entityId: runId, after: { module: run?.module, fileName: run?.file_name, deleted, reason } });
  });
  return { deleted };
}

export interface UnfinishedImport {
  id: string;
  module: string;
  actor: string | null;
  fileName: string | null;
  /** Rows deleted (null: the undo failed, `error` says why; the run stays 'writing'). */
  deleted: number | null;
  error?: string;
}

/**
 * Undoes the runs left 'writing' (a process stopped mid-import) untouched for `idleMs` (default
 * 0: at start on PGlite, whose data directory one process holds; on Postgres other processes may
 * be importing, so pass the minutes a live run could not stay silent). Each undo is audited.
 */
export async function undoUnfinishedImports(db: Db, options: { audit: AuditWrite; idleMs?: number }): Promise<UnfinishedImport[]> {
  const idleS = Math.max(0, (options.idleMs ?? 0) / 1000);
  const runs = await queryRows<{ id: string; module: string; actor: string | null; file_name: string | null }>(
    db,
    sql`select id, module, actor, file_name from kit.import_runs where status = 'writing' and touched_at <= now() - ${idleS}::float8 * interval '1 second' order by started_at`,
  );
  const undone: UnfinishedImport[] = [];
  for (const run of runs) {
    const base = { id: run.id, module: run.module, actor: run.actor, fileName: run.file_name };
    try {
      const { deleted } = await undoRun(db, run.id, options.audit, 'the import did not finish (the server stopped)');
      undone.push({ ...base, deleted });
    } catch (error) {
      undone.push({ ...base, deleted: null, error: (error as Error).message });
    }
  }
  return undone;
}

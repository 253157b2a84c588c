/**
 * A register imported by a key on `runImport`: a sheet row whose key is stored updates that row
 * (versioned, audited), a new key adds a row (audited, in slices), a row equal to what is stored
 * is left as it is. The module says how a row is keyed, what a sheet row stores, and which rows it
 * refuses (a unit the importer may not write for...): each refusal is a row-level error of the dry
 * run, and any error writes nothing.
 */
import { eq, getTableColumns } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db, Queryable } from '@dondoc/db';
import type { Locale, LocalizedText } from '@dondoc/trpc';
import { runImport, type ImportAudit, type SpreadsheetImportResult } from './import.ts';
import type { Column, Spreadsheet, SpreadsheetIssue, SpreadsheetRow } from './spreadsheet.ts';
import { updateVersioned, type AuditWrite, type VersionedTable } from './versioned.ts';

export type KeyedTable = VersionedTable & { id: PgColumn };
type Stored<T extends KeyedTable> = T['$inferSelect'] & { id: string; version: number };

export interface KeyedImportSummary {
  added: number;
  updated: number;
  unchanged: number;
}

export interface KeyedImportOptions<Cs extends readonly Column[], T extends KeyedTable, V extends Record<string, unknown>> {
  db: Db;
  spreadsheet: Spreadsheet<Cs>;
  file: { bytes: Uint8Array; fileName: string };
  dryRun: boolean;
  locale: Locale;
  /** The module importing and who (the journal's, the rows' `createdBy`/`updatedBy` where the table has them). */
  module: string;
  actor: string;
  /** The request's audit writers (pass `ctx`). */
  audit: ImportAudit & { audit: AuditWrite };
  table: T;
  /** The audit entries' entity; actions are `<entity>.create` and `<entity>.update`. */
  entity: string;
  /** What a row is called in a CONFLICT message. */
  what: LocalizedText;
  /** The key a stored row and a sheet row's values are matched by (case and spacing as the module wants). */
  keyOf: (row: V | Stored<T>) => string;
  /** What a sheet row stores. */
  valuesOf: (row: SpreadsheetRow<Cs>) => V;
  /** A row refused (its issue: row, column header, message), or null. `current`: the stored row with its key. */
  refuse?: (values: V, current: Stored<T> | undefined, row: SpreadsheetRow<Cs>) => SpreadsheetIssue | null;
}

interface KeyedPlan<T extends KeyedTable, V> {
  errors: SpreadsheetIssue[];
  summary: KeyedImportSummary;
  added: V[];
  updated: Array<{ values: V; current: Stored<T> }>;
}

export function importByKey<Cs extends readonly Column[], T extends KeyedTable, V extends Record<string, unknown>>(options: KeyedImportOptions<Cs, T, V>): Promise<SpreadsheetImportResult<KeyedImportSummary>> {
  const { table, entity, actor } = options;
  const columns = getTableColumns(table);
  const who = { ...('createdBy' in columns ? { createdBy: actor } : {}), ...('updatedBy' in columns ? { updatedBy: actor } : {}) };
  const plan = async (db: Queryable, rows: Array<SpreadsheetRow<Cs>>): Promise<KeyedPlan<T, V>> => {
    const stored = new Map(((await db.select().from(table as KeyedTable)) as Array<Stored<T>>).map((row) => [options.keyOf(row), row]));
    const result: KeyedPlan<T, V> = { errors: [], summary: { added: 0, updated: 0, unchanged: 0 }, added: [], updated: [] };
    for (const row of rows) {
      const values = options.valuesOf(row);
      const current = stored.get(options.keyOf(values));
      const refused = options.refuse?.(values, current, row) ?? null;
      if (refused) result.errors.push(refused);
      else if (!current) result.added.push(values);
      else if (Object.entries(values).every(([key, value]) => (current as Record<string, unknown>)[key] === value)) result.summary.unchanged += 1;
      else result.updated.push({ values, current });
    }
    result.summary.added = result.added.length;
    result.summary.updated = result.updated.length;
    return result;
  };
  return runImport({
    db: options.db,
    spreadsheet: options.spreadsheet,
    file: options.file,
    dryRun: options.dryRun,
    locale: options.locale,
    journal: { module: options.module, actor },
    audit: options.audit,
    plan,
    write: async (writer, planned) => {
      await writer.insert(
        table,
        planned.added.map((values) => ({ ...values, ...who }) as T['$inferInsert']),
        (row) => ({ action: `${entity}.create`, entity, entityId: String((row as Stored<T>).id), after: row }),
      );
    },
    finish: async (tx, planned) => {
      for (const { values, current } of planned.updated) {
        await updateVersioned(tx, table, {
          id: eq(table.id, current.id),
          version: current.version,
          current,
          set: values as Partial<T['$inferInsert']>,
          actor,
          locale: options.locale,
          what: options.what,
          audit: { action: `${entity}.update`, entity, entityId: current.id },
          auditWrite: options.audit.audit,
        });
      }
    },
  }) as Promise<SpreadsheetImportResult<KeyedImportSummary>>;
}

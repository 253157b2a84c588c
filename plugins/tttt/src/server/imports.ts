/**
 * Imports of Sở TT&TT's registers on the kit's `importByKey` (the connections, the features): a row
 * whose name is stored (case ignored) updates that row, a new name adds one; a row equal to what is
 * stored is left as it is. The dry run lists every row's errors and writes nothing; the import
 * writes every row or none, each change audited and versioned.
 */
import type { PgColumn } from 'drizzle-orm/pg-core';
import { importByKey, type Column, type Spreadsheet, type SpreadsheetRow, type VersionedTable } from '@dondoc/plugin-sdk';
import type { ModuleContext } from './context.ts';
import { connectionsSheet, featuresSheet, type ConnectionSheetRow, type FeatureSheetRow } from './spreadsheet.ts';
import { CONNECTION, FEATURE, type Resource } from './system.ts';

type NamedTable = VersionedTable & { id: PgColumn; name: PgColumn };

/** A register imported by name: its rows, its spreadsheet, and the columns a sheet row sets. */
interface NamedRegister<T extends NamedTable, Cs extends readonly Column[]> {
  resource: Resource<T>;
  spreadsheet: Spreadsheet<Cs>;
  valuesOf: (row: SpreadsheetRow<Cs>) => Record<string, unknown> & { name: string };
}

const nameKey = (row: object) => String((row as { name?: unknown }).name).toLocaleLowerCase('vi');

export function importByName<T extends NamedTable, Cs extends readonly Column[]>(
  ctx: ModuleContext,
  register: NamedRegister<T, Cs>,
  input: { dryRun: boolean; file: { name: string; bytes: Uint8Array } },
) {
  const { table, entity, what } = register.resource;
  return importByKey({
    db: ctx.db,
    spreadsheet: register.spreadsheet,
    file: { bytes: input.file.bytes, fileName: input.file.name },
    dryRun: input.dryRun,
    locale: ctx.locale,
    module: 'tttt',
    actor: ctx.user.username,
    audit: ctx,
    table,
    entity,
    what,
    keyOf: nameKey,
    valuesOf: register.valuesOf,
  });
}

export const connectionsRegister = {
  resource: CONNECTION,
  spreadsheet: connectionsSheet,
  valuesOf: (row: ConnectionSheetRow) => ({ name: row.name, kind: row.kind, status: row.status, lastSuccessOn: row.lastSuccessOn ?? null, note: row.note || null }),
};

export const featuresRegister = {
  resource: FEATURE,
  spreadsheet: featuresSheet,
  valuesOf: (row: FeatureSheetRow) => ({ name: row.name, owner: row.owner, deadline: row.deadline ?? null, status: row.status, note: row.note || null }),
};

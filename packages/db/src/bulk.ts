/**
 * Many rows in one short statement: `INSERT … SELECT … FROM json_to_recordset($1)`. The rows
 * travel as one JSON parameter that Postgres parses in C, instead of thousands of bound
 * parameters (or thousands of statements): an import's 5,000 rows take one statement, so the
 * transaction holding PGlite's single connection stays short.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { queryRows } from './client.ts';
import type { Queryable } from './client.ts';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A column's value as it goes into the JSON record: what the driver would get, JSON columns as their value. */
function recordValue(column: PgColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const type = column.getSQLType();
  if (type === 'json' || type === 'jsonb') return value;
  const driver = column.mapToDriverValue(value);
  return driver instanceof Date ? driver.toISOString() : driver;
}

/**
 * Inserts `rows` into `table` in one statement and answers the rows as stored (`returning *`,
 * mapped back to the table's keys and types). The columns written are those any row carries;
 * the others take their defaults. An empty list writes nothing.
 */
export async function insertMany<T extends PgTable>(db: Queryable, table: T, rows: ReadonlyArray<T['$inferInsert']>): Promise<Array<T['$inferSelect']>> {
  if (rows.length === 0) return [];
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(columns).filter((key) => rows.some((row) => (row as Record<string, unknown>)[key] !== undefined));
  const records = rows.map((row) => Object.fromEntries(keys.map((key) => [columns[key]!.name, recordValue(columns[key]!, (row as Record<string, unknown>)[key])])));
  const { name, schema } = getTableConfig(table);
  const target = schema ? `${quote(schema)}.${quote(name)}` : quote(name);
  const names = keys.map((key) => quote(columns[key]!.name)).join(', ');
  const shape = keys.map((key) => `${quote(columns[key]!.name)} ${columns[key]!.getSQLType()}`).join(', ');
  const query: SQL = sql`insert into ${sql.raw(target)} (${sql.raw(names)}) select ${sql.raw(names)} from json_to_recordset(${JSON.stringify(records)}::json) as t(${sql.raw(shape)}) returning *`;
  const stored = await queryRows<Record<string, unknown>>(db, query);
  const byName = Object.entries(columns).map(([key, column]) => [key, column] as const);
  return stored.map(
    (row) => Object.fromEntries(byName.map(([key, column]) => [key, row[column.name] === null || row[column.name] === undefined ? null : column.mapFromDriverValue(row[column.name])])) as T['$inferSelect'],
  );
}

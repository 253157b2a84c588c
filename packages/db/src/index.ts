export { openDatabase, queryRows } from './client.ts';
export { insertMany } from './bulk.ts';
export type { Database, DatabaseKind, DatabaseOptions, Db, Tx, Queryable } from './client.ts';
export { migrate, migrationHistory, readMigrations, MigrationError } from './migrate.ts';
export type { MigrationModule, AppliedMigration } from './migrate.ts';

export { openDatabase, queryRows } from './client.ts';
export { insertMany } from './bulk.ts';
export type { Database, DatabaseKind, DatabaseOptions, Db, Tx, Queryable } from './client.ts';
export { migrate, migrationHistory, readMigrations, MigrationError } from './migrate.ts';
export type { MigrationModule, AppliedMigration } from './migrate.ts';
export { DataDirInUseError, acquireDataDirLock, LOCK_FILE } from './data-dir-lock.ts';
export type { DataDirLock, DataDirLockHolder } from './data-dir-lock.ts';

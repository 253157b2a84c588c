import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database, type DatabaseKind } from './client.ts';
import { migrate, type MigrationModule } from './migrate.ts';

/**
 * The backends integration tests run on: PGlite always, and the Postgres server too when
 * `TEST_DATABASE_URL` is set (CI sets it). Use with `describe.each(testBackends)`.
 */
export const testBackends: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends Database {
  /** The URL of the throw-away database on the server; undefined on PGlite. */
  url: string | undefined;
}

/**
 * A migrated, isolated database for one test file: an in-memory PGlite, or a fresh
 * database on the `TEST_DATABASE_URL` server that `close()` drops. PGlite is heavy to
 * create (seconds, most of a GB): make one per file in `beforeAll`, not one per test.
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  modules: MigrationModule[] = [],
): Promise<TestDatabase> {
  let database: Database;
  let url: string | undefined;
  let dropDatabase = async () => {};
  if (kind === 'pglite') {
    database = await openDatabase();
  } else {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
    const name = `dondoc_t_${randomBytes(6).toString('hex')}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    database = await openDatabase({ url, maxConnections: 5 });
    dropDatabase = async () => {
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
  }
  await migrate(database.db, modules);
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await dropDatabase();
    },
  };
}

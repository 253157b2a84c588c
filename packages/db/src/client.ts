import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import postgres from 'postgres';

/** The drizzle handle every package uses: the same type for PGlite and for Postgres. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
/** A transaction handle; it has the same query API as {@link Db}. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the database itself or an open transaction. */
export type Queryable = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Runs raw SQL (one or more statements) outside drizzle; used by migrations and tests. */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A Postgres URL; when set, PGlite is not used. */
  url?: string | undefined;
  /** Where PGlite keeps its files; `undefined` or `memory://` keeps it in memory. */
  dataDir?: string | undefined;
  /** Connections in the Postgres pool. */
  maxConnections?: number;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.maxConnections ?? 10);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  return pgliteDatabase(await PGlite.create(dataDir && dataDir !== 'memory://' ? { dataDir } : {}));
}

/** A {@link Database} over a PGlite instance already open (the test kit opens one from a dumped data directory). */
export function pgliteDatabase(client: PGlite): Database {
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    exec: async (text) => {
      await client.exec(text);
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const client = postgres(url, { max, onnotice: () => {}, connection: { application_name: 'dondoc' } });
  // Fail fast with a clear message when the server is not there.
  await client`select 1`;
  const db = drizzlePostgres({ client }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    exec: async (text) => {
      await client.unsafe(text);
    },
    close: async () => {
      await client.end({ timeout: 5 });
    },
  };
}

/** Rows of a raw query, whichever driver ran it (PGlite answers `{ rows }`, postgres.js an array). */
export async function queryRows<T = Record<string, unknown>>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Logger, SQL } from 'drizzle-orm';
import postgres from 'postgres';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { DurableNodeFS, durableStartParams, syncTree } from './durable-fs.ts';
import { preparingClient } from './prepared-statements.ts';

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
  /** One statement with parameters through the driver itself, no drizzle (the bench's "bare SQL"). */
  query?(sqlText: string, params: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A Postgres URL; when set, PGlite is not used. */
  url?: string | undefined;
  /** Where PGlite keeps its files; `undefined` or `memory://` keeps it in memory. */
  dataDir?: string | undefined;
  /** Connections in the Postgres pool. */
  maxConnections?: number;
  /**
   * PGlite on disk: sync each commit to the disk before it is acknowledged (default `true`).
   * `false` is PGlite's own behaviour: commits survive a killed process but not a power loss or
   * an OS crash; only for throw-away data (benchmark set-ups, experiments).
   */
  durable?: boolean;
  /**
   * PGlite on disk: what this process is, written in the data directory's lock and shown to a
   * second process that tries to open it (e.g. `máy chủ dondoc (server)`, `pnpm dondoc db:migrate`).
   */
  owner?: string;
  /** drizzle's query logger (the bench records a request's SQL with it). */
  logger?: Logger;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.maxConnections ?? 10, options.logger);
  return openPglite(options.dataDir, options.durable ?? true, options.owner, options.logger);
}

async function openPglite(dataDir: string | undefined, durable: boolean, owner: string | undefined, logger?: Logger): Promise<Database> {
  if (!dataDir || dataDir === 'memory://') return pgliteDatabase(await PGlite.create({}), undefined, logger);
  // One process at a time on a data directory: a second one would corrupt it (see data-dir-lock.ts).
  const lock = acquireDataDirLock(dataDir, owner);
  try {
    const dir = resolve(dataDir);
    const fresh = !existsSync(join(dir, 'PG_VERSION'));
    const client = await PGlite.create(durable ? { fs: new DurableNodeFS(dir), startParams: durableStartParams() } : { dataDir: dir });
    if (durable && fresh) syncTree(dir);
    return pgliteDatabase(client, () => lock.release(), logger);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** A {@link Database} over a PGlite instance already open (the test kit opens one from a dumped data directory). */
export function pgliteDatabase(client: PGlite, onClose?: () => void, logger?: Logger): Database {
  const db = drizzlePglite({ client, ...(logger ? { logger } : {}) }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    exec: async (text) => {
      await client.exec(text);
    },
    query: (text, params) => client.query(text, params),
    close: async () => {
      try {
        if (!client.closed) await client.close();
      } finally {
        onClose?.();
      }
    },
  };
}

async function openPostgres(url: string, max: number, logger?: Logger): Promise<Database> {
  const client = postgres(url, { max, onnotice: () => {}, connection: { application_name: 'dondoc' } });
  // Fail fast with a clear message when the server is not there.
  await client`select 1`;
  const prepared = preparingClient(client);
  const db = drizzlePostgres({ client: prepared, ...(logger ? { logger } : {}) }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    exec: async (text) => {
      await client.unsafe(text);
    },
    query: (text, params) => prepared.unsafe(text, params as never[]),
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

/**
 * The real server as a process, for the crash and multi-process properties: `node --import tsx
 * src/serve.ts` in apps/server (as `startPortal` of the browser-testing kit starts it), on a data
 * directory or a Postgres database the test keeps across restarts; a small HTTP client that
 * signs in and calls procedures as the browser does; direct SQL on the same data (PGlite with
 * amcheck, or postgres.js) for what only the database can tell; and the btree index check.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';
import postgres from 'postgres';
import { acquireDataDirLock } from '@dondoc/db';
import { freePort } from '@dondoc/plugin-sdk/browser-testing';

export const serverDir = fileURLToPath(new URL('../..', import.meta.url));
export const DEMO_PASSWORD = 'dondoc-demo';

/** A plugin config without modules (the core only), written once. */
export async function emptyConfig(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dondoc-rel-config-'));
  const path = join(dir, 'dondoc.config.json');
  await writeFile(path, JSON.stringify({ plugins: [] }));
  return path;
}

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) once the process has exited. */
  exited: Promise<number | null>;
  /** kill -9, then waits for the process to be gone. */
  kill9(): Promise<void>;
  /** SIGTERM (drains requests, closes the database), then waits for the exit code. */
  stop(): Promise<number | null>;
}

export interface ServerOptions {
  /** PGlite data directory (kept by the caller across restarts); ignored when `databaseUrl` is set. */
  dataDir?: string;
  databaseUrl?: string;
  configPath: string;
  port?: number;
  env?: Record<string, string>;
}

/** Starts the server process and waits until `/healthz` answers 200; throws with its output when it does not come up. */
export async function startServerProcess(options: ServerOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/serve.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir ?? join(tmpdir(), `dondoc-unused-${randomBytes(4).toString('hex')}`),
      DATABASE_URL: options.databaseUrl ?? '',
      DONDOC_CONFIG: options.configPath,
      DONDOC_DEMO: '1',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  let up = false;
  for (let i = 0; i < 600 && !gone; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) {
        up = true;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!up) {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`the server process did not start (exit ${child.exitCode}):\n${output}`);
  }
  return {
    url,
    port,
    pid: child.pid!,
    child,
    output: () => output,
    exited,
    kill9: async () => {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (!gone) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Lines of the server's output that report a failure (log lines at error level, start failures, stack traces). */
export function errorLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /"level":"(error|fatal)"|Không khởi động được|Error:|^\s+at /.test(line));
}

export interface Answer<T = unknown> {
  status: number;
  data: T | undefined;
  /** The error's code (`CONFLICT`, `FORBIDDEN` …) when the answer is one. */
  code: string | undefined;
  body: unknown;
}

/** A signed-in (or anonymous) caller of one server, the way the browser's client calls it. */
export interface HttpClient {
  url: string;
  cookie: string;
  query<T = unknown>(module: string, path: string, input?: unknown): Promise<Answer<T>>;
  mutate<T = unknown>(module: string, path: string, input?: unknown): Promise<Answer<T>>;
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export function httpClient(url: string, cookie = ''): HttpClient {
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, { ...init, headers: { ...(cookie ? { cookie } : {}), origin: url, ...(init.headers as Record<string, string>) } });
  const answer = async <T>(response: Response): Promise<Answer<T>> => {
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    const b = body as { result?: { data?: T }; error?: { data?: { code?: string }; json?: { data?: { code?: string } } } };
    return { status: response.status, data: b?.result?.data, code: b?.error?.data?.code ?? b?.error?.json?.data?.code, body };
  };
  return {
    url,
    cookie,
    fetch: call,
    query: async (module, path, input) =>
      answer(await call(`/api/trpc/${module}/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`)),
    mutate: async (module, path, input) =>
      answer(
        await call(`/api/trpc/${module}/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: input === undefined ? undefined : JSON.stringify(input),
        }),
      ),
  };
}

/** POST /api/auth/login: the answer's status, and the session cookie when it succeeded. */
export async function login(url: string, username: string, password = DEMO_PASSWORD): Promise<{ status: number; cookie: string; retryAfter: string | null }> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password }),
  });
  await response.text();
  const cookie = response.status === 200 ? ((response.headers.get('set-cookie') ?? '').split(';')[0] ?? '') : '';
  return { status: response.status, cookie, retryAfter: response.headers.get('retry-after') };
}

export async function signIn(url: string, username: string, password = DEMO_PASSWORD): Promise<HttpClient> {
  const { status, cookie } = await login(url, username, password);
  if (status !== 200) throw new Error(`sign-in as ${username} at ${url} answered ${status}`);
  return httpClient(url, cookie);
}

/** Raw SQL on the server's data, from the test process. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * Opens a PGlite data directory the server is not running on (it takes the data directory's
 * lock, as the server does, so it refuses while a server holds it), with amcheck loaded.
 * Opening runs Postgres's crash recovery when the last process was killed.
 */
export async function openPgliteDir(dataDir: string): Promise<Sql> {
  const lock = acquireDataDirLock(dataDir, 'reliability test (amcheck)');
  try {
    const db = await PGlite.create({ dataDir, extensions: { amcheck } });
    return {
      query: async <T>(text: string, params?: unknown[]) => (await db.query<T>(text, params)).rows,
      close: async () => {
        try {
          await db.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

export function openPostgres(url: string): Sql {
  const client = postgres(url, { max: 2, onnotice: () => {} });
  return {
    query: async <T>(text: string, params?: unknown[]) => (await client.unsafe(text, (params ?? []) as never[])) as unknown as T[],
    close: () => client.end({ timeout: 5 }),
  };
}

/** A fresh database on the `TEST_DATABASE_URL` server, kept until `drop()`. */
export async function createPostgresDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end({ timeout: 5 });
      }
    },
  };
}

/**
 * amcheck over every btree index of the database (system catalogs included), with
 * `heapallindexed`: each index's structure, and every heap tuple found in it. Answers how many
 * were checked and the ones that failed, with the error.
 */
export async function checkIndexes(db: Sql): Promise<{ checked: number; failed: string[] }> {
  await db.query('create extension if not exists amcheck');
  const indexes = await db.query<{ oid: number; name: string }>(
    `select c.oid::int as oid, n.nspname || '.' || c.relname as name
       from pg_index i
       join pg_class c on c.oid = i.indexrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_am a on a.oid = c.relam
      where a.amname = 'btree' and c.relpersistence <> 't' and i.indisready and i.indisvalid
      order by 2`,
  );
  const failed: string[] = [];
  for (const index of indexes) {
    try {
      await db.query('select bt_index_check($1::oid, true)', [index.oid]);
    } catch (error) {
      failed.push(`${index.name}: ${(error as Error).message}`);
    }
  }
  return { checked: indexes.length, failed };
}

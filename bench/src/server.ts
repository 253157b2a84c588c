/**
 * The bench's own server process: the real server (boot + createApp, as `pnpm start` runs
 * it) plus a few bench-only routes under `/__bench/`, listening on 127.0.0.1 only. Never
 * part of production code.
 *
 * - `GET /__bench/raw`: a raw Hono JSON route; `GET /__bench/trpc/ping`: the same answer as a
 *   trivial tRPC query (built from `@dondoc/trpc`, the server's one initTRPC). Their
 *   throughputs make the "tRPC over raw Hono" ratio.
 * - A request sent with `x-bench-capture: 1` records the SQL (and parameters) drizzle sends
 *   for it, e.g. one `overview.summary`; `GET /__bench/captured` lists it.
 * - `GET /__bench/bare?n=`: replays the captured SQL n times through the driver itself
 *   (postgres.js `unsafe`, PGlite `query`), no drizzle, no tRPC, no HTTP: the "bare SQL" side
 *   of the "overview over bare SQL" ratio.
 *
 * Environment: as the real server (PORT, DATA_DIR, DATABASE_URL, DONDOC_CONFIG, DONDOC_DEMO,
 * LOG_LEVEL), plus DONDOC_SHELL_DIR for the shell build to serve.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Hono } from 'hono';
import { openDatabase } from '@dondoc/db';
import { boot, createApp, createLogger, defaultShellDir, loadEnv } from '@dondoc/server';
import { findUserByUsername, getSessionUser, writeAudit } from '@dondoc/auth';
import { createCoreApi } from '@dondoc/core/server';
import { createCallerFactory, publicProcedure, router, type Context } from '@dondoc/trpc';

interface Captured {
  sql: string;
  params: unknown[];
}

/** Requests sent with `x-bench-capture: 1` record their SQL (only theirs: other requests may still be in flight). */
const capturing = new AsyncLocalStorage<boolean>();
const capture = { queries: [] as Captured[] };
const logger = {
  logQuery(query: string, params: unknown[]) {
    if (capturing.getStore()) capture.queries.push({ sql: query, params });
  },
};

const env = loadEnv();
const log = createLogger(env.logLevel);
// As the server opens it (the data directory's lock, durable commits, the same pool), with a drizzle logger that can record.
const database = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir, owner: 'dondoc bench server', logger });
const bare = database.query!;
const runtime = await boot(env, { database, log });
const app = createApp(runtime, { shellDir: process.env.DONDOC_SHELL_DIR ?? defaultShellDir() });

const benchRouter = router({ ping: publicProcedure.query(() => ({ ok: true, n: 1 })) });

const outer = new Hono();
outer.get('/__bench/raw', (c) => c.json({ result: { data: { ok: true, n: 1 } } }));
outer.all('/__bench/trpc/*', (c) =>
  fetchRequestHandler({ endpoint: '/__bench/trpc', req: c.req.raw, router: benchRouter, createContext: () => ({ locale: 'vi' }) as unknown as Context }),
);
// The same JSON as /__bench/raw, but through fetch Request/Response objects as the tRPC adapter uses them.
outer.get('/__bench/raw-fetch', (c) => {
  const request = c.req.raw;
  const url = new URL(request.url);
  return new Response(JSON.stringify({ result: { data: { ok: true, n: url.pathname.length > 0 ? 1 : 0 } } }), { headers: { 'content-type': 'application/json' } });
});
// A core procedure called in-process (tRPC caller, drizzle, JS), without HTTP or session lookup.
outer.get('/__bench/direct', async (c) => {
  const username = c.req.query('user') ?? 'ubnd';
  const record = await findUserByUsername(runtime.database.db, username);
  const user = record ? await getSessionUser(runtime.database.db, record.id) : null;
  if (!user) return c.json({ error: `no user ${username}` }, 404);
  const db = runtime.database.db;
  const createCaller = createCallerFactory(runtime.coreRouter);
  const caller = createCaller({
    db,
    requestId: 'bench',
    user,
    sessionId: null,
    permissions: runtime.permissions,
    locale: 'vi',
    audit: (tx, entry) => writeAudit(tx, { actor: user, requestId: 'bench', entry }),
    services: { core: createCoreApi({ db, moduleId: 'core', actor: user, requestId: 'bench', locale: 'vi' }) },
  } as Context) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  const [group, name] = (c.req.query('procedure') ?? 'overview.summary').split('.') as [string, string];
  const input = JSON.parse(c.req.query('input') ?? '{}') as unknown;
  const n = Math.max(1, Math.min(10_000, Number(c.req.query('n') ?? '20')));
  // `bump=overview`: a write before each call (untimed), so that the overview is computed, not shared.
  const bumpFirst = c.req.query('bump') === 'overview';
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    if (bumpFirst) await bumpOverviewVersion();
    const started = performance.now();
    await caller[group]![name]!(input);
    times.push(performance.now() - started);
  }
  return c.json({ times });
});
/**
 * What a write to tasks does to the overview's shared answers (core migration 0011): moves the
 * `overview` version, so the next overview.summary is computed anew (from the kept counts) and
 * the forecasts, which no task write touches, stay shared. Lets the bench weigh the computation.
 */
async function bumpOverviewVersion() {
  await bare(`update core.data_versions set version = version + 1 where name = 'overview'`, []);
}
outer.post('/__bench/bump-overview', async (c) => {
  await bumpOverviewVersion();
  return c.json({ ok: true });
});
outer.get('/__bench/captured', (c) => c.json(capture.queries));
outer.get('/__bench/bare', async (c) => {
  const n = Math.max(1, Math.min(10_000, Number(c.req.query('n') ?? '50')));
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    for (const q of capture.queries) {
      const result = (await bare(q.sql, q.params)) as unknown[] | { rows: unknown[] };
      if (i === 0) rows += Array.isArray(result) ? result.length : result.rows.length;
    }
    times.push(performance.now() - started);
  }
  return c.json({ queries: capture.queries.length, rows, times });
});
outer.all('*', (c) => {
  if (c.req.header('x-bench-capture') !== '1') return app.fetch(c.req.raw, c.env);
  capture.queries = [];
  return capturing.run(true, () => app.fetch(c.req.raw, c.env));
});

const server = serve({ fetch: outer.fetch, port: env.port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.stdout.write(`${JSON.stringify({ listening: `http://127.0.0.1:${info.port}` })}\n`);
});

const stop = () => {
  server.close(() => {
    void runtime.close().then(() => process.exit(0));
  });
  (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context as HonoContext, type MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { AnyRouter } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { SESSION_COOKIE_NAME, validateSessionToken, type SessionUser } from '@dondoc/auth';
import { badTextText, findBadText, formatLimit, listProcedures, UPLOAD_LIMITS, uploadBodyLimit, type Context as TrpcContext, type Locale, type UploadKind } from '@dondoc/trpc';
import { createRequestContext } from '@dondoc/core/server';
import { authRoutes, sessionCookie } from './http/auth-routes.ts';
import { errorText, jsonError, localeOf } from './http/errors.ts';
import { contentSecurityPolicy, isAllowedHost, isSameOrigin, isStateChanging, setSecurityHeaders } from './http/security.ts';
import { errorFields, type JsonLogger } from './logger.ts';
import { isReady } from './plugins.ts';
import type { Runtime } from './runtime.ts';
import { contentEncodingOf, isContentHashed, serveFile } from './static.ts';
import type { InstalledPlugin } from './config.ts';

export type AppEnv = {
  Variables: {
    runtime: Runtime;
    requestId: string;
    locale: Locale;
    log: JsonLogger;
    user: SessionUser | null;
    sessionId: string | null;
  };
};

export interface AppOptions {
  /** The shell's production build (`apps/shell/dist`). */
  shellDir: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
}

const requestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

/** The request bodies tRPC reads (its content-type handlers): JSON, a form with a file, raw bytes. */
const TRPC_BODY_TYPES = new Set(['application/json', 'multipart/form-data', 'application/octet-stream']);

/** Most calls one tRPC batch may hold; more are refused (400) before any runs. */
export const MAX_BATCH_CALLS = 50;

export function createApp(runtime: Runtime, options: AppOptions) {
  const app = new Hono<AppEnv>();
  const { db } = runtime.database;
  // The modules whose web build is served from elsewhere: the only other origins pages may load from.
  const moduleOrigins = runtime.plugins.flatMap((plugin) => (plugin.config.web?.kind === 'url' ? [new URL(plugin.config.web.url).origin] : []));
  const csp = contentSecurityPolicy(moduleOrigins);
  const startedAt = new Date();

  // Request id, language, security headers and structured access log, for every request.
  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && requestIdPattern.test(incoming) ? incoming : randomUUID();
    const log = runtime.log.child({ requestId });
    c.set('runtime', runtime);
    c.set('requestId', requestId);
    c.set('locale', localeOf((name) => c.req.header(name)));
    c.set('log', log);
    c.set('user', null);
    c.set('sessionId', null);
    const started = performance.now();
    await next();
    setSecurityHeaders(c, csp, { 'x-request-id': requestId });
    log.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      user: c.get('user')?.username,
    });
  });

  app.onError((error, c) => {
    c.get('log').error('unhandled error', errorFields(error));
    return jsonError(c, 500, 'internal');
  });

  // The Host allow-list (PUBLIC_URL; loopback names on a loopback connection): DNS rebinding gets nothing.
  app.use('*', async (c, next) => {
    if (!isAllowedHost(c)) {
      c.get('log').warn('host refused', { host: c.req.header('host') ?? null });
      return jsonError(c, 421, 'misdirected');
    }
    await next();
  });

  // CONTRACT.md's shape for anyone (scripts rely on it); errors, versions, uptime and the database's
  // durability only for an administrator's session.
  app.get('/healthz', async (c) => {
    let dbError: string | null = null;
    const probeStarted = performance.now();
    try {
      await db.execute(sql`select 1`);
    } catch (error) {
      dbError = (error as Error).message;
    }
    const dbMs = Math.round((performance.now() - probeStarted) * 10) / 10;
    const answer = {
      status: dbError === null ? 'ok' : 'degraded',
      db: runtime.database.kind,
      plugins: runtime.plugins.map((plugin) => ({ id: plugin.id, status: plugin.status })),
    };
    const token = getCookie(c, SESSION_COOKIE_NAME);
    const session = token && dbError === null ? await validateSessionToken(db, token).catch(() => null) : null;
    if (!session?.user.roles.includes('admin')) return c.json(answer, dbError === null ? 200 : 503);
    const durable = (runtime.database as { durable?: unknown }).durable;
    return c.json(
      {
        ...answer,
        details: {
          startedAt: startedAt.toISOString(),
          uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
          node: process.version,
          memoryRssBytes: process.memoryUsage().rss,
          db: { kind: runtime.database.kind, ms: dbMs, error: dbError, ...(typeof durable === 'boolean' ? { durable } : {}) },
          plugins: runtime.plugins.map((plugin) => ({
            id: plugin.id,
            status: plugin.status,
            version: plugin.definition?.version ?? null,
            error: plugin.error ?? null,
          })),
          publicUrl: runtime.env.publicUrl,
          trustProxy: runtime.env.trustProxy,
        },
      },
      dbError === null ? 200 : 503,
    );
  });

  // Body limits: each upload procedure's own (declared in its meta, `upload: <kind>`), 1 MB for
  // everything else. The routers are walked once, here.
  const uploads = uploadKindsByPath(runtime);
  const defaultLimit = options.maxBodyBytes ?? 1024 * 1024;
  app.use('/api/*', limitBody((path) => uploads.get(path), defaultLimit));

  // Session: resolve the cookie to a user, refresh the cookie when the session slid forward.
  app.use('/api/*', async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE_NAME);
    if (token) {
      if (isStateChanging(c.req.method) && !isSameOrigin(c)) return jsonError(c, 403, 'cross_origin');
      const result = await validateSessionToken(db, token);
      if (result) {
        c.set('user', result.user);
        c.set('sessionId', result.session.id);
        if (result.extended) sessionCookie(c, token, result.session.expiresAt);
      }
    }
    await next();
  });

  // Text no input may carry (NUL, lone surrogates), in the JSON bodies of /api/auth as in every procedure's input.
  app.use('/api/auth/*', async (c, next) => {
    if (!c.req.raw.body || !/^application\/json\b/i.test(c.req.header('content-type') ?? '')) return next();
    let json: unknown;
    try {
      json = JSON.parse(await c.req.text());
    } catch {
      return next(); // the route answers bad_json
    }
    const found = findBadText(json);
    if (found) return jsonError(c, 400, 'bad_text', { message: badTextText(found, c.get('locale')), field: found.path.join('.') });
    return next();
  });

  app.route('/api/auth', authRoutes());

  app.get('/api/plugins', (c) => {
    const user = c.get('user');
    if (!user) return jsonError(c, 401, 'unauthorized');
    const visible = runtime.plugins.filter(isReady).filter((plugin) =>
      plugin.definition.permissions.some((permission) => runtime.permissions.decide(user, permission.key).allowed),
    );
    const answer: Array<Record<string, unknown>> = visible.map((plugin) => ({
      id: plugin.id,
      name: plugin.definition.name,
      unitCode: plugin.definition.unit,
      version: plugin.definition.version,
      entry: webEntry(plugin.config.web, plugin.id),
      status: plugin.status,
    }));
    // An administrator also sees the modules the server refused and why (the shell opens only `ready` ones).
    if (user.roles.includes('admin')) {
      for (const plugin of runtime.plugins.filter((p) => p.status === 'failed')) {
        answer.push({
          id: plugin.id,
          name: plugin.artifact?.name ?? plugin.id,
          unitCode: plugin.artifact?.unit ?? null,
          version: plugin.config.installed?.version ?? null,
          entry: null,
          status: plugin.status,
          error: plugin.error ?? null,
        });
      }
    }
    return c.json(answer);
  });

  const trpcHandler = async (c: HonoContext<AppEnv>) => {
    const moduleId = c.req.param('module') ?? '';
    let target: AnyRouter | undefined;
    if (moduleId === 'core') target = runtime.coreRouter;
    else {
      const plugin = runtime.plugins.find((p) => p.id === moduleId);
      if (!plugin) return jsonError(c, 404, 'unknown_module');
      if (!isReady(plugin)) return jsonError(c, 503, 'module_unavailable');
      target = plugin.router;
    }
    // A batch holds at most MAX_BATCH_CALLS calls (`/api/trpc/<module>/a,b,c?batch=1`): more are
    // refused before any runs, in tRPC's error shape so that the client reports it for each call.
    if (new URL(c.req.url).searchParams.get('batch') === '1') {
      const calls = c.req.path.slice(`/api/trpc/${moduleId}/`.length).split(',').length;
      if (calls > MAX_BATCH_CALLS) {
        if (c.req.raw.body && !c.req.raw.bodyUsed) await discard(c.req.raw.body.getReader());
        const message = errorText('batch_too_large', c.get('locale'), { max: MAX_BATCH_CALLS });
        return c.json({ error: { message, code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400, path: null, calls, maxCalls: MAX_BATCH_CALLS } } }, 400);
      }
    }
    // A body tRPC cannot read (no content type, or one it has no parser for) is refused before
    // tRPC makes the request's context: its own refusal would know neither the caller nor their language.
    if (c.req.method !== 'GET' && !TRPC_BODY_TYPES.has((c.req.header('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase())) {
      if (c.req.raw.body && !c.req.raw.bodyUsed) await discard(c.req.raw.body.getReader());
      const message = errorText('unsupported_type', c.get('locale'));
      return c.json({ error: { message, code: -32015, data: { code: 'UNSUPPORTED_MEDIA_TYPE', httpStatus: 415, path: null } } }, 415);
    }
    const user = c.get('user');
    const requestId = c.get('requestId');
    const log = c.get('log');
    const response = await fetchRequestHandler({
      endpoint: `/api/trpc/${moduleId}`,
      req: c.req.raw,
      router: target,
      createContext: (): TrpcContext =>
        createRequestContext({
          db,
          permissions: runtime.permissions,
          user,
          sessionId: c.get('sessionId'),
          requestId,
          locale: c.get('locale'),
          moduleId,
          // The module API's logger writes through the request's, so its lines carry the request id.
          log,
        }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') log.error('procedure failed', { path, ...errorFields(error.cause ?? error) });
      },
    });
    // A refusal before the input was read (no session, no permission) leaves the body unread:
    // read it out, so that the connection stays open for the client to take the answer.
    if (c.req.raw.body && !c.req.raw.bodyUsed) await discard(c.req.raw.body.getReader());
    return response;
  };
  app.all('/api/trpc/:module', trpcHandler);
  app.all('/api/trpc/:module/*', trpcHandler);

  app.all('/api/*', (c) => jsonError(c, 404, 'not_found'));

  app.get('/plugins/:id/*', async (c) => {
    const plugin = runtime.plugins.find((p) => p.id === c.req.param('id'));
    if (!plugin || plugin.config.web?.kind !== 'dir') return jsonError(c, 404, 'not_found');
    const path = c.req.path.slice(`/plugins/${plugin.id}/`.length);
    const encoding = contentEncodingOf(c);
    const file = await serveFile(plugin.config.web.dir, path, encoding);
    if (file) return file;
    // A page opened before an upgrade (or a rollback) still asks for its version's chunks: the
    // other installed versions' hashed files answer (a hash names one content, whatever the version).
    if (plugin.config.installed && isContentHashed(path)) {
      for (const dir of await otherVersionWebDirs(plugin.config.installed)) {
        const older = await serveFile(dir, path, encoding);
        if (older) return older;
      }
    }
    return jsonError(c, 404, 'not_found');
  });

  // The shell: its files, and index.html for every client-side route.
  app.get('*', async (c) => {
    const encoding = contentEncodingOf(c);
    const file = c.req.path === '/' ? null : await serveFile(options.shellDir, c.req.path.slice(1), encoding);
    if (file) return file;
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return jsonError(c, 404, 'not_found');
    const index = await serveFile(options.shellDir, 'index.html', encoding);
    if (index) return index;
    return c.text(
      `Giao diện chưa được build (${join(options.shellDir, 'index.html')} không có). Chạy "pnpm start" hoặc "pnpm build".`,
      503,
    );
  });

  return app;
}

/** `/api/trpc/<module>/<path>` → the upload kind each procedure declares (`upload` in its meta), over the core's and each ready module's router. */
function uploadKindsByPath(runtime: Runtime): Map<string, UploadKind> {
  const routers: Array<[string, AnyRouter]> = [['core', runtime.coreRouter], ...runtime.plugins.filter(isReady).map((p): [string, AnyRouter] => [p.id, p.router])];
  const kinds = new Map<string, UploadKind>();
  for (const [moduleId, router] of routers) {
    for (const procedure of listProcedures(router)) {
      if (procedure.meta?.upload) kinds.set(`/api/trpc/${moduleId}/${procedure.path}`, procedure.meta.upload);
    }
  }
  return kinds;
}

/** Most bytes of a refused body read out before giving up on the connection. */
const DISCARD_MAX_BYTES = 64 * 1024 * 1024;

/** Reads a body to its end (up to DISCARD_MAX_BYTES) and throws it away. */
async function discard(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.length;
      if (read > DISCARD_MAX_BYTES) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // the client went away
  }
}

/**
 * Refuses a request body over its limit with 413 and the JSON error: an upload's (`uploadFor(path)`:
 * its file's limit and the envelope; the message names the file's limit), else `defaultLimit`.
 * The refused body is read out first: Node closes a kept-alive connection whose request was not
 * read, and the client would see a reset instead of the answer. A body of unknown length is read
 * up to the limit.
 */
function limitBody(uploadFor: (path: string) => UploadKind | undefined, defaultLimit: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const kind = uploadFor(c.req.path);
    const max = kind ? uploadBodyLimit(kind) : defaultLimit;
    const tooLarge = () => {
      const file = kind && formatLimit(UPLOAD_LIMITS[kind]);
      const message = file && (c.get('locale') === 'en' ? `The file is larger than allowed (${file}).` : `Tệp vượt quá dung lượng cho phép (${file}).`);
      return jsonError(c, 413, 'too_large', { maxBytes: max, ...(message ? { message } : {}) });
    };
    const declared = c.req.header('content-length');
    if (declared !== undefined && !c.req.header('transfer-encoding')) {
      if (Number(declared) <= max) return next();
      await discard(body.getReader());
      return tooLarge();
    }
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > max) {
        await discard(reader);
        return tooLarge();
      }
      chunks.push(value);
    }
    const whole = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      whole.set(chunk, offset);
      offset += chunk.length;
    }
    c.req.raw = new Request(c.req.raw, { body: whole });
    return next();
  };
}

function webEntry(web: Runtime['plugins'][number]['config']['web'], id: string): string | null {
  if (!web) return null;
  return web.kind === 'url' ? web.url : `/plugins/${id}/mf-manifest.json`;
}

/** The web folders of a module's other installed versions (`<home>/<version>/web`), newest first. */
async function otherVersionWebDirs(installed: InstalledPlugin): Promise<string[]> {
  const versions = await readdir(installed.home).catch(() => [] as string[]);
  return versions
    .filter((version) => version !== installed.version)
    .sort()
    .reverse()
    .map((version) => join(installed.home, version, 'web'));
}

/** Default location of the shell build in this repository. */
export function defaultShellDir(): string {
  return fileURLToPath(new URL('../../shell/dist', import.meta.url));
}

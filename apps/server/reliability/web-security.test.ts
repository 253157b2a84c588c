import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_FREE_FAILURES, sessionIdFromToken } from '@dondoc/auth';
import { queryRows } from '@dondoc/db';
import { testBackends } from '@dondoc/db/testing';
import { UPLOAD_ENVELOPE_BYTES, UPLOAD_LIMITS } from '@dondoc/trpc';
import { client, DEMO_PASSWORD, repoRoot, startTestServer, type TestServer } from '../test/helpers.ts';
import { ROUTER_FAULT_TITLE } from './fixtures/faulty-fixture-plugin.ts';
import { rawRequest, type RawAnswer } from './lib/raw-http.ts';

/**
 * Suite property 7, web security, against the real server: the security headers on every answer
 * this file gets, the cookie flags (plain HTTP and behind TRUST_PROXY=1), logout and idle expiry
 * ending the session on the server, the same-origin rule, sign-in throttling, upload type and size
 * limits, no stack trace or SQL in any error answer, and the audit log refusing changes through
 * the app's own database connection.
 */
const moduleOrigin = 'https://modules.example.org';
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const plugins = [
  { id: 'fixture', server: join(fixtures, 'faulty-fixture-plugin.ts'), web: join(repoRoot, 'test-fixtures/plugin-fixture/dist') },
  // Its web build is on another origin: the only one the CSP may name besides the portal's own.
  { id: 'missing-web', server: join(repoRoot, 'test-fixtures/plugin-fixture/src/server/plugin-missing-web.ts'), web: `${moduleOrigin}/missing-web/mf-manifest.json` },
];

/** What no error answer may show: stack frames, source paths, SQL, the database's own words. */
const LEAK =
  /\n\s+at |\bat [\w$.<>]+ \(|node_modules|\.[cm]?[jt]s:\d+|\bselect\b[\s\S]{0,80}\bfrom\b|\binsert into\b|\bdelete from\b|\balter table\b|relation "|does not exist|syntax error|Failed query|no_such_table|secret_column|postgres|pglite|drizzle/i;

interface Seen {
  what: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Every answer this file gets (through fetch or node:http), for the header and leak checks at the end. */
const seen: Seen[] = [];
const realFetch = globalThis.fetch;

function toSeen(what: string, answer: RawAnswer): Seen {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) headers[name] = String(value);
  return { what, status: answer.status, headers, body: answer.body };
}

const raw = async (url: string, path: string, options: Parameters<typeof rawRequest>[2] = {}) => {
  const answer = await rawRequest(url, path, options);
  seen.push(toSeen(`${options.method ?? 'GET'} ${path}`, answer));
  return answer;
};

/** The CSP's directives, by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).filter((tokens) => tokens[0]).map(([name, ...values]) => [name!, values]));
}

/** What is wrong with one answer's security headers (none: []). */
function headerProblems(answer: Seen, https: boolean): string[] {
  const problems: string[] = [];
  const h = answer.headers;
  const csp = directives(h['content-security-policy'] ?? '');
  const expect = (ok: boolean, what: string) => ok || problems.push(`${answer.what} (${answer.status}): ${what}`);
  expect(csp.get('default-src')?.join(' ') === "'self'", `default-src ${csp.get('default-src')?.join(' ')}`);
  for (const name of ['script-src', 'connect-src']) expect(csp.get(name)?.join(' ') === `'self' ${moduleOrigin}`, `${name} ${csp.get(name)?.join(' ')}`);
  expect(csp.get('frame-ancestors')?.join(' ') === "'none'", 'frame-ancestors');
  expect(csp.get('object-src')?.join(' ') === "'none'", 'object-src');
  // No wildcard, no eval, no origin but the module's anywhere in the policy.
  const sources = [...csp.values()].flat();
  expect(!sources.some((s) => s.includes('*') || s === "'unsafe-eval'"), 'a wildcard or unsafe-eval');
  expect(sources.filter((s) => /^[a-z]+:\/\//i.test(s)).every((s) => s === moduleOrigin), `other origins: ${sources.filter((s) => s.includes('://'))}`);
  expect(h['x-frame-options'] === 'DENY', `x-frame-options ${h['x-frame-options']}`);
  expect(h['x-content-type-options'] === 'nosniff', 'nosniff');
  expect(h['referrer-policy'] === 'no-referrer', `referrer-policy ${h['referrer-policy']}`);
  expect(https === (h['strict-transport-security'] === 'max-age=31536000'), `strict-transport-security ${h['strict-transport-security']} (https: ${https})`);
  const path = answer.what.split(' ')[1] ?? '';
  if (path.startsWith('/api/') || path.startsWith('/healthz')) expect(h['cache-control'] === 'no-store', `cache-control ${h['cache-control']}`);
  return problems;
}

function cookieOf(answer: RawAnswer): string {
  return String(answer.headers['set-cookie'] ?? '').split(';')[0] ?? '';
}

function json(body: string): { error?: { code?: string; message?: string; data?: { code?: string } } } {
  return JSON.parse(body) as never;
}

/** A FormData with one file (and the upload's other fields as `input`). */
function fileForm(name: string, bytes: Uint8Array, input?: unknown): FormData {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name));
  if (input !== undefined) form.set('input', JSON.stringify(input));
  return form;
}

const pdf = (extra = '') => new TextEncoder().encode(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n${extra}trailer\n<< /Root 1 0 R >>\n%%EOF\n`);

beforeAll(() => {
  globalThis.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const body = response.status >= 400 ? await response.clone().text() : '';
    seen.push({ what: `${init?.method ?? 'GET'} ${url.pathname}`, status: response.status, headers: Object.fromEntries(response.headers), body });
    return response;
  };
});
afterAll(() => {
  globalThis.fetch = realFetch;
});

describe.each(testBackends)('web security on %s', (backend) => {
  let server: TestServer;
  let db: TestServer['runtime']['database']['db'];
  let from = 0;
  const sessionRow = async (cookie: string) =>
    queryRows<{ id: string }>(db, sql`select id from auth.sessions where id = ${sessionIdFromToken(cookie.split('=')[1] ?? '')}`);
  beforeAll(async () => {
    from = seen.length;
    server = await startTestServer(backend, plugins);
    db = server.runtime.database.db;
  });
  afterAll(async () => server?.close());

  it('the session cookie is HttpOnly, SameSite=Lax, for the whole site, with an expiry; not Secure over plain HTTP even if a header claims HTTPS', async () => {
    const login = (headers: Record<string, string> = {}) =>
      raw(server.url, '/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url, ...headers },
        body: JSON.stringify({ username: 'vp', password: DEMO_PASSWORD }),
      });
    for (const answer of [await login(), await login({ 'x-forwarded-proto': 'https' })]) {
      expect(answer.status).toBe(200);
      const setCookie = String(answer.headers['set-cookie']);
      expect(setCookie).toMatch(/^dondoc_session=[a-z2-7]{32};/);
      expect(setCookie).toMatch(/; HttpOnly/i);
      expect(setCookie).toMatch(/; SameSite=Lax/i);
      expect(setCookie).toMatch(/; Path=\//);
      expect(setCookie).toMatch(/; Expires=/);
      expect(setCookie).not.toMatch(/Secure/i);
      expect(answer.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('logout ends the session on the server: the old cookie gets 401 afterwards; the user’s other session lives on', async () => {
    const first = await server.signIn('stc');
    const second = await server.signIn('stc');
    expect((await first.fetch('/api/auth/me')).status).toBe(200);
    expect(await sessionRow(first.cookie)).toHaveLength(1);
    const logout = await first.fetch('/api/auth/logout', { method: 'POST' });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/dondoc_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
    // The browser would drop the cookie; someone who kept a copy gets nothing with it.
    expect(await sessionRow(first.cookie)).toEqual([]);
    expect((await first.fetch('/api/auth/me')).status).toBe(401);
    expect((await first.query('core', 'tasks.list', {})).status).toBe(401);
    expect((await first.mutate('fixture', 'add', { title: 'sau khi đăng xuất' })).status).toBe(401);
    expect((await second.fetch('/api/auth/me')).status).toBe(200);
  });

  it('idle expiry ends the session on the server: with its expiry moved into the past, the cookie gets 401 and the row is gone', async () => {
    const officer = await server.signIn('stc.cv');
    expect((await officer.fetch('/api/auth/me')).status).toBe(200);
    const [row] = await sessionRow(officer.cookie);
    await db.execute(sql`update auth.sessions set expires_at = now() - interval '1 second' where id = ${row!.id}`);
    const me = await officer.fetch('/api/auth/me');
    expect(me.status).toBe(401);
    expect(((await me.json()) as { error: { message: string } }).error.message).toBe('Bạn cần đăng nhập.');
    expect(await sessionRow(officer.cookie)).toEqual([]);
    // Moving the expiry back does not revive it: the row was deleted.
    expect((await officer.query('fixture', 'list')).status).toBe(401);
  });

  it('same-origin rule: a state-changing request with the cookie and a foreign, null or absent Origin is refused (403) and changes nothing', async () => {
    const officer = await server.signIn('stc.cv');
    const count = async () => Number((await queryRows<{ n: string }>(db, sql`select count(*) as n from fixture.items`))[0]?.n);
    const before = await count();
    const attempts: Array<[string, Record<string, string>]> = [
      ['a foreign Origin', { origin: 'https://attacker.example' }],
      ['the portal’s name on another port', { origin: `http://127.0.0.1:${Number(new URL(server.url).port) + 1}` }],
      ['Origin: null', { origin: 'null' }],
      ['a cross-site fetch', { origin: 'https://attacker.example', 'sec-fetch-site': 'cross-site' }],
    ];
    for (const [what, headers] of attempts) {
      const answer = await raw(server.url, '/api/trpc/fixture/add', {
        method: 'POST',
        headers: { cookie: officer.cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ title: 'giả mạo' }),
      });
      expect(`${what}: ${answer.status}`).toBe(`${what}: 403`);
      expect(json(answer.body).error).toMatchObject({ code: 'cross_origin', message: 'Yêu cầu bị từ chối vì không đến từ chính cổng thông tin.' });
    }
    const noOrigin = await raw(server.url, '/api/trpc/fixture/add', {
      method: 'POST',
      headers: { cookie: officer.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'giả mạo' }),
    });
    expect(noOrigin.status).toBe(403);
    // A cross-site logout does not end the session either.
    expect((await raw(server.url, '/api/auth/logout', { method: 'POST', headers: { cookie: officer.cookie, origin: 'https://attacker.example' } })).status).toBe(403);
    expect((await officer.fetch('/api/auth/me')).status).toBe(200);
    // A cross-site sign-in form is refused before any password is checked.
    const login = await raw(server.url, '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://attacker.example', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ username: 'stc.cv', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(403);
    expect(login.headers['set-cookie']).toBeUndefined();
    expect(await count()).toBe(before);
    // The same write from the portal's own page goes through.
    expect((await officer.mutate('fixture', 'add', { title: 'từ chính cổng' })).status).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it(`throttling: after ${LOGIN_FREE_FAILURES.pair} wrong passwords, 429 with Retry-After (even with the right password), in the caller’s language`, async () => {
    const attempt = (password: string, locale = 'vi') =>
      raw(server.url, '/api/auth/login', {
        method: 'POST',
        localAddress: '127.0.0.9',
        headers: { 'content-type': 'application/json', 'accept-language': locale },
        body: JSON.stringify({ username: 'skhdt', password }),
      });
    for (let i = 0; i < LOGIN_FREE_FAILURES.pair; i++) expect((await attempt(`sai-${i}`)).status).toBe(401);
    const throttled = await attempt(DEMO_PASSWORD);
    expect(throttled.status).toBe(429);
    const retryAfter = Number(throttled.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(json(throttled.body).error).toMatchObject({ code: 'throttled', retryAfterSeconds: retryAfter, message: 'Bạn đã thử đăng nhập quá nhiều lần. Vui lòng thử lại sau ít phút.' });
    expect(throttled.headers['set-cookie']).toBeUndefined();
    const english = await attempt('sai-en', 'en');
    expect(english.status).toBe(429);
    expect(json(english.body).error?.message).toBe('Too many sign-in attempts. Please try again in a few minutes.');
    console.info(`[web-security/${backend}] throttled after ${LOGIN_FREE_FAILURES.pair} failures, Retry-After ${retryAfter} s`);
  });

  it('uploads: a file of the wrong type is refused, the right type accepted; a file over its limit is refused, a body over it gets 413', async () => {
    const sxd = await server.signIn('sxd');
    const [task] = await queryRows<{ id: string }>(db, sql`select id from core.tasks where code = '2458-1.6-SXD'`);
    const attach = (name: string, bytes: Uint8Array) => sxd.fetch('/api/trpc/core/tasks.attachResult', { method: 'POST', body: fileForm(name, bytes, { taskId: task!.id }) });
    const wrong: Array<[string, Uint8Array]> = [
      ['chuong-trinh.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])],
      ['trang.html.pdf', new TextEncoder().encode('<!doctype html><script>alert(1)</script>')],
      ['da-nang.pdf', pdf('<script>fetch("/api/auth/me")</script>\n')],
      ['bao-cao.docx', pdf()],
    ];
    for (const [name, bytes] of wrong) {
      const answer = await attach(name, bytes);
      expect(`${name}: ${answer.status}`).toBe(`${name}: 400`);
      expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(/^(Chỉ nhận tệp PDF|Tệp PDF này có chứa mã HTML)/);
    }
    const right = await attach('ket-qua.pdf', pdf());
    expect(right.status).toBe(200);
    expect(await right.json()).toMatchObject({ result: { data: { filename: 'ket-qua.pdf', contentType: 'application/pdf' } } });

    // A file just over its limit reaches the upload's parser, which refuses it by name and size.
    const justOver = await attach('lon.pdf', new Uint8Array(UPLOAD_LIMITS.document + 1));
    expect(justOver.status).toBe(400);
    expect(JSON.stringify(await justOver.json())).toContain('Tệp lon.pdf vượt quá 5 MB.');
    // A body over the limit and its envelope is cut off before any parsing: 413, with or without Content-Length.
    const officer = await server.signIn('stc.cv');
    const huge = new Uint8Array(UPLOAD_LIMITS.spreadsheet + UPLOAD_ENVELOPE_BYTES + 1);
    const tooLarge = await officer.fetch('/api/trpc/fixture/import', { method: 'POST', body: fileForm('lon.csv', huge) });
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { error: { message: string } }).error.message).toBe('Tệp vượt quá dung lượng cho phép (512 KB).');
    const chunked = await raw(server.url, '/api/trpc/fixture/import', {
      method: 'POST',
      headers: { cookie: officer.cookie, origin: server.url, 'content-type': 'multipart/form-data; boundary=x' },
      body: huge,
      chunked: true,
    });
    expect(chunked.status).toBe(413);
    // Any other request body has the server's general limit (64 KB in tests).
    const big = await officer.mutate('fixture', 'add', { title: 'x'.repeat(70 * 1024) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('too_large');
  });

  it('no error answer carries a stack trace or SQL: a router’s database error, bad JSON, bad input, unknown routes', async () => {
    const officer = await server.signIn('stc.cv');
    const anonymous = client(server.url, '');
    const answers = await Promise.all([
      officer.mutate('fixture', 'add', { title: ROUTER_FAULT_TITLE }),
      officer.fetch('/api/trpc/fixture/add', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":' }),
      officer.fetch('/api/trpc/core/tasks.get?input=%7Bnot-json'),
      officer.query('core', 'tasks.get', { id: 'không-phải-uuid' }),
      officer.query('core', 'tasks.get', { id: '00000000-0000-4000-8000-000000000000' }),
      officer.query('core', 'reports.get', { unitCode: 'Q001', periodId: '0001-Q1' }),
      officer.query('core', 'no.such.procedure'),
      officer.fetch('/api/trpc/core/tasks.list', { method: 'DELETE' }),
      officer.fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
      officer.fetch('/api/nowhere'),
      officer.fetch('/khong-co.js'),
      anonymous.mutate('fixture', 'add', { title: 'x' }),
      anonymous.query('core', 'tasks.list', {}),
    ]);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses[0]).toBe(500);
    expect(statuses.every((status) => status >= 400 && status < 600)).toBe(true);
    for (const answer of answers) await answer.body?.cancel();
    // The bodies are checked with every other error answer of this file, at the end.
  });

  it('the audit log refuses UPDATE, DELETE and TRUNCATE through the app’s own database connection, whatever the row', async () => {
    const rows = async () => Number((await queryRows<{ n: string }>(db, sql`select count(*) as n from auth.audit_log`))[0]?.n);
    const [last] = await queryRows<{ id: number | string; action: string }>(db, sql`select id, action from auth.audit_log order by id desc limit 1`);
    expect(last).toBeDefined();
    const before = await rows();
    const attempts = [
      sql`update auth.audit_log set action = 'sửa lén' where id = ${last!.id}`,
      sql`update auth.audit_log set actor_username = 'người khác', after = null`,
      sql`delete from auth.audit_log where id = ${last!.id}`,
      sql`delete from auth.audit_log`,
      sql`truncate auth.audit_log`,
    ];
    /** The database's reason for refusing (drizzle wraps it as the cause of "Failed query: …"), or 'done'. */
    const refusal = (run: Promise<unknown>) =>
      run.then(
        () => 'done',
        (error: unknown) => String((error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message),
      );
    for (const statement of attempts) {
      expect(await refusal(db.execute(statement))).toMatch(/^auth\.audit_log is append-only: (UPDATE|DELETE|TRUNCATE) is not allowed$/);
      // Inside a transaction too (a module's own transaction is the same connection).
      expect(await refusal(db.transaction(async (tx) => tx.execute(statement)))).toMatch(/append-only/);
    }
    expect(await rows()).toBe(before);
    const [after] = await queryRows<{ action: string }>(db, sql`select action from auth.audit_log where id = ${last!.id}`);
    expect(after?.action).toBe(last!.action);
    // Appending still works, through the app: the connection is not left broken.
    const sxd = await server.signIn('sxd');
    const [task] = await queryRows<{ id: string }>(db, sql`select id from core.tasks where code = '2458-1.6-SXD'`);
    const attached = await sxd.fetch('/api/trpc/core/tasks.attachResult', { method: 'POST', body: fileForm('lan-hai.pdf', pdf(), { taskId: task!.id }) });
    expect(attached.status).toBe(200);
    expect(await rows()).toBe(before + 1);
  });

  it('every answer above carried the security headers, and no error answer a stack trace or SQL', () => {
    const mine = seen.slice(from);
    const problems = mine.flatMap((answer) => headerProblems(answer, false));
    const errors = mine.filter((answer) => answer.status >= 400);
    const leaks = errors.filter((answer) => LEAK.test(answer.body)).map((answer) => `${answer.what} (${answer.status}): ${answer.body.slice(0, 300)}`);
    const counts = new Map<number, number>();
    for (const answer of errors) counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
    const byStatus = [...counts].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    console.info(`[web-security/${backend}] ${mine.length} answers checked for headers, ${errors.length} error answers for leaks (${byStatus.join(', ')}): ${problems.length} header problems, ${leaks.length} leaks`);
    expect(mine.length).toBeGreaterThan(40);
    expect(errors.some((answer) => answer.status === 500)).toBe(true);
    expect(problems).toEqual([]);
    expect(leaks).toEqual([]);
  });
});

describe('behind a TLS reverse proxy (TRUST_PROXY=1, PUBLIC_URL=https://dondoc.example.vn), PGlite', () => {
  let server: TestServer;
  let from = 0;
  const publicUrl = 'https://dondoc.example.vn';
  const viaProxy = { host: 'dondoc.example.vn', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' };
  beforeAll(async () => {
    from = seen.length;
    server = await startTestServer('pglite', plugins, undefined, { TRUST_PROXY: '1', PUBLIC_URL: publicUrl });
  });
  afterAll(async () => server?.close());

  it('the cookie is Secure (and HttpOnly, SameSite=Lax), every answer carries HSTS; the session works and ends through the proxy', async () => {
    const login = await raw(server.url, '/api/auth/login', {
      method: 'POST',
      headers: { ...viaProxy, 'content-type': 'application/json', origin: publicUrl },
      body: JSON.stringify({ username: 'stc.cv', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Lax/i);
    const cookie = cookieOf(login);
    for (const path of ['/', '/healthz', '/api/auth/me', '/api/trpc/fixture/list', '/plugins/fixture/mf-manifest.json', '/api/nowhere']) {
      await raw(server.url, path, { headers: { ...viaProxy, cookie } });
    }
    expect((await raw(server.url, '/api/trpc/fixture/add', { method: 'POST', headers: { ...viaProxy, cookie, origin: 'https://attacker.example', 'content-type': 'application/json' }, body: '{"title":"x"}' })).status).toBe(403);
    expect((await raw(server.url, '/api/auth/logout', { method: 'POST', headers: { ...viaProxy, cookie, origin: publicUrl } })).status).toBe(204);
    expect((await raw(server.url, '/api/auth/me', { headers: { ...viaProxy, cookie } })).status).toBe(401);
    const answers = seen.slice(from);
    expect(answers.length).toBeGreaterThan(8);
    expect(answers.flatMap((answer) => headerProblems(answer, true))).toEqual([]);
  });

  it('a request that reached it over plain HTTP (the proxy says so) gets no HSTS and no Secure cookie', async () => {
    const login = await raw(server.url, '/api/auth/login', {
      method: 'POST',
      headers: { ...viaProxy, 'x-forwarded-proto': 'http', 'content-type': 'application/json', origin: publicUrl },
      body: JSON.stringify({ username: 'stc', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    expect(String(login.headers['set-cookie'])).not.toMatch(/Secure/i);
    expect(headerProblems(toSeen('POST /api/auth/login', login), false)).toEqual([]);
  });
});

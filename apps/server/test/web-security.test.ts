import { request } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@dondoc/auth';
import { testBackends } from '@dondoc/db/testing';
import { MAX_BATCH_CALLS } from '../src/app.ts';
import { EnvError, loadEnv } from '../src/env.ts';
import { DEMO_PASSWORD, fixturePluginEntry, fixturePluginWeb, startTestServer, type TestServer } from './helpers.ts';

/**
 * Issue 10, items 8 and 9 (batch): the security headers, TRUST_PROXY, the Host allow-list
 * (PUBLIC_URL), /healthz for anonymous callers and for an administrator, the tRPC batch limit;
 * against the real app on a loopback port.
 */
interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with headers `fetch` will not send as given (`Host`). */
function raw(url: string, path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<Raw> {
  const target = new URL(path, url);
  return new Promise((resolve, reject) => {
    const req = request({ host: target.hostname, port: target.port, path: target.pathname + target.search, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const moduleOrigin = 'https://modules.example.org';

describe.each(testBackends)('web security on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, [
      { id: 'fixture', server: fixturePluginEntry, web: fixturePluginWeb },
      { id: 'remote', server: fixturePluginEntry, web: `${moduleOrigin}/remote/mf-manifest.json` },
    ]);
  });
  afterAll(async () => server?.close());

  it('every answer carries the CSP (own origin and the module origins only), no framing, no referrer, nosniff; no HSTS over plain HTTP', async () => {
    for (const path of ['/', '/healthz', '/api/auth/me', '/api/trpc/core/tasks.list', '/plugins/fixture/mf-manifest.json', '/khong-co.js']) {
      const response = await fetch(`${server.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp).toContain(`script-src 'self' ${moduleOrigin}`);
      expect(csp).toContain(`connect-src 'self' ${moduleOrigin}`);
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/unsafe-eval|\*/);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toBeNull();
      await response.body?.cancel();
    }
  });

  it('API answers and /healthz are never stored by caches; the shell’s hashed assets still are', async () => {
    const admin = await server.signIn('admin');
    for (const path of ['/api/auth/me', '/api/plugins', '/api/trpc/core/directives.list', '/api/nowhere', '/healthz']) {
      const response = await admin.fetch(path);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      await response.body?.cancel();
    }
    const index = await fetch(`${server.url}/`);
    expect(index.headers.get('cache-control')).not.toBe('no-store');
    await index.body?.cancel();
  });

  it('without TRUST_PROXY, forwarded headers are ignored: no Secure cookie, no HSTS, the peer’s address is the client’s', async () => {
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7', 'user-agent': 'no-proxy-test' },
      body: JSON.stringify({ username: 'snv', password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).not.toMatch(/Secure/i);
    expect(response.headers.get('strict-transport-security')).toBeNull();
    const rows = await server.runtime.database.db.execute<{ ip: string }>(sql`select ip from auth.sessions where user_agent = 'no-proxy-test'`);
    const ips = (Array.isArray(rows) ? rows : (rows as { rows: Array<{ ip: string }> }).rows).map((row) => row.ip);
    expect(ips).toEqual(['127.0.0.1']);
  });

  it('refuses a Host that is not the portal’s (DNS rebinding) with 421 in the caller’s language, and serves its own and loopback names', async () => {
    const port = new URL(server.url).port;
    for (const host of ['attacker.example', `attacker.example:${port}`, `127.0.0.1:1`, `localhost:${Number(port) + 1}`]) {
      const response = await raw(server.url, '/api/auth/me', { host });
      expect(`${host}: ${response.status}`).toBe(`${host}: 421`);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'misdirected', message: expect.stringMatching(/^Máy chủ không phục vụ địa chỉ này/) } });
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
    const english = await raw(server.url, '/healthz', { host: 'attacker.example', 'accept-language': 'en' });
    expect(JSON.parse(english.body).error.message).toMatch(/^This server does not answer for this address/);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      expect((await raw(server.url, '/healthz', { host })).status, host).toBe(200);
    }
  });

  it('/healthz answers anonymous callers and non-administrators exactly CONTRACT.md’s shape; an administrator gets the details', async () => {
    const anonymous = await (await fetch(`${server.url}/healthz`)).json();
    expect(Object.keys(anonymous as object).sort()).toEqual(['db', 'plugins', 'status']);
    expect(anonymous).toMatchObject({ status: 'ok', db: backend });
    const lead = await (await (await server.signIn('stc')).fetch('/healthz')).json();
    expect(lead).toEqual(anonymous);
    const admin = (await (await (await server.signIn('admin')).fetch('/healthz')).json()) as typeof anonymous & { details: Record<string, unknown> };
    expect(admin).toMatchObject(anonymous as object);
    expect(admin.details).toMatchObject({
      uptimeSeconds: expect.any(Number),
      node: process.version,
      db: { kind: backend, error: null },
      plugins: expect.arrayContaining([expect.objectContaining({ id: 'fixture', status: 'ready', version: expect.any(String), error: null })]),
    });
  });

  it(`a tRPC batch of more than ${MAX_BATCH_CALLS} calls is refused with 400 in the caller’s language, and none of them runs`, async () => {
    const officer = await server.signIn('stc.cv');
    const before = (await listAudit(server.runtime.database.db, { entity: 'fixture.item' })).length;
    const batch = (n: number, locale: string) => {
      const input: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) input[i] = { title: `Mục ${i}` };
      return officer.fetch(`/api/trpc/fixture/${Array.from({ length: n }, () => 'add').join(',')}?batch=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dondoc-locale': locale },
        body: JSON.stringify(input),
      });
    };
    const refused = await batch(MAX_BATCH_CALLS + 1, 'vi');
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe('BAD_REQUEST');
    expect(body.error.message).toBe(`Một yêu cầu gộp quá nhiều thao tác (tối đa ${MAX_BATCH_CALLS}). Hãy chia nhỏ rồi gửi lại.`);
    const english = (await (await batch(200, 'en')).json()) as { error: { message: string } };
    expect(english.error.message).toBe(`Too many calls in one batch (at most ${MAX_BATCH_CALLS}). Split them and send again.`);
    expect(await listAudit(server.runtime.database.db, { entity: 'fixture.item' })).toHaveLength(before);
    // GET batches too.
    const get = await officer.fetch(`/api/trpc/fixture/${Array.from({ length: MAX_BATCH_CALLS + 1 }, () => 'list').join(',')}?batch=1&input=%7B%7D`);
    expect(get.status).toBe(400);
    await get.body?.cancel();

    const allowed = await batch(MAX_BATCH_CALLS, 'vi');
    expect(allowed.status).toBe(200);
    expect((await allowed.json()) as unknown[]).toHaveLength(MAX_BATCH_CALLS);
    expect(await listAudit(server.runtime.database.db, { entity: 'fixture.item' })).toHaveLength(before + MAX_BATCH_CALLS);
  });
});

describe('behind a TLS reverse proxy (TRUST_PROXY=1, PUBLIC_URL=https://dondoc.example.vn)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', [], undefined, { TRUST_PROXY: '1', PUBLIC_URL: 'https://dondoc.example.vn' });
  });
  afterAll(async () => server?.close());

  const viaProxy = { host: 'dondoc.example.vn', 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.1, 203.0.113.9' };

  it('the session cookie is Secure, answers carry HSTS, the client address is the one the proxy saw', async () => {
    const response = await raw(server.url, '/api/auth/login', { ...viaProxy, 'content-type': 'application/json', 'user-agent': 'proxy-test', origin: 'https://dondoc.example.vn' }, 'POST', JSON.stringify({ username: 'stttt', password: DEMO_PASSWORD }));
    expect(response.status).toBe(200);
    expect(String(response.headers['set-cookie'])).toMatch(/; Secure/i);
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
    const rows = await server.runtime.database.db.execute<{ ip: string }>(sql`select ip from auth.sessions where user_agent = 'proxy-test'`);
    const ips = (Array.isArray(rows) ? rows : (rows as { rows: Array<{ ip: string }> }).rows).map((row) => row.ip);
    expect(ips).toEqual(['203.0.113.9']);
    // The cookie works for a same-origin state change through the proxy.
    const cookie = String(response.headers['set-cookie']).split(';')[0]!;
    // The same-origin rule takes PUBLIC_URL's origin, scheme included: a plain-HTTP page of the same name is another origin.
    const downgraded = await raw(server.url, '/api/auth/logout', { ...viaProxy, cookie, origin: 'http://dondoc.example.vn' }, 'POST');
    expect(downgraded.status).toBe(403);
    const logout = await raw(server.url, '/api/auth/logout', { ...viaProxy, cookie, origin: 'https://dondoc.example.vn' }, 'POST');
    expect(logout.status).toBe(204);
  });

  it('serves the public host and loopback names, refuses any other Host', async () => {
    const port = new URL(server.url).port;
    expect((await raw(server.url, '/healthz', { host: 'dondoc.example.vn' })).status).toBe(200);
    expect((await raw(server.url, '/healthz', { host: `127.0.0.1:${port}` })).status).toBe(200);
    expect((await raw(server.url, '/healthz', { host: 'evil.example' })).status).toBe(421);
    expect((await raw(server.url, '/healthz', { host: 'dondoc.example.vn.evil.example' })).status).toBe(421);
  });
});

describe('PUBLIC_URL and TRUST_PROXY in the environment', () => {
  it('default to http://HOST:PORT and off', () => {
    expect(loadEnv({})).toMatchObject({ publicUrl: 'http://127.0.0.1:3000', trustProxy: false });
    expect(loadEnv({ HOST: '::1', PORT: '8080' }).publicUrl).toBe('http://[::1]:8080');
    expect(loadEnv({ PUBLIC_URL: 'https://dondoc.hanoi.gov.vn/', TRUST_PROXY: '1' })).toMatchObject({ publicUrl: 'https://dondoc.hanoi.gov.vn', trustProxy: true });
  });

  it('refuse a PUBLIC_URL that is not an http(s) origin, and a TRUST_PROXY that is not a flag', () => {
    for (const bad of ['dondoc.hanoi.gov.vn', 'ftp://dondoc.hanoi.gov.vn', 'https://dondoc.hanoi.gov.vn/portal', 'https://a.vn/?x=1']) {
      expect(() => loadEnv({ PUBLIC_URL: bad }), bad).toThrow(EnvError);
    }
    expect(() => loadEnv({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });
});

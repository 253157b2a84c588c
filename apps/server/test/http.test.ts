import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@dondoc/auth';
import { testBackends } from '@dondoc/db/testing';
import { UPLOAD_LIMITS, uploadBodyLimit } from '@dondoc/trpc';
import { brokenPluginEntry, fixturePluginEntry, fixturePluginWeb, startTestServer, type TestServer } from './helpers.ts';

describe.each(testBackends)('HTTP contract on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, [
      { id: 'fixture', server: fixturePluginEntry, web: fixturePluginWeb },
      { id: 'broken', server: brokenPluginEntry },
    ]);
  });
  afterAll(async () => server?.close());

  it('GET /healthz names the database and each plugin’s state; a broken plugin does not stop the rest', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      db: backend,
      plugins: [
        { id: 'fixture', status: 'ready' },
        { id: 'broken', status: 'failed' },
      ],
    });
  });

  describe('sign-in', () => {
    it('answers 200 with the user and an HttpOnly, SameSite=Lax session cookie', async () => {
      const response = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ubnd', password: 'dondoc-demo' }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { user: Record<string, unknown> };
      expect(body.user).toMatchObject({ username: 'ubnd', unit: { code: 'UBND' }, roles: ['coordinator'] });
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^dondoc_session=[a-z0-9]+;/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).toMatch(/Path=\//);
    });

    it('answers 401 with a Vietnamese message on a wrong password', async () => {
      const response = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'vp', password: 'wrong' }),
      });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
      expect(response.headers.get('set-cookie')).toBeNull();
    });

    it('answers in English when asked', async () => {
      const response = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'en-GB,en' },
        body: JSON.stringify({ username: 'vp', password: 'wrong' }),
      });
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe('Wrong username or password.');
    });

    it('answers 429 after 5 failures for a username, even for the right password', async () => {
      const attempt = (password: string) =>
        fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'skhdt', password }),
        });
      for (let i = 0; i < 5; i++) expect((await attempt('nope')).status).toBe(401);
      const throttled = await attempt('dondoc-demo');
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('answers 400 with a JSON error for malformed JSON or missing fields, never a 500', async () => {
      const malformed = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"username": "ubnd",',
      });
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ error: { code: 'bad_json' } });
      const missing = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ubnd' }),
      });
      expect(missing.status).toBe(400);
      expect(await missing.json()).toMatchObject({ error: { code: 'bad_input', fields: ['password'] } });
    });

    it('takes a file up to the limit its procedure declares, and refuses a bigger one with 413 and the JSON error', async () => {
      const officer = await server.signIn('stc.cv');
      const form = (size: number, name = 'bang-tinh.xlsx') => {
        const data = new FormData();
        const bytes = new Uint8Array(size).fill(0x41);
        bytes.set(new TextEncoder().encode('%PDF-1.4').subarray(0, size));
        data.set('file', new File([bytes], name));
        data.set('input', JSON.stringify({ note: 'quý 1' }));
        return data;
      };
      // A module's procedure declared `upload: 'spreadsheet'`: up to 512 KB.
      const taken = await officer.fetch('/api/trpc/fixture/import', { method: 'POST', body: form(UPLOAD_LIMITS.spreadsheet) });
      expect(taken.status).toBe(200);
      expect(await taken.json()).toEqual({ result: { data: { name: 'bang-tinh.xlsx', size: UPLOAD_LIMITS.spreadsheet, note: 'quý 1' } } });
      const refused = await officer.fetch('/api/trpc/fixture/import', { method: 'POST', body: form(UPLOAD_LIMITS.spreadsheet + 100 * 1024) });
      expect(refused.status).toBe(413);
      expect(await refused.json()).toMatchObject({ error: { code: 'too_large', message: 'Tệp vượt quá dung lượng cho phép (512 KB).' } });
      // Just over the file's limit, within the envelope's margin: the parser names the file and the limit.
      const over = await officer.fetch('/api/trpc/fixture/import', { method: 'POST', headers: { 'x-dondoc-locale': 'en' }, body: form(UPLOAD_LIMITS.spreadsheet + 1) });
      expect(over.status).toBe(400);
      expect((await over.json()) as unknown).toMatchObject({
        error: { data: { fieldErrors: [{ path: ['file'], message: 'The file bang-tinh.xlsx is larger than 512 KB.' }] } },
      });
      const empty = await officer.fetch('/api/trpc/fixture/import', { method: 'POST', body: form(0) });
      expect(((await empty.json()) as { error: { data: { fieldErrors: unknown } } }).error.data.fieldErrors).toEqual([
        { path: ['file'], message: 'Tệp bang-tinh.xlsx rỗng.' },
      ]);
      // The core's evidence: a document, up to 5 MB (then the procedure looks for the report).
      const input = JSON.stringify({ reportId: '00000000-0000-4000-8000-000000000000' });
      const evidence = (size: number) => {
        const data = form(size, 'minh-chung.pdf');
        data.set('input', input);
        return data;
      };
      const document = await officer.fetch('/api/trpc/core/reports.attach', { method: 'POST', body: evidence(UPLOAD_LIMITS.document) });
      expect(document.status).toBe(404);
      expect(((await document.json()) as { error: { message: string } }).error.message).toBe('Không tìm thấy báo cáo.');
      const tooBig = await officer.fetch('/api/trpc/core/reports.attach', {
        method: 'POST',
        headers: { 'x-dondoc-locale': 'en' },
        body: evidence(UPLOAD_LIMITS.document + 100 * 1024),
      });
      expect(tooBig.status).toBe(413);
      expect(await tooBig.json()).toMatchObject({
        error: { code: 'too_large', message: 'The file is larger than allowed (5 MB).', maxBytes: uploadBodyLimit('document') },
      });
      // The spreadsheet limit is the fixture procedure's own: a 1 MB spreadsheet is refused.
      expect((await officer.fetch('/api/trpc/fixture/import', { method: 'POST', body: form(1024 * 1024) })).status).toBe(413);
      // The same connection still answers after the refusals.
      expect((await officer.query('fixture', 'list')).status).toBe(200);
    });

    it('refuses a 2 MB body to a procedure that declares no upload, and a refused upload does not break the connection', async () => {
      const officer = await server.signIn('stc.cv');
      const big = JSON.stringify({ id: '00000000-0000-4000-8000-000000000000', title: 'x'.repeat(2 * 1024 * 1024) });
      const save = await officer.fetch('/api/trpc/core/reports.save', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
      expect(save.status).toBe(413);
      expect(await save.json()).toMatchObject({ error: { code: 'too_large', message: 'Dữ liệu gửi lên quá lớn.' } });
      const add = await officer.fetch('/api/trpc/fixture/add', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
      expect(add.status).toBe(413);
      // No name guessing: a module procedure called `*.import` without the declaration gets the small limit.
      const guessed = await officer.fetch('/api/trpc/fixture/items.import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
      expect(guessed.status).toBe(413);
      // A caller without the permission is refused before the file is read; the answer still arrives.
      const coordinator = await server.signIn('ubnd');
      const data = new FormData();
      data.set('file', new File([new Uint8Array(400 * 1024)], 'bang-tinh.xlsx'));
      const forbidden = await coordinator.fetch('/api/trpc/fixture/import', { method: 'POST', body: data });
      expect(forbidden.status).toBe(403);
      expect((await coordinator.query('fixture', 'list')).status).toBe(200);
    });

    it('answers 413 for a body over the limit', async () => {
      const response = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ubnd', password: 'x'.repeat(200 * 1024) }),
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: { code: 'too_large' } });
    });
  });

  describe('session', () => {
    it('GET /api/auth/me answers 401 without a session and the user with one', async () => {
      expect((await fetch(`${server.url}/api/auth/me`)).status).toBe(401);
      const stc = await server.signIn('stc');
      const response = await stc.fetch('/api/auth/me');
      expect(response.status).toBe(200);
      const body = (await response.json()) as { user: { permissions: string[] } };
      expect(body).toEqual({
        user: {
          username: 'stc',
          displayName: expect.any(String),
          unit: { code: 'STC', name: 'Sở Tài chính' },
          roles: ['unit_lead'],
          permissions: expect.any(Array),
        },
      });
      // A unit lead submits reports but does not review them.
      expect(body.user.permissions).toContain('core.reports:submit');
      expect(body.user.permissions).not.toContain('core.reports:review');
      expect(body.user.permissions).toContain('fixture.items:write');
    });

    it('logout answers 204 and kills the session on the server', async () => {
      const vp = await server.signIn('vp');
      const logout = await vp.fetch('/api/auth/logout', { method: 'POST' });
      expect(logout.status).toBe(204);
      // The same cookie, replayed: the server no longer knows it.
      expect((await vp.fetch('/api/auth/me')).status).toBe(401);
    });

    it('refuses a state-changing request with the cookie but from another origin', async () => {
      const snv = await server.signIn('snv');
      const noOrigin = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie: snv.cookie } });
      expect(noOrigin.status).toBe(403);
      const foreign = await fetch(`${server.url}/api/auth/logout`, {
        method: 'POST',
        headers: { cookie: snv.cookie, origin: 'http://evil.example' },
      });
      expect(foreign.status).toBe(403);
      const sameSite = await fetch(`${server.url}/api/auth/logout`, {
        method: 'POST',
        headers: { cookie: snv.cookie, 'sec-fetch-site': 'same-origin' },
      });
      expect(sameSite.status).toBe(204);
    });
  });

  describe('plugins', () => {
    it('GET /api/plugins lists the modules the user may open, with their entry', async () => {
      expect((await fetch(`${server.url}/api/plugins`)).status).toBe(401);
      const stc = await server.signIn('stc');
      expect(await (await stc.fetch('/api/plugins')).json()).toEqual([
        { id: 'fixture', name: 'Mô-đun kiểm thử', unitCode: 'STC', version: '0.1.0', entry: '/plugins/fixture/mf-manifest.json', status: 'ready' },
      ]);
    });

    it('a module mutation writes its row and its audit row; the list is limited to the user’s unit', async () => {
      const officer = await server.signIn('stc.cv');
      const created = await officer.mutate('fixture', 'add', { title: 'Báo cáo quý' });
      expect(created.status).toBe(200);
      const item = ((await created.json()) as { result: { data: { id: number; unitCode: string } } }).result.data;
      expect(item.unitCode).toBe('STC');
      const audit = await listAudit(server.runtime.database.db, { entity: 'fixture.item', entityId: String(item.id) });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'fixture.items.add', actorUsername: 'stc.cv' });

      const other = await server.signIn('sxd');
      await other.mutate('fixture', 'add', { title: 'Của Sở Xây dựng' });
      const sxdList = ((await (await other.query('fixture', 'list')).json()) as { result: { data: Array<{ unitCode: string }> } }).result.data;
      expect(sxdList.map((row) => row.unitCode)).toEqual(['SXD']);
      const coordinator = await server.signIn('ubnd');
      const all = ((await (await coordinator.query('fixture', 'list')).json()) as { result: { data: Array<{ unitCode: string }> } }).result.data;
      expect(new Set(all.map((row) => row.unitCode))).toEqual(new Set(['STC', 'SXD']));
    });

    it('a user without the permission gets FORBIDDEN and nothing is written', async () => {
      const coordinator = await server.signIn('ubnd');
      const before = await listAudit(server.runtime.database.db, { entity: 'fixture.item' });
      const response = await coordinator.mutate('fixture', 'add', { title: 'Không được phép' });
      expect(response.status).toBe(403);
      const body = (await response.json()) as { error: { message: string; data: { code: string } } };
      expect(body.error.data.code).toBe('FORBIDDEN');
      expect(body.error.message).toContain('không có quyền');
      expect(await listAudit(server.runtime.database.db, { entity: 'fixture.item' })).toHaveLength(before.length);
    });

    it('invalid input is a 400 with the field named, malformed JSON a 400, never a 500', async () => {
      const officer = await server.signIn('stc.cv');
      const empty = await officer.mutate('fixture', 'add', { title: '   ' });
      expect(empty.status).toBe(400);
      const body = (await empty.json()) as { error: { data: { code: string; fieldErrors: Array<{ path: string[] }> } } };
      expect(body.error.data.code).toBe('BAD_REQUEST');
      expect(body.error.data.fieldErrors[0]?.path).toEqual(['title']);
      const malformed = await officer.fetch('/api/trpc/fixture/add', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"title":',
      });
      expect(malformed.status).toBe(400);
      expect(JSON.stringify(await malformed.json())).not.toMatch(/at .*\.ts:\d+/);
    });

    it('an unknown module is a 404, a failed one a 503', async () => {
      const stc = await server.signIn('stc');
      const unknown = await stc.query('no-such-module', 'list');
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ error: { code: 'unknown_module' } });
      expect((await stc.query('broken', 'list')).status).toBe(503);
      expect((await fetch(`${server.url}/api/nothing-here`)).status).toBe(404);
    });
  });
});

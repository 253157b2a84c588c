import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@dondoc/db';
import { testBackends } from '@dondoc/db/testing';
import { openBrowser, requireBrowserTestPrerequisites, signIn as signInPage, startPortal, type Browser, type RunningPortal } from '@dondoc/plugin-sdk/browser-testing';
import { brokenPluginEntry, fixturePluginWeb, repoRoot, startTestServer, type Client, type TestServer } from '../test/helpers.ts';
import { RENDER_FAULT_TITLE, ROUTER_FAULT_TITLE } from './fixtures/faulty-fixture-plugin.ts';

/**
 * Suite property 5, module faults: a module whose remote entry is missing (`missing-web`), one
 * that throws while rendering and whose router throws (`fixture`, faults on demand), one whose
 * migration fails at start (`bad-migration`), one whose server entry throws while loading
 * (`broken`), next to a real module that works (`tai-chinh`). The rest of the portal works and
 * the admin sees each failure; no user ever gets a blank page.
 */
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const taiChinhWeb = join(repoRoot, 'plugins/tai-chinh/dist');
const plugins = [
  { id: 'fixture', server: join(fixtures, 'faulty-fixture-plugin.ts'), web: fixturePluginWeb },
  { id: 'missing-web', server: join(repoRoot, 'test-fixtures/plugin-fixture/src/server/plugin-missing-web.ts'), web: join(tmpdir(), 'dondoc-no-such-build') },
  { id: 'bad-migration', server: join(fixtures, 'failing-migration-plugin.ts'), web: fixturePluginWeb },
  { id: 'broken', server: brokenPluginEntry },
  { id: 'tai-chinh', server: join(repoRoot, 'plugins/tai-chinh/src/server/plugin.ts'), web: taiChinhWeb },
];
const expectedStatus = { fixture: 'ready', 'missing-web': 'ready', 'bad-migration': 'failed', broken: 'failed', 'tai-chinh': 'ready' };

/** What no error answer may show a caller: a stack frame, SQL, the failing table's name. */
const leak = /\n\s+at |no_such_table|secret_column|select |\.ts:\d+/i;

interface HealthDetails {
  status: string;
  plugins: Array<{ id: string; status: string }>;
  details?: { plugins: Array<{ id: string; status: string; error: string | null }> };
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

describe.each(testBackends)('module faults on the server, %s', (backend) => {
  let server: TestServer;
  let officer: Client;
  beforeAll(async () => {
    server = await startTestServer(backend, plugins);
    officer = await server.signIn('stc.cv');
  });
  afterAll(async () => server?.close());

  it('starts with the failed modules marked failed; anyone sees which, the admin sees why', async () => {
    const anonymous = await json<HealthDetails>(await fetch(`${server.url}/healthz`));
    expect(anonymous.status).toBe('ok');
    expect(Object.fromEntries(anonymous.plugins.map((p) => [p.id, p.status]))).toEqual(expectedStatus);
    expect(anonymous.details).toBeUndefined();
    const admin = await json<HealthDetails>(await (await server.signIn('admin')).fetch('/healthz'));
    const why = Object.fromEntries((admin.details?.plugins ?? []).map((p) => [p.id, p.error]));
    console.info(`[module-faults/${backend}] plugin errors for the admin: ${JSON.stringify(why)}`);
    // The failing statement and the database's reason.
    expect(why['bad-migration']).toMatch(/ALTER TABLE "bad_migration"."no_such_table".*does not exist/s);
    expect(why.broken).toMatch(/failed on purpose while loading/);
    expect(why.fixture).toBeNull();
    expect(why['tai-chinh']).toBeNull();
  });

  it('a failed migration is rolled back whole, and its module is unavailable in the caller’s language', async () => {
    const { db } = server.runtime.database;
    expect(await queryRows(db, sql`select schema_name from information_schema.schemata where schema_name = 'bad_migration'`)).toEqual([]);
    expect(await queryRows(db, sql`select tag from dondoc_meta.migrations where module = 'plugin:bad-migration'`)).toEqual([]);
    const lead = await server.signIn('stc');
    const me = await json<{ user: { permissions: string[] } }>(await lead.fetch('/api/auth/me'));
    expect(me.user.permissions.filter((key) => key.startsWith('bad-migration.'))).toEqual([]);
    expect(me.user.permissions).toContain('fixture.items:read');
    const ping = await lead.query('bad-migration', 'ping');
    expect(ping.status).toBe(503);
    expect(await ping.json()).toMatchObject({ error: { code: 'module_unavailable', message: 'Mô-đun này đang tạm ngừng hoạt động.' } });
    const english = await lead.fetch('/api/trpc/broken/ping', { headers: { 'accept-language': 'en' } });
    expect(english.status).toBe(503);
    expect(((await english.json()) as { error: { message: string } }).error.message).toBe('This module is unavailable.');
    // Users are offered the modules that run, and only those.
    const listed = await json<Array<{ id: string; status: string }>>(await lead.fetch('/api/plugins'));
    expect(listed.map((p) => p.id).sort()).toEqual(['fixture', 'missing-web', 'tai-chinh']);
    expect(listed.every((p) => p.status === 'ready')).toBe(true);
  });

  it('a missing remote entry answers 404 (JSON, not the shell page); the module’s API and the rest still answer', async () => {
    const listed = await json<Array<{ id: string; entry: string | null }>>(await officer.fetch('/api/plugins'));
    const entry = listed.find((p) => p.id === 'missing-web')?.entry;
    expect(entry).toBe('/plugins/missing-web/mf-manifest.json');
    const missing = await fetch(`${server.url}${entry}`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/json/);
    await missing.body?.cancel();
    const present = await fetch(`${server.url}/plugins/fixture/mf-manifest.json`);
    expect(present.status).toBe(200);
    await present.body?.cancel();
    expect((await officer.query('missing-web', 'ping')).status).toBe(200);
  });

  it('a router that throws answers 500 with the generic message only, and every other call around it succeeds', async () => {
    const rounds = 10;
    const calls = Array.from({ length: rounds }, (_, i) => [
      officer.mutate('fixture', 'add', { title: ROUTER_FAULT_TITLE }),
      officer.mutate('fixture', 'add', { title: `Mục ${i}` }),
      officer.query('fixture', 'list'),
      officer.query('core', 'tasks.list', {}),
      officer.query('tai-chinh', 'units.list', {}),
      fetch(`${server.url}/healthz`),
    ]).flat();
    const answers = await Promise.all(calls.map(async (call) => {
      const response = await call;
      return { status: response.status, url: response.url, body: await response.text() };
    }));
    const failed = answers.filter((_, i) => i % 6 === 0);
    const others = answers.filter((_, i) => i % 6 !== 0);
    console.info(`[module-faults/${backend}] router faults: ${failed.length} × ${failed[0]?.status}; other calls: ${others.filter((a) => a.status === 200).length}/${others.length} × 200`);
    for (const answer of failed) {
      expect(answer.status).toBe(500);
      expect(answer.body).not.toMatch(leak);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { message: expect.stringMatching(/^Đã có lỗi hệ thống\. Vui lòng thử lại\. \(Mã yêu cầu: [\w-]+\)$/), data: { code: 'INTERNAL_SERVER_ERROR' } } });
    }
    expect(others.filter((a) => a.status !== 200).map((a) => `${a.url}: ${a.status} ${a.body.slice(0, 200)}`)).toEqual([]);
    const list = await json<{ result: { data: Array<{ title: string }> } }>(await officer.query('fixture', 'list'));
    expect(list.result.data.filter((item) => item.title.startsWith('Mục '))).toHaveLength(rounds);
  });
});

type Page = Awaited<ReturnType<Browser['newPage']>>;

describe('module faults in Chromium (PGlite)', () => {
  let portal: RunningPortal;
  let browser: Browser;
  beforeAll(async () => {
    requireBrowserTestPrerequisites([join(fixturePluginWeb, 'mf-manifest.json'), join(taiChinhWeb, 'mf-manifest.json')]);
    portal = await startPortal({ plugins });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });
  const taiChinhHeading = 'Đơn vị sự nghiệp công lập — tự chủ tài chính';
  /** The fixture module's page, as the STC officer. */
  const fixturePage = async () => {
    const page = await browser.newPage();
    await signInPage(page, portal.url, 'stc.cv');
    await page.goto(`${portal.url}/m/fixture/`);
    return page;
  };
  /** Adds an item through the module's own form. */
  const addItem = async (page: Page, title: string) => {
    await page.getByLabel('Tiêu đề').fill(title);
    await page.getByRole('button', { name: /Thêm mục/ }).click();
  };

  it('a missing remote entry: an error panel naming the 404 in its place; the navigation and the other modules work', async () => {
    const page = await browser.newPage();
    await signInPage(page, portal.url, 'stc.cv');
    await page.goto(`${portal.url}/m/missing-web/`);
    const panel = page.getByRole('alert').filter({ hasText: 'Không tải được mô-đun' });
    await panel.waitFor();
    expect(await panel.textContent()).toContain('404');
    await nav(page).getByRole('link', { name: 'Mô-đun kiểm thử' }).click();
    await page.getByTestId('same-react').waitFor({ state: 'attached' });
    await page.goto(`${portal.url}/m/tai-chinh/`);
    await page.getByRole('heading', { name: taiChinhHeading }).waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('a module whose migration failed: its page is an error panel, not a blank page; the admin’s /healthz says why', async () => {
    const page = await browser.newPage();
    await signInPage(page, portal.url, 'stc');
    await page.goto(`${portal.url}/m/bad-migration/`);
    await page.getByRole('heading', { level: 1, name: 'Không mở được mô-đun' }).waitFor();
    expect(await nav(page).isVisible()).toBe(true);
    expect(await nav(page).getByRole('link', { name: 'Mô-đun lỗi cập nhật CSDL' }).count()).toBe(0);
    await page.close();
    const admin = await browser.newPage();
    await signInPage(admin, portal.url, 'admin');
    const health = (await admin.evaluate(async () => (await fetch('/healthz')).json())) as HealthDetails;
    const failed = (health.details?.plugins ?? []).filter((p) => p.status === 'failed');
    expect(failed.map((p) => p.id).sort()).toEqual(['bad-migration', 'broken']);
    expect(failed.find((p) => p.id === 'bad-migration')?.error).toMatch(/no_such_table/);
    await admin.close();
  });

  it('a router that throws: the module shows the generic error (no SQL) and keeps working', async () => {
    const page = await fixturePage();
    await addItem(page, ROUTER_FAULT_TITLE);
    const alert = page.getByRole('alert').filter({ hasText: 'Không thêm được mục' });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('Đã có lỗi hệ thống');
    expect(text).not.toMatch(leak);
    await addItem(page, 'Mục sau lỗi');
    await page.getByTestId('fixture-item').filter({ hasText: 'Mục sau lỗi' }).waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('a module that throws while rendering: an error panel in its place; the shell, the core pages and another module work', async () => {
    const page = await fixturePage();
    await addItem(page, RENDER_FAULT_TITLE);
    // The refetched list holds an object where the page expects text: React throws while rendering.
    const panel = page.getByRole('alert').filter({ hasText: 'Mô-đun gặp lỗi khi hiển thị' });
    await panel.waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Không tải được mô-đun Mô-đun kiểm thử' }).isVisible()).toBe(true);
    expect(await nav(page).isVisible()).toBe(true);
    // A fresh load of the module's page fails the same way, and still shows the panel.
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'Mô-đun gặp lỗi khi hiển thị' }).waitFor();
    // The rest of the portal: the core's overview, another module, the API.
    await nav(page).getByRole('link', { name: /Tổng quan/ }).first().click();
    await page.waitForURL((url) => !url.pathname.startsWith('/m/'));
    expect(((await page.locator('main').innerText()) ?? '').trim().length).toBeGreaterThan(0);
    await page.goto(`${portal.url}/m/tai-chinh/`);
    await page.getByRole('heading', { name: taiChinhHeading }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(200);
    await page.close();
  });
});

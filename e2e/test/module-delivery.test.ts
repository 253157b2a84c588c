/**
 * A department ships its module on its own (issue 18): the scaffolder writes it outside this
 * workspace against the packed SDK (`pnpm pack` of the dondoc packages, installed offline from the
 * store), `pnpm run release` makes its tarball, `pnpm dondoc plugin:install` puts it into a
 * deployment, a restart makes it live and Sở Xây dựng's lead opens it in Chromium — and the
 * shell's built files are the same bytes as before. Then an upgrade under an open page, a
 * rollback, and artifacts the server must refuse (an SDK range it does not satisfy, a broken
 * hash) while the other module goes on serving.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, requireBrowserTestPrerequisites, startPortal } from '@dondoc/plugin-sdk/browser-testing';
import { openBrowser, repoRoot, signIn, type Browser, type RunningPortal } from '../src/harness.ts';

const exec = promisify(execFile);
const ID = 'xay-dung';
const SDK_PACKAGES = ['db', 'auth', 'trpc', 'kit', 'directive-parser', 'core', 'plugin-sdk', 'ui'];
const fixtureDir = join(repoRoot, 'test-fixtures/plugin-fixture');
const shellDist = join(repoRoot, 'apps/shell/dist');

/** A developer's or an operator's shell: none of this runner's variables (vite builds differently under VITEST). */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST'));

async function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  try {
    return await exec(command, args, { cwd, timeout: 240_000, maxBuffer: 32 * 1024 * 1024, env: { ...cleanEnv, NO_COLOR: '1', FORCE_COLOR: '0', ...env } });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    return Promise.reject(Object.assign(new Error(`${command} ${args.join(' ')} failed (${failed.code}):\n${failed.stdout}\n${failed.stderr}`), failed));
  }
}

/** sha256 of every file under `dir`, by relative path. */
async function hashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return out;
}

interface PluginAnswer {
  id: string;
  version: string | null;
  status: string;
  error?: string | null;
}

describe('a module released, installed, upgraded and rolled back without rebuilding the shell', () => {
  let work: string;
  let moduleDir: string;
  let deployment: { config: string; pluginsDir: string; dataDir: string; port: number };
  let operatorEnv: Record<string, string>;
  let shellBefore: Record<string, string>;
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let page: Awaited<ReturnType<Browser['newPage']>>;
  const tarballs: Record<string, string> = {};

  const dondoc = (args: string[]) => run('pnpm', ['dondoc', ...args], repoRoot, operatorEnv);
  const restart = async () => {
    await portal?.stop();
    portal = await startPortal({ plugins: [], deployment });
    return portal;
  };
  const plugins = async (username: string): Promise<PluginAnswer[]> => {
    const login = await fetch(`${portal!.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: portal!.url },
      body: JSON.stringify({ username, password: 'dondoc-demo' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    return (await (await fetch(`${portal!.url}/api/plugins`, { headers: { cookie } })).json()) as PluginAnswer[];
  };
  const health = async () => ((await (await fetch(`${portal!.url}/healthz`)).json()) as { plugins: Array<{ id: string; status: string }> }).plugins;
  const release = async () => {
    const { stdout } = await run('pnpm', ['run', 'release', '--out', join(work, 'releases')], moduleDir);
    return stdout.split('\n').find((line) => line.endsWith('.dondoc.tgz'))!.trim();
  };

  beforeAll(async () => {
    requireBrowserTestPrerequisites([join(fixtureDir, 'dist/mf-manifest.json')]);
    shellBefore = await hashes(shellDist);
    work = await mkdtemp(join(tmpdir(), 'dondoc-delivery-'));
    // The SDK as published: each dondoc package a module needs, packed.
    const packs = join(work, 'packs');
    for (const name of SDK_PACKAGES) await run('pnpm', ['pack', '--pack-destination', packs], join(repoRoot, 'packages', name));
    // The scaffolder writes the module outside the workspace, on those tarballs.
    moduleDir = join(work, 'xay-dung');
    await run('pnpm', ['dondoc', 'plugin:new', ID, '--unit', 'SXD', '--name', 'Sở Xây dựng — Cấp phép xây dựng', '--out', moduleDir, '--sdk', packs], repoRoot);
    // No network: every package from the store, at the versions this workspace's lockfile resolved.
    // (--no-frozen-lockfile: under CI=true pnpm would insist on the lockfile as it is, and the module's overrides differ.)
    await cp(join(repoRoot, 'pnpm-lock.yaml'), join(moduleDir, 'pnpm-lock.yaml'));
    await run('pnpm', ['install', '--offline', '--no-frozen-lockfile'], moduleDir);
    tarballs.v1 = await release();

    // One address across restarts, as a real deployment has: the page opened before an upgrade stays on it.
    deployment = { config: join(work, 'deploy/dondoc.config.json'), pluginsDir: join(work, 'deploy/plugins'), dataDir: join(work, 'deploy/data'), port: await freePort() };
    await mkdir(join(work, 'deploy'), { recursive: true });
    // The deployment already serves another module, from its build folder.
    await writeFile(deployment.config, JSON.stringify({ plugins: [{ id: 'fixture', server: join(fixtureDir, 'src/server/plugin.ts'), web: join(fixtureDir, 'dist') }] }));
    operatorEnv = { DONDOC_CONFIG: deployment.config, DONDOC_PLUGINS_DIR: deployment.pluginsDir, DATA_DIR: deployment.dataDir, INIT_CWD: repoRoot };
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  }, 60_000);

  it('was built outside the workspace against the packed SDK, into one versioned tarball', async () => {
    expect(moduleDir.startsWith(repoRoot)).toBe(false);
    const pkg = JSON.parse(await readFile(join(moduleDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['@dondoc/plugin-sdk']).toMatch(/^file:.*dondoc-plugin-sdk-0\.1\.0\.tgz$/);
    expect(tarballs.v1).toMatch(/xay-dung-0\.1\.0\.dondoc\.tgz$/);
    const { stdout } = await run('tar', ['-tzf', tarballs.v1!], work);
    for (const file of ['./dondoc-plugin.json', './server/plugin.mjs', './web/mf-manifest.json', './web/remoteEntry.js', './drizzle/0000_init.sql']) expect(stdout).toContain(file);
    const manifest = JSON.parse((await run('tar', ['-xzOf', tarballs.v1!, './dondoc-plugin.json'], work)).stdout) as { sdk: { range: string }; integrity: string };
    expect(manifest.sdk.range).toBe('^0.1.0');
    expect(manifest.integrity).toMatch(/^sha256-[0-9a-f]{64}$/);
  });

  it('installs into the running deployment; a restart makes it live and its unit opens it', async () => {
    await restart();
    const { stdout } = await dondoc(['plugin:install', tarballs.v1!]);
    expect(stdout).toContain(`Đã cài (installed) ${ID} 0.1.0`);
    // Installed, not live until the restart.
    expect((await health()).map((p) => p.id)).not.toContain(ID);
    await restart();
    expect(await health()).toEqual(expect.arrayContaining([{ id: ID, status: 'ready' }, { id: 'fixture', status: 'ready' }]));
    const listed = JSON.parse((await dondoc(['plugin:list', '--json'])).stdout) as Array<{ id: string; version: string; status: string; compatible: boolean }>;
    expect(listed).toContainEqual(expect.objectContaining({ id: ID, version: '0.1.0', status: 'ok', compatible: true }));

    // Caching that survives upgrades: what names the chunks is revalidated, the hashed chunks are immutable.
    const cache = async (path: string) => (await fetch(`${portal!.url}${path}`)).headers.get('cache-control');
    expect(await cache(`/plugins/${ID}/mf-manifest.json`)).toBe('no-cache');
    expect(await cache(`/plugins/${ID}/remoteEntry.js`)).toBe('no-cache');
    const chunk = (await readdir(join(deployment.pluginsDir, ID, '0.1.0/web/assets'))).find((name) => name.endsWith('.js'))!;
    expect(await cache(`/plugins/${ID}/assets/${chunk}`)).toBe('public, max-age=31536000, immutable');
    expect(await cache('/')).toBe('no-cache');
    const shellChunk = (await readdir(join(shellDist, 'assets'))).find((name) => name.endsWith('.js'))!;
    expect(await cache(`/assets/${shellChunk}`)).toBe('public, max-age=31536000, immutable');

    browser = await openBrowser();
    page = await browser.newPage();
    await signIn(page, portal!.url, 'sxd');
    await page.goto(`${portal!.url}/m/${ID}/`);
    await page.getByRole('heading', { name: 'Kết quả thực hiện', level: 1 }).waitFor();
    expect(await hashes(shellDist)).toEqual(shellBefore);
  }, 120_000);

  it('upgrades under an open page: the page keeps working, a reload shows the new version', async () => {
    const v1Assets = await readdir(join(deployment.pluginsDir, ID, '0.1.0/web/assets'));
    // Version 0.2.0 of the module: a new title.
    const i18n = join(moduleDir, 'src/web/i18n.ts');
    await writeFile(i18n, (await readFile(i18n, 'utf8')).replace("title: 'Kết quả thực hiện',", "title: 'Kết quả thực hiện (bản 0.2.0)',"));
    const pluginTs = join(moduleDir, 'src/server/plugin.ts');
    await writeFile(pluginTs, (await readFile(pluginTs, 'utf8')).replace("version: '0.1.0'", "version: '0.2.0'"));
    tarballs.v2 = await release();
    expect((await dondoc(['plugin:install', tarballs.v2!])).stdout).toContain('0.2.0 (thay (replacing) 0.1.0');
    await restart();
    expect((await plugins('sxd')).find((p) => p.id === ID)?.version).toBe('0.2.0');
    // The page opened on 0.1.0 still finds every chunk of its version, those 0.2.0 no longer has among them, and still works.
    const v2Assets = await readdir(join(deployment.pluginsDir, ID, '0.2.0/web/assets'));
    expect(v1Assets.filter((asset) => !v2Assets.includes(asset)).length).toBeGreaterThan(0);
    for (const asset of v1Assets) expect((await fetch(`${portal!.url}/plugins/${ID}/assets/${asset}`)).status, asset).toBe(200);
    await page.getByRole('button', { name: 'Thêm kết quả' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nội dung').fill('Cấp phép xây dựng đợt 1');
    await dialog.getByLabel('Số lượng').fill('7');
    await dialog.getByLabel('Ngày hoàn thành').fill('30/11/2026');
    await dialog.getByLabel('Ngày hoàn thành').press('Enter');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('cell', { name: 'Cấp phép xây dựng đợt 1' }).waitFor();
    expect(page.errors).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { name: 'Kết quả thực hiện (bản 0.2.0)', level: 1 }).waitFor();
    await page.getByRole('cell', { name: 'Cấp phép xây dựng đợt 1' }).waitFor();
    expect(await hashes(shellDist)).toEqual(shellBefore);
  }, 120_000);

  it('rolls back to the previous version, its data kept', async () => {
    const { stdout } = await dondoc(['plugin:rollback', ID]);
    expect(stdout).toContain(`Đã quay lại (rolled back) ${ID} 0.2.0 → 0.1.0`);
    await restart();
    expect((await plugins('sxd')).find((p) => p.id === ID)?.version).toBe('0.1.0');
    await page.goto(`${portal!.url}/m/${ID}/`);
    await page.getByRole('heading', { name: 'Kết quả thực hiện', exact: true, level: 1 }).waitFor();
    await page.getByRole('cell', { name: 'Cấp phép xây dựng đợt 1' }).waitFor();
  }, 120_000);

  it('refuses an artifact with an SDK range it does not satisfy or a broken hash; the rest serves', async () => {
    const unpacked = join(work, 'tampered');
    const repack = async (name: string, change: (dir: string) => Promise<void>) => {
      await rm(unpacked, { recursive: true, force: true });
      await mkdir(unpacked, { recursive: true });
      await run('tar', ['-xzf', tarballs.v2!, '-C', unpacked], work);
      await change(unpacked);
      const file = join(work, name);
      await run('tar', ['-czf', file, '-C', unpacked, '.'], work);
      return file;
    };
    const setRange = async (dir: string, range: string) => {
      const path = join(dir, 'dondoc-plugin.json');
      const manifest = JSON.parse(await readFile(path, 'utf8')) as { sdk: { range: string } };
      manifest.sdk.range = range;
      await writeFile(path, JSON.stringify(manifest));
    };
    const future = await repack('future.dondoc.tgz', (dir) => setRange(dir, '^9.0.0'));
    const refusedRange = await dondoc(['plugin:install', future]).then(
      () => null,
      (error: { stderr: string; code: number }) => error,
    );
    expect(refusedRange?.code).toBe(1);
    expect(refusedRange?.stderr).toContain('needs plugin SDK ^9.0.0');
    const broken = await repack('broken.dondoc.tgz', async (dir) => writeFile(join(dir, 'server/plugin.mjs'), `${await readFile(join(dir, 'server/plugin.mjs'), 'utf8')}\n// altered`));
    const refusedHash = await dondoc(['plugin:install', broken]).then(
      () => null,
      (error: { stderr: string; code: number }) => error,
    );
    expect(refusedHash?.stderr).toContain('integrity check failed, server/plugin.mjs (changed)');
    // Nothing changed: still 0.1.0.
    expect(JSON.parse(await readFile(deployment.config, 'utf8')).plugins).toContainEqual({ id: ID, version: '0.1.0', previous: [] });

    // At start too: an installed module whose files changed, or whose range this server does not
    // satisfy, is refused with the reason, and the other module serves.
    const installed = join(deployment.pluginsDir, ID, '0.1.0');
    await writeFile(join(installed, 'web/remoteEntry.js'), `${await readFile(join(installed, 'web/remoteEntry.js'), 'utf8')}\n// altered`);
    await restart();
    expect(await health()).toEqual(expect.arrayContaining([{ id: ID, status: 'failed' }, { id: 'fixture', status: 'ready' }]));
    const asAdmin = await plugins('admin');
    expect(asAdmin.find((p) => p.id === ID)).toMatchObject({ name: 'Sở Xây dựng — Cấp phép xây dựng', version: '0.1.0', status: 'failed', error: expect.stringContaining('integrity check failed, web/remoteEntry.js (changed)') });
    expect(portal!.output()).toContain('integrity check failed');
    expect((await plugins('sxd')).map((p) => p.id)).not.toContain(ID);
    expect((await fetch(`${portal!.url}/plugins/fixture/mf-manifest.json`)).status).toBe(200);

    await rm(installed, { recursive: true });
    await run('tar', ['-xzf', tarballs.v1!, '-C', (await mkdir(installed, { recursive: true }), installed)], work);
    await setRange(installed, '>=0.2.0');
    await restart();
    expect((await plugins('admin')).find((p) => p.id === ID)).toMatchObject({ status: 'failed', error: expect.stringContaining('needs plugin SDK >=0.2.0') });
    expect(await health()).toContainEqual({ id: 'fixture', status: 'ready' });
    expect(existsSync(join(shellDist, 'index.html'))).toBe(true);
    expect(await hashes(shellDist)).toEqual(shellBefore);
  }, 120_000);
});

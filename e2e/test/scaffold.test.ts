/**
 * A developer's first hour with a new department module: `pnpm dondoc plugin:new` writes it on
 * the kit, `pnpm install` links it, its own tests pass as generated (`checkPluginContract`
 * among them), it builds, the server loads it from `dondoc.config.json` and Chromium opens
 * its page. Outside the module's folder only `dondoc.config.json` and the lockfile change.
 * The test puts the repository back as it found it (folder removed, both files restored).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBrowserTestPrerequisites, startPortal as startKitPortal } from '@dondoc/plugin-sdk/browser-testing';
import { openBrowser, repoRoot, seriousAccessibilityViolations, signIn, type Browser, type RunningPortal } from '../src/harness.ts';

const run = promisify(execFile);
const ID = 'kiem-thu-kit';
const moduleDir = join(repoRoot, 'plugins', ID);
const configPath = join(repoRoot, 'dondoc.config.json');
const lockPath = join(repoRoot, 'pnpm-lock.yaml');

/** The environment a developer's shell has: none of this test runner's own variables (vite builds differently under VITEST). */
const developerEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST')),
  INIT_CWD: repoRoot,
  NO_COLOR: '1',
  FORCE_COLOR: '0',
};

function pnpm(args: string[], timeout = 300_000) {
  return run('pnpm', args, { cwd: repoRoot, timeout, maxBuffer: 32 * 1024 * 1024, env: developerEnv });
}

/** Paths git sees as changed or new (untracked folders listed whole). */
async function changedPaths(): Promise<Set<string>> {
  const { stdout } = await run('git', ['status', '--porcelain', '--untracked-files=normal'], { cwd: repoRoot });
  return new Set(stdout.split('\n').filter(Boolean).map((line) => line.slice(3)));
}

describe('a module scaffolded with pnpm dondoc plugin:new', () => {
  let savedConfig: string;
  let savedLock: string;
  let before: Set<string>;
  let cliOutput: string;
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    requireBrowserTestPrerequisites();
    // A run that was killed may have left its module behind.
    await rm(moduleDir, { recursive: true, force: true });
    savedConfig = await readFile(configPath, 'utf8');
    savedLock = await readFile(lockPath, 'utf8');
    before = await changedPaths();
    ({ stdout: cliOutput } = await pnpm(['dondoc', 'plugin:new', ID, '--unit', 'SNV', '--name', 'Sở Nội vụ — Kiểm thử bộ công cụ']));
    // The developer's `pnpm install` regenerates the lockfile (under CI pnpm would refuse to by default).
    await pnpm(['install', '--offline', '--no-frozen-lockfile']);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await rm(moduleDir, { recursive: true, force: true });
    if (savedConfig !== undefined) await writeFile(configPath, savedConfig);
    if (savedLock !== undefined) await writeFile(lockPath, savedLock);
    if (savedLock !== undefined) await pnpm(['install', '--offline']);
  }, 300_000);

  it('says what it wrote and what to run next, in Vietnamese', () => {
    expect(cliOutput).toContain(`Đã tạo mô-đun ${ID}`);
    expect(cliOutput).toContain('pnpm install');
    expect(existsSync(join(moduleDir, 'src/server/plugin.ts'))).toBe(true);
  });

  it('changes nothing outside its folder but dondoc.config.json and the lockfile', async () => {
    const added = [...(await changedPaths())].filter((path) => !before.has(path));
    for (const path of added) expect([`plugins/${ID}/`, 'dondoc.config.json', 'pnpm-lock.yaml']).toContain(path);
    expect(added).toContain(`plugins/${ID}/`);
    const config = JSON.parse(await readFile(configPath, 'utf8')) as { plugins: Array<{ id: string }> };
    expect(config.plugins.map((plugin) => plugin.id)).toContain(ID);
  });

  it('passes its own tests as generated, the module contract among them', async () => {
    const { stdout } = await pnpm(['--filter', `@dondoc/plugin-${ID}`, 'test'], 600_000);
    expect(stdout).toMatch(/Tests\s+\d+ passed/);
    expect(stdout).not.toMatch(/failed/);
  }, 600_000);

  it('builds, is loaded by the server from dondoc.config.json, and its page opens in Chromium', async () => {
    await pnpm(['--filter', `@dondoc/plugin-${ID}`, 'build']);
    const config = JSON.parse(await readFile(configPath, 'utf8')) as { plugins: Array<{ id: string; server: string; web?: string }> };
    const absolute = (path: string) => (isAbsolute(path) ? path : join(repoRoot, path));
    portal = await startKitPortal({
      plugins: config.plugins.map((plugin) => ({ ...plugin, server: absolute(plugin.server), web: plugin.web ? absolute(plugin.web) : undefined })),
    });
    const health = (await (await fetch(`${portal.url}/healthz`)).json()) as { plugins: Array<{ id: string; status: string }> };
    expect(health.plugins).toContainEqual({ id: ID, status: 'ready' });

    browser = await openBrowser();
    const page = await browser.newPage();
    await signIn(page, portal.url, 'badinh');
    await page.goto(`${portal.url}/m/${ID}/`);
    await page.getByRole('heading', { name: 'Kết quả thực hiện', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Thêm kết quả' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nội dung').fill('Rà soát thủ tục hành chính đợt 2');
    await dialog.getByLabel('Số lượng').fill('14');
    await dialog.getByLabel('Ngày hoàn thành').fill('30/11/2026');
    await dialog.getByLabel('Ngày hoàn thành').press('Enter');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('cell', { name: 'Rà soát thủ tục hành chính đợt 2' }).waitFor();
    expect(await page.getByTestId('entries-total').textContent()).toContain('14');
    await page.screenshot({ path: join(repoRoot, 'node_modules/.cache/scaffolded-module.png'), fullPage: true });
    const violations = await seriousAccessibilityViolations(page);
    expect(violations, JSON.stringify(violations)).toEqual([]);
    await page.close();
  }, 300_000);
});

/**
 * The real portal for the browser test: the server process (apps/server/src/serve.ts, run by
 * tsx like e2e/src/harness.ts does) on a loopback port and a fresh embedded PGlite with the
 * demo seeded, a config listing only this module (its server entry and its production web
 * build), the shell's production build; and Debian's Chromium through playwright-core.
 *
 * Plugins may not import apps or e2e (tools/check-deps.mjs): the few lines needed are copied
 * here, and the server is started as a process, not imported.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const moduleDir = fileURLToPath(new URL('../', import.meta.url));
export const repoRoot = join(moduleDir, '../../');
const serverDir = join(repoRoot, 'apps/server');
export const shellIndex = join(repoRoot, 'apps/shell/dist/index.html');
export const moduleManifest = join(moduleDir, 'dist/mf-manifest.json');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningPortal {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** What the browser test needs built; a message for each piece that is missing. */
export function missingBuilds(): string[] {
  const missing: string[] = [];
  if (!existsSync(shellIndex)) missing.push(`${shellIndex} (run "pnpm --filter @dondoc/shell build")`);
  if (!existsSync(moduleManifest)) missing.push(`${moduleManifest} (run "pnpm --filter @dondoc/plugin-tai-chinh build")`);
  if (!existsSync(chromiumPath)) missing.push(`${chromiumPath} (apt-get install -y chromium)`);
  return missing;
}

export async function startPortal(): Promise<RunningPortal> {
  const work = await mkdtemp(join(tmpdir(), 'dondoc-tai-chinh-'));
  const config = join(work, 'dondoc.config.json');
  await writeFile(
    config,
    JSON.stringify({ plugins: [{ id: 'tai-chinh', server: join(moduleDir, 'src/server/plugin.ts'), web: join(moduleDir, 'dist') }] }),
  );
  const port = await freePort();
  const child: ChildProcess = spawn(join(moduleDir, 'node_modules/.bin/tsx'), ['src/serve.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(work, 'data'),
      DONDOC_CONFIG: config,
      DONDOC_DEMO: '1',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  let up = false;
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) {
        up = true;
        break;
      }
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  if (!up) {
    child.kill('SIGKILL');
    await rm(work, { recursive: true, force: true });
    throw new Error(`the server did not start:\n${output}`);
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      await rm(work, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  newPage(): Promise<Page & { errors: string[] }>;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile (passed to launchPersistentContext, not as a flag). */
export async function openBrowser(options: { downloads?: string } = {}): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'dondoc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    locale: 'vi-VN',
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    ...(options.downloads ? { downloadsPath: options.downloads } : {}),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    newPage: async () => {
      const page = (await context.newPage()) as Page & { errors: string[] };
      page.errors = [];
      page.on('pageerror', (error) => page.errors.push(error.message));
      return page;
    },
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export async function signIn(page: Page, url: string, username: string, password = 'dondoc-demo'): Promise<void> {
  await page.goto(`${url}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
}

/** axe-core violations of impact serious or critical inside the module's page (the shell's own are not this module's). */
export async function seriousViolations(page: Page, selector = '.dondoc-page'): Promise<Array<{ id: string; impact: string; nodes: number; help: string; targets: string[] }>> {
  const axe = await import('axe-core');
  await page.addScriptTag({ content: axe.default.source });
  const result = await page.evaluate(async (include) => {
    type Violation = { id: string; impact: string; nodes: Array<{ target: unknown[]; failureSummary?: string }>; help: string };
    const run = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Violation[] }> } }).axe.run;
    const { violations } = await run({ include: [include] }, { resultTypes: ['violations'] });
    return violations.map((v) => ({ ...v, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) }));
  }, selector);
  return result
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, targets: v.nodes }));
}

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const serverDir = join(repoRoot, 'apps/server');
const fixtureDir = join(repoRoot, 'test-fixtures/plugin-fixture');

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

/**
 * The real server process on a loopback port, on a fresh embedded PGlite with the demo seeded,
 * serving the production builds of the shell and of the test modules.
 */
export async function startPortal(options: { databaseUrl?: string } = {}): Promise<RunningPortal> {
  for (const built of [join(repoRoot, 'apps/shell/dist/index.html'), join(fixtureDir, 'dist/mf-manifest.json')]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run "pnpm build" first`);
  }
  const work = await mkdtemp(join(tmpdir(), 'dondoc-e2e-'));
  const config = join(work, 'dondoc.config.json');
  await writeFile(
    config,
    JSON.stringify({
      plugins: [
        { id: 'fixture', server: join(fixtureDir, 'src/server/plugin.ts'), web: join(fixtureDir, 'dist') },
        { id: 'missing-web', server: join(fixtureDir, 'src/server/plugin-missing-web.ts'), web: join(work, 'no-such-build') },
      ],
    }),
  );
  const port = await freePort();
  const child: ChildProcess = spawn(join(serverDir, 'node_modules/.bin/tsx'), ['src/serve.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(work, 'data'),
      DONDOC_CONFIG: config,
      DONDOC_DEMO: '1',
      DATABASE_URL: options.databaseUrl ?? '',
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

/** Debian's Chromium, headless, with a fresh profile. */
export async function openBrowser(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'dondoc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    locale: 'vi-VN',
    viewport: { width: 1280, height: 800 },
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

/** axe-core violations of impact serious or critical on the current page. */
export async function seriousAccessibilityViolations(page: Page): Promise<Array<{ id: string; impact: string; nodes: number; help: string }>> {
  const axe = await import('axe-core');
  await page.addScriptTag({ content: axe.default.source });
  const result = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[]; help: string }> }> } }).axe.run;
    return run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
}

/**
 * Browser-test kit: the real portal and a real browser, for e2e tests and for a module's own
 * browser test. The server is started as a process (apps/server's `src/serve.ts` under tsx),
 * never imported, on a free loopback port with a fresh database and the demo seeded; it serves
 * the production builds of the shell and of the modules named in `plugins`. The browser is
 * Debian's Chromium through playwright-core.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { shellFederationName } from './vite.ts';
import { findWorkspaceRoot } from './workspace.ts';

export const workspaceRoot = findWorkspaceRoot(fileURLToPath(new URL('.', import.meta.url)));
export const shellIndex = join(workspaceRoot, 'apps/shell/dist/index.html');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A port free on the loopback interface now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

export interface PortalPlugin {
  id: string;
  /** Absolute path of the module's server entry. */
  server: string;
  /** Absolute path of its web build folder, or the URL of its `mf-manifest.json`. */
  web?: string;
}

export interface RunningPortal {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * What a browser test needs that is not there: one message per missing piece, each naming the
 * command that provides it (`pnpm build` at the workspace root for a production build,
 * `apt-get install -y chromium` for the browser).
 */
export function missingForBrowserTests(extraBuilds: string[] = []): string[] {
  const missing: string[] = [];
  for (const file of [shellIndex, ...extraBuilds]) {
    if (!existsSync(file)) missing.push(`${file} is not built: run "pnpm build" in ${workspaceRoot}`);
  }
  if (!existsSync(chromiumPath)) missing.push(`no Chromium at ${chromiumPath}: run "apt-get install -y chromium" (or set CHROMIUM_PATH)`);
  return missing;
}

/**
 * Throws, naming the command to run, when something a browser test needs is missing (see
 * {@link missingForBrowserTests}). Call it first in the test's `beforeAll`: a browser test
 * fails on a machine without its builds or its browser, it never skips.
 */
export function requireBrowserTestPrerequisites(extraBuilds: string[] = []): void {
  const missing = missingForBrowserTests(extraBuilds);
  if (missing.length > 0) throw new Error(`This browser test cannot run: ${missing.join('; ')}`);
}

export interface PortalOptions {
  plugins: PortalPlugin[];
  databaseUrl?: string | undefined;
  /**
   * A deployment of its own instead of `plugins`: its config file (`DONDOC_CONFIG`, e.g. written by
   * `pnpm dondoc plugin:install`), its plugin folder (`DONDOC_PLUGINS_DIR`) and its PGlite data
   * folder, all kept when the portal stops, so that a second start is a restart of the same portal.
   */
  deployment?: { config: string; pluginsDir: string; dataDir: string; port?: number };
}

/** The real server process with these modules installed, on PGlite or on the given Postgres. */
export async function startPortal(options: PortalOptions): Promise<RunningPortal> {
  const missing = missingForBrowserTests();
  if (missing.length > 0) throw new Error(`cannot start the portal: ${missing.join('; ')}`);
  const work = await mkdtemp(join(tmpdir(), 'dondoc-portal-'));
  const config = options.deployment?.config ?? join(work, 'dondoc.config.json');
  if (!options.deployment) await writeFile(config, JSON.stringify({ plugins: options.plugins }));
  const port = options.deployment?.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/serve.ts'], {
    cwd: join(workspaceRoot, 'apps/server'),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: options.deployment?.dataDir ?? join(work, 'data'),
      DONDOC_CONFIG: config,
      DONDOC_PLUGINS_DIR: options.deployment?.pluginsDir ?? join(work, 'installed-plugins'),
      DONDOC_DEMO: '1',
      DATABASE_URL: options.databaseUrl ?? '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
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

/** Debian's Chromium, headless, with a fresh profile (given to launchPersistentContext, not as a flag). */
export async function openBrowser(options: { downloads?: string; viewport?: { width: number; height: number } } = {}): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'dondoc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    locale: 'vi-VN',
    viewport: options.viewport ?? { width: 1366, height: 900 },
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

/**
 * The shared packages of dondoc (`@dondoc/ui` and its lazy entries) the page has downloaded so far,
 * as the shell's federation runtime knows them: a module's browser test checks with it that its
 * first page did not download what only its other pages show (`@dondoc/ui/panels`, …).
 */
export async function loadedDondocShares(page: Page): Promise<string[]> {
  return page.evaluate((host) => {
    type Share = { loaded?: boolean };
    const scopes = (globalThis as { __FEDERATION__?: { __SHARE__?: Record<string, Record<string, Record<string, Record<string, Share>>>> } }).__FEDERATION__?.__SHARE__ ?? {};
    const loaded = new Set<string>();
    for (const scope of Object.values(scopes[host] ?? {}))
      for (const [name, versions] of Object.entries(scope)) if (name.startsWith('@dondoc/') && Object.values(versions).some((share) => share.loaded === true)) loaded.add(name);
    return [...loaded].sort();
  }, shellFederationName);
}

/**
 * Chooses the option showing `name` in an antd Select (`field` is its combobox), typing `typed`
 * first in a Select with search, and returns once the field shows it. On a busy machine a click
 * can land while a dialog is still zooming in: the option is then covered by a label, or the
 * dropdown closes with nothing chosen and the old value silently stays. So each try is short,
 * the dropdown is reopened when it closed, and the choice is checked (four tries at most).
 */
export async function chooseOption(page: Page, field: Locator, name: string, typed?: string): Promise<void> {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first();
  let lastError: unknown;
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    try {
      if (!(await option.isVisible())) {
        await field.click({ timeout: 5_000 });
        if (typed !== undefined) await field.fill(typed, { timeout: 5_000 });
      }
      await option.click({ timeout: 5_000 });
      await select.filter({ hasText: name }).waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`The field did not take the option "${name}" after four tries`, { cause: lastError });
}

export interface Violation {
  id: string;
  impact: string;
  nodes: number;
  help: string;
  targets: string[];
}

/** axe-core violations of impact serious or critical, on the page or inside `selector`. */
export async function seriousAccessibilityViolations(page: Page, selector?: string): Promise<Violation[]> {
  const axe = await import('axe-core');
  // Evaluated through the browser's devtools protocol, not as a <script> tag: the portal's
  // Content-Security-Policy refuses inline scripts (as it should).
  await page.evaluate(axe.default.source);
  const run = () => page.evaluate(async (include) => {
    // Colours read mid-transition are neither the start nor the end state (CI once read a
    // primary button's text at #dfe6ed while it faded to white): every running animation
    // and transition is taken to its end first; endless ones (spinners) cannot finish.
    for (const animation of document.getAnimations()) {
      try {
        animation.finish();
      } catch {
        /* infinite: left running */
      }
    }
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    type Found = { id: string; impact: string; nodes: Array<{ target: unknown[]; failureSummary?: string }>; help: string };
    const axeRun = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Found[] }> } }).axe.run;
    const { violations } = await axeRun(include ? { include: [include] } : document, { resultTypes: ['violations'] });
    return violations.map((v) => ({ ...v, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) }));
  }, selector ?? null);
  let result = await run();
  // A contrast failure that is real is still there a moment later; one that came from a
  // re-render caught half-way (a button enabled as its data arrives) is not.
  if (result.some((v) => v.id === 'color-contrast')) {
    await page.waitForTimeout(500);
    result = await run();
  }
  return result
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, targets: v.nodes }));
}

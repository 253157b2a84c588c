import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Marks, in the page, the moment the department module is usable: under `/m/<id>/`, the
 * content area (`#main`) holds the module's heading and a control, and no spinner or loading
 * status is left in it (the module's code is loaded, rendered, and its first data is in).
 */
const readyScript = `(() => {
  const check = () => {
    if (window.__benchReady !== undefined || !location.pathname.startsWith('/m/')) return;
    const main = document.getElementById('main');
    if (!main) return;
    const h1 = main.querySelector('h1');
    const control = main.querySelector('input, button, a[href], select, textarea');
    const busy = main.querySelector('.ant-spin-spinning, .ant-skeleton, [role="status"] .ant-spin');
    const failed = main.querySelector('.dondoc-error-panel, .ant-result-error');
    if (failed) window.__benchFailed = failed.textContent;
    else if (h1 && control && !busy) window.__benchReady = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('DOMContentLoaded', check);
})();`;

/**
 * Marks the moment `/tong-quan` is usable: the unit matrix shows its rows (the core's figures
 * are in; the watch lists, charts and widgets may still be loading below it).
 */
const overviewReadyScript = `(() => {
  const check = () => {
    if (window.__benchReady !== undefined || location.pathname !== '/tong-quan') return;
    const main = document.getElementById('main');
    if (!main) return;
    const failed = main.querySelector('.dondoc-error-panel, .ant-result-error');
    if (failed && !main.querySelector('[data-testid^="matrix-"]')) window.__benchFailed = failed.textContent;
    else if (main.querySelector('[data-testid^="matrix-"] tr.ant-table-row')) window.__benchReady = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('DOMContentLoaded', check);
})();`;

/** What a cold load waits for: a department module's page, or the coordinators' overview. */
export type ReadyWhen = 'module' | 'overview';

export interface ColdLoad {
  ms: number;
  /** Paths of the JavaScript files the page fetched (before it was ready and in the settling after). */
  scripts: string[];
  /** Paths of the JavaScript files requested before the page was ready: what it needed to be interactive. */
  beforeReady: string[];
  /** Paths of the JavaScript files requested after it was ready, until the network settled (lazy chunks, prefetches). */
  afterReady: string[];
}

/** The page's own JavaScript requests (resource timing), as paths, split at `readyAt` (performance.now() ms). */
async function scriptsAround(page: Page, origin: string, readyAt: number): Promise<{ before: string[]; after: string[] }> {
  const entries = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => ({ name: entry.name, start: entry.startTime })));
  const before = new Set<string>();
  const after = new Set<string>();
  for (const entry of entries) {
    const u = new URL(entry.name);
    if (u.origin !== origin || !/\.m?js$/.test(u.pathname)) continue;
    (entry.start <= readyAt ? before : after).add(u.pathname);
  }
  for (const path of before) after.delete(path);
  return { before: [...before], after: [...after] };
}

/** A fresh Chromium profile (cold HTTP and code caches) signed in as `username` through the API; closed and removed after `work`. */
async function signedInChromium<T>(url: string, username: string, password: string, work: (page: Page) => Promise<T>): Promise<T> {
  const profile = await mkdtemp(join(tmpdir(), 'dondoc-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    locale: 'vi-VN',
    viewport: { width: 1280, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const login = await context.request.post(`${url}/api/auth/login`, { data: { username, password }, headers: { origin: url } });
    if (login.status() !== 200) throw new Error(`sign-in as ${username} answered ${login.status()}`);
    return await work(context.pages()[0] ?? (await context.newPage()));
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** One cold load: a fresh Chromium profile, signed in through the API, then navigation to `path`. */
export function coldLoad(url: string, path: string, username: string, password: string, screenshot?: string, readyWhen: ReadyWhen = 'module'): Promise<ColdLoad> {
  return signedInChromium(url, username, password, async (page) => {
    const scripts: string[] = [];
    const errors: string[] = [];
    page.on('response', (response) => {
      const u = new URL(response.url());
      if (u.origin === url && /\.m?js$/.test(u.pathname)) scripts.push(u.pathname);
    });
    page.on('pageerror', (error) => errors.push(error.message));
    // Room for every resource's timing (250 by default), which splits the scripts at the ready moment.
    await page.addInitScript('performance.setResourceTimingBufferSize(2000)');
    await page.addInitScript(readyWhen === 'module' ? readyScript : overviewReadyScript);
    await page.goto(`${url}${path}`, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => {
        const w = window as unknown as { __benchReady?: number; __benchFailed?: string };
        return w.__benchReady !== undefined || w.__benchFailed !== undefined;
      }, null, { timeout: 60_000, polling: 50 });
    } catch (error) {
      throw new Error(`the ${readyWhen === 'module' ? 'module page' : 'overview'} never became ready (${(error as Error).message}); page errors: ${errors.join(' | ')}; body: ${(await page.textContent('body'))?.slice(0, 300)}`);
    }
    const failed = await page.evaluate(() => (window as unknown as { __benchFailed?: string }).__benchFailed);
    if (failed !== undefined) throw new Error(`the ${readyWhen === 'module' ? 'module page' : 'overview'} shows an error: ${failed}`);
    const ms = await page.evaluate(() => (window as unknown as { __benchReady: number }).__benchReady);
    if (screenshot) await page.screenshot({ path: screenshot });
    // What else the page fetches once it is ready (lazy chunks, prefetches), until the network settles.
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    const around = await scriptsAround(page, url, ms);
    return { ms, scripts: [...new Set(scripts)], beforeReady: around.before, afterReady: around.after };
  });
}

/**
 * The overview reached as a coordinator reaches it every day: signed in, on the home page, a
 * click on "Toàn Thành phố" in the menu (a navigation inside the portal: its code cached, the
 * session open), until the unit matrix shows its rows. Answers the milliseconds from the click.
 */
export function overviewNavigation(url: string, username: string, password: string, screenshot?: string): Promise<number> {
  return signedInChromium(url, username, password, async (page) => {
    await page.goto(`${url}/`, { waitUntil: 'networkidle' });
    const link = page.getByRole('link', { name: 'Toàn Thành phố' });
    await link.waitFor({ timeout: 60_000 });
    const started = await page.evaluate(() => performance.now());
    await link.click();
    await page.locator('[data-testid^="matrix-"] tr.ant-table-row').first().waitFor({ timeout: 60_000 });
    const ms = (await page.evaluate(() => performance.now())) - started;
    if (screenshot) await page.screenshot({ path: screenshot });
    return ms;
  });
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

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

export interface ColdLoad {
  ms: number;
  /** Paths of the JavaScript files the page fetched. */
  scripts: string[];
}

/** One cold load: a fresh Chromium profile, signed in through the API, then navigation to `path`. */
export async function coldLoad(url: string, path: string, username: string, password: string, screenshot?: string): Promise<ColdLoad> {
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
    const page = context.pages()[0] ?? (await context.newPage());
    const scripts: string[] = [];
    const errors: string[] = [];
    page.on('response', (response) => {
      const u = new URL(response.url());
      if (u.origin === url && /\.m?js$/.test(u.pathname)) scripts.push(u.pathname);
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(readyScript);
    await page.goto(`${url}${path}`, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => {
        const w = window as unknown as { __benchReady?: number; __benchFailed?: string };
        return w.__benchReady !== undefined || w.__benchFailed !== undefined;
      }, null, { timeout: 60_000, polling: 50 });
    } catch (error) {
      throw new Error(`the module page never became ready (${(error as Error).message}); page errors: ${errors.join(' | ')}; body: ${(await page.textContent('body'))?.slice(0, 300)}`);
    }
    const failed = await page.evaluate(() => (window as unknown as { __benchFailed?: string }).__benchFailed);
    if (failed !== undefined) throw new Error(`the module page shows an error: ${failed}`);
    const ms = await page.evaluate(() => (window as unknown as { __benchReady: number }).__benchReady);
    if (screenshot) await page.screenshot({ path: screenshot });
    return { ms, scripts: [...new Set(scripts)] };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, repoRoot, signIn, startPortal, type Browser, type RunningPortal } from '../src/harness.ts';

/**
 * Issue 11, item 7 — small things of the core that each cost a person time, as a person meets
 * them in Chromium against the real server: the sign-in lockout says for how long, and warns
 * before the last tries (the throttle's real numbers: 5 free wrong passwords, then 1 s, 2 s, 4 s …);
 * the file pickers speak the page's language ("Chưa chọn tệp", the chosen file's name).
 * `SMALL_SCREENSHOTS=<dir>` saves the screenshots (default e2e/test-results).
 */
const screenshots = process.env.SMALL_SCREENSHOTS ?? join(repoRoot, 'e2e/test-results');

describe('small things in Chromium', () => {
  let portal: RunningPortal;
  let browser: Browser;
  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true });
    portal = await startPortal();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  /** Types the password, presses Enter and waits until the sign-in page's alert says `expected`. */
  async function tryPassword(page: Page, password: string, expected: string | RegExp): Promise<void> {
    await page.getByLabel('Mật khẩu').fill(password);
    await page.keyboard.press('Enter');
    const alert = page.locator('.dondoc-signin-alert');
    const said = () => alert.innerText({ timeout: 10_000 });
    if (typeof expected === 'string') await expect.poll(said, { timeout: 10_000 }).toBe(expected);
    else await expect.poll(said, { timeout: 10_000 }).toMatch(expected);
    await expect.poll(() => page.getByRole('button', { name: 'Đăng nhập' }).isEnabled(), { timeout: 10_000 }).toBe(true);
  }

  it('sign-in warns before the last tries and says how long a lock lasts', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${portal.url}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('sxd');

    await tryPassword(page, 'sai-1', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    await tryPassword(page, 'sai-2', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    await tryPassword(page, 'sai-3', 'Tên đăng nhập hoặc mật khẩu không đúng. Còn 2 lần thử trước khi bị tạm khóa 1 giây.');
    await tryPassword(page, 'sai-4', 'Tên đăng nhập hoặc mật khẩu không đúng. Còn 1 lần thử trước khi bị tạm khóa 1 giây.');
    await page.screenshot({ path: join(screenshots, 'small-signin-warning.png') });
    await tryPassword(page, 'sai-5', 'Tên đăng nhập hoặc mật khẩu không đúng. Tạm khóa đăng nhập, thử lại sau 1 giây.');

    // Each further wrong password doubles the wait; a try during it is refused, saying what is left of it.
    await page.waitForTimeout(1_200);
    await tryPassword(page, 'sai-6', 'Tên đăng nhập hoặc mật khẩu không đúng. Tạm khóa đăng nhập, thử lại sau 2 giây.');
    await page.waitForTimeout(2_200);
    await tryPassword(page, 'sai-7', 'Tên đăng nhập hoặc mật khẩu không đúng. Tạm khóa đăng nhập, thử lại sau 4 giây.');
    await tryPassword(page, 'sai-8', /^Tạm khóa đăng nhập, thử lại sau [1-4] giây\.$/);
    await page.screenshot({ path: join(screenshots, 'small-signin-locked.png') });
    expect(page.url()).toContain('/dang-nhap');
    await page.close();
  }, 60_000);

  it('the file picker says in Vietnamese what is chosen, and its button opens the browser’s dialog', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, portal.url, 'ubnd');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Giao nhiệm vụ' }).click();
    const create = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Tạo văn bản chỉ đạo' }) });
    const choose = create.locator('button', { hasText: 'Chọn tệp PDF hoặc DOCX…' });
    await choose.waitFor();
    expect(await create.getByText('Chưa chọn tệp', { exact: true }).isVisible()).toBe(true);

    // The button is the input's one way in (Tab reaches it; the input itself is out of the tab order).
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10_000 }), choose.click()]);
    await chooser.setFiles({ name: 'van-ban-chi-dao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%van ban\n') });
    await create.getByText(/^Sẽ đính kèm: van-ban-chi-dao\.pdf \(\d+ B\)$/).waitFor();
    expect(await create.getByText('Chưa chọn tệp', { exact: true }).count()).toBe(0);
    // The input stays reachable by its label.
    expect(await create.getByLabel('Chọn tệp PDF hoặc DOCX…').getAttribute('type')).toBe('file');
    await page.screenshot({ path: join(screenshots, 'small-file-picker.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

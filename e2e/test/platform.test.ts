import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, seriousAccessibilityViolations, signIn, startPortal, type Browser, type RunningPortal } from '../src/harness.ts';

/**
 * The platform in a real browser: Debian's Chromium against the real server process serving
 * the production build of the shell and of the test modules (loaded at run time).
 */
describe('platform in Chromium', () => {
  let portal: RunningPortal;
  let browser: Browser;
  beforeAll(async () => {
    portal = await startPortal();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('serves the Vietnamese sign-in page, with no serious accessibility violations', async () => {
    const page = await browser.newPage();
    await page.goto(`${portal.url}/`);
    await page.waitForURL(/\/dang-nhap/);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.getByLabel('Tên đăng nhập').isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('keeps what was typed and says why on a wrong password', async () => {
    const page = await browser.newPage();
    await page.goto(`${portal.url}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('sxd');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.keyboard.press('Enter');
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    expect(await page.getByLabel('Tên đăng nhập').inputValue()).toBe('sxd');
    expect(page.url()).toContain('/dang-nhap');
    await page.close();
  });

  it('signs in as ubnd and shows the layout with the user, the modules and no serious violations', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'ubnd');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
    expect(await page.getByText('UBND Thành phố Hà Nội').first().isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: /Tổng quan/ }).first().isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('downloads the notification panel when the bell is pointed at, not with the page; a click opens it', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'ubnd');
    const bell = page.locator('.dondoc-bell');
    await bell.waitFor();
    const panelChunks = () => page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => /\/NotificationList-[\w-]+\.js$/.test(entry.name)).length);
    expect(await panelChunks()).toBe(0);
    await bell.hover();
    await expect.poll(panelChunks, { timeout: 10_000 }).toBe(1);
    await bell.click();
    await page.getByRole('dialog').getByRole('heading', { name: 'Thông báo' }).waitFor();
    await page.close();
  });

  it('loads a department module at run time: its page renders, its mutation writes, one React on the page', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'stc.cv');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Mô-đun kiểm thử' }).click();
    await page.waitForURL(/\/m\/fixture/);
    await page.getByTestId('same-react').waitFor({ state: 'attached' });
    expect(await page.getByTestId('same-react').textContent()).toBe('true');
    await page.getByLabel('Tiêu đề').fill('Hồ sơ tự chủ 2024');
    await page.getByRole('button', { name: /Thêm mục/ }).click();
    await page.getByText('Hồ sơ tự chủ 2024').first().waitFor();
    // What the module wrote is really on the server.
    const list = await page.evaluate(async () => (await fetch('/api/trpc/fixture/list')).json());
    expect(JSON.stringify(list)).toContain('Hồ sơ tự chủ 2024');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('shows the server’s refusal when a user lacks the permission', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'ubnd');
    await page.goto(`${portal.url}/m/fixture/`);
    await page.getByLabel('Tiêu đề').fill('Không được phép');
    await page.getByRole('button', { name: /Thêm mục/ }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'không có quyền' });
    await alert.waitFor();
    await page.close();
  });

  it('shows an error panel for a module whose remote entry answers 404, and the rest keeps working', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'stc');
    await page.goto(`${portal.url}/m/missing-web/`);
    const panel = page.getByRole('alert').filter({ hasText: 'Không tải được mô-đun' });
    await panel.waitFor();
    expect(await panel.textContent()).toContain('404');
    // The navigation still works, and so does the other module.
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Mô-đun kiểm thử' }).click();
    await page.getByTestId('same-react').waitFor({ state: 'attached' });
    expect(await page.getByTestId('same-react').textContent()).toBe('true');
    await page.close();
  });

  it('switches to English and back, and signs out', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'vp');
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByText('Tiếng Việt', { exact: true }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/dang-nhap/);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    await page.close();
  });
});

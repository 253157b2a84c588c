import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openBrowser, seriousAccessibilityViolations, signIn, startPortal, type Browser, type RunningPortal } from '../src/harness.ts';

/**
 * Issue 11, items 3 and 6, as people do them in Chromium:
 * - "Names, not logins": Quận Ba Đình's lead updates a task and submits the quarter's report;
 *   the task's history and audit trail and the report's submissions name "Nguyễn Văn An,
 *   Trưởng phòng Nội vụ, Quận Ba Đình", never `badinh`.
 * - "The coordinators are told": the coordinator's bell has the new report (with who sent
 *   it), the Điều phối menu's count goes up by the report, and down once it is accepted.
 * `NAMES_SCREENSHOTS=<dir>` saves 1440-px screenshots of the pages.
 */
const BADINH = 'Nguyễn Văn An, Trưởng phòng Nội vụ, Quận Ba Đình';
const UBND = 'Lê Minh Quang, Phó Chủ tịch UBND Thành phố, UBND Thành phố Hà Nội';
const note = 'Đã số hóa 1.250 hồ sơ thủ tục hành chính của quận';

const screenshots = process.env.NAMES_SCREENSHOTS;
async function shoot(page: Page, name: string, locator?: Locator) {
  if (!screenshots) return;
  mkdirSync(screenshots, { recursive: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.waitForTimeout(300);
  const path = join(screenshots, `${name}.png`);
  if (locator) await locator.screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
}

const section = (page: Page, heading: string | RegExp) => page.locator('section').filter({ has: page.getByRole('heading', { name: heading }) });
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });
/** The count beside "Điều phối" in the menu (0 when no badge is shown). */
async function waitingCount(page: Page): Promise<number> {
  const link = mainNav(page).getByRole('link', { name: /^Điều phối/ });
  await link.waitFor();
  const label = (await link.textContent()) ?? '';
  const match = /\((\d+) việc đang chờ xử lý\)/.exec(label);
  return match ? Number(match[1]) : 0;
}

describe('names, not logins; the coordinators are told (Chromium)', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let taskPath: string;
  let waitingBefore: number;

  beforeAll(async () => {
    portal = await startPortal();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('the coordinator’s Điều phối menu shows the count of what waits', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'ubnd');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    waitingBefore = await waitingCount(page);
    await mainNav(page).getByRole('link', { name: /^Điều phối/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Điều phối' }).waitFor();
    await page.waitForLoadState('networkidle');
    // What the page lists as waiting is what the menu counts.
    const reports = Number(/\((\d+)\)/.exec((await page.getByRole('heading', { name: /^Báo cáo chờ tiếp nhận/ }).textContent()) ?? '')?.[1] ?? NaN);
    const extensions = Number(/\((\d+)\)/.exec((await page.getByRole('heading', { name: /^Đề nghị gia hạn chờ duyệt/ }).textContent()) ?? '')?.[1] ?? NaN);
    const escalations = await section(page, 'Kiến nghị vượt thẩm quyền').locator('article.dondoc-escalation-card').count();
    expect(waitingBefore).toBe(reports + extensions + escalations);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('the coordinator’s report page names the unit in its picker, never its code', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'ubnd');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await mainNav(page).getByRole('link', { name: 'Báo cáo định kỳ' }).click();
    // The coordinator's own unit (the UBND, which leads no task) is named in the picker, as is a chosen one.
    const picker = page.locator('.ant-form-item').filter({ has: page.getByText('Đơn vị', { exact: true }) }).locator('.ant-select');
    await expect.poll(() => picker.locator('.ant-select-content, .ant-select-selection-item').first().textContent()).toBe('UBND Thành phố Hà Nội');
    await page.goto(`${portal.url}/bao-cao?don-vi=Q001`);
    await expect.poll(() => picker.locator('.ant-select-content, .ant-select-selection-item').first().textContent()).toBe('Quận Ba Đình');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('the home page names each module’s owning unit, never its code', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'stc');
    // The test module belongs to Sở Tài chính (unit STC).
    const card = page.locator('.dondoc-module-card').filter({ has: page.getByRole('link', { name: 'Mô-đun kiểm thử' }) });
    await card.waitFor({ timeout: 15_000 });
    await expect.poll(() => card.locator('.dondoc-module-card-meta').textContent(), { timeout: 15_000 }).toBe('Đơn vị chủ trì: Sở Tài chính · Phiên bản 0.1.0');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('badinh updates a task: its history and audit trail name the person, never the login', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'badinh');
    // 1.8a is unfinished in the demo data (1.6 is completed: its progress stays 100 while the date is kept).
    await page.goto(`${portal.url}/nhiem-vu?q=${encodeURIComponent('2458-1.8a-Q001')}`);
    await page.getByRole('link', { name: '2458-1.8a-Q001' }).click();
    await page.getByRole('heading', { level: 1, name: /Ứng dụng công nghệ thông tin/ }).waitFor();
    taskPath = new URL(page.url()).pathname;
    await page.getByLabel('Tiến độ (%)').fill('55');
    await page.getByLabel('Ghi chú').fill(note);
    await page.getByRole('button', { name: 'Lưu cập nhật' }).click();
    const history = section(page, 'Lịch sử cập nhật');
    const row = history.getByRole('row').filter({ hasText: note });
    await row.waitFor();
    expect(await row.textContent()).toContain(BADINH);
    const audit = section(page, 'Nhật ký thao tác');
    await audit.getByText(BADINH).first().waitFor();
    for (const part of [history, audit]) expect(await part.textContent()).not.toMatch(/\bbadinh\b/);
    await shoot(page, 'task-history', history);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('badinh submits the quarter’s report; its submission names the person', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'badinh');
    await mainNav(page).getByRole('link', { name: 'Báo cáo định kỳ' }).click();
    await page.getByRole('heading', { name: /^Báo cáo .+ — Quận Ba Đình$/ }).waitFor();
    const items = page.locator('li.dondoc-report-item');
    await items.first().waitFor();
    const count = await items.count();
    for (let i = 0; i < count; i++) await items.nth(i).getByLabel('Tiến độ (%)').fill(String(40 + i));
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await page.getByText('Báo cáo đã đủ nội dung để gửi.').waitFor();
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Báo cáo đã gửi, đang chờ UBND Thành phố tiếp nhận.').waitFor();
    const versions = section(page, /^Các lần gửi/);
    await versions.getByText(BADINH).waitFor();
    expect(await versions.textContent()).not.toMatch(/\bbadinh\b/);
    await shoot(page, 'report-submitted', versions);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('the coordinator’s bell has the report with who sent it, the Điều phối count went up; accepting brings it down', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'ubnd');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(() => waitingCount(page), { timeout: 10_000 }).toBe(waitingBefore + 1);
    await shoot(page, 'nav-count', page.locator('.dondoc-sider, aside').first());

    await page.getByRole('button', { name: /^Thông báo: \d+ chưa đọc$/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Thông báo' });
    const notice = drawer.locator('.dondoc-notification').filter({ hasText: /Quận Ba Đình đã gửi báo cáo/ });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(BADINH);
    expect(await notice.textContent()).not.toMatch(/\bbadinh\b/);
    await shoot(page, 'bell');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // The notice leads to the report, where the coordinator accepts it.
    await notice.getByRole('link', { name: /Quận Ba Đình đã gửi báo cáo/ }).click();
    await page.getByRole('heading', { name: /^Báo cáo .+ — Quận Ba Đình$/ }).waitFor();
    await page.getByRole('button', { name: /^Tiếp nhận báo cáo .+ của Quận Ba Đình$/ }).click();
    const versions = section(page, /^Các lần gửi/);
    await versions.getByText(UBND).waitFor();
    expect(await versions.textContent()).toContain(BADINH);
    await shoot(page, 'report-accepted');
    await expect.poll(() => waitingCount(page), { timeout: 10_000 }).toBe(waitingBefore);

    // The task page the coordinator opens names the people too.
    await page.goto(`${portal.url}${taskPath}`);
    const history = section(page, 'Lịch sử cập nhật');
    await history.getByText(note).waitFor();
    expect(await history.textContent()).toContain(BADINH);
    expect(await history.textContent()).not.toMatch(/\bbadinh\b|du-lieu-mau/);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

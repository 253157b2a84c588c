/**
 * The Done-when journey in a real browser: the module's production build loaded at run time by
 * the shell's production build, served by the real server process with the demo data.
 *
 * `badinh` writes and submits Quận Ba Đình's plan for 2027; `stttt` returns it with a reason;
 * `badinh` reads the reason, revises and resubmits; `stttt` approves it and follows a key item as
 * a core task. The target 2458-CT4 and its forecast change as a hand count says: 51 units owe a
 * plan (21 departments and 30 districts of the demo directory), so one approved plan is
 * 1 ÷ 51 = 1,96%, and the trend through the baseline (0 on 01/07/2026), the seed's reading
 * (0 on 01/09/2026) and today's value is projected to the target date by least squares.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, daysBetween, hanoiDateOf } from '@dondoc/plugin-sdk';
import { openBrowser, requireBrowserTestPrerequisites, seriousAccessibilityViolations, signIn, startPortal, type Browser, type RunningPortal } from '@dondoc/plugin-sdk/browser-testing';

const moduleDir = fileURLToPath(new URL('../', import.meta.url));
const screenshots = join(moduleDir, 'test-results');
const OWING = 21 + 30;
const REASON = 'Chưa có chỉ tiêu số hóa hồ sơ TTHC theo từng quý.';

/** dd/mm/yyyy of an ISO date. */
const dmy = (iso: string) => iso.split('-').reverse().join('/');
/** A percentage as the pages write it: two decimals at most, decimal comma. */
const percentVi = (value: number) => `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value)}%`;

/** The least-squares line through the points (x in days from the baseline), at `x`. */
function projectAt(points: Array<[number, number]>, x: number): number {
  const n = points.length;
  const mx = points.reduce((s, [px]) => s + px, 0) / n;
  const my = points.reduce((s, [, py]) => s + py, 0) / n;
  const slope = points.reduce((s, [px, py]) => s + (px - mx) * (py - my), 0) / points.reduce((s, [px]) => s + (px - mx) ** 2, 0);
  return my + slope * (x - mx);
}

async function stateOf(page: Page): Promise<string> {
  return page.getByTestId('plan-state').innerText();
}

describe('tttt in the browser (shell + module builds, real server)', () => {
  let portal: RunningPortal;
  let browser: Browser;
  beforeAll(async () => {
    // Without the builds or Chromium this fails naming the command to run; it never skips.
    requireBrowserTestPrerequisites([join(moduleDir, 'dist/mf-manifest.json')]);
    await mkdir(screenshots, { recursive: true });
    portal = await startPortal({ plugins: [{ id: 'tttt', server: join(moduleDir, 'src/server/plugin.ts'), web: join(moduleDir, 'dist') }] });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('badinh submits, stttt returns with a reason, badinh revises, stttt approves; the target and forecast follow', { timeout: 300_000 }, async () => {
    const page = await browser.newPage();
    const today = hanoiDateOf(new Date());

    // --- Quận Ba Đình writes its plan and sends it.
    await signIn(page, portal.url, 'badinh');
    await page.goto(`${portal.url}/m/tttt/`);
    await expect.poll(() => page.getByText('Đơn vị chưa có kế hoạch năm 2027.').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByRole('heading', { level: 2, name: 'Kế hoạch chuyển đổi số năm 2027 — Quận Ba Đình' }).isVisible()).toBe(true);
    await page.getByLabel('Tên kế hoạch').fill('Kế hoạch chuyển đổi số quận Ba Đình năm 2027');
    await page.getByLabel('Số văn bản').fill('215/KH-UBND');
    const contents = page.locator('#tttt-plan_contentCodes input[type="checkbox"]');
    expect(await contents.count()).toBe(10);
    for (let i = 0; i < 10; i++) await contents.nth(i).check();
    await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    await page.getByLabel('Nhiệm vụ 1', { exact: true }).fill('Số hóa 100% hồ sơ TTHC tiếp nhận tại Bộ phận một cửa');
    await page.getByLabel('Đơn vị, người thực hiện').fill('Văn phòng HĐND-UBND quận');
    await page.getByLabel('Thời hạn').fill('30/06/2027');
    await page.keyboard.press('Tab');
    await page.getByRole('button', { name: 'Gửi Sở Thông tin và Truyền thông' }).click();
    await expect.poll(() => stateOf(page), { timeout: 15_000 }).toBe('Chờ xem xét');
    expect(await page.getByTestId('plan-check').innerText()).toBe('Đối chiếu Kế hoạch 64: có 10/10 nội dung');
    await page.screenshot({ path: join(screenshots, '1-submitted.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);

    // --- Sở TT&TT: no plan approved yet; the seed's reading only, too few for a forecast.
    await browser.context.clearCookies();
    await signIn(page, portal.url, 'stttt');
    await page.goto(`${portal.url}/m/tttt/`);
    await expect.poll(() => page.getByTestId('plan-share').innerText(), { timeout: 30_000 }).toBe(`Đã phê duyệt 0/${OWING} đơn vị (0%)`);
    expect(await page.getByTestId('recorded-share').innerText()).toBe(`Đã ghi nhận vào chỉ tiêu: 0% (0/${OWING}) ngày 01/09/2026`);
    expect(await page.getByTestId('forecast-class').innerText()).toBe('Chưa đủ số liệu');
    const row = page.getByRole('row', { name: /Quận Ba Đình/ });
    expect(await row.innerText()).toContain('Chờ xem xét');
    await page.screenshot({ path: join(screenshots, '2-plans-before.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);

    // It returns the plan with a reason.
    await row.getByRole('link', { name: 'Quận Ba Đình' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe('Kế hoạch chuyển đổi số năm 2027 — Quận Ba Đình');
    await page.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Lý do trả lại').fill(REASON);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => stateOf(page), { timeout: 15_000 }).toBe('Bị trả lại');

    // --- Quận Ba Đình reads the reason, revises and sends again.
    await browser.context.clearCookies();
    await signIn(page, portal.url, 'badinh');
    await page.goto(`${portal.url}/m/tttt/`);
    await expect.poll(() => page.getByTestId('return-reasons').innerText(), { timeout: 30_000 }).toBe(REASON);
    // It attaches the signed plan, then edits on the same form: the upload moved the plan's version, the save follows it.
    await page.locator('#tttt-plan-document').setInputFiles({ name: 'ke-hoach-ba-dinh-2027.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nKe hoach chuyen doi so quan Ba Dinh 2027\n') });
    await expect.poll(() => page.getByText('ke-hoach-ba-dinh-2027.pdf').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByLabel('Tóm tắt').fill('Bổ sung chỉ tiêu số hóa hồ sơ theo từng quý: quý I 40%, quý II 100%.');
    await page.getByRole('button', { name: 'Gửi Sở Thông tin và Truyền thông' }).click();
    await expect.poll(() => stateOf(page), { timeout: 15_000 }).toBe('Chờ xem xét');
    expect(await page.getByTestId('plan-submitted').innerText()).toMatch(new RegExp(`^Gửi lần 2: ${dmy(today)} — `));
    await page.screenshot({ path: join(screenshots, '3-resubmitted.png'), fullPage: true });

    // --- Sở TT&TT approves it and follows its key item as a task of Quận Ba Đình.
    await browser.context.clearCookies();
    await signIn(page, portal.url, 'stttt');
    await page.goto(`${portal.url}/m/tttt/ke-hoach/Q001?nam=2027`);
    await expect.poll(() => stateOf(page), { timeout: 30_000 }).toBe('Chờ xem xét');
    expect(await page.getByText('Văn bản kế hoạch: ke-hoach-ba-dinh-2027.pdf').isVisible()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải văn bản' }).click()]);
    expect(download.suggestedFilename()).toBe('ke-hoach-ba-dinh-2027.pdf');
    await page.getByRole('button', { name: 'Phê duyệt' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Phê duyệt' }).click();
    await expect.poll(() => stateOf(page), { timeout: 15_000 }).toBe('Đã phê duyệt');
    await page.getByRole('button', { name: 'Theo dõi thành nhiệm vụ' }).click();
    await expect.poll(() => page.getByRole('link', { name: /^2458-4\.1-Q001-M\d+$/ }).isVisible(), { timeout: 15_000 }).toBe(true);

    // The share, the target's reading and its forecast, by hand: 1 of 51, and the trend's projection.
    await page.goto(`${portal.url}/m/tttt/`);
    const value = Math.round((1 / OWING) * 100 * 100) / 100;
    expect(value).toBe(1.96);
    await expect.poll(() => page.getByTestId('plan-share').innerText(), { timeout: 30_000 }).toBe(`Đã phê duyệt 1/${OWING} đơn vị (1,96%)`);
    expect(await page.getByTestId('recorded-share').innerText()).toBe(`Đã ghi nhận vào chỉ tiêu: 1,96% (1/${OWING}) ngày ${dmy(today)}`);
    expect(await page.getByTestId('forecast-class').innerText()).toBe('Dự báo không đạt');
    const projected = projectAt([[0, 0], [daysBetween('2026-07-01', '2026-09-01'), 0], [daysBetween('2026-07-01', today), value]], daysBetween('2026-07-01', '2027-03-31'));
    expect(await page.getByTestId('projected-value').innerText()).toBe(`Giá trị dự kiến đến 31/03/2027: ${percentVi(Math.round(projected * 100) / 100)}`);
    await page.screenshot({ path: join(screenshots, '4-plans-after.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);

    // --- English.
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe('Digital-transformation plans');
    expect(await page.getByTestId('plan-share').innerText()).toBe(`1/${OWING} units approved (1.96%)`);
    expect(await page.getByTestId('forecast-class').innerText()).toBe('Forecast to miss');
    await page.getByText('Tiếng Việt', { exact: true }).click();

    expect(page.errors).toEqual([]);
  });

  it('stttt follows the procedures system (counts from the demo data, a stricter staleness setting, a new overdue feature) and the Plan 64 list; the overview card follows', { timeout: 180_000 }, async () => {
    const page = await browser.newPage();
    await browser.context.clearCookies();
    await signIn(page, portal.url, 'stttt');
    await page.goto(`${portal.url}/m/tttt/he-thong`);
    // The seed: live 1 and 2 days ago, broken 11 days ago, one testing, one planned; 7 days allowed.
    const connections = page.getByTestId('connection-counts');
    await expect
      .poll(() => connections.innerText(), { timeout: 30_000 })
      .toBe('5 kết nối: đang chạy 2, thử nghiệm 1, gián đoạn 1, kế hoạch 1; 1 kết nối quá 7 ngày không trao đổi thành công');
    expect(await page.getByTestId('feature-counts').innerText()).toBe('4 tính năng: hoàn thành 1, còn 3, quá hạn 1');
    expect(await page.getByTestId('finding-counts').innerText()).toBe('2 phát hiện chưa khắc phục, 1 quá hạn');
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);

    // One day allowed: the connection last heard from 2 days ago is stale too.
    await page.getByRole('button', { name: 'Thiết lập theo dõi' }).click();
    const settings = page.getByRole('dialog');
    await settings.getByLabel('Số ngày không trao đổi thành công thì cảnh báo').fill('1');
    await settings.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => connections.innerText(), { timeout: 15_000 }).toBe('5 kết nối: đang chạy 2, thử nghiệm 1, gián đoạn 1, kế hoạch 1; 2 kết nối quá 1 ngày không trao đổi thành công');

    // A feature due yesterday and not done is overdue at once.
    const yesterday = dmy(addDays(hanoiDateOf(new Date()), -1));
    await page.getByRole('button', { name: 'Thêm tính năng' }).click();
    const feature = page.getByRole('dialog');
    await feature.getByLabel('Tên').fill('Đồng bộ trạng thái hồ sơ với Cổng dịch vụ công quốc gia');
    await feature.getByLabel('Phụ trách').fill('Trung tâm Công nghệ thông tin và Truyền thông');
    await feature.getByLabel('Hạn').fill(yesterday);
    await feature.getByLabel('Hạn').press('Tab');
    await feature.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByTestId('feature-counts').innerText(), { timeout: 15_000 }).toBe('5 tính năng: hoàn thành 1, còn 4, quá hạn 2');
    const row = page.getByRole('row', { name: /Đồng bộ trạng thái hồ sơ/ });
    expect(await row.innerText()).toContain('Quá hạn');
    await page.screenshot({ path: join(screenshots, '5-system.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);

    // The features register from a csv: the dry run lists a row's error; the clean file adds a row.
    await page.goto(`${portal.url}/m/tttt/nhap-tu-tep`);
    await page.locator('.ant-radio-button-wrapper', { hasText: 'Tính năng' }).click();
    const header = 'Tính năng, chức năng;Phụ trách;Hạn hoàn thành;Trạng thái\n';
    const csv = (line: string) => ({ name: 'tinh-nang.csv', mimeType: 'text/csv', buffer: Buffer.from(header + line) });
    await page.locator('#tttt-import-features-file').setInputFiles(csv('Liên thông khai sinh - thường trú;Phòng Công nghệ thông tin;31/03/2027;Sắp làm\n'));
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    const errors = page.getByTestId('import-errors');
    await expect.poll(() => errors.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await errors.locator('tbody tr').first().innerText()).toMatch(/2\s+Trạng thái\s+"Sắp làm" không hợp lệ/);
    await page.locator('#tttt-import-features-file').setInputFiles(csv('Liên thông khai sinh - thường trú;Phòng Công nghệ thông tin;31/03/2027;Đang làm\n'));
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await expect.poll(() => page.getByText('Sẽ thêm 1, cập nhật 0 dòng (0 không đổi).').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Ghi dữ liệu' }).click();
    await expect.poll(() => page.getByText('Đã thêm 1, cập nhật 0 dòng (0 không đổi).').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);
    await page.goto(`${portal.url}/m/tttt/he-thong`);
    await expect.poll(() => page.getByTestId('feature-counts').innerText(), { timeout: 15_000 }).toBe('6 tính năng: hoàn thành 1, còn 5, quá hạn 2');

    // Sở TT&TT adds a content to Plan 64's list: Quận Ba Đình's approved plan now lacks it.
    await page.goto(`${portal.url}/m/tttt/noi-dung`);
    await expect.poll(() => page.getByRole('row', { name: /CDS-10/ }).isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByRole('button', { name: 'Thêm nội dung' }).click();
    const content = page.getByRole('dialog');
    await content.getByLabel('Mã').fill('CDS-11');
    await content.getByLabel('Nội dung', { exact: true }).fill('Phát triển đô thị thông minh');
    await content.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByRole('row', { name: /CDS-11/ }).innerText(), { timeout: 15_000 }).toMatch(/Phát triển đô thị thông minh\s+110\s+Bắt buộc/);
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);
    await page.goto(`${portal.url}/m/tttt/`);
    await expect.poll(() => page.getByRole('row', { name: /Quận Ba Đình/ }).innerText(), { timeout: 15_000 }).toContain('CDS-11');

    // --- The coordinators' overview (the shell's home page) carries the module's card.
    await browser.context.clearCookies();
    await signIn(page, portal.url, 'ubnd');
    await page.goto(`${portal.url}/`);
    const widget = page.getByTestId('tttt-widget');
    await expect.poll(() => widget.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await widget.innerText()).toMatch(/Kế hoạch chuyển đổi số 2027: đã phê duyệt 1\/51 đơn vị\s+Tính năng quá hạn: 2\s+Kết nối gián đoạn 1, quá hạn trao đổi 2\s+Phát hiện an toàn thông tin quá hạn: 1/);
    await page.screenshot({ path: join(screenshots, '6-overview-widget.png'), fullPage: true });
    expect(page.errors).toEqual([]);
  });
});

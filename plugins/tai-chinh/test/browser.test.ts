/**
 * The module's main journey in a real browser: the production build of the module, loaded at
 * run time by the shell's production build, served by the real server process (demo data).
 *
 * Quận Ba Đình imports its units from an xlsx (a first file with errors is refused row by
 * row), sees the unit whose figures imply another group flagged; Sở Tài chính approves 2025
 * and sees the share recorded on target 2458-CT3 and its forecast change, switches to
 * English, and downloads the periodic report.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { hanoiDateOf, periodOf } from '@dondoc/plugin-sdk';
import { loadedDondocShares } from '@dondoc/plugin-sdk/browser-testing';
import { chooseOption, moduleDir, openBrowser, requirePrerequisites, seriousViolations, signIn, startPortal, type Browser, type RunningPortal } from './portal.ts';
import { HEADERS, readXlsx } from './files.ts';

const screenshots = join(moduleDir, 'test-results');

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['UBND QUẬN BA ĐÌNH — DANH SÁCH ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP']);
  sheet.addRow([]);
  for (const row of rows) sheet.addRow(row as ExcelJS.CellValue[]);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function uploadAndCheck(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.locator('#tai-chinh-import-file').setInputFiles({ name, mimeType: XLSX, buffer });
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
}

describe('tai-chinh in the browser (shell + module builds, real server)', () => {
  let portal: RunningPortal;
  let browser: Browser;
  beforeAll(async () => {
    // Without the builds or Chromium this fails naming the command to run; it never skips.
    requirePrerequisites();
    await mkdir(screenshots, { recursive: true });
    portal = await startPortal();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('a district imports from xlsx; Sở Tài chính approves and the target changes', async () => {
    const page = await browser.newPage();

    // --- Quận Ba Đình: import, with a dry run that lists the errors of each row.
    await signIn(page, portal.url, 'badinh');
    await page.goto(`${portal.url}/m/tai-chinh/nhap-tu-tep`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 30_000 }).toBe('Nhập danh sách từ tệp');

    // A file of another kind is refused at once by its kind, by name or by content, before anything is sent.
    const pdf = Buffer.from('%PDF-1.4\n%danh sach don vi\n');
    await page.locator('#tai-chinh-import-file').setInputFiles({ name: 'danh-sach.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => page.getByRole('alert').first().innerText(), { timeout: 5_000 }).toContain('Chỉ nhận tệp .xlsx, .csv.');
    await page.locator('#tai-chinh-import-file').setInputFiles({ name: 'danh-sach.xlsx', mimeType: XLSX, buffer: pdf });
    await expect
      .poll(() => page.getByRole('alert').first().innerText(), { timeout: 5_000 })
      .toBe('Tệp "danh-sach.xlsx" mang tên .xlsx nhưng nội dung không phải tệp .xlsx. Chỉ nhận tệp .xlsx, .csv.');
    expect(await page.getByRole('button', { name: 'Kiểm tra tệp' }).isDisabled()).toBe(true);

    await uploadAndCheck(
      page,
      'ba-dinh-loi.xlsx',
      await xlsx([HEADERS, ['Trường Tiểu học Nguyễn Trung Trực', 'Giáo dục và đào tạo', 2025, 3, 'chín trăm triệu', '3.000.000.000']]),
    );
    const errors = page.getByTestId('import-errors');
    await expect.poll(() => errors.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await errors.locator('tbody tr').first().innerText()).toMatch(/4\s+Tổng thu \(A\)\s+"chín trăm triệu" không phải là số/);
    expect(await page.getByRole('button', { name: 'Nhập dữ liệu' }).isDisabled()).toBe(true);

    await uploadAndCheck(
      page,
      'ba-dinh.xlsx',
      await xlsx([
        HEADERS,
        ['Trường Tiểu học Nguyễn Trung Trực', 'Giáo dục và đào tạo', 2025, 3, '900.000.000', '3.000.000.000'],
        // Entered as group 2, but 800 ÷ 1.000 = 80% implies group 3.
        ['Trung tâm Giáo dục nghề nghiệp quận Ba Đình', 'Giáo dục nghề nghiệp', 2025, 2, '800.000.000', '1.000.000.000'],
      ]),
    );
    await expect.poll(() => page.getByText('Tệp hợp lệ: 2 dòng').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByText('1 dòng có nhóm không khớp số liệu').isVisible()).toBe(true);
    // The real import asks first, with the dry run's count; "Hủy" writes nothing.
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    const confirm = page.getByRole('tooltip');
    await expect.poll(() => confirm.isVisible(), { timeout: 5_000 }).toBe(true);
    expect(await confirm.innerText()).toContain('Ghi 2 dòng dữ liệu vào danh sách đơn vị sự nghiệp của Quận Ba Đình?');
    await page.screenshot({ path: join(screenshots, '1-import-confirm.png'), fullPage: true });
    await confirm.getByRole('button', { name: 'Hủy' }).click();
    expect(await page.getByText('Tệp hợp lệ: 2 dòng').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    await confirm.getByRole('button', { name: 'Ghi dữ liệu' }).click();
    await expect.poll(() => page.getByText('Đã nhập 2 dòng dữ liệu.').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.screenshot({ path: join(screenshots, '1-import.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // --- The register flags the unit whose figures imply another group.
    await page.goto(`${portal.url}/m/tai-chinh/`);
    const row = page.getByRole('row', { name: /Trung tâm Giáo dục nghề nghiệp quận Ba Đình/ });
    await expect.poll(() => row.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await row.getByTestId('mismatch-tag').innerText()).toBe('Không khớp: Số liệu cho thấy nhóm 3');
    expect(await page.getByText('Phạm vi: đơn vị sự nghiệp do Quận Ba Đình quản lý.').isVisible()).toBe(true);
    // Only Ba Đình's units: 4 from the demo and the 2 imported.
    expect(await page.getByText('Tổng cộng 6 đơn vị').isVisible()).toBe(true);
    await page.screenshot({ path: join(screenshots, '2-register.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // The editor opens from the keyboard and computes the level as in the rules.
    await page.getByRole('button', { name: 'Sửa Trung tâm Giáo dục nghề nghiệp quận Ba Đình' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('tab', { name: '2025' }).isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByRole('tab', { name: '2025' }).click();
    expect(await page.getByTestId('level-preview').last().innerText()).toBe('Mức tự bảo đảm: 80% → Nhóm 3');
    await page.keyboard.press('Escape');

    // --- Sở Tài chính: approve 2025 for every managing unit.
    await browser.context.clearCookies();
    await signIn(page, portal.url, 'stc');
    await page.goto(`${portal.url}/m/tai-chinh/tong-hop`);
    const forecast = page.getByTestId('forecast-class');
    await expect.poll(() => forecast.innerText(), { timeout: 30_000 }).toBe('Dự báo không đạt');
    expect(await page.getByTestId('recorded-share').innerText()).toBe('Chưa ghi nhận vào chỉ tiêu.');

    const approveAll = page.getByRole('button', { name: 'Phê duyệt năm 2025 (tất cả đơn vị chủ quản)' });
    await approveAll.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await dialog.innerText()).toMatch(/còn 1 đơn vị có nhóm không khớp số liệu/);
    await dialog.getByLabel('Ý kiến của Sở Tài chính').fill('Đã thẩm định số liệu dự toán năm 2025.');
    await dialog.getByRole('button', { name: 'Phê duyệt' }).click();

    await expect.poll(() => page.getByTestId('recorded-share').innerText(), { timeout: 15_000 }).toMatch(
      /^Đã ghi nhận vào chỉ tiêu: \d+(,\d+)?% \(ngày 31\/12\/2025\)$/,
    );
    await expect.poll(() => forecast.innerText(), { timeout: 15_000 }).toBe('Đã đạt');
    expect(await page.getByText(/^Đã phê duyệt năm 2025: tỷ lệ tự chủ toàn Thành phố \d+(,\d+)?% đã được ghi vào chỉ tiêu\.$/).isVisible()).toBe(true);
    await page.screenshot({ path: join(screenshots, '3-consolidation-approved.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // The core's own page of the target (the shell) agrees, when the shell has one.
    const share = /Đã ghi nhận vào chỉ tiêu: (\d+(?:,\d+)?)%/.exec(await page.getByTestId('recorded-share').innerText())?.[1];
    expect(share).toBeTruthy();

    // --- English.
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe('Consolidation and approval of autonomy classifications');
    await expect.poll(() => forecast.innerText(), { timeout: 15_000 }).toBe('Met');
    await page.screenshot({ path: join(screenshots, '4-consolidation-en.png'), fullPage: true });
    await page.getByText('Tiếng Việt', { exact: true }).click();

    // --- The module's report, named apart from the core's "Báo cáo định kỳ"; it opens on today's quarter.
    const reportLink = page.getByRole('navigation', { name: 'Điều hướng chính' }).locator('a[href="/m/tai-chinh/bao-cao"]');
    expect(await reportLink.innerText()).toBe('Báo cáo tự chủ tài chính');
    await reportLink.click();
    const thisQuarter = periodOf('quarter', hanoiDateOf(new Date()));
    await expect.poll(() => page.getByTestId('report-period').innerText(), { timeout: 15_000 }).toBe(`Kỳ báo cáo: ${thisQuarter.label.vi}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Báo cáo tự chủ tài chính');
    await page.screenshot({ path: join(screenshots, '4b-report-default.png'), fullPage: true });
    // Q4 2025, as xlsx.
    await chooseOption(page, page.getByRole('combobox', { name: 'Năm', exact: true }), '2025');
    await chooseOption(page, page.getByRole('combobox', { name: 'Kỳ', exact: true }), 'Quý IV');
    expect(await page.getByTestId('report-period').innerText()).toBe('Kỳ báo cáo: Quý IV/2025');
    expect(await page.getByText('Số liệu từ 15/09/2025 đến 14/12/2025; hạn gửi 20/12/2025.').isVisible()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải báo cáo (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toBe('tu-chu-tai-chinh_2025-Q4_toan-thanh-pho.xlsx');
    const sheets = await readXlsx((await readFile((await download.path())!)).toString('base64'));
    expect(sheets.get('Tổng hợp')?.[1]?.[0]).toBe('Kỳ báo cáo: Quý IV/2025 — số liệu từ 15/09/2025 đến 14/12/2025; hạn gửi 20/12/2025.');
    const total = sheets.get('Tổng hợp')!.find((r) => r[1] === 'Toàn Thành phố')!;
    expect(String(total[12])).toBe(`Đã ghi nhận chỉ tiêu 2458-CT3: ${share}% (ngày 31/12/2025)`);

    // --- The coordinators' overview (the shell's home page) shows the module's widget.
    await browser.context.clearCookies();
    await signIn(page, portal.url, 'ubnd');
    await page.goto(`${portal.url}/`);
    const widget = page.getByTestId('tai-chinh-widget');
    await expect.poll(() => widget.isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => widget.innerText(), { timeout: 15_000 }).toContain(`${share}%`);
    expect(await widget.innerText()).toContain('Theo phân loại đã được Sở Tài chính phê duyệt.');
    await page.screenshot({ path: join(screenshots, '5-overview-widget.png'), fullPage: true });

    expect(page.errors).toEqual([]);
  });

  it('the register downloads what it shows; a unit’s editor and the import page download their parts when opened', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'stc');
    await page.goto(`${portal.url}/m/tai-chinh/`);
    const firstRow = page.locator('.dondoc-page tr.ant-table-row').first();
    await firstRow.waitFor({ timeout: 30_000 });
    // The list, its filters and its buttons come with @dondoc/ui; the drawer's tabs and the import do not.
    expect(await loadedDondocShares(page)).toEqual(['@dondoc/ui']);

    await firstRow.getByRole('button', { name: /^Sửa / }).click();
    const editor = page.getByRole('dialog');
    await editor.getByRole('tab', { name: /2025/ }).waitFor({ timeout: 30_000 });
    expect(await loadedDondocShares(page)).toEqual(['@dondoc/ui', '@dondoc/ui/panels']);
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'hidden' });

    await page.getByRole('link', { name: 'Nhập từ tệp' }).first().click();
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).waitFor({ timeout: 30_000 });
    expect(await loadedDondocShares(page)).toEqual(['@dondoc/ui', '@dondoc/ui/panels', '@dondoc/ui/spreadsheet-import']);
    await page.close();
  });
});


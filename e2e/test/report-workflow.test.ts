import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseOption, openBrowser, seriousAccessibilityViolations, signIn, startPortal, type Browser, type RunningPortal } from '../src/harness.ts';

/**
 * Issue 11, items 2 and 4, as people do them: an officer of Sở Tài chính sends the quarter's
 * draft to the unit's lead (trình lãnh đạo); the lead is notified and returns it with a note;
 * the officer sees the note and sends it again; the lead submits it. A coordinator opens the
 * report status of the last quarter (every report not in is late), filters to the districts,
 * reminds all of them at once, and a second click reminds nobody (already reminded today).
 * `REPORT_SCREENSHOTS=<dir>` saves screenshots of the pages at 1440 and 390 px.
 */
const screenshots = process.env.REPORT_SCREENSHOTS;
const ROMAN = ['I', 'II', 'III', 'IV'];

/** The quarter before the one today's data belongs to (Decree 09/2019: from the 15th, the next month's window), as the period picker names it. */
function previousQuarterLabel(now = new Date()): string {
  const hanoi = new Date(now.getTime() + 7 * 3600_000);
  let month = hanoi.getUTCMonth() + 1 + (hanoi.getUTCDate() >= 15 ? 1 : 0);
  let year = hanoi.getUTCFullYear();
  if (month > 12) {
    month -= 12;
    year += 1;
  }
  let quarter = Math.ceil(month / 3) - 1;
  if (quarter === 0) {
    quarter = 4;
    year -= 1;
  }
  return `Quý ${ROMAN[quarter - 1]}/${year}`;
}

async function shoot(page: Page, name: string) {
  if (!screenshots) return;
  mkdirSync(screenshots, { recursive: true });
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshots, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Yesterday in Hà Nội, dd/mm/yyyy. */
function yesterdayVn(): string {
  const d = new Date(Date.now() + 7 * 3600_000 - 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name }).click();

describe('report workflow in Chromium', () => {
  let portal: RunningPortal;
  let browser: Browser;
  const note = 'Đề nghị bổ sung số liệu tự chủ tài chính của 58 đơn vị sự nghiệp.';

  beforeAll(async () => {
    portal = await startPortal();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('stc.cv sends the draft to the lead; the officer may not submit', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'stc.cv');
    await nav(page, 'Báo cáo định kỳ');
    await page.getByRole('heading', { name: /^Báo cáo Quý [IV]+\/\d{4} — Sở Tài chính$/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Gửi báo cáo' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Điền tiến độ hiện tại vào ô còn trống' }).click();
    await page.getByRole('button', { name: 'Trình lãnh đạo' }).click();
    const dialog = page.getByRole('dialog', { name: /^Trình lãnh đạo báo cáo Quý [IV]+\/\d{4}$/ });
    await dialog.getByLabel('Ghi chú cho lãnh đạo (không bắt buộc)').fill('Kính trình anh xem trước khi gửi.');
    await dialog.getByRole('button', { name: 'Trình lãnh đạo' }).click();
    await page.getByText('Báo cáo đã trình lãnh đạo đơn vị, đang chờ lãnh đạo xem xét.').waitFor();
    await page.locator('.dondoc-stats').getByText('Đã trình lãnh đạo').waitFor();
    // With the lead: nothing to edit.
    expect(await page.getByRole('button', { name: 'Lưu dự thảo' }).count()).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('stc is notified, and returns the report to the officer with a note', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'stc');
    await page.getByRole('button', { name: /^Thông báo: \d+ chưa đọc$/ }).click();
    const panel = page.getByRole('dialog', { name: 'Thông báo' });
    await panel.getByRole('link', { name: /^Báo cáo Quý [IV]+\/\d{4} chờ lãnh đạo duyệt$/ }).click();
    await page.getByText(/^Trịnh Quốc Bảo, Chuyên viên Phòng Ngân sách, Sở Tài chính đã trình báo cáo lúc/).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, 'report-with-lead');
    await page.getByRole('button', { name: 'Trả lại chuyên viên' }).click();
    const dialog = page.getByRole('dialog', { name: /^Trả lại báo cáo Quý [IV]+\/\d{4} cho chuyên viên$/ });
    // A return without a note is refused in the form.
    await dialog.getByRole('button', { name: 'Trả lại chuyên viên' }).click();
    await dialog.getByText('Vui lòng nêu ý kiến khi trả lại.').waitFor();
    await dialog.getByLabel('Ý kiến của lãnh đạo').fill(note);
    await dialog.getByRole('button', { name: 'Trả lại chuyên viên' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.dondoc-stats').getByText('Dự thảo').waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('stc.cv sees the note, and sends the report again', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'stc.cv');
    await page.getByRole('button', { name: /^Thông báo: \d+ chưa đọc$/ }).click();
    await page.getByRole('dialog', { name: 'Thông báo' }).getByRole('link', { name: /^Lãnh đạo trả lại báo cáo Quý [IV]+\/\d{4}$/ }).click();
    await page.getByText('Lãnh đạo đã trả lại báo cáo, đề nghị chỉnh sửa rồi trình lại.').waitFor();
    await page.getByText(note).waitFor();
    await page.locator('li.dondoc-report-item').first().getByLabel('Kết quả thực hiện').fill('Đã bổ sung số liệu của 58 đơn vị sự nghiệp.');
    await page.getByRole('button', { name: 'Trình lãnh đạo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Trình lãnh đạo' }).click();
    await page.getByText('Báo cáo đã trình lãnh đạo đơn vị, đang chờ lãnh đạo xem xét.').waitFor();
    expect(await page.getByText(note).count()).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('stc submits it to the City', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'stc');
    await nav(page, 'Báo cáo định kỳ');
    await page.getByText('Đã bổ sung số liệu của 58 đơn vị sự nghiệp.').waitFor();
    await page.getByRole('button', { name: 'Gửi UBND Thành phố' }).click();
    await page.getByText('Báo cáo đã gửi, đang chờ UBND Thành phố tiếp nhận.').waitFor();
    await page.locator('.dondoc-stats').getByText('Đã gửi').first().waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('stc.cv reports a task done for the lead to confirm; it does not count until stc confirms it', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'stc.cv');
    await nav(page, 'Báo cáo định kỳ');
    await page.getByRole('link', { name: '2458-3.1', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Chuyển đơn vị sự nghiệp công lập sang tự chủ tài chính/ }).waitFor();
    const done = yesterdayVn();
    const completed = page.getByLabel('Ngày hoàn thành');
    await completed.click();
    await completed.fill(done);
    await completed.press('Tab');
    await page.getByLabel('Số văn bản kết quả').fill('125/BC-STC');
    const docDate = page.getByLabel('Ngày văn bản');
    await docDate.click();
    await docDate.fill(done);
    await docDate.press('Tab');
    await page.getByRole('checkbox', { name: 'Trình lãnh đạo xác nhận hoàn thành' }).check();
    await page.getByRole('button', { name: 'Lưu cập nhật' }).click();
    await page.getByText(`Trịnh Quốc Bảo, Chuyên viên Phòng Ngân sách, Sở Tài chính báo hoàn thành ngày ${done}, chờ lãnh đạo đơn vị xác nhận.`).waitFor();
    expect(await page.getByRole('button', { name: 'Lưu cập nhật' }).count()).toBe(0);
    expect(await page.locator('.dondoc-descriptions').getByText('Hoàn thành quá hạn').count()).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();

    const lead = await browser.newPage();
    await signIn(lead, portal.url, 'stc');
    await lead.getByRole('button', { name: /^Thông báo: \d+ chưa đọc$/ }).click();
    await lead.getByRole('dialog', { name: 'Thông báo' }).getByRole('link', { name: 'Nhiệm vụ 2458-3.1 chờ lãnh đạo xác nhận hoàn thành' }).click();
    await lead.getByText(`Trịnh Quốc Bảo, Chuyên viên Phòng Ngân sách, Sở Tài chính báo hoàn thành ngày ${done}, chờ lãnh đạo đơn vị xác nhận.`).waitFor();
    await shoot(lead, 'task-completion-pending');
    await lead.getByRole('button', { name: 'Xác nhận hoàn thành' }).click();
    await lead.locator('.dondoc-descriptions').getByText('Hoàn thành quá hạn').first().waitFor();
    expect(await lead.getByText(/chờ lãnh đạo đơn vị xác nhận/).count()).toBe(0);
    expect(lead.errors).toEqual([]);
    await lead.close();
  });

  it('ubnd opens the last quarter’s report status, filters to districts and reminds all late units once', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'ubnd');
    await nav(page, 'Tình hình báo cáo');
    await page.getByRole('heading', { level: 1, name: /^Tình hình báo cáo Quý [IV]+\/\d{4}$/ }).waitFor();
    // The current quarter: Sở Tài chính's report is in.
    const stcRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Mở báo cáo của Sở Tài chính' }) });
    await stcRow.getByText('Đã gửi').waitFor();
    await shoot(page, 'report-status-current');

    const last = previousQuarterLabel();
    await chooseOption(page, page.getByRole('combobox', { name: 'Kỳ báo cáo' }), last);
    await page.getByRole('heading', { level: 1, name: `Tình hình báo cáo ${last}` }).waitFor();
    await page.getByRole('radiogroup', { name: 'Loại đơn vị' }).getByText('Quận, huyện, thị xã').click();
    await page.getByRole('heading', { name: 'Đơn vị phải báo cáo (30)' }).waitFor();
    const badinh = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Mở báo cáo của Quận Ba Đình' }) });
    await badinh.getByText('Chưa bắt đầu').waitFor();
    await badinh.getByText(/^Trễ \d+ ngày$/).waitFor();
    await badinh.getByText('Chưa nhắc').waitFor();
    expect(await page.getByRole('link', { name: 'Mở báo cáo của Sở Tài chính' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Nhắc tất cả đơn vị chưa gửi (30)' }).click();
    await page.getByRole('status').getByText('Đã nhắc 30 đơn vị.').waitFor();
    await badinh.getByText('Đã nhắc hôm nay').waitFor();
    expect(await badinh.getByRole('button', { name: 'Nhắc Quận Ba Đình gửi báo cáo' }).isDisabled()).toBe(true);
    await shoot(page, 'report-status-reminded');
    await page.getByRole('button', { name: 'Nhắc tất cả đơn vị chưa gửi (30)' }).click();
    await page.getByRole('status').getByText('Không nhắc đơn vị nào: 30 đơn vị đã được nhắc hôm nay.').waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('badinh finds the reminder among its notifications', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'badinh');
    await page.getByRole('button', { name: /^Thông báo: \d+ chưa đọc$/ }).click();
    await page.getByRole('dialog', { name: 'Thông báo' }).getByRole('link', { name: `Đôn đốc gửi báo cáo ${previousQuarterLabel()}` }).waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

/**
 * The Done-when journey in a real browser: the production build of the module, loaded at run
 * time by the shell's production build, served by the real server process (demo data, where
 * the core seeded 2458-CT1 and CT2 with measurements entered by hand before the module).
 *
 * Sở Xây dựng (`sxd`) imports its procedure list (a first file refused row by row), proposes
 * two cuts; the Văn phòng (`vp`) approves them; both 2458 targets then show the module's
 * measurement as a hand count says, beside the ones entered by hand before. The Văn phòng then
 * adds a delegation ending in 20 days (flagged), and the coordinators' overview shows the card.
 *
 * Hand count. The list: XD-N1 internal, 100 thousand đồng a year; XD-N2 internal, 300;
 * XD-B1 for citizens and businesses, 600 — no other procedure in the catalogue.
 * Plans: XD-N1 cut (saves 100), XD-B1 simplified 600 → 450 (saves 150).
 * Internal procedures cut: 1 of 2 = 50%. Compliance cost cut: 250 of 1,000 = 25%.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { addDays, hanoiDateOf, formatDateVi } from '@dondoc/plugin-sdk';
import { chooseOption, openBrowser, requireBrowserTestPrerequisites, seriousAccessibilityViolations, signIn, startPortal, type Browser, type RunningPortal } from '@dondoc/plugin-sdk/browser-testing';

const moduleDir = fileURLToPath(new URL('../', import.meta.url));
const screenshots = join(moduleDir, 'test-results');
const HEADER = 'Mã thủ tục;Tên thủ tục;Lĩnh vực;Cấp thực hiện;Loại thủ tục;Quyết định công bố;Ngày công bố;Ngày đăng tải CSDLQG;Dịch vụ công trực tuyến;Chi phí tuân thủ (nghìn đồng/năm)';
const GOOD = [
  HEADER,
  'XD-N1;Thẩm định hồ sơ thiết kế giữa các sở;Hoạt động xây dựng;Thành phố;Nội bộ;1234/QĐ-UBND;01/10/2026;;Không;100',
  'XD-N2;Lấy ý kiến quy hoạch nội bộ;Quy hoạch xây dựng;Thành phố;Nội bộ;1234/QĐ-UBND;01/10/2026;;Không;300',
  'XD-B1;Cấp giấy phép xây dựng nhà ở riêng lẻ;Hoạt động xây dựng;Huyện;Người dân, doanh nghiệp;1234/QĐ-UBND;01/10/2026;05/10/2026;Một phần;600',
].join('\n');
const BAD = [HEADER, 'XD-N1;Thẩm định hồ sơ;Hoạt động xây dựng;Trung ương;Nội bộ;;;;Không;100'].join('\n');

async function uploadAndCheck(page: Page, name: string, text: string): Promise<void> {
  await page.locator('#van-phong-import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
}

async function propose(page: Page, code: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: `Đề xuất phương án ${code}` }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.isVisible(), { timeout: 15_000 }).toBe(true);
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => dialog.count(), { timeout: 15_000 }).toBe(0);
}

async function approve(page: Page, code: string): Promise<void> {
  await page.getByRole('button', { name: `Phê duyệt ${code}` }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.isVisible(), { timeout: 15_000 }).toBe(true);
  await dialog.getByLabel('Ý kiến').fill('Đồng ý phương án.');
  await dialog.getByRole('button', { name: 'Phê duyệt' }).click();
  await expect.poll(() => dialog.count(), { timeout: 15_000 }).toBe(0);
}

/** Types a day (dd/mm/yyyy) in a date field and leaves it. */
async function fillDate(input: Locator, text: string): Promise<void> {
  await input.click();
  await input.fill(text);
  await input.press('Tab');
  expect(await input.inputValue()).toBe(text);
}

/** The shell's page of a target: its facts (latest value and forecast) and its measurements table's rows, as text. */
async function targetPage(page: Page, url: string, code: string): Promise<{ facts: string; rows: string[] }> {
  await page.goto(`${url}/chi-tieu/${code}`);
  await expect.poll(() => page.locator('.dondoc-breadcrumb').innerText(), { timeout: 30_000 }).toContain(code);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  return { facts: await page.locator('.ant-descriptions').first().innerText(), rows: await rows.allInnerTexts() };
}

describe('van-phong in the browser (shell + module builds, real server)', () => {
  let portal: RunningPortal;
  let browser: Browser;
  beforeAll(async () => {
    // Without the builds or Chromium this fails naming the command to run; it never skips.
    requireBrowserTestPrerequisites([join(moduleDir, 'dist/mf-manifest.json')]);
    await mkdir(screenshots, { recursive: true });
    portal = await startPortal({ plugins: [{ id: 'van-phong', server: join(moduleDir, 'src/server/plugin.ts'), web: join(moduleDir, 'dist') }] });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('sxd imports its procedures and proposes cuts; the Văn phòng approves; both 2458 targets record the hand count', async () => {
    const page = await browser.newPage();
    const today = formatDateVi(hanoiDateOf(Date.now()));

    // Before: the targets hold only the values entered by hand (the demo's).
    await signIn(page, portal.url, 'vp');
    const before = await targetPage(page, portal.url, '2458-CT1');
    const handEntered = before.rows;
    expect(handEntered.some((row) => row.includes('van-phong'))).toBe(false);
    expect(before.facts).not.toContain(`(${today})`);
    await browser.context.clearCookies();

    // --- Sở Xây dựng imports its list: a dry run refuses a row, then the good file is written.
    await signIn(page, portal.url, 'sxd');
    await page.goto(`${portal.url}/m/van-phong/nhap-tu-tep`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 30_000 }).toBe('Nhập danh mục TTHC từ tệp');
    await uploadAndCheck(page, 'danh-muc-loi.csv', BAD);
    const errors = page.getByTestId('import-errors');
    await expect.poll(() => errors.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await errors.locator('tbody tr').first().innerText()).toMatch(/^2\s+Cấp thực hiện/);
    expect(await page.getByRole('button', { name: 'Nhập dữ liệu' }).isDisabled()).toBe(true);

    await uploadAndCheck(page, 'danh-muc.csv', GOOD);
    await expect.poll(() => page.getByTestId('import-summary').innerText(), { timeout: 15_000 }).toBe('Sẽ nhập 3 thủ tục, trong đó 2 thủ tục nội bộ, 2 thủ tục đã công bố chưa đăng tải.');
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Ghi dữ liệu' }).click();
    await expect.poll(() => page.getByTestId('import-summary').innerText(), { timeout: 15_000 }).toBe('Đã nhập 3 thủ tục, trong đó 2 thủ tục nội bộ, 2 thủ tục đã công bố chưa đăng tải.');
    await page.screenshot({ path: join(screenshots, '1-import.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);

    // --- The catalogue, its backlog, and two proposals.
    await page.goto(`${portal.url}/m/van-phong/`);
    await expect.poll(() => page.getByTestId('backlog-summary').innerText(), { timeout: 30_000 }).toMatch(/^Sở Xây dựng: 2 thủ tục, lâu nhất \d+ ngày$/);
    await propose(page, 'XD-N1', async (dialog) => {
      await chooseOption(page, dialog.getByLabel('Phương án', { exact: true }), 'Bãi bỏ');
      await dialog.getByLabel('Nội dung').fill('Bãi bỏ bước thẩm định trùng lặp giữa các sở.');
    });
    await propose(page, 'XD-B1', async (dialog) => {
      await dialog.getByLabel('Nội dung').fill('Bỏ yêu cầu bản sao giấy tờ đã có trong cơ sở dữ liệu.');
      await dialog.getByLabel('Chi phí tuân thủ sau (nghìn đồng/năm)').fill('450');
    });
    await expect.poll(() => page.getByTestId('procedures').getByRole('row', { name: /XD-N1/ }).innerText(), { timeout: 15_000 }).toContain('Đề xuất');
    await page.screenshot({ path: join(screenshots, '2-catalogue.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);
    await browser.context.clearCookies();

    // --- The Văn phòng approves both.
    await signIn(page, portal.url, 'vp');
    await page.goto(`${portal.url}/m/van-phong/phuong-an`);
    await expect.poll(() => page.getByRole('row', { name: /XD-B1/ }).innerText(), { timeout: 30_000 }).toContain('Đề xuất');
    await approve(page, 'XD-N1');
    await approve(page, 'XD-B1');
    const city = page.getByTestId('city-shares');
    // Both approvals in: the cost share counts the second one.
    await expect.poll(() => city.innerText(), { timeout: 15_000 }).toContain('25% (250/1.000)');
    expect(await city.innerText()).toContain('50% (1/2)');
    expect(await city.innerText()).toContain('Tạm tính: 2 phương án đã duyệt chưa thực thi');
    await page.screenshot({ path: join(screenshots, '3-approved.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);

    // --- The core's targets: the module's measurement of today, the hand-entered ones kept.
    const { facts: ct1Facts, rows: ct1 } = await targetPage(page, portal.url, '2458-CT1');
    // The forecast's latest value is the module's, of today.
    expect(ct1Facts).toMatch(new RegExp(`50\\s*%\\s*\\(${today}\\)`));
    expect(ct1.filter((row) => row.includes('van-phong'))).toEqual([expect.stringMatching(new RegExp(`^${today}\\s+50\\s*%`))]);
    expect(ct1.length).toBe(handEntered.length + 1);
    expect(await page.getByText('Mô-đun van-phong').first().isVisible()).toBe(true);
    await page.screenshot({ path: join(screenshots, '4-target-ct1.png'), fullPage: true });
    const { facts: ct2Facts, rows: ct2 } = await targetPage(page, portal.url, '2458-CT2');
    expect(ct2Facts).toMatch(new RegExp(`25\\s*%\\s*\\(${today}\\)`));
    expect(ct2.filter((row) => row.includes('van-phong'))).toEqual([expect.stringMatching(new RegExp(`^${today}\\s+25\\s*%`))]);

    // --- The Văn phòng's other pages: the delegation register and the one-stop shop.
    await page.goto(`${portal.url}/m/van-phong/uy-quyen`);
    const flags = page.getByTestId('delegation-flags');
    await expect.poll(() => flags.innerText(), { timeout: 30_000 }).toBe('Ngưỡng trễ hạn 10%. Sắp hết hạn: 0; đã hết hạn: 0; trễ hạn vượt ngưỡng: 0.');
    // A delegation of XD-N2 to Sở Xây dựng ending in 20 days is flagged at once.
    await page.getByRole('button', { name: 'Thêm ủy quyền' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible(), { timeout: 15_000 }).toBe(true);
    await chooseOption(page, dialog.getByLabel('Tên thủ tục'), 'XD-N2', 'XD-N2');
    await chooseOption(page, dialog.getByLabel('Đơn vị được ủy quyền'), 'Sở Xây dựng', 'Xây dựng');
    await fillDate(dialog.getByLabel('Từ ngày'), '22/11/2022');
    await fillDate(dialog.getByLabel('Đến ngày (để trống nếu không thời hạn)'), formatDateVi(addDays(hanoiDateOf(Date.now()), 20)));
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => flags.innerText(), { timeout: 15_000 }).toBe('Ngưỡng trễ hạn 10%. Sắp hết hạn: 1; đã hết hạn: 0; trễ hạn vượt ngưỡng: 0.');
    expect(await page.getByRole('row', { name: /XD-N2/ }).innerText()).toContain('Sắp hết hạn');
    await page.screenshot({ path: join(screenshots, '5-delegations.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);
    await page.goto(`${portal.url}/m/van-phong/mot-cua`);
    await expect.poll(() => page.getByTestId('one-stop-city').innerText(), { timeout: 30_000 }).toBe('Toàn Thành phố: — mốc đã hoàn thành (0/0), 0 mốc quá hạn.');
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);

    // --- English.
    await page.goto(`${portal.url}/m/van-phong/phuong-an`);
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe('Cutting and simplifying procedures');
    await expect.poll(() => city.innerText(), { timeout: 15_000 }).toContain('Provisional: 2 approved plans not implemented yet');
    await page.getByText('Tiếng Việt', { exact: true }).click();

    // --- The coordinators' overview shows the module's card with the two shares.
    await browser.context.clearCookies();
    await signIn(page, portal.url, 'ubnd');
    await page.goto(`${portal.url}/`);
    const widget = page.getByTestId('van-phong-widget');
    await expect.poll(() => widget.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await widget.innerText()).toContain('Cắt giảm TTHC nội bộ: 50%; chi phí tuân thủ: 25% (mục tiêu 20%)');
    expect(await widget.innerText()).toContain('2 thủ tục đã công bố chưa đăng tải');
    await page.screenshot({ path: join(screenshots, '6-overview-widget.png'), fullPage: true });

    expect(page.errors).toEqual([]);
  });
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openBrowser, seriousAccessibilityViolations, signIn, startPortal, type Browser, type RunningPortal } from '../src/harness.ts';

/**
 * Giving tasks and extending a deadline, in a real browser: the UBND coordinator drafts a
 * directive with a task for every district and one for Sở Xây dựng; Quận Ba Đình sees
 * nothing of the draft; the directive is issued; Ba Đình opens its task and asks for 30 more
 * days; the coordinator approves on the Điều phối page; the task page, as of the day after the
 * old deadline, counts the task within its deadline and keeps the original one; the audit
 * trail shows each step. "Today" is the machine's date in Hà Nội.
 *
 * `GIVING_SCREENSHOTS=<dir>` also saves 1440-px-wide screenshots of the pages.
 */
const DAY = 86_400_000;
const hanoiToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const today = hanoiToday();
const deadline = addDays(today, 21);
const proposed = addDays(deadline, 30);
const number = '317/UBND-KSTTHC';
const prefix = '317';
const districtTaskTitle = 'Rà soát, cắt giảm thủ tục hành chính nội bộ năm 2026';
const departmentTaskTitle = 'Hướng dẫn cấp phép xây dựng trực tuyến toàn trình';
const reason = 'Chờ kết quả rà soát của các phường trên địa bàn quận.';

const screenshots = process.env.GIVING_SCREENSHOTS;
async function shoot(page: Page, name: string, locator?: Locator) {
  if (!screenshots) return;
  mkdirSync(screenshots, { recursive: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.waitForTimeout(300);
  const path = join(screenshots, `${name}.png`);
  if (locator) await locator.screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
}

/** Types a date into an antd DatePicker (dd/mm/yyyy) and leaves the field (Enter would also submit the form). */
async function fillDate(input: Locator, iso: string) {
  await input.click();
  await input.fill(vn(iso));
  await input.press('Tab');
  expect(await input.inputValue()).toBe(vn(iso));
}

/** Picks the first unit matching what is typed in an antd Select with search. */
async function pickUnit(page: Page, input: Locator, typed: string, name: string) {
  await input.click();
  await input.fill(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().waitFor();
  await input.press('Enter');
  await page.keyboard.press('Escape');
}

/**
 * Waits for the district task's page. Twice in CI runs of 02/12/2026 (busy machine) its heading
 * never came after the click, with nothing said; what the page showed is written to the log
 * and the page is loaded once more, so that the next failure says what it was.
 */
async function taskPageOpened(page: Page & { errors: string[] }): Promise<void> {
  const heading = page.getByRole('heading', { level: 1, name: districtTaskTitle });
  try {
    await heading.waitFor({ timeout: 20_000 });
  } catch {
    const main = await page.locator('#main').innerText().catch(() => '(no #main)');
    console.warn(`[giving] the task's heading did not come: URL ${page.url()}; page errors: ${page.errors.join(' | ') || 'none'}; page: ${main.slice(0, 600)}`);
    await page.reload();
    await heading.waitFor();
  }
}

const section = (page: Page, heading: string | RegExp) => page.locator('section').filter({ has: page.getByRole('heading', { name: heading }) });

describe('giving tasks and extending a deadline in Chromium', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let directivePath = '';
  let taskPath = '';

  beforeAll(async () => {
    portal = await startPortal();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('ubnd drafts a directive with a task for every district and one for Sở Xây dựng', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'ubnd');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Giao nhiệm vụ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Giao nhiệm vụ' }).waitFor();
    await page.getByRole('link', { name: '2458/UBND-SNV' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const create = section(page, 'Tạo văn bản chỉ đạo');
    await create.getByLabel('Số, ký hiệu').fill('317 UBND');
    await create.getByLabel('Trích yếu').fill('Đẩy mạnh cải cách thủ tục hành chính năm 2026');
    await create.getByLabel('Người ký').fill('Chủ tịch UBND Thành phố');
    await fillDate(create.getByLabel('Ngày văn bản'), today);
    await create.getByRole('button', { name: 'Tạo dự thảo' }).click();
    // Refused here with the reason; nothing typed is lost.
    await create.getByText('Số, ký hiệu cần có dạng số/ký hiệu, ví dụ 125/UBND-KSTTHC.').waitFor();
    await create.getByText('Hãy nhập nội dung văn bản hoặc đính kèm tệp PDF/DOCX.').waitFor();
    expect(await create.getByLabel('Trích yếu').inputValue()).toBe('Đẩy mạnh cải cách thủ tục hành chính năm 2026');
    await create.getByLabel('Số, ký hiệu').fill(number);
    await create.getByLabel('Nội dung văn bản').fill('1. Các quận, huyện, thị xã rà soát, cắt giảm TTHC nội bộ.\n2. Sở Xây dựng hướng dẫn cấp phép xây dựng trực tuyến.');
    await shoot(page, 'giving-list');
    await create.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await page.waitForURL(/\/giao-nhiem-vu\/[0-9a-f-]{36}$/);
    directivePath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: `Văn bản ${number}` }).waitFor();
    await page.getByText('Dự thảo', { exact: true }).first().waitFor();
    // The directive's text as a file: a refused kind says why, a PDF is attached.
    const fileInput = page.locator('.dondoc-file-picker input[type=file]');
    await fileInput.setInputFiles({ name: 'van-ban.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK') });
    await page.getByText('Không nhận tệp van-ban.xlsx: chỉ nhận PDF hoặc DOCX.').waitFor();
    await fileInput.setInputFiles({ name: 'van-ban-317.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%van ban chi dao\n') });
    // Who sent it is named as a person (issue 11, item 3), not by login.
    await page.getByText(/van-ban-317\.pdf \(.*\), Lê Minh Quang, Phó Chủ tịch UBND Thành phố, UBND Thành phố Hà Nội gửi lúc/).waitFor();

    // Clause 1: every district, followed up by Sở Nội vụ (found without diacritics).
    const form = section(page, 'Thêm nhiệm vụ');
    await form.getByLabel('Mục của văn bản').fill('1');
    await form.getByLabel('Tên nhiệm vụ').fill(districtTaskTitle);
    await form.getByLabel('Nội dung nhiệm vụ').fill('Cắt giảm ít nhất 20% TTHC nội bộ và chi phí tuân thủ.');
    await form.locator('label.ant-radio-button-wrapper', { hasText: 'Nhóm đơn vị' }).click();
    await form.locator('label.ant-radio-wrapper', { hasText: 'Tất cả các quận, huyện, thị xã (30 đơn vị)' }).click();
    expect(await form.getByRole('radio', { name: /^Tất cả các quận, huyện, thị xã \(30 đơn vị\)$/ }).isChecked()).toBe(true);
    await pickUnit(page, form.getByLabel('Đơn vị theo dõi, đôn đốc chung'), 'so noi vu', 'Sở Nội vụ');
    await fillDate(form.getByLabel('Thời hạn', { exact: true }), deadline);
    await form.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    const drafts = section(page, /^Nhiệm vụ dự thảo/);
    await drafts.getByRole('cell', { name: districtTaskTitle }).waitFor();
    await drafts.getByText('Tất cả các quận, huyện, thị xã (30 đơn vị)').waitFor();
    await drafts.getByText('Theo dõi chung: Sở Nội vụ').waitFor();
    // The form is empty again for the next task.
    expect(await form.getByLabel('Tên nhiệm vụ').inputValue()).toBe('');

    // Clause 2: Sở Xây dựng, with Sở Tài chính coordinating and a numeric target.
    await form.getByLabel('Mục của văn bản').fill('2');
    await form.getByLabel('Tên nhiệm vụ').fill(departmentTaskTitle);
    await pickUnit(page, form.getByLabel('Đơn vị chủ trì'), 'xay dung', 'Sở Xây dựng');
    await pickUnit(page, form.getByLabel('Đơn vị phối hợp'), 'tai chinh', 'Sở Tài chính');
    await fillDate(form.getByLabel('Thời hạn', { exact: true }), deadline);
    await form.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const target = form.getByRole('group', { name: 'Chỉ tiêu 1' });
    await target.getByLabel('Tên chỉ tiêu').fill('Tỷ lệ hồ sơ cấp phép xây dựng nộp trực tuyến');
    await target.getByLabel('Giá trị mục tiêu').fill('80');
    await target.getByLabel('Đơn vị tính').fill('%');
    await target.getByLabel('Giá trị cơ sở').fill('35');
    await fillDate(target.getByLabel('Ngày cơ sở'), today);
    await shoot(page, 'giving-draft-form', form);
    await form.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    await drafts.getByRole('cell', { name: departmentTaskTitle }).waitFor();
    await drafts.getByText('Phối hợp: Sở Tài chính').waitFor();
    await drafts.getByText('1 chỉ tiêu').waitFor();

    // Editing a draft task that someone saved in between (here: another tab of the same
    // account): the stale save names who, and "Tải lại" keeps what was typed.
    await drafts.getByRole('button', { name: 'Sửa nhiệm vụ mục 2' }).click();
    const edit = section(page, 'Sửa nhiệm vụ mục 2');
    await edit.getByLabel('Tên nhiệm vụ').fill(`${departmentTaskTitle} (sửa)`);
    const status = await page.evaluate(async (directiveId) => {
      const read = await (await fetch(`/api/trpc/core/directives.get?input=${encodeURIComponent(JSON.stringify({ id: directiveId }))}`)).json();
      const draft = read.result.data.drafts.find((d: { clause: string }) => d.clause === '2');
      const response = await fetch('/api/trpc/core/directives.saveTask', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          directiveId,
          id: draft.id,
          version: draft.version,
          clause: draft.clause,
          title: draft.title,
          content: 'Nội dung sửa từ tab khác',
          assignees: draft.assignees,
          followUpUnitCode: draft.followUpUnitCode,
          coordinatorUnitCodes: draft.coordinatorUnitCodes,
          deadline: draft.deadline,
          continuous: draft.continuous,
          cadence: draft.cadence,
          targets: draft.targets,
        }),
      });
      return response.status;
    }, directivePath.split('/').pop()!);
    expect(status).toBe(200);
    await edit.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
    await edit.getByText('Dữ liệu đã được ubnd thay đổi sau khi bạn mở. Hãy tải lại rồi thử lại.').waitFor();
    await edit.getByRole('button', { name: 'Tải lại' }).click();
    await edit.getByText(/Đã tải dữ liệu mới nhất/).waitFor();
    expect(await edit.getByLabel('Tên nhiệm vụ').inputValue()).toBe(`${departmentTaskTitle} (sửa)`);
    expect(await edit.getByLabel('Nội dung nhiệm vụ').inputValue()).toBe('Nội dung sửa từ tab khác');
    await edit.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
    await drafts.getByRole('cell', { name: `${departmentTaskTitle} (sửa)` }).waitFor();
    await section(page, 'Thêm nhiệm vụ').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, 'giving-draft-editor');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('badinh sees nothing of the draft', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'badinh');
    await page.goto(`${portal.url}/nhiem-vu?q=${prefix}`);
    await page.getByText('Không có nhiệm vụ nào khớp bộ lọc.').waitFor();
    await page.goto(`${portal.url}/thong-bao`);
    await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    expect(await page.getByText(new RegExp(`${prefix}-1`)).count()).toBe(0);
    // Nor the directive's page, nor the menu entry.
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Giao nhiệm vụ' }).count()).toBe(0);
    await page.goto(`${portal.url}${directivePath}`);
    await page.getByText('Không có quyền truy cập').waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('ubnd issues it after a confirmation naming how many units get tasks, and may adjust a task with a reason', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'ubnd');
    await page.goto(`${portal.url}${directivePath}`);
    await page.getByRole('button', { name: 'Ban hành' }).click();
    const confirm = page.getByRole('dialog', { name: `Ban hành văn bản ${number}?` });
    await confirm.getByText(/^2 nhiệm vụ sẽ được giao cho 31 đơn vị/).waitFor();
    await confirm.getByRole('button', { name: 'Ban hành' }).click();
    const given = section(page, /^Nhiệm vụ đã giao/);
    await given.getByRole('link', { name: `${prefix}-1` }).waitFor();
    await given.getByRole('link', { name: `${prefix}-2` }).waitFor();
    await given.getByText('30 đơn vị thực hiện').waitFor();
    await page.getByText('Đã ban hành', { exact: true }).first().waitFor();

    // "Điều chỉnh" needs a reason; what was typed stays while it is missing.
    await given.getByRole('button', { name: `Điều chỉnh nhiệm vụ ${prefix}-2` }).click();
    const adjust = page.getByRole('dialog', { name: `Điều chỉnh nhiệm vụ ${prefix}-2` });
    await adjust.getByLabel('Nội dung nhiệm vụ').fill('Hướng dẫn, hỗ trợ người dân nộp hồ sơ cấp phép xây dựng trực tuyến toàn trình.');
    await adjust.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
    await adjust.getByText('Vui lòng nêu lý do điều chỉnh.').waitFor();
    await adjust.getByLabel('Lý do điều chỉnh').fill('Bổ sung yêu cầu hỗ trợ người dân.');
    await adjust.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
    await adjust.waitFor({ state: 'detached' });
    // "Hủy nhiệm vụ" asks for a reason too; here the coordinator keeps the task.
    await given.getByRole('button', { name: `Hủy nhiệm vụ ${prefix}-2` }).click();
    const cancel = page.getByRole('dialog', { name: `Hủy nhiệm vụ ${prefix}-2?` });
    await cancel.getByRole('button', { name: 'Hủy nhiệm vụ' }).click();
    await cancel.getByText('Vui lòng nêu lý do hủy nhiệm vụ.').waitFor();
    await cancel.getByRole('button', { name: 'Giữ nhiệm vụ' }).click();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, 'giving-issued');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('badinh finds its task by the directive’s code and asks for 30 more days', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'badinh');
    await page.getByRole('button', { name: /^Thông báo: \d+ chưa đọc$/ }).click();
    await page.getByRole('dialog', { name: 'Thông báo' }).getByText(`Nhiệm vụ mới: ${prefix}-1-Q001`).waitFor();
    await page.keyboard.press('Escape');
    await page.goto(`${portal.url}/nhiem-vu`);
    await page.getByLabel('Tìm kiếm').fill(`${prefix}-1`);
    await page.getByLabel('Tìm kiếm').press('Enter');
    // Click only once the list holds the search's answer: a click while it is replaced can land
    // on another task's link.
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(async () => { const texts = await rows.allInnerTexts(); return texts.length > 0 && texts.every((row) => row.includes(`${prefix}-1`)); }, { timeout: 15_000 }).toBe(true);
    // (Once the list's search answer is shown; a click then opened nothing when the search's pause
    // ended during the task page's load: TasksPage applies no search once the user has moved on.)
    await page.getByRole('link', { name: `${prefix}-1-Q001` }).click();
    await page.waitForURL(/\/nhiem-vu\/[^/?]+/, { timeout: 15_000 });
    await taskPageOpened(page);
    taskPath = new URL(page.url()).pathname;

    const extension = section(page, 'Gia hạn');
    await extension.getByText('Chưa có đề nghị gia hạn nào.').waitFor();
    await extension.getByRole('button', { name: 'Gửi đề nghị gia hạn' }).click();
    await extension.getByText('Vui lòng nêu lý do đề nghị gia hạn.').waitFor();
    await extension.getByLabel('Lý do đề nghị gia hạn').fill(reason);
    await fillDate(extension.getByLabel('Thời hạn đề nghị'), proposed);
    await extension.getByRole('button', { name: 'Gửi đề nghị gia hạn' }).click();
    await extension.getByText('Chờ duyệt', { exact: true }).waitFor();
    await extension.getByText(`Thời hạn: ${vn(deadline)} → ${vn(proposed)}`).waitFor();
    await extension.getByText('Đề nghị gia hạn đang chờ UBND Thành phố xem xét.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, 'task-extension-pending', extension);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('ubnd approves it on the Điều phối page', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'ubnd');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Điều phối' }).click();
    const pending = section(page, /^Đề nghị gia hạn chờ duyệt/);
    const request = pending.locator('li').filter({ hasText: `${prefix}-1-Q001` });
    await request.getByText(reason).waitFor();
    await request.getByText('Quận Ba Đình', { exact: false }).first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, 'coordination-pending-extension', pending);
    await request.getByRole('button', { name: `Đồng ý gia hạn nhiệm vụ ${prefix}-1-Q001`, exact: true }).click();
    await pending.getByText('Không có đề nghị gia hạn nào đang chờ duyệt.').waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('as of the day after the old deadline the task is unfinished within its deadline; the original deadline and every step are kept', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'badinh');
    await page.goto(`${portal.url}${taskPath}?ngay=${addDays(deadline, 1)}`);
    await taskPageOpened(page);
    const info = page.locator('.dondoc-descriptions');
    await info.getByText('Chưa hoàn thành, trong hạn').waitFor();
    await info.getByText(vn(proposed)).first().waitFor();
    await info.getByText(new RegExp(vn(deadline).replaceAll('/', '\\/'))).first().waitFor();
    await info.getByText('Đã gia hạn').waitFor();

    const extension = section(page, 'Gia hạn');
    await extension.getByText('Đã đồng ý gia hạn').waitFor();
    await extension.getByText(reason).waitFor();
    expect(await extension.getByRole('button', { name: 'Gửi đề nghị gia hạn' }).count()).toBe(1);

    const audit = section(page, 'Nhật ký thao tác');
    await audit.getByRole('cell', { name: 'Giao nhiệm vụ', exact: true }).waitFor();
    await audit.getByRole('cell', { name: 'Đề nghị gia hạn', exact: true }).waitFor();
    await audit.getByRole('cell', { name: 'Đồng ý gia hạn', exact: true }).waitFor();
    await audit.getByRole('cell', { name: 'Gia hạn thời hạn nhiệm vụ', exact: true }).waitFor();
    // Each step names its person (name, title, unit), never the login.
    expect(await audit.getByRole('cell', { name: 'Nguyễn Văn An, Trưởng phòng Nội vụ, Quận Ba Đình', exact: true }).count()).toBeGreaterThan(0);
    expect(await audit.getByRole('cell', { name: 'badinh', exact: true }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, 'task-extension-approved', extension);
    await shoot(page, 'task-page');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('ubnd imports a directive from its file: reviews the tasks found with their sentences marked, drops one, saves a draft', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, portal.url, 'ubnd');
    await page.goto(`${portal.url}/giao-nhiem-vu`);
    await page.getByRole('link', { name: 'Nhập từ văn bản' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhập văn bản chỉ đạo từ tệp' }).waitFor();
    const letter = [
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
      '',
      'Số: 3105/UBND-KSTTHC',
      '',
      'Hà Nội, ngày 15 tháng 10 năm 2024',
      '',
      'V/v tăng cường số hóa hồ sơ thủ tục hành chính',
      '',
      '1. Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Văn phòng UBND Thành phố hoàn thành kết nối hệ thống một cửa điện tử trước ngày 31/12/2024.',
      '',
      '2. Sở Nội vụ chủ trì tổng hợp kết quả, báo cáo UBND Thành phố trong tháng 1 năm 2025.',
      '',
      '3. Giao Bộ Công an phối hợp bảo đảm an ninh dữ liệu.',
      '',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Văn A',
    ].join('\n');
    // A scanned PDF is refused with the reason; then the text.
    await page.locator('#directive-text').setInputFiles({ name: 'quet.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await page.getByText('Không đọc được văn bản').waitFor({ timeout: 15_000 });
    await page.locator('#directive-text').setInputFiles({ name: '3105-UBND-KSTTHC.md', mimeType: 'text/markdown', buffer: Buffer.from(letter) });
    const tasks = page.getByTestId('import-tasks');
    await tasks.waitFor({ timeout: 15_000 });
    await page.getByText('3105/UBND-KSTTHC', { exact: true }).waitFor();
    // Each task's sentence with what was found marked: the lead, the deadline's words.
    expect(await tasks.locator('mark').allInnerTexts()).toEqual(expect.arrayContaining(['Sở Thông tin và Truyền thông', 'trước ngày 31/12/2024']));
    // A body outside the registry is named as such, and its task is not saved.
    await tasks.getByText('Bộ Công an (ngoài danh mục)').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, 'giving-import-review');
    await tasks.getByRole('checkbox', { name: 'Giữ nhiệm vụ mục 2' }).uncheck();
    await page.getByRole('button', { name: 'Lưu dự thảo (1 nhiệm vụ)' }).click();
    await page.waitForURL(/\/giao-nhiem-vu\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    await page.getByRole('heading', { level: 1, name: 'Văn bản 3105/UBND-KSTTHC' }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const saved = (await page.evaluate(
      async (directiveId) => (await (await fetch(`/api/trpc/core/directives.get?input=${encodeURIComponent(JSON.stringify({ id: directiveId }))}`)).json()).result.data,
      id,
    )) as { state: string; drafts: Array<{ clause: string; leadUnit?: { code: string } }> };
    expect(saved.state).toBe('draft');
    expect(saved.drafts.map((d) => d.clause)).toEqual(['1']);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});


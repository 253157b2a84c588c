import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, seriousAccessibilityViolations, signIn, startPortal, type Browser, type RunningPortal } from '../src/harness.ts';

/**
 * The task core's journey in a real browser (issue "task core", item 9): an officer of Sở Tài
 * chính updates a task; the department's lead submits the quarter's report with an obstacle
 * beyond its authority; the UBND coordinator answers the escalation and accepts the report;
 * the department sees the answer. Demo data: directive 2458 (mostly continuous and overdue
 * tasks); "today" is the machine's date, so the current quarter is computed, not written.
 */
describe('task core journey in Chromium', () => {
  let portal: RunningPortal;
  let browser: Browser;
  const answer = 'UBND Thành phố giao Sở Nội vụ chủ trì, phối hợp Sở Tài chính trình cơ chế trong quý tới.';
  const obstacle = 'Cơ chế giao tự chủ cho đơn vị sự nghiệp y tế cần Nghị quyết của HĐND Thành phố.';

  beforeAll(async () => {
    portal = await startPortal();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  /** The block of a task in the report form, by its code. */
  const reportItem = (page: Page, code: string) =>
    page.locator('li.dondoc-report-item').filter({ has: page.getByRole('heading', { name: new RegExp(`^${code.replaceAll('.', '\\.')} —`) }) });

  it('stc.cv finds a task by a search without diacritics and updates its progress', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'stc.cv');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhiệm vụ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhiệm vụ' }).waitFor();
    await page.getByRole('link', { name: '2458-1.1-STC' }).waitFor();
    // Status tags and the "no progress update" flag, in Vietnamese.
    expect(await page.getByText('Chưa hoàn thành, quá hạn').count()).toBeGreaterThan(0);
    expect(await page.getByText('Chưa cập nhật tiến độ').count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A task the demo data leaves unfinished (1.7 is continuous): a completed one keeps progress 100 until its date is cleared.
    await page.getByLabel('Tìm kiếm').fill('khoan kinh phi tu chu');
    await page.waitForFunction(() => !document.body.textContent?.includes('2458-1.1-STC'));
    await page.getByRole('link', { name: '2458-1.7-STC' }).click();
    await page.getByRole('heading', { level: 1, name: /Khoán kinh phí, tự chủ tài chính/ }).waitFor();

    await page.getByLabel('Tiến độ (%)').fill('60');
    await page.getByLabel('Kết quả thực hiện').fill('Đã giao khoán kinh phí cho 42/70 đơn vị dự toán.');
    await page.getByLabel('Ghi chú').fill('Cập nhật sau họp giao ban tháng 11');
    await page.getByRole('button', { name: 'Lưu cập nhật' }).click();
    // Durable signs rather than the toast ("Đã lưu cập nhật tiến độ.", gone after 3 s).
    const history = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Lịch sử cập nhật' }) });
    await history.getByText('Cập nhật sau họp giao ban tháng 11').waitFor();
    // The person, by name, title and unit (issue 11, item 3), not the login.
    expect(await history.getByText('Trịnh Quốc Bảo, Chuyên viên Phòng Ngân sách, Sở Tài chính').count()).toBeGreaterThan(0);
    // What was typed in the result is now the task's result.
    await page.locator('.dondoc-descriptions').getByText('Đã giao khoán kinh phí cho 42/70 đơn vị dự toán.').waitFor();

    // Someone saves the same task in between (here: another tab of the same account): the
    // stale save gets the server's CONFLICT text naming who, and "Tải lại" keeps what was typed.
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const status = await page.evaluate(async (taskId) => {
      const read = await (await fetch(`/api/trpc/core/tasks.get?input=${encodeURIComponent(JSON.stringify({ id: taskId }))}`)).json();
      const response = await fetch('/api/trpc/core/tasks.update', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: taskId, version: read.result.data.version, progress: 65, note: 'Cập nhật từ tab khác' }),
      });
      return response.status;
    }, id);
    expect(status).toBe(200);
    await page.getByLabel('Tiến độ (%)').fill('70');
    await page.getByLabel('Ghi chú').fill('Không được mất khi xung đột');
    await page.getByRole('button', { name: 'Lưu cập nhật' }).click();
    await page.getByText('Dữ liệu đã được stc.cv thay đổi sau khi bạn mở. Hãy tải lại rồi thử lại.').waitFor();
    await page.getByRole('button', { name: 'Tải lại' }).click();
    await page.getByText(/Đã tải dữ liệu mới nhất/).waitFor();
    expect(await page.getByLabel('Tiến độ (%)').inputValue()).toBe('70');
    expect(await page.getByLabel('Ghi chú').inputValue()).toBe('Không được mất khi xung đột');
    await page.getByRole('button', { name: 'Lưu cập nhật' }).click();
    await history.getByText('Không được mất khi xung đột').waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('stc submits the current quarter’s report with an obstacle beyond its authority', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'stc');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Báo cáo định kỳ' }).click();
    await page.getByRole('heading', { name: /^Báo cáo Quý [IV]+\/\d{4} — Sở Tài chính$/ }).waitFor();
    await page.getByText(/Còn thiếu \d+ nội dung trước khi gửi/).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const items = page.locator('li.dondoc-report-item');
    const count = await items.count();
    expect(count).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < count; i++) {
      await items.nth(i).getByLabel('Tiến độ (%)').fill(String(30 + i));
    }
    const autonomy = reportItem(page, '2458-3.1');
    await autonomy.getByLabel('Kết quả thực hiện').fill('12/58 đơn vị sự nghiệp đã tự chủ chi thường xuyên.');
    await autonomy.getByRole('checkbox', { name: /Vượt thẩm quyền/ }).check();
    // Beyond authority without an obstacle is refused here, and nothing typed is lost.
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await autonomy.getByText('Nội dung vượt thẩm quyền cần nêu rõ khó khăn, vướng mắc.').waitFor();
    expect(await autonomy.getByLabel('Kết quả thực hiện').inputValue()).toBe('12/58 đơn vị sự nghiệp đã tự chủ chi thường xuyên.');
    await autonomy.getByLabel('Khó khăn, vướng mắc').fill(obstacle);
    await autonomy.getByLabel('Đề xuất, kiến nghị').fill('Đề nghị UBND Thành phố trình HĐND ban hành cơ chế.');
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await page.getByText('Báo cáo đã đủ nội dung để gửi.').waitFor();

    // Evidence: a refused kind shows why; a real PDF is attached.
    const fileInput = page.locator('#evidence-file');
    await fileInput.setInputFiles({ name: 'virus.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await page.getByText(/Không nhận tệp virus\.exe: chỉ nhận PDF, DOCX, XLSX, PNG hoặc JPG\./).waitFor();
    await fileInput.setInputFiles({ name: 'gia-mao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
    await page.getByText(/Không đính kèm được gia-mao\.pdf: Chỉ nhận tệp PDF, DOCX, XLSX, PNG hoặc JPG đúng định dạng\./).waitFor();
    await fileInput.setInputFiles({ name: 'bao-cao-tu-chu.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%minh chung\n') });
    await page.getByRole('cell', { name: 'bao-cao-tu-chu.pdf', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText(/1 nội dung vượt thẩm quyền sẽ được chuyển UBND Thành phố/).waitFor();
    await confirm.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Báo cáo đã gửi, đang chờ UBND Thành phố tiếp nhận.').waitFor();
    const raised = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Kiến nghị vượt thẩm quyền của báo cáo' }) });
    await raised.getByText(obstacle).waitFor();
    expect(await page.getByRole('button', { name: 'Lưu dự thảo' }).count()).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('ubnd sees the escalation, answers it and accepts the report', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'ubnd');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Điều phối' }).click();
    await page.getByRole('heading', { level: 1, name: 'Điều phối' }).waitFor();

    const escalation = page.locator('article.dondoc-escalation-card').filter({ hasText: '2458-3.1' });
    await escalation.getByText(obstacle).waitFor();
    expect(await escalation.getByText('Sở Tài chính').count()).toBeGreaterThan(0);
    await escalation.getByLabel('Trả lời', { exact: true }).fill(answer);
    await escalation.getByRole('button', { name: 'Gửi trả lời' }).click();
    // Answered: it leaves the open list and shows under "Đã trả lời" with the answer.
    await escalation.waitFor({ state: 'detached' });
    await page.getByRole('radiogroup', { name: 'Lọc kiến nghị theo tình trạng' }).getByText('Đã trả lời').click();
    await page.locator('article.dondoc-escalation-card').filter({ hasText: '2458-3.1' }).getByText(answer).first().waitFor();

    const accept = page.getByRole('button', { name: /^Tiếp nhận báo cáo Quý [IV]+\/\d{4} của Sở Tài chính$/ });
    await accept.click();
    await page.getByText('Không có báo cáo nào đang chờ tiếp nhận.').waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('stc sees the answer in its notifications and on the task', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'stc');
    const bell = page.getByRole('button', { name: /^Thông báo: \d+ chưa đọc$/ });
    await bell.click();
    const panel = page.getByRole('dialog', { name: 'Thông báo' });
    await panel.getByText(/Báo cáo Quý [IV]+\/\d{4} đã được tiếp nhận/).waitFor();
    await panel.getByRole('link', { name: 'UBND Thành phố đã trả lời kiến nghị về nhiệm vụ 2458-3.1' }).click();
    await page.waitForURL(/\/nhiem-vu\/[0-9a-f-]{36}$/);
    const escalations = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Kiến nghị vượt thẩm quyền' }) });
    await escalations.getByText(answer).waitFor();
    await escalations.getByText('Đã trả lời').waitFor();

    // The report is accepted, and the answer is shown beside it too.
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Báo cáo định kỳ' }).click();
    await page.getByText('Báo cáo đã được tiếp nhận.').waitFor();
    await page.locator('section').filter({ has: page.getByRole('heading', { name: 'Kiến nghị vượt thẩm quyền của báo cáo' }) }).getByText(answer).waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

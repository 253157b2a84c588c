import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { docxParagraphs, readXlsx } from '@dondoc/plugin-sdk/testing';
import { openBrowser, repoRoot, seriousAccessibilityViolations, signIn, startPortal, type Browser, type RunningPortal } from '../src/harness.ts';

/**
 * Issue 17 — the coordinators' overview `/tong-quan` in Chromium against the real server: the
 * matrix's cells equal `overview.summary` for the date shown; moving the date moves them as the
 * deadlines imply; the xlsx and the .docx downloaded hold the same figures (read back); a
 * unit's lead sees their own row only. `OVERVIEW_SCREENSHOTS=<dir>` (default e2e/test-results).
 */
const screenshots = process.env.OVERVIEW_SCREENSHOTS ?? join(repoRoot, 'e2e/test-results');
const STATUSES = ['in_progress', 'overdue', 'done_on_time', 'done_late', 'continuous'] as const;

interface SummaryUnit {
  code: string;
  name: string;
  kind: string;
  counts: Record<(typeof STATUSES)[number], number>;
  total: number;
}
interface Summary {
  asOf: string;
  totals: Record<(typeof STATUSES)[number], number> & { total: number };
  units: SummaryUnit[];
}

/** The summary the server answers this page's user for a date (the page's own session). */
const summaryOf = (page: Page, asOf: string) =>
  page.evaluate(async (date) => (await (await fetch(`/api/trpc/core/overview.summary?input=${encodeURIComponent(JSON.stringify({ asOf: date }))}`)).json()).result.data, asOf) as Promise<Summary>;

/** Every cell of the matrix for a unit, as the page shows it. */
const cellsOf = (page: Page, code: string) => Promise.all(STATUSES.map(async (s) => Number(await page.getByTestId(`cell-${code}-${s}`).innerText())));

describe('the city overview in Chromium', () => {
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

  it('as ubnd: the matrix is the summary, on any date; the files hold the same figures', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, portal.url, 'ubnd');
    await page.goto(`${portal.url}/tong-quan?ngay=2023-10-15`);
    await page.getByTestId('matrix-department').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('overview-asof').innerText(), { timeout: 15_000 }).toContain('15/10/2023');
    const october = await summaryOf(page, '2023-10-15');
    expect(october.units.length).toBe(51);
    for (const unit of october.units) expect(await cellsOf(page, unit.code), unit.code).toEqual(STATUSES.map((s) => unit.counts[s]));
    // 1.6 (due 30/09/2023) is overdue for the units that did not finish it.
    expect(october.totals.overdue).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshots, 'overview-2023-10-15.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Last year's end: every 2023 deadline has passed, and the demo's later completions count.
    await page.getByRole('button', { name: /^Cuối năm trước/ }).click();
    const lastYearEnd = `${new Date().getFullYear() - 1}-12-31`;
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain(`ngay=${lastYearEnd}`);
    await expect.poll(() => page.getByTestId('overview-asof').innerText(), { timeout: 15_000 }).toContain(`31/12/${lastYearEnd.slice(0, 4)}`);
    const later = await summaryOf(page, lastYearEnd);
    expect(later.totals).not.toEqual(october.totals);
    for (const unit of later.units.slice(0, 10)) expect(await cellsOf(page, unit.code), unit.code).toEqual(STATUSES.map((s) => unit.counts[s]));

    // A cell opens those tasks, as of that date.
    const stc = later.units.find((u) => u.code === 'STC')!;
    await page.getByTestId('cell-STC-overdue').click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('/nhiem-vu?don-vi=STC&trang-thai=overdue');
    expect(page.url()).toContain(`ngay=${lastYearEnd}`);
    await page.goBack();
    await page.getByTestId('matrix-department').waitFor();

    // The files: the xlsx's matrix and the report's figures are the page's.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bảng tổng hợp (.xlsx)' }).click()]);
    expect(xlsx.suggestedFilename()).toBe(`tong-quan_${lastYearEnd}.xlsx`);
    const sheets = await readXlsx(new Uint8Array(await readFile((await xlsx.path())!)));
    const matrix = sheets.get('Theo đơn vị')!;
    expect(matrix.find((r) => r[1] === 'Sở Tài chính')?.slice(2, 8)).toEqual([...STATUSES.map((s) => stc.counts[s]), stc.total]);
    expect(matrix.at(-1)?.slice(1, 8)).toEqual(['Tổng cộng', ...STATUSES.map((s) => later.totals[s]), later.totals.total]);
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Báo cáo lãnh đạo (.docx)' }).click()]);
    const text = (await docxParagraphs(new Uint8Array(await readFile((await docx.path())!)))).join('\n');
    expect(text).toContain(`chưa hoàn thành ${later.totals.in_progress + later.totals.overdue} nhiệm vụ (trong hạn ${later.totals.in_progress}, quá hạn ${later.totals.overdue})`);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');

    // English.
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe('City overview');
    await page.screenshot({ path: join(screenshots, 'overview-en.png'), fullPage: true });
    await page.getByText('Tiếng Việt', { exact: true }).click();
    await page.close();
  });

  it('as ubnd: the watch lists follow the data; a reminder sent from the list reaches the unit', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, portal.url, 'ubnd');
    await page.goto(`${portal.url}/tong-quan`);
    const overdue = page.getByTestId('watch-overdue');
    await overdue.waitFor({ timeout: 30_000 });
    const today = await summaryOf(page, new Date().toISOString().slice(0, 10));
    // The list's count is the matrix's total of overdue tasks.
    await expect.poll(() => page.getByRole('heading', { level: 3, name: /^Nhiệm vụ quá hạn/ }).innerText(), { timeout: 15_000 }).toBe(`Nhiệm vụ quá hạn (${today.totals.overdue})`);
    for (const id of ['watch-flagged', 'watch-targets', 'watch-scorecards', 'watch-escalations', 'watch-not-reported']) await page.getByTestId(id).waitFor({ timeout: 15_000 });
    // Targets with their sparklines, the misses first; the scorecards' criteria forecast to miss.
    expect(await page.getByTestId('watch-targets').locator('svg[role="img"]').count()).toBeGreaterThan(2);
    expect(await page.getByTestId('watch-scorecards').getByRole('listitem').count()).toBeGreaterThan(0);
    await page.getByTestId('watch-lists').screenshot({ path: join(screenshots, 'overview-watch-lists.png') });
    // The charts, loaded after the matrix: the completion bars (one per unit with a rate) and the months.
    await page.getByTestId('chart-over-time').locator('svg').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('chart-completion').getAttribute('aria-label')).toContain('tỷ lệ hoàn thành của');
    expect(await page.getByTestId('chart-over-time').getAttribute('aria-label')).toContain(`có ${today.totals.overdue} nhiệm vụ quá hạn`);
    await page.getByRole('heading', { name: 'Biểu đồ' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'overview-charts.png') });

    // The first overdue task: its reminder goes with the message the dialog opens with.
    const first = overdue.getByRole('listitem').first();
    const code = (await first.getByRole('link').first().innerText()).split(' ')[0]!;
    const reminders = first.getByTestId(`reminders-${code}`);
    const before = Number((await reminders.innerText()).match(/\d+/)![0]);
    await first.getByRole('button', { name: `Đôn đốc nhiệm vụ ${code}` }).click();
    const dialog = page.getByRole('dialog');
    const message = await dialog.getByRole('textbox').inputValue();
    expect(message).toContain(`hoàn thành nhiệm vụ ${code}`);
    await dialog.getByRole('button', { name: 'Gửi đôn đốc' }).click();
    await expect.poll(() => reminders.innerText(), { timeout: 15_000 }).toBe(`Đã đôn đốc ${before + 1} lần sau hạn`);
    // Recorded for the task's lead unit, with that message, as the task's page shows it.
    const taskId = (await first.getByRole('link').first().getAttribute('href'))!.split('/').at(-1)!;
    const task = await page.evaluate(
      async (id) => (await (await fetch(`/api/trpc/core/tasks.get?input=${encodeURIComponent(JSON.stringify({ id }))}`)).json()).result.data,
      taskId,
    ) as { leadUnit: { code: string }; reminders: Array<{ unit: { code: string }; message: string }> };
    expect(task.reminders[0]).toMatchObject({ unit: { code: task.leadUnit.code }, message });
    await page.close();
  });

  it('as badinh: Quận Ba Đình’s row only', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'badinh');
    await page.goto(`${portal.url}/tong-quan`);
    await page.getByTestId('matrix-district').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('matrix-department').count()).toBe(0);
    expect(await page.locator('[data-testid^="cell-"][data-testid$="-overdue"]').count()).toBe(1);
    expect(await page.getByTestId('cell-Q001-overdue').count()).toBe(1);
    // Titled for the unit, not for the city; so is its menu item.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Số liệu của Quận Ba Đình');
    expect(await page.title()).toContain('Số liệu của Quận Ba Đình');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Số liệu đơn vị' }).count()).toBe(1);
    expect(await page.getByText('Toàn Thành phố').count()).toBe(0);
    // (after the watch lists and widgets have loaded)
    await page.getByTestId('watch-scorecards').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(screenshots, 'overview-badinh.png'), fullPage: true });
    expect(await page.getByText('Sở Tài chính').count()).toBe(0);
    // Its watch lists are its own tasks' (the server scopes them); the other units' reports are not listed.
    await page.getByTestId('watch-overdue').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('watch-not-reported').count()).toBe(0);
    await page.close();
  });
});

/**
 * The Done-when journey in a real browser: the module's production build loaded at run time by
 * the shell's production build, served by the real server process with the demo data.
 *
 * Quận Ba Đình and Sở Tài chính submit this quarter's report on the shell's report page; Sở Xây
 * dựng does not, and `snv` reminds it from the module (Sở Xây dựng sees the reminder); `snv`
 * writes a part of the narrative and downloads the consolidated .docx. The test opens the file:
 * its tables hold the very figures of the core's overview for the quarter (read by `ubnd`
 * through the core's own endpoint), and the layout rules it can read hold (A4, Decree 30's
 * margins, Times New Roman, the header table, the number form).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hanoiDateOf, periodOf, TASK_STATUSES } from '@dondoc/plugin-sdk';
import { openBrowser, requireBrowserTestPrerequisites, seriousAccessibilityViolations, signIn, startPortal, type Browser, type RunningPortal } from '@dondoc/plugin-sdk/browser-testing';
import { docxParts, docxTables } from '@dondoc/plugin-sdk/testing';
import { reportAsOf } from '../src/domain/report.ts';

const moduleDir = fileURLToPath(new URL('../', import.meta.url));
const screenshots = join(moduleDir, 'test-results');
const dmy = (iso: string) => iso.split('-').reverse().join('/');
/** "1.234" → 1234. */
const asNumber = (text: string) => Number(text.replace(/\./g, ''));

/** A query of the core's router with the page's session (what the shell's own pages call). */
async function coreQuery<T>(page: Page, path: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ path, input }) => {
      const response = await fetch(`/api/trpc/core/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
      const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
      if (!body.result) throw new Error(JSON.stringify(body.error));
      return body.result.data;
    },
    { path, input },
  ) as Promise<T>;
}

interface OverviewSummary {
  totals: Record<string, number>;
  units: Array<{ code: string; name: string; counts: Record<string, number>; total: number }>;
}

describe('noi-vu in the browser (shell + module builds, real server)', () => {
  let portal: RunningPortal;
  let browser: Browser;
  beforeAll(async () => {
    // Without the builds or Chromium this fails naming the command to run; it never skips.
    requireBrowserTestPrerequisites([join(moduleDir, 'dist/mf-manifest.json')]);
    await mkdir(screenshots, { recursive: true });
    portal = await startPortal({ plugins: [{ id: 'noi-vu', server: join(moduleDir, 'src/server/plugin.ts'), web: join(moduleDir, 'dist') }] });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('units submit the quarter’s report, one does not and is reminded, snv downloads a .docx whose tables match the overview', { timeout: 300_000 }, async () => {
    const page = await browser.newPage();
    const today = hanoiDateOf(new Date());
    const period = periodOf('quarter', today);

    // --- Two units submit their report on the shell's report page.
    for (const [username, unitCode] of [['badinh', 'Q001'], ['stc', 'STC']] as const) {
      await browser.context.clearCookies();
      await signIn(page, portal.url, username);
      await page.goto(`${portal.url}/bao-cao?ky=${period.id}&don-vi=${unitCode}`);
      const fill = page.getByRole('button', { name: 'Điền tiến độ hiện tại vào ô còn trống' });
      await expect.poll(() => fill.isVisible(), { timeout: 30_000 }).toBe(true);
      await fill.click();
      await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
      const confirm = page.getByRole('dialog');
      await expect.poll(() => confirm.isVisible(), { timeout: 15_000 }).toBe(true);
      await confirm.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await expect.poll(() => page.getByText('Đã gửi báo cáo.').first().isVisible(), { timeout: 30_000 }).toBe(true);
    }

    // --- Sở Nội vụ: two reports in, Sở Xây dựng's missing; it reminds Sở Xây dựng.
    await browser.context.clearCookies();
    await signIn(page, portal.url, 'snv');
    await page.goto(`${portal.url}/m/noi-vu/`);
    const submitted = page.getByTestId('submitted-table');
    await expect.poll(() => submitted.locator('tbody tr.ant-table-row').count(), { timeout: 30_000 }).toBe(2);
    expect(await submitted.innerText()).toContain('Quận Ba Đình');
    expect(await submitted.innerText()).toContain('Sở Tài chính');
    const missing = page.getByTestId('missing-table');
    expect(await page.getByTestId('submission-share').innerText()).toMatch(/^Đã gửi báo cáo: 2\/\d+ đơn vị/);
    await page.getByText('Sở Xây dựng', { exact: true }).scrollIntoViewIfNeeded().catch(() => undefined);
    await page.getByTestId('remind-SXD').click();
    await expect.poll(() => page.getByText('Đã đôn đốc 1 đơn vị').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(async () => (await missing.getByRole('row', { name: /Sở Xây dựng/ }).innerText()).includes(dmy(today)), { timeout: 15_000 }).toBe(true);
    await page.screenshot({ path: join(screenshots, '1-consolidation.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);

    // It writes the direction part and the number, and downloads the report.
    await page.getByLabel('Số văn bản').fill('9');
    await page.getByLabel('I. Công tác chỉ đạo, điều hành').fill('UBND Thành phố ban hành Kế hoạch cải cách hành chính năm 2026.');
    await page.getByTestId('save-narrative').click();
    await expect.poll(() => page.getByText('Đã lưu.').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByText(/^Lưu lần cuối bởi /).isVisible(), { timeout: 15_000 }).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-docx').click()]);
    expect(download.suggestedFilename()).toBe(`bao-cao-cchc_${period.id}.docx`);
    const docx = new Uint8Array(await readFile((await download.path())!));

    // --- Sở Xây dựng sees the reminder.
    await browser.context.clearCookies();
    await signIn(page, portal.url, 'sxd');
    await page.goto(`${portal.url}/`);
    const notices = await coreQuery<Array<{ kind: string; title: string }>>(page, 'notifications.list', { unreadOnly: false });
    expect(notices.some((n) => n.kind === 'report_reminder' && n.title === `Đôn đốc gửi báo cáo ${period.label.vi}`)).toBe(true);

    // --- The document's tables against the core's overview for the quarter (read by a coordinator).
    await browser.context.clearCookies();
    await signIn(page, portal.url, 'ubnd');
    await page.goto(`${portal.url}/`);
    const overview = await coreQuery<OverviewSummary>(page, 'overview.summary', { asOf: reportAsOf(period, today) });
    const tables = await docxTables(docx);
    // The header table: the issuing body and the quốc hiệu, the number form, the place and date.
    expect(tables[0]![0]![0]).toContain('SỞ NỘI VỤ');
    expect(tables[0]![0]![1]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(tables[0]![1]).toEqual(['Số: 09/BC-SNV', `Hà Nội, ngày ${today.slice(8)} tháng ${Number(today.slice(5, 7)) <= 2 ? today.slice(5, 7) : String(Number(today.slice(5, 7)))} năm ${today.slice(0, 4)}`]);
    // Part II: tasks by status.
    expect(tables[1]!.slice(1, -1).map((row) => asNumber(row[1]!))).toEqual(TASK_STATUSES.map((s) => overview.totals[s]));
    expect(asNumber(tables[1]!.at(-1)![1]!)).toBe(overview.totals.total);
    // Annex I: every unit's tasks by status.
    const annex = tables.find((t) => t[0]![1] === 'Đơn vị' && t[0]!.includes('Tổng'))!;
    expect(annex.length - 2).toBe(overview.units.length);
    for (const unit of overview.units) {
      const row = annex.find((r) => r[1] === unit.name)!;
      expect(row.slice(2, 2 + TASK_STATUSES.length).map(asNumber), unit.name).toEqual(TASK_STATUSES.map((s) => unit.counts[s]));
      expect(asNumber(row[2 + TASK_STATUSES.length]!)).toBe(unit.total);
    }
    // Annex III: the two submitters and Sở Xây dựng, reminded today.
    const submissions = tables.find((t) => t[0]!.includes('Tình hình gửi báo cáo'))!;
    expect(submissions.filter((r) => r[2]?.startsWith('Đã gửi ngày')).map((r) => r[1]).sort()).toEqual(['Quận Ba Đình', 'Sở Tài chính']);
    expect(submissions.find((r) => r[1] === 'Sở Xây dựng')![2]).toBe(`Chưa gửi; đã đôn đốc ngày ${dmy(today)}`);
    // The layout rules a file shows: A4 portrait, margins 20/15/20/30 mm, Times New Roman.
    const parts = await docxParts(docx);
    expect(parts.get('word/document.xml')).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(parts.get('word/document.xml')).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(parts.get('word/styles.xml')).toContain('w:ascii="Times New Roman"');
    expect(parts.get('word/document.xml')).toContain('UBND Thành phố ban hành Kế hoạch cải cách hành chính năm 2026.');

    // --- A coordinator reads the consolidation; English.
    await page.goto(`${portal.url}/m/noi-vu/`);
    await expect.poll(() => page.getByTestId('submitted-table').locator('tbody tr.ant-table-row').count(), { timeout: 30_000 }).toBe(2);
    expect(await page.getByTestId('save-narrative').count()).toBe(0);
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe('Consolidated periodic reform report');
    expect(await page.getByTestId('submission-share').innerText()).toMatch(/^Reports submitted: 2\/\d+ units/);
    await page.getByText('Tiếng Việt', { exact: true }).click();
    await page.screenshot({ path: join(screenshots, '2-coordinator.png'), fullPage: true });

    // --- The module's other pages and its overview card, as the coordinator reads them (demo data).
    await page.goto(`${portal.url}/m/noi-vu/chi-so`);
    await expect.poll(() => page.getByTestId('scorecard-total').isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: 'Sở Nội vụ', exact: true }).first().isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);
    await page.goto(`${portal.url}/m/noi-vu/mo-hinh`);
    await expect.poll(() => page.getByText('1 lượt áp dụng', { exact: false }).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);
    await page.goto(`${portal.url}/m/noi-vu/kiem-tra`);
    await expect.poll(() => page.getByText(/1 quá hạn\.$/).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);
    await page.goto(`${portal.url}/`);
    const widget = page.getByTestId('noi-vu-widget');
    await expect.poll(() => widget.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await widget.innerText()).toMatch(/Tỷ lệ đơn vị gửi báo cáo CCHC định kỳ: \d+(,\d+)?%/);
    await page.screenshot({ path: join(screenshots, '3-pages.png'), fullPage: true });
    expect(page.errors).toEqual([]);
  });
});

/**
 * The core pages as people use them (issue 11, items 7–9): on a phone, in print, with a
 * keyboard or a screen reader. Every core page is checked with axe-core (no serious or
 * critical violation), as a coordinator and as a district lead. `LAYOUT_SCREENSHOTS=<dir>`
 * saves the task list, the report page and the overview at 1440 and 390 px, and the printed
 * overview as PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, seriousAccessibilityViolations, signIn, startPortal, type Browser, type RunningPortal } from '../src/harness.ts';

const shots = process.env.LAYOUT_SCREENSHOTS;

describe('the core pages on a phone, in print and with assistive technology', () => {
  let portal: RunningPortal;
  let browser: Browser;
  beforeAll(async () => {
    portal = await startPortal();
    browser = await openBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });

  /** Visits `path` and waits for its heading (the page's data has come). */
  async function visit(page: Page, path: string) {
    await page.goto(`${portal.url}${path}`);
    await page.locator('#main h1').first().waitFor();
    await page.locator('.ant-spin-spinning, .dondoc-loading-text').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  }

  it('axe-core finds no serious or critical violation on any core page (coordinator and district lead)', { timeout: 300_000 }, async () => {
    const found: Record<string, unknown> = {};
    for (const [user, paths] of [
      ['ubnd', ['/', '/nhiem-vu', '/chi-tieu', '/bao-cao?don-vi=Q001', '/dieu-phoi', '/giao-ban', '/giao-nhiem-vu', '/thong-bao']],
      ['badinh', ['/', '/nhiem-vu', '/chi-tieu', '/bao-cao', '/thong-bao']],
    ] as const) {
      const page = await browser.newPage();
      await signIn(page, portal.url, user);
      for (const path of paths) {
        await visit(page, path);
        const violations = await seriousAccessibilityViolations(page);
        if (violations.length > 0) found[`${user} ${path}`] = violations;
      }
      // The detail pages, reached as a person would: the first task, the first target, the first directive.
      await visit(page, '/nhiem-vu');
      await page.locator('.ant-table-row a').first().click();
      await page.waitForURL(/\/nhiem-vu\/[0-9a-f-]{36}/);
      await page.locator('#main h1').waitFor();
      const task = await seriousAccessibilityViolations(page);
      if (task.length > 0) found[`${user} task page`] = task;
      await visit(page, '/chi-tieu');
      await page.locator('#main a[href^="/chi-tieu/"]').first().click();
      await page.waitForURL(/\/chi-tieu\/.+/);
      await page.locator('#main h1').waitFor();
      const target = await seriousAccessibilityViolations(page);
      if (target.length > 0) found[`${user} target page`] = target;
      if (user === 'ubnd') {
        await visit(page, '/giao-nhiem-vu');
        await page.locator('#main a[href^="/giao-nhiem-vu/"]').first().click();
        await page.locator('#main h1').waitFor();
        const directive = await seriousAccessibilityViolations(page);
        if (directive.length > 0) found[`${user} directive page`] = directive;
      }
      expect(page.errors).toEqual([]);
      await page.close();
    }
    expect(found).toEqual({});
  });

  it('the language switch is a language choice; choosing a menu entry moves focus to the page’s heading; the menu stays in view', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'ubnd');
    // What a screen reader is told: a radio group "Ngôn ngữ" of two languages, each named in its own language.
    const language = page.getByRole('radiogroup', { name: 'Ngôn ngữ' });
    await language.waitFor();
    // (Polled: right after sign-in the header may render once more.)
    await expect.poll(() => language.ariaSnapshot(), { timeout: 15_000 }).toContain('radio "Tiếng Việt" [checked]');
    expect(await language.ariaSnapshot()).toContain('radio "English"');

    await nav(page).getByRole('link', { name: 'Nhiệm vụ', exact: true }).click();
    await page.waitForURL(/\/nhiem-vu$/);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === 'Nhiệm vụ');
    // By keyboard too: Enter on a menu entry.
    await nav(page).getByRole('link', { name: 'Chỉ tiêu', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === 'Chỉ tiêu');

    // A long page (50 tasks), scrolled to its end: the menu is still on the screen.
    await nav(page).getByRole('link', { name: 'Nhiệm vụ', exact: true }).click();
    await page.locator('.ant-table-row').nth(40).waitFor();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const box = await nav(page).getByRole('link', { name: 'Tổng quan' }).boundingBox();
    const height = page.viewportSize()!.height;
    expect(box, 'the menu entry has a box').not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(height);
    await page.close();
  });

  it('lists say their total; "Đôn đốc" is not offered on completed tasks', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'badinh');
    await visit(page, '/nhiem-vu');
    const badinhRows = await page.locator('.ant-table-row').count();
    await page.getByRole('status').filter({ hasText: `${badinhRows} nhiệm vụ` }).waitFor();
    await page.close();

    const ubnd = await browser.newPage();
    await signIn(ubnd, portal.url, 'ubnd');
    await visit(ubnd, '/nhiem-vu');
    await ubnd.getByRole('status').filter({ hasText: /^Đang hiển thị 50 trong tổng số \d{3} nhiệm vụ$/ }).waitFor();
    // Overdue tasks can be reminded about from the list; completed ones cannot.
    await visit(ubnd, '/nhiem-vu?trang-thai=overdue');
    await ubnd.locator('.ant-table-row').first().waitFor();
    expect(await ubnd.getByRole('button', { name: /Đôn đốc/ }).count()).toBeGreaterThan(0);
    await visit(ubnd, '/nhiem-vu?trang-thai=done_on_time');
    await ubnd.locator('.ant-table-row').first().waitFor();
    expect(await ubnd.locator('.ant-table-row').count()).toBeGreaterThan(0);
    expect(await ubnd.getByRole('button', { name: /Đôn đốc/ }).count()).toBe(0);
    // …nor on the page of a completed task.
    await ubnd.locator('.ant-table-row a').first().click();
    await ubnd.locator('#main h1').waitFor();
    await ubnd.getByText(/Hoàn thành/).first().waitFor();
    expect(await ubnd.getByRole('button', { name: /Đôn đốc/ }).count()).toBe(0);
    await ubnd.close();
  });

  it('on a 390-px phone the task list shows status and progress without sideways scrolling; the menu opens over the page', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, portal.url, 'badinh');
    await visit(page, '/nhiem-vu');
    const row = page.locator('.ant-table-row').first();
    await row.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const part of [row.locator('.ant-tag').first(), row.locator('.ant-progress')]) {
      const box = await part.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    if (shots) await page.screenshot({ path: `${shots}/tasks-390.png` });

    // The menu: behind a button; it opens over the page (the page does not move), closes on a choice.
    const mainBox = await page.locator('#main').boundingBox();
    await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
    await nav(page).getByRole('link', { name: 'Báo cáo định kỳ' }).waitFor();
    expect((await page.locator('#main').boundingBox())!.x).toBe(mainBox!.x);
    // (The menu slides open: wait until it has its full width.)
    await page.waitForFunction(() => document.querySelector('aside')?.getBoundingClientRect().width === 260);
    if (shots) await page.screenshot({ path: `${shots}/menu-390.png` });
    const onTop = await page.evaluate(() => document.elementFromPoint(60, 300)?.closest('nav')?.id ?? null);
    expect(onTop).toBe('dondoc-side-nav');
    await nav(page).getByRole('link', { name: 'Báo cáo định kỳ' }).click();
    await page.waitForURL(/\/bao-cao/);
    await page.locator('#main h1').waitFor();
    await nav(page).waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (shots) await page.screenshot({ path: `${shots}/report-390.png`, fullPage: true });
    await page.close();
  });

  it('printing the overview gives the page alone: no menu or buttons, every unit’s row, no cut columns', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'ubnd');
    await visit(page, '/');
    const section = page.locator('section').filter({ has: page.getByRole('heading', { name: /^Theo đơn vị chủ trì \(\d+\)$/ }) });
    const title = await section.getByRole('heading', { name: /^Theo đơn vị chủ trì/ }).textContent();
    const units = Number(/\((\d+)\)/.exec(title ?? '')?.[1]);
    expect(units).toBeGreaterThanOrEqual(51);
    // On screen it pages (20 a page).
    expect(await section.locator('.ant-table-row').count()).toBeLessThan(units);

    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction((n) => document.querySelectorAll('.dondoc-unit-table .ant-table-row').length === n, units);
    for (const hidden of [page.locator('.dondoc-header'), nav(page), page.locator('#main .ant-btn').first()]) expect(await hidden.isVisible()).toBe(false);
    // No column cut: the table is no wider than the page's width.
    const widths = await page.evaluate(() => {
      const table = document.querySelector('.dondoc-unit-table table') as HTMLElement;
      return { table: table.getBoundingClientRect().right, page: document.documentElement.clientWidth };
    });
    expect(widths.table).toBeLessThanOrEqual(widths.page);
    if (shots) await page.pdf({ path: `${shots}/overview-print.pdf`, format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });

  it.runIf(!!shots)('screenshots at 1440 and 390 px of the task list, the report page and the overview', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'badinh');
    for (const [name, path] of [['tasks', '/nhiem-vu'], ['report', '/bao-cao'], ['overview', '/']] as const) {
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await visit(page, path);
        await page.screenshot({ path: `${shots}/${name}-${width}.png` });
      }
    }
    await page.close();
    // The printed overview and report as the coordinator prints them (A4 width, print media).
    const ubnd = await browser.newPage();
    await signIn(ubnd, portal.url, 'ubnd');
    await ubnd.setViewportSize({ width: 794, height: 1123 });
    for (const [name, path] of [['overview', '/'], ['report', '/bao-cao?don-vi=Q001']] as const) {
      await visit(ubnd, path);
      await ubnd.emulateMedia({ media: 'print' });
      await ubnd.screenshot({ path: `${shots}/${name}-print.png`, fullPage: true });
      await ubnd.emulateMedia({ media: 'screen' });
    }
    await ubnd.close();
  });
});

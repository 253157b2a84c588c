/**
 * Issue 12 in Chromium against the real server: Sở Nội vụ opens the index scorecards, filters
 * PAPI to what is at risk, estimates a dimension below its target (refused until a remediation is
 * given), and the coordinators find the escalation linked to the dimension; the departments' ranking; the page speaks English
 * too, and axe-core finds no serious violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, seriousAccessibilityViolations, signIn, startPortal, type Browser, type RunningPortal } from '../src/harness.ts';

describe('index scorecards in Chromium', () => {
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

  it('Sở Nội vụ estimates a PAPI dimension below target with a remediation; the UBND sees the escalation', { timeout: 180_000 }, async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'snv');
    await page.goto(`${portal.url}/chi-so`);
    await page.getByRole('heading', { level: 1, name: 'Bảng điểm các Chỉ số' }).waitFor();
    for (const name of ['PAR INDEX', 'SIPAS', 'PAPI', 'PCI', 'PGI']) await page.getByRole('link', { name: `${name} năm 2023`, exact: true }).waitFor();
    // The city's ranking of its departments: Sở Nội vụ first at 94%, up four places since 2022 (the demo's figures).
    const departments = page.getByRole('table', { name: 'Các sở, ban, ngành năm 2023' });
    await departments.waitFor();
    expect(await departments.locator('tbody tr').first().innerText()).toMatch(/1\s+Sở Nội vụ\s+94%\s+Tăng 4 bậc\s+Đã công bố/);
    await page.getByText('Điểm trung bình: 88,4%').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'PAPI năm 2023', exact: true }).click();
    await page.waitForURL(/\/chi-so\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh \(PAPI\) — Năm 2023/ }).waitFor();
    const rows = page.locator('.dondoc-scorecard .ant-table-row');
    await expect.poll(() => rows.count()).toBe(9);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // "Only at risk", by keyboard: the index and dimension 7 (3,3 of a 3,6 target) stay.
    await page.getByRole('switch', { name: 'Chỉ hiện tiêu chí có nguy cơ không đạt' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).innerText()).toContain('Quản trị môi trường');
    await page.keyboard.press('Space');
    await expect.poll(() => rows.count()).toBe(9);

    // Dimension 1 lowered to 5 (target 5,2): the form asks for a remediation before it saves.
    await page.getByRole('button', { name: 'Ước tính điểm tiêu chí 1' }).click();
    const form = page.getByRole('group', { name: 'Ước tính điểm tiêu chí 1' });
    await form.getByLabel('Điểm ước tính').fill('5');
    await form.getByLabel('Căn cứ, minh chứng').fill('Khảo sát nhanh tại 12 phường');
    await form.getByText('Điểm thấp hơn mục tiêu 5,2: hãy nêu giải pháp khắc phục.').waitFor();
    await form.getByRole('button', { name: 'Lưu ước tính' }).click();
    await form.getByText('Hãy nêu giải pháp khắc phục.', { exact: true }).waitFor();
    await form.getByLabel('Giải pháp khắc phục (việc cần làm)').fill('Lấy ý kiến người dân về kế hoạch sử dụng đất tại tổ dân phố');
    await form.getByLabel('Thời hạn').fill('31/12/2099');
    await form.getByLabel('Thời hạn').press('Tab');
    await form.getByRole('button', { name: 'Lưu ước tính' }).click();
    await page.getByText(/Đã lưu ước tính\. Điểm dự báo: 45,3\/80\. Ước tính thấp hơn mục tiêu: đã báo cáo UBND Thành phố\./).waitFor();
    const dimension1 = rows.filter({ hasText: 'Tham gia của người dân ở cấp cơ sở' });
    await expect.poll(() => dimension1.innerText()).toContain('Có nguy cơ không đạt');
    expect(await dimension1.innerText()).toContain('Đã báo cáo UBND Thành phố');

    // The coordinators' queue: the escalation, linked to the dimension.
    const ubnd = await browser.newPage();
    await signIn(ubnd, portal.url, 'ubnd');
    await ubnd.goto(`${portal.url}/dieu-phoi`);
    const link = ubnd.getByRole('link', { name: 'PAPI 2023 · 1 Tham gia của người dân ở cấp cơ sở' });
    await link.waitFor();
    await link.click();
    await ubnd.waitForURL(/\/chi-so\/[0-9a-f-]{36}\?nut=/);
    await ubnd.getByRole('heading', { level: 1, name: /PAPI/ }).waitFor();
    // The dimension the escalation is about is marked.
    expect(await ubnd.locator('.dondoc-score-highlight').innerText()).toContain('Tham gia của người dân ở cấp cơ sở');

    // The English switch.
    await ubnd.getByText('English', { exact: true }).click();
    await ubnd.getByRole('heading', { level: 1, name: /Provincial Governance and Public Administration Performance Index \(PAPI\) — Year 2023/ }).waitFor();
    await ubnd.getByRole('switch', { name: 'Only criteria at risk' }).waitFor();
  });
});

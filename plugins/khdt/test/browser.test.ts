/**
 * The Done-when journey in a real browser: the module's production build loaded at run time by
 * the shell's production build, served by the real server process with the demo data.
 *
 * `vp` (Văn phòng UBND, owner of PCI sub-index 4 "Chi phí thời gian", target 6,5, the demo's
 * estimate 6,8) lowers its estimate to 6 with a remediation action: the row turns at risk, the
 * index above it stays at risk, the projected PCI recorded on the module's target SKHDT-PCI-2023
 * moves from 69,1 to 68,7 by hand: (5·(7,2+5,9+6,8+5,8+6+6,3) + 20·(6,6+7,9+7,5) + 10·6,1)/100 × 10
 * = 69,1, and 0,8 less on a weight of 5 is 0,8·5/100·10 = 0,4 less. `ubnd` finds the escalation in
 * its queue. `skhdt` sees Sở Công Thương's scheme flagged behind plan and raises its obstacle
 * beyond the department's authority to the UBND, which finds it in its queue too.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, requireBrowserTestPrerequisites, seriousAccessibilityViolations, signIn, startPortal, type Browser, type RunningPortal } from '@dondoc/plugin-sdk/browser-testing';

const moduleDir = fileURLToPath(new URL('../', import.meta.url));
const screenshots = join(moduleDir, 'test-results');
const SCT_SCHEME = 'Kế hoạch hỗ trợ doanh nghiệp chuyển đổi số, phát triển thương mại điện tử';

describe('khdt in the browser (shell + module builds, real server)', () => {
  let portal: RunningPortal;
  let browser: Browser;
  beforeAll(async () => {
    requireBrowserTestPrerequisites([join(moduleDir, 'dist/mf-manifest.json')]);
    await mkdir(screenshots, { recursive: true });
    portal = await startPortal({ plugins: [{ id: 'khdt', server: join(moduleDir, 'src/server/plugin.ts'), web: join(moduleDir, 'dist') }] });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('an owner unit lowers a PCI estimate below target with a remediation: path at risk, escalated to the UBND, the projection moves', { timeout: 300_000 }, async () => {
    const page = await browser.newPage();
    await signIn(page, portal.url, 'vp');
    await page.goto(`${portal.url}/m/khdt/chi-so/pci`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 30_000 }).toBe('Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) — Năm 2023');
    const projection = page.getByTestId('khdt-projection');
    await expect.poll(() => projection.innerText(), { timeout: 15_000 }).toBe('Số liệu mới nhất: 69,1 (ngày 31/12/2023)');
    expect(await page.getByText('Chỉ tiêu SKHDT-PCI-2023:', { exact: false }).isVisible()).toBe(true);
    const rows = page.locator('.dondoc-scorecard .ant-table-row');
    const row4 = rows.filter({ hasText: 'Chi phí thời gian' });
    expect(await row4.innerText()).toContain('Đạt mục tiêu');
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);

    await page.getByRole('button', { name: 'Ước tính điểm tiêu chí 4' }).click();
    const form = page.getByRole('group', { name: 'Ước tính điểm tiêu chí 4' });
    await form.getByLabel('Điểm ước tính').fill('6');
    await form.getByLabel('Căn cứ, minh chứng').fill('Khảo sát 120 doanh nghiệp quý IV về thời gian làm thủ tục');
    await form.getByText('Điểm thấp hơn mục tiêu 6,5: hãy nêu giải pháp khắc phục.').waitFor();
    await form.getByLabel('Giải pháp khắc phục (việc cần làm)').fill('Rút ngắn 30% thời gian giải quyết thủ tục đầu tư, đất đai');
    await form.getByLabel('Thời hạn').fill('31/12/2099');
    await form.getByLabel('Thời hạn').press('Tab');
    await form.getByRole('button', { name: 'Lưu ước tính' }).click();
    await page.getByText('Đã lưu ước tính. Điểm dự báo: 68,7/100. Ước tính thấp hơn mục tiêu: đã báo cáo UBND Thành phố.').waitFor();
    // The row and the index above it are at risk; the escalation is marked on the row.
    await expect.poll(() => row4.innerText(), { timeout: 15_000 }).toContain('Có nguy cơ không đạt');
    expect(await row4.innerText()).toContain('Đã báo cáo UBND Thành phố');
    expect(await rows.first().innerText()).toContain('Có nguy cơ không đạt');
    expect(await page.getByTestId('khdt-total-class').innerText()).toBe('Có nguy cơ không đạt');
    // The projected score's measurement on the module's target moved.
    await expect.poll(() => projection.innerText(), { timeout: 15_000 }).toBe('Số liệu mới nhất: 68,7 (ngày 31/12/2023)');
    expect(await page.getByTestId('khdt-forecast').innerText()).toBe('Dự báo chỉ tiêu: Dự báo không đạt');
    // The misses list it with its action.
    const misses = page.getByRole('table', { name: 'Chỉ tiêu dự báo không đạt và giải pháp khắc phục' });
    expect(await misses.getByRole('row', { name: /Chi phí thời gian/ }).innerText()).toContain('Rút ngắn 30% thời gian giải quyết thủ tục đầu tư, đất đai');
    await page.screenshot({ path: join(screenshots, '1-pci-estimate.png'), fullPage: true });

    // English.
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe('Provincial Competitiveness Index (PCI) — Year 2023');
    expect(await projection.innerText()).toBe('Latest measurement: 68.7 (on 31/12/2023)');
    await page.getByText('Tiếng Việt', { exact: true }).click();
    expect(page.errors).toEqual([]);

    // --- Sở KH&ĐT: Sở Công Thương's scheme is behind plan; its obstacle beyond authority goes to the UBND.
    await browser.context.clearCookies();
    await signIn(page, portal.url, 'skhdt');
    await page.goto(`${portal.url}/m/khdt/`);
    await expect.poll(() => page.getByTestId('khdt-summary').innerText(), { timeout: 30_000 }).toMatch(/^3 Đề án, 1 chậm tiến độ/);
    await page.getByRole('switch', { name: 'Chỉ hiện Đề án chậm tiến độ' }).click();
    const schemeRows = page.locator('.ant-table-row');
    await expect.poll(() => schemeRows.count(), { timeout: 15_000 }).toBe(1);
    expect(await schemeRows.first().innerText()).toMatch(/Chậm giải ngân[\s\S]*Chậm đối tượng thụ hưởng/);
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);
    await page.getByRole('link', { name: SCT_SCHEME }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe(SCT_SCHEME);
    expect(await page.getByText('Vượt thẩm quyền, chưa báo cáo').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Báo cáo UBND Thành phố' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Báo cáo UBND Thành phố' }).click();
    await page.getByText('Đã báo cáo UBND Thành phố.', { exact: true }).waitFor();
    await expect.poll(() => page.getByText(/^Đã báo cáo UBND Thành phố ngày \d\d\/\d\d\/\d{4}$/).isVisible(), { timeout: 15_000 }).toBe(true);
    await page.screenshot({ path: join(screenshots, '2-scheme-escalated.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page, '.dondoc-page')).toEqual([]);
    expect(page.errors).toEqual([]);

    // --- The UBND's queue holds both escalations; the overview carries the module's card.
    await browser.context.clearCookies();
    await signIn(page, portal.url, 'ubnd');
    await page.goto(`${portal.url}/dieu-phoi`);
    await page.getByRole('link', { name: 'PCI 2023 · 4 Chi phí thời gian' }).waitFor({ timeout: 30_000 });
    const schemeLink = page.getByRole('link', { name: SCT_SCHEME });
    await schemeLink.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(screenshots, '3-ubnd-queue.png'), fullPage: true });
    // The link leads back to the scheme in the module, which the coordinators read.
    await schemeLink.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 30_000 }).toBe(SCT_SCHEME);
    expect(await page.getByRole('button', { name: 'Báo cáo UBND Thành phố' }).count()).toBe(0);
    await page.goto(`${portal.url}/`);
    const widget = page.getByTestId('khdt-widget');
    await expect.poll(() => widget.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await widget.innerText()).toMatch(/Đề án hỗ trợ doanh nghiệp: 1\/3 chậm tiến độ[\s\S]*PCI 2023: 68,7\/100 — 3 chỉ tiêu dự báo không đạt/);
    expect(page.errors).toEqual([]);
  });
});

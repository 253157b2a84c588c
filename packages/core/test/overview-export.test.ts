/**
 * overview.export: the xlsx and the leadership's .docx hold the figures of overview.summary for
 * the same date and caller (read back from the files).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@dondoc/db/testing';
import { docxParagraphs, docxParts, readXlsx } from '@dondoc/kit/testing';
import { TASK_STATUSES } from '../src/domain/index.ts';
import { createCoreHarness, rejection, type CoreHarness } from './harness.ts';

const ASOF = '2023-10-15';

describe.each(testBackends)('overview.export on %s', (backend) => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await createCoreHarness(backend);
    const complete = async (username: 'stc.cv' | 'sxd', code: string, completedOn: string) =>
      (await h.as(username)).tasks.update({ id: h.taskId(code), version: 1, progress: 100, completedOn, resultDocNumber: `${code}/BC`, resultDocDate: completedOn });
    await complete('stc.cv', '2458-1.6-STC', '2023-09-30');
    await complete('sxd', '2458-1.6-SXD', '2023-10-05');
  });
  afterAll(async () => h?.close());

  it('xlsx: the totals and every unit row are the summary’s, units grouped and ranked', async () => {
    const ubnd = await h.as('ubnd');
    const summary = await ubnd.overview.summary({ asOf: ASOF });
    const file = await ubnd.overview.export({ asOf: ASOF, format: 'xlsx' });
    expect(file.fileName).toBe(`tong-quan_${ASOF}.xlsx`);
    const sheets = await readXlsx(file.contentBase64);
    expect([...sheets.keys()]).toEqual(['Tổng hợp', 'Theo đơn vị', 'Chỉ tiêu', 'Giao ban']);
    const totals = sheets.get('Tổng hợp')!;
    expect(totals.find((r) => r[0] === 'Tổng số nhiệm vụ')?.[1]).toBe(summary.totals.total);
    expect(totals.find((r) => r[0] === 'Chưa hoàn thành, quá hạn')?.[1]).toBe(49);
    expect(totals.find((r) => String(r[0]).startsWith('Tỷ lệ hoàn thành'))?.[1]).toBe('3,92%'); // 2 ÷ (2 + 49)
    const matrix = sheets.get('Theo đơn vị')!;
    const header = matrix.findIndex((r) => r[1] === 'Đơn vị');
    const rows = matrix.slice(header + 1, -1);
    expect(rows).toHaveLength(summary.units.length);
    for (const unit of summary.units) {
      const row = rows.find((r) => r[1] === unit.name)!;
      expect(row.slice(2, 8), unit.code).toEqual([...TASK_STATUSES.map((s) => unit.counts[s]), unit.total]);
      expect(row[9], unit.code).toBe(unit.rank);
    }
    // Departments first, the two at 100% on top; then districts.
    expect(rows[0]?.[0]).toBe('Sở, ban, ngành');
    expect(rows.slice(0, 2).map((r) => r[1]).sort()).toEqual(['Sở Tài chính', 'Sở Xây dựng']);
    expect(rows.at(-1)?.[0]).toBe('Quận, huyện, thị xã');
    expect(matrix.at(-1)?.slice(1, 8)).toEqual(['Tổng cộng', ...TASK_STATUSES.map((s) => summary.totals[s]), summary.totals.total]);
    expect(sheets.get('Chỉ tiêu')!.filter((r) => String(r[0]).startsWith('2458-CT')).length).toBe(2);
  });

  it('docx: the leadership’s report, Decree 30 layout, with the same figures', async () => {
    const ubnd = await h.as('ubnd');
    const summary = await ubnd.overview.summary({ asOf: ASOF });
    const file = await ubnd.overview.export({ asOf: ASOF, format: 'docx' });
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const body = (await docxParts(file.contentBase64)).get('word/document.xml')!;
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const text = (await docxParagraphs(file.contentBase64)).join('\n');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toMatch(/Số: +\/BC-UBND/);
    expect(text).toContain(`Tình hình thực hiện nhiệm vụ, chỉ tiêu tính đến ngày 15/10/2023`);
    const t = summary.totals;
    expect(text).toContain(`Đã hoàn thành 2 nhiệm vụ (đúng hạn 1, quá hạn 1); chưa hoàn thành ${t.in_progress + t.overdue} nhiệm vụ (trong hạn ${t.in_progress}, quá hạn 49); ${t.continuous} nhiệm vụ thường xuyên.`);
    expect(text).toContain('Tỷ lệ hoàn thành: 2/51 nhiệm vụ đến hạn đã hoàn thành, đạt 3,92%.');
    expect(text).toContain(`${summary.units.filter((u) => u.counts.overdue > 0).length} đơn vị có nhiệm vụ quá hạn, tổng cộng 49 nhiệm vụ.`);
    expect(text).toContain('Phụ lục I');
    expect(text).toContain('Nơi nhận:');
  });

  it('a unit’s user exports their own unit only; no session is refused', async () => {
    const badinh = await h.as('badinh');
    const sheets = await readXlsx((await badinh.overview.export({ asOf: ASOF, format: 'xlsx' })).contentBase64);
    const matrix = sheets.get('Theo đơn vị')!;
    const header = matrix.findIndex((r) => r[1] === 'Đơn vị');
    expect(matrix.slice(header + 1, -1).map((r) => r[1])).toEqual(['Quận Ba Đình']);
    const text = (await docxParagraphs((await badinh.overview.export({ asOf: ASOF, format: 'docx' })).contentBase64)).join('\n');
    expect(text).toContain('UBND THÀNH PHỐ HÀ NỘI');
    expect(text).toContain('QUẬN BA ĐÌNH');
    expect(text).not.toContain('Sở Tài chính');
    expect((await rejection(h.anonymous().overview.export({ format: 'xlsx' }))).code).toBe('UNAUTHORIZED');
    expect((await rejection(badinh.overview.export({ format: 'pdf' as 'xlsx' }))).code).toBe('BAD_REQUEST');
  });
});

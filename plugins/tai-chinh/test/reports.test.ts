/**
 * The periodic report (xlsx) for the core's reporting periods: the register by managing unit
 * and group, scoped to what the caller may see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@dondoc/plugin-sdk/testing';
import { seedDemoRegister } from '../src/server/seed.ts';
import { createHarness, rejection, type Harness } from './harness.ts';
import { importForm, readXlsx } from './files.ts';

describe.each(testBackends)('periodic report on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
    await seedDemoRegister({ db: h.db, core: await h.core() });
    await (await h.as('stc')).consolidation.approve({ year: 2024, managingUnitCodes: ['Q001', 'SYT'] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('exports the city-wide report of a quarter for Sở Tài chính', async () => {
    const file = await (await h.as('stc')).reports.export({ periodId: '2024-Q1' });
    expect(file.fileName).toBe('tu-chu-tai-chinh_2024-Q1_toan-thanh-pho.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheets = await readXlsx(file.contentBase64);
    expect([...sheets.keys()]).toEqual(['Tổng hợp', 'Danh sách', 'Ghi chú']);

    const summary = sheets.get('Tổng hợp')!;
    expect(summary[0]?.[0]).toBe('BÁO CÁO TỰ CHỦ TÀI CHÍNH CỦA ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP');
    expect(summary[1]?.[0]).toBe('Kỳ báo cáo: Quý I/2024 — số liệu từ 15/12/2023 đến 14/03/2024; hạn gửi 20/03/2024.');
    expect(String(summary[3]?.[0])).toMatch(/^Phạm vi: Toàn Thành phố\. Ngày xuất: \d{2}\/\d{2}\/\d{4}, người xuất: Nguyễn Đức Long\.$/);
    expect(summary[5]?.slice(0, 9)).toEqual(['STT', 'Đơn vị chủ quản', 'Số đơn vị sự nghiệp', 'Nhóm 1', 'Nhóm 2', 'Nhóm 3', 'Nhóm 4', 'Chưa phân loại', 'Tỷ lệ tự chủ nhóm 1, 2 (%)']);
    const rows = summary.slice(6);
    // Departments first (the city's order), then districts, then the total.
    expect(rows.map((r) => r[1])).toEqual(['Sở Văn hóa và Thể thao', 'Sở Giáo dục và Đào tạo', 'Sở Y tế', 'Quận Ba Đình', 'Quận Hoàn Kiếm', 'Toàn Thành phố']);
    const sytRow = rows[2]!;
    expect(sytRow.slice(2, 9)).toEqual([4, 0, 2, 1, 1, 0, 50]);
    expect(String(sytRow[12])).toMatch(/^Đã phê duyệt \(stc, \d{2}\/\d{2}\/\d{4}\)$/);
    expect(rows[4]?.[12]).toBe('Chờ phê duyệt');
    const total = rows[5]!;
    expect(total.slice(2, 9)).toEqual([16, 0, 6, 8, 2, 0, 37.5]);
    // Recorded on approving Q001 and SYT: their 2 + 2 units in groups 1-2 over the city's 16
    // units with a 2024 group = 25%, provisional (2 of the 5 managing units approved). Before
    // the fix it was 4 of their own 8 units, 50%.
    expect(total[12]).toBe('Đã ghi nhận chỉ tiêu 2458-CT3: 25% (ngày 31/12/2024; tạm tính: đã duyệt 2/5 đơn vị chủ quản)');

    const list = sheets.get('Danh sách')!;
    const header = list[5]!;
    expect(header.slice(0, 8)).toEqual(['STT', 'Đơn vị chủ quản', 'Tên đơn vị', 'Lĩnh vực', 'Năm', 'Nhóm tự chủ', 'Tổng thu (A)', 'Chi thường xuyên (B)']);
    const body = list.slice(6);
    expect(body).toHaveLength(16);
    // By managing unit, then group.
    const syt = body.filter((r) => r[1] === 'Sở Y tế').map((r) => [r[2], r[5]]);
    expect(syt).toEqual([
      ['Bệnh viện Đa khoa Xanh Pôn', 2],
      ['Bệnh viện Thanh Nhàn', 2],
      ['Bệnh viện Phổi Hà Nội', 3],
      ['Trung tâm Kiểm soát bệnh tật Hà Nội', 4],
    ]);
    const mismatch = body.find((r) => r[2] === 'Trường THCS Phan Chu Trinh')!;
    expect(mismatch.slice(4, 11)).toEqual([2024, 3, 150_000_000, 2_000_000_000, 7.5, 4, 'Không khớp số liệu']);
  });

  it("gives a district only its own units, and the report re-imports as it is", async () => {
    const badinh = await h.as('badinh');
    const file = await badinh.reports.export({ periodId: '2025-H1' });
    expect(file.fileName).toBe('tu-chu-tai-chinh_2025-H1_q001.xlsx');
    const sheets = await readXlsx(file.contentBase64);
    expect(String(sheets.get('Tổng hợp')?.[3]?.[0])).toMatch(/^Phạm vi: Quận Ba Đình\./);
    const names = sheets.get('Danh sách')!.slice(6).map((r) => r[1]);
    expect(new Set(names)).toEqual(new Set(['Quận Ba Đình']));
    const again = await badinh.units.import(importForm({ fileName: file.fileName, contentBase64: file.contentBase64, dryRun: true }));
    expect(again.errors).toEqual([]);
    expect(again.sheetName).toBe('Danh sách');
    expect(again.summary).toMatchObject({ unitsCreated: 0, yearsCreated: 0, yearsUpdated: 0, yearsUnchanged: 4 });
  });

  it('reports the 2025 classification for periods after the roadmap, and refuses periods before it', async () => {
    const stc = await h.as('stc');
    const later = await readXlsx((await stc.reports.export({ periodId: '2026-M03' })).contentBase64);
    expect(later.get('Tổng hợp')?.[1]?.[0]).toMatch(/^Kỳ báo cáo: Tháng 3\/2026/);
    expect(later.get('Tổng hợp')?.[2]?.[0]).toMatch(/^Phân loại năm 2025/);
    expect((await rejection(stc.reports.export({ periodId: '2021-Y' }))).message).toBe('Lộ trình tự chủ tài chính bắt đầu từ năm 2022.');
    expect((await rejection(stc.reports.export({ periodId: '2024-Q5' }))).code).toBe('BAD_REQUEST');
  });
});

/**
 * Done when (issue "Sở Tài chính module"): a district imports its units from xlsx, Sở Tài
 * chính approves the year, and the city-wide share, the core target's measurement and its
 * forecast change; a unit whose figures imply another group is flagged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@dondoc/plugin-sdk/testing';
import { AUTONOMY_TARGET_CODE, mismatchesToApprove } from '../src/domain/index.ts';
import { createHarness, rejection, type Harness } from './harness.ts';
import { HEADERS, importForm, xlsxBase64 } from './files.ts';

describe.each(testBackends)('the autonomy journey on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  const target = async () => (await h.core()).targets.get(AUTONOMY_TARGET_CODE);

  it('starts with no measurement: the 2025 target has passed unmet', async () => {
    const before = await target();
    expect(before.sourceModule).toBe('tai-chinh');
    expect(before.measurements).toEqual([]);
    expect(before.forecast.class).toBe('off_track');
  });

  it('Quận Ba Đình imports its units from xlsx: dry run first, then the real import; a mismatch is flagged', async () => {
    const badinh = await h.as('badinh');
    const contentBase64 = await xlsxBase64(
      [
        [...HEADERS, 'Nhóm theo lộ trình'],
        ['Trường Mầm non Hoa Sen', 'Giáo dục và đào tạo', 2024, 4, '150.000.000', '2.100.000.000', 4],
        ['Trường Mầm non Hoa Sen', 'Giáo dục và đào tạo', 2025, 3, '320.000.000', '2.250.000.000', 3],
        ['Trung tâm Văn hóa - Thông tin và Thể thao quận Ba Đình', 'Văn hóa, thể thao và du lịch', 2024, 2, '5.100.000.000', '5.000.000.000', 2],
        ['Trung tâm Văn hóa - Thông tin và Thể thao quận Ba Đình', 'Văn hóa, thể thao và du lịch', 2025, 'Nhóm 2', 5_400_000_000, 5_100_000_000, 2],
        ['Ban Quản lý dự án đầu tư xây dựng quận Ba Đình', 'Hoạt động kinh tế và lĩnh vực khác', 2024, 2, '12.500.000.000', '12.000.000.000', 2],
        ['Ban Quản lý dự án đầu tư xây dựng quận Ba Đình', 'Hoạt động kinh tế và lĩnh vực khác', 2025, 2, '14.100.000.000', '13.300.000.000', 2],
        // Entered as group 3, but 150 ÷ 2000 = 7.5% implies group 4.
        ['Trường THCS Phan Chu Trinh', 'Giáo dục và đào tạo', 2024, 3, '150.000.000', '2.000.000.000', 3],
        ['Trường THCS Phan Chu Trinh', 'Giáo dục và đào tạo', 2025, 3, '250.000.000', '2.100.000.000', 3],
        ['Trường Tiểu học Nguyễn Trung Trực', 'Giáo dục và đào tạo', 2025, 3, '900.000.000,5', '3.000.000.000', 2],
      ],
      { titles: ['UBND QUẬN BA ĐÌNH', 'DANH SÁCH ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP VÀ PHÂN LOẠI TỰ CHỦ'], before: ['Bìa'] },
    );

    const dryRun = await badinh.units.import(importForm({ fileName: 'ba-dinh.xlsx', contentBase64, dryRun: true }));
    expect(dryRun).toMatchObject({ dryRun: true, written: false, fileKind: 'xlsx', sheetName: 'Danh sách', dataRows: 9, errors: [] });
    expect(dryRun.managingUnit).toMatchObject({ code: 'Q001', name: 'Quận Ba Đình' });
    expect(dryRun.summary).toMatchObject({ unitsCreated: 5, unitsUpdated: 0, yearsCreated: 9, yearsUpdated: 0 });
    expect(dryRun.summary?.mismatches).toEqual([{ row: 11, name: 'Trường THCS Phan Chu Trinh', year: 2024, group: 3, impliedGroup: 4, level: 7.5 }]);
    expect((await badinh.units.list({})).total).toBe(0);

    const real = await badinh.units.import(importForm({ fileName: 'ba-dinh.xlsx', contentBase64, dryRun: false }));
    expect(real).toMatchObject({ written: true, errors: [] });

    const list = await badinh.units.list({ year: 2024 });
    expect(list.total).toBe(5);
    const flagged = await badinh.units.list({ year: 2024, flag: 'mismatch' });
    expect(flagged.items.map((u) => u.name)).toEqual(['Trường THCS Phan Chu Trinh']);
    expect(flagged.items[0]?.years.find((y) => y.year === 2024)).toMatchObject({
      group: 3,
      level: 7.5,
      impliedGroup: 4,
      status: 'mismatch',
      approval: 'pending',
      locked: false,
    });
    const nguyenTrungTruc = list.items.find((u) => u.name === 'Trường Tiểu học Nguyễn Trung Trực');
    expect(nguyenTrungTruc?.years).toMatchObject([{ year: 2025, revenueA: 900_000_000.5, spendingB: 3_000_000_000, level: 30, roadmap: 'behind' }]);

    const audit = await h.audit('tai-chinh.import');
    expect(audit[0]).toMatchObject({ action: 'tai-chinh.import', actorUsername: 'badinh', entityId: 'Q001' });
  });

  it('Sở Tài chính approves 2025: the city-wide share is recorded on the core target and the forecast becomes "met"', async () => {
    const stc = await h.as('stc');
    const before = await stc.consolidation.summary({ year: 2025 });
    const y2025 = () => before.years.find((y) => y.year === 2025)!;
    expect(before.scope).toBe('all');
    expect(y2025().entered).toEqual({ counted: 5, autonomous: 2, share: 40 });
    expect(y2025().approved).toEqual({ counted: 0, autonomous: 0, share: null });
    expect(y2025().recorded).toBeNull();
    expect(before.managingUnits.map((m) => [m.managingUnit.code, m.approval])).toEqual([['Q001', null]]);

    const result = await stc.consolidation.approve({ year: 2025, note: 'Đã thẩm định' });
    expect(result).toMatchObject({ year: 2025, approved: ['Q001'], share: { counted: 5, autonomous: 2, share: 40 } });
    expect(result.measurement).toMatchObject({ value: 40, asOf: '2025-12-31' });

    const after = await target();
    expect(after.measurements).toEqual([expect.objectContaining({ value: 40, asOf: '2025-12-31', source: 'tai-chinh', author: expect.objectContaining({ username: 'stc', fullName: 'Nguyễn Đức Long' }) })]);
    expect(after.forecast.class).toBe('met');
    expect(after.forecast.latestValue).toBe(40);

    const summary = await stc.consolidation.summary({ year: 2025 });
    const row = summary.years.find((y) => y.year === 2025)!;
    expect(row.approved.share).toBe(40);
    expect(row.recorded).toMatchObject({ value: 40, asOf: '2025-12-31', counted: 5, autonomous: 2, recordedBy: 'stc' });
    expect(summary.managingUnits[0]?.approval).toMatchObject({ status: 'approved', decidedBy: 'stc', note: 'Đã thẩm định', version: 1 });

    const approvalAudit = await h.audit('tai-chinh.year', '2025');
    expect(approvalAudit[0]).toMatchObject({ action: 'tai-chinh.classification.approve', actorUsername: 'stc' });
    const coreAudit = await h.audit('core.target', after.id);
    expect(coreAudit[0]).toMatchObject({ action: 'core.target.record', actorUsername: 'stc' });
  });

  it('a trend builds year by year: approving 2024 adds its measurement on 31/12/2024', async () => {
    const stc = await h.as('stc');
    const result = await stc.consolidation.approve({ year: 2024 });
    expect(result.share).toEqual({ counted: 4, autonomous: 2, share: 50 });
    const after = await target();
    expect(after.measurements.map((m) => [m.asOf, m.value])).toEqual([
      ['2024-12-31', 50],
      ['2025-12-31', 40],
    ]);
    const view = await stc.consolidation.target();
    expect(view.recorded.map((r) => [r.year, r.value])).toEqual([
      [2024, 50],
      [2025, 40],
    ]);
    // What the roadmap promised for 2025: 3 of 5 planned in groups 1-2.
    expect(view.promise).toEqual({ counted: 5, autonomous: 3, share: 60 });
  });

  it('another district and a department join: re-approving 2025 replaces the measurement, and the forecast follows', async () => {
    const hoankiem = await h.as('hoankiem');
    const hk = await hoankiem.units.import(importForm({
      fileName: 'hoan-kiem.xlsx',
      dryRun: false,
      contentBase64: await xlsxBase64([
        HEADERS,
        ['Trường Tiểu học Điện Biên', 'Giáo dục và đào tạo', 2025, 3, '560.000.000', '3.150.000.000'],
        ['Ban Quản lý Phố cổ Hà Nội', 'Văn hóa, thể thao và du lịch', 2025, 3, '4.200.000.000', '6.700.000.000'],
        ['Trung tâm Dịch vụ đô thị Hoàn Kiếm', 'Hoạt động kinh tế và lĩnh vực khác', 2025, 3, '6.100.000.000', '7.000.000.000'],
      ]),
    }));
    expect(hk.written).toBe(true);
    const stc = await h.as('stc');
    const second = await stc.consolidation.approve({ year: 2025, managingUnitCodes: ['Q002'] });
    expect(second.share).toEqual({ counted: 8, autonomous: 2, share: 25 });
    let current = await target();
    expect(current.measurements.filter((m) => m.asOf === '2025-12-31').map((m) => m.value)).toEqual([25]);
    expect(current.forecast.class).toBe('met');

    const syt = await h.as('syt');
    await syt.units.import(importForm({
      fileName: 'so-y-te.xlsx',
      dryRun: false,
      contentBase64: await xlsxBase64([
        HEADERS,
        ...['Bệnh viện A', 'Bệnh viện B', 'Trung tâm C', 'Trung tâm D', 'Trung tâm E'].map((name) => [name, 'Y tế - Dân số', 2025, 4, '1.000', '100.000']),
      ]),
    }));
    const third = await stc.consolidation.approve({ year: 2025 });
    expect(third.approved).toEqual(['Q001', 'Q002', 'SYT']);
    expect(third.share).toEqual({ counted: 13, autonomous: 2, share: 15.38 });
    current = await target();
    expect(current.measurements.filter((m) => m.asOf === '2025-12-31').map((m) => m.value)).toEqual([15.38]);
    expect(current.forecast.class).toBe('off_track');

    const summary = await stc.consolidation.summary({ year: 2025 });
    expect(summary.managingUnits.map((m) => [m.managingUnit.code, m.summary.entered.share, m.approval?.version])).toEqual([
      ['SYT', 0, 1],
      ['Q001', 40, 2],
      ['Q002', 0, 2],
    ]);
    expect(summary.behind).toEqual([
      {
        managingUnit: expect.objectContaining({ code: 'Q001' }),
        units: [expect.objectContaining({ name: 'Trường Tiểu học Nguyễn Trung Trực', plannedGroup: 2, group: 3 })],
      },
    ]);
  });

  it('an approved year is locked for the district until Sở Tài chính returns it', async () => {
    const badinh = await h.as('badinh');
    const unit = (await badinh.units.list({ year: 2025, search: 'phan chu trinh' })).items[0]!;
    const year2025 = unit.years.find((y) => y.year === 2025)!;
    expect(year2025.locked).toBe(true);
    const save = {
      unitId: unit.id,
      year: 2025,
      version: year2025.version,
      group: 4 as const,
      revenueA: 100_000_000,
      spendingB: 2_100_000_000,
      investmentCovered: false,
      plannedGroup: 3 as const,
    };
    const locked = await rejection(badinh.years.save(save));
    expect(locked.code).toBe('PRECONDITION_FAILED');
    expect(locked.message).toMatch(/đã được Sở Tài chính phê duyệt/);

    const stc = await h.as('stc');
    const approval = (await stc.consolidation.summary({ year: 2025 })).managingUnits.find((m) => m.managingUnit.code === 'Q001')!.approval!;
    const stale = await rejection(stc.consolidation.reopen({ year: 2025, managingUnitCode: 'Q001', version: approval.version - 1, note: 'Sửa số liệu' }));
    expect(stale.code).toBe('CONFLICT');
    const reopened = await stc.consolidation.reopen({ year: 2025, managingUnitCode: 'Q001', version: approval.version, note: 'Đề nghị rà soát Trường THCS Phan Chu Trinh' });
    expect(reopened).toMatchObject({ status: 'returned', version: approval.version + 1 });

    const saved = await badinh.years.save(save);
    expect(saved.years.find((y) => y.year === 2025)).toMatchObject({ group: 4, status: 'ok', approval: 'returned', locked: false });
  });
  it('the share recorded counts every registered unit of the year: one approved district of three records 2.67%, not 40%, provisional until all are approved', async () => {
    // 2023, hand count. Quận Ba Đình (Q001): 5 units, 2 in groups 1-2 (TTVH, BQL dự án);
    // Quận Hoàn Kiếm (Q002): 3 units in group 3; Sở Y tế (SYT): 67 units, 1 in group 2
    // (Bệnh viện A), 66 in group 4. Registered: 5 + 3 + 67 = 75 units, 3 managing units.
    const q001 = await h.as('badinh');
    await q001.units.import(importForm({
      fileName: 'ba-dinh-2023.xlsx',
      dryRun: false,
      contentBase64: await xlsxBase64([
        HEADERS,
        ['Trường Mầm non Hoa Sen', 'Giáo dục và đào tạo', 2023, 3, '500.000.000', '1.000.000.000'],
        ['Trung tâm Văn hóa - Thông tin và Thể thao quận Ba Đình', 'Văn hóa, thể thao và du lịch', 2023, 2, '5.100.000.000', '5.000.000.000'],
        ['Ban Quản lý dự án đầu tư xây dựng quận Ba Đình', 'Hoạt động kinh tế và lĩnh vực khác', 2023, 2, '12.500.000.000', '12.000.000.000'],
        // Entered as group 3, but 150 ÷ 2000 = 7.5% implies group 4: Q001's one mismatch of 2023.
        ['Trường THCS Phan Chu Trinh', 'Giáo dục và đào tạo', 2023, 3, '150.000.000', '2.000.000.000'],
        ['Trường Tiểu học Nguyễn Trung Trực', 'Giáo dục và đào tạo', 2023, 4, '100.000.000', '3.000.000.000'],
      ]),
    }));
    await (await h.as('hoankiem')).units.import(importForm({
      fileName: 'hoan-kiem-2023.xlsx',
      dryRun: false,
      contentBase64: await xlsxBase64([
        HEADERS,
        ['Trường Tiểu học Điện Biên', 'Giáo dục và đào tạo', 2023, 3, '500.000', '1.000.000'],
        ['Ban Quản lý Phố cổ Hà Nội', 'Văn hóa, thể thao và du lịch', 2023, 3, '500.000', '1.000.000'],
        ['Trung tâm Dịch vụ đô thị Hoàn Kiếm', 'Hoạt động kinh tế và lĩnh vực khác', 2023, 3, '500.000', '1.000.000'],
      ]),
    }));
    const clinics = Array.from({ length: 62 }, (_, i) => `Trạm Y tế số ${i + 1}`);
    const syt = await (await h.as('syt')).units.import(importForm({
      fileName: 'so-y-te-2023.xlsx',
      dryRun: false,
      contentBase64: await xlsxBase64([
        HEADERS,
        ['Bệnh viện A', 'Y tế - Dân số', 2023, 2, '110.000', '100.000'],
        ...['Bệnh viện B', 'Trung tâm C', 'Trung tâm D', 'Trung tâm E', ...clinics].map((name) => [name, 'Y tế - Dân số', 2023, 4, '1.000', '100.000']),
      ]),
    }));
    expect(syt).toMatchObject({ written: true, errors: [] });

    const stc = await h.as('stc');
    const before = (await stc.consolidation.summary({ year: 2023 })).years.find((y) => y.year === 2023)!;
    expect(before.entered).toEqual({ counted: 75, autonomous: 3, share: 4 });
    // Nothing approved: 0 of 75, provisional, 0 of 3 managing units.
    expect(before.recordable).toEqual({ counted: 75, autonomous: 0, share: 0, managingUnits: 3, approvedManagingUnits: 0, provisional: true });

    // The approval dialog's warning for Q002 counts Q002's own units (none), not the city's (Q001's one).
    const pending = await stc.consolidation.summary({ year: 2023 });
    expect(pending.mismatches).toBe(1);
    expect(mismatchesToApprove(pending.managingUnits, ['Q002'])).toBe(0);
    expect(mismatchesToApprove(pending.managingUnits, ['Q001'])).toBe(1);

    // Approving Q001 alone: the approved units alone would give 2/5 = 40% (what was recorded
    // before); over the 75 registered units it is 2 ÷ 75 × 100 = 2.666… → 2.67%.
    const first = await stc.consolidation.approve({ year: 2023, managingUnitCodes: ['Q001'] });
    expect(first).toMatchObject({
      approved: ['Q001'],
      share: { counted: 75, autonomous: 2, share: 2.67 },
      managingUnits: 3,
      approvedManagingUnits: 1,
      provisional: true,
      basis: 'đã duyệt 1/3 đơn vị chủ quản',
      measurement: { value: 2.67, asOf: '2023-12-31' },
    });
    const measured = async () => (await target()).measurements.filter((m) => m.asOf === '2023-12-31');
    expect(await measured()).toEqual([
      expect.objectContaining({ value: 2.67, numerator: 2, denominator: 75, provisional: true, basis: 'đã duyệt 1/3 đơn vị chủ quản', source: 'tai-chinh' }),
    ]);
    const summary = await stc.consolidation.summary({ year: 2023 });
    const y2023 = summary.years.find((y) => y.year === 2023)!;
    expect(y2023.approved).toEqual({ counted: 5, autonomous: 2, share: 40 });
    expect(y2023.recordable).toEqual({ counted: 75, autonomous: 2, share: 2.67, managingUnits: 3, approvedManagingUnits: 1, provisional: true });
    expect(y2023.recorded).toMatchObject({ value: 2.67, counted: 75, autonomous: 2, managingUnits: 3, approvedManagingUnits: 1, provisional: true });

    // Sở Y tế next: + Bệnh viện A, 3/75 = 4%, still provisional (2/3).
    const second = await stc.consolidation.approve({ year: 2023, managingUnitCodes: ['SYT'] });
    expect(second).toMatchObject({ share: { counted: 75, autonomous: 3, share: 4 }, provisional: true, basis: 'đã duyệt 2/3 đơn vị chủ quản' });
    // Hoàn Kiếm last: no unit in groups 1-2, so still 3/75 = 4%, now final (3/3); the same date is replaced.
    const third = await stc.consolidation.approve({ year: 2023, managingUnitCodes: ['Q002'] });
    expect(third).toMatchObject({ share: { counted: 75, autonomous: 3, share: 4 }, provisional: false, basis: 'đã duyệt 3/3 đơn vị chủ quản' });
    expect(await measured()).toEqual([expect.objectContaining({ value: 4, numerator: 3, denominator: 75, provisional: false, basis: 'đã duyệt 3/3 đơn vị chủ quản' })]);
    const final = (await stc.consolidation.summary({ year: 2023 })).years.find((y) => y.year === 2023)!;
    expect(final.recordable).toMatchObject({ share: 4, provisional: false });
    expect(final.recorded).toMatchObject({ value: 4, provisional: false, approvedManagingUnits: 3 });
  });
});

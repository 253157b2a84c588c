/**
 * Import from the spreadsheets agencies keep: xlsx and csv, Vietnamese headers and numbers,
 * a dry run that lists row-level errors before anything is written, and a real import that
 * writes all rows or none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testBackends } from '@dondoc/plugin-sdk/testing';
import { UPLOAD_LIMITS } from '@dondoc/trpc';
import { createHarness, rejection, type Caller, type Harness } from './harness.ts';
import { csvBase64, HEADERS, importForm, readXlsx, xlsxBase64 } from './files.ts';
import { sql } from 'drizzle-orm';
import { queryRows } from '@dondoc/plugin-sdk';

describe.each(testBackends)('import on %s', (kind) => {
  let h: Harness;
  let hoankiem: Caller;
  beforeAll(async () => {
    h = await createHarness(kind);
    hoankiem = await h.as('hoankiem');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reads a CSV saved by Vietnamese Excel (semicolons, BOM, thousands dots, decimal commas)', async () => {
    const text = [
      'Tên đơn vị;Lĩnh vực;Năm;Nhóm tự chủ;Tổng thu (A);Chi thường xuyên (B);Tự bảo đảm chi đầu tư',
      'Trường Tiểu học Điện Biên;Giáo dục và đào tạo;2024;3;560.000.000;3.150.000.000;',
      '"Trung tâm Dịch vụ đô thị; Hoàn Kiếm";Hoạt động kinh tế và lĩnh vực khác;2024;1;7.600.000.000,5;7.300.000.000;Có',
      '',
    ].join('\r\n');
    const result = await hoankiem.units.import(importForm({ fileName: 'hoan-kiem.csv', contentBase64: csvBase64(text, { bom: true }), dryRun: false }));
    expect(result).toMatchObject({ written: true, fileKind: 'csv', dataRows: 2, errors: [] });
    const list = await hoankiem.units.list({ year: 2024 });
    expect(list.items.map((u) => [u.name, u.years[0]?.group, u.years[0]?.revenueA, u.years[0]?.investmentCovered, u.years[0]?.status])).toEqual([
      ['Trung tâm Dịch vụ đô thị; Hoàn Kiếm', 1, 7_600_000_000.5, true, 'ok'],
      ['Trường Tiểu học Điện Biên', 3, 560_000_000, false, 'ok'],
    ]);
  });

  it('refuses a unit listed twice with two sectors, naming the first row, and writes nothing', async () => {
    const text = [
      HEADERS.join(';'),
      'Trung tâm Y tế Hoàn Kiếm;Y tế - Dân số;2023;3;1.000.000;2.000.000',
      'Trung tâm Y tế Hoàn Kiếm;Giáo dục và đào tạo;2024;3;1.000.000;2.000.000',
    ].join('\n');
    const before = (await hoankiem.units.list({})).total;
    const result = await hoankiem.units.import(importForm({ fileName: 'hai-linh-vuc.csv', contentBase64: csvBase64(text), dryRun: false }));
    expect(result.written).toBe(false);
    expect(result.errors).toEqual([{ row: 3, column: 'Lĩnh vực', message: 'Lĩnh vực khác với dòng 2 của cùng đơn vị ("Y tế - Dân số").' }]);
    expect((await hoankiem.units.list({})).total).toBe(before);
  });

  it('dry run lists every row-level error (row, column, Vietnamese message) and writes nothing', async () => {
    const contentBase64 = await xlsxBase64([
      HEADERS,
      ['Trường Mầm non Hoa Mai', 'Giáo dục và đào tạo', 2024, 3, '1.234.567', '2.469.134'],
      ['Trường Mầm non Sao Mai', 'Giáo dục và đào tạo', 2030, 3, 'một triệu', '0'],
      ['', 'Giáo dục và đào tạo', 2024, 7, '1.000', '2.000'],
    ]);
    const before = (await hoankiem.units.list({})).total;
    for (const dryRun of [true, false]) {
      const result = await hoankiem.units.import(importForm({ fileName: 'loi.xlsx', contentBase64, dryRun }));
      expect(result.written).toBe(false);
      expect(result.errors).toEqual([
        { row: 3, column: 'Năm', message: 'Năm phải là một trong 2022, 2023, 2024, 2025.' },
        { row: 3, column: 'Tổng thu (A)', message: '"một triệu" không phải là số (viết như 1.234.567 hoặc 1.234.567,5).' },
        { row: 3, column: 'Chi thường xuyên (B)', message: 'Chi thường xuyên (B) phải lớn hơn 0 để tính mức tự bảo đảm.' },
        { row: 4, column: 'Tên đơn vị', message: 'Chưa nhập.' },
        { row: 4, column: 'Nhóm tự chủ', message: 'Nhóm tự chủ phải là 1, 2, 3 hoặc 4.' },
      ]);
    }
    // The one good row was not written either: all rows or none.
    expect((await hoankiem.units.list({})).total).toBe(before);
  });

  it('answers row errors in English for an English interface', async () => {
    const english = await h.as('hoankiem', { locale: 'en' });
    const result = await english.units.import(importForm({
      fileName: 'x.csv',
      contentBase64: csvBase64(`${HEADERS.join(',')}\nA,B,2024,3,abc,10\n`),
      dryRun: true,
    }));
    expect(result.errors).toEqual([{ row: 2, column: 'Tổng thu (A)', message: '"abc" is not a number (write it like 1.234.567 or 1.234.567,5).' }]);
  });

  it('updates what a row carries and keeps the rest (plan-only rows keep the classification)', async () => {
    const first = await hoankiem.units.import(importForm({
      fileName: 'lo-trinh.csv',
      dryRun: false,
      contentBase64: csvBase64(
        ['Tên đơn vị,Lĩnh vực,Năm,Nhóm tự chủ,Tổng thu (A),Chi thường xuyên (B),Nhóm theo lộ trình', 'Trường Tiểu học Điện Biên,Giáo dục và đào tạo,2024,,,,2', 'Trường Tiểu học Điện Biên,Giáo dục và đào tạo,2025,,,,2'].join('\n'),
      ),
    }));
    expect(first.summary).toMatchObject({ unitsCreated: 0, unitsUpdated: 0, yearsCreated: 1, yearsUpdated: 1 });
    const unit = (await hoankiem.units.list({ search: 'dien bien' })).items[0]!;
    expect(unit.years.map((y) => [y.year, y.group, y.revenueA, y.plannedGroup, y.roadmap])).toEqual([
      [2024, 3, 560_000_000, 2, 'behind'],
      [2025, null, null, 2, 'no_data'],
    ]);
    // The same file again changes nothing.
    const again = await hoankiem.units.import(importForm({
      fileName: 'lo-trinh.csv',
      dryRun: true,
      contentBase64: csvBase64(['Tên đơn vị,Lĩnh vực,Năm,Nhóm tự chủ,Tổng thu (A),Chi thường xuyên (B),Nhóm theo lộ trình', 'trường tiểu học  điện biên,Giáo dục và đào tạo,2024,,,,2'].join('\n')),
    }));
    expect(again.summary).toMatchObject({ unitsCreated: 0, unitsUpdated: 1, yearsCreated: 0, yearsUpdated: 0, yearsUnchanged: 1 });
  });

  it('refuses rows of a year Sở Tài chính approved, and rows of another managing unit', async () => {
    await (await h.as('stc')).consolidation.approve({ year: 2024, managingUnitCodes: ['Q002'] });
    const result = await hoankiem.units.import(importForm({
      fileName: 'sau-phe-duyet.xlsx',
      dryRun: true,
      contentBase64: await xlsxBase64([
        [...HEADERS, 'Đơn vị chủ quản'],
        ['Trường Tiểu học Điện Biên', 'Giáo dục và đào tạo', 2024, 2, '5.000', '4.000', 'Quận Hoàn Kiếm'],
        ['Trường Tiểu học Điện Biên', 'Giáo dục và đào tạo', 2025, 2, '5.000', '4.000', 'Q002'],
        ['Trường Mầm non Hoa Sen', 'Giáo dục và đào tạo', 2025, 3, '1.000', '4.000', 'Quận Ba Đình'],
      ]),
    }));
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'Năm',
        message: 'Phân loại năm 2024 đã được Sở Tài chính phê duyệt nên không ghi đè được; đề nghị Sở Tài chính trả lại trước.',
      },
      { row: 4, column: 'Đơn vị chủ quản', message: 'Dòng thuộc "Quận Ba Đình", không phải Quận Hoàn Kiếm đang nhập.' },
    ]);
  });

  it('explains files it cannot read', async () => {
    const asRow0 = async (fileName: string, contentBase64: string) => (await hoankiem.units.import(importForm({ fileName, contentBase64, dryRun: true }))).errors;
    expect(await asRow0('cu.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).toString('base64'))).toEqual([
      { row: 0, column: '', message: 'Tệp .xls (Excel 97-2003) chưa được hỗ trợ. Hãy mở tệp trong Excel và lưu thành .xlsx hoặc CSV UTF-8.' },
    ]);
    expect(await asRow0('ansi.csv', Buffer.from([0x54, 0xea, 0x6e, 0x0a]).toString('base64'))).toEqual([
      { row: 0, column: '', message: 'Tệp CSV phải được lưu với mã UTF-8 (trong Excel: Lưu thành → "CSV UTF-8").' },
    ]);
    expect(await asRow0('hong.xlsx', Buffer.from('PK\u0003\u0004 not really a zip').toString('base64'))).toEqual([
      { row: 0, column: '', message: 'Tệp .xlsx bị hỏng hoặc không đọc được.' },
    ]);
    expect(await asRow0('thieu-cot.csv', csvBase64('Tên đơn vị,Năm\nA,2024\n'))).toEqual([
      { row: 1, column: 'Lĩnh vực', message: 'Thiếu cột bắt buộc "Lĩnh vực".' },
      { row: 1, column: 'Nhóm tự chủ', message: 'Thiếu cột bắt buộc "Nhóm tự chủ".' },
      { row: 1, column: 'Tổng thu (A)', message: 'Thiếu cột bắt buộc "Tổng thu (A)".' },
      { row: 1, column: 'Chi thường xuyên (B)', message: 'Thiếu cột bắt buộc "Chi thường xuyên (B)".' },
    ]);
    // A file comes as a form (never base64 in JSON), at most the spreadsheet upload limit.
    const notAForm = await rejection(hoankiem.units.import({ fileName: 'a.csv', contentBase64: 'QQ==', dryRun: true } as unknown as FormData));
    expect(notAForm.code).toBe('BAD_REQUEST');
    const tooBig = await rejection(hoankiem.units.import(importForm({ fileName: 'a.csv', contentBase64: Buffer.alloc(UPLOAD_LIMITS.spreadsheet + 1, 65).toString('base64'), dryRun: true })));
    expect(tooBig.code).toBe('BAD_REQUEST');
  });

  it('refuses an xlsx that would unpack to far more than it weighs', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(HEADERS);
    // ~45 MB of one repeated string compresses to a few hundred KB.
    const filler = 'x'.repeat(30_000);
    for (let i = 0; i < 1600; i++) sheet.addRow([`${filler}${i}`]);
    const base64 = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
    expect(Buffer.from(base64, 'base64').length).toBeLessThan(UPLOAD_LIMITS.spreadsheet);
    const result = await hoankiem.units.import(importForm({ fileName: 'bom.xlsx', contentBase64: base64, dryRun: true }));
    expect(result.errors[0]?.message).toMatch(/quá lớn khi giải nén/);
  });

  it('serves the import template, which imports as it is', async () => {
    const template = await hoankiem.units.template();
    expect(template.fileName).toBe('mau-nhap-don-vi-su-nghiep.xlsx');
    const sheets = await readXlsx(template.contentBase64);
    expect([...sheets.keys()]).toEqual(['Mẫu nhập', 'Hướng dẫn']);
    expect(sheets.get('Mẫu nhập')?.[0]).toEqual([...HEADERS, 'Nhóm theo lộ trình', 'Tự bảo đảm chi đầu tư']);
    // (Hoàn Kiếm's 2024 is approved by now: try it as Ba Đình.)
    const dryRun = await (await h.as('badinh')).units.import(importForm({ fileName: template.fileName, contentBase64: template.contentBase64, dryRun: true }));
    expect(dryRun.errors).toEqual([]);
    expect(dryRun.summary?.yearsCreated).toBe(2);
  });
  it('a year approved while a large import is being written undoes the whole import and says why', async () => {
    // One unit already classified for 2025, so that Sở Tài chính can approve the year at any point of the import.
    const seeded = await hoankiem.units.import(importForm({ fileName: 'mot-don-vi.csv', dryRun: false, contentBase64: csvBase64([HEADERS.join(';'), 'Trường Mầm non Hoàng Hoa Hoàn Kiếm;Giáo dục và đào tạo;2025;3;500.000.000;2.000.000.000'].join('\n')) }));
    expect(seeded.written).toBe(true);
    const before = (await hoankiem.units.list({})).total;
    const rows = [HEADERS.join(';')];
    for (let i = 1; i <= 1200; i++) rows.push(`Trường Mầm non số ${i} Hoàn Kiếm;Giáo dục và đào tạo;2025;3;500.000.000;2.000.000.000`);
    const file = importForm({ fileName: 'lon.csv', dryRun: false, contentBase64: csvBase64(rows.join('\n')) });
    const stc = await h.as('stc');
    let failed: Promise<unknown>;
    if (kind === 'postgres') {
      // On a server the order is made certain: the test holds the year's lock as an approval
      // does; the import, then the approval, queue for it in that order; the approval is granted
      // before the import's next transaction.
      const held = holdYearLock(h, 2025);
      await held.taken;
      failed = rejection(hoankiem.units.import(file));
      await expect.poll(() => yearLockWaiters(h, 2025), { timeout: 60_000, interval: 10 }).toBe(1);
      const approving = stc.consolidation.approve({ year: 2025, managingUnitCodes: ['Q002'] });
      await expect.poll(() => yearLockWaiters(h, 2025), { timeout: 60_000, interval: 10 }).toBe(2);
      held.release();
      await held.done;
      await approving;
    } else {
      // On PGlite's one connection, requests take turns between the import's slices: some of its
      // slices are written (and seen: the register is readable meanwhile), then the year is approved.
      failed = rejection(hoankiem.units.import(file));
      const classified2025 = async () => (await hoankiem.units.list({})).items.filter((u) => u.years.some((y) => y.year === 2025 && y.group !== null)).length;
      await expect.poll(classified2025, { timeout: 60_000, interval: 20 }).toBeGreaterThan(1);
      await stc.consolidation.approve({ year: 2025, managingUnitCodes: ['Q002'] });
    }
    expect(await failed).toMatchObject({
      code: 'CONFLICT',
      message: 'Phân loại năm 2025 vừa được Sở Tài chính phê duyệt trong khi đang nhập tệp; không dòng nào được ghi. Đề nghị Sở Tài chính trả lại trước khi nhập lại.',
    });
    // All rows or none: nothing of the file stays.
    expect((await hoankiem.units.list({})).total).toBe(before);
  }, 120_000);
});

/** The namespace of the module's year locks (`lockYears`). */
const YEAR_LOCK = 24_583;

/** Holds a year's lock exclusive, as an approval does, on a connection of its own until released. */
function holdYearLock(h: Harness, year: number) {
  let release!: () => void;
  let taken!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const takenPromise = new Promise<void>((resolve) => (taken = resolve));
  const done = h.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${YEAR_LOCK}, ${year})`);
    taken();
    await released;
  });
  return { taken: takenPromise, release, done };
}

/** How many transactions wait for a year's lock. */
async function yearLockWaiters(h: Harness, year: number): Promise<number> {
  const rows = await queryRows<{ waiting: number }>(
    h.db,
    sql`select count(*)::int as waiting from pg_locks where locktype = 'advisory' and classid = ${YEAR_LOCK} and objid = ${year} and not granted`,
  );
  return rows[0]!.waiting;
}

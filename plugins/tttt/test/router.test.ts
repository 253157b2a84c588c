/**
 * The module as its users meet it, through its router on a real database (PGlite, and Postgres
 * when TEST_DATABASE_URL is set): the module contract, the plan round (submit, return with a
 * reason, revise, resubmit, approve) and the share it records on the core target, access by unit
 * and role, reminders and tasks through the core, the information system's counts on data made
 * for the test, audited and versioned writes, localized refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { addDays, ratioPercent } from '@dondoc/plugin-sdk';
import { checkPluginContract, createPluginHarness, rejection, testBackends, type PluginHarness } from '@dondoc/plugin-sdk/testing';
import { resolveLocalized } from '@dondoc/trpc';
import plugin from '../src/server/plugin.ts';
import type { ModuleRouter } from '../src/server/router.ts';
import { PLAN_TARGET_CODE, PLAN_TARGET_YEAR } from '../src/domain/plans.ts';

const year = PLAN_TARGET_YEAR;
const allContents = ['CDS-01', 'CDS-02', 'CDS-03', 'CDS-04', 'CDS-05', 'CDS-06', 'CDS-07', 'CDS-08', 'CDS-09', 'CDS-10'];
const plan = {
  year,
  title: `Kế hoạch chuyển đổi số quận Ba Đình năm ${year}`,
  documentNumber: '215/KH-UBND',
  documentDate: '2026-11-20',
  contentCodes: allContents,
  items: [
    { title: 'Số hóa 100% hồ sơ TTHC tiếp nhận tại Bộ phận một cửa', owner: 'Văn phòng HĐND-UBND quận', deadline: `${year}-06-30` },
    { title: 'Kết nối camera giám sát về Trung tâm điều hành thông minh', owner: 'Phòng Văn hóa và Thông tin', deadline: `${year}-09-30` },
  ],
};

/** A multipart upload as the pages send it: the file and the other fields as JSON. */
function upload(content: string | Uint8Array, name: string, fields: object): FormData {
  const form = new FormData();
  form.set('file', new File([content as BlobPart], name));
  form.set('input', JSON.stringify(fields));
  return form;
}
const csvUpload = (text: string, fields: object) => upload(text, 'ket-noi.csv', fields);

async function sheetTexts(file: { contentBase64: string }): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0]!.getSheetValues().flat().map(String);
}

describe.each(testBackends)('tttt on %s', (kind) => {
  let h: PluginHarness<ModuleRouter>;
  let owing: number;
  beforeAll(async () => {
    h = await createPluginHarness(plugin, kind);
    owing = (await (await h.core('stttt')).units.list()).filter((u) => u.kind === 'department' || u.kind === 'district').length;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps the module contract: no anonymous access, its own schema only, migrations apply once', async () => {
    expect(await checkPluginContract(plugin, h)).toEqual([]);
  });

  describe('a unit’s plan', () => {
    let planId: string;

    it('is refused for submission while it lacks contents Plan 64 requires, naming them', async () => {
      const badinh = await h.as('badinh');
      const saved = await badinh.plans.save({ ...plan, contentCodes: ['CDS-01', 'CDS-02'] });
      expect(saved).toMatchObject({ unitCode: 'Q001', state: 'draft', version: 1, createdBy: 'badinh' });
      planId = saved.id;
      const mine = await badinh.plans.get({ year });
      expect(mine.plan!.check.missing).toEqual(allContents.slice(2));
      expect(mine.plan!.items.map((item) => item.title)).toEqual(plan.items.map((item) => item.title));
      const refused = await rejection(badinh.plans.submit({ id: planId, version: 1 }));
      expect(refused.code).toBe('BAD_REQUEST');
      expect(refused.message).toBe(`Kế hoạch còn thiếu nội dung Kế hoạch 64 yêu cầu: ${allContents.slice(2).join(', ')}.`);
    });

    it('goes submitted → returned with a reason → revised → resubmitted → approved, and the target holds the share', async () => {
      const badinh = await h.as('badinh');
      const stttt = await h.as('stttt');
      await badinh.plans.save({ ...plan, version: 1 });
      await badinh.plans.submit({ id: planId, version: 2 });
      expect((await rejection(badinh.plans.save({ ...plan, version: 3 }))).message).toBe('Kế hoạch đã gửi, chờ Sở TT&TT xem xét: không sửa được.');

      const noReason = await rejection(stttt.plans.review({ id: planId, version: 3, decision: 'return', reasons: ['  '] }));
      expect(noReason.message).toBe('Trả lại kế hoạch cần nêu ít nhất một lý do.');
      const returned = await stttt.plans.review({ id: planId, version: 3, decision: 'return', reasons: ['Chưa có chỉ tiêu số hóa hồ sơ theo từng quý'] });
      expect(returned).toMatchObject({ state: 'returned', returnReasons: ['Chưa có chỉ tiêu số hóa hồ sơ theo từng quý'], reviewedBy: 'stttt' });
      // Returning records the share too: still none approved.
      const afterReturn = await (await h.core('stttt')).targets.get(PLAN_TARGET_CODE);
      expect(afterReturn.measurements.at(-1)).toMatchObject({ value: 0, numerator: 0, denominator: owing });

      const revised = await badinh.plans.save({ ...plan, version: 4, summary: 'Bổ sung chỉ tiêu số hóa hồ sơ theo quý' });
      expect(revised).toMatchObject({ state: 'returned', returnReasons: ['Chưa có chỉ tiêu số hóa hồ sơ theo từng quý'] });
      const resubmitted = await badinh.plans.submit({ id: planId, version: 5 });
      expect(resubmitted).toMatchObject({ state: 'submitted', submissions: 2, submittedBy: 'badinh' });

      const approved = await stttt.plans.review({ id: planId, version: 6, decision: 'approve' });
      expect(approved).toMatchObject({ state: 'approved', returnReasons: [] });
      const target = await (await h.core('stttt')).targets.get(PLAN_TARGET_CODE);
      expect(target.measurements.at(-1)).toMatchObject({ value: ratioPercent(1, owing), numerator: 1, denominator: owing, source: 'tttt' });
      expect(target.measurements.at(-1)!.basis).toBe(`Kế hoạch chuyển đổi số năm ${year}: đã phê duyệt 1/${owing} đơn vị`);

      const actions = (await h.audit('tttt.plan', planId)).map((row) => row.action);
      for (const action of ['tttt.plan.create', 'tttt.plan.update', 'tttt.plan.submit', 'tttt.plan.return', 'tttt.plan.approve']) expect(actions).toContain(action);
    });

    it('shows Sở TT&TT and coordinators every unit with the share; a unit only its own', async () => {
      const all = await (await h.as('ubnd')).plans.list({ year });
      expect(all.units).toHaveLength(owing);
      expect(all.share).toMatchObject({ approved: 1, owing, percent: ratioPercent(1, owing) });
      expect(all.units.find((row) => row.unit.code === 'Q001')!.plan).toMatchObject({ state: 'approved', submissions: 2, submittedBy: { username: 'badinh' } });
      expect(all.units.some((row) => row.unit.code === 'UBND')).toBe(false);
      const own = await (await h.as('badinh')).plans.list({ year });
      expect(own.units.map((row) => row.unit.code)).toEqual(['Q001']);
      expect(own.share).toBeNull();
    });

    it('refuses what a role may not do', async () => {
      const sxd = await h.as('sxd');
      expect((await rejection(sxd.plans.get({ unitCode: 'Q001', year }))).code).toBe('FORBIDDEN');
      expect((await rejection(sxd.plans.save({ ...plan, unitCode: 'Q001' }))).code).toBe('FORBIDDEN');
      expect((await rejection((await h.as('badinh')).plans.review({ id: planId, version: 7, decision: 'approve' }))).code).toBe('FORBIDDEN');
      expect((await rejection((await h.as('ubnd')).plans.save(plan))).code).toBe('FORBIDDEN');
      expect((await rejection((await h.as('stttt')).plans.save({ ...plan, unitCode: 'Q001' }))).code).toBe('FORBIDDEN');
      expect((await rejection((await h.as('stttt')).plans.review({ id: planId, version: 7, decision: 'approve' }))).message).toBe('Kế hoạch đã được phê duyệt: không phê duyệt được.');
      expect((await rejection((await h.as('badinh')).features.list())).code).toBe('FORBIDDEN');
      // An officer prepares the unit's plan; the unit's lead sends it.
      const officer = await h.as('stc.cv');
      const draft = await officer.plans.save({ ...plan, title: 'Kế hoạch chuyển đổi số ngành tài chính' });
      expect(draft).toMatchObject({ unitCode: 'STC', state: 'draft' });
      expect((await rejection(officer.plans.submit({ id: draft.id, version: draft.version }))).code).toBe('FORBIDDEN');
      expect(await (await h.as('stc')).plans.submit({ id: draft.id, version: draft.version })).toMatchObject({ state: 'submitted', submittedBy: 'stc' });
      expect((await rejection((await h.as('ubnd')).features.create({ name: 'X', owner: 'Y', status: 'planned' }))).code).toBe('FORBIDDEN');
    });

    it('refuses a stale edit naming who changed the plan', async () => {
      const sxd = await h.as('sxd');
      const first = await sxd.plans.save({ ...plan, title: 'Kế hoạch chuyển đổi số Sở Xây dựng' });
      await sxd.plans.save({ ...plan, title: 'Kế hoạch chuyển đổi số Sở Xây dựng (sửa)', version: first.version });
      const stale = await rejection(sxd.plans.save({ ...plan, title: 'Bản cũ', version: first.version }));
      expect(stale.code).toBe('CONFLICT');
      expect(stale.message).toContain('sxd');
    });

    it('keeps the plan’s document (pdf or docx by content), replaced by a new upload, read by who may read the plan', async () => {
      const sxd = await h.as('sxd');
      const plan = (await sxd.plans.get({ year })).plan!;
      const pdf = new TextEncoder().encode('%PDF-1.7 Kế hoạch chuyển đổi số ngành xây dựng');
      const disguised = await rejection(sxd.plans.attach(upload(pdf, 'ke-hoach.docx', { id: plan.id, version: plan.version })));
      expect([disguised.code, disguised.message]).toEqual(['BAD_REQUEST', 'Chỉ nhận tệp PDF hoặc DOCX đúng định dạng.']);
      const attached = await sxd.plans.attach(upload(pdf, 'ke-hoach.pdf', { id: plan.id, version: plan.version }));
      expect(attached.version).toBe(plan.version + 1);
      const second = new TextEncoder().encode('%PDF-1.7 bản ký số');
      await sxd.plans.attach(upload(second, 'ke-hoach-ky-so.pdf', { id: plan.id, version: attached.version }));
      expect((await sxd.plans.get({ year })).plan!.document).toMatchObject({ fileName: 'ke-hoach-ky-so.pdf', size: second.length, uploadedBy: 'sxd' });
      const file = await (await h.as('stttt')).plans.document({ id: plan.id });
      expect(file).toMatchObject({ fileName: 'ke-hoach-ky-so.pdf', mimeType: 'application/pdf' });
      expect(Buffer.from(file.contentBase64, 'base64').toString()).toBe('%PDF-1.7 bản ký số');
      expect((await rejection((await h.as('badinh')).plans.document({ id: plan.id }))).code).toBe('FORBIDDEN');
      expect((await h.audit('tttt.plan', plan.id)).map((row) => row.action).filter((a) => a === 'tttt.plan.document')).toHaveLength(2);
      // An approved plan is final: its document too.
      const approved = (await (await h.as('badinh')).plans.get({ year })).plan!;
      expect((await rejection((await h.as('badinh')).plans.attach(upload(pdf, 'moi.pdf', { id: approved.id, version: approved.version })))).message).toBe('Kế hoạch đã được phê duyệt: không sửa được.');
    });

    it('reminds, through the core, the units without an approved plan, once a day', async () => {
      const stttt = await h.as('stttt');
      const sent = await stttt.plans.remind({ year });
      expect(sent.sent).toHaveLength(owing - 1);
      expect(sent.sent).not.toContain('Q001');
      expect(sent.sent).toContain('SXD');
      const again = await stttt.plans.remind({ year, unitCodes: ['SXD', 'Q001'] });
      expect(again).toEqual({ sent: [], skipped: [{ unitCode: 'SXD', reason: 'already_sent_today' }] });
      expect((await rejection((await h.as('ubnd')).plans.remind({ year }))).code).toBe('FORBIDDEN');
    });

    it('opens an approved plan’s key item as a core task of its unit, once', async () => {
      const stttt = await h.as('stttt');
      const item = (await stttt.plans.get({ unitCode: 'Q001', year })).plan!.items[0]!;
      const opened = await stttt.plans.openItemTask({ itemId: item.id });
      expect(opened.taskCode).toMatch(/^2458-4\.1-Q001-M\d+$/);
      const task = await (await h.core('badinh')).tasks.get(opened.taskId);
      expect(task).toMatchObject({ title: item.title, openedByModule: 'tttt' });
      expect((await stttt.plans.get({ unitCode: 'Q001', year })).plan!.items[0]).toMatchObject({ taskId: opened.taskId, taskCode: opened.taskCode });
      expect((await rejection(stttt.plans.openItemTask({ itemId: item.id }))).code).toBe('CONFLICT');
      const draftItem = (await (await h.as('sxd')).plans.get({ year })).plan!.items[0]!;
      expect((await rejection(stttt.plans.openItemTask({ itemId: draftItem.id }))).message).toBe('Chỉ theo dõi nhiệm vụ của kế hoạch đã phê duyệt.');
    });

    it('exports the year’s plans as an xlsx, one row a unit, with the share', async () => {
      const texts = await sheetTexts(await (await h.as('stttt')).plans.export({ year }));
      expect(texts).toContain('Quận Ba Đình');
      expect(texts).toContain('Đã phê duyệt');
      expect(texts.some((text) => text.startsWith(`Đã phê duyệt 1/${owing} đơn vị`))).toBe(true);
    });

    it('lets Sở TT&TT edit the required contents; a new one is missing from every plan', async () => {
      const stttt = await h.as('stttt');
      await stttt.contents.save({ code: 'CDS-11', title: 'Đô thị thông minh', position: 110 });
      expect((await stttt.plans.get({ unitCode: 'Q001', year })).plan!.check.missing).toEqual(['CDS-11']);
      const stored = (await stttt.contents.list()).find((content) => content.code === 'CDS-11')!;
      await stttt.contents.save({ code: 'CDS-11', title: 'Đô thị thông minh', position: 110, active: false, version: stored.version });
      expect((await stttt.plans.get({ unitCode: 'Q001', year })).plan!.check.complete).toBe(true);
      expect((await rejection((await h.as('badinh')).contents.save({ code: 'CDS-12', title: 'X', position: 1 }))).code).toBe('FORBIDDEN');
    });
  });

  describe('the procedures information system', () => {
    it('counts connections by status and flags the stale ones by the days Sở TT&TT sets', async () => {
      const stttt = await h.as('stttt');
      const today = (await h.core('stttt')).today();
      const rows = [
        { name: 'CSDL quốc gia về dân cư', kind: 'population', status: 'live', lastSuccessOn: addDays(today, -1) },
        { name: 'CSDL đất đai', kind: 'sector', status: 'live', lastSuccessOn: addDays(today, -10) },
        { name: 'Cổng dịch vụ công quốc gia', kind: 'ministry', status: 'broken', lastSuccessOn: addDays(today, -3) },
        { name: 'CSDL hộ tịch', kind: 'sector', status: 'testing', lastSuccessOn: null },
        { name: 'CSDL bảo hiểm xã hội', kind: 'ministry', status: 'planned', lastSuccessOn: null },
      ] as const;
      for (const row of rows) await stttt.connections.create(row);
      const listed = await stttt.connections.list();
      expect(listed.counts).toEqual({ total: 5, byStatus: { planned: 1, testing: 1, live: 2, broken: 1 }, stale: 1 });
      expect(listed.items.filter((row) => row.stale).map((row) => row.name)).toEqual(['CSDL đất đai']);

      const settings = await stttt.settings.get();
      await stttt.settings.update({ staleAfterDays: 2, securityLevel: settings.securityLevel, lastAssessedOn: settings.lastAssessedOn, version: settings.version });
      const stricter = await (await h.as('ubnd')).connections.list();
      expect(stricter.counts.stale).toBe(2);
      expect(stricter.items.filter((row) => row.stale).map((row) => row.name).sort()).toEqual(['CSDL đất đai', 'Cổng dịch vụ công quốc gia'].sort());
      expect((await h.audit('tttt.settings', '1')).map((row) => row.action)).toEqual(['tttt.settings.update']);
    });

    it('keeps incidents with their duration and refuses one that ends before it starts', async () => {
      const stttt = await h.as('stttt');
      const connection = (await stttt.connections.list()).items.find((row) => row.name === 'Cổng dịch vụ công quốc gia')!;
      await stttt.incidents.create({ connectionId: connection.id, startedAt: '2026-11-28T08:00:00+07:00', endedAt: '2026-11-28T10:30:00+07:00', description: 'Mất kết nối do đổi chứng thư số' });
      const refused = await rejection(stttt.incidents.create({ connectionId: connection.id, startedAt: '2026-11-28T08:00:00+07:00', endedAt: '2026-11-28T07:00:00+07:00', description: 'Sai giờ' }));
      expect(refused.message).toBe('Thời điểm khắc phục không được trước thời điểm xảy ra sự cố.');
      const listed = (await stttt.connections.list()).items.find((row) => row.id === connection.id)!;
      expect(listed.incidents).toEqual([expect.objectContaining({ minutes: 150, open: false, description: 'Mất kết nối do đổi chứng thư số' })]);
    });

    it('counts overdue features and findings: a deadline today is not overdue, a done one never', async () => {
      const stttt = await h.as('stttt');
      const today = (await h.core('stttt')).today();
      await stttt.features.create({ name: 'Thanh toán trực tuyến phí, lệ phí', owner: 'Trung tâm Công nghệ thông tin', deadline: addDays(today, -5), status: 'in_progress' });
      await stttt.features.create({ name: 'Ký số hồ sơ điện tử', owner: 'Trung tâm Công nghệ thông tin', deadline: today, status: 'planned' });
      await stttt.features.create({ name: 'Tra cứu hồ sơ qua Zalo', owner: 'Phòng Bưu chính', deadline: addDays(today, -30), status: 'done' });
      expect((await stttt.features.list()).counts).toEqual({ total: 3, done: 1, open: 2, overdue: 1 });

      await stttt.security.createFinding({ title: 'Chưa vá lỗ hổng máy chủ ứng dụng', owner: 'Trung tâm An toàn thông tin', severity: 'high', deadline: addDays(today, -1) });
      await stttt.security.createFinding({ title: 'Mật khẩu quản trị yếu', owner: 'Trung tâm An toàn thông tin', severity: 'critical', deadline: today });
      await stttt.security.createFinding({ title: 'Thiếu nhật ký truy cập', owner: 'Trung tâm Công nghệ thông tin', severity: 'medium', deadline: addDays(today, -20), resolvedOn: addDays(today, -25) });
      const secure = await (await h.as('ubnd')).security.get();
      expect(secure.counts).toEqual({ open: 2, overdue: 1, openBySeverity: { low: 0, medium: 0, high: 1, critical: 1 } });
      expect(secure.findings.filter((row) => row.overdue).map((row) => row.title)).toEqual(['Chưa vá lỗ hổng máy chủ ứng dụng']);
      expect(secure.assessmentOverdue).toBe(true);

      const overview = await (await h.as('ubnd')).overview.get();
      expect(overview).toMatchObject({ features: { overdue: 1 }, connections: { stale: 2 }, findings: { overdue: 1 }, plans: { approved: 1, owing } });
    });

    it('checks a connections spreadsheet without writing, then adds and updates by name', async () => {
      const stttt = await h.as('stttt');
      const bad = 'Tên kết nối;Loại;Trạng thái;Trao đổi thành công gần nhất\nCSDL đất đai;Chuyên ngành;Đang chạy;31/11/2026\nCSDL công chứng;Chuyên ngành;Hỏng;\n';
      const checked = await stttt.connections.import(csvUpload(bad, { dryRun: true }));
      expect(checked.errors).toEqual([expect.objectContaining({ row: 2, column: 'Trao đổi thành công gần nhất' }), expect.objectContaining({ row: 3, column: 'Trạng thái' })]);
      expect((await stttt.connections.list()).counts.total).toBe(5);

      const good = 'Tên kết nối;Loại;Trạng thái;Trao đổi thành công gần nhất\nCSDL đất đai;Chuyên ngành;Đang chạy;30/11/2026\nCSDL công chứng;Chuyên ngành;Thử nghiệm;\n';
      const written = await stttt.connections.import(csvUpload(good, { dryRun: false }));
      expect(written).toMatchObject({ written: true, errors: [], summary: { added: 1, updated: 1, unchanged: 0 } });
      const listed = await stttt.connections.list();
      expect(listed.counts.total).toBe(6);
      expect(listed.items.find((row) => row.name === 'CSDL đất đai')).toMatchObject({ lastSuccessOn: '2026-11-30', version: 2 });
    });

    it('imports the features register: a stored name updated, a new one added, an equal row left as it is', async () => {
      const stttt = await h.as('stttt');
      const before = (await stttt.features.list()).items.find((row) => row.name === 'Ký số hồ sơ điện tử')!;
      const csv = [
        'Tính năng, chức năng;Phụ trách;Hạn hoàn thành;Trạng thái',
        `Ký số hồ sơ điện tử;Trung tâm Công nghệ thông tin;${before.deadline!.split('-').reverse().join('/')};Hoàn thành`,
        'Tra cứu hồ sơ qua Zalo;Phòng Bưu chính;;Hoàn thành',
        'Đồng bộ dữ liệu hộ tịch;Phòng Công nghệ thông tin;31/03/2027;Đang làm',
      ].join('\n');
      const checked = await stttt.features.import(upload(csv, 'tinh-nang.csv', { dryRun: true }));
      expect(checked).toMatchObject({ written: false, errors: [], summary: { added: 1, updated: 2, unchanged: 0 } });
      expect((await stttt.features.list()).counts.total).toBe(3);
      const written = await stttt.features.import(upload(csv, 'tinh-nang.csv', { dryRun: false }));
      expect(written).toMatchObject({ written: true, summary: { added: 1, updated: 2 } });
      const listed = await stttt.features.list();
      expect(listed.counts).toEqual({ total: 4, done: 2, open: 2, overdue: 1 });
      expect(listed.items.find((row) => row.name === 'Ký số hồ sơ điện tử')).toMatchObject({ status: 'done', owner: 'Trung tâm Công nghệ thông tin', version: before.version + 1 });
      expect((await h.audit('tttt.feature', before.id)).map((row) => row.action).sort()).toEqual(['tttt.feature.create', 'tttt.feature.update']);
      // A name twice in one file: the second row is refused, naming the first.
      const twice = await stttt.features.import(upload(`${csv}\nký số hồ sơ điện tử;Phòng khác;;Chưa làm`, 'tinh-nang.csv', { dryRun: true }));
      expect(twice.errors).toEqual([expect.objectContaining({ row: 5, column: 'Tính năng, chức năng', message: 'Trùng tên tính năng với dòng 2.' })]);
      // The same file again changes nothing.
      expect((await stttt.features.import(upload(csv, 'tinh-nang.csv', { dryRun: true }))).summary).toEqual({ added: 0, updated: 0, unchanged: 3 });
      expect((await rejection((await h.as('ubnd')).features.import(upload(csv, 'tinh-nang.csv', { dryRun: true })))).code).toBe('FORBIDDEN');
    });

    it('refuses a bad input naming the field, with its message in each language', async () => {
      const refused = await rejection((await h.as('stttt')).security.createFinding({ title: '', owner: 'A', severity: 'high', deadline: '2026-12-01' }));
      expect(refused.code).toBe('BAD_REQUEST');
      const issue = (refused.cause as unknown as { issues: Array<{ path: string[]; message: string }> }).issues[0]!;
      expect(issue.path).toEqual(['title']);
      expect(resolveLocalized(issue.message, 'vi')).toBe('Chưa nhập nội dung phát hiện.');
      expect(resolveLocalized(issue.message, 'en')).toBe('The finding is required.');
      // A day the database cannot hold (year 0000) is refused as input, never a 500.
      const year0 = await rejection((await h.as('stttt', { locale: 'en' })).features.create({ name: 'X', owner: 'Y', status: 'planned', deadline: '0000-01-01' }));
      expect(year0.code).toBe('BAD_REQUEST');
      expect(year0.message).toContain('Invalid date (dd/mm/yyyy, years 1900 to 2999).');
    });

    it('exports the features and the findings as xlsx with the overdue ones marked', async () => {
      const texts = await sheetTexts(await (await h.as('ubnd')).features.export());
      expect(texts).toContain('Thanh toán trực tuyến phí, lệ phí');
      expect(texts).toContain('Quá hạn');
      expect(texts.some((text) => text.startsWith('Tổng số 4, hoàn thành 2, còn 2, quá hạn 1.'))).toBe(true);
      const findings = await sheetTexts(await (await h.as('ubnd')).security.export());
      expect(findings).toContain('Chưa vá lỗ hổng máy chủ ứng dụng');
      expect(findings).toContain('Nghiêm trọng');
      expect(findings.some((text) => text.startsWith('Chưa khắc phục 2, quá hạn 1.'))).toBe(true);
    });
  });
});

/**
 * The module as its users meet it, through its router on a real database (PGlite, and Postgres
 * when TEST_DATABASE_URL is set): the module contract; each department keeps its own rows, the
 * Văn phòng reviews them all, coordinators read; the publication backlog; plans proposed,
 * approved, implemented and returned, each review recording the two 2458 targets as a hand
 * count says; the delegation flags; the one-stop-shop progress; import and export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { addDays, hanoiDateOf } from '@dondoc/plugin-sdk';
import { checkPluginContract, createPluginHarness, rejection, testBackends, type PluginHarness } from '@dondoc/plugin-sdk/testing';
import { resolveLocalized } from '@dondoc/trpc';
import plugin from '../src/server/plugin.ts';
import type { ModuleRouter } from '../src/server/router.ts';
import { COST_CUT_TARGET, INTERNAL_CUT_TARGET } from '../src/domain/index.ts';

const today = hanoiDateOf(Date.now());
const procedure = (code: string, kind: 'internal' | 'external', complianceCost: number | null, announcedOn: string | null) => ({
  code,
  name: `Thủ tục ${code}`,
  field: 'Hoạt động xây dựng',
  level: 'city' as const,
  kind,
  decisionNumber: announcedOn ? '1234/QĐ-UBND' : null,
  announcedOn,
  onlineService: 'partial' as const,
  complianceCost,
});

function csvUpload(text: string, fields: object): FormData {
  const form = new FormData();
  form.set('file', new File([text], 'danh-muc.csv', { type: 'text/csv' }));
  form.set('input', JSON.stringify(fields));
  return form;
}

async function sheetTexts(file: { contentBase64: string }): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
  const text = (value: unknown) => (value && typeof value === 'object' && 'richText' in value ? (value as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join('') : String(value));
  return workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(text));
}

describe.each(testBackends)('van-phong on %s', (kind) => {
  let h: PluginHarness<ModuleRouter>;
  const ids: Record<string, { id: string; version: number }> = {};
  beforeAll(async () => {
    h = await createPluginHarness(plugin, kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  const measurementsOf = async (code: string) => (await (await h.core('vp')).targets.get(code)).measurements.filter((m) => m.source === 'van-phong');

  it('keeps the module contract: no anonymous access, its own schema only, migrations apply once', async () => {
    expect(await checkPluginContract(plugin, h)).toEqual([]);
  });

  it('the two 2458 cut targets are the module’s now, no longer entered by hand', async () => {
    const target = await (await h.core('vp')).targets.get(INTERNAL_CUT_TARGET);
    expect(target).toMatchObject({ source: 'module', sourceModule: 'van-phong', ownerUnit: { code: 'VP' }, targetValue: 20, baselineValue: 2.5 });
    expect((await (await h.core('vp')).targets.get(COST_CUT_TARGET)).sourceModule).toBe('van-phong');
  });

  it('each department keeps its own catalogue; the Văn phòng and coordinators read every one', async () => {
    const sxd = await h.as('sxd');
    for (const row of [procedure('XD-N1', 'internal', 100, addDays(today, -61)), procedure('XD-N2', 'internal', 200, addDays(today, -11)), procedure('XD-B1', 'external', 400, addDays(today, -5))]) {
      const created = await sxd.procedures.create(row);
      expect(created).toMatchObject({ ownerUnitCode: 'SXD', version: 1, createdBy: 'sxd' });
      ids[row.code] = created;
    }
    ids['BD-N1'] = await (await h.as('badinh')).procedures.create(procedure('BD-N1', 'internal', 50, null));
    expect((await h.audit('van-phong.procedure', ids['XD-N1']!.id)).map((a) => a.action)).toEqual(['van-phong.procedure.create']);

    expect((await sxd.procedures.list({})).map((row) => row.code)).toEqual(['XD-B1', 'XD-N1', 'XD-N2']);
    expect((await (await h.as('badinh')).procedures.list({})).map((row) => row.code)).toEqual(['BD-N1']);
    for (const reader of ['vp', 'ubnd']) {
      expect((await (await h.as(reader)).procedures.list({})).map((row) => `${row.ownerUnitCode}:${row.code}`)).toEqual(['Q001:BD-N1', 'SXD:XD-B1', 'SXD:XD-N1', 'SXD:XD-N2']);
    }
    // Named as people and units, not logins and codes.
    const sxdName = (await (await h.core()).people.of(['sxd'])).sxd!.fullName;
    expect(sxdName).not.toBe('sxd');
    expect((await sxd.procedures.list({}))[0]).toMatchObject({ ownerUnitName: 'Sở Xây dựng', updatedByName: sxdName });

    expect((await rejection(sxd.procedures.create({ ...procedure('X', 'internal', 1, null), ownerUnitCode: 'Q001' }))).code).toBe('FORBIDDEN');
    expect((await rejection((await h.as('ubnd')).procedures.create(procedure('X', 'internal', 1, null)))).code).toBe('FORBIDDEN');
    const duplicate = await rejection((await h.as('badinh')).procedures.create(procedure('XD-N1', 'internal', 1, null)));
    expect(duplicate).toMatchObject({ code: 'CONFLICT', message: 'Mã thủ tục XD-N1 đã có trong danh mục (đơn vị SXD).' });
  });

  it('refuses a bad input naming the field, in each language', async () => {
    const refused = await rejection((await h.as('sxd')).procedures.create({ ...procedure('XD-9', 'internal', -5, null) }));
    expect(refused.code).toBe('BAD_REQUEST');
    const issue = (refused.cause as unknown as { issues: Array<{ path: string[]; message: string }> }).issues[0]!;
    expect(issue.path).toEqual(['complianceCost']);
    expect(resolveLocalized(issue.message, 'vi')).toBe('Chi phí không được âm.');
    expect(resolveLocalized(issue.message, 'en')).toBe('The cost must not be negative.');
    const english = await rejection((await h.as('badinh', { locale: 'en' })).procedures.create(procedure('XD-N1', 'internal', 1, null)));
    expect(english.message).toBe('Procedure code XD-N1 is already in the catalogue (unit SXD).');
  });

  it('the publication backlog: announced, not published, days waited, by department; only the Văn phòng publishes', async () => {
    const sxd = await h.as('sxd');
    expect((await rejection(sxd.procedures.publish({ ...ids['XD-B1']!, publishedOn: today }))).code).toBe('FORBIDDEN');
    const vp = await h.as('vp');
    const before = await vp.procedures.backlog({});
    expect(before.items.map((item) => [item.code, item.daysWaited])).toEqual([['XD-N1', 61], ['XD-N2', 11], ['XD-B1', 5]]);
    expect(before.byUnit).toEqual([{ ownerUnitCode: 'SXD', ownerUnitName: 'Sở Xây dựng', count: 3, longestWait: 61 }]);

    const published = await vp.procedures.publish({ ...ids['XD-B1']!, publishedOn: today });
    expect(published).toMatchObject({ publishedOn: today, version: 2, updatedBy: 'vp' });
    ids['XD-B1'] = published;
    expect((await h.audit('van-phong.procedure', published.id)).map((a) => a.action)).toContain('van-phong.procedure.publish');
    const after = await vp.procedures.backlog({});
    expect(after.items.map((item) => [item.code, item.daysWaited])).toEqual([['XD-N1', 61], ['XD-N2', 11]]);
    expect(after.byUnit).toMatchObject([{ ownerUnitCode: 'SXD', count: 2, longestWait: 61 }]);
    // Asked for a date 10 days back: XD-B1 was announced after it; XD-N2 had waited 1 day.
    expect((await vp.procedures.backlog({ asOf: addDays(today, -10) })).items.map((item) => [item.code, item.daysWaited])).toEqual([['XD-N1', 51], ['XD-N2', 1]]);
    // A district reads its own backlog: BD-N1 is not announced.
    expect((await (await h.as('badinh')).procedures.backlog({})).items).toEqual([]);

    const early = await rejection(vp.procedures.publish({ ...ids['XD-N1']!, publishedOn: addDays(today, -62) }));
    expect(early).toMatchObject({ code: 'BAD_REQUEST', message: 'Ngày đăng tải không được trước ngày công bố.' });
    const notAnnounced = await rejection(vp.procedures.publish({ ...ids['BD-N1']!, publishedOn: today }));
    expect(notAnnounced.message).toBe('Chưa có quyết định công bố thì chưa thể đăng tải.');
    const stale = await rejection(vp.procedures.publish({ id: ids['XD-B1']!.id, version: 1, publishedOn: today }));
    expect(stale.code).toBe('CONFLICT');
  });

  it('the owner department proposes; nobody else may; figures are checked', async () => {
    const sxd = await h.as('sxd');
    const plan = { action: 'cut' as const, content: 'Bãi bỏ thủ tục thẩm định trùng lặp', costBefore: 100, costAfter: 0, daysBefore: 15, daysAfter: 0 };
    const bad = await rejection(sxd.plans.propose({ procedureId: ids['XD-N1']!.id, ...plan, costAfter: 10 }));
    expect(bad).toMatchObject({ code: 'BAD_REQUEST', message: 'Bãi bỏ thủ tục thì chi phí sau cắt giảm phải bằng 0.' });
    expect((await rejection((await h.as('badinh')).plans.propose({ procedureId: ids['XD-N1']!.id, ...plan }))).code).toBe('FORBIDDEN');
    expect((await rejection((await h.as('vp')).plans.propose({ procedureId: ids['XD-N1']!.id, ...plan }))).code).toBe('FORBIDDEN');

    ids['plan:XD-N1'] = await sxd.plans.propose({ procedureId: ids['XD-N1']!.id, ...plan });
    ids['plan:XD-B1'] = await sxd.plans.propose({ procedureId: ids['XD-B1']!.id, action: 'simplify', content: 'Bỏ bản sao giấy tờ đã có trong CSDL', costBefore: 400, costAfter: 300, daysBefore: 20, daysAfter: 12 });
    expect(ids['plan:XD-N1']).toMatchObject({ status: 'proposed', ownerUnitCode: 'SXD' });
    const twice = await rejection(sxd.plans.propose({ procedureId: ids['XD-N1']!.id, ...plan }));
    expect(twice).toMatchObject({ code: 'CONFLICT', message: 'Thủ tục XD-N1 đã có phương án đơn giản hóa.' });
    // Proposals do not count: nothing recorded on the targets yet.
    expect(await measurementsOf(INTERNAL_CUT_TARGET)).toEqual([]);
    expect((await (await h.as('vp')).plans.list({})).map((row) => [row.procedureCode, row.status])).toEqual([['XD-B1', 'proposed'], ['XD-N1', 'proposed']]);
  });

  it('an approval whose audit fails leaves the plan proposed and records nothing: one transaction', async () => {
    const failing = await h.as('vp', { audit: async () => Promise.reject(new Error('audit down')) });
    await expect(failing.plans.approve({ ...ids['plan:XD-N1']!, note: null })).rejects.toThrow();
    expect((await (await h.as('vp')).plans.list({})).find((plan) => plan.id === ids['plan:XD-N1']!.id)).toMatchObject({ status: 'proposed', version: 1 });
    expect(await measurementsOf(INTERNAL_CUT_TARGET)).toEqual([]);
  });

  it('the Văn phòng approves: both targets record today’s shares as a hand count says, in the approval’s transaction', async () => {
    const sxd = await h.as('sxd');
    for (const caller of [sxd, await h.as('ubnd'), await h.as('stc')]) {
      expect((await rejection(caller.plans.approve({ ...ids['plan:XD-N1']!, note: null }))).code).toBe('FORBIDDEN');
    }
    const vp = await h.as('vp');
    const approved = await vp.plans.approve({ ...ids['plan:XD-N1']!, note: 'Đồng ý' });
    ids['plan:XD-N1'] = approved.plan;
    expect(approved.plan).toMatchObject({ status: 'approved', reviewedBy: 'vp', reviewNote: 'Đồng ý' });
    // Internal procedures: XD-N1, XD-N2, BD-N1; cut: XD-N1 → 1/3 = 33.33%.
    // Cost base: 100 + 200 + 400 + 50 = 750; saved: 100 (XD-N1 cut) → 13.33%.
    expect(await measurementsOf(INTERNAL_CUT_TARGET)).toEqual([expect.objectContaining({ asOf: today, value: 33.33, numerator: 1, denominator: 3, provisional: true })]);
    expect(await measurementsOf(COST_CUT_TARGET)).toEqual([expect.objectContaining({ asOf: today, value: 13.33, numerator: 100, denominator: 750, provisional: true })]);

    ids['plan:XD-B1'] = (await vp.plans.approve({ ...ids['plan:XD-B1']!, note: null })).plan;
    // XD-B1 is external: the internal share stays; cost saved 100 + 100 = 200 of 750 → 26.67%.
    expect((await measurementsOf(INTERNAL_CUT_TARGET)).map((m) => m.value)).toEqual([33.33]);
    expect(await measurementsOf(COST_CUT_TARGET)).toEqual([expect.objectContaining({ value: 26.67, numerator: 200, denominator: 750 })]);
    expect((await h.audit('van-phong.plan', approved.plan.id)).map((a) => a.action)).toEqual(['van-phong.plan.approve', 'van-phong.plan.propose']);

    const shares = await vp.plans.shares();
    expect(shares.city).toMatchObject({ internal: { numerator: 1, denominator: 3, percent: 33.33 }, cost: { numerator: 200, denominator: 750, percent: 26.67 }, counted: 2, provisional: true });
    expect(shares.byUnit.map((unit) => [unit.unitCode, unit.internal.percent, unit.cost.percent])).toEqual([['Q001', 0, 0], ['SXD', 50, 28.57]]);
    // A department reads its own share.
    expect((await sxd.plans.shares()).byUnit.map((unit) => unit.unitCode)).toEqual(['SXD']);

    // Approved: the owner edits no more.
    const edit = await rejection(sxd.plans.update({ ...ids['plan:XD-N1']!, action: 'cut', content: 'x', costBefore: 100, costAfter: 0, daysBefore: null, daysAfter: null }));
    expect(edit).toMatchObject({ code: 'BAD_REQUEST', message: 'Phương án đã phê duyệt, không sửa được.' });
  });

  it('implementation and return move the shares; a step out of order is refused', async () => {
    const vp = await h.as('vp');
    const early = await rejection(vp.plans.implement({ ...ids['plan:XD-N1']!, implementedOn: addDays(today, 1) }));
    expect(early.message).toBe('Ngày thực thi không được sau hôm nay.');
    ids['plan:XD-N1'] = (await vp.plans.implement({ ...ids['plan:XD-N1']!, implementedOn: today })).plan;
    expect(ids['plan:XD-N1']).toMatchObject({ status: 'implemented', implementedOn: today });
    expect((await rejection(vp.plans.return({ ...ids['plan:XD-N1']!, note: 'Xem lại' }))).message).toBe('Phương án đã thực thi, không thể trả lại.');

    expect((await rejection(vp.plans.return({ ...ids['plan:XD-B1']!, note: '' }))).code).toBe('BAD_REQUEST');
    ids['plan:XD-B1'] = (await vp.plans.return({ ...ids['plan:XD-B1']!, note: 'Chưa tính chi phí sau' })).plan;
    // Counted: XD-N1 only, implemented → not provisional; cost 100/750.
    expect(await measurementsOf(INTERNAL_CUT_TARGET)).toEqual([expect.objectContaining({ value: 33.33, provisional: false })]);
    expect(await measurementsOf(COST_CUT_TARGET)).toEqual([expect.objectContaining({ value: 13.33, numerator: 100, denominator: 750, provisional: false })]);

    // Returned: the owner edits, which proposes it again.
    const sxd = await h.as('sxd');
    const again = await sxd.plans.update({ ...ids['plan:XD-B1']!, action: 'simplify', content: 'Bỏ bản sao giấy tờ', costBefore: 400, costAfter: 250, daysBefore: 20, daysAfter: 10 });
    expect(again).toMatchObject({ status: 'proposed', costAfter: 250 });
    ids['plan:XD-B1'] = again;
    const stale = await rejection(sxd.plans.update({ id: again.id, version: 1, action: 'simplify', content: 'x', costBefore: 400, costAfter: 250, daysBefore: null, daysAfter: null }));
    expect(stale.code).toBe('CONFLICT');
  });

  it('imports a procedure list: a dry run lists every row’s error and writes nothing; the import moves the shares', async () => {
    const sxd = await h.as('sxd');
    const header = 'Mã thủ tục;Tên thủ tục;Lĩnh vực;Cấp thực hiện;Loại thủ tục;Quyết định công bố;Ngày công bố;Ngày đăng tải CSDLQG;Dịch vụ công trực tuyến;Chi phí tuân thủ (nghìn đồng/năm)';
    const bad = [
      header,
      'XD-N3;Thẩm định nội bộ 3;Xây dựng;Thành phố;Nội bộ;11/QĐ-UBND;01/10/2026;;Không;150',
      'XD-N1;Trùng mã;Xây dựng;Thành phố;Nội bộ;;;;Không;1',
      'XD-N4;Cấp sai;Xây dựng;Trung ương;Nội bộ;;;;Không;1',
      'XD-N5;Đăng trước công bố;Xây dựng;Xã;Nội bộ;12/QĐ-UBND;10/10/2026;01/10/2026;Toàn trình;1',
    ].join('\n');
    const checked = await sxd.procedures.import(csvUpload(bad, { dryRun: true }));
    expect(checked.errors.map((error) => [error.row, error.column])).toEqual([
      [3, 'Mã thủ tục'],
      [4, 'Cấp thực hiện'],
      [5, 'Ngày đăng tải CSDLQG'],
    ]);
    expect(checked.errors[0]!.message).toBe('Mã thủ tục XD-N1 đã có trong danh mục (đơn vị SXD).');
    expect((await sxd.procedures.list({})).length).toBe(3);
    // A real import with errors writes nothing either.
    expect(await sxd.procedures.import(csvUpload(bad, { dryRun: false }))).toMatchObject({ written: false });
    expect((await sxd.procedures.list({})).length).toBe(3);

    const good = [header, 'XD-N3;Thẩm định nội bộ 3;Xây dựng;Thành phố;Nội bộ;11/QĐ-UBND;01/10/2026;;Không;150', 'XD-N4;Lấy ý kiến nội bộ;Xây dựng;Huyện;noi bo;;;;khong;'].join('\n');
    const written = await sxd.procedures.import(csvUpload(good, { dryRun: false }));
    expect(written).toMatchObject({ written: true, errors: [], summary: { ownerUnitCode: 'SXD', procedures: 2, internal: 2, unpublished: 1 } });
    expect((await sxd.procedures.list({})).map((row) => [row.code, row.level, row.kind, row.complianceCost])).toContainEqual(['XD-N4', 'district', 'internal', null]);
    // Internal now 5 (1 cut) → 20%; the cost base 750 + 150 = 900, saved 100 → 11.11%.
    expect(await measurementsOf(INTERNAL_CUT_TARGET)).toEqual([expect.objectContaining({ value: 20, numerator: 1, denominator: 5 })]);
    expect(await measurementsOf(COST_CUT_TARGET)).toEqual([expect.objectContaining({ value: 11.11, numerator: 100, denominator: 900 })]);
    // The Văn phòng cannot import for a department by mistake into its own unit: it names the unit.
    expect((await rejection(sxd.procedures.import(csvUpload(good, { dryRun: true, ownerUnitCode: 'Q001' })))).code).toBe('FORBIDDEN');
  });

  it('imports the same list from an xlsx with a title above the header', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh mục');
    sheet.addRow(['UBND QUẬN BA ĐÌNH — DANH MỤC TTHC NỘI BỘ']);
    sheet.addRow([]);
    sheet.addRow(['Mã TTHC', 'Tên thủ tục', 'Lĩnh vực', 'Cấp', 'Loại', 'Ngày công bố', 'DVC trực tuyến', 'Chi phí tuân thủ']);
    sheet.addRow(['BD-N2', 'Phối hợp cấp phép nội bộ', 'Xây dựng', 'Huyện', 'Nội bộ', new Date(Date.UTC(2026, 9, 1)), 'Không', 40]);
    const form = new FormData();
    form.set('file', new File([Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer)], 'danh-muc.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    form.set('input', JSON.stringify({ dryRun: true }));
    const checked = await (await h.as('badinh')).procedures.import(form);
    expect(checked).toMatchObject({ fileKind: 'xlsx', errors: [], summary: { ownerUnitCode: 'Q001', procedures: 1, internal: 1, unpublished: 1 } });
    expect((await (await h.as('badinh')).procedures.list({})).map((row) => row.code)).toEqual(['BD-N1']);
  });

  it('the delegation register: flags for ending within 30 days and a late rate above the Văn phòng’s threshold', async () => {
    const vp = await h.as('vp');
    const base = { procedureId: ids['XD-N2']!.id, delegatingAuthority: 'UBND Thành phố', decisionNumber: '4610/QĐ-UBND', startsOn: '2022-11-22' };
    const soon = await vp.delegations.create({ ...base, delegateUnitCode: 'SXD', endsOn: addDays(today, 30) });
    const later = await vp.delegations.create({ ...base, delegateUnitCode: 'Q001', endsOn: addDays(today, 31) });
    const open = await vp.delegations.create({ ...base, delegateUnitCode: 'SXD', endsOn: null });
    expect((await rejection((await h.as('sxd')).delegations.create({ ...base, delegateUnitCode: 'SXD', endsOn: null }))).code).toBe('FORBIDDEN');
    // The form's units: the Văn phòng's only.
    expect((await vp.delegations.units()).find((unit) => unit.code === 'SXD')?.name).toBe('Sở Xây dựng');
    expect((await rejection((await h.as('sxd')).delegations.units())).code).toBe('FORBIDDEN');
    expect((await rejection(vp.delegations.create({ ...base, delegateUnitCode: 'NOPE', endsOn: null }))).message).toBe('Không có đơn vị NOPE.');
    const backwards = await rejection(vp.delegations.create({ ...base, delegateUnitCode: 'SXD', endsOn: '2022-01-01' }));
    expect(backwards.message).toBe('Ngày kết thúc ủy quyền không được trước ngày bắt đầu.');

    // The delegate unit reports its dossiers; another unit may not.
    const sxd = await h.as('sxd');
    await sxd.delegations.reportDossiers({ id: open.id, version: 1, onTime: 17, late: 3 }); // 15%
    await (await h.as('badinh')).delegations.reportDossiers({ id: later.id, version: 1, onTime: 18, late: 2 }); // 10%
    expect((await rejection((await h.as('badinh')).delegations.reportDossiers({ id: soon.id, version: 1, onTime: 1, late: 0 }))).code).toBe('FORBIDDEN');

    const flagsOf = async () => Object.fromEntries((await vp.delegations.list({})).items.map((item) => [item.id, [item.lateRate, item.daysLeft, item.flags]]));
    // Default threshold 10%: 15% is above, 10% is not.
    expect(await flagsOf()).toEqual({ [soon.id]: [null, 30, ['ending_soon']], [later.id]: [10, 31, []], [open.id]: [15, null, ['late_rate']] });
    expect((await vp.delegations.list({})).flags).toEqual({ ending_soon: 1, ended: 0, late_rate: 1 });
    // The Văn phòng sets 5%: the 10% one is flagged too; sxd may not set it.
    expect((await rejection(sxd.delegations.setThreshold({ version: null, lateThreshold: 5 }))).code).toBe('FORBIDDEN');
    const set = await vp.delegations.setThreshold({ version: null, lateThreshold: 5 });
    expect((await flagsOf())[later.id]).toEqual([10, 31, ['late_rate']]);
    expect((await rejection(vp.delegations.setThreshold({ version: null, lateThreshold: 7 }))).code).toBe('CONFLICT');
    await vp.delegations.setThreshold({ version: set.version, lateThreshold: 20 });
    expect((await flagsOf())[open.id]).toEqual([15, null, []]);
    // As of a later date, the 30-day one has ended.
    expect((await vp.delegations.list({ asOf: addDays(today, 31) })).items.find((item) => item.id === soon.id)?.flags).toEqual(['ended']);

    // A delegate unit reads only its own; the Văn phòng evaluates.
    expect((await sxd.delegations.list({})).items.map((item) => item.delegateUnitCode)).toEqual(['SXD', 'SXD']);
    await vp.delegations.evaluate({ delegationId: open.id, kind: 'inspection', evaluatedOn: today, findings: 'Trễ hạn do thiếu nhân lực', recommendation: 'adjust' });
    expect((await sxd.delegations.list({})).items.find((item) => item.id === open.id)?.evaluations).toMatchObject([{ recommendation: 'adjust', createdBy: 'vp' }]);
    expect((await rejection(sxd.delegations.evaluate({ delegationId: open.id, kind: 'inspection', evaluatedOn: today, findings: 'x', recommendation: 'keep' }))).code).toBe('FORBIDDEN');
    const texts = await sheetTexts(await vp.delegations.export({}));
    expect(texts).toContain('Sắp hết hạn');
  });

  it('the one-stop-shop milestones: each unit its own, the city-wide progress', async () => {
    const badinh = await h.as('badinh');
    await badinh.milestones.create({ title: 'Bố trí trụ sở Bộ phận một cửa', dueOn: addDays(today, -30), status: 'done', doneOn: addDays(today, -40), note: null });
    await badinh.milestones.create({ title: 'Trang bị ki-ốt tra cứu', dueOn: addDays(today, -1), status: 'in_progress', doneOn: null, note: null });
    await (await h.as('sxd')).milestones.create({ title: 'Số hóa hồ sơ', dueOn: addDays(today, 60), status: 'not_started', doneOn: null, note: null });
    const noDate = await rejection(badinh.milestones.create({ title: 'x', dueOn: today, status: 'done', doneOn: null, note: null }));
    expect(noDate.message).toBe('Mốc đã hoàn thành cần có ngày hoàn thành.');
    // A day the calendar has not (year 0000) is a bad input, never a database error.
    expect((await rejection(badinh.milestones.create({ title: 'x', dueOn: '0000-01-01', status: 'not_started', doneOn: null, note: null }))).code).toBe('BAD_REQUEST');
    const city = await (await h.as('ubnd')).milestones.list({});
    expect(city.city).toEqual({ total: 3, done: 1, inProgress: 1, overdue: 1, doneLate: 0, percent: 33.33 });
    expect(city.byUnit.map((unit) => [unit.unitCode, unit.percent])).toEqual([['Q001', 50], ['SXD', 0]]);
    expect((await badinh.milestones.list({})).items.map((item) => [item.title, item.overdue])).toEqual([['Bố trí trụ sở Bộ phận một cửa', false], ['Trang bị ki-ốt tra cứu', true]]);
  });

  it('exports the catalogue and the plans as xlsx an agency can file', async () => {
    const vp = await h.as('vp');
    const catalogue = await sheetTexts(await vp.procedures.export({}));
    expect(catalogue).toContain('DANH MỤC THỦ TỤC HÀNH CHÍNH');
    expect(catalogue).toContain('Chưa đăng tải');
    expect(catalogue.some((text) => text.startsWith('Tổng số: 6 thủ tục, trong đó 5 thủ tục nội bộ'))).toBe(true);
    const plans = await sheetTexts(await vp.plans.export({}));
    expect(plans).toContain('Toàn Thành phố');
    expect(plans).toContain('20%');
    expect(plans).toContain('Đã thực thi');
  });
  it('removes a procedure without plan or delegation, audited; one with a plan stays', async () => {
    const sxd = await h.as('sxd');
    const spare = await sxd.procedures.create(procedure('XD-TAM', 'external', 10, null));
    expect((await rejection((await h.as('badinh')).procedures.remove(spare))).code).toBe('FORBIDDEN');
    await sxd.procedures.remove(spare);
    expect((await sxd.procedures.list({})).map((row) => row.code)).not.toContain('XD-TAM');
    expect((await h.audit('van-phong.procedure', spare.id)).map((a) => a.action)).toEqual(['van-phong.procedure.remove', 'van-phong.procedure.create']);
    const kept = await rejection(sxd.procedures.remove(ids['XD-N1']!));
    expect(kept.message).toBe('Thủ tục XD-N1 đã có phương án đơn giản hóa hoặc ủy quyền, không xóa được.');
    const milestone = await sxd.milestones.create({ title: 'Mốc tạm', dueOn: today, status: 'not_started', doneOn: null, note: null });
    await sxd.milestones.remove(milestone);
    expect((await sxd.milestones.list({})).items.map((item) => item.title)).not.toContain('Mốc tạm');
  });
});

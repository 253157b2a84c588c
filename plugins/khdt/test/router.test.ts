/**
 * The module as its users meet it, through its router on a real database (PGlite, and Postgres
 * when TEST_DATABASE_URL is set): the module contract; schemes kept by their lead unit, seen by
 * Sở KH&ĐT and the coordinators, flagged behind plan on data made for the test; obstacles raised
 * to the UBND; the import's dry run and the export; the PCI scorecard on the core — targets by
 * Sở KH&ĐT, estimates by the owner units, a miss with its remediation escalated and the projected
 * score measured on the target the module declares.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { addDays } from '@dondoc/plugin-sdk';
import { checkPluginContract, createPluginHarness, queryRows, rejection, testBackends, type PluginHarness } from '@dondoc/plugin-sdk/testing';
import { resolveLocalized } from '@dondoc/trpc';
import plugin from '../src/server/plugin.ts';
import type { ModuleRouter } from '../src/server/router.ts';
import { PROJECTION_TARGETS } from '../src/domain/index.ts';

function csvUpload(text: string, fields: object): FormData {
  const form = new FormData();
  form.set('file', new File([text], 'de-an.csv', { type: 'text/csv' }));
  form.set('input', JSON.stringify(fields));
  return form;
}

describe.each(testBackends)('khdt on %s', (kind) => {
  let h: PluginHarness<ModuleRouter>;
  let today: string;
  /** A scheme whose period is half gone today (100 days of 200). */
  let scheme: {
    name: string;
    decisionNumber: string;
    decisionDate: string;
    startOn: string;
    endOn: string;
    status: 'in_progress';
    budgetAllocated: number;
    budgetDisbursed: number;
    beneficiaryTarget: number;
    beneficiaryActual: number;
  };
  beforeAll(async () => {
    h = await createPluginHarness(plugin, kind);
    today = (await h.core(null)).today();
    scheme = {
      name: 'Đề án hỗ trợ doanh nghiệp xây dựng áp dụng công nghệ mới',
      decisionNumber: '321/QĐ-UBND',
      decisionDate: addDays(today as never, -120),
      startOn: addDays(today as never, -100),
      endOn: addDays(today as never, 100),
      status: 'in_progress',
      budgetAllocated: 1000,
      budgetDisbursed: 500,
      beneficiaryTarget: 200,
      beneficiaryActual: 100,
    };
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps the module contract: no anonymous access, its own schema only, migrations apply once', async () => {
    expect(await checkPluginContract(plugin, h)).toEqual([]);
  });

  it('a lead unit keeps its own schemes, audited; Sở KH&ĐT and coordinators see every unit’s, others none', async () => {
    const sxd = await h.as('sxd');
    const created = await sxd.schemes.create(scheme);
    expect(created).toMatchObject({ unitCode: 'SXD', version: 1, createdBy: 'sxd' });
    expect((await h.audit('khdt.scheme', created.id)).map((row) => row.action)).toEqual(['khdt.scheme.create']);
    for (const who of ['sxd', 'skhdt', 'ubnd'] as const) expect((await (await h.as(who)).schemes.list()).items.map((r) => r.id)).toContain(created.id);
    expect((await (await h.as('badinh')).schemes.list()).items.map((r) => r.id)).not.toContain(created.id);
    expect((await rejection((await h.as('badinh')).schemes.get({ id: created.id }))).code).toBe('NOT_FOUND');
    // A lead unit writes for itself only; Sở KH&ĐT for any unit; a coordinator reads.
    expect((await rejection(sxd.schemes.create({ ...scheme, unitCode: 'SCT' }))).code).toBe('FORBIDDEN');
    expect((await (await h.as('skhdt')).schemes.create({ ...scheme, name: 'Kế hoạch của Sở Công Thương', unitCode: 'SCT' })).unitCode).toBe('SCT');
    expect((await rejection((await h.as('ubnd')).schemes.create(scheme))).code).toBe('FORBIDDEN');
    expect((await rejection((await h.as('skhdt')).schemes.create({ ...scheme, unitCode: 'NOPE' }))).code).toBe('BAD_REQUEST');
  });

  it('flags a scheme behind plan: disbursement or beneficiaries below the period’s share by more than the margin', async () => {
    const skhdt = await h.as('skhdt');
    const behindMoney = await skhdt.schemes.create({ ...scheme, name: 'Chậm giải ngân', budgetDisbursed: 350 }); // 35% of 50%
    const behindPeople = await skhdt.schemes.create({ ...scheme, name: 'Chậm thụ hưởng', beneficiaryActual: 70 }); // 35%
    const atMargin = await skhdt.schemes.create({ ...scheme, name: 'Đúng ngưỡng', budgetDisbursed: 400 }); // 40%: not more than 10 points
    const ownMargin = await skhdt.schemes.create({ ...scheme, name: 'Ngưỡng riêng', budgetDisbursed: 350, marginPct: 20 });
    const done = await skhdt.schemes.create({ ...scheme, name: 'Đã xong', status: 'completed', budgetDisbursed: 0, beneficiaryActual: 0 });
    const notStarted = await skhdt.schemes.create({ ...scheme, name: 'Chưa bắt đầu', startOn: addDays(today as never, 5), endOn: addDays(today as never, 300), budgetDisbursed: 0, beneficiaryActual: 0 });
    const list = await skhdt.schemes.list();
    const flags = (id: string) => list.items.find((r) => r.id === id)!.progress;
    expect(flags(behindMoney.id)).toMatchObject({ elapsedPercent: 50, disbursedPercent: 35, behind: ['disbursement'], isBehind: true });
    expect(flags(behindPeople.id).behind).toEqual(['beneficiaries']);
    for (const id of [atMargin.id, ownMargin.id, done.id, notStarted.id]) expect(flags(id).isBehind).toBe(false);
    const behind = await skhdt.schemes.list({ behindOnly: true });
    expect(behind.items.map((r) => r.name).sort()).toEqual(['Chậm giải ngân', 'Chậm thụ hưởng']);
    expect(behind.summary.behind).toBe(2);
  });

  it('refuses figures that do not hold together, naming the field, in each language; a stale edit is CONFLICT naming who', async () => {
    const sxd = await h.as('sxd');
    const refused = await rejection(sxd.schemes.create({ ...scheme, budgetDisbursed: 1200 }));
    expect(refused.code).toBe('BAD_REQUEST');
    const issue = (refused.cause as unknown as { issues: Array<{ path: string[]; message: string }> }).issues[0]!;
    expect(issue.path).toEqual(['budgetDisbursed']);
    expect(resolveLocalized(issue.message, 'vi')).toBe('Số đã giải ngân không được vượt kinh phí được giao.');
    expect(resolveLocalized(issue.message, 'en')).toBe('The amount disbursed cannot exceed the budget allocated.');
    const created = await sxd.schemes.create({ ...scheme, name: 'Sửa hai lần' });
    await (await h.as('skhdt')).schemes.update({ ...scheme, name: 'Sửa hai lần', id: created.id, version: 1, budgetDisbursed: 600 });
    const stale = await rejection(sxd.schemes.update({ ...scheme, name: 'Sửa hai lần', id: created.id, version: 1, budgetDisbursed: 550 }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('skhdt');
  });

  it('an obstacle beyond the department’s authority is raised by Sở KH&ĐT to the UBND, once, linking back to the scheme', async () => {
    const sxd = await h.as('sxd');
    const own = await sxd.schemes.create({ ...scheme, name: 'Đề án có vướng mắc' });
    const obstacle = await sxd.obstacles.add({ schemeId: own.id, description: 'Vướng quy định về đối tượng hỗ trợ', proposal: 'Đề nghị UBND Thành phố mở rộng đối tượng', beyondAuthority: true });
    const minor = await sxd.obstacles.add({ schemeId: own.id, description: 'Thiếu cán bộ thẩm định' });
    expect((await sxd.schemes.get({ id: own.id })).awaitingEscalation).toBe(1);
    expect((await rejection(sxd.obstacles.escalate({ id: obstacle.id, version: 1 }))).code).toBe('FORBIDDEN');
    const skhdt = await h.as('skhdt');
    expect((await rejection(skhdt.obstacles.escalate({ id: minor.id, version: 1 }))).code).toBe('BAD_REQUEST');
    const raised = await skhdt.obstacles.escalate({ id: obstacle.id, version: 1 });
    expect(raised).toMatchObject({ escalatedOn: today, version: 2 });
    const [row] = await queryRows<{ state: string; unit_code: string; module_id: string; link_path: string; obstacle: string }>(h.db, sql`select state, unit_code, module_id, link_path, obstacle from core.escalations where id = ${raised.escalationId}`);
    expect(row).toMatchObject({ state: 'open', unit_code: 'SKHDT', module_id: 'khdt', link_path: `/m/khdt/de-an/${own.id}` });
    expect(row!.obstacle).toContain('321/QĐ-UBND');
    expect((await rejection(skhdt.obstacles.escalate({ id: obstacle.id, version: 2 }))).code).toBe('CONFLICT');
    expect((await rejection(sxd.obstacles.remove({ id: obstacle.id, version: 2 }))).code).toBe('BAD_REQUEST');
    const detail = await sxd.schemes.get({ id: own.id });
    expect([detail.openObstacles, detail.escalated, detail.awaitingEscalation]).toEqual([2, 1, 0]);
    expect((await h.audit('khdt.obstacle', obstacle.id)).map((a) => a.action).sort()).toEqual(['khdt.obstacle.create', 'khdt.obstacle.escalate']);
  });

  it('checks an import without writing (row-level errors), then writes every row; a second run changes nothing', async () => {
    const skhdt = await h.as('skhdt');
    const before = (await skhdt.schemes.list()).items.length;
    const header = 'Tên Đề án, Kế hoạch;Mã đơn vị chủ trì;Số quyết định phê duyệt;Ngày quyết định;Từ ngày;Đến ngày;Trạng thái;Kinh phí được giao (triệu đồng);Đã giải ngân (triệu đồng);Chỉ tiêu đối tượng thụ hưởng;Đối tượng đã thụ hưởng\n';
    const good1 = 'Kế hoạch xúc tiến đầu tư 2026;SKHDT;77/QĐ-UBND;05/01/2026;01/01/2026;31/12/2026;Đang triển khai;5000;2500;50;20\n';
    const good2 = 'Đề án hỗ trợ hợp tác xã;SNNPTNT;78/QĐ-UBND;05/01/2026;01/02/2026;31/12/2027;Chuẩn bị;3000;0;;\n';
    const bad = 'Đề án lỗi;KHONGCO;79/QĐ-UBND;05/01/2026;01/02/2026;31/12/2026;Đang triển khai;100;200;;\nĐề án ngày sai;SKHDT;80/QĐ-UBND;32/01/2026;01/02/2026;31/12/2026;Đang triển khai;100;50;;\n';
    const checked = await skhdt.schemes.import(csvUpload(header + good1 + good2 + bad, { dryRun: true }));
    expect(checked.written).toBe(false);
    expect(checked.errors.map((e) => [e.row, e.column])).toEqual(
      expect.arrayContaining([
        [4, 'Đã giải ngân (triệu đồng)'],
        [5, 'Ngày quyết định'],
      ]),
    );
    expect((await skhdt.schemes.list()).items.length).toBe(before);
    const written = await skhdt.schemes.import(csvUpload(header + good1 + good2, { dryRun: false }));
    expect(written).toMatchObject({ written: true, errors: [], summary: { added: 2, updated: 0, unchanged: 0 } });
    expect((await skhdt.schemes.list()).items.length).toBe(before + 2);
    const again = await skhdt.schemes.import(csvUpload(header + good1.replace(';2500;', ';2600;') + good2, { dryRun: false }));
    expect(again.summary).toEqual({ added: 0, updated: 1, unchanged: 1 });
    // An unknown unit, and a lead unit importing another unit's scheme, are row errors.
    const unknown = await skhdt.schemes.import(csvUpload(header + good1.replace('SKHDT', 'KHONGCO'), { dryRun: true }));
    expect(unknown.errors).toEqual([expect.objectContaining({ row: 2, column: 'Mã đơn vị chủ trì' })]);
    const foreign = await (await h.as('sxd')).schemes.import(csvUpload(header + good1, { dryRun: true }));
    expect(foreign.errors).toEqual([expect.objectContaining({ row: 2, column: 'Mã đơn vị chủ trì' })]);
  });

  it('serves an xlsx template, and reads an xlsx too: its title rows skipped, its cells checked', async () => {
    const skhdt = await h.as('skhdt');
    const template = await skhdt.schemes.template();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(template.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = new ExcelJS.Workbook().addWorksheet('Đề án');
    sheet.addRow(['DANH SÁCH ĐỀ ÁN HỖ TRỢ DOANH NGHIỆP']);
    sheet.addRow(['Tên Đề án, Kế hoạch', 'Mã đơn vị chủ trì', 'Số quyết định phê duyệt', 'Ngày quyết định', 'Từ ngày', 'Đến ngày', 'Trạng thái', 'Kinh phí được giao (triệu đồng)', 'Đã giải ngân (triệu đồng)']);
    sheet.addRow(['Chương trình kết nối doanh nghiệp với ngân hàng', 'SKHDT', '90/QĐ-UBND', '10/01/2026', '01/02/2026', '30/11/2026', 'Đang triển khai', 800, 900]);
    const bytes = new Uint8Array(await sheet.workbook.xlsx.writeBuffer());
    const form = new FormData();
    form.set('file', new File([bytes], 'de-an.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    form.set('input', JSON.stringify({ dryRun: true }));
    const checked = await skhdt.schemes.import(form);
    expect(checked).toMatchObject({ fileKind: 'xlsx', written: false, dataRows: 1 });
    expect(checked.errors).toEqual([expect.objectContaining({ row: 3, column: 'Đã giải ngân (triệu đồng)' })]);
    expect(workbook.worksheets.length).toBeGreaterThan(0);
  });

  it('exports the schemes as an xlsx with their flags and a total', async () => {
    const file = await (await h.as('skhdt')).schemes.export();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
    const texts = workbook.worksheets[0]!.getSheetValues().flat().map(String);
    expect(texts).toContain('Chậm giải ngân');
    expect(texts).toContain('Giải ngân');
    expect(texts.some((text) => text.startsWith('Tổng số'))).toBe(true);
  });

  it('PCI: the projection moves to the module’s target; Sở KH&ĐT sets targets; a miss needs an action, escalates and changes the measurement', async () => {
    const skhdt = await h.as('skhdt');
    expect((await rejection((await h.as('vp')).scorecards.useTargets())).code).toBe('FORBIDDEN');
    const used = await skhdt.scorecards.useTargets();
    expect(used.map((u) => u.target)).toEqual([PROJECTION_TARGETS.pci, PROJECTION_TARGETS.pgi]);
    const page = await skhdt.scorecards.page({ index: 'pci' });
    expect(page.card.target?.code).toBe(PROJECTION_TARGETS.pci);
    expect(page.projection).toMatchObject({ code: PROJECTION_TARGETS.pci, declaredByModule: true, targetValue: 70 });
    const first = page.projection!.measurements.at(-1)!;
    expect(first).toMatchObject({ value: 69.1, asOf: '2023-12-31', source: 'khdt' });
    // 69,1 short of 70 once the year is over: the target is forecast to miss.
    expect(page.projection!.forecast).toMatchObject({ class: 'off_track', latestValue: 69.1 });
    // Estimates of 14/9/2023 are owed again for the year's last quarter; criteria 2 and 3 miss.
    expect(page.asOf).toBe('2023-12-31');
    expect(page.owing.map((o) => o.unit.code)).toContain('VP');
    expect(page.misses.map((m) => [m.code, m.hasDueAction])).toEqual([
      ['3', false],
      ['2', false],
    ]);
    expect(page.trend.map((p) => p.year)).toEqual([2023]);

    const node4 = page.card.nodes.find((n) => n.code === '4')!;
    // Sở KH&ĐT sets the target; an owner unit may not.
    expect((await rejection((await h.as('vp')).scorecards.setTarget({ nodeId: node4.id, version: node4.version, target: 6.6 }))).code).toBe('FORBIDDEN');
    const set = await skhdt.scorecards.setTarget({ nodeId: node4.id, version: node4.version, target: 6.6, margin: 0.3 });
    // The owner unit (Văn phòng UBND) lowers its estimate below target: refused without an action.
    const vp = await h.as('vp');
    const refused = await rejection(vp.scorecards.estimate({ nodeId: node4.id, version: set.version, value: 6.2, evidence: 'Khảo sát doanh nghiệp quý IV' }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect((await rejection((await h.as('sxd')).scorecards.estimate({ nodeId: node4.id, version: set.version, value: 6.2, evidence: 'x' }))).code).toBe('FORBIDDEN');
    const saved = await vp.scorecards.estimate({
      nodeId: node4.id,
      version: set.version,
      value: 6.2,
      evidence: 'Khảo sát doanh nghiệp quý IV',
      action: { what: 'Rút ngắn thời gian giải quyết thủ tục đầu tư', dueOn: addDays(today as never, 30) },
    });
    expect(saved.escalationId).not.toBeNull();
    expect(saved.node.class).toBe('off_track');
    expect(saved.total.class).toBe('at_risk');
    expect(saved.measurement).toMatchObject({ code: PROJECTION_TARGETS.pci, asOf: '2023-12-31' });
    expect(saved.measurement!.value).toBeLessThan(first.value);
    const after = await skhdt.scorecards.page({ index: 'pci' });
    expect(after.misses.find((m) => m.code === '4')).toMatchObject({ hasDueAction: true, escalated: true, class: 'off_track' });
    expect(after.owing.find((o) => o.unit.code === 'VP')!.nodes.map((n) => n.code)).toEqual(['3']);
    expect(after.projection!.measurements.at(-1)!.value).toBe(saved.measurement!.value);
    const [escalation] = await queryRows<{ state: string; module_id: string }>(h.db, sql`select state, module_id from core.escalations where id = ${saved.escalationId}`);
    expect(escalation).toEqual({ state: 'open', module_id: 'khdt' });
    expect((await skhdt.scorecards.history({ nodeId: node4.id }))[0]).toMatchObject({ value: 6.2 });
    // Sở KH&ĐT reminds the units still owing, once a day; an owner unit may not.
    const reminded = await skhdt.scorecards.remind({ index: 'pci' });
    expect(reminded.sent.sort()).toEqual(after.owing.map((o) => o.unit.code).sort());
    expect((await skhdt.scorecards.remind({ index: 'pci' })).skipped.map((s) => s.reason)).toContain('already_sent_today');
    expect((await rejection(vp.scorecards.remind({ index: 'pci' }))).code).toBe('FORBIDDEN');
    // PGI's page too, on the module's target.
    const pgi = await skhdt.scorecards.page({ index: 'pgi' });
    expect(pgi).toMatchObject({ card: { index: 'pgi', year: 2023 }, projection: { code: PROJECTION_TARGETS.pgi, declaredByModule: true } });
    expect(pgi.misses.map((m) => m.code)).toEqual(['1']);
  });

  it('the overview: schemes behind plan and the indices’ projections', async () => {
    const overview = await (await h.as('ubnd')).overview.get();
    expect(overview.schemes.behind).toBeGreaterThanOrEqual(2);
    expect(overview.indices.map((i) => i.index)).toEqual(['pci', 'pgi']);
    expect((await rejection(h.anonymous().overview.get())).code).toBe('UNAUTHORIZED');
  });
});

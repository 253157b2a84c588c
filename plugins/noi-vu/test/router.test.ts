/**
 * The module as its users meet it, through its router on a real database (PGlite, and Postgres
 * when TEST_DATABASE_URL is set): the module contract; the consolidated CCHC report of this
 * quarter (units submit through the core, one does not and is reminded, Sở Nội vụ writes the
 * narrative, the .docx and the xlsx annexes hold the very figures of the core's overview); the
 * PAR INDEX estimates and their escalation to the coordinators' queue, the ranking; good models;
 * inspections with follow-ups as core tasks, discipline cases and the import's dry run. The
 * tests run in order.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf, TASK_STATUSES, type IsoDate } from '@dondoc/plugin-sdk';
import { checkPluginContract, createPluginHarness, docxParagraphs, docxParts, docxTables, readXlsx, rejection, testBackends, type PluginHarness } from '@dondoc/plugin-sdk/testing';
import plugin from '../src/server/plugin.ts';
import type { ModuleRouter } from '../src/server/router.ts';
import { reportAsOf } from '../src/domain/report.ts';
import { REPORT_TARGET_CODE } from '../src/domain/target.ts';

/** "1.234" → 1234, "58,97%" stays text. */
const asNumber = (text: string) => Number(text.replace(/\./g, ''));

function csvUpload(text: string, fields: object): FormData {
  const form = new FormData();
  form.set('file', new File([text], 'ke-hoach-kiem-tra.csv', { type: 'text/csv' }));
  form.set('input', JSON.stringify(fields));
  return form;
}

describe.each(testBackends)('noi-vu on %s', (kind) => {
  let h: PluginHarness<ModuleRouter>;
  let today: IsoDate;
  let periodId: string;
  beforeAll(async () => {
    h = await createPluginHarness(plugin, kind);
    today = (await h.core()).today();
    periodId = periodOf('quarter', today).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps the module contract: no anonymous access, its own schema only, migrations apply once', async () => {
    expect(await checkPluginContract(plugin, h)).toEqual([]);
  });

  describe('the consolidated CCHC report of the quarter', () => {
    /** A unit fills in every line of its report and its lead submits it (the shell's report page, through the core). */
    async function submitReport(username: string) {
      const core = await h.coreAs(username);
      const view = await core.reports.get({ periodId });
      const saved = await core.reports.save({
        periodId,
        version: view.report?.version ?? null,
        items: view.items.map((item, i) => ({ taskId: item.task.id, progress: 60, result: `Đang triển khai ${item.task.code}`, ...(i === 0 && username === 'badinh' ? { obstacles: 'Thiếu biên chế bộ phận một cửa', proposals: 'Bổ sung 02 biên chế', beyondAuthority: true } : {}) })),
      });
      return core.reports.submit({ id: saved.id, version: saved.version });
    }

    it('gathers the reports submitted as they were submitted and lists the units that have not', async () => {
      await submitReport('badinh');
      await submitReport('stc');
      const snv = await h.as('snv');
      const view = await snv.reports.get({ periodId });
      expect(view.period.id).toBe(periodId);
      expect(view.asOf).toBe(reportAsOf(periodOf('quarter', today), today));
      expect(view.submitted.map((r) => r.unit.code).sort()).toEqual(['Q001', 'STC']);
      // Each with its frozen version's figures: what the unit sent, not the live tasks.
      const badinhReport = await (await h.coreAs('badinh')).reports.get({ periodId });
      expect(view.submitted.find((r) => r.unit.code === 'Q001')).toMatchObject({ versionNumber: 1, figures: badinhReport.figures });
      expect(view.notSubmitted.find((r) => r.unit.code === 'SXD')).toMatchObject({ state: 'none', lastRemindedOn: null });
      expect(view.proposals).toEqual([expect.objectContaining({ unitName: 'Quận Ba Đình', obstacles: 'Thiếu biên chế bộ phận một cửa', proposals: 'Bổ sung 02 biên chế', beyondAuthority: true })]);
      expect(view.report).toBeNull();
      expect(view.missingSections).toHaveLength(10);
      // Coordinators read it; a district does not.
      expect((await (await h.as('ubnd')).reports.get({ periodId })).submitted).toHaveLength(2);
      expect((await rejection((await h.as('badinh')).reports.get({ periodId }))).code).toBe('FORBIDDEN');
    });

    it('reminds a unit that has not submitted, through the core (once a day), and records the share on its target', async () => {
      const snv = await h.as('snv');
      expect(await snv.reports.remind({ periodId, unitCodes: ['SXD', 'Q001'] })).toEqual({ sent: ['SXD'], skipped: [{ unitCode: 'Q001', reason: 'submitted' }] });
      expect(await snv.reports.remind({ periodId, unitCodes: ['SXD'] })).toEqual({ sent: [], skipped: [{ unitCode: 'SXD', reason: 'already_reminded_today' }] });
      const view = await snv.reports.get({ periodId });
      expect(view.notSubmitted.find((r) => r.unit.code === 'SXD')!.lastRemindedOn).toBe(today);
      const target = await (await h.core('snv')).targets.get(REPORT_TARGET_CODE);
      const owing = view.submitted.length + view.notSubmitted.length;
      expect(target.measurements.at(-1)).toMatchObject({ value: Math.round((2 / owing) * 10_000) / 100, numerator: 2, denominator: owing });
      // Only Sở Nội vụ reminds; a coordinator reads.
      expect((await rejection((await h.as('ubnd')).reports.remind({ periodId }))).code).toBe('FORBIDDEN');
      expect((await rejection((await h.as('sxd')).reports.remind({ periodId }))).code).toBe('FORBIDDEN');
    });

    it('keeps Sở Nội vụ’s narrative as versioned, audited writes: a stale edit gets CONFLICT', async () => {
      const snv = await h.as('snv');
      const first = await snv.reports.save({ periodId, version: null, number: 7, narrative: { chiDao: 'UBND Thành phố ban hành Kế hoạch CCHC năm 2026.\nCác sở, ngành đã quán triệt.', deXuat: 'Đề nghị Bộ Nội vụ hướng dẫn bộ chỉ số mới.' } });
      expect(first.version).toBe(1);
      const second = await snv.reports.save({ periodId, version: 1, number: 7, narrative: { chiDao: 'UBND Thành phố ban hành Kế hoạch CCHC năm 2026.\nCác sở, ngành đã quán triệt.', thuTuc: 'Rà soát, đơn giản hóa 45 TTHC.', deXuat: 'Đề nghị Bộ Nội vụ hướng dẫn bộ chỉ số mới.' } });
      expect(second.version).toBe(2);
      const stale = await rejection(snv.reports.save({ periodId, version: 1, narrative: {} }));
      expect(stale.code).toBe('CONFLICT');
      expect((await rejection(snv.reports.save({ periodId, version: null, narrative: {} }))).code).toBe('CONFLICT');
      const audit = await h.audit('noi-vu.consolidated_report', first.id);
      expect(audit.map((a) => a.action).sort()).toEqual(['noi-vu.report.create', 'noi-vu.report.update']);
      expect((await rejection((await h.as('ubnd')).reports.save({ periodId, version: 2, narrative: {} }))).code).toBe('FORBIDDEN');
      const view = await snv.reports.get({ periodId });
      expect(view.narrative.thuTuc).toBe('Rà soát, đơn giản hóa 45 TTHC.');
      expect(view.missingSections).not.toContain('chiDao');
    });

    it('writes the .docx with the figures of the core’s overview for the period, laid out as Decree 30 says', async () => {
      const snv = await h.as('snv');
      const file = await snv.reports.document({ periodId });
      expect(file.fileName).toBe(`bao-cao-cchc_${periodId}.docx`);
      // `NOI_VU_DOCX_OUT=<file>`: keep the document to render it (scripts/render-report.sh).
      if (process.env.NOI_VU_DOCX_OUT) writeFileSync(process.env.NOI_VU_DOCX_OUT, Buffer.from(file.contentBase64, 'base64'));
      const asOf = reportAsOf(periodOf('quarter', today), today);
      const overview = await (await h.coreAs('ubnd')).overview.summary({ asOf });
      const tables = await docxTables(file.contentBase64);
      // Header table: the number form and the place and date.
      expect(tables[0]![1]![0]).toBe('Số: 07/BC-SNV');
      expect(tables[0]![1]![1]).toMatch(/^Hà Nội, ngày \d{2} tháng \d{1,2} năm \d{4}$/);
      // Part II's table: tasks by status, and the total.
      const statusTable = tables[1]!;
      expect(statusTable.slice(1, -1).map((row) => asNumber(row[1]!))).toEqual(TASK_STATUSES.map((s) => overview.totals[s]));
      expect(asNumber(statusTable.at(-1)![1]!)).toBe(overview.totals.total);
      // Annex I: every unit's counts by status and its total, as the overview has them.
      const annex = tables.find((t) => t[0]![1] === 'Đơn vị' && t[0]!.includes('Tổng'))!;
      const rows = annex.slice(1, -1);
      expect(rows).toHaveLength(overview.units.length);
      for (const unit of overview.units) {
        const row = rows.find((r) => r[1] === unit.name)!;
        expect(row.slice(2, 2 + TASK_STATUSES.length).map(asNumber), unit.name).toEqual(TASK_STATUSES.map((s) => unit.counts[s]));
        expect(asNumber(row[2 + TASK_STATUSES.length]!)).toBe(unit.total);
      }
      expect(annex.at(-1)!.slice(2, 2 + TASK_STATUSES.length).map(asNumber)).toEqual(TASK_STATUSES.map((s) => overview.totals[s]));
      // Annex III: the units that have not submitted, with the reminder.
      const submissions = tables.find((t) => t[0]!.includes('Tình hình gửi báo cáo'))!;
      expect(submissions.find((r) => r[1] === 'Sở Xây dựng')![2]).toBe(`Chưa gửi; đã đôn đốc ngày ${today.split('-').reverse().join('/')}`);
      // The outline, the figures as agencies write them, the narrative, the signature block.
      const text = (await docxParagraphs(file.contentBase64)).join('\n');
      const done = overview.totals.done_on_time + overview.totals.done_late;
      expect(text).toContain(`Tỷ lệ hoàn thành nhiệm vụ đến hạn: ${done}/${done + overview.totals.overdue} nhiệm vụ`);
      let at = 0;
      for (const piece of ['UBND THÀNH PHỐ HÀ NỘI', 'SỞ NỘI VỤ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO', 'Kết quả thực hiện công tác cải cách hành chính', 'Kính gửi:', 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', 'Các sở, ngành đã quán triệt.', 'II. KẾT QUẢ THỰC HIỆN', '2. Cải cách thủ tục hành chính', 'Rà soát, đơn giản hóa 45 TTHC.', 'III. ĐÁNH GIÁ CHUNG', '(Sở Nội vụ bổ sung nội dung.)', 'IV. PHƯƠNG HƯỚNG', 'V. ĐỀ XUẤT, KIẾN NGHỊ', 'Khó khăn, vướng mắc và kiến nghị các đơn vị nêu trong báo cáo:', 'khó khăn, vướng mắc: Thiếu biên chế bộ phận một cửa; kiến nghị: Bổ sung 02 biên chế.', 'Nơi nhận:', '- Lưu: VT, CCHC.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Phụ lục I', 'Phụ lục II', 'Phụ lục III']) {
        const found = text.indexOf(piece, at);
        expect(found, piece).toBeGreaterThanOrEqual(0);
        at = found + piece.length;
      }
      // A4, Decree 30's margins, Times New Roman.
      const parts = await docxParts(file.contentBase64);
      expect(parts.get('word/document.xml')).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(parts.get('word/styles.xml')).toContain('w:ascii="Times New Roman"');
      // A coordinator downloads it too; a district does not.
      expect((await (await h.as('ubnd')).reports.document({ periodId })).fileName).toBe(file.fileName);
      expect((await rejection((await h.as('badinh')).reports.document({ periodId }))).code).toBe('FORBIDDEN');
    });

    it('writes the annexes as an xlsx with the same figures', async () => {
      const file = await (await h.as('snv')).reports.annexes({ periodId });
      const sheets = await readXlsx(file.contentBase64);
      expect([...sheets.keys()]).toEqual(['Nhiệm vụ theo đơn vị', 'Chỉ tiêu', 'Gửi báo cáo']);
      const overview = await (await h.coreAs('ubnd')).overview.summary({ asOf: reportAsOf(periodOf('quarter', today), today) });
      const unitRows = sheets.get('Nhiệm vụ theo đơn vị')!;
      const row = unitRows.find((r) => r[1] === overview.units[0]!.name)!;
      expect(row.slice(2, 2 + TASK_STATUSES.length)).toEqual(TASK_STATUSES.map((s) => overview.units[0]!.counts[s]));
      expect(unitRows.find((r) => r[1] === 'Tổng cộng')!.slice(2, 2 + TASK_STATUSES.length)).toEqual(TASK_STATUSES.map((s) => overview.totals[s]));
    });
  });

  describe('PAR INDEX, SIPAS and PAPI', () => {
    it('lists Sở Nội vụ’s scorecards and the ranking of departments by internal PAR score', async () => {
      const badinh = await h.as('badinh');
      const cards = await badinh.scorecards.list({ year: 2023 });
      expect(cards.map((c) => c.index).sort()).toEqual(['papi', 'par_index', 'sipas']);
      const ranking = await badinh.scorecards.ranking({ year: 2023, kind: 'department' });
      expect(ranking.units[0]).toMatchObject({ rank: 1, unitCode: 'SNV', score: 94 });
    });

    it('a component-criterion estimate below target shows at risk and reaches the coordinators’ queue', async () => {
      const [par] = await (await h.as('snv')).scorecards.list({ year: 2023, index: 'par_index' });
      // 3.1 "Công bố, công khai TTHC", a component criterion of field 3, owned by the Văn phòng UBND.
      const vp = await h.as('vp');
      const card = await vp.scorecards.get({ id: par!.id });
      const node = card.nodes.find((n) => n.code === '3.1')!;
      expect(node).toMatchObject({ isLeaf: true, mayEstimate: true, ownerUnits: [{ code: 'VP' }] });
      // Another unit does not estimate the Văn phòng's criterion.
      const badinhView = await (await h.as('badinh')).scorecards.get({ id: par!.id });
      expect(badinhView.nodes.find((n) => n.id === node.id)!.mayEstimate).toBe(false);
      expect((await rejection((await h.as('badinh')).scorecards.estimate({ nodeId: node.id, version: node.version, value: 2, evidence: 'Tự đánh giá' }))).code).toBe('FORBIDDEN');
      // Below target without a remediation: refused, in Vietnamese.
      const bare = await rejection(vp.scorecards.estimate({ nodeId: node.id, version: node.version, value: 2, evidence: 'Biên bản tự đánh giá' }));
      expect(bare.message).toMatch(/thấp hơn mục tiêu 2,4 của tiêu chí 3\.1/);
      const saved = await vp.scorecards.estimate({
        nodeId: node.id,
        version: node.version,
        value: 2,
        evidence: 'Biên bản tự đánh giá quý IV: 14 TTHC chưa công khai đúng hạn',
        action: { what: 'Công khai đủ 14 TTHC còn thiếu trên Cổng dịch vụ công', dueOn: '2030-12-31' },
      });
      expect(['at_risk', 'off_track']).toContain(saved.node.class);
      expect(saved.escalationId).toEqual(expect.any(String));
      const after = await (await h.as('ubnd')).scorecards.get({ id: par!.id });
      expect(after.nodes.find((n) => n.id === node.id)).toMatchObject({ ownEstimate: 2, evidence: 'Biên bản tự đánh giá quý IV: 14 TTHC chưa công khai đúng hạn', escalation: { id: saved.escalationId } });
      // The coordinators' queue holds it.
      const queue = await (await h.coreAs('ubnd')).escalations.list({ state: 'open' });
      expect(queue.some((e: { id: string }) => e.id === saved.escalationId)).toBe(true);
      // The index's projection moved on the scorecard's target.
      expect(saved.measurement).toMatchObject({ code: 'CS-PAR-2023', value: saved.total.estimate });
    });
  });

  describe('good models', () => {
    it('a unit proposes, Sở Nội vụ recognises and marks it for replication, another unit adopts it; exported', async () => {
      const badinh = await h.as('badinh');
      const model = await badinh.models.propose({ year: 2026, field: 'thu_tuc', title: 'Bộ phận một cửa không giấy tờ', description: 'Số hóa hồ sơ ngay khi tiếp nhận.', results: 'Giảm 40% thời gian chờ.', evidence: 'Báo cáo số 12/BC-UBND' });
      expect(model).toMatchObject({ unitCode: 'Q001', state: 'proposed', version: 1 });
      expect((await rejection((await h.as('sxd')).models.evaluate({ id: model.id, version: 1, decision: 'recognise' }))).code).toBe('FORBIDDEN');
      const snv = await h.as('snv');
      expect((await rejection(snv.models.evaluate({ id: model.id, version: 1, decision: 'reject' }))).message).toBe('Không công nhận mô hình cần nêu lý do.');
      expect((await rejection((await h.as('sxd')).models.adopt({ modelId: model.id, adoptedOn: today, result: 'x' }))).message).toBe('Mô hình chưa được Sở Nội vụ chọn nhân rộng.');
      const recognised = await snv.models.evaluate({ id: model.id, version: 1, decision: 'recognise', note: 'Hiệu quả, dễ nhân rộng' });
      const marked = await snv.models.replicate({ id: model.id, version: recognised.version, replicate: true });
      expect(marked).toMatchObject({ state: 'recognised', replicate: true, version: 3 });
      expect((await rejection(badinh.models.adopt({ modelId: model.id, adoptedOn: today, result: 'x' }))).message).toBe('Đơn vị không ghi nhận áp dụng mô hình của chính mình.');
      await (await h.as('sxd')).models.adopt({ modelId: model.id, adoptedOn: today, result: 'Áp dụng tại Bộ phận một cửa của Sở.' });
      expect((await rejection((await h.as('sxd')).models.adopt({ modelId: model.id, adoptedOn: today, result: 'lần 2' }))).code).toBe('CONFLICT');
      const list = await (await h.as('ubnd')).models.list({});
      expect(list.counts).toMatchObject({ total: 1, recognised: 1, replicating: 1, adoptions: 1 });
      expect((await h.audit('noi-vu.model', model.id)).map((a) => a.action)).toEqual(expect.arrayContaining(['noi-vu.model.propose', 'noi-vu.model.evaluate', 'noi-vu.model.replicate', 'noi-vu.model.adopt']));
      const sheets = await readXlsx((await snv.models.export({})).contentBase64);
      expect(sheets.get('Mô hình')!.some((row) => row.includes('Bộ phận một cửa không giấy tờ'))).toBe(true);
    });
  });

  describe('inspections', () => {
    it('records an inspection and its follow-ups (one as a core task of the inspected unit); closes it once they are done', async () => {
      const snv = await h.as('snv');
      const inspection = await snv.inspections.create({ kind: 'cchc', plan: 'Kế hoạch kiểm tra CCHC năm 2026', unitCode: 'Q001', inspectedOn: today, findings: 'Còn 3 hồ sơ trễ hạn chưa xin lỗi.' });
      const followUp = await snv.inspections.addFollowUp({ inspectionId: inspection.id, what: 'Gửi thư xin lỗi người dân có hồ sơ trễ hạn', dueOn: '2030-01-15', openTask: true });
      expect(followUp.taskId).toEqual(expect.any(String));
      const task = await (await h.coreAs('badinh')).tasks.get({ id: followUp.taskId! });
      expect(task).toMatchObject({ title: 'Gửi thư xin lỗi người dân có hồ sơ trễ hạn', deadline: '2030-01-15' });
      expect((await rejection(snv.inspections.close({ id: inspection.id, version: 1, closedOn: today }))).message).toBe('Còn 1 yêu cầu khắc phục chưa hoàn thành: chưa kết thúc được cuộc kiểm tra.');
      await snv.inspections.markFollowUp({ id: followUp.id, version: 1, doneOn: today });
      expect(await snv.inspections.close({ id: inspection.id, version: 1, closedOn: today })).toMatchObject({ closed: true, version: 2 });
      // The inspected unit sees its own inspections; another unit sees none; only Sở Nội vụ writes.
      expect((await (await h.as('badinh')).inspections.list({})).items.map((i) => i.id)).toEqual([inspection.id]);
      expect((await (await h.as('sxd')).inspections.list({})).items).toEqual([]);
      expect((await rejection((await h.as('badinh')).inspections.create({ kind: 'cchc', plan: 'x', unitCode: 'Q001', inspectedOn: today }))).code).toBe('FORBIDDEN');
    });

    it('lists the discipline cases; the inspected unit sees the published ones of its own', async () => {
      const snv = await h.as('snv');
      await snv.inspections.addDiscipline({ unitCode: 'Q001', subject: '01 công chức Bộ phận một cửa', violation: 'Gây phiền hà cho người dân', measure: 'khien_trach', decidedOn: today, decisionNumber: '15/QĐ-UBND' });
      await snv.inspections.addDiscipline({ unitCode: 'Q001', subject: '01 viên chức', violation: 'Chưa công bố', measure: 'canh_cao', decidedOn: today, published: false });
      expect(await snv.inspections.discipline()).toHaveLength(2);
      expect((await (await h.as('badinh')).inspections.discipline()).map((c) => c.subject)).toEqual(['01 công chức Bộ phận một cửa']);
      const sheets = await readXlsx((await snv.inspections.export({})).contentBase64);
      expect(sheets.get('Kỷ luật')!.some((row) => row.includes('Khiển trách'))).toBe(true);
    });

    it('imports a plan’s inspections: the dry run lists row errors and writes nothing; the import writes every row', async () => {
      const snv = await h.as('snv');
      const header = 'Loại kiểm tra,Kế hoạch,Mã đơn vị được kiểm tra,Ngày kiểm tra,Kết quả, phát hiện\n';
      const bad = `${header}Kiểm tra công tác CCHC,KH 2027,Q001,15/03/2027,\nKỷ luật,KH 2027,XYZ,16/03/2027,\n`;
      const dry = await snv.inspections.import(csvUpload(bad.replace('Kết quả, phát hiện', '"Kết quả, phát hiện"'), { dryRun: true }));
      expect(dry.errors).toEqual([expect.objectContaining({ row: 3, message: 'Không có đơn vị mã XYZ.' })]);
      expect(dry.written).toBe(false);
      const before = (await snv.inspections.list({ year: 2027 })).items.length;
      expect(before).toBe(0);
      const good = `${header.replace('Kết quả, phát hiện', '"Kết quả, phát hiện"')}Kiểm tra công tác CCHC,KH 2027,Q001,15/03/2027,\nKỷ luật,KH 2027,SXD,16/03/2027,Tốt\n`;
      const done = await snv.inspections.import(csvUpload(good, { dryRun: false }));
      expect(done).toMatchObject({ written: true, errors: [] });
      const listed = (await snv.inspections.list({ year: 2027 })).items;
      expect(listed.map((i) => [i.unitCode, i.kind]).sort()).toEqual([['Q001', 'cchc'], ['SXD', 'discipline']]);
    });
  });
});

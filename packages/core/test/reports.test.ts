/**
 * Periodic reports (báo cáo định kỳ) of a unit, their evidence files, and the escalations to
 * the UBND they open for obstacles beyond the unit's authority (vượt thẩm quyền).
 * The tests run in order, as the life of one quarter's reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { listAudit } from '@dondoc/auth';
import { testBackends } from '@dondoc/db/testing';
import { periodForData, type IsoDate, type Period } from '../src/domain/index.ts';
import { tasks } from '../src/server/schema.ts';
import { base64, createCoreHarness, person, fileForm, inputProblems, rejection, sha256, tinyPdf, tinyPng, today, allReportItems, type CoreHarness } from './harness.ts';


describe.each(testBackends)('reports and escalations on %s', (backend) => {
  let h: CoreHarness;
  /** The current quarter, by the data window today falls in. */
  let period: Period;
  let reportId: string;
  let evidenceId: string;
  const pdf = tinyPdf('Bien ban kiem tra');
  const png = tinyPng();

  /** STC's share of §1 (one task per clause given to every unit), in code order, from the seed. */
  let STC_SECTION_1: string[];
  /** Every leaf task STC leads: its §1 tasks, then §3's two. */
  let STC_TASKS: string[];

  /**
   * A completion recorded on a task (with its result document), written straight to the row:
   * what is tested here is how reports count it, not how `tasks.update` asks for a result.
   */
  async function recordCompletion(code: string, completedOn: IsoDate) {
    await h.db
      .update(tasks)
      .set({ progress: 100, completedOn, completionEnteredOn: completedOn, resultDocNumber: `KQ-${code}`, resultDocDate: completedOn, version: sql`${tasks.version} + 1`, updatedBy: 'stc.cv' })
      .where(eq(tasks.id, h.taskId(code)));
  }

  beforeAll(async () => {
    h = await createCoreHarness(backend);
    period = periodForData('quarter', today());
    STC_SECTION_1 = [...h.taskIds.keys()].filter((code) => code.startsWith('2458-1.') && code.endsWith('-STC')).sort();
    STC_TASKS = [...STC_SECTION_1, '2458-3.1', '2458-3.2'];
  });
  afterAll(async () => h?.close());

  describe('reports.get', () => {
    it('for the current quarter lists the tasks STC leads and that nothing is entered yet', async () => {
      const view = await (await h.as('stc.cv')).reports.get({ periodId: period.id });
      expect(view.unit).toEqual({ code: 'STC', name: 'Sở Tài chính' });
      expect(view.period).toMatchObject({ id: period.id, cadence: 'quarter', windowStart: period.windowStart, windowEnd: period.windowEnd });
      expect(view.report).toBeNull();
      // Leads only: 3.2 is STC's (SNV coordinates it); nothing of another unit.
      expect(view.items.map((i) => i.task.code)).toEqual(STC_TASKS);
      expect(STC_SECTION_1).toContain('2458-1.6-STC');
      expect(view.items.every((i) => i.progress === null && i.beyondAuthority === false)).toBe(true);
      expect(view.missing).toEqual(STC_TASKS.map((code) => `${code}: chưa nhập tiến độ`));
      expect(view.evidence).toEqual([]);
      // Nothing submitted yet: live lines and figures, no versions.
      expect(view.frozenVersion).toBeNull();
      expect(view.versions).toEqual([]);
      // Statuses as of the end of the quarter's data window.
      const status = Object.fromEntries(view.items.map((i) => [i.task.code, i.task.status]));
      expect(status['2458-1.2-STC']).toBe('continuous');
      expect(status['2458-3.2']).toBe('continuous');
      // The report is on a period after every deadline of the seed (the last is 31/12/2025).
      expect(period.windowEnd > '2025-12-31').toBe(true);
      expect(status['2458-1.6-STC']).toBe('overdue');
      expect(status['2458-3.1']).toBe('overdue');
      // Every task with a deadline is overdue, none done: rate 0 ÷ (0 + overdue) = 0; the rest are continuous.
      const overdue = view.items.filter((i) => i.task.deadline !== null).length;
      expect(view.figures).toEqual({
        asOf: period.windowEnd,
        counts: { in_progress: 0, overdue, done_on_time: 0, done_late: 0, continuous: STC_TASKS.length - overdue },
        completionRate: 0,
        dueInPeriod: 0,
        lines: STC_TASKS.length,
      });
    });

    it('the coordinator reads any unit’s report; another unit is FORBIDDEN; a user without a unit must name one', async () => {
      const view = await (await h.as('ubnd')).reports.get({ unitCode: 'STC', periodId: period.id });
      expect(view.items).toHaveLength(STC_TASKS.length);
      const sxd = await rejection((await h.as('sxd')).reports.get({ unitCode: 'STC', periodId: period.id }));
      expect(sxd.code).toBe('FORBIDDEN');
      expect(sxd.message).toBe('Bạn không có quyền với báo cáo của đơn vị STC.');
      const admin = await rejection((await h.as('admin')).reports.get({ periodId: period.id }));
      expect(admin.code).toBe('BAD_REQUEST');
      expect(admin.message).toBe('Hãy chọn đơn vị (unitCode).');
      expect((await rejection((await h.as('stc')).reports.get({ periodId: '2024-Q5' }))).code).toBe('BAD_REQUEST');
    });

    it('a task completed before the period’s data window drops out of it; within the window it is reported', async () => {
      const stcCv = await h.as('stc.cv');
      await recordCompletion('2458-1.6-STC', '2023-09-30');
      const now = await stcCv.reports.get({ periodId: period.id });
      expect(now.items.map((i) => i.task.code)).not.toContain('2458-1.6-STC');
      expect(now.items).toHaveLength(STC_TASKS.length - 1);
      // Q4 2023's window runs 15/9–14/12/2023: the completion of 30/9 is in it, on time.
      const q4 = await stcCv.reports.get({ periodId: '2023-Q4' });
      expect(q4.items.find((i) => i.task.code === '2458-1.6-STC')?.task).toMatchObject({ status: 'done_on_time', progress: 100 });
      expect(q4.items).toHaveLength(STC_TASKS.length);
      // Q4 2023 (as of 14/12/2023): 1.6 done on time; 1.1 (31/12/2023) and 1.4, 3.1 (31/12/2025) within deadline.
      expect(q4.figures).toMatchObject({ asOf: '2023-12-14', counts: { done_on_time: 1, done_late: 0, overdue: 0, in_progress: 3 }, completionRate: 1, dueInPeriod: 1 });
    });
  });

  describe('reports.save', () => {
    it('the first save (version null) creates the draft; what is missing shrinks', async () => {
      const { caller: stcCv, requestId } = await h.session('stc.cv');
      const view = await stcCv.reports.get({ periodId: period.id });
      const first = view.items.slice(0, 4).map((i) => ({ taskId: i.task.id, progress: 30, result: 'Đang triển khai' }));
      const saved = await stcCv.reports.save({ periodId: period.id, version: null, items: first });
      expect(saved).toEqual({ id: expect.any(String), version: 1, state: 'draft', unchanged: false });
      reportId = saved.id;

      const draft = await stcCv.reports.get({ periodId: period.id });
      expect(draft.report).toMatchObject({ id: reportId, state: 'draft', version: 1, updatedBy: person('stc.cv'), submittedAt: null });
      const covered = STC_TASKS.filter((c) => c !== '2458-1.6-STC');
      expect(draft.items.filter((i) => i.progress === 30).map((i) => i.task.code)).toEqual(covered.slice(0, 4));
      expect(draft.missing).toEqual(covered.slice(4).map((c) => `${c}: chưa nhập tiến độ`));
      const audit = await listAudit(h.db, { entity: 'core.report', entityId: reportId });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'core.report.save', actorUsername: 'stc.cv', requestId, before: [] });
      // Saving the draft does not touch the tasks: they change when the report is submitted.
      expect((await stcCv.tasks.get({ id: h.taskId('2458-1.1-STC') })).progress).toBe(0);
    });

    it('a stale version is CONFLICT naming who saved last; so is a second “first save”', async () => {
      const stc = await h.as('stc');
      const view = await stc.reports.get({ periodId: period.id });
      const again = await rejection(stc.reports.save({ periodId: period.id, version: null, items: [] }));
      expect(again.code).toBe('CONFLICT');
      expect(again.message).toContain('stc.cv');
      const saved = await stc.reports.save({ periodId: period.id, version: 1, items: [{ taskId: view.items[4]!.task.id, progress: 10 }] });
      expect(saved.version).toBe(2);
      const stale = await rejection((await h.as('stc.cv')).reports.save({ periodId: period.id, version: 1, items: [] }));
      expect(stale.code).toBe('CONFLICT');
      expect(stale.message).toBe('Dữ liệu đã được stc thay đổi sau khi bạn mở. Hãy tải lại rồi thử lại.');
    });

    it('a task of another unit cannot be put in STC’s report; another unit cannot write it; the coordinator does not write reports', async () => {
      const stc = await h.as('stc');
      const stray = await rejection(stc.reports.save({ periodId: period.id, version: 2, items: [{ taskId: h.taskId('2458-1.1-SXD'), progress: 10 }] }));
      expect(stray.code).toBe('BAD_REQUEST');
      expect(stray.message).toBe('Báo cáo có nhiệm vụ không thuộc đơn vị hoặc kỳ này.');
      // A coordinated task is reported by its lead, not by the coordinating unit.
      expect((await rejection((await h.as('snv')).reports.save({ periodId: period.id, version: null, items: [{ taskId: h.taskId('2458-3.2'), progress: 10 }] }))).code).toBe('BAD_REQUEST');
      expect((await rejection((await h.as('sxd')).reports.save({ unitCode: 'STC', periodId: period.id, version: 2, items: [] }))).code).toBe('FORBIDDEN');
      expect((await rejection((await h.as('ubnd')).reports.save({ unitCode: 'STC', periodId: period.id, version: 2, items: [] }))).code).toBe('FORBIDDEN');
      expect((await stc.reports.get({ periodId: period.id })).report?.version).toBe(2);
    });
  });

  describe('evidence', () => {
    it('a real PDF and PNG made here are stored with their sha256 and listed on the report', async () => {
      const { caller: stcCv } = await h.session('stc.cv');
      const file = await stcCv.reports.attach(fileForm('bien-ban-kiem-tra.pdf', pdf, { reportId, taskId: h.taskId('2458-3.1') }));
      expect(file).toEqual({ id: expect.any(String), filename: 'bien-ban-kiem-tra.pdf', size: pdf.length, sha256: sha256(pdf), contentType: 'application/pdf' });
      evidenceId = file.id;
      const image = await stcCv.reports.attach(fileForm('Anh-chup.PNG', png, { reportId }));
      expect(image).toMatchObject({ contentType: 'image/png', size: png.length, sha256: sha256(png) });

      const view = await stcCv.reports.get({ periodId: period.id });
      expect(view.evidence.map((e) => [e.filename, e.contentType, e.size, e.uploadedBy, e.taskId])).toEqual(
        expect.arrayContaining([
          ['bien-ban-kiem-tra.pdf', 'application/pdf', pdf.length, person('stc.cv'), h.taskId('2458-3.1')],
          ['Anh-chup.PNG', 'image/png', png.length, person('stc.cv'), null],
        ]),
      );
      expect(view.evidence).toHaveLength(2);
      const audit = await listAudit(h.db, { entity: 'core.report', entityId: reportId });
      expect(audit.filter((a) => a.action === 'core.evidence.attach')).toHaveLength(2);
    });

    it('a file whose bytes are not what its name says, an empty one or another kind is refused', async () => {
      const stcCv = await h.as('stc.cv');
      const attach = (filename: string, bytes: Uint8Array) => rejection(stcCv.reports.attach(fileForm(filename, bytes, { reportId })));
      const fake = await attach('bao-cao.pdf', new TextEncoder().encode('Đây không phải là tệp PDF'));
      expect(fake.code).toBe('BAD_REQUEST');
      expect(fake.message).toBe('Chỉ nhận tệp PDF, DOCX, XLSX, PNG hoặc JPG đúng định dạng.');
      expect((await attach('anh.pdf', png)).code).toBe('BAD_REQUEST'); // a PNG named .pdf
      expect((await attach('bao-cao.png', pdf)).code).toBe('BAD_REQUEST');
      expect((await attach('setup.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0x00]))).code).toBe('BAD_REQUEST');
      expect((await attach('khong-duoi', pdf)).code).toBe('BAD_REQUEST');
      const empty = await attach('rong.pdf', new Uint8Array());
      expect(empty.code).toBe('BAD_REQUEST');
      expect(inputProblems(empty)).toEqual(['Tệp rong.pdf rỗng.']);
      expect(inputProblems(empty, 'en')).toEqual(['The file rong.pdf is empty.']);
      // Sent the old way (base64 in JSON), the file is refused as not an upload.
      const json = await rejection(stcCv.reports.attach({ reportId, filename: 'x.pdf', dataBase64: base64(pdf) } as unknown as FormData));
      expect(inputProblems(json)).toEqual(['Tệp phải được gửi dạng biểu mẫu (multipart/form-data).']);
      expect((await stcCv.reports.get({ periodId: period.id })).evidence).toHaveLength(2);
    });

    it('5 MB is the limit: exactly 5 MB is accepted, one byte more is refused, naming the file and the limit', async () => {
      const stcCv = await h.as('stc.cv');
      const big = (size: number) => {
        const bytes = new Uint8Array(size);
        bytes.set(pdf.subarray(0, 64));
        return bytes;
      };
      const max = big(5 * 1024 * 1024);
      const accepted = await stcCv.reports.attach(fileForm('ho-so-day-du.pdf', max, { reportId }));
      expect(accepted).toMatchObject({ size: 5 * 1024 * 1024, sha256: sha256(max) });
      const over = await rejection(stcCv.reports.attach(fileForm('qua-lon.pdf', big(5 * 1024 * 1024 + 1), { reportId })));
      expect(over.code).toBe('BAD_REQUEST');
      expect(inputProblems(over)).toEqual(['Tệp qua-lon.pdf vượt quá 5 MB.']);
      expect(inputProblems(over, 'en')).toEqual(['The file qua-lon.pdf is larger than 5 MB.']);
      // (Over HTTP a body much larger than that is refused with 413 before it reaches the procedure: apps/server's tests.)
      expect((await stcCv.reports.get({ periodId: period.id })).evidence).toHaveLength(3);
    });

    it('evidence is readable by the unit and the coordinator, byte for byte; not by another unit', async () => {
      // vp leads the Văn phòng and is a coordinator as well.
      for (const username of ['stc.cv', 'stc', 'ubnd', 'vp'] as const) {
        const file = await (await h.as(username)).reports.evidence({ id: evidenceId });
        expect(file).toEqual({ filename: 'bien-ban-kiem-tra.pdf', contentType: 'application/pdf', size: pdf.length, sha256: sha256(pdf), dataBase64: base64(pdf) });
      }
      for (const username of ['sxd', 'badinh', 'snv'] as const) {
        const error = await rejection((await h.as(username)).reports.evidence({ id: evidenceId }));
        expect(error.code, username).toBe('NOT_FOUND');
        expect(error.message).toBe('Không tìm thấy tệp minh chứng.');
      }
      expect((await rejection((await h.as('sxd')).reports.attach(fileForm('x.pdf', pdf, { reportId })))).code).toBe('FORBIDDEN');
    });

    it('a task outside the report’s unit, or no task at all, cannot be named on a file', async () => {
      const stcCv = await h.as('stc.cv');
      const other = await rejection(stcCv.reports.attach(fileForm('x.pdf', pdf, { reportId, taskId: h.taskId('2458-1.1-SXD') })));
      expect(other.code).toBe('BAD_REQUEST');
      const none = await rejection(stcCv.reports.attach(fileForm('x.pdf', pdf, { reportId, taskId: '00000000-0000-4000-8000-000000000000' })));
      expect(none.code).toBe('BAD_REQUEST');
      expect((await stcCv.reports.get({ periodId: period.id })).evidence).toHaveLength(3);
    });
  });

  describe('reports.submit', () => {
    it('an officer may not submit: only the unit lead (FORBIDDEN)', async () => {
      const error = await rejection((await h.as('stc.cv')).reports.submit({ id: reportId, version: 2 }));
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toBe('Bạn không có quyền thực hiện thao tác này (core.reports:submit).');
    });

    it('with items missing it is BAD_REQUEST listing the task codes; another unit’s lead is FORBIDDEN', async () => {
      const stc = await h.as('stc');
      const error = await rejection(stc.reports.submit({ id: reportId, version: 2 }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toBe(
        `Báo cáo chưa đủ để gửi: ${STC_TASKS.filter((c) => c !== '2458-1.6-STC').slice(5).map((c) => `${c}: chưa nhập tiến độ`).join('; ')}.`,
      );
      // An obstacle flagged beyond authority needs its description.
      const view = await stc.reports.get({ periodId: period.id });
      await stc.reports.save({ periodId: period.id, version: 2, items: allReportItems(view, { overrides: { '2458-3.1': { beyondAuthority: true, obstacles: '  ' } } }) });
      const flagged = await rejection(stc.reports.submit({ id: reportId, version: 3 }));
      expect(flagged.message).toBe('Báo cáo chưa đủ để gửi: 2458-3.1: vượt thẩm quyền nhưng chưa nêu khó khăn, vướng mắc.');
      expect((await rejection((await h.as('sxd')).reports.submit({ id: reportId, version: 3 }))).code).toBe('FORBIDDEN');
      expect((await rejection(stc.reports.submit({ id: reportId, version: 2 }))).code).toBe('CONFLICT');
      expect((await stc.reports.get({ periodId: period.id })).report?.state).toBe('draft');
    });

    it('stc submits with an obstacle beyond its authority: an escalation opens and the tasks take the reported progress', async () => {
      const { caller: stc, requestId } = await h.session('stc');
      const view = await stc.reports.get({ periodId: period.id });
      await stc.reports.save({
        periodId: period.id,
        version: 3,
        items: allReportItems(view, { overrides: {
          '2458-3.1': {
            progress: 35,
            result: '37/200 đơn vị đạt nhóm 1, 2',
            beyondAuthority: true,
            obstacles: 'Chưa có hướng dẫn định mức chi thường xuyên cho đơn vị nhóm 2',
            proposals: 'Đề nghị UBND Thành phố giao Sở Tài chính ban hành định mức tạm thời',
          },
        } }),
      });
      const submitted = await stc.reports.submit({ id: reportId, version: 4 });
      expect(submitted).toEqual({ id: reportId, state: 'submitted', version: 5, escalations: 1, tasks: expect.any(Array) });
      // The tasks it wrote to, each with its new version (the next edit of the task names it).
      expect(submitted.tasks.find((t) => t.code === '2458-3.1')).toEqual({ id: h.taskId('2458-3.1'), code: '2458-3.1', version: 2, progress: 35 });

      const report = await stc.reports.get({ periodId: period.id });
      expect(report.report).toMatchObject({ state: 'submitted', version: 5, submittedBy: person('stc'), submissions: 1 });
      expect(report.missing).toEqual([]);
      // Shown as frozen in version 1, with the progress the submission wrote to the tasks.
      expect(report.frozenVersion).toBe(1);
      expect(report.versions).toEqual([{ number: 1, state: 'submitted', submittedAt: report.report!.submittedAt, submittedBy: person('stc'), reviewedAt: null, reviewedBy: null, returnReason: null }]);
      expect(report.items.find((i) => i.task.code === '2458-3.1')).toMatchObject({ task: { status: 'overdue', progress: 35 }, progress: 35, beyondAuthority: true });

      const task = await stc.tasks.get({ id: h.taskId('2458-3.1') });
      expect(task).toMatchObject({ progress: 35, result: '37/200 đơn vị đạt nhóm 1, 2', lastProgressOn: today(), updatedBy: person('stc'), version: 2 });
      expect(task.history).toEqual([{ at: expect.any(String), by: person('stc'), progress: 35, completedOn: null, note: `Báo cáo ${period.label.vi}` }]);
      // The task's own audit trail shows the change the report made.
      expect(task.audit[0]).toMatchObject({ actor: person('stc'), action: 'core.task.report' });
      expect(task.reports).toEqual([
        expect.objectContaining({ reportId, periodId: period.id, state: 'submitted', progress: 35, beyondAuthority: true, unit: { code: 'STC', name: 'Sở Tài chính' } }),
      ]);
      expect(task.escalations).toEqual([
        expect.objectContaining({ state: 'open', obstacle: 'Chưa có hướng dẫn định mức chi thường xuyên cho đơn vị nhóm 2', response: null }),
      ]);
      expect((await stc.tasks.get({ id: h.taskId('2458-1.2-STC') })).progress).toBe(50);
      // The task completed before the window keeps its 100.
      expect((await stc.tasks.get({ id: h.taskId('2458-1.6-STC') })).progress).toBe(100);

      const audit = await listAudit(h.db, { entity: 'core.report', entityId: reportId });
      expect(audit[0]).toMatchObject({ action: 'core.report.submit', actorUsername: 'stc', requestId, before: { state: 'draft' }, after: { state: 'submitted' } });
      expect(await listAudit(h.db, { entity: 'core.escalation' })).toHaveLength(1);
    });

    it('a submitted report can no longer be edited, submitted again, or given new evidence', async () => {
      const stc = await h.as('stc');
      const edit = await rejection(stc.reports.save({ periodId: period.id, version: 5, items: [] }));
      expect(edit.code).toBe('CONFLICT');
      expect(edit.message).toBe('Báo cáo đã gửi, không sửa được nữa.');
      expect((await rejection(stc.reports.submit({ id: reportId, version: 5 }))).code).toBe('CONFLICT');
      expect((await rejection(stc.reports.attach(fileForm('bo-sung.pdf', pdf, { reportId })))).code).toBe('CONFLICT');
      expect((await stc.reports.get({ periodId: period.id })).evidence).toHaveLength(3);
    });

    it('reports.list: the coordinator’s queue has STC’s report; a unit sees only its own', async () => {
      const queue = await (await h.as('ubnd')).reports.list({ state: 'submitted' });
      expect(queue).toEqual([
        { id: reportId, unit: { code: 'STC', name: 'Sở Tài chính' }, periodId: period.id, periodLabel: period.label, state: 'submitted', version: 5, submittedAt: expect.any(String), submittedBy: person('stc') },
      ]);
      expect((await (await h.as('stc.cv')).reports.list()).map((r) => r.id)).toEqual([reportId]);
      expect(await (await h.as('sxd')).reports.list()).toEqual([]);
    });
  });

  describe('reports.review', () => {
    it('a unit lead may not review (FORBIDDEN)', async () => {
      const error = await rejection((await h.as('stc')).reports.review({ id: reportId, version: 5, decision: 'accept' }));
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toBe('Bạn không có quyền thực hiện thao tác này (core.reports:review).');
    });

    it('returning needs a reason; the unit is notified with it and may correct and resubmit', async () => {
      const ubnd = await h.as('ubnd');
      for (const reason of [undefined, '   ']) {
        const error = await rejection(ubnd.reports.review({ id: reportId, version: 5, decision: 'return', reason }));
        expect(error.code).toBe('BAD_REQUEST');
        expect(error.message).toBe('Trả lại báo cáo cần nêu lý do.');
      }
      expect((await rejection(ubnd.reports.review({ id: reportId, version: 4, decision: 'return', reason: 'Thiếu số liệu' }))).code).toBe('CONFLICT');
      const returned = await ubnd.reports.review({ id: reportId, version: 5, decision: 'return', reason: 'Thiếu số liệu đơn vị tự chủ nhóm 2' });
      expect(returned).toEqual({ id: reportId, state: 'returned', version: 6 });

      const stc = await h.as('stc');
      expect((await stc.reports.get({ periodId: period.id })).report).toMatchObject({ state: 'returned', reviewedBy: person('ubnd'), returnReason: 'Thiếu số liệu đơn vị tự chủ nhóm 2' });
      const [notification] = await (await h.as('stc.cv')).notifications.list({ unreadOnly: true });
      expect(notification).toEqual({
        id: expect.any(Number),
        kind: 'report_returned',
        title: `Báo cáo ${period.label.vi} bị trả lại`,
        body: 'Lý do: Thiếu số liệu đơn vị tự chủ nhóm 2',
        link: `/bao-cao?ky=${period.id}`,
        actor: person('ubnd'),
        read: false,
        createdAt: expect.any(String),
      });
      // Only a submitted report is reviewed.
      expect((await rejection(ubnd.reports.review({ id: reportId, version: 6, decision: 'accept' }))).code).toBe('CONFLICT');

      // Corrected and sent again; the obstacle already escalated is not escalated twice.
      const view = await stc.reports.get({ periodId: period.id });
      await stc.reports.save({ periodId: period.id, version: 6, items: [{ taskId: h.taskId('2458-3.1'), progress: 40, result: '40/200 đơn vị đạt nhóm 1, 2', beyondAuthority: true, obstacles: view.items.find((i) => i.task.code === '2458-3.1')!.obstacles }] });
      const again = await stc.reports.submit({ id: reportId, version: 7 });
      expect(again).toMatchObject({ state: 'submitted', version: 8, escalations: 0 });
      expect((await stc.tasks.get({ id: h.taskId('2458-3.1') })).progress).toBe(40);
      expect(await (await h.as('ubnd')).escalations.list()).toHaveLength(1);
      const resubmitted = await stc.reports.get({ periodId: period.id });
      expect(resubmitted.frozenVersion).toBe(2);
      expect(resubmitted.versions.map((v) => [v.number, v.state, v.returnReason])).toEqual([
        [2, 'submitted', null],
        [1, 'returned', 'Thiếu số liệu đơn vị tự chủ nhóm 2'],
      ]);
    });

    it('the coordinator accepts; the unit is notified; the audit keeps both decisions', async () => {
      const accepted = await (await h.as('ubnd')).reports.review({ id: reportId, version: 8, decision: 'accept' });
      expect(accepted).toEqual({ id: reportId, state: 'accepted', version: 9 });
      const view = await (await h.as('stc')).reports.get({ periodId: period.id });
      expect(view.versions.map((v) => [v.number, v.state, v.reviewedBy])).toEqual([
        [2, 'accepted', person('ubnd')],
        [1, 'returned', person('ubnd')],
      ]);
      const notifications = await (await h.as('stc')).notifications.list();
      expect(notifications.map((n) => [n.kind, n.title, n.body])).toEqual([
        ['report_accepted', `Báo cáo ${period.label.vi} đã được tiếp nhận`, 'Báo cáo đã được tiếp nhận.'],
        ['report_returned', `Báo cáo ${period.label.vi} bị trả lại`, 'Lý do: Thiếu số liệu đơn vị tự chủ nhóm 2'],
      ]);
      const decisions = (await listAudit(h.db, { entity: 'core.report', entityId: reportId })).filter((a) => a.action.startsWith('core.report.') && !a.action.endsWith('save') && !a.action.endsWith('submit'));
      expect(decisions.map((a) => [a.action, a.actorUsername])).toEqual([
        ['core.report.accept', 'ubnd'],
        ['core.report.return', 'ubnd'],
      ]);
      // Nothing else reaches other units.
      expect(await (await h.as('sxd')).notifications.list()).toEqual([]);
    });
  });

  describe('escalations', () => {
    it('VP submits its own report with an obstacle beyond its authority', async () => {
      const vp = await h.as('vp');
      const view = await vp.reports.get({ periodId: period.id });
      expect(view.items.map((i) => i.task.code)).toEqual([...STC_SECTION_1.map((c) => c.replace('STC', 'VP')), '2458-2.1', '2458-2.2', '2458-2.3']);
      const saved = await vp.reports.save({
        periodId: period.id,
        version: null,
        items: allReportItems(view, { overrides: { '2458-2.2': { beyondAuthority: true, obstacles: 'Tỷ lệ cắt giảm do Trung ương quy định chưa thống nhất', proposals: 'Báo cáo Văn phòng Chính phủ' } } }),
      });
      expect(await vp.reports.submit({ id: saved.id, version: 1 })).toMatchObject({ state: 'submitted', escalations: 1 });
    });

    it('the coordinator sees every escalation; a unit only its own', async () => {
      const all = await (await h.as('ubnd')).escalations.list();
      expect(all.map((e) => [e.task.code, e.unit.code, e.state])).toEqual([
        ['2458-2.2', 'VP', 'open'],
        ['2458-3.1', 'STC', 'open'],
      ]);
      expect(all[1]).toMatchObject({
        task: { id: h.taskId('2458-3.1'), code: '2458-3.1', title: 'Chuyển đơn vị sự nghiệp công lập sang tự chủ tài chính' },
        unit: { code: 'STC', name: 'Sở Tài chính' },
        reportId,
        obstacle: 'Chưa có hướng dẫn định mức chi thường xuyên cho đơn vị nhóm 2',
        proposal: 'Đề nghị UBND Thành phố giao Sở Tài chính ban hành định mức tạm thời',
        response: null,
        respondedBy: null,
      });
      expect((await (await h.as('stc.cv')).escalations.list()).map((e) => e.task.code)).toEqual(['2458-3.1']);
      // vp is a coordinator as well as VP's lead: it sees every escalation, not only its unit's.
      expect((await (await h.as('vp')).escalations.list()).map((e) => e.task.code)).toEqual(['2458-2.2', '2458-3.1']);
      expect((await (await h.as('snv')).escalations.list()).map((e) => e.task.code)).toEqual([]);
      expect(await (await h.as('sxd')).escalations.list()).toEqual([]);
      expect(await (await h.as('stc')).escalations.list({ state: 'closed' })).toEqual([]);
    });

    it('only the coordinator responds (FORBIDDEN for units); an empty response is BAD_REQUEST', async () => {
      const [escalation] = await (await h.as('stc')).escalations.list();
      for (const username of ['stc', 'stc.cv', 'snv'] as const) {
        expect((await rejection((await h.as(username)).escalations.respond({ id: escalation!.id, response: 'Tự trả lời' }))).code).toBe('FORBIDDEN');
      }
      expect((await rejection((await h.as('ubnd')).escalations.respond({ id: escalation!.id, response: '  ' }))).code).toBe('BAD_REQUEST');
      expect((await rejection((await h.as('ubnd')).escalations.respond({ id: '00000000-0000-4000-8000-000000000000', response: 'Đồng ý' }))).code).toBe('NOT_FOUND');
    });

    it('the coordinator answers, the unit is notified; once closed it cannot be answered again', async () => {
      const { caller: ubnd, requestId } = await h.session('ubnd');
      const [escalation] = await (await h.as('stc')).escalations.list();
      const response = 'Đồng ý. Giao Sở Tài chính chủ trì, ban hành định mức tạm thời trong quý.';
      expect(await ubnd.escalations.respond({ id: escalation!.id, response })).toEqual({ id: escalation!.id, state: 'answered' });

      const [notification] = await (await h.as('stc.cv')).notifications.list({ unreadOnly: true });
      expect(notification).toMatchObject({
        kind: 'escalation_answered',
        title: 'UBND Thành phố đã trả lời kiến nghị về nhiệm vụ 2458-3.1',
        body: response,
        link: `/nhiem-vu/${h.taskId('2458-3.1')}`,
        read: false,
      });
      const [answered] = await (await h.as('stc')).escalations.list();
      expect(answered).toMatchObject({ state: 'answered', response, respondedBy: person('ubnd'), respondedAt: expect.any(String) });
      const audit = await listAudit(h.db, { entity: 'core.escalation', entityId: escalation!.id });
      expect(audit[0]).toMatchObject({ action: 'core.escalation.respond', actorUsername: 'ubnd', requestId, before: { state: 'open' }, after: { state: 'answered', response } });

      expect(await ubnd.escalations.respond({ id: escalation!.id, response: 'Đã ban hành định mức.', close: true })).toEqual({ id: escalation!.id, state: 'closed' });
      const closedAgain = await rejection(ubnd.escalations.respond({ id: escalation!.id, response: 'Bổ sung' }));
      expect(closedAgain.code).toBe('CONFLICT');
      expect(closedAgain.message).toContain('ubnd');
      expect((await (await h.as('stc')).escalations.list({ state: 'closed' })).map((e) => [e.task.code, e.response])).toEqual([['2458-3.1', 'Đã ban hành định mức.']]);
      expect((await ubnd.escalations.list({ state: 'open' })).map((e) => e.task.code)).toEqual(['2458-2.2']);
      expect((await (await h.as('stc')).tasks.get({ id: h.taskId('2458-3.1') })).escalations).toEqual([
        expect.objectContaining({ state: 'closed', response: 'Đã ban hành định mức.' }),
      ]);
      // VP was told nothing about STC's escalation.
      expect((await (await h.as('vp')).notifications.list()).filter((n) => n.kind === 'escalation_answered')).toEqual([]);
    });
  });
});

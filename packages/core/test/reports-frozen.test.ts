/**
 * Submitted reports are frozen: submitting stores the report's lines and figures as they
 * were (a version); later task changes never alter a submitted or accepted report; a
 * returned report is revised and resubmitted as a new version, the old ones kept.
 * The tests run in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { listAudit } from '@dondoc/auth';
import { testBackends } from '@dondoc/db/testing';
import type { IsoDate } from '../src/domain/index.ts';
import { reports, tasks, taskUpdates } from '../src/server/schema.ts';
import { createCoreHarness, person, fileForm, rejection, sha256, tinyPdf, allReportItems, type CoreCaller, type CoreHarness, type ReportView } from './harness.ts';

type VersionView = Awaited<ReturnType<CoreCaller['reports']['version']>>;

/** The lines of a version as `reports.get` shows them in `items`. */
function itemsOf(version: VersionView): ReportView['items'] {
  return version.lines.map((line) => ({
    task: { id: line.taskId, code: line.code, title: line.title, deadline: line.deadline, continuous: line.continuous, status: line.status, progress: line.taskProgress },
    progress: line.progress,
    result: line.result,
    obstacles: line.obstacles,
    proposals: line.proposals,
    beyondAuthority: line.beyondAuthority,
  }));
}

/** What `reports.get` shows of a report's content (not its state). */
const content = (view: ReportView) => ({ items: view.items, missing: view.missing, figures: view.figures, frozenVersion: view.frozenVersion });

describe.each(testBackends)('frozen report versions on %s', (backend) => {
  let h: CoreHarness;
  const pdf = tinyPdf('Bien ban hop');

  /**
   * A completion recorded on a task (with its result document), written straight to the row:
   * what is tested here is how reports keep it, not how `tasks.update` asks for a result.
   */
  async function recordCompletion(code: string, completedOn: IsoDate) {
    await h.db
      .update(tasks)
      .set({ progress: 100, completedOn, completionEnteredOn: completedOn, resultDocNumber: `KQ-${code}`, resultDocDate: completedOn, version: sql`${tasks.version} + 1` })
      .where(eq(tasks.id, h.taskId(code)));
  }

  async function taskVersion(caller: CoreCaller, code: string) {
    return (await caller.tasks.get({ id: h.taskId(code) })).version;
  }

  beforeAll(async () => {
    h = await createCoreHarness(backend);
  });
  afterAll(async () => h?.close());

  describe('Quận Ba Đình, Q4 2023: submitted, then accepted', () => {
    const PERIOD = '2023-Q4';
    const code = (clause: string) => `2458-${clause}-Q001`;
    let reportId: string;
    let evidenceId: string;
    /** The report as shown right after it was submitted. */
    let asSubmitted: ReportView;

    it('the draft shows live figures, hand-counted', async () => {
      const badinh = await h.as('badinh');
      // 1.1 (deadline 31/12/2023) was completed on 01/12/2023.
      await recordCompletion(code('1.1'), '2023-12-01');
      const view = await badinh.reports.get({ periodId: PERIOD });
      expect(view.report).toBeNull();
      expect(view.frozenVersion).toBeNull();
      expect(view.versions).toEqual([]);
      // Ba Đình's tasks are its share of §1, one per clause given to every unit (from the seed).
      const section1 = [...h.taskIds.keys()].filter((c) => c.startsWith('2458-1.') && c.endsWith('-Q001')).sort();
      expect(view.items.map((i) => i.task.code)).toEqual(section1);
      const status = Object.fromEntries(view.items.map((i) => [i.task.code, i.task.status]));
      // As of 14/12/2023, the end of Q4 2023's data window (15/09–14/12/2023), the eleven §1 tasks of Ba Đình:
      //   1.1  deadline 31/12/2023, completed 01/12/2023  → done_on_time   (due in the period: 01/10–31/12)
      //   1.4  deadline 31/12/2025                         → in_progress
      //   1.6  deadline 30/09/2023, not completed          → overdue        (due in Q3, not in Q4)
      //   1.2, 1.3a, 1.3b, 1.5, 1.7, 1.8a, 1.8b, 1.9  no deadline → continuous ×8
      // counts: done_on_time 1, done_late 0, overdue 1, in_progress 1, continuous 8  (11 lines)
      // completion rate = done ÷ (done + overdue) = 1 ÷ (1 + 1) = 0.5; due in the period: 1 (1.1).
      expect(status).toEqual({
        ...Object.fromEntries(section1.map((c) => [c, 'continuous'])),
        [code('1.1')]: 'done_on_time',
        [code('1.4')]: 'in_progress',
        [code('1.6')]: 'overdue',
      });
      expect(view.figures).toEqual({
        asOf: '2023-12-14',
        counts: { done_on_time: 1, done_late: 0, overdue: 1, in_progress: 1, continuous: 8 },
        completionRate: 0.5,
        dueInPeriod: 1,
        lines: 11,
      });
    });

    it('badinh saves, attaches evidence and submits: version 1 holds the lines, figures and evidence as submitted', async () => {
      const badinh = await h.as('badinh');
      const draft = await badinh.reports.get({ periodId: PERIOD });
      const saved = await badinh.reports.save({
        periodId: PERIOD,
        version: null,
        items: allReportItems(draft, { overrides: { [code('1.6')]: { progress: 70, result: 'Đã rà soát 120/150 quy trình', obstacles: 'Chờ hướng dẫn của Văn phòng UBND', proposals: 'Gia hạn đến 31/12/2023' } } }),
      });
      reportId = saved.id;
      const file = await badinh.reports.attach(fileForm('bien-ban-ra-soat.pdf', pdf, { reportId, taskId: h.taskId(code('1.6')) }));
      evidenceId = file.id;
      expect(await badinh.reports.submit({ id: reportId, version: 1 })).toEqual({ id: reportId, state: 'submitted', version: 2, escalations: 0, tasks: expect.any(Array) });

      asSubmitted = await badinh.reports.get({ periodId: PERIOD });
      expect(asSubmitted.report).toMatchObject({ state: 'submitted', submittedBy: person('badinh'), submissions: 1, version: 2 });
      expect(asSubmitted.frozenVersion).toBe(1);
      expect(asSubmitted.missing).toEqual([]);
      // The completed task's line says 100, as the task does.
      expect(asSubmitted.items.find((i) => i.task.code === code('1.1'))).toEqual({
        task: { id: h.taskId(code('1.1')), code: code('1.1'), title: 'Triển khai đồng bộ các nội dung cải cách hành chính', deadline: '2023-12-31', continuous: false, status: 'done_on_time', progress: 100 },
        progress: 100,
        result: `Kết quả ${code('1.1')}`,
        obstacles: null,
        proposals: null,
        beyondAuthority: false,
      });
      expect(asSubmitted.items.find((i) => i.task.code === code('1.6'))).toMatchObject({
        task: { deadline: '2023-09-30', status: 'overdue', progress: 70 },
        progress: 70,
        result: 'Đã rà soát 120/150 quy trình',
        obstacles: 'Chờ hướng dẫn của Văn phòng UBND',
        proposals: 'Gia hạn đến 31/12/2023',
      });
      expect(asSubmitted.items.find((i) => i.task.code === code('1.4'))?.task).toMatchObject({ status: 'in_progress', progress: 50 });
      // Same figures as the draft counted by hand: the submission changed progress, not statuses.
      expect(asSubmitted.figures).toEqual({
        asOf: '2023-12-14',
        counts: { done_on_time: 1, done_late: 0, overdue: 1, in_progress: 1, continuous: 8 },
        completionRate: 0.5,
        dueInPeriod: 1,
        lines: 11,
      });
      expect(asSubmitted.versions).toEqual([{ number: 1, state: 'submitted', submittedAt: asSubmitted.report!.submittedAt, submittedBy: person('badinh'), reviewedAt: null, reviewedBy: null, returnReason: null }]);

      const v1 = await badinh.reports.version({ reportId, number: 1 });
      expect(v1).toEqual({
        number: 1,
        state: 'submitted',
        submittedAt: asSubmitted.report!.submittedAt,
        submittedBy: person('badinh'),
        reviewedAt: null,
        reviewedBy: null,
        returnReason: null,
        figures: asSubmitted.figures,
        lines: expect.any(Array),
        evidence: [{ id: evidenceId, taskId: h.taskId(code('1.6')), filename: 'bien-ban-ra-soat.pdf', contentType: 'application/pdf', size: pdf.length, sha256: sha256(pdf) }],
      });
      expect(itemsOf(v1)).toEqual(asSubmitted.items);
      const audit = await listAudit(h.db, { entity: 'core.report', entityId: reportId });
      expect(audit[0]).toMatchObject({ action: 'core.report.submit', after: { state: 'submitted', submission: 1, figures: asSubmitted.figures } });
    });

    it('the unit updates its tasks after submitting (tasks.update): the submitted report does not change', async () => {
      const badinh = await h.as('badinh');
      // Reopened: 1.1 is no longer done (in progress until 31/12/2023).
      await badinh.tasks.update({ id: h.taskId(code('1.1')), version: await taskVersion(badinh, code('1.1')), progress: 40, completedOn: null, result: 'Mở lại để bổ sung' });
      await badinh.tasks.update({ id: h.taskId(code('1.6')), version: await taskVersion(badinh, code('1.6')), progress: 90, result: 'Đã trình phê duyệt' });
      await badinh.tasks.update({ id: h.taskId(code('1.4')), version: await taskVersion(badinh, code('1.4')), progress: 80 });
      // The tasks did change…
      const reopened = await badinh.tasks.get({ id: h.taskId(code('1.1')), asOf: '2023-12-14' });
      expect(reopened).toMatchObject({ status: 'in_progress', progress: 40, completedOn: null });
      expect((await badinh.tasks.get({ id: h.taskId(code('1.6')) })).progress).toBe(90);

      // …the report did not: the same lines, statuses, progress and figures as when submitted.
      const after = await badinh.reports.get({ periodId: PERIOD });
      expect(content(after)).toEqual(content(asSubmitted));
      expect(after.items.find((i) => i.task.code === code('1.1'))).toMatchObject({ task: { status: 'done_on_time', progress: 100 }, progress: 100 });
      expect(after.items.find((i) => i.task.code === code('1.6'))).toMatchObject({ task: { status: 'overdue', progress: 70 }, result: 'Đã rà soát 120/150 quy trình' });
      expect(after.figures).toMatchObject({ counts: { done_on_time: 1, in_progress: 1, overdue: 1 }, completionRate: 0.5 });
      // The coordinator sees the same.
      expect(content(await (await h.as('ubnd')).reports.get({ unitCode: 'Q001', periodId: PERIOD }))).toEqual(content(asSubmitted));
    });

    it('accepted: the version takes the decision; later task changes still alter nothing', async () => {
      const accepted = await (await h.as('ubnd')).reports.review({ id: reportId, version: 2, decision: 'accept' });
      expect(accepted.state).toBe('accepted');
      const badinh = await h.as('badinh');
      const view = await badinh.reports.get({ periodId: PERIOD });
      expect(view.report?.state).toBe('accepted');
      expect(view.versions).toEqual([{ number: 1, state: 'accepted', submittedAt: asSubmitted.report!.submittedAt, submittedBy: person('badinh'), reviewedAt: view.report!.reviewedAt, reviewedBy: person('ubnd'), returnReason: null }]);
      expect(content(view)).toEqual(content(asSubmitted));

      // 1.6 completed late (05/11/2023, inside the window) and 1.4 completed before the window
      // (it would drop out of a live report); 1.2 updated.
      await recordCompletion(code('1.6'), '2023-11-05');
      await recordCompletion(code('1.4'), '2023-09-01');
      await badinh.tasks.update({ id: h.taskId(code('1.2')), version: await taskVersion(badinh, code('1.2')), progress: 95 });
      const after = await badinh.reports.get({ periodId: PERIOD });
      expect(content(after)).toEqual(content(asSubmitted));
      expect(after.items.map((i) => i.task.code)).toContain(code('1.4'));
      expect(after.items.find((i) => i.task.code === code('1.6'))?.task.status).toBe('overdue');
      expect(after.items.find((i) => i.task.code === code('1.2'))?.task.progress).toBe(50);
      const v1 = await badinh.reports.version({ reportId, number: 1 });
      expect(v1).toMatchObject({ state: 'accepted', reviewedBy: person('ubnd'), reviewedAt: view.report!.reviewedAt, figures: asSubmitted.figures });
      expect(itemsOf(v1)).toEqual(asSubmitted.items);
      // The live tasks, as a report of that quarter not yet submitted would count them:
      // 1.6 done late, 1.1 reopened and in progress, 1.4 out of the window.
      expect((await badinh.tasks.get({ id: h.taskId(code('1.6')), asOf: '2023-12-14' })).status).toBe('done_late');
    });
  });

  describe('Sở Tài chính, Q1 2024: returned, revised and resubmitted', () => {
    const PERIOD = '2024-Q1';
    let reportId: string;
    let v1: VersionView;
    let firstView: ReportView;

    it('stc submits version 1', async () => {
      const stcCv = await h.as('stc.cv');
      const draft = await stcCv.reports.get({ periodId: PERIOD });
      const saved = await stcCv.reports.save({ periodId: PERIOD, version: null, items: allReportItems(draft, { overrides: { '2458-3.1': { progress: 20, result: '20/200 đơn vị đạt nhóm 1, 2' } } }) });
      reportId = saved.id;
      await (await h.as('stc')).reports.submit({ id: reportId, version: 1 });
      firstView = await stcCv.reports.get({ periodId: PERIOD });
      v1 = await stcCv.reports.version({ reportId, number: 1 });
      expect(itemsOf(v1)).toEqual(firstView.items);
      expect(v1.figures).toEqual(firstView.figures);
      expect(v1.evidence).toEqual([]);
      // As of 14/03/2024: 1.1 (31/12/2023) and 1.6 (30/09/2023) overdue, none done → 0 ÷ (0 + 2) = 0.
      expect(v1.figures).toMatchObject({ asOf: '2024-03-14', counts: { overdue: 2, done_on_time: 0, done_late: 0 }, completionRate: 0, dueInPeriod: 0 });
      expect(v1.lines.find((l) => l.code === '2458-3.1')).toMatchObject({ status: 'in_progress', progress: 20, taskProgress: 20, result: '20/200 đơn vị đạt nhóm 1, 2' });
      expect(v1.lines.find((l) => l.code === '2458-1.1-STC')).toMatchObject({ status: 'overdue', progress: 50 });
    });

    it('returned: the report is live again with the last answers; version 1 keeps the decision', async () => {
      await (await h.as('ubnd')).reports.review({ id: reportId, version: 2, decision: 'return', reason: 'Bổ sung số liệu quý I' });
      const view = await (await h.as('stc.cv')).reports.get({ periodId: PERIOD });
      expect(view.report).toMatchObject({ state: 'returned', submissions: 1, returnReason: 'Bổ sung số liệu quý I' });
      expect(view.frozenVersion).toBeNull();
      expect(view.items.find((i) => i.task.code === '2458-3.1')).toMatchObject({ progress: 20, result: '20/200 đơn vị đạt nhóm 1, 2' });
      expect(view.missing).toEqual([]);
      expect(view.versions).toEqual([
        { number: 1, state: 'returned', submittedAt: v1.submittedAt, submittedBy: person('stc'), reviewedAt: expect.any(String), reviewedBy: person('ubnd'), returnReason: 'Bổ sung số liệu quý I' },
      ]);
    });

    it('revised and resubmitted: version 2 differs; version 1 is exactly what was first submitted', async () => {
      const stcCv = await h.as('stc.cv');
      // Meanwhile 1.1 was completed, late (10/01/2024, inside the window 15/12/2023–14/03/2024).
      await recordCompletion('2458-1.1-STC', '2024-01-10');
      // And 1.4 after the window (01/04/2024): its line keeps the 50 it stood at by 14/03/2024.
      await recordCompletion('2458-1.4-STC', '2024-04-01');
      const returned = await stcCv.reports.get({ periodId: PERIOD });
      expect(returned.items.find((i) => i.task.code === '2458-1.4-STC')).toMatchObject({ task: { status: 'in_progress' }, progress: 50 });
      // Its line still says 50: the report is refused until it says 100, the task is not changed behind it.
      expect(returned.missing).toEqual(['2458-1.1-STC: đã hoàn thành ngày 10/01/2024 nên tiến độ là 100%, không phải 50%']);
      const refused = await rejection((await h.as('stc')).reports.submit({ id: reportId, version: 3 }));
      expect([refused.code, refused.message]).toEqual(['BAD_REQUEST', 'Báo cáo chưa đủ để gửi: 2458-1.1-STC: đã hoàn thành ngày 10/01/2024 nên tiến độ là 100%, không phải 50%.']);
      expect((await stcCv.reports.get({ periodId: PERIOD })).report).toMatchObject({ state: 'returned', version: 3 });
      await stcCv.reports.save({
        periodId: PERIOD,
        version: 3,
        items: [
          { taskId: h.taskId('2458-3.1'), progress: 45, result: '45/200 đơn vị đạt nhóm 1, 2' },
          { taskId: h.taskId('2458-1.1-STC'), progress: 100, result: 'Kết quả 2458-1.1-STC' },
        ],
      });
      const file = await stcCv.reports.attach(fileForm('danh-sach-don-vi.pdf', pdf, { reportId, taskId: h.taskId('2458-3.1') }));
      expect(returned.items.find((i) => i.task.code === '2458-1.1-STC')?.task.status).toBe('done_late');
      expect(await (await h.as('stc')).reports.submit({ id: reportId, version: 4 })).toMatchObject({ state: 'submitted', version: 5 });

      const view = await stcCv.reports.get({ periodId: PERIOD });
      expect(view.frozenVersion).toBe(2);
      expect(view.report?.submissions).toBe(2);
      expect(view.versions.map((v) => [v.number, v.state, v.returnReason])).toEqual([
        [2, 'submitted', null],
        [1, 'returned', 'Bổ sung số liệu quý I'],
      ]);
      const v2 = await stcCv.reports.version({ reportId, number: 2 });
      expect(itemsOf(v2)).toEqual(view.items);
      expect(v2.lines.find((l) => l.code === '2458-3.1')).toMatchObject({ progress: 45, taskProgress: 45, result: '45/200 đơn vị đạt nhóm 1, 2' });
      expect(v2.lines.find((l) => l.code === '2458-1.1-STC')).toMatchObject({ status: 'done_late', progress: 100, taskProgress: 100 });
      // The task completed after the window is not written the line's 50: it stays done, at 100.
      expect(v2.lines.find((l) => l.code === '2458-1.4-STC')).toMatchObject({ status: 'in_progress', progress: 50, taskProgress: 100 });
      expect(await stcCv.tasks.get({ id: h.taskId('2458-1.4-STC') })).toMatchObject({ progress: 100, completedOn: '2024-04-01' });
      // One overdue task fewer, one done late more: 1 ÷ (1 + 1) = 0.5.
      expect(v2.figures.counts).toEqual({ ...v1.figures.counts, overdue: v1.figures.counts.overdue - 1, done_late: 1 });
      expect(v2.figures.completionRate).toBe(0.5);
      expect(v2.evidence).toEqual([{ id: file.id, taskId: h.taskId('2458-3.1'), filename: 'danh-sach-don-vi.pdf', contentType: 'application/pdf', size: pdf.length, sha256: sha256(pdf) }]);
      expect(v2.lines).not.toEqual(v1.lines);

      const first = await stcCv.reports.version({ reportId, number: 1 });
      expect(first).toEqual({ ...v1, state: 'returned', reviewedAt: expect.any(String), reviewedBy: person('ubnd'), returnReason: 'Bổ sung số liệu quý I' });
      expect(first.lines).toEqual(v1.lines);
      expect(first.figures).toEqual(v1.figures);
      expect(itemsOf(first)).toEqual(firstView.items);
    });

    it('the versions are read by the unit and the coordinators; not by another department or district', async () => {
      for (const username of ['stc', 'stc.cv', 'ubnd'] as const) {
        expect((await (await h.as(username)).reports.version({ reportId, number: 1 })).number).toBe(1);
      }
      for (const username of ['snv', 'badinh'] as const) {
        const error = await rejection((await h.as(username)).reports.version({ reportId, number: 1 }));
        expect(['FORBIDDEN', 'NOT_FOUND'], username).toContain(error.code);
        expect((await rejection((await h.as(username)).reports.get({ unitCode: 'STC', periodId: PERIOD }))).code).toBe('FORBIDDEN');
      }
      const missing = await rejection((await h.as('stc')).reports.version({ reportId, number: 3 }));
      expect(missing.code).toBe('NOT_FOUND');
      expect((await rejection((await h.as('ubnd')).reports.version({ reportId: '00000000-0000-4000-8000-000000000000', number: 1 }))).code).toBe('NOT_FOUND');
    });
  });

  describe('submit and a concurrent task update', () => {
    it('submit waits for a task row locked by another write and builds on its version (no lost version)', async () => {
      const snv = await h.as('snv');
      const PERIOD = '2024-Q2';
      const draft = await snv.reports.get({ periodId: PERIOD });
      const saved = await snv.reports.save({ periodId: PERIOD, version: null, items: allReportItems(draft) });
      const target = h.taskId('2458-6.1');
      const before = await taskVersion(snv, '2458-6.1');
      let submitting: Promise<unknown> | undefined;
      // Another write holds the task row (as tasks.update does) while the report is submitted.
      await h.db.transaction(async (tx) => {
        const [locked] = await tx.select({ version: tasks.version }).from(tasks).where(eq(tasks.id, target)).for('update');
        await tx.update(tasks).set({ progress: 65, version: locked!.version + 1, updatedBy: 'snv' }).where(eq(tasks.id, target));
        await tx.insert(taskUpdates).values({ taskId: target, byUsername: 'snv', progress: 65, note: 'cập nhật đồng thời' });
        submitting = snv.reports.submit({ id: saved.id, version: 1 });
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      await submitting;
      const task = await snv.tasks.get({ id: target });
      // Two writes, two versions: the concurrent one, then the report's on top of it.
      expect(task.version).toBe(before + 2);
      expect(task.progress).toBe(50);
      expect(task.history.map((u) => u.progress)).toEqual([50, 65]);
      const audit = await listAudit(h.db, { entity: 'core.task', entityId: target });
      expect(audit[0]).toMatchObject({ action: 'core.task.report', before: { progress: 65, version: before + 1 }, after: { progress: 50, version: before + 2 } });
    });

    it('a task update with the version read before the submission is CONFLICT', async () => {
      const snv = await h.as('snv');
      const v = await taskVersion(snv, '2458-6.3');
      const draft = await snv.reports.get({ periodId: '2024-Q3' });
      const saved = await snv.reports.save({ periodId: '2024-Q3', version: null, items: allReportItems(draft) });
      await snv.reports.submit({ id: saved.id, version: 1 });
      const stale = await rejection(snv.tasks.update({ id: h.taskId('2458-6.3'), version: v, progress: 10 }));
      expect(stale.code).toBe('CONFLICT');
      expect(stale.message).toContain('snv');
    });
  });

  describe('a report submitted before versions were kept', () => {
    it('has no version row: it shows the live lines, and can still be reviewed', async () => {
      const vp = await h.as('vp');
      const PERIOD = '2024-Q2';
      const draft = await vp.reports.get({ periodId: PERIOD });
      const saved = await vp.reports.save({ periodId: PERIOD, version: null, items: allReportItems(draft) });
      // As the old submit left it: submitted, no version, submissions 0.
      await h.db.update(reports).set({ state: 'submitted', submittedAt: new Date(), submittedBy: 'vp', version: 2 }).where(eq(reports.id, saved.id));
      const view = await vp.reports.get({ periodId: PERIOD });
      expect(view.report).toMatchObject({ state: 'submitted', submissions: 0 });
      expect(view.frozenVersion).toBeNull();
      expect(view.versions).toEqual([]);
      expect(view.items.map((i) => i.task.code)).toEqual(draft.items.map((i) => i.task.code));
      expect(view.items.every((i) => i.progress === 50)).toBe(true);
      expect(view.figures.lines).toBe(draft.items.length);
      expect((await rejection(vp.reports.version({ reportId: saved.id, number: 1 }))).code).toBe('NOT_FOUND');
      expect((await (await h.as('ubnd')).reports.review({ id: saved.id, version: 2, decision: 'accept' })).state).toBe('accepted');
      expect((await vp.reports.get({ periodId: PERIOD })).versions).toEqual([]);
    });
  });
});

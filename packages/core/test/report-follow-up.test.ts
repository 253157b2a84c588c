/**
 * Issue 11, items 2 and 4, at the router: the officer-to-lead step of a report (trình lãnh
 * đạo), the coordinators' "Tình hình báo cáo" of a period with reminders, and the automatic
 * reminders before the 20th (run twice on one day: one reminder a unit).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { listAudit } from '@dondoc/auth';
import { testBackends } from '@dondoc/db/testing';
import { daysBetween, type IsoDate } from '../src/domain/index.ts';
import { runAutoReminders } from '../src/server/index.ts';
import { reportReminders, tasks } from '../src/server/schema.ts';
import { createCoreHarness, rejection, today, allReportItems, type CoreHarness } from './harness.ts';


describe.each(testBackends)('report follow-up on %s', (backend) => {
  let h: CoreHarness;
  // A past quarter: due 20/09/2025, so every report not in is late.
  const PAST = '2025-Q3';

  beforeAll(async () => {
    h = await createCoreHarness(backend);
  });
  afterAll(async () => h?.close());

  describe('trình lãnh đạo', () => {
    let id: string;
    let version: number;

    it('an officer cannot submit, but sends the complete draft to the lead, who is notified', async () => {
      const officer = await h.as('stc.cv');
      const view = await officer.reports.get({ periodId: PAST });
      const saved = await officer.reports.save({ periodId: PAST, version: null, items: allReportItems(view, { progress: 40 }).map((item, i) => (i === 0 ? { ...item, progress: null } : item)) });
      id = saved.id;
      expect((await rejection(officer.reports.submit({ id, version: saved.version }))).code).toBe('FORBIDDEN');
      // Incomplete: refused, naming what is missing.
      const incomplete = await rejection(officer.reports.sendToLead({ id, version: saved.version }));
      expect(incomplete.code).toBe('BAD_REQUEST');
      expect(incomplete.message).toMatch(/chưa nhập tiến độ/);
      const complete = await officer.reports.save({ periodId: PAST, version: saved.version, items: allReportItems(view, { progress: 40 }) });
      const sent = await officer.reports.sendToLead({ id, version: complete.version, note: 'Kính trình anh xem.' });
      expect(sent.state).toBe('with_lead');
      version = sent.version;
      const report = (await officer.reports.get({ periodId: PAST })).report!;
      expect(report).toMatchObject({ state: 'with_lead', sentToLeadBy: { username: 'stc.cv', fullName: 'Trịnh Quốc Bảo' }, leadNote: null });
      const told = (await (await h.as('stc')).notifications.list()).find((n) => n.kind === 'report_to_lead');
      expect(told).toMatchObject({ title: 'Báo cáo Quý III/2025 chờ lãnh đạo duyệt', link: `/bao-cao?ky=${PAST}` });
      expect(told!.body).toContain('Kính trình anh xem.');
      const [audit] = await listAudit(h.db, { entity: 'core.report', entityId: id, limit: 1 });
      expect(audit).toMatchObject({ action: 'core.report.send_to_lead', actorUsername: 'stc.cv' });
    });

    it('while with the lead, nobody edits it and it is not sent twice', async () => {
      const officer = await h.as('stc.cv');
      const view = await officer.reports.get({ periodId: PAST });
      const edit = await rejection(officer.reports.save({ periodId: PAST, version, items: allReportItems(view, { progress: 40 }) }));
      expect(edit.code).toBe('CONFLICT');
      expect(edit.message).toBe('Báo cáo đang trình lãnh đạo, không sửa được cho đến khi lãnh đạo trả lại.');
      expect((await rejection(officer.reports.sendToLead({ id, version }))).code).toBe('CONFLICT');
    });

    it('only the lead returns it, with a note the officer sees; the officer sends it again', async () => {
      const officer = await h.as('stc.cv');
      expect((await rejection(officer.reports.returnToOfficer({ id, version, note: 'Tự trả' }))).code).toBe('FORBIDDEN');
      const lead = await h.as('stc');
      expect((await rejection(lead.reports.returnToOfficer({ id, version, note: '   ' }))).code).toBe('BAD_REQUEST');
      const other = await rejection((await h.as('snv')).reports.returnToOfficer({ id, version, note: 'Không phải đơn vị mình' }));
      expect(other.code).toBe('FORBIDDEN');
      const returned = await lead.reports.returnToOfficer({ id, version, note: 'Bổ sung số liệu quý III.' });
      expect(returned.state).toBe('draft');
      const report = (await officer.reports.get({ periodId: PAST })).report!;
      expect(report).toMatchObject({ state: 'draft', leadNote: 'Bổ sung số liệu quý III.' });
      const told = (await officer.notifications.list()).find((n) => n.kind === 'report_lead_returned');
      expect(told).toMatchObject({ title: 'Lãnh đạo trả lại báo cáo Quý III/2025', body: 'Ý kiến của Nguyễn Đức Long: Bổ sung số liệu quý III.' });
      const [audit] = await listAudit(h.db, { entity: 'core.report', entityId: id, limit: 1 });
      expect(audit).toMatchObject({ action: 'core.report.return_to_officer', actorUsername: 'stc' });
      // A stale version is CONFLICT naming who changed it.
      expect((await rejection(officer.reports.sendToLead({ id, version }))).code).toBe('CONFLICT');
      version = (await officer.reports.sendToLead({ id, version: returned.version })).version;
      expect((await officer.reports.get({ periodId: PAST })).report!.leadNote).toBeNull();
    });

    it('the lead submits it from the lead step', async () => {
      const submitted = await (await h.as('stc')).reports.submit({ id, version });
      expect(submitted.state).toBe('submitted');
      const report = (await (await h.as('stc.cv')).reports.get({ periodId: PAST })).report!;
      expect(report).toMatchObject({ state: 'submitted', submittedBy: { username: 'stc', fullName: 'Nguyễn Đức Long' }, sentToLeadBy: { username: 'stc.cv', fullName: 'Trịnh Quốc Bảo' }, submissions: 1 });
    });
  });

  describe('a task’s completion confirmed by the lead', () => {
    it('an officer sends it; nothing counts as done until the lead confirms, with the officer’s date', async () => {
      const officer = await h.as('stc.cv');
      const id = h.taskId('2458-3.1');
      const task = await officer.tasks.get({ id });
      const sent = await officer.tasks.update({ id, version: task.version, progress: 100, completedOn: '2026-11-20', resultDocNumber: '15/BC-STC', resultDocDate: '2026-11-20', confirmByLead: true });
      expect(sent).toMatchObject({ completedOn: null, progress: 100 });
      const waiting = await officer.tasks.get({ id });
      expect(waiting).toMatchObject({ completedOn: null, completionPendingOn: '2026-11-20', completionPendingBy: { username: 'stc.cv', fullName: 'Trịnh Quốc Bảo' } });
      expect(waiting.status).toBe('overdue');
      // While waiting, no update goes through; the officer may not decide.
      expect((await rejection(officer.tasks.update({ id, version: sent.version, progress: 90 }))).code).toBe('CONFLICT');
      expect((await rejection(officer.tasks.decideCompletion({ id, version: sent.version, decision: 'confirm' }))).code).toBe('FORBIDDEN');
      const told = (await (await h.as('stc')).notifications.list()).find((n) => n.kind === 'task_completion_to_lead');
      expect(told?.title).toBe('Nhiệm vụ 2458-3.1 chờ lãnh đạo xác nhận hoàn thành');

      const lead = await h.as('stc');
      expect((await rejection(lead.tasks.decideCompletion({ id, version: sent.version, decision: 'return' }))).code).toBe('BAD_REQUEST');
      const returned = await lead.tasks.decideCompletion({ id, version: sent.version, decision: 'return', note: 'Thiếu quyết định phê duyệt.' });
      expect(await officer.tasks.get({ id })).toMatchObject({ completedOn: null, completionPendingOn: null, completionReturnNote: 'Thiếu quyết định phê duyệt.' });
      const again = await officer.tasks.update({ id, version: returned.version, progress: 100, completedOn: '2026-11-25', resultDocNumber: '16/QĐ-STC', resultDocDate: '2026-11-25', confirmByLead: true });
      const confirmed = await lead.tasks.decideCompletion({ id, version: again.version, decision: 'confirm' });
      expect(confirmed.completedOn).toBe('2026-11-25');
      const done = await officer.tasks.get({ id });
      expect(done).toMatchObject({ completedOn: '2026-11-25', completionEnteredOn: today(), completionPendingOn: null, completionReturnNote: null, progress: 100 });
      // Judged by the officer's date against the deadline (31/12/2025), not by the day of confirmation.
      expect(done.status).toBe('done_late');
      const [audit] = await listAudit(h.db, { entity: 'core.task', entityId: id, limit: 1 });
      expect(audit).toMatchObject({ action: 'core.task.confirm_completion', actorUsername: 'stc' });
      expect((await rejection(lead.tasks.decideCompletion({ id, version: confirmed.version, decision: 'confirm' }))).code).toBe('CONFLICT');
      // Another unit's lead may not confirm.
      const row = (await h.db.select({ version: tasks.version }).from(tasks).where(eq(tasks.id, id)))[0]!;
      expect((await rejection((await h.as('snv')).tasks.decideCompletion({ id, version: row.version, decision: 'confirm' }))).code).toBe('FORBIDDEN');
    });
  });

  describe('tình hình báo cáo', () => {
    it('lists every unit owing the period with its state and days late, filtered by kind', async () => {
      const ubnd = await h.as('ubnd');
      const late = daysBetween('2025-09-20', today());
      const all = await ubnd.reports.status({ periodId: PAST });
      expect(all.period).toMatchObject({ id: PAST, dueDate: '2025-09-20' });
      expect(all.daysLeft).toBeNull();
      const stc = all.rows.find((row) => row.unit.code === 'STC')!;
      expect(stc).toMatchObject({ state: 'submitted', submittedBy: { username: 'stc', fullName: 'Nguyễn Đức Long', unitName: 'Sở Tài chính' }, daysLate: daysBetween('2025-09-20', today()) });
      const districts = await ubnd.reports.status({ periodId: PAST, kind: 'district' });
      expect(districts.rows).toHaveLength(30);
      expect(districts.rows.every((row) => row.unit.kind === 'district' && row.state === 'none' && row.daysLate === late)).toBe(true);
      expect(districts.rows[0]!.unit).toEqual({ code: districts.rows[0]!.unit.code, name: expect.stringMatching(/^(Quận|Huyện|Thị xã) /), kind: 'district' });
      expect(districts.counts).toEqual({ units: 30, submitted: 0, notSubmitted: 30 });
      const departments = await ubnd.reports.status({ periodId: PAST, kind: 'department' });
      expect(departments.rows.every((row) => row.unit.kind === 'department')).toBe(true);
      expect(departments.rows.map((row) => row.unit.code)).toContain('STC');
      // A unit lead sees only its own unit.
      const own = await (await h.as('badinh')).reports.status({ periodId: PAST });
      expect(own.rows.map((row) => row.unit.code)).toEqual(['Q001']);
      expect((await rejection(ubnd.reports.status({ periodId: '2025-Q9' }))).code).toBe('BAD_REQUEST');
    });

    it('reminds all late districts once a day: a second reminder the same day reminds nobody', async () => {
      const ubnd = await h.as('ubnd');
      const codes = (await ubnd.reports.status({ periodId: PAST, kind: 'district' })).rows.map((row) => row.unit.code);
      const first = await ubnd.reports.remind({ periodId: PAST, unitCodes: [...codes, 'STC'] });
      expect(first.sent).toHaveLength(30);
      expect(first.skipped).toEqual([{ unitCode: 'STC', reason: 'submitted' }]);
      const second = await ubnd.reports.remind({ periodId: PAST, unitCodes: codes });
      expect(second.sent).toEqual([]);
      expect(second.skipped.every((s) => s.reason === 'already_reminded_today')).toBe(true);
      const row = (await ubnd.reports.status({ periodId: PAST, kind: 'district' })).rows[0]!;
      expect(row.lastRemindedOn).toBe(today());
      const told = (await (await h.as('badinh')).notifications.list()).find((n) => n.kind === 'report_reminder');
      expect(told?.title).toBe('Đôn đốc gửi báo cáo Quý III/2025');
      // A department's lead may not remind other units.
      expect((await rejection((await h.as('stc')).reports.remind({ periodId: PAST, unitCodes: ['Q001'] }))).code).toBe('FORBIDDEN');
    });
  });

  describe('automatic reminders', () => {
    const Q4 = '2026-Q4';
    const sentOn = async (day: IsoDate) => h.db.select().from(reportReminders).where(and(eq(reportReminders.periodId, Q4), eq(reportReminders.sentOn, day)));

    it('three days before the 20th: every unit with nothing submitted, once, however often the job runs', async () => {
      const owing = (await (await h.as('ubnd')).reports.status({ periodId: Q4 })).counts.notSubmitted;
      expect(owing).toBeGreaterThan(30);
      const first = await runAutoReminders(h.db, { leadDays: 3 }, '2026-12-17');
      expect(first).toEqual([{ periodId: Q4, sent: owing, skipped: 0 }]);
      const again = await runAutoReminders(h.db, { leadDays: 3 }, '2026-12-17');
      expect(again).toEqual([{ periodId: Q4, sent: 0, skipped: owing }]);
      expect(await sentOn('2026-12-17')).toHaveLength(owing);
      expect((await sentOn('2026-12-17')).every((r) => r.sentBy === 'core')).toBe(true);
      const audits = (await listAudit(h.db, { entity: 'core.report', limit: 500 })).filter((a) => a.action === 'core.report.remind' && a.entityId.endsWith(`:${Q4}`));
      expect(audits).toHaveLength(owing);
      expect(audits.every((a) => a.actorUsername === null)).toBe(true);
    });

    it('the next day reminds again, a unit whose report is in is left out; not on the 20th nor before the lead', async () => {
      const before = (await (await h.as('ubnd')).reports.status({ periodId: Q4 })).counts.notSubmitted;
      const lead = await h.as('stc');
      const view = await lead.reports.get({ periodId: Q4 });
      const saved = await lead.reports.save({ periodId: Q4, version: null, items: allReportItems(view, { progress: 40 }) });
      await lead.reports.submit({ id: saved.id, version: saved.version });
      const next = await runAutoReminders(h.db, { leadDays: 3 }, '2026-12-18');
      expect(next).toEqual([{ periodId: Q4, sent: before - 1, skipped: 0 }]);
      expect((await sentOn('2026-12-18')).map((r) => r.unitCode)).not.toContain('STC');
      expect(await runAutoReminders(h.db, { leadDays: 3 }, '2026-12-20')).toEqual([]);
      expect(await runAutoReminders(h.db, { leadDays: 3 }, '2026-12-16')).toEqual([]);
      expect(await runAutoReminders(h.db, { leadDays: 0 }, '2026-12-19')).toEqual([]);
      expect(await sentOn('2026-12-16')).toEqual([]);
    });
  });
});

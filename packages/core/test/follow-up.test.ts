/**
 * Reminders (đôn đốc) and the notifications they leave: who may remind whom, the count of
 * reminders, the flag for the leadership ("quá hạn trên 3 lần đôn đốc": more than three
 * reminders to the lead unit while the task is overdue) and the briefing list with its xlsx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@dondoc/auth';
import { testBackends } from '@dondoc/db/testing';
import ExcelJS from 'exceljs';
import { daysBetween, LEADERSHIP_REMINDER_THRESHOLD } from '../src/domain/index.ts';
import { eq } from 'drizzle-orm';
import { reminders, tasks } from '../src/server/schema.ts';
import { createCoreHarness, person, rejection, today, type CoreHarness } from './harness.ts';

describe.each(testBackends)('reminders and notifications on %s', (backend) => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await createCoreHarness(backend);
  });
  afterAll(async () => h?.close());

  it('the seed’s deadline of 2458-1.6 (30/9/2023) is past: the task is overdue today', async () => {
    expect(today() > '2023-09-30').toBe(true);
    expect((await (await h.as('stc')).tasks.get({ id: h.taskId('2458-1.6-STC') })).status).toBe('overdue');
  });

  it('ubnd reminds STC about its overdue task: only reminders to the lead unit while overdue count, and more than 3 flag it', async () => {
    expect(LEADERSHIP_REMINDER_THRESHOLD).toBe(3);
    const taskId = h.taskId('2458-1.6-STC');
    // Two reminders sent before the deadline (30/09/2023), as the record of an earlier system
    // would hold them: they were sent while the task was within its deadline and do not count.
    await h.db.insert(reminders).values([
      { taskId, unitCode: 'STC', message: 'Nhắc trước hạn', sentBy: 'ubnd', sentByUnitCode: 'UBND', sentAt: new Date('2023-09-10T09:00:00+07:00') },
      { taskId, unitCode: 'STC', message: 'Nhắc ngày cuối', sentBy: 'ubnd', sentByUnitCode: 'UBND', sentAt: new Date('2023-09-30T16:00:00+07:00') },
    ]);
    const { caller: ubnd, requestId } = await h.session('ubnd');
    const messages = ['Đề nghị Sở Tài chính khẩn trương hoàn thành', 'Đôn đốc lần 2', 'Đôn đốc lần 3', 'Đôn đốc lần 4: báo cáo lãnh đạo Thành phố'];
    const answers = [];
    for (const message of messages) answers.push(await ubnd.reminders.send({ taskId, message }));
    // Today the task is overdue: these four count; the two before the deadline do not.
    expect(answers).toEqual([
      { reminderCount: 3, remindersWhileOverdue: 1, flaggedForLeadership: false },
      { reminderCount: 4, remindersWhileOverdue: 2, flaggedForLeadership: false },
      { reminderCount: 5, remindersWhileOverdue: 3, flaggedForLeadership: false },
      { reminderCount: 6, remindersWhileOverdue: 4, flaggedForLeadership: true },
    ]);

    const task = await (await h.as('stc.cv')).tasks.get({ id: taskId });
    expect(task).toMatchObject({ status: 'overdue', reminderCount: 6, remindersWhileOverdue: 4, flaggedForLeadership: true });
    expect(task.reminders.map((r) => [r.message, r.whileOverdue])).toEqual([
      ...[...messages].reverse().map((m) => [m, true]),
      ['Nhắc ngày cuối', false],
      ['Nhắc trước hạn', false],
    ]);
    // As of the deadline day it was within deadline: no flag whatever was sent later.
    expect(await (await h.as('stc.cv')).tasks.get({ id: taskId, asOf: '2023-09-30' })).toMatchObject({ status: 'in_progress', remindersWhileOverdue: 0, flaggedForLeadership: false });
    // The list says the same.
    const listed = (await (await h.as('stc.cv')).tasks.list({ q: '2458-1.6-STC' })).items[0];
    expect(listed).toMatchObject({ status: 'overdue', flaggedForLeadership: true });

    const audit = await listAudit(h.db, { entity: 'core.task', entityId: taskId });
    expect(audit.map((a) => [a.action, a.actorUsername])).toEqual(Array(4).fill(['core.reminder.send', 'ubnd']));
    expect(audit[0]).toMatchObject({ requestId, after: { unitCode: 'STC', message: messages[3] } });
  });

  it('the briefing (giao ban) lists the flagged tasks by unit; the overview counts them; the xlsx holds the same rows', async () => {
    const ubnd = await h.as('ubnd');
    const list = await ubnd.tasks.flagged();
    expect(list).toMatchObject({ asOf: today(), total: 1 });
    expect(list.units).toEqual([
      {
        code: 'STC',
        name: 'Sở Tài chính',
        tasks: [
          expect.objectContaining({ code: '2458-1.6-STC', directiveNumber: '2458/UBND-SNV', deadline: '2023-09-30', remindersWhileOverdue: 4, lastReminderOn: today(), progress: 0 }),
        ],
      },
    ]);
    expect((await ubnd.overview.summary()).totals.flagged).toBe(1);
    // A unit sees its own flagged tasks only.
    expect((await (await h.as('sxd')).tasks.flagged()).units).toEqual([]);
    expect((await (await h.as('stc')).tasks.flagged()).total).toBe(1);
    // Before the reminders were sent nothing was flagged.
    expect((await ubnd.tasks.flagged({ asOf: '2023-10-15' })).total).toBe(0);

    const file = await ubnd.tasks.flaggedExport();
    expect(file.filename).toBe(`nhiem-vu-qua-han-tren-3-lan-don-doc-${today()}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Giao ban')!;
    const rows = sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(rows[0]?.[0]).toBe('DANH SÁCH NHIỆM VỤ QUÁ HẠN TRÊN 3 LẦN ĐÔN ĐỐC');
    const header = rows.findIndex((row) => row[0] === 'Đơn vị chủ trì');
    expect(rows[header + 1]).toEqual(['Sở Tài chính', '2458-1.6-STC', 'Tái cấu trúc quy trình TTHC, dịch vụ công trên Cổng DVCQG', '2458/UBND-SNV', '30/09/2023', '', daysBetween('2023-09-30', today()), 4, expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/), 0]);
    expect(rows.at(-1)?.[0]).toBe('Tổng cộng: 1 nhiệm vụ của 1 đơn vị.');
    expect(rows).toHaveLength(header + 3); // title lines, header, one task, the total
  });

  it('the reminded unit sees the reminders in notifications.list, newest first, each with its link', async () => {
    const notifications = await (await h.as('stc.cv')).notifications.list();
    expect(notifications).toHaveLength(4);
    expect(notifications[0]).toEqual({
      id: expect.any(Number),
      kind: 'reminder',
      title: 'Đôn đốc thực hiện nhiệm vụ 2458-1.6-STC',
      body: 'Đôn đốc lần 4: báo cáo lãnh đạo Thành phố',
      link: `/nhiem-vu/${h.taskId('2458-1.6-STC')}`,
      actor: person('ubnd'),
      read: false,
      createdAt: expect.any(String),
    });
    expect(notifications.map((n) => n.body)).toEqual(['Đôn đốc lần 4: báo cáo lãnh đạo Thành phố', 'Đôn đốc lần 3', 'Đôn đốc lần 2', 'Đề nghị Sở Tài chính khẩn trương hoàn thành']);
    // The unit lead sees the same unit's notifications; other units and the coordinator none.
    expect((await (await h.as('stc')).notifications.list()).map((n) => n.id)).toEqual(notifications.map((n) => n.id));
    expect(await (await h.as('sxd')).notifications.list()).toEqual([]);
    expect(await (await h.as('ubnd')).notifications.list()).toEqual([]);
    // A user without a unit has no notifications.
    expect(await (await h.as('admin')).notifications.list()).toEqual([]);
  });

  it('markRead marks the unit’s notifications; another unit’s ids are left alone', async () => {
    const stcCv = await h.as('stc.cv');
    const [newest, , , oldest] = await stcCv.notifications.list();
    expect(await (await h.as('sxd')).notifications.markRead({ ids: [newest!.id] })).toEqual({ updated: 0 });
    expect(await stcCv.notifications.markRead({ ids: [newest!.id, oldest!.id] })).toEqual({ updated: 2 });
    // Already read: nothing more to do.
    expect(await stcCv.notifications.markRead({ ids: [newest!.id] })).toEqual({ updated: 0 });
    expect(await stcCv.notifications.markRead({ ids: [] })).toEqual({ updated: 0 });
    const unread = await (await h.as('stc')).notifications.list({ unreadOnly: true });
    expect(unread.map((n) => n.body)).toEqual(['Đôn đốc lần 3', 'Đôn đốc lần 2']);
    expect((await stcCv.notifications.list()).map((n) => n.read)).toEqual([true, false, false, true]);
  });

  it('a continuous task is never flagged, however many reminders', async () => {
    const ubnd = await h.as('ubnd');
    const taskId = h.taskId('2458-1.2-SXD');
    let last;
    for (let i = 1; i <= 4; i++) last = await ubnd.reminders.send({ taskId, message: `Đôn đốc báo cáo định kỳ lần ${i}` });
    expect(last).toEqual({ reminderCount: 4, remindersWhileOverdue: 0, flaggedForLeadership: false });
    expect(await (await h.as('sxd')).tasks.get({ id: taskId })).toMatchObject({ status: 'continuous', reminderCount: 4, flaggedForLeadership: false });
  });

  it('VP, lead of the parent 1.6, may remind Q001 about 2458-1.6-Q001; Ba Đình is notified', async () => {
    const vp = await h.as('vp');
    const taskId = h.taskId('2458-1.6-Q001');
    expect(await vp.reminders.send({ taskId, message: 'Đề nghị Quận Ba Đình báo cáo kết quả tái cấu trúc quy trình' })).toEqual({ reminderCount: 1, remindersWhileOverdue: 1, flaggedForLeadership: false });
    const [notification] = await (await h.as('badinh')).notifications.list({ unreadOnly: true });
    expect(notification).toMatchObject({ kind: 'reminder', title: 'Đôn đốc thực hiện nhiệm vụ 2458-1.6-Q001', body: 'Đề nghị Quận Ba Đình báo cáo kết quả tái cấu trúc quy trình', read: false });
    const task = await (await h.as('badinh')).tasks.get({ id: taskId });
    expect(task.reminders).toEqual([{ at: expect.any(String), by: person('vp'), unit: { code: 'Q001', name: expect.stringContaining('Ba Đình') }, message: 'Đề nghị Quận Ba Đình báo cáo kết quả tái cấu trúc quy trình', whileOverdue: true }]);
  });

  it('a completed task is not reminded about: refused saying so, nothing recorded', async () => {
    const taskId = h.taskId('2458-1.6-Q002');
    await h.db.update(tasks).set({ progress: 100, completedOn: '2023-09-25' }).where(eq(tasks.id, taskId));
    const refused = await rejection((await h.as('ubnd')).reminders.send({ taskId, message: 'Nhắc' }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toBe('Nhiệm vụ 2458-1.6-Q002 đã hoàn thành, không cần đôn đốc.');
    expect(await h.db.select().from(reminders).where(eq(reminders.taskId, taskId))).toEqual([]);
  });

  it('a unit that neither coordinates nor leads the parent may not remind (FORBIDDEN)', async () => {
    const sxd = await rejection((await h.as('sxd')).reminders.send({ taskId: h.taskId('2458-1.6-STC'), message: 'Nhắc Sở Tài chính' }));
    expect(sxd.code).toBe('FORBIDDEN');
    expect(sxd.message).toBe('Chỉ lãnh đạo điều phối hoặc đơn vị chủ trì được đôn đốc nhiệm vụ này.');
    // SKHDT leads the parent of 1.3b, not of 1.1 (SNV does).
    expect((await rejection((await h.as('skhdt')).reminders.send({ taskId: h.taskId('2458-1.1-Q001'), message: 'Nhắc' }))).code).toBe('FORBIDDEN');
    // A unit does not remind itself about its own task.
    expect((await rejection((await h.as('stc')).reminders.send({ taskId: h.taskId('2458-3.1'), message: 'Nhắc' }))).code).toBe('FORBIDDEN');
    // Officers do not send reminders at all.
    const officer = await rejection((await h.as('stc.cv')).reminders.send({ taskId: h.taskId('2458-3.2'), unitCode: 'SNV', message: 'Nhắc' }));
    expect(officer.code).toBe('FORBIDDEN');
    expect(officer.message).toBe('Bạn không có quyền thực hiện thao tác này (core.reminders:send).');
    expect((await (await h.as('ubnd')).tasks.get({ id: h.taskId('2458-1.6-STC') })).reminderCount).toBe(6);
    expect((await (await h.as('ubnd')).tasks.get({ id: h.taskId('2458-3.1') })).reminderCount).toBe(0);
  });

  it('the lead unit reminds a coordinating unit (STC → SNV on 3.2), but not a unit outside the task', async () => {
    const stc = await h.as('stc');
    const taskId = h.taskId('2458-3.2');
    expect(await stc.reminders.send({ taskId, unitCode: 'SNV', message: 'Đề nghị Sở Nội vụ góp ý dự thảo cơ chế tiền lương' })).toEqual({ reminderCount: 1, remindersWhileOverdue: 0, flaggedForLeadership: false });
    expect((await (await h.as('snv')).notifications.list()).map((n) => [n.kind, n.title])).toEqual([['reminder', 'Đôn đốc thực hiện nhiệm vụ 2458-3.2']]);
    const outside = await rejection(stc.reminders.send({ taskId, unitCode: 'SXD', message: 'Nhắc' }));
    expect(outside.code).toBe('BAD_REQUEST');
    expect(outside.message).toBe('Đơn vị SXD không tham gia nhiệm vụ này.');
    expect((await rejection(stc.reminders.send({ taskId, unitCode: 'snv', message: 'Nhắc' }))).code).toBe('BAD_REQUEST');
    expect((await rejection(stc.reminders.send({ taskId, unitCode: 'SNV', message: '   ' }))).code).toBe('BAD_REQUEST');
    expect((await rejection((await h.as('ubnd')).reminders.send({ taskId: '00000000-0000-4000-8000-000000000000', message: 'Nhắc' }))).code).toBe('NOT_FOUND');
    // SXD got only its own reminders (about 1.2), none about a task it has no part in.
    expect((await (await h.as('sxd')).notifications.list()).map((n) => n.title)).toEqual(Array(4).fill('Đôn đốc thực hiện nhiệm vụ 2458-1.2-SXD'));
  });
});

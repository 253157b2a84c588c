/**
 * Reminders (đôn đốc) and the notifications they leave: who may remind whom, the count of
 * reminders, and the flag for the leadership after three reminders on an overdue task.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@dondoc/auth';
import { testBackends } from '@dondoc/db/testing';
import { REMINDERS_BEFORE_ESCALATION } from '../src/server/index.ts';
import { createCoreHarness, rejection, today, type CoreHarness } from './harness.ts';

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

  it('ubnd reminds STC about its overdue task: the count grows, and after 3 reminders it is flagged for the leadership', async () => {
    expect(REMINDERS_BEFORE_ESCALATION).toBe(3);
    const { caller: ubnd, requestId } = await h.session('ubnd');
    const taskId = h.taskId('2458-1.6-STC');
    const messages = ['Đề nghị Sở Tài chính khẩn trương hoàn thành', 'Đôn đốc lần 2', 'Đôn đốc lần 3: báo cáo lãnh đạo Thành phố'];
    const answers = [];
    for (const message of messages) answers.push(await ubnd.reminders.send({ taskId, message }));
    expect(answers).toEqual([
      { reminderCount: 1, flaggedForLeadership: false },
      { reminderCount: 2, flaggedForLeadership: false },
      { reminderCount: 3, flaggedForLeadership: true },
    ]);

    const task = await (await h.as('stc.cv')).tasks.get({ id: taskId });
    expect(task).toMatchObject({ status: 'overdue', reminderCount: 3, flaggedForLeadership: true });
    expect(task.reminders.map((r) => [r.by, r.unit.code, r.message])).toEqual([...messages].reverse().map((m) => ['ubnd', 'STC', m]));
    // The flag needs the task to be overdue: as of the deadline day it is still in progress.
    expect(await (await h.as('stc.cv')).tasks.get({ id: taskId, asOf: '2023-09-30' })).toMatchObject({ status: 'in_progress', reminderCount: 3, flaggedForLeadership: false });

    const audit = await listAudit(h.db, { entity: 'core.task', entityId: taskId });
    expect(audit.map((a) => [a.action, a.actorUsername])).toEqual(Array(3).fill(['core.reminder.send', 'ubnd']));
    expect(audit[0]).toMatchObject({ requestId, after: { unitCode: 'STC', message: messages[2] } });
  });

  it('the reminded unit sees the reminders in notifications.list, newest first, each with its link', async () => {
    const notifications = await (await h.as('stc.cv')).notifications.list();
    expect(notifications).toHaveLength(3);
    expect(notifications[0]).toEqual({
      id: expect.any(Number),
      kind: 'reminder',
      title: 'Đôn đốc thực hiện nhiệm vụ 2458-1.6-STC',
      body: 'Đôn đốc lần 3: báo cáo lãnh đạo Thành phố',
      link: `/nhiem-vu/${h.taskId('2458-1.6-STC')}`,
      read: false,
      createdAt: expect.any(String),
    });
    expect(notifications.map((n) => n.body)).toEqual(['Đôn đốc lần 3: báo cáo lãnh đạo Thành phố', 'Đôn đốc lần 2', 'Đề nghị Sở Tài chính khẩn trương hoàn thành']);
    // The unit lead sees the same unit's notifications; other units and the coordinator none.
    expect((await (await h.as('stc')).notifications.list()).map((n) => n.id)).toEqual(notifications.map((n) => n.id));
    expect(await (await h.as('sxd')).notifications.list()).toEqual([]);
    expect(await (await h.as('ubnd')).notifications.list()).toEqual([]);
    // A user without a unit has no notifications.
    expect(await (await h.as('admin')).notifications.list()).toEqual([]);
  });

  it('markRead marks the unit’s notifications; another unit’s ids are left alone', async () => {
    const stcCv = await h.as('stc.cv');
    const [newest, , oldest] = await stcCv.notifications.list();
    expect(await (await h.as('sxd')).notifications.markRead({ ids: [newest!.id] })).toEqual({ updated: 0 });
    expect(await stcCv.notifications.markRead({ ids: [newest!.id, oldest!.id] })).toEqual({ updated: 2 });
    // Already read: nothing more to do.
    expect(await stcCv.notifications.markRead({ ids: [newest!.id] })).toEqual({ updated: 0 });
    expect(await stcCv.notifications.markRead({ ids: [] })).toEqual({ updated: 0 });
    const unread = await (await h.as('stc')).notifications.list({ unreadOnly: true });
    expect(unread.map((n) => n.body)).toEqual(['Đôn đốc lần 2']);
    expect((await stcCv.notifications.list()).map((n) => n.read)).toEqual([true, false, true]);
  });

  it('a continuous task is never flagged, however many reminders', async () => {
    const ubnd = await h.as('ubnd');
    const taskId = h.taskId('2458-1.2-SXD');
    let last;
    for (let i = 1; i <= 4; i++) last = await ubnd.reminders.send({ taskId, message: `Đôn đốc báo cáo định kỳ lần ${i}` });
    expect(last).toEqual({ reminderCount: 4, flaggedForLeadership: false });
    expect(await (await h.as('sxd')).tasks.get({ id: taskId })).toMatchObject({ status: 'continuous', reminderCount: 4, flaggedForLeadership: false });
  });

  it('VP, lead of the parent 1.6, may remind Q001 about 2458-1.6-Q001; Ba Đình is notified', async () => {
    const vp = await h.as('vp');
    const taskId = h.taskId('2458-1.6-Q001');
    expect(await vp.reminders.send({ taskId, message: 'Đề nghị Quận Ba Đình báo cáo kết quả tái cấu trúc quy trình' })).toEqual({ reminderCount: 1, flaggedForLeadership: false });
    const [notification] = await (await h.as('badinh')).notifications.list({ unreadOnly: true });
    expect(notification).toMatchObject({ kind: 'reminder', title: 'Đôn đốc thực hiện nhiệm vụ 2458-1.6-Q001', body: 'Đề nghị Quận Ba Đình báo cáo kết quả tái cấu trúc quy trình', read: false });
    const task = await (await h.as('badinh')).tasks.get({ id: taskId });
    expect(task.reminders).toEqual([{ at: expect.any(String), by: 'vp', unit: { code: 'Q001', name: expect.stringContaining('Ba Đình') }, message: 'Đề nghị Quận Ba Đình báo cáo kết quả tái cấu trúc quy trình' }]);
  });

  it('a unit that neither coordinates nor leads the parent may not remind (FORBIDDEN)', async () => {
    const sxd = await rejection((await h.as('sxd')).reminders.send({ taskId: h.taskId('2458-1.6-STC'), message: 'Nhắc Sở Tài chính' }));
    expect(sxd.code).toBe('FORBIDDEN');
    expect(sxd.message).toBe('Chỉ lãnh đạo điều phối hoặc đơn vị chủ trì được đôn đốc nhiệm vụ này.');
    // VP leads the parent of 1.6, not of 1.1 (SNV does).
    expect((await rejection((await h.as('vp')).reminders.send({ taskId: h.taskId('2458-1.1-Q001'), message: 'Nhắc' }))).code).toBe('FORBIDDEN');
    // A unit does not remind itself about its own task.
    expect((await rejection((await h.as('stc')).reminders.send({ taskId: h.taskId('2458-3.1'), message: 'Nhắc' }))).code).toBe('FORBIDDEN');
    // Officers do not send reminders at all.
    const officer = await rejection((await h.as('stc.cv')).reminders.send({ taskId: h.taskId('2458-3.2'), unitCode: 'SNV', message: 'Nhắc' }));
    expect(officer.code).toBe('FORBIDDEN');
    expect(officer.message).toBe('Bạn không có quyền thực hiện thao tác này (core.reminders:send).');
    expect((await (await h.as('ubnd')).tasks.get({ id: h.taskId('2458-1.6-STC') })).reminderCount).toBe(3);
    expect((await (await h.as('ubnd')).tasks.get({ id: h.taskId('2458-3.1') })).reminderCount).toBe(0);
  });

  it('the lead unit reminds a coordinating unit (STC → SNV on 3.2), but not a unit outside the task', async () => {
    const stc = await h.as('stc');
    const taskId = h.taskId('2458-3.2');
    expect(await stc.reminders.send({ taskId, unitCode: 'SNV', message: 'Đề nghị Sở Nội vụ góp ý dự thảo cơ chế tiền lương' })).toEqual({ reminderCount: 1, flaggedForLeadership: false });
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

/**
 * Deadline extensions (gia hạn) through `coreRouter`: the lead unit asks, a coordinator
 * approves or declines; an approved date becomes the deadline "on time" is judged against,
 * the first deadline is kept and the history says what happened. The tests run in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { listAudit } from '@dondoc/auth';
import { testBackends } from '@dondoc/db/testing';
import { taskStatus } from '../src/domain/index.ts';
import { listTaskExtensions } from '../src/server/extensions.ts';
import { tasks } from '../src/server/schema.ts';
import { createCoreHarness, person, rejection, type CoreCaller, type CoreHarness } from './harness.ts';

describe.each(testBackends)('deadline extensions on %s', (backend) => {
  let h: CoreHarness;
  let ubnd: CoreCaller;
  let badinh: CoreCaller;
  /** 200-1-Q001: Ba Đình's child of a task given to every district, due 30/06/2025. */
  let childId: string;
  let parentId: string;
  /** 200-2: Sở Xây dựng's, due 31/05/2025, SNV coordinating. */
  let sxdTaskId: string;
  /** 200-3: continuous, SNV's. */
  let continuousId: string;
  /** 200-4: SKHDT's, to be completed. */
  let skhdtTaskId: string;
  let extensionId: string;

  const taskRow = async (id: string) => {
    const [row] = await h.db.select().from(tasks).where(eq(tasks.id, id));
    if (!row) throw new Error(`no task ${id}`);
    return row;
  };

  const completeTask = async (id: string, completedOn: string) => {
    await h.db.update(tasks).set({ progress: 100, completedOn, completionEnteredOn: completedOn, lastProgressOn: completedOn }).where(eq(tasks.id, id));
  };

  beforeAll(async () => {
    h = await createCoreHarness(backend);
    ubnd = await h.as('ubnd');
    badinh = await h.as('badinh');
    const directive = await ubnd.directives.create({
      number: '200/UBND-KSTTHC',
      issuedOn: '2025-01-06',
      issuer: 'UBND Thành phố Hà Nội',
      subject: 'Về việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
      signer: 'Lê Hồng Sơn, Phó Chủ tịch',
      fullText: '',
    });
    const common = { directiveId: directive.id, content: 'Thực hiện theo Kế hoạch.', coordinatorUnitCodes: [], continuous: false, cadence: 'quarter' as const, targets: [] };
    await ubnd.directives.saveTask({ ...common, clause: '1', title: 'Số hóa hồ sơ thủ tục hành chính cấp huyện', assignees: { kind: 'group', group: 'districts' }, deadline: '2025-06-30' });
    await ubnd.directives.saveTask({ ...common, clause: '2', title: 'Số hóa hồ sơ cấp phép xây dựng', assignees: { kind: 'units', unitCodes: ['SXD'] }, coordinatorUnitCodes: ['SNV'], deadline: '2025-05-31' });
    await ubnd.directives.saveTask({ ...common, clause: '3', title: 'Theo dõi việc số hóa', assignees: { kind: 'units', unitCodes: ['SNV'] }, deadline: null, continuous: true });
    await ubnd.directives.saveTask({ ...common, clause: '4', title: 'Số hóa hồ sơ đăng ký doanh nghiệp', assignees: { kind: 'units', unitCodes: ['SKHDT'] }, deadline: '2025-04-30' });
    const issued = await ubnd.directives.issue({ id: directive.id, version: 1 });
    const byCode = new Map(issued.tasks.map((t) => [t.code, t.id]));
    parentId = byCode.get('200-1')!;
    sxdTaskId = byCode.get('200-2')!;
    continuousId = byCode.get('200-3')!;
    skhdtTaskId = byCode.get('200-4')!;
    const [child] = await h.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.code, '200-1-Q001'));
    childId = child!.id;
  });
  afterAll(async () => h?.close());

  describe('request', () => {
    it('badinh asks to extend its task; the UBND is told; a second request while it is pending is CONFLICT', async () => {
      const request = await badinh.extensions.request({ taskId: childId, reason: 'Chờ hướng dẫn kết nối của Bộ Nội vụ', proposedDeadline: '2025-08-31' });
      extensionId = request.id;
      expect(request).toMatchObject({
        task: { id: childId, code: '200-1-Q001', title: 'Số hóa hồ sơ thủ tục hành chính cấp huyện' },
        unit: { code: 'Q001' },
        reason: 'Chờ hướng dẫn kết nối của Bộ Nội vụ',
        previousDeadline: '2025-06-30',
        proposedDeadline: '2025-08-31',
        state: 'pending',
        requestedBy: person('badinh'),
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
      });
      const second = await rejection(badinh.extensions.request({ taskId: childId, reason: 'Nhắc lại', proposedDeadline: '2025-09-30' }));
      expect(second.code).toBe('CONFLICT');
      expect(second.message).toBe('Nhiệm vụ 200-1-Q001 đã có một đề nghị gia hạn đang chờ duyệt; chờ UBND Thành phố quyết định trước khi đề nghị lại.');
      const told = (await ubnd.notifications.list()).filter((n) => n.kind === 'extension_requested');
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({ title: 'Đề nghị gia hạn nhiệm vụ 200-1-Q001', link: `/nhiem-vu/${childId}` });
      expect(told[0]!.body).toContain('đề nghị gia hạn từ 30/06/2025 đến 31/08/2025. Lý do: Chờ hướng dẫn kết nối của Bộ Nội vụ');
      expect((await listAudit(h.db, { entity: 'core.extension', entityId: extensionId })).map((a) => a.action)).toEqual(['core.extension.request']);
      // Nothing moved yet.
      expect((await taskRow(childId)).deadline).toBe('2025-06-30');
    });

    it('only the lead unit of an active, unfinished leaf task with a deadline may ask, for a later date', async () => {
      // Another unit does not see the task; a coordinating unit sees it but does not lead it.
      expect((await rejection((await h.as('sxd')).extensions.request({ taskId: childId, reason: 'x', proposedDeadline: '2025-08-31' }))).code).toBe('NOT_FOUND');
      const coordinating = await rejection((await h.as('snv')).extensions.request({ taskId: sxdTaskId, reason: 'x', proposedDeadline: '2025-08-31' }));
      expect(coordinating.code).toBe('FORBIDDEN');
      expect(coordinating.message).toBe('Chỉ đơn vị chủ trì được đề nghị gia hạn nhiệm vụ này.');
      // Coordinators decide; they do not ask.
      const coordinator = await rejection(ubnd.extensions.request({ taskId: sxdTaskId, reason: 'x', proposedDeadline: '2025-08-31' }));
      expect(coordinator.code).toBe('FORBIDDEN');
      expect(coordinator.message).toBe('Bạn không có quyền thực hiện thao tác này (core.extensions:request).');
      const admin = await h.as('admin');
      expect((await rejection(admin.extensions.request({ taskId: parentId, reason: 'x', proposedDeadline: '2025-08-31' }))).message).toBe(
        'Nhiệm vụ chung không gia hạn trực tiếp: từng đơn vị đề nghị gia hạn nhiệm vụ của mình.',
      );
      const sxd = await h.as('sxd');
      const notLater = await rejection(sxd.extensions.request({ taskId: sxdTaskId, reason: 'x', proposedDeadline: '2025-05-31' }));
      expect(notLater.code).toBe('BAD_REQUEST');
      expect(notLater.message).toBe('Thời hạn đề nghị phải sau thời hạn hiện tại (31/05/2025).');
      const continuous = await rejection((await h.as('snv')).extensions.request({ taskId: continuousId, reason: 'x', proposedDeadline: '2025-08-31' }));
      expect(continuous.code).toBe('BAD_REQUEST');
      expect(continuous.message).toBe('Nhiệm vụ thường xuyên không có thời hạn để gia hạn.');
      const skhdt = await h.as('skhdt');
      // Completed (as tasks.update records it; written directly: its result rules are not the subject here).
      await completeTask(skhdtTaskId, '2025-04-28');
      const done = await rejection(skhdt.extensions.request({ taskId: skhdtTaskId, reason: 'x', proposedDeadline: '2025-08-31' }));
      expect(done.code).toBe('BAD_REQUEST');
      expect(done.message).toBe('Nhiệm vụ đã hoàn thành, không cần gia hạn.');
      const badDate = await rejection(sxd.extensions.request({ taskId: sxdTaskId, reason: 'x', proposedDeadline: '31/08/2025' }));
      expect(badDate.code).toBe('BAD_REQUEST');
      expect(badDate.message).toContain('Ngày phải có dạng YYYY-MM-DD');
      const noReason = await rejection(sxd.extensions.request({ taskId: sxdTaskId, reason: '   ', proposedDeadline: '2025-08-31' }));
      expect(noReason.code).toBe('BAD_REQUEST');
      expect(noReason.message).toContain('hãy nêu lý do đề nghị gia hạn');
      expect((await rejection(badinh.extensions.request({ taskId: '00000000-0000-4000-8000-000000000000', reason: 'x', proposedDeadline: '2025-08-31' }))).code).toBe('NOT_FOUND');
    });

    it('extensions.list: the coordinator sees every request, a unit those of the tasks it leads', async () => {
      const all = await ubnd.extensions.list({ state: 'pending' });
      expect(all.map((e) => e.id)).toEqual([extensionId]);
      expect((await badinh.extensions.list()).map((e) => e.id)).toEqual([extensionId]);
      expect(await (await h.as('sxd')).extensions.list()).toEqual([]);
      // SNV coordinates 200-2 but leads none of the requested tasks.
      expect(await (await h.as('snv')).extensions.list()).toEqual([]);
      expect(await ubnd.extensions.list({ taskId: sxdTaskId })).toEqual([]);
      expect(await ubnd.extensions.list({ state: 'approved' })).toEqual([]);
    });
  });

  describe('decide', () => {
    it('unit leads may not decide (FORBIDDEN)', async () => {
      for (const username of ['snv', 'badinh', 'stc.cv'] as const) {
        const error = await rejection((await h.as(username)).extensions.decide({ id: extensionId, decision: 'approve' }));
        expect(error.code).toBe('FORBIDDEN');
        expect(error.message).toBe('Bạn không có quyền thực hiện thao tác này (core.extensions:decide).');
      }
    });

    it('ubnd approves: the deadline in force is the approved date, the original is kept, the history says so', async () => {
      const tooEarly = await rejection(ubnd.extensions.decide({ id: extensionId, decision: 'approve', approvedDeadline: '2025-06-30' }));
      expect(tooEarly.code).toBe('BAD_REQUEST');
      expect(tooEarly.message).toBe('Thời hạn được gia hạn phải sau thời hạn cũ (30/06/2025).');
      const before = await taskRow(childId);
      const approved = await ubnd.extensions.decide({ id: extensionId, decision: 'approve', note: 'Đồng ý' });
      expect(approved).toMatchObject({
        id: extensionId,
        state: 'approved',
        decidedBy: person('ubnd'),
        decisionNote: 'Đồng ý',
        approvedDeadline: '2025-08-31',
        updatedTask: { id: childId, deadline: '2025-08-31', originalDeadline: '2025-06-30', version: before.version + 1 },
      });
      expect(approved.decidedAt).not.toBeNull();
      const row = await taskRow(childId);
      expect(row).toMatchObject({ deadline: '2025-08-31', originalDeadline: '2025-06-30', updatedBy: 'ubnd' });

      // The day after the old deadline the task is within its (new) deadline, not overdue.
      const dayAfterOld = '2025-07-01';
      expect(taskStatus(row, dayAfterOld)).toBe('in_progress');
      expect(taskStatus({ ...row, deadline: row.originalDeadline }, dayAfterOld)).toBe('overdue');
      const view = await badinh.tasks.get({ id: childId, asOf: dayAfterOld });
      expect(view).toMatchObject({ deadline: '2025-08-31', status: 'in_progress', version: row.version });
      expect((await badinh.tasks.get({ id: childId, asOf: '2025-09-01' })).status).toBe('overdue');
      expect(view.history[0]).toMatchObject({ by: person('ubnd'), progress: 0, note: 'Gia hạn từ 30/06/2025 đến 31/08/2025: Chờ hướng dẫn kết nối của Bộ Nội vụ' });
      // The task's trail shows the extension's steps beside the task's own rows.
      expect(view.audit.slice(0, 3).map((a) => a.action).sort()).toEqual(['core.extension.approve', 'core.extension.request', 'core.task.extend'].sort());
      expect((await badinh.tasks.list({ asOf: dayAfterOld, status: 'in_progress', limit: 200 })).items.map((t) => t.code)).toContain('200-1-Q001');
      expect((await badinh.tasks.list({ asOf: dayAfterOld, status: 'overdue', limit: 200 })).items.map((t) => t.code)).not.toContain('200-1-Q001');

      expect((await listAudit(h.db, { entity: 'core.extension', entityId: extensionId })).map((a) => a.action)).toEqual(['core.extension.approve', 'core.extension.request']);
      const [taskAudit] = await listAudit(h.db, { entity: 'core.task', entityId: childId, limit: 1 });
      expect(taskAudit).toMatchObject({ action: 'core.task.extend', before: { deadline: '2025-06-30', originalDeadline: null }, after: { deadline: '2025-08-31', originalDeadline: '2025-06-30' } });
      const told = (await badinh.notifications.list()).find((n) => n.kind === 'extension_decided');
      expect(told).toMatchObject({ title: 'Đồng ý gia hạn nhiệm vụ 200-1-Q001 đến 31/08/2025', body: 'Đồng ý', link: `/nhiem-vu/${childId}` });
    });

    it('a request already decided is CONFLICT', async () => {
      const again = await rejection(ubnd.extensions.decide({ id: extensionId, decision: 'decline', note: 'Không' }));
      expect(again.code).toBe('CONFLICT');
      expect(again.message).toBe('Đề nghị gia hạn này đã được ubnd xử lý (đồng ý).');
      expect((await rejection(ubnd.extensions.decide({ id: '00000000-0000-4000-8000-000000000000', decision: 'approve' }))).code).toBe('NOT_FOUND');
    });

    it('a second extension keeps the first deadline as the original; a completion is judged against the deadline in force', async () => {
      const request = await badinh.extensions.request({ taskId: childId, reason: 'Khối lượng hồ sơ lớn', proposedDeadline: '2025-10-31' });
      expect(request.previousDeadline).toBe('2025-08-31');
      const approved = await ubnd.extensions.decide({ id: request.id, decision: 'approve', approvedDeadline: '2025-09-30' });
      expect(approved).toMatchObject({ approvedDeadline: '2025-09-30', decisionNote: null, updatedTask: { deadline: '2025-09-30', originalDeadline: '2025-06-30' } });
      const row = await taskRow(childId);
      expect(row).toMatchObject({ deadline: '2025-09-30', originalDeadline: '2025-06-30' });
      const view = await badinh.tasks.get({ id: childId, asOf: '2025-09-15' });
      expect(view.history.slice(0, 2).map((u) => u.note)).toEqual([
        'Gia hạn từ 31/08/2025 đến 30/09/2025: Khối lượng hồ sơ lớn',
        'Gia hạn từ 30/06/2025 đến 31/08/2025: Chờ hướng dẫn kết nối của Bộ Nội vụ',
      ]);
      // Completed after the first deadline but within the extended one: on time.
      await completeTask(childId, '2025-09-20');
      const done = await badinh.tasks.get({ id: childId, asOf: '2025-12-01' });
      expect(done.status).toBe('done_on_time');
      expect(taskStatus(await taskRow(childId), '2025-12-01')).toBe('done_on_time');
      // The task's requests, newest first.
      const listed = await listTaskExtensions(h.db, childId, "vi");
      // The date approved is kept with each request (the second one approved less than asked).
      expect(listed.map((e) => [e.state, e.proposedDeadline, e.approvedDeadline])).toEqual([
        ['approved', '2025-10-31', '2025-09-30'],
        ['approved', '2025-08-31', '2025-08-31'],
      ]);
      expect((await badinh.tasks.get({ id: childId })).extensions.map((e) => e.approvedDeadline)).toEqual(['2025-09-30', '2025-08-31']);
      // The overview counts the extended task once, however many times it was extended.
      expect((await badinh.overview.summary({ asOf: '2025-12-01' })).totals.extended).toBe(1);
      const completed = await rejection(badinh.extensions.request({ taskId: childId, reason: 'x', proposedDeadline: '2025-12-31' }));
      expect(completed.message).toBe('Nhiệm vụ đã hoàn thành, không cần gia hạn.');
    });

    it('decline: a reason is required; the deadline stays; the unit is told and may ask again', async () => {
      const sxd = await h.as('sxd');
      const request = await sxd.extensions.request({ taskId: sxdTaskId, reason: 'Vướng quy định mới', proposedDeadline: '2025-07-31' });
      const noNote = await rejection(ubnd.extensions.decide({ id: request.id, decision: 'decline' }));
      expect(noNote.code).toBe('BAD_REQUEST');
      expect(noNote.message).toBe('Không đồng ý gia hạn cần nêu lý do.');
      const declined = await ubnd.extensions.decide({ id: request.id, decision: 'decline', note: 'Đề nghị hoàn thành đúng hạn' });
      expect(declined).toMatchObject({ state: 'declined', decisionNote: 'Đề nghị hoàn thành đúng hạn', approvedDeadline: null, decidedBy: person('ubnd') });
      const row = await taskRow(sxdTaskId);
      expect(row).toMatchObject({ deadline: '2025-05-31', originalDeadline: null, version: 1 });
      expect((await sxd.tasks.get({ id: sxdTaskId, asOf: '2025-06-01' })).status).toBe('overdue');
      expect((await sxd.notifications.list()).find((n) => n.kind === 'extension_decided')).toMatchObject({
        title: 'Không đồng ý gia hạn nhiệm vụ 200-2',
        body: 'Đề nghị hoàn thành đúng hạn',
      });
      expect((await listAudit(h.db, { entity: 'core.extension', entityId: request.id })).map((a) => a.action)).toEqual(['core.extension.decline', 'core.extension.request']);
      // No longer pending: the unit may ask again.
      const again = await sxd.extensions.request({ taskId: sxdTaskId, reason: 'Bổ sung hồ sơ', proposedDeadline: '2025-06-30' });
      expect(again.state).toBe('pending');
      expect((await sxd.extensions.list()).map((e) => e.state)).toEqual(['pending', 'declined']);
    });

    it('cancelling a task closes its pending request; a cancelled task cannot be extended', async () => {
      const task = await taskRow(sxdTaskId);
      await ubnd.tasks.cancel({ id: sxdTaskId, version: task.version, reason: 'Đã gộp vào nhiệm vụ khác' });
      const [closed] = await ubnd.extensions.list({ taskId: sxdTaskId });
      expect(closed).toMatchObject({ state: 'declined', decidedBy: person('ubnd'), decisionNote: 'Nhiệm vụ đã bị hủy: Đã gộp vào nhiệm vụ khác' });
      expect(await ubnd.extensions.list({ taskId: sxdTaskId, state: 'pending' })).toEqual([]);
      const cancelled = await rejection((await h.as('sxd')).extensions.request({ taskId: sxdTaskId, reason: 'x', proposedDeadline: '2025-08-31' }));
      expect(cancelled.code).toBe('BAD_REQUEST');
      expect(cancelled.message).toBe('Nhiệm vụ đã bị hủy.');
      const decideClosed = await rejection(ubnd.extensions.decide({ id: closed!.id, decision: 'approve' }));
      expect(decideClosed.code).toBe('CONFLICT');
    });

    it('messages follow the caller’s language', async () => {
      const english = await rejection((await h.as('sxd', { locale: 'en' })).extensions.request({ taskId: sxdTaskId, reason: 'x', proposedDeadline: '2025-08-31' }));
      expect(english.message).toBe('The task has been cancelled.');
      const decided = await rejection((await h.as('ubnd', { locale: 'en' })).extensions.decide({ id: extensionId, decision: 'approve' }));
      expect(decided.message).toBe('This extension request has already been decided by ubnd (approved).');
    });
  });
});

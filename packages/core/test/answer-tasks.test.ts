/**
 * Follow-up of an answer (issue 11, item 5): a coordinator turns the UBND's answer to an
 * escalation into a task for the unit it names, in one step through the giving-tasks flow;
 * the unit that raised the escalation sees the link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { listAudit } from '@dondoc/auth';
import { testBackends } from '@dondoc/db/testing';
import { directives, notifications } from '../src/server/schema.ts';
import { createCoreHarness, rejection, today, type CoreHarness } from './harness.ts';

describe.each(testBackends)('giving a task from an answer on %s', (backend) => {
  let h: CoreHarness;
  let escalationId: string;
  beforeAll(async () => {
    h = await createCoreHarness(backend);
    const raised = await (await h.coreApi('test-module', 'badinh')).escalations.raise({
      taskId: h.taskId('2458-1.6-Q001'),
      reason: 'Phần mềm một cửa của quận chưa kết nối được với Cổng dịch vụ công quốc gia',
      proposal: 'Đề nghị Thành phố chỉ đạo kết nối',
      link: { path: '/m/test-module/x', label: 'x' },
    });
    escalationId = raised.id;
  }, 120_000);
  afterAll(async () => h?.close());

  const input = () => ({
    escalationId,
    number: '987/UBND-KSTTHC',
    issuedOn: today(),
    leadUnitCode: 'STTTT',
    coordinatorUnitCodes: ['Q001'],
    title: 'Kết nối phần mềm một cửa của Quận Ba Đình với Cổng dịch vụ công quốc gia',
    content: 'Theo ý kiến trả lời kiến nghị của Quận Ba Đình.',
    deadline: '2027-03-31',
    continuous: false,
  });

  it('refuses before the escalation is answered, in the caller’s language', async () => {
    const refused = await rejection((await h.as('vp')).escalations.giveTask(input()));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toContain('chưa được trả lời');
  });

  it('gives the task in one step: a directive for the answer, the task issued to the unit named; the raising unit sees the link and is told', async () => {
    const vp = await h.as('vp');
    await vp.escalations.respond({ id: escalationId, response: 'Giao Sở Thông tin và Truyền thông chủ trì, phối hợp Quận Ba Đình hoàn thành kết nối trong quý I/2027.', close: false });
    const given = await vp.escalations.giveTask(input());
    expect(given.task.code).toBe('987-1');
    expect(given.task.leadUnitCode).toBe('STTTT');

    const [directive] = await h.db.select().from(directives).where(eq(directives.id, given.directiveId));
    expect(directive).toMatchObject({ number: '987/UBND-KSTTHC', state: 'issued', issuer: 'UBND Thành phố Hà Nội' });
    expect(directive!.fullText).toContain('Giao Sở Thông tin và Truyền thông chủ trì');

    // The unit given it sees it as its task; the coordinating unit too.
    const task = await (await h.as('stttt')).tasks.get({ id: given.task.id });
    expect(task).toMatchObject({ code: '987-1', deadline: '2027-03-31', leadUnit: { code: 'STTTT' } });

    // Quận Ba Đình, which raised it, sees the link on its task page and in the escalation list.
    const badinh = await h.as('badinh');
    const own = await badinh.tasks.get({ id: h.taskId('2458-1.6-Q001') });
    expect(own.escalations.find((e) => e.id === escalationId)?.followUpTask).toMatchObject({ id: given.task.id, code: '987-1', leadUnit: { code: 'STTTT' } });
    expect((await badinh.escalations.list({})).find((e) => e.id === escalationId)?.followUpTask?.code).toBe('987-1');
    const told = await h.db.select().from(notifications).where(eq(notifications.kind, 'escalation_followed_up'));
    expect(told).toMatchObject([{ unitCode: 'Q001', link: `/nhiem-vu/${h.taskId('2458-1.6-Q001')}` }]);
    expect(told[0]!.title).toContain('987-1');

    expect(await listAudit(h.db, { entity: 'core.escalation', entityId: escalationId })).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'core.escalation.task', actorUsername: 'vp', after: expect.objectContaining({ taskCode: '987-1' }) })]),
    );
  });

  it('an answer becomes a task once; a refused step (a number already used) writes nothing', async () => {
    const vp = await h.as('vp');
    const again = await rejection(vp.escalations.giveTask(input()));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('987-1');

    const other = await (await h.coreApi('test-module', 'badinh')).escalations.raise({ taskId: h.taskId('2458-1.6-Q001'), reason: 'Khác', link: { path: '/m/test-module/y', label: 'y' } });
    await vp.escalations.respond({ id: other.id, response: 'Giao Sở Nội vụ hướng dẫn.', close: false });
    const before = (await h.db.select().from(directives)).length;
    const duplicate = await rejection(vp.escalations.giveTask({ ...input(), escalationId: other.id, leadUnitCode: 'SNV' }));
    expect(duplicate.code).toBe('CONFLICT');
    expect((await h.db.select().from(directives)).length).toBe(before);
    expect((await vp.escalations.list({})).find((e) => e.id === other.id)?.followUpTask).toBeNull();
  });

  it('only who may give tasks may do it', async () => {
    expect((await rejection((await h.as('badinh')).escalations.giveTask(input()))).code).toBe('FORBIDDEN');
  });
});

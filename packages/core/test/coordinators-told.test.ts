/**
 * Issue 11, items 3 and 6: the core names people, never logins (full name, title, unit), and
 * tells the coordinators what waits for them — a report submitted, an escalation raised —
 * with a count of what waits on `/dieu-phoi`. The tests run in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@dondoc/db/testing';
import { peopleOf, personLine } from '../src/server/people.ts';
import { createCoreHarness, person, rejection, type CoreCaller, type CoreHarness } from './harness.ts';

type ReportView = Awaited<ReturnType<CoreCaller['reports']['get']>>;

describe.each(testBackends)('coordinators are told, by name (%s)', (backend) => {
  let h: CoreHarness;
  const PERIOD = '2023-Q4';
  const task16 = '2458-1.6-Q001';
  let reportId: string;
  let before: { reports: number; escalations: number; extensions: number; total: number };

  beforeAll(async () => {
    h = await createCoreHarness(backend);
  });
  afterAll(async () => h?.close());

  it('a person is named by full name, title and unit; the seed’s actor and unknown logins stay readable', async () => {
    expect(person('badinh')).toEqual({ username: 'badinh', fullName: 'Nguyễn Văn An', title: 'Trưởng phòng Nội vụ', unitCode: 'Q001', unitName: 'Quận Ba Đình' });
    const of = await peopleOf(h.db, ['badinh', 'du-lieu-mau', 'da-nghi', null], 'vi');
    expect(personLine(of('badinh')!)).toBe('Nguyễn Văn An, Trưởng phòng Nội vụ, Quận Ba Đình');
    expect(of('du-lieu-mau')).toMatchObject({ fullName: 'Dữ liệu mẫu (hệ thống)', title: null, unitName: null });
    expect((await peopleOf(h.db, ['du-lieu-mau'], 'en'))('du-lieu-mau')).toMatchObject({ fullName: 'Sample data (system)' });
    expect(of('da-nghi')).toEqual({ username: 'da-nghi', fullName: 'da-nghi', title: null, unitCode: null, unitName: null });
    expect(of(null)).toBeNull();
  });

  it('coordination.waiting is the coordinators’ own: a unit lead or officer is FORBIDDEN', async () => {
    before = await (await h.as('ubnd')).coordination.waiting();
    expect(before).toEqual({ reports: 0, escalations: 0, extensions: 0, total: 0 });
    expect((await rejection((await h.as('badinh')).coordination.waiting())).code).toBe('FORBIDDEN');
    expect((await rejection((await h.as('stc.cv')).coordination.waiting())).code).toBe('FORBIDDEN');
  });

  it('badinh submits with an obstacle beyond its authority: every coordinator’s unit is told of the report and the escalation, by name', async () => {
    const badinh = await h.as('badinh');
    const draft: ReportView = await badinh.reports.get({ periodId: PERIOD });
    const saved = await badinh.reports.save({
      periodId: PERIOD,
      version: null,
      items: draft.items.map((item) => ({
        taskId: item.task.id,
        progress: 50,
        ...(item.task.code === task16 ? { obstacles: 'Thiếu kinh phí số hóa', proposals: 'Bổ sung dự toán', beyondAuthority: true } : {}),
      })),
    });
    reportId = saved.id;
    expect(await badinh.reports.submit({ id: reportId, version: saved.version })).toMatchObject({ state: 'submitted', escalations: 1 });

    const link = `/bao-cao?ky=${PERIOD}&don-vi=Q001`;
    // ubnd (UBND) and vp (Văn phòng) are the coordinators: each unit has the two notices, newest first.
    for (const coordinator of ['ubnd', 'vp'] as const) {
      const notices = (await (await h.as(coordinator)).notifications.list()).filter((n) => n.kind === 'report_submitted' || n.kind === 'escalation_opened');
      expect(notices.map((n) => [n.kind, n.title, n.link, n.actor, n.read])).toEqual([
        ['report_submitted', 'Quận Ba Đình đã gửi báo cáo Quý IV/2023', link, person('badinh'), false],
        ['escalation_opened', 'Quận Ba Đình kiến nghị vượt thẩm quyền về nhiệm vụ 2458-1.6-Q001', `/nhiem-vu/${h.taskId(task16)}`, person('badinh'), false],
      ]);
    }
    // In English for a coordinator reading in English.
    const english = (await (await h.as('ubnd', { locale: 'en' })).notifications.list()).find((n) => n.kind === 'report_submitted');
    expect(english).toMatchObject({ title: 'Quận Ba Đình submitted its report for Q4 2023', body: 'The report waits to be accepted or returned.' });
    // A unit that coordinates nothing is not told; nor is the unit that submitted.
    expect((await (await h.as('sxd')).notifications.list()).filter((n) => n.kind === 'report_submitted')).toEqual([]);
    expect((await (await h.as('badinh')).notifications.list()).filter((n) => n.kind === 'report_submitted')).toEqual([]);
  });

  it('the Điều phối count goes up by the report and the escalation, and down as the coordinator deals with them', async () => {
    const ubnd = await h.as('ubnd');
    expect(await ubnd.coordination.waiting()).toEqual({ reports: 1, escalations: 1, extensions: 0, total: 2 });
    expect(await (await h.as('vp')).coordination.waiting()).toEqual({ reports: 1, escalations: 1, extensions: 0, total: 2 });
    const report = await ubnd.reports.get({ unitCode: 'Q001', periodId: PERIOD });
    await ubnd.reports.review({ id: reportId, version: report.report!.version, decision: 'accept' });
    const [escalation] = await ubnd.escalations.list({ state: 'open' });
    await ubnd.escalations.respond({ id: escalation!.id, response: 'Giao Sở Tài chính bổ sung dự toán', close: false });
    expect(await ubnd.coordination.waiting()).toEqual({ reports: 0, escalations: 0, extensions: 0, total: 0 });
    // The unit's notices name the coordinator who acted, never by login alone.
    const told = await (await h.as('badinh')).notifications.list();
    expect(told.find((n) => n.kind === 'report_accepted')).toMatchObject({ actor: person('ubnd'), body: 'Báo cáo đã được tiếp nhận.' });
    expect(told.find((n) => n.kind === 'escalation_answered')).toMatchObject({ actor: person('ubnd') });
  });

  it('the report’s versions, the task’s history and audit trail name the people', async () => {
    const ubnd = await h.as('ubnd');
    const view = await ubnd.reports.get({ unitCode: 'Q001', periodId: PERIOD });
    expect(view.versions[0]).toMatchObject({ submittedBy: person('badinh'), reviewedBy: person('ubnd') });
    expect(await ubnd.reports.version({ reportId, number: 1 })).toMatchObject({ submittedBy: person('badinh'), reviewedBy: person('ubnd') });
    const task = await ubnd.tasks.get({ id: h.taskId(task16) });
    expect(task.history[0]).toMatchObject({ by: person('badinh'), progress: 50 });
    expect(task.audit[0]).toMatchObject({ actor: person('badinh'), action: 'core.task.report' });
    expect(task.escalations[0]).toMatchObject({ respondedBy: person('ubnd') });
    const [queued] = await ubnd.reports.list({ periodId: PERIOD });
    expect(queued).toMatchObject({ submittedBy: person('badinh') });
  });
});

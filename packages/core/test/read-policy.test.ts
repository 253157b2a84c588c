/**
 * Every read path follows the reports and escalations policy (src/server/visibility.ts). Sở Nội
 * vụ leads the parent of 2458-1.2-Q001 (clause 1.2, given to every unit), so `snv` reads that
 * task of Quận Ba Đình; Ba Đình's report and its escalations stay Ba Đình's and the
 * coordinators': `reports.get` answers `snv` FORBIDDEN, and no other answer may carry them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@dondoc/db/testing';
import { periodForData, type Period } from '../src/domain/index.ts';
import { createCoreHarness, rejection, today, type CoreCaller, type CoreHarness } from './harness.ts';

/** A word only Ba Đình's report contains: found in an answer, the report leaked into it. */
const MARK = 'MAU-BADINH-7F3A';
const TASK = '2458-1.2-Q001';

describe.each(testBackends)('the reports and escalations policy on every read path on %s', (backend) => {
  let h: CoreHarness;
  let period: Period;
  let taskId: string;
  let reportId: string;
  let version: number;
  let badinh: CoreCaller;
  let snv: CoreCaller;
  let ubnd: CoreCaller;

  beforeAll(async () => {
    h = await createCoreHarness(backend);
    period = periodForData('quarter', today());
    taskId = h.taskId(TASK);
    [badinh, snv, ubnd] = await Promise.all([h.as('badinh'), h.as('snv'), h.as('ubnd')]);
    const view = await badinh.reports.get({ periodId: period.id });
    expect(view.items.map((i) => i.task.code)).toContain(TASK);
    const items = view.items.map((i) => ({
      taskId: i.task.id,
      progress: 40,
      // The result becomes the task's own on submission (the task's readers see it): no mark in it.
      result: 'Đang triển khai',
      ...(i.task.code === TASK ? { beyondAuthority: true, obstacles: `Vướng mắc ${MARK}`, proposals: `Đề xuất ${MARK}` } : {}),
    }));
    const saved = await badinh.reports.save({ periodId: period.id, version: null, items });
    reportId = saved.id;
    version = saved.version;
  });
  afterAll(async () => h?.close());

  it('a draft: snv reads the task but not Ba Đình’s report line on it; Ba Đình and the coordinator do', async () => {
    expect((await rejection(snv.reports.get({ unitCode: 'Q001', periodId: period.id }))).code).toBe('FORBIDDEN');
    const seen = await snv.tasks.get({ id: taskId });
    expect(seen.code).toBe(TASK);
    expect(seen.parent?.leadUnit.code).toBe('SNV');
    expect(seen.reports).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain(MARK);
    for (const reader of [badinh, ubnd]) {
      const task = await reader.tasks.get({ id: taskId });
      expect(task.reports).toMatchObject([{ reportId, unitCode: 'Q001', state: 'draft', obstacles: `Vướng mắc ${MARK}`, beyondAuthority: true }]);
    }
  });

  it('a draft, through the module API (tasks.get for Sở Nội vụ’s module, as snv): no report line either', async () => {
    const api = await h.coreApi('noi-vu', 'snv');
    const seen = await api.tasks.get(TASK);
    expect(seen.code).toBe(TASK);
    expect(seen.reports).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain(MARK);
    // The module acting for the system (no caller) reads every unit.
    expect((await (await h.coreApi('noi-vu', null)).tasks.get(TASK)).reports).toHaveLength(1);
  });

  it('submitted with an obstacle beyond its authority: snv sees neither the line nor the escalation; the coordinator and Ba Đình do', async () => {
    const submitted = await badinh.reports.submit({ id: reportId, version });
    expect(submitted.escalations).toBe(1);
    expect(await snv.escalations.list({})).toEqual([]);
    const seen = await snv.tasks.get({ id: taskId });
    expect(seen.reports).toEqual([]);
    expect(seen.escalations).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain(MARK);
    expect((await (await h.coreApi('noi-vu', 'snv')).tasks.get(TASK)).escalations).toEqual([]);
    for (const reader of [badinh, ubnd]) {
      const task = await reader.tasks.get({ id: taskId });
      expect(task.escalations).toMatchObject([{ state: 'open', obstacle: `Vướng mắc ${MARK}`, proposal: `Đề xuất ${MARK}` }]);
      expect(task.reports).toMatchObject([{ reportId, state: 'submitted' }]);
      expect((await reader.escalations.list({})).map((e) => e.task.code)).toContain(TASK);
    }
  });

  it('no other answer snv gets carries Ba Đình’s report or escalation', async () => {
    const directive = (await snv.directives.list()).find((d) => d.number.startsWith('2458'));
    expect(directive).toBeDefined();
    const api = await h.coreApi('noi-vu', 'snv');
    const answers: Record<string, unknown> = {
      'tasks.list': await snv.tasks.list({ unitCode: 'Q001', limit: 200 }),
      'tasks.links': await snv.tasks.links({ id: taskId }),
      'tasks.flagged': await snv.tasks.flagged({}),
      'overview.summary': await snv.overview.summary({}),
      'directives.list': await snv.directives.list(),
      'directives.get': await snv.directives.get({ id: directive!.id }),
      'extensions.list': await snv.extensions.list({ taskId }),
      'notifications.list': await snv.notifications.list({}),
      'reports.list': await snv.reports.list({}),
      'escalations.list': await snv.escalations.list({}),
      'core API tasks.list': await api.tasks.list({ unitCode: 'Q001', limit: 200 }),
      'core API reports.period': await api.reports.period(period.id),
    };
    const leaking = Object.entries(answers)
      .filter(([, answer]) => JSON.stringify(answer).includes(MARK) || JSON.stringify(answer).includes(reportId))
      .map(([path]) => path);
    expect(leaking).toEqual([]);
    // The coordinator's answers do carry them: the probe would see a leak.
    expect(JSON.stringify(await ubnd.escalations.list({}))).toContain(MARK);
  });
});

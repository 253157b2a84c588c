/**
 * Issue 11, item 1, on the server: what a person typed is never changed without telling them.
 * Progress over 100, an impossible date and a text over its limit are refused (400) in the
 * caller's language with the forms' words, and nothing is written; a save that changes nothing
 * writes no version, no history row and no audit row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@dondoc/auth';
import { testBackends } from '@dondoc/db/testing';
import { periodForData } from '../src/domain/index.ts';
import { createCoreHarness, inputProblems, rejection, today, type CoreHarness } from './harness.ts';

describe.each(testBackends)('input rules on %s', (backend) => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await createCoreHarness(backend);
  });
  afterAll(async () => h?.close());

  it('progress 150 is refused with "Tiến độ phải từ 0 đến 100", in English for an English caller; nothing is saved', async () => {
    const id = h.taskId('2458-1.1-STC');
    for (const progress of [150, -1, 12.5]) {
      const refused = await rejection((await h.as('stc.cv')).tasks.update({ id, version: 1, progress }));
      expect(refused.code, String(progress)).toBe('BAD_REQUEST');
      expect(inputProblems(refused)).toEqual(['Tiến độ phải từ 0 đến 100 (số nguyên).']);
      expect(inputProblems(refused, 'en')).toEqual(['Progress must be a whole number from 0 to 100.']);
    }
    const period = periodForData('quarter', today());
    const report = await rejection((await h.as('stc.cv')).reports.save({ periodId: period.id, version: null, items: [{ taskId: id, progress: 150 }] }));
    expect(inputProblems(report)).toEqual(['Tiến độ phải từ 0 đến 100 (số nguyên).']);
    const task = await (await h.as('stc.cv')).tasks.get({ id });
    expect(task).toMatchObject({ progress: 0, version: 1 });
    expect((await (await h.as('stc.cv')).reports.get({ periodId: period.id })).report).toBeNull();
    expect(await listAudit(h.db, { entity: 'core.task', entityId: id })).toHaveLength(0);
  });

  it('an impossible date is refused, never moved to another day', async () => {
    const id = h.taskId('2458-1.1-STC');
    const refused = await rejection((await h.as('stc.cv')).tasks.update({ id, version: 1, progress: 100, completedOn: '2025-11-31', resultDocNumber: '1/KQ', resultDocDate: '2025-11-30' }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(inputProblems(refused)).toEqual(['Ngày phải có dạng YYYY-MM-DD và là một ngày có thật, năm từ 1900 đến 2999.']);
    expect(inputProblems(refused, 'en')).toEqual(['Date must be YYYY-MM-DD, a real day in years 1900 to 2999.']);
    expect((await (await h.as('stc.cv')).tasks.get({ id })).completedOn).toBeNull();
  });

  it('a text over its limit is refused with the limit, not cut', async () => {
    const id = h.taskId('2458-1.1-STC');
    const refused = await rejection((await h.as('stc.cv')).tasks.update({ id, version: 1, progress: 10, note: 'x'.repeat(2001) }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(inputProblems(refused)).toEqual(['Nội dung dài quá 2.000 ký tự: hãy rút gọn trước khi lưu.']);
    expect(inputProblems(refused, 'en')).toEqual(['The text is longer than 2,000 characters: shorten it before saving.']);
    const result = await rejection((await h.as('stc.cv')).tasks.update({ id, version: 1, progress: 10, result: 'x'.repeat(5001) }));
    expect(inputProblems(result)).toEqual(['Nội dung dài quá 5.000 ký tự: hãy rút gọn trước khi lưu.']);
    expect((await (await h.as('stc.cv')).tasks.get({ id })).history).toEqual([]);
  });

  it('a task update that changes nothing writes no version, no history row and no audit row', async () => {
    const caller = await h.as('stc.cv');
    const id = h.taskId('2458-1.2-STC');
    const first = await caller.tasks.update({ id, version: 1, progress: 40, result: 'Đã rà soát', note: 'Lần đầu' });
    expect(first).toMatchObject({ version: 2, unchanged: false });
    const again = await caller.tasks.update({ id, version: 2, progress: 40, result: 'Đã rà soát', note: null });
    expect(again).toEqual({ id, version: 2, progress: 40, completedOn: null, completionEnteredOn: null, unchanged: true });
    const task = await caller.tasks.get({ id });
    expect(task.version).toBe(2);
    expect(task.history).toHaveLength(1);
    expect(await listAudit(h.db, { entity: 'core.task', entityId: id })).toHaveLength(1);
    // A note alone is a change: it is kept in the history.
    expect(await caller.tasks.update({ id, version: 2, progress: 40, result: 'Đã rà soát', note: 'Đã họp' })).toMatchObject({ version: 3, unchanged: false });
    // A stale version is still CONFLICT, changed or not.
    expect((await rejection(caller.tasks.update({ id, version: 2, progress: 40, result: 'Đã rà soát' }))).code).toBe('CONFLICT');
  });

  it('a report save that changes nothing writes no version and no audit row', async () => {
    const caller = await h.as('stc.cv');
    const period = periodForData('quarter', today());
    const view = await caller.reports.get({ periodId: period.id });
    const items = view.items.slice(0, 2).map((item) => ({ taskId: item.task.id, progress: 20, result: 'Đang làm', obstacles: null, proposals: null, beyondAuthority: false }));
    const saved = await caller.reports.save({ periodId: period.id, version: null, items });
    expect(saved).toMatchObject({ version: 1, unchanged: false });
    const same = await caller.reports.save({ periodId: period.id, version: 1, items: items.map(({ obstacles: _o, proposals: _p, ...rest }) => rest) });
    expect(same).toEqual({ id: saved.id, version: 1, state: 'draft', unchanged: true });
    expect(await listAudit(h.db, { entity: 'core.report', entityId: saved.id })).toHaveLength(1);
    const changed = await caller.reports.save({ periodId: period.id, version: 1, items: [{ ...items[0]!, progress: 25 }] });
    expect(changed).toMatchObject({ version: 2, unchanged: false });
    expect((await rejection(caller.reports.save({ periodId: period.id, version: 1, items }))).code).toBe('CONFLICT');
  });
});

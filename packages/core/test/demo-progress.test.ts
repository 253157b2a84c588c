import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgress2458 } from '../src/server/index.ts';
import { createCoreHarness, type CoreHarness } from './harness.ts';

/** The demo's state of directive 2458: a mix a coordinator can read, not a wall of overdue tasks. */
describe('demo progress of directive 2458', () => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await createCoreHarness('pglite');
  });
  afterAll(async () => h?.close());

  it('gives a mix of done on time, done late and overdue tasks, and measurements to the manual targets', async () => {
    expect(await seedDemoProgress2458(h.db, '2026-11-27')).toEqual({ updated: 573 });
    const summary = await (await h.as('ubnd')).overview.summary({ asOf: '2026-11-27' });
    // 1.1, 1.4 and 1.6 (51 units each) and 5.2, 6.2, 2.2, 3.1 have deadlines: 157 tasks, all past by 27/11/2026.
    expect(summary.totals.done_on_time + summary.totals.done_late + summary.totals.overdue).toBe(157);
    expect(summary.totals.done_on_time).toBeGreaterThan(80);
    expect(summary.totals.done_late).toBeGreaterThan(10);
    expect(summary.totals.overdue).toBeGreaterThan(5);
    expect(summary.totals.completionRate).toBeGreaterThan(0.7);
    expect(summary.totals.completionRate).toBeLessThan(1);
    const targets = await (await h.as('ubnd')).targets.list({ asOf: '2026-11-27' });
    expect(targets.find((t) => t.code === '2458-CT1')?.forecast.class).toBe('met');
    expect(targets.find((t) => t.code === '2458-CT2')?.forecast.class).toBe('off_track');
  });

  it('is deterministic and runs once: a second call changes nothing', async () => {
    expect(await seedDemoProgress2458(h.db, '2026-11-27')).toEqual({ updated: 0 });
    const task = await (await h.as('stc')).tasks.list({ q: '2458-1.6-STC', asOf: '2026-11-27' });
    expect(task.items[0]?.status).toMatch(/^done_/);
    // Its completion carries a result document, so the unit can go on updating it.
    const detail = await (await h.as('stc')).tasks.get({ id: task.items[0]!.id });
    expect(detail).toMatchObject({ resultDocNumber: expect.stringMatching(/^\d+\/BC-STC$/), resultDocDate: detail.completedOn });
    const updated = await (await h.as('stc')).tasks.update({ id: detail.id, version: detail.version, progress: 100, result: 'Đã báo cáo kết quả' });
    expect(updated.completedOn).toBe(detail.completedOn);
  });
});

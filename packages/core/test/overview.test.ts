/**
 * overview.summary on directive 2458, checked against counts made by hand.
 *
 * The seed, by lead unit. 21 departments + 30 districts = 51 units each get a child of the
 * nine §1 clauses; the twelve duties of §2–§6 go to one unit each. Deadlines:
 *   1.1 → 31/12/2023   1.4 → 31/12/2025   1.6 → 30/9/2023 ("trong tháng 9 năm 2023")
 *   1.2, 1.3, 1.5, 1.7, 1.8, 1.9 → continuous (thường xuyên)
 *   2.2 (VP), 3.1 (STC) → 31/12/2025   5.2 (SKHDT), 6.2 (SNV) → 31/12/2023
 *   2.1, 2.3 (VP), 3.2 (STC), 4.1, 4.2 (STTTT), 5.1 (SKHDT), 6.1, 6.3 (SNV) → continuous
 * So 6 × 51 + 8 = 314 continuous tasks, and 3 × 51 + 4 = 157 with a deadline: 471 leaves.
 *
 * statusPeriodEnd(asOf) is the end of the data window of the quarter asOf's figures belong
 * to (15th of the month before the quarter → 14th of its last month). An unfinished task is
 * overdue when its deadline is before asOf, in progress when the deadline falls between
 * asOf and that window end, not yet due after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@dondoc/db/testing';
import { emptyStatusCounts, type StatusCounts } from '../src/domain/index.ts';
import { AUTONOMY_TARGET_CODE, statusPeriodEnd } from '../src/server/index.ts';
import { createCoreHarness, rejection, type CoreCaller, type CoreHarness } from './harness.ts';

const counts = (partial: Partial<StatusCounts>): StatusCounts => ({ ...emptyStatusCounts(), ...partial });
type Summary = Awaited<ReturnType<CoreCaller['overview']['summary']>>;
const unit = (summary: Summary, code: string) => summary.units.find((u) => u.code === code);

describe.each(testBackends)('overview.summary on %s', (backend) => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await createCoreHarness(backend);
  });
  afterAll(async () => h?.close());

  describe('the seeded directive, nothing done yet', () => {
    it('as of 2023-10-15: 1.6 overdue everywhere; the 31/12 deadlines fall after Q4’s window and are not yet due', async () => {
      // 15/10/2023 belongs to Q4 2023, whose data window ends 14/12/2023.
      expect(statusPeriodEnd('2023-10-15')).toBe('2023-12-14');
      const summary = await (await h.as('ubnd')).overview.summary({ asOf: '2023-10-15' });
      // overdue: 1.6 × 51 (30/9 < 15/10).
      // not due: 1.1 × 51 (31/12/2023 > 14/12), 1.4 × 51 (2025), 2.2, 3.1 (2025), 5.2, 6.2 (31/12/2023) = 106.
      // continuous: 314. Due = 51 overdue, none done: completion rate 0.
      expect(summary).toMatchObject({
        asOf: '2023-10-15',
        totals: { ...counts({ overdue: 51, not_due: 106, continuous: 314 }), due: 51, completionRate: 0 },
        targets: { met: 0, on_track: 0, at_risk: 0, off_track: 3 },
      });
      // Every department and district leads tasks; the UBND itself leads none.
      expect(summary.units).toHaveLength(51);
      expect(summary.units.map((u) => u.code)).not.toContain('UBND');
      // STC: §1 → 1.1, 1.4 not due, 1.6 overdue, six continuous; 3.1 not due, 3.2 continuous.
      expect(unit(summary, 'STC')).toEqual({ code: 'STC', name: 'Sở Tài chính', counts: counts({ not_due: 3, overdue: 1, continuous: 7 }), completionRate: 0 });
      // VP: §1 as STC, plus 2.2 not due, 2.1 and 2.3 continuous (4.2 it only coordinates: counted for STTTT).
      expect(unit(summary, 'VP')?.counts).toEqual(counts({ not_due: 3, overdue: 1, continuous: 8 }));
      expect(unit(summary, 'STTTT')?.counts).toEqual(counts({ not_due: 2, overdue: 1, continuous: 8 }));
      expect(unit(summary, 'SKHDT')?.counts).toEqual(counts({ not_due: 3, overdue: 1, continuous: 7 }));
      expect(unit(summary, 'SNV')?.counts).toEqual(counts({ not_due: 3, overdue: 1, continuous: 8 }));
      // A unit with only its §1 tasks.
      expect(unit(summary, 'SXD')?.counts).toEqual(counts({ not_due: 2, overdue: 1, continuous: 6 }));
      expect(unit(summary, 'Q001')).toMatchObject({ name: expect.stringContaining('Ba Đình'), counts: counts({ not_due: 2, overdue: 1, continuous: 6 }) });
      // The units add up to the totals.
      const sum = emptyStatusCounts();
      for (const u of summary.units) for (const [s, n] of Object.entries(u.counts)) sum[s as keyof StatusCounts] += n;
      expect(sum).toEqual(counts({ overdue: 51, not_due: 106, continuous: 314 }));
    });

    it('as of 2023-12-20: the 31/12/2023 deadlines fall inside Q1 2024’s window and are in progress', async () => {
      // From 15/12/2023 figures belong to Q1 2024, whose data window ends 14/3/2024.
      expect(statusPeriodEnd('2023-12-20')).toBe('2024-03-14');
      const summary = await (await h.as('ubnd')).overview.summary({ asOf: '2023-12-20' });
      // in progress: 1.1 × 51, 5.2, 6.2 = 53; overdue: 1.6 × 51; not due: 1.4 × 51, 2.2, 3.1 = 53.
      expect(summary.totals).toEqual({ ...counts({ in_progress: 53, overdue: 51, not_due: 53, continuous: 314 }), due: 104, completionRate: 0 });
      expect(unit(summary, 'SNV')?.counts).toEqual(counts({ in_progress: 2, overdue: 1, not_due: 1, continuous: 8 }));
    });

    it('around the data window’s edge: 1.6 (30/9) is not yet due as of 14/9/2023 and in progress from 15/9', async () => {
      const ubnd = await h.as('ubnd');
      // 14/9/2023 is the last day of Q3's window: every deadline is after it, nothing is due, so there is no rate.
      const before = await ubnd.overview.summary({ asOf: '2023-09-14' });
      expect(before.totals).toEqual({ ...counts({ not_due: 157, continuous: 314 }), due: 0, completionRate: null });
      expect(unit(before, 'STC')?.completionRate).toBeNull();
      // 15/9/2023 opens Q4's window (to 14/12/2023): 1.6's deadline is in it.
      const after = await ubnd.overview.summary({ asOf: '2023-09-15' });
      expect(after.totals).toEqual({ ...counts({ in_progress: 51, not_due: 106, continuous: 314 }), due: 51, completionRate: 0 });
    });

    it('as of 2026-01-15: every deadline of the seed has passed', async () => {
      const summary = await (await h.as('ubnd')).overview.summary({ asOf: '2026-01-15' });
      // overdue: 1.1, 1.4, 1.6 × 51 + 2.2, 3.1, 5.2, 6.2 = 157; continuous 314.
      expect(summary.totals).toEqual({ ...counts({ overdue: 157, continuous: 314 }), due: 157, completionRate: 0 });
      expect(unit(summary, 'STC')?.counts).toEqual(counts({ overdue: 4, continuous: 7 }));
      expect(unit(summary, 'SXD')?.counts).toEqual(counts({ overdue: 3, continuous: 6 }));
      expect(summary.targets).toEqual({ met: 0, on_track: 0, at_risk: 0, off_track: 3 });
    });
  });

  describe('after units report completions', () => {
    beforeAll(async () => {
      const complete = async (username: Parameters<CoreHarness['as']>[0], code: string, completedOn: string) =>
        (await h.as(username)).tasks.update({ id: h.taskId(code), version: 1, progress: 100, completedOn });
      await complete('stc.cv', '2458-1.6-STC', '2023-09-30'); // on the deadline day: on time
      await complete('sxd', '2458-1.6-SXD', '2023-10-05'); // five days late
      await complete('badinh', '2458-1.1-Q001', '2023-12-20'); // before 31/12/2023
      await complete('stc', '2458-3.1', '2025-11-30'); // before 31/12/2025
      await complete('snv', '2458-6.3', '2024-06-30'); // continuous: stays continuous
    });

    it('as of 2023-10-15: one done on time, one done late; completions dated later do not count yet', async () => {
      const summary = await (await h.as('ubnd')).overview.summary({ asOf: '2023-10-15' });
      // 1.6: STC done on time, SXD done late, 49 overdue. 1.1-Q001 (20/12) and 3.1 (2025) are
      // completed after 15/10/2023: still not due. Due 51, done 2.
      expect(summary.totals).toEqual({ ...counts({ done_on_time: 1, done_late: 1, overdue: 49, not_due: 106, continuous: 314 }), due: 51, completionRate: 2 / 51 });
      expect(unit(summary, 'STC')).toMatchObject({ counts: counts({ done_on_time: 1, not_due: 3, continuous: 7 }), completionRate: 1 });
      expect(unit(summary, 'SXD')).toMatchObject({ counts: counts({ done_late: 1, not_due: 2, continuous: 6 }), completionRate: 1 });
      expect(unit(summary, 'Q001')).toMatchObject({ counts: counts({ overdue: 1, not_due: 2, continuous: 6 }), completionRate: 0 });
      expect(unit(summary, 'SNV')?.counts.continuous).toBe(8);
    });

    it('as of 2023-10-01: SXD’s completion of 5/10 has not happened yet, the task is overdue', async () => {
      const summary = await (await h.as('ubnd')).overview.summary({ asOf: '2023-10-01' });
      expect(summary.totals).toMatchObject({ done_on_time: 1, done_late: 0, overdue: 50, due: 51, completionRate: 1 / 51 });
    });

    it('as of 2023-12-20: Ba Đình’s 1.1 is done on time, the other fifty in progress', async () => {
      const summary = await (await h.as('ubnd')).overview.summary({ asOf: '2023-12-20' });
      // done on time: 1.6-STC, 1.1-Q001; done late: 1.6-SXD; overdue: 49 of 1.6;
      // in progress: 50 of 1.1 + 5.2 + 6.2 = 52; not due: 1.4 × 51 + 2.2 + 3.1 = 53. Due 104, done 3.
      expect(summary.totals).toEqual({
        ...counts({ done_on_time: 2, done_late: 1, overdue: 49, in_progress: 52, not_due: 53, continuous: 314 }),
        due: 104,
        completionRate: 3 / 104,
      });
      expect(unit(summary, 'Q001')).toMatchObject({ counts: counts({ done_on_time: 1, overdue: 1, not_due: 1, continuous: 6 }), completionRate: 0.5 });
    });

    it('as of 2026-01-15: four done (three on time), the rest of the deadlines overdue', async () => {
      const summary = await (await h.as('ubnd')).overview.summary({ asOf: '2026-01-15' });
      // done on time: 1.6-STC, 1.1-Q001, 3.1; done late: 1.6-SXD;
      // overdue: 157 − 4 = 153 (1.1: 50, 1.4: 51, 1.6: 49, 2.2, 5.2, 6.2).
      expect(summary.totals).toEqual({ ...counts({ done_on_time: 3, done_late: 1, overdue: 153, continuous: 314 }), due: 157, completionRate: 4 / 157 });
      // STC: 1.6 and 3.1 done on time, 1.1 and 1.4 overdue: 2 of 4.
      expect(unit(summary, 'STC')).toMatchObject({ counts: counts({ done_on_time: 2, overdue: 2, continuous: 7 }), completionRate: 0.5 });
    });

    it('a unit’s users see their own unit only; the administrator sees every unit', async () => {
      for (const username of ['stc', 'stc.cv'] as const) {
        const summary = await (await h.as(username)).overview.summary({ asOf: '2026-01-15' });
        expect(summary.units.map((u) => u.code)).toEqual(['STC']);
        expect(summary.totals).toEqual({ ...counts({ done_on_time: 2, overdue: 2, continuous: 7 }), due: 4, completionRate: 0.5 });
      }
      const badinh = await (await h.as('badinh')).overview.summary({ asOf: '2026-01-15' });
      expect(badinh.units.map((u) => u.code)).toEqual(['Q001']);
      expect(badinh.totals).toEqual({ ...counts({ done_on_time: 1, overdue: 2, continuous: 6 }), due: 3, completionRate: 1 / 3 });
      // SNV leads the parent of 1.1 and coordinates 3.2, but counts only the tasks it leads.
      const snv = await (await h.as('snv')).overview.summary({ asOf: '2026-01-15' });
      expect(snv.units.map((u) => u.code)).toEqual(['SNV']);
      expect(snv.totals).toEqual({ ...counts({ overdue: 4, continuous: 8 }), due: 4, completionRate: 0 });
      const admin = await (await h.as('admin')).overview.summary({ asOf: '2026-01-15' });
      expect(admin.units).toHaveLength(51);
      expect(admin.totals.due).toBe(157);
    });

    it('a malformed date is BAD_REQUEST; no session is UNAUTHORIZED', async () => {
      expect((await rejection((await h.as('ubnd')).overview.summary({ asOf: '2026-02-30' }))).code).toBe('BAD_REQUEST');
      expect((await rejection(h.anonymous().overview.summary({ asOf: '2026-01-15' }))).code).toBe('UNAUTHORIZED');
    });
  });

  describe('targets by forecast class', () => {
    it('counts the targets’ classes as of the date asked', async () => {
      const vp = await h.as('vp');
      // Asked before any measurement (the answer is cached until a measurement changes).
      expect((await (await h.as('ubnd')).overview.summary({ asOf: '2025-01-15' })).targets).toEqual({ met: 0, on_track: 0, at_risk: 0, off_track: 3 });
      // CT1: 11 on 31/12/2024 → the line from 0 (8/8/2023) reaches 11 × 876/511 ≈ 18.9 by 31/12/2025: at risk.
      await vp.targets.record({ code: '2458-CT1', value: 11, asOf: '2024-12-31' });
      // CT2: 20 already: met.
      await vp.targets.record({ code: '2458-CT2', value: 20, asOf: '2024-12-31' });
      // CT3 (module tai-chinh): 5 on 31/12/2024 from 0 on 6/7/2022 → ≈ 7.0 by 31/12/2025: off track.
      await (await h.coreApi('tai-chinh', 'stc')).targets.recordMeasurement(AUTONOMY_TARGET_CODE, { value: 5, asOf: '2024-12-31' });

      const ubnd = await h.as('ubnd');
      expect((await ubnd.overview.summary({ asOf: '2025-01-15' })).targets).toEqual({ met: 1, on_track: 0, at_risk: 1, off_track: 1 });
      // Before the measurements were taken nothing was known.
      expect((await ubnd.overview.summary({ asOf: '2024-12-30' })).targets).toEqual({ met: 0, on_track: 0, at_risk: 0, off_track: 3 });
      // After the target date only what was reached counts: CT2 met, the others missed.
      expect((await ubnd.overview.summary({ asOf: '2026-01-15' })).targets).toEqual({ met: 1, on_track: 0, at_risk: 0, off_track: 2 });
      const list = await ubnd.targets.list({ asOf: '2025-01-15' });
      expect(list.map((t) => [t.code, t.forecast.class])).toEqual([
        ['2458-CT1', 'at_risk'],
        ['2458-CT2', 'met'],
        ['2458-CT3', 'off_track'],
      ]);
    });
  });
});

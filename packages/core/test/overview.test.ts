/**
 * overview.summary on directive 2458, checked against counts made by hand.
 *
 * The seed, by lead unit. 21 departments + 30 districts = 51 units each get a child of the
 * eleven §1 clauses (1.3 and 1.8 are split in two: 1.3a/1.3b, 1.8a/1.8b); the twelve duties
 * of §2–§6 go to one unit each. Deadlines:
 *   1.1 → 31/12/2023   1.4 → 31/12/2025   1.6 → 30/9/2023 ("trong tháng 9 năm 2023")
 *   1.2, 1.3a, 1.3b, 1.5, 1.7, 1.8a, 1.8b, 1.9 → continuous (thường xuyên)
 *   2.2 (VP), 3.1 (STC) → 31/12/2025   5.2 (SKHDT), 6.2 (SNV) → 31/12/2023
 *   2.1, 2.3 (VP), 3.2 (STC), 4.1, 4.2 (STTTT), 5.1 (SKHDT), 6.1, 6.3 (SNV) → continuous
 * So 8 × 51 + 8 = 416 continuous tasks, and 3 × 51 + 4 = 157 with a deadline: 573 leaves.
 *
 * The rule (domain/status.ts): an unfinished task is overdue once its deadline is before the
 * as-of date, otherwise within deadline — whatever the reporting period. Completion rate =
 * done ÷ (done + overdue); tasks within deadline and continuous ones are outside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testBackends } from '@dondoc/db/testing';
import { emptyStatusCounts, type StatusCounts } from '../src/domain/index.ts';
import { overviewSummary } from '../src/server/overview.ts';
import { createCoreHarness, declareTestModuleTarget, rejection, TEST_MODULE_TARGET, today, type CoreCaller, type CoreHarness } from './harness.ts';

const AUTONOMY_TARGET_CODE = TEST_MODULE_TARGET.code;

const counts = (partial: Partial<StatusCounts>): StatusCounts => ({ ...emptyStatusCounts(), ...partial });
type Summary = Awaited<ReturnType<CoreCaller['overview']['summary']>>;
const unit = (summary: Summary, code: string) => summary.units.find((u) => u.code === code);

describe.each(testBackends)('overview.summary on %s', (backend) => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await createCoreHarness(backend);
    // The counts below have three targets of the directive: the core's CT1 and CT2 and the module
    // target CT3, declared here as its module (tai-chinh) declares it on load; and the five index
    // scorecards' targets of 2023 (see `scorecardTargets`).
    await declareTestModuleTarget(h);
  });
  afterAll(async () => h?.close());

  describe('the seeded directive, nothing done yet', () => {
    it('as of 2023-10-15: 1.6 overdue everywhere; every later deadline is within deadline', async () => {
      const summary = await (await h.as('ubnd')).overview.summary({ asOf: '2023-10-15' });
      // overdue: 1.6 × 51 (30/9 < 15/10).
      // within deadline: 1.1 × 51 (31/12/2023), 1.4 × 51 (2025), 2.2, 3.1 (2025), 5.2, 6.2 (31/12/2023) = 106.
      // continuous: 416. Nothing done: 0 ÷ (0 + 51) = 0.
      // Due in Q4 2023 (01/10–31/12): 1.1 × 51 + 5.2 + 6.2 = 53.
      expect(summary).toMatchObject({
        asOf: '2023-10-15',
        period: { id: '2023-Q4', start: '2023-10-01', end: '2023-12-31' },
        totals: { ...counts({ overdue: 51, in_progress: 106, continuous: 416 }), total: 573, completionRate: 0, dueInPeriod: 53, extended: 0, flagged: 0 },
        // No measurement yet: no target of the directive has two readings a reporting period apart.
        targets: withScorecards({ met: 0, on_track: 0, at_risk: 0, off_track: 0, insufficient_data: 3 }, 'one reading'),
      });
      // Every department and district leads tasks; the UBND itself leads none.
      expect(summary.units).toHaveLength(51);
      expect(summary.units.map((u) => u.code)).not.toContain('UBND');
      // STC: §1 → 1.1, 1.4 within deadline, 1.6 overdue, eight continuous; 3.1 within deadline, 3.2 continuous.
      expect(unit(summary, 'STC')).toEqual({
        code: 'STC',
        name: 'Sở Tài chính',
        kind: 'department',
        // No department has a rate yet but those with 1.6 overdue: 0 ÷ (0 + 1) = 0 for each, all first.
        rank: 1,
        counts: counts({ in_progress: 3, overdue: 1, continuous: 9 }),
        total: 13,
        completionRate: 0,
        dueInPeriod: 1,
        extended: 0,
        flagged: 0,
      });
      // VP: §1 as STC, plus 2.2 within deadline, 2.1 and 2.3 continuous (4.2 it only coordinates: counted for STTTT).
      expect(unit(summary, 'VP')?.counts).toEqual(counts({ in_progress: 3, overdue: 1, continuous: 10 }));
      expect(unit(summary, 'STTTT')?.counts).toEqual(counts({ in_progress: 2, overdue: 1, continuous: 10 }));
      expect(unit(summary, 'SKHDT')?.counts).toEqual(counts({ in_progress: 3, overdue: 1, continuous: 9 }));
      expect(unit(summary, 'SNV')).toMatchObject({ counts: counts({ in_progress: 3, overdue: 1, continuous: 10 }), dueInPeriod: 2 });
      // A unit with only its §1 tasks.
      expect(unit(summary, 'SXD')?.counts).toEqual(counts({ in_progress: 2, overdue: 1, continuous: 8 }));
      expect(unit(summary, 'Q001')).toMatchObject({ name: expect.stringContaining('Ba Đình'), counts: counts({ in_progress: 2, overdue: 1, continuous: 8 }) });
      // The units add up to the totals.
      const sum = emptyStatusCounts();
      for (const u of summary.units) for (const [s, n] of Object.entries(u.counts)) sum[s as keyof StatusCounts] += n;
      expect(sum).toEqual(counts({ overdue: 51, in_progress: 106, continuous: 416 }));
    });

    it('as of 2023-12-20: the same counts — nothing jumps when the data window turns on the 15th', async () => {
      const summary = await (await h.as('ubnd')).overview.summary({ asOf: '2023-12-20' });
      // 1.1, 5.2, 6.2 (31/12/2023) are still within deadline; only 1.6 is overdue.
      expect(summary.totals).toMatchObject({ ...counts({ in_progress: 106, overdue: 51, continuous: 416 }), completionRate: 0 });
      expect(unit(summary, 'SNV')?.counts).toEqual(counts({ in_progress: 3, overdue: 1, continuous: 10 }));
    });

    it('around 14–15/9/2023: 1.6 (30/9) is within deadline on both days; nothing is done or overdue, so there is no rate', async () => {
      const ubnd = await h.as('ubnd');
      const before = await ubnd.overview.summary({ asOf: '2023-09-14' });
      const after = await ubnd.overview.summary({ asOf: '2023-09-15' });
      for (const summary of [before, after]) {
        expect(summary.totals).toMatchObject({ ...counts({ in_progress: 157, continuous: 416 }), completionRate: null });
      }
      // Due in Q3 2023 (01/07–30/09): 1.6 × 51.
      expect(before.totals.dueInPeriod).toBe(51);
      expect(unit(before, 'STC')?.completionRate).toBeNull();
      // The day after the deadline the 51 are overdue.
      expect((await ubnd.overview.summary({ asOf: '2023-10-01' })).totals).toMatchObject({ overdue: 51, in_progress: 106 });
    });

    it('trend: each month’s end as the summary counts it on that day, the last point the day itself', async () => {
      const ubnd = await h.as('ubnd');
      const trend = await ubnd.overview.trend({ asOf: '2023-10-15' });
      expect(trend.points.map((p) => p.asOf)).toEqual(['2022-11-30', '2022-12-31', '2023-01-31', '2023-02-28', '2023-03-31', '2023-04-30', '2023-05-31', '2023-06-30', '2023-07-31', '2023-08-31', '2023-09-30', '2023-10-15']);
      for (const point of [trend.points[10]!, trend.points[11]!]) {
        const summary = await ubnd.overview.summary({ asOf: point.asOf });
        expect(point.counts).toEqual(counts(Object.fromEntries(Object.entries(summary.totals).filter(([k]) => k in point.counts))));
        expect(point.completionRate).toBe(summary.totals.completionRate);
      }
      // 30/09 is 1.6's deadline (within it), 15/10 the 51 are overdue.
      expect(trend.points[10]!.counts.overdue).toBe(0);
      expect(trend.points[11]!.counts.overdue).toBe(51);
      // A district sees its own unit's.
      const own = await (await h.as('badinh')).overview.trend({ asOf: '2023-10-15' });
      expect(own.points.at(-1)!.counts).toEqual(unit(await (await h.as('badinh')).overview.summary({ asOf: '2023-10-15' }), 'Q001')!.counts);
    });

    it('as of 2026-01-15: every deadline of the seed has passed', async () => {
      const summary = await (await h.as('ubnd')).overview.summary({ asOf: '2026-01-15' });
      // overdue: 1.1, 1.4, 1.6 × 51 + 2.2, 3.1, 5.2, 6.2 = 157; continuous 416.
      expect(summary.totals).toMatchObject({ ...counts({ overdue: 157, continuous: 416 }), completionRate: 0, dueInPeriod: 0 });
      expect(unit(summary, 'STC')?.counts).toEqual(counts({ overdue: 4, continuous: 9 }));
      expect(unit(summary, 'SXD')?.counts).toEqual(counts({ overdue: 3, continuous: 8 }));
    });
  });

  describe('after units report completions', () => {
    beforeAll(async () => {
      const complete = async (username: Parameters<CoreHarness['as']>[0], code: string, completedOn: string) =>
        (await h.as(username)).tasks.update({ id: h.taskId(code), version: 1, progress: 100, completedOn, resultDocNumber: `${code}/BC`, resultDocDate: completedOn });
      await complete('stc.cv', '2458-1.6-STC', '2023-09-30'); // on the deadline day: on time
      await complete('sxd', '2458-1.6-SXD', '2023-10-05'); // five days late
      await complete('badinh', '2458-1.1-Q001', '2023-12-20'); // before 31/12/2023
      await complete('stc', '2458-3.1', '2025-11-30'); // before 31/12/2025
      await complete('snv', '2458-6.3', '2024-06-30'); // continuous: stays continuous
    });

    it('as of 2023-10-15: one done on time, one done late; completions dated later do not count yet', async () => {
      const summary = await (await h.as('ubnd')).overview.summary({ asOf: '2023-10-15' });
      // 1.6: STC done on time, SXD done late, 49 overdue. 1.1-Q001 (20/12) and 3.1 (2025) are
      // completed after 15/10/2023: still within deadline. Rate 2 ÷ (2 + 49) = 2/51.
      expect(summary.totals).toMatchObject({ ...counts({ done_on_time: 1, done_late: 1, overdue: 49, in_progress: 106, continuous: 416 }), completionRate: 2 / 51 });
      expect(unit(summary, 'STC')).toMatchObject({ counts: counts({ done_on_time: 1, in_progress: 3, continuous: 9 }), completionRate: 1 });
      expect(unit(summary, 'SXD')).toMatchObject({ counts: counts({ done_late: 1, in_progress: 2, continuous: 8 }), completionRate: 1 });
      expect(unit(summary, 'Q001')).toMatchObject({ counts: counts({ overdue: 1, in_progress: 2, continuous: 8 }), completionRate: 0 });
      expect(unit(summary, 'SNV')?.counts.continuous).toBe(10);
      // Ranked among departments: STC and SXD at 100% share the first place, the other 19 at 0% are
      // third; among districts every one is at 0%, all first. A unit's user sees no rank.
      expect([unit(summary, 'STC')?.rank, unit(summary, 'SXD')?.rank, unit(summary, 'SNV')?.rank, unit(summary, 'Q001')?.rank]).toEqual([1, 1, 3, 1]);
      expect((await (await h.as('stc')).overview.summary({ asOf: '2023-10-15' })).units[0]?.rank).toBeNull();
    });

    it('as of 2023-10-01: SXD’s completion of 5/10 has not happened yet, the task is overdue', async () => {
      const summary = await (await h.as('ubnd')).overview.summary({ asOf: '2023-10-01' });
      expect(summary.totals).toMatchObject({ done_on_time: 1, done_late: 0, overdue: 50, completionRate: 1 / 51 });
    });

    it('as of 2023-12-20: Ba Đình’s 1.1 is done on time, the other fifty within deadline', async () => {
      const summary = await (await h.as('ubnd')).overview.summary({ asOf: '2023-12-20' });
      // done on time: 1.6-STC, 1.1-Q001; done late: 1.6-SXD; overdue: 49 of 1.6;
      // within deadline: 50 of 1.1 + 1.4 × 51 + 2.2 + 3.1 + 5.2 + 6.2 = 105. Rate 3 ÷ (3 + 49) = 3/52.
      expect(summary.totals).toMatchObject({
        ...counts({ done_on_time: 2, done_late: 1, overdue: 49, in_progress: 105, continuous: 416 }),
        total: 573,
        completionRate: 3 / 52,
      });
      expect(unit(summary, 'Q001')).toMatchObject({ counts: counts({ done_on_time: 1, overdue: 1, in_progress: 1, continuous: 8 }), completionRate: 0.5 });
    });

    it('as of 2026-01-15: four done (three on time), the rest of the deadlines overdue', async () => {
      const summary = await (await h.as('ubnd')).overview.summary({ asOf: '2026-01-15' });
      // done on time: 1.6-STC, 1.1-Q001, 3.1; done late: 1.6-SXD;
      // overdue: 157 − 4 = 153 (1.1: 50, 1.4: 51, 1.6: 49, 2.2, 5.2, 6.2). Rate 4 ÷ 157.
      expect(summary.totals).toMatchObject({ ...counts({ done_on_time: 3, done_late: 1, overdue: 153, continuous: 416 }), completionRate: 4 / 157 });
      // STC: 1.6 and 3.1 done on time, 1.1 and 1.4 overdue: 2 ÷ (2 + 2).
      expect(unit(summary, 'STC')).toMatchObject({ counts: counts({ done_on_time: 2, overdue: 2, continuous: 9 }), completionRate: 0.5 });
    });

    it('a unit’s users see their own unit only; the administrator sees every unit', async () => {
      for (const username of ['stc', 'stc.cv'] as const) {
        const summary = await (await h.as(username)).overview.summary({ asOf: '2026-01-15' });
        expect(summary.units.map((u) => u.code)).toEqual(['STC']);
        expect(summary.totals).toMatchObject({ ...counts({ done_on_time: 2, overdue: 2, continuous: 9 }), total: 13, completionRate: 0.5 });
      }
      const badinh = await (await h.as('badinh')).overview.summary({ asOf: '2026-01-15' });
      expect(badinh.units.map((u) => u.code)).toEqual(['Q001']);
      expect(badinh.totals).toMatchObject({ ...counts({ done_on_time: 1, overdue: 2, continuous: 8 }), completionRate: 1 / 3 });
      // SNV leads the parent of 1.1 and coordinates 3.2, but counts only the tasks it leads.
      const snv = await (await h.as('snv')).overview.summary({ asOf: '2026-01-15' });
      expect(snv.units.map((u) => u.code)).toEqual(['SNV']);
      expect(snv.totals).toMatchObject({ ...counts({ overdue: 4, continuous: 10 }), completionRate: 0 });
      const admin = await (await h.as('admin')).overview.summary({ asOf: '2026-01-15' });
      expect(admin.units).toHaveLength(51);
      expect(admin.totals.total).toBe(573);
    });

    it('a malformed date is BAD_REQUEST; no session is UNAUTHORIZED', async () => {
      expect((await rejection((await h.as('ubnd')).overview.summary({ asOf: '2026-02-30' }))).code).toBe('BAD_REQUEST');
      expect((await rejection(h.anonymous().overview.summary({ asOf: '2026-01-15' }))).code).toBe('UNAUTHORIZED');
    });
  });

  describe('targets by forecast class', () => {
    it('counts the targets’ classes as of the date asked', async () => {
      const vp = await h.as('vp');
      const none = { met: 0, on_track: 0, at_risk: 0, off_track: 0 };
      // Asked before any measurement (the answer is cached until a measurement changes).
      expect((await (await h.as('ubnd')).overview.summary({ asOf: '2025-01-15' })).targets).toEqual(withScorecards({ ...none, insufficient_data: 3 }, 'final'));
      // CT1 (baseline 2.5 on 30/06/2023, ≥ 20 by 31/12/2025 = day 915): 9 on 30/06/2024 (day 366),
      // 14 on 31/12/2024 (day 550). Least squares through (0, 2.5), (366, 9), (550, 14):
      // x̄ = 305.3, ȳ = 8.5, slope = 3208 / 156770 = 0.02046/day, intercept 2.25 → day 915: 20.98 ≥ 20: on track.
      await vp.targets.record({ code: '2458-CT1', value: 9, asOf: '2024-06-30' });
      await vp.targets.record({ code: '2458-CT1', value: 14, asOf: '2024-12-31' });
      // CT2: 20 already: met.
      await vp.targets.record({ code: '2458-CT2', value: 20, asOf: '2024-12-31' });
      // CT3 (module tai-chinh; baseline 9.6 on 06/07/2022, day 0; 31/12/2025 = day 1274): 11 on
      // 30/06/2024 (day 725), 12 on 31/12/2024 (day 909): slope 0.00244/day → day 1274: 12.65,
      // short of 20 by 7.35 > 0.1 × (20 − 9.6) = 1.04: off track.
      const tc = await h.coreApi('tai-chinh', 'stc');
      await tc.targets.recordMeasurement(AUTONOMY_TARGET_CODE, { value: 11, asOf: '2024-06-30' });
      await tc.targets.recordMeasurement(AUTONOMY_TARGET_CODE, { value: 12, asOf: '2024-12-31' });

      const ubnd = await h.as('ubnd');
      expect((await ubnd.overview.summary({ asOf: '2025-01-15' })).targets).toEqual(withScorecards({ met: 1, on_track: 1, at_risk: 0, off_track: 1, insufficient_data: 0 }, 'final'));
      // Before the second readings only one point each: not enough data.
      expect((await ubnd.overview.summary({ asOf: '2024-12-30' })).targets).toEqual(withScorecards({ ...none, insufficient_data: 3 }, 'final'));
      // 15/01/2026: the target date passed, the final figures may still come (90 days): the trends stand.
      expect((await ubnd.overview.summary({ asOf: '2026-01-15' })).targets).toEqual(withScorecards({ met: 1, on_track: 1, at_risk: 0, off_track: 1, insufficient_data: 0 }, 'final'));
      // 15/04/2026: no final figure came: only what was reached counts.
      expect((await ubnd.overview.summary({ asOf: '2026-04-15' })).targets).toEqual(withScorecards({ met: 1, on_track: 0, at_risk: 0, off_track: 2, insufficient_data: 0 }, 'final'));
      // A measurement changed in place (no new row, no new date) still moves the cached classes:
      // CT2's 20 corrected to 1 is no longer met.
      await h.db.execute(sql`update core.measurements set value = 1 where target_id = (select id from core.targets where code = '2458-CT2')`);
      expect((await ubnd.overview.summary({ asOf: '2025-01-15' })).targets).not.toEqual(withScorecards({ met: 1, on_track: 1, at_risk: 0, off_track: 1, insufficient_data: 0 }, 'final'));
      await h.db.execute(sql`update core.measurements set value = 20 where target_id = (select id from core.targets where code = '2458-CT2')`);
      expect((await ubnd.overview.summary({ asOf: '2025-01-15' })).targets).toEqual(withScorecards({ met: 1, on_track: 1, at_risk: 0, off_track: 1, insufficient_data: 0 }, 'final'));
      const list = (await ubnd.targets.list({ asOf: '2025-01-15' })).filter((t) => t.code.startsWith('2458-'));
      expect(list.map((t) => [t.code, t.forecast.class])).toEqual([
        ['2458-CT1', 'on_track'],
        ['2458-CT2', 'met'],
        ['2458-CT3', 'off_track'],
      ]);
      // Each with its sparkline: the measurements up to the date, ending on the forecast's latest value.
      for (const target of list) {
        expect(target.trend.every((point) => point.asOf <= '2025-01-15')).toBe(true);
        expect(target.trend.at(-1)?.value ?? null).toBe(target.forecast.latestValue);
      }
      expect(list.find((t) => t.code === '2458-CT2')?.trend.map((p) => p.value)).toContain(20);
    });
  });

  // The answers are shared between callers until a write (overview.ts, `summaryMemo`): each of
  // these writes goes around the services, straight to the tables, so that only the triggers of
  // migration 0011 can tell the overview; each read comes at once after the write's commit.
  describe('shared answers are never older than the last commit', () => {
    const asOf = '2026-01-15';
    const read = async () => (await h.as('ubnd')).overview.summary({ asOf });

    it('a task written moves its unit’s counts; a unit renamed shows its new name', async () => {
      const before = await read();
      expect(await read()).toBe(before); // nothing written: the same answer, shared
      const sxd = unit(before, 'SXD')!;
      await h.db.execute(sql`update core.tasks set completed_on = '2025-12-01' where id = ${h.taskId('2458-1.4-SXD')}`);
      const after = await read();
      expect(unit(after, 'SXD')!.counts).toEqual({ ...sxd.counts, overdue: sxd.counts.overdue - 1, done_on_time: sxd.counts.done_on_time + 1 });
      expect(after.totals.done_on_time).toBe(before.totals.done_on_time + 1);

      await h.db.execute(sql`update auth.units set name = 'Sở Xây dựng (tên mới)' where code = 'SXD'`);
      expect(unit(await read(), 'SXD')!.name).toBe('Sở Xây dựng (tên mới)');
      await h.db.execute(sql`update auth.units set name = 'Sở Xây dựng' where code = 'SXD'`);
    });

    it('a fourth reminder while overdue flags the task for the leadership', async () => {
      const before = unit(await read(), 'Q001')!;
      const id = h.taskId('2458-1.4-Q001'); // deadline 31/12/2025, overdue on 15/01/2026
      for (const day of ['2026-01-02', '2026-01-05', '2026-01-08', '2026-01-11']) {
        await h.db.execute(sql`insert into core.reminders (task_id, unit_code, message, sent_by, sent_at) values (${id}, 'Q001', 'Đôn đốc', 'ubnd', ${`${day}T03:00:00Z`})`);
      }
      expect(unit(await read(), 'Q001')!.flagged).toBe(before.flagged + 1);
    });

    it('a read inside a transaction sees its own writes and shares nothing: after a rollback the others never see them', async () => {
      const before = await read();
      const rolledBack = new Error('rolled back on purpose');
      await expect(
        h.db.transaction(async (tx) => {
          await tx.execute(sql`update core.tasks set completed_on = '2025-12-01' where id = ${h.taskId('2458-1.4-STC')}`);
          const inside = await overviewSummary(tx, { allowed: true, unitCodes: 'all' }, asOf, today());
          expect(inside.totals.done_on_time).toBe(before.totals.done_on_time + 1);
          throw rolledBack;
        }),
      ).rejects.toBe(rolledBack);
      expect((await read()).totals).toEqual(before.totals);
    });
  });
});

/**
 * The five 2023 scorecards' targets (one projection each, 14/09/2023): PAR INDEX 91,4 ≥ 91, PAPI
 * 45,6 ≥ 45 and PGI 23,5 ≥ 23 read met; PCI 69,1 < 70 and SIPAS 83,42 < 84 have one reading only
 * (not enough data) until the year is out and 90 days more, then off track (nothing more came).
 */
function withScorecards(counts: Record<string, number>, phase: 'one reading' | 'final') {
  const scorecards: Record<string, number> = phase === 'one reading' ? { met: 3, insufficient_data: 2 } : { met: 3, off_track: 2 };
  return Object.fromEntries(Object.entries(counts).map(([key, n]) => [key, n + (scorecards[key] ?? 0)]));
}

/**
 * The overview's kept counts (migration 0009's trigger, src/server/status-counts.ts) against a
 * full recount of the tasks, after random sequences of writes to core.tasks: tasks created
 * (alone and many in one statement), completed, reopened, extended, moved to another unit,
 * made continuous, cancelled and restored, split into parent and children, deleted; some in
 * transactions that roll back. Checked on many as-of dates after every step, on each backend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@dondoc/db';
import { testBackends } from '@dondoc/db/testing';
import { addDays, periodOf, TASK_STATUSES, type IsoDate, type StatusCounts } from '../src/domain/index.ts';
import { keptStatusCounts } from '../src/server/status-counts.ts';
import { taskStatusSql } from '../src/server/status-sql.ts';
import { createCoreHarness, type CoreHarness } from './harness.ts';
import { seededRandom } from './seeded-random.ts';

type Counted = { counts: StatusCounts; extended: number; dueInPeriod: number };

/** Every counted task counted again, as the overview counted before the counts were kept. */
async function recount(h: CoreHarness, asOf: IsoDate, period: { start: IsoDate; end: IsoDate }): Promise<Map<string, Counted>> {
  const rows = await queryRows<{ unit: string; status: string; n: number; due: number; extended: number }>(
    h.db,
    sql`select lead_unit_code as unit, ${taskStatusSql(asOf)} as status, count(*)::int as n,
          count(*) filter (where not continuous and deadline between ${period.start}::date and ${period.end}::date)::int as due,
          count(*) filter (where original_deadline is not null)::int as extended
        from core.tasks where not is_parent and state = 'active' group by 1, 2`,
  );
  const result = new Map<string, Counted>();
  for (const row of rows) {
    const entry = result.get(row.unit) ?? { counts: Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as StatusCounts, extended: 0, dueInPeriod: 0 };
    entry.counts[row.status as keyof StatusCounts] += Number(row.n);
    entry.extended += Number(row.extended);
    entry.dueInPeriod += Number(row.due);
    result.set(row.unit, entry);
  }
  return result;
}

/** The snapshot's day in these tests: reads as of it use the snapshot, reads near it start from it. */
const TODAY = '2024-06-15';

const UNITS = ['STC', 'SNV', 'Q001', 'Q002', 'SXD'];

describe.each(testBackends)('kept status counts on %s', (backend) => {
  let h: CoreHarness;
  let directiveId: string;
  beforeAll(async () => {
    h = await createCoreHarness(backend);
    directiveId = (await queryRows<{ id: string }>(h.db, sql`select id from core.directives limit 1`))[0]!.id;
  });
  afterAll(async () => h?.close());

  it('the seeded directive: kept counts equal a recount on every as-of date', async () => {
    for (const asOf of [TODAY, '2024-06-01', '2024-07-31', '2024-04-30', '2023-08-01', '2023-09-30', '2023-10-01', '2023-12-31', '2024-01-01', '2025-06-15', '2026-12-01'] as const) {
      const period = periodOf('quarter', asOf);
      expect(Object.fromEntries(await keptStatusCounts(h.db, { asOf, period, units: 'all', today: TODAY })), asOf).toEqual(Object.fromEntries(await recount(h, asOf, period)));
    }
  });

  it('after 60 random steps of writes, on 12 as-of dates after each (8 of them days a status changes on or next to), today moving every 9 steps', async () => {
    const next = seededRandom(backend === 'pglite' ? 11 : 12);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const day = () => addDays('2023-01-01', Math.floor(next() * 1200));
    const maybe = (p: number, value: () => string) => (next() < p ? value() : null);
    let made = 0;
    const newTask = () => {
      made += 1;
      const deadline = maybe(0.85, day);
      return sql`(${`T-${backend}-${made}`}, ${directiveId}, 'X', 'Kiểm thử', '', 'kiem thu', ${pick(UNITS)}, ${deadline}::date, ${maybe(0.4, day)}::date, ${next() < 0.1}, ${next() < 0.1 ? 'cancelled' : 'active'})`;
    };
    const someTasks = (n: number) => sql`(select id from core.tasks where code like ${`T-${backend}-%`} order by md5(code || ${String(next())}) limit ${n})`;
    const steps: Array<() => ReturnType<typeof sql>> = [
      // Created, one or many in a statement.
      () => sql`insert into core.tasks (code, directive_id, clause, title, content, search_text, lead_unit_code, deadline, completed_on, continuous, state) values ${sql.join(Array.from({ length: 1 + Math.floor(next() * 8) }, newTask), sql`, `)}`,
      // Completed (on time or late), or reopened.
      () => sql`update core.tasks set completed_on = ${maybe(0.8, day)}::date where id in ${someTasks(1 + Math.floor(next() * 4))}`,
      // Extended: the deadline moves, the first one is kept.
      () => sql`update core.tasks set original_deadline = coalesce(original_deadline, deadline), deadline = ${day()}::date where deadline is not null and id in ${someTasks(2)}`,
      // Cancelled, or restored.
      () => sql`update core.tasks set state = case when state = 'active' then 'cancelled' else 'active' end where id in ${someTasks(2)}`,
      // Given to another unit; made continuous or not; split into a parent.
      () => sql`update core.tasks set lead_unit_code = ${pick(UNITS)} where id in ${someTasks(3)}`,
      () => sql`update core.tasks set continuous = not continuous where id in ${someTasks(1)}`,
      () => sql`update core.tasks set is_parent = not is_parent where id in ${someTasks(1)}`,
      // A progress update: nothing counted changes.
      () => sql`update core.tasks set progress = ${Math.floor(next() * 100)} where id in ${someTasks(5)}`,
      // Deleted.
      () => sql`delete from core.tasks where id in ${someTasks(1)}`,
      // Seeded tasks changed too.
      () => sql`update core.tasks set completed_on = ${day()}::date where code like '2458-1.6-%' and id in (select id from core.tasks where code like '2458-1.6-%' order by md5(code || ${String(next())}) limit 3)`,
    ];
    // "Today" moves now and then: the first read of a new day moves the snapshot to it.
    let today: IsoDate = TODAY;
    for (let step = 0; step < 60; step++) {
      if (step % 9 === 8) today = addDays(today, Math.floor(next() * 200) - 60);
      const write = pick(steps)();
      if (next() < 0.15) {
        // Written, then rolled back: the counts roll back with it.
        await h.db
          .transaction(async (tx) => {
            await tx.execute(write);
            throw new Error('rollback');
          })
          .catch((error: Error) => expect(error.message).toBe('rollback'));
      } else {
        await h.db.execute(write);
      }
      // The days statuses change on, and the days either side: a deadline, the day after it, a
      // completion and the day before it; then any day.
      const edges = await queryRows<{ d: string }>(
        h.db,
        sql`select d::text as d from (select deadline as d from core.tasks union select deadline + 1 from core.tasks union select completed_on from core.tasks union select completed_on - 1 from core.tasks) as e where d is not null order by md5(d::text || ${String(next())}) limit 8`,
      );
      const asOfs = [today, addDays(today, Math.floor(next() * 120) - 60), ...edges.map((e) => e.d), day(), day()];
      for (const asOf of asOfs) {
        const period = periodOf('quarter', asOf);
        const kept = Object.fromEntries(await keptStatusCounts(h.db, { asOf, period, units: 'all', today }));
        expect(kept, `step ${step}, as of ${asOf}`).toEqual(Object.fromEntries(await recount(h, asOf, period)));
      }
    }
    // The steps wrote: some tasks exist, some are done, some extended.
    const [state] = await queryRows<{ made: number; done: number; extended: number }>(
      h.db,
      sql`select count(*)::int as made, count(completed_on)::int as done, count(original_deadline)::int as extended from core.tasks where code like ${`T-${backend}-%`}`,
    );
    expect(state!.made).toBeGreaterThan(10);
    expect(state!.done).toBeGreaterThan(3);
    expect(state!.extended).toBeGreaterThan(0);
    // The snapshot followed "today".
    const [snapshot] = await queryRows<{ on: string }>(h.db, sql`select max(as_of)::text as on from core.task_status_snapshot`);
    expect(snapshot!.on).toBe(today);
  });

  it('a write whose events fall on the day of the snapshot, and on the days either side', async () => {
    const day = '2025-03-10';
    const period = periodOf('quarter', day);
    const check = async (asOf: IsoDate) => expect(Object.fromEntries(await keptStatusCounts(h.db, { asOf, period, units: 'all', today: day })), asOf).toEqual(Object.fromEntries(await recount(h, asOf, period)));
    await check(day); // the snapshot is now of 10/03/2025
    await h.db.execute(sql`insert into core.tasks (code, directive_id, clause, title, content, search_text, lead_unit_code, deadline, completed_on) values
      (${`E-${backend}-1`}, ${directiveId}, 'X', 'Kiểm thử', '', 'kiem thu', 'STC', ${addDays(day, -1)}::date, ${day}::date),
      (${`E-${backend}-2`}, ${directiveId}, 'X', 'Kiểm thử', '', 'kiem thu', 'STC', ${day}::date, null),
      (${`E-${backend}-3`}, ${directiveId}, 'X', 'Kiểm thử', '', 'kiem thu', 'STC', ${addDays(day, 1)}::date, ${addDays(day, 1)}::date)`);
    for (const asOf of [day, addDays(day, -1), addDays(day, 1), addDays(day, 2)]) await check(asOf);
    await h.db.execute(sql`update core.tasks set completed_on = ${day}::date where code = ${`E-${backend}-2`}`);
    for (const asOf of [day, addDays(day, -1), addDays(day, 1)]) await check(asOf);
  });

  it('a unit user reads only their unit', async () => {
    const asOf = '2024-01-01';
    const period = periodOf('quarter', asOf);
    const mine = await keptStatusCounts(h.db, { asOf, period, units: ['Q001'], today: TODAY });
    expect([...mine.keys()]).toEqual(['Q001']);
    expect(mine.get('Q001')).toEqual((await recount(h, asOf, period)).get('Q001'));
    expect((await keptStatusCounts(h.db, { asOf, period, units: [], today: TODAY })).size).toBe(0);
  });
});

/**
 * Candidate index and query changes, measured on the generated Postgres database after the
 * load (the bench never changes the project's code: these run as plain SQL on the throw-away
 * database, before and after, through the driver). Each figure is the median of several runs.
 */
import postgres from 'postgres';
import { median, round } from './stats.ts';

export interface Experiment {
  id: string;
  change: string;
  where: string;
  beforeMs: number | null;
  afterMs: number | null;
  speedup: number | null;
  detail?: string;
}

async function timeMedian(run: () => Promise<unknown>, n: number): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

function statusCase(asOf: string): string {
  return `(case
    when continuous then 'continuous'
    when completed_on is not null and completed_on <= '${asOf}'::date then
      case when deadline is null or completed_on <= deadline then 'done_on_time' else 'done_late' end
    when deadline < '${asOf}'::date then 'overdue'
    else 'in_progress'
  end)`;
}

const experiment = (e: Omit<Experiment, 'speedup'>): Experiment => ({
  ...e,
  beforeMs: round(e.beforeMs ?? NaN, 2),
  afterMs: round(e.afterMs ?? NaN, 2),
  speedup: e.beforeMs && e.afterMs ? round(e.beforeMs / e.afterMs, 1) : null,
});

export async function runExperiments(databaseUrl: string, asOf: string, unit: string): Promise<Experiment[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const out: Experiment[] = [];
  try {
    const status = statusCase(asOf);

    // 1. overview.summary's counts: a covering partial index for an index-only scan.
    const counts = `select lead_unit_code, ${status}, count(*)::int from core.tasks where is_parent = false group by 1, 2`;
    const countsBefore = await timeMedian(() => sql.unsafe(counts), 15);
    await sql.unsafe('create index bench_tasks_leaf_status_idx on core.tasks (lead_unit_code, continuous, completed_on, deadline) where not is_parent');
    await sql.unsafe('vacuum analyze core.tasks');
    const countsAfter = await timeMedian(() => sql.unsafe(counts), 15);
    await sql.unsafe('drop index core.bench_tasks_leaf_status_idx');
    out.push(
      experiment({
        id: 'overview-counts-covering-index',
        change: 'create index on core.tasks (lead_unit_code, continuous, completed_on, deadline) where not is_parent (index-only scan for the status counts; needs the table vacuumed, which autovacuum does)',
        where: 'packages/core (migration), used by overview.summary',
        beforeMs: countsBefore,
        afterMs: countsAfter,
      }),
    );

    // 2. overview.summary's targets: every measurement of every target (tens of thousands of rows
    //    into JavaScript) against the trend computed in SQL, one row per target.
    const allMeasurements = `select * from core.measurements where target_id = any(select id from core.targets) order by as_of, id`;
    const perTarget = `select t.id, count(m.id) as n, max(m.as_of) as latest_on,
        (array_agg(m.value order by m.as_of desc, m.id desc))[1] as latest_value,
        regr_slope(m.value, (m.as_of - t.baseline_date)::float8) as slope,
        regr_intercept(m.value, (m.as_of - t.baseline_date)::float8) as intercept
      from core.targets t left join core.measurements m on m.target_id = t.id and m.as_of <= '${asOf}'::date and m.as_of <= t.target_date
      group by t.id`;
    const rows = (await sql.unsafe(allMeasurements)).length;
    out.push(
      experiment({
        id: 'overview-forecast-in-sql',
        change:
          'overview.summary only needs each target’s forecast class: compute the least-squares trend per target in SQL (regr_slope / regr_intercept over the measurements up to asOf and the target date, and the latest value) instead of loading every measurement of every target and fitting in JavaScript',
        where: 'packages/core/src/server/overview.ts + targets.ts (listTargets)',
        beforeMs: await timeMedian(() => sql.unsafe(allMeasurements), 9),
        afterMs: await timeMedian(() => sql.unsafe(perTarget), 9),
        detail: `${rows} measurement rows fetched before; one row per target after (SQL time only: the JavaScript fit over those rows comes on top of "before")`,
      }),
    );

    // 3. tasks.list by unit: `lead = u OR EXISTS(coordinator = u)` defeats the indexes (the planner
    //    walks the code index over every task); the union of the two indexed sets does not.
    const columns = `id, code, clause, title, parent_id, lead_unit_code, deadline, continuous, cadence, progress, completed_on, last_progress_on, version, ${status}`;
    const listBefore = `select ${columns} from core.tasks where is_parent = false
        and (lead_unit_code in ('${unit}') or exists (select 1 from core.task_coordinators where task_coordinators.task_id = tasks.id and task_coordinators.unit_code in ('${unit}')))
        and ${status} = 'done_on_time' order by code limit 51`;
    const listAfter = `select ${columns} from core.tasks where is_parent = false
        and id in (select id from core.tasks where lead_unit_code = '${unit}' union all select task_id from core.task_coordinators where unit_code = '${unit}')
        and ${status} = 'done_on_time' order by code limit 51`;
    out.push(
      experiment({
        id: 'tasks-list-unit-filter-union',
        change: "tasks.list filtered by unit: replace `lead_unit_code in (…) or exists (coordinator …)` by `id in (select id from core.tasks where lead_unit_code in (…) union all select task_id from core.task_coordinators where unit_code in (…))`",
        where: 'packages/core/src/server/tasks.ts (involvesUnits)',
        beforeMs: await timeMedian(() => sql.unsafe(listBefore), 15),
        afterMs: await timeMedian(() => sql.unsafe(listAfter), 15),
        detail: `unit ${unit}, status done_on_time, first page`,
      }),
    );

    // 4. reports.submit: three statements per task line against two set-based statements.
    const [draft] = await sql.unsafe<Array<{ id: string; unit_code: string; n: number }>>(
      `select r.id, r.unit_code, (select count(*)::int from core.report_items i where i.report_id = r.id) as n from core.reports r where r.state = 'draft' and r.cadence = 'month' order by r.id limit 1`,
    );
    if (draft) {
      const items = await sql.unsafe<Array<{ task_id: string; progress: number; result: string | null }>>(`select task_id, progress, result from core.report_items where report_id = $1`, [draft.id]);
      const rowByRow = () =>
        sql.begin(async (tx) => {
          for (const item of items) {
            const [current] = await tx.unsafe<Array<{ version: number; completed_on: string | null }>>(`select version, completed_on from core.tasks where id = $1`, [item.task_id]);
            await tx.unsafe(`update core.tasks set progress = $1, result = coalesce($2, result), last_progress_on = $3, version = $4, updated_at = now(), updated_by = 'bench' where id = $5`, [
              current?.completed_on ? 100 : item.progress,
              item.result,
              asOf,
              (current?.version ?? 0) + 1,
              item.task_id,
            ]);
            await tx.unsafe(`insert into core.task_updates (task_id, by_username, progress, note) values ($1, 'bench', $2, 'bench')`, [item.task_id, item.progress]);
          }
          throw new Rollback();
        }).catch(ignoreRollback);
      const setBased = () =>
        sql.begin(async (tx) => {
          await tx.unsafe(
            `update core.tasks t set progress = case when t.completed_on is not null then 100 else i.progress end, result = coalesce(i.result, t.result),
               last_progress_on = $2, version = t.version + 1, updated_at = now(), updated_by = 'bench'
             from core.report_items i where i.report_id = $1 and i.task_id = t.id and i.progress is not null`,
            [draft.id, asOf],
          );
          await tx.unsafe(
            `insert into core.task_updates (task_id, by_username, progress, note)
             select i.task_id, 'bench', case when t.completed_on is not null then 100 else i.progress end, 'bench'
             from core.report_items i join core.tasks t on t.id = i.task_id where i.report_id = $1 and i.progress is not null`,
            [draft.id],
          );
          throw new Rollback();
        }).catch(ignoreRollback);
      out.push(
        experiment({
          id: 'reports-submit-set-based',
          change:
            'reports.submit: copy progress to the tasks with one UPDATE … FROM core.report_items and write the history with one INSERT … SELECT, instead of a SELECT, an UPDATE and an INSERT per task line',
          where: 'packages/core/src/server/reports.ts (submitReport)',
          beforeMs: await timeMedian(rowByRow, 7),
          afterMs: await timeMedian(setBased, 7),
          detail: `a draft of ${draft.n} task lines, each run rolled back`,
        }),
      );
    }

    // 5. The unit directory every list answer reads (600 rows), per request.
    out.push(
      experiment({
        id: 'unit-directory-per-request',
        change: 'cache the unit directory in memory (units change rarely; invalidate on upsertUnits) instead of reading every unit for every answer that names units',
        where: 'packages/core/src/server/units.ts (unitDirectory)',
        beforeMs: await timeMedian(() => sql.unsafe('select code, name, kind, sort_order from auth.units order by sort_order, code'), 25),
        afterMs: null,
        detail: 'SQL time of one read; tasks.list, targets.get, reports and overview.summary (twice) pay it on every request, plus mapping the rows',
      }),
    );
  } finally {
    await sql.end({ timeout: 5 });
  }
  return out;
}

class Rollback extends Error {}
function ignoreRollback(error: unknown): void {
  if (!(error instanceof Rollback)) throw error;
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Access } from '@dondoc/auth';
import type { Queryable } from '@dondoc/db';
import { completionRate, emptyStatusCounts, FORECAST_CLASSES, LEADERSHIP_REMINDER_THRESHOLD, periodOf, TASK_STATUSES, type ForecastClass, type IsoDate, type TaskStatus } from '../domain/index.ts';
import { activeTask, remindersWhileOverdueSql } from './tasks.ts';
import { measurements, targets, tasks } from './schema.ts';
import { taskStatusSql } from './status-sql.ts';
import { listTargets } from './targets.ts';
import { unitDirectory, unitRef } from './units.ts';

/**
 * Counts by status of the leaf tasks (parents roll up their children, so counting them too
 * would count twice), per lead unit and in total, as of `asOf`; completion rates (done ÷
 * (done + overdue)); beside them, the tasks due within the current quarter ("đến hạn trong
 * kỳ", by its calendar bounds), the extended tasks (gia hạn) and the tasks flagged for the
 * leadership (overdue after more than three reminders to the lead unit while overdue);
 * targets by forecast class. Cancelled tasks are not counted. A unit's user sees their own
 * unit only.
 */
export async function overviewSummary(db: Queryable, access: Access, asOf: IsoDate) {
  const status = taskStatusSql(asOf);
  const quarter = periodOf('quarter', asOf);
  const conditions = [eq(tasks.isParent, false), activeTask];
  if (access.allowed && access.unitCodes !== 'all') conditions.push(inArray(tasks.leadUnitCode, access.unitCodes));
  const rows = await db
    .select({
      unitCode: tasks.leadUnitCode,
      status,
      n: sql<number>`count(*)::int`,
      dueInPeriod: sql<number>`count(*) filter (where not ${tasks.continuous} and ${tasks.deadline} between ${quarter.start}::date and ${quarter.end}::date)::int`,
      extended: sql<number>`count(*) filter (where ${tasks.originalDeadline} is not null)::int`,
    })
    .from(tasks)
    .where(and(...conditions))
    .groupBy(sql`1`, sql`2`); // by position: the status expression carries parameters
  // Flagged tasks are few (overdue ones with reminders): a second query over those only.
  const flaggedRows = await db
    .select({ unitCode: tasks.leadUnitCode, n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(...conditions, sql`${status} = 'overdue'`, sql`${remindersWhileOverdueSql(asOf)} > ${LEADERSHIP_REMINDER_THRESHOLD}`))
    .groupBy(tasks.leadUnitCode);
  const flaggedByUnit = new Map(flaggedRows.map((r) => [r.unitCode, Number(r.n)]));
  const directory = await unitDirectory(db);
  const byUnit = new Map<string, { counts: Record<TaskStatus, number>; dueInPeriod: number; extended: number }>();
  const totals = emptyStatusCounts();
  let dueInPeriod = 0;
  let extended = 0;
  for (const row of rows) {
    const entry = byUnit.get(row.unitCode) ?? { counts: emptyStatusCounts(), dueInPeriod: 0, extended: 0 };
    entry.counts[row.status as TaskStatus] += Number(row.n);
    entry.dueInPeriod += Number(row.dueInPeriod);
    entry.extended += Number(row.extended);
    totals[row.status as TaskStatus] += Number(row.n);
    dueInPeriod += Number(row.dueInPeriod);
    extended += Number(row.extended);
    byUnit.set(row.unitCode, entry);
  }
  const units = [...byUnit.entries()]
    .map(([code, entry]) => ({
      ...unitRef(directory, code),
      counts: entry.counts,
      total: TASK_STATUSES.reduce((sum, s) => sum + entry.counts[s], 0),
      completionRate: completionRate(entry.counts),
      dueInPeriod: entry.dueInPeriod,
      extended: entry.extended,
      flagged: flaggedByUnit.get(code) ?? 0,
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const targetCounts = await targetsByForecastClass(db, asOf);
  return {
    asOf,
    period: { id: quarter.id, label: quarter.label, start: quarter.start, end: quarter.end },
    totals: {
      ...totals,
      total: TASK_STATUSES.reduce((sum, s) => sum + totals[s], 0),
      completionRate: completionRate(totals),
      dueInPeriod,
      extended,
      flagged: [...flaggedByUnit.values()].reduce((a, b) => a + b, 0),
    },
    units,
    targets: targetCounts,
  };
}


/**
 * Targets by forecast class, cached per database until a target or a measurement changes:
 * the forecast needs every measurement (tens of thousands at city scale), the overview is
 * asked for often, and measurements change rarely. The cache key is read by one cheap query.
 */
const forecastCache = new WeakMap<object, Map<string, Record<ForecastClass, number>>>();

async function targetsByForecastClass(db: Queryable, asOf: IsoDate): Promise<Record<ForecastClass, number>> {
  const [state] = await db
    .select({
      measurements: sql<string>`(select count(*) || ':' || coalesce(max(${measurements.createdAt})::text, '') from ${measurements})`,
      targets: sql<string>`(select count(*) || ':' || coalesce(max(${targets.updatedAt})::text, '') from ${targets})`,
    })
    .from(sql`(select 1) as one`);
  const key = `${asOf}|${state?.measurements}|${state?.targets}`;
  const cached = forecastCache.get(db)?.get(key);
  if (cached) return { ...cached };
  const counts = Object.fromEntries(FORECAST_CLASSES.map((c) => [c, 0])) as Record<ForecastClass, number>;
  for (const target of await listTargets(db, asOf)) counts[target.forecast.class] += 1;
  // One entry per database is enough: the next change makes the old key useless.
  forecastCache.set(db, new Map([[key, counts]]));
  return { ...counts };
}

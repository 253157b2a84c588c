import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Access } from '@dondoc/auth';
import type { Queryable } from '@dondoc/db';
import { completionRate, emptyStatusCounts, FORECAST_CLASSES, type ForecastClass, type IsoDate, type TaskStatus } from '../domain/index.ts';
import { measurements, targets, tasks } from './schema.ts';
import { taskStatusSql } from './status-sql.ts';
import { listTargets } from './targets.ts';
import { unitDirectory, unitRef } from './units.ts';

/**
 * Counts by status of the leaf tasks (parents roll up their children, so counting them too
 * would count twice), per lead unit and in total, as of `asOf`; completion rates; targets
 * by forecast class. A unit's user sees their own unit only.
 */
export async function overviewSummary(db: Queryable, access: Access, asOf: IsoDate) {
  const status = taskStatusSql(asOf);
  const conditions = [eq(tasks.isParent, false)];
  if (access.allowed && access.unitCodes !== 'all') conditions.push(inArray(tasks.leadUnitCode, access.unitCodes));
  const rows = await db
    .select({ unitCode: tasks.leadUnitCode, status, n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(...conditions))
    .groupBy(sql`1`, sql`2`); // by position: the status expression carries parameters
  const directory = await unitDirectory(db);
  const byUnit = new Map<string, Record<TaskStatus, number>>();
  const totals = emptyStatusCounts();
  for (const row of rows) {
    const counts = byUnit.get(row.unitCode) ?? emptyStatusCounts();
    counts[row.status as TaskStatus] += Number(row.n);
    totals[row.status as TaskStatus] += Number(row.n);
    byUnit.set(row.unitCode, counts);
  }
  const units = [...byUnit.entries()]
    .map(([code, counts]) => ({ ...unitRef(directory, code), counts, completionRate: completionRate(counts) }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const targetCounts = await targetsByForecastClass(db, asOf);
  const due = totals.done_on_time + totals.done_late + totals.overdue + totals.in_progress;
  return {
    asOf,
    totals: { ...totals, due, completionRate: completionRate(totals) },
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
      targets: sql<string>`(select count(*) || ':' || coalesce(max(${targets.createdAt})::text, '') from ${targets})`,
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

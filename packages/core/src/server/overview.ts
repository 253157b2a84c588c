import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Access } from '@dondoc/auth';
import type { Queryable } from '@dondoc/db';
import { completionRate, emptyStatusCounts, FORECAST_CLASSES, type ForecastClass, type IsoDate, type TaskStatus } from '../domain/index.ts';
import { tasks } from './schema.ts';
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
  const targetCounts = Object.fromEntries(FORECAST_CLASSES.map((c) => [c, 0])) as Record<ForecastClass, number>;
  for (const target of await listTargets(db, asOf)) targetCounts[target.forecast.class] += 1;
  const due = totals.done_on_time + totals.done_late + totals.overdue + totals.in_progress;
  return {
    asOf,
    totals: { ...totals, due, completionRate: completionRate(totals) },
    units,
    targets: targetCounts,
  };
}


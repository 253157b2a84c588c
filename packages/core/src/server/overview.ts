import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Access } from '@dondoc/auth';
import { queryRows, type Queryable } from '@dondoc/db';
import { competitionRanks, completionRate, emptyStatusCounts, FORECAST_CLASSES, LEADERSHIP_REMINDER_THRESHOLD, monthEndsUpTo, periodOf, TASK_STATUSES, type ForecastClass, type IsoDate } from '../domain/index.ts';
import { activeTask, remindersWhileOverdueSql } from './tasks.ts';
import { dataVersions, reminders, tasks } from './schema.ts';
import { keptStatusCounts, type UnitSelection } from './status-counts.ts';

import { taskStatusIsSql } from './status-sql.ts';
import { listTargets } from './targets.ts';
import { directoryOf, unitRef } from './units.ts';
import { listUnits } from '@dondoc/auth';
import { VersionedMemo } from './versioned-memo.ts';

/**
 * Counts by status of the leaf tasks (parents roll up their children, so counting them too
 * would count twice), per lead unit and in total, as of `asOf`; completion rates (done ÷
 * (done + overdue)); beside them, the tasks due within the current quarter ("đến hạn trong
 * kỳ", by its calendar bounds), the extended tasks (gia hạn) and the tasks flagged for the
 * leadership (overdue after more than three reminders to the lead unit while overdue);
 * targets by forecast class. Cancelled tasks are not counted. A unit's user sees their own
 * unit only.
 */
export async function overviewSummary(db: Queryable, access: Access, asOf: IsoDate, today: IsoDate): Promise<OverviewSummary> {
  const scope: UnitSelection = access.allowed && access.unitCodes !== 'all' ? access.unitCodes : 'all';
  // Inside a transaction the figures may include its own uncommitted writes, and the version
  // moves only at its commit: such a read is computed, never shared.
  if (isTransaction(db)) return computeOverviewSummary(db, scope, asOf, today);
  return summaryMemo.get(db, await overviewKey(db, scope, asOf, today), () => computeOverviewSummary(db, scope, asOf, today));
}

/** The memo key of an overview read: the day, the date asked for, the reach and the data versions (one row read). */
async function overviewKey(db: Queryable, scope: UnitSelection, asOf: IsoDate, today: IsoDate): Promise<string> {
  const versions = await queryRows<{ name: string; version: number }>(db, sql`select name, version from core.data_versions where name in ('overview', 'forecasts') order by name`);
  return [today, asOf, scope === 'all' ? '*' : [...scope].sort().join(','), ...versions.map((v) => `${v.name}:${v.version}`)].join('|');
}

/** The overview's figures, as `overviewSummary` answers them (shared between callers: read-only). */
export type OverviewSummary = Awaited<ReturnType<typeof computeOverviewSummary>>;

/**
 * Answers of `overview.summary` shared between the coordinators who ask for the same date and
 * reach while nothing has changed: the key holds the `overview` and `forecasts` versions, which
 * the triggers of migrations 0010 and 0011 move in every transaction that writes what the
 * figures are made of (tasks, reminders, units, targets, measurements). A read after a commit
 * reads the new version, so it is never answered from before the write; requests that arrive
 * while the same answer is being computed wait for it instead of computing it again (16
 * coordinators at once on two cores cost one computation, not sixteen).
 */
const summaryMemo = new VersionedMemo<OverviewSummary>(64);

function isTransaction(db: Queryable): boolean {
  return typeof (db as { rollback?: unknown }).rollback === 'function';
}

async function computeOverviewSummary(db: Queryable, scope: UnitSelection, asOf: IsoDate, today: IsoDate) {
  const quarter = periodOf('quarter', asOf);
  // Kept by the tasks' trigger in each write's transaction: nothing here counts the tasks.
  const [byUnit, flaggedByUnit, unitList] = await Promise.all([keptStatusCounts(db, { asOf, period: quarter, units: scope, today }), flaggedByLeadUnit(db, asOf, scope), listUnits(db)]);
  const directory = directoryOf(unitList);
  const kinds = new Map(unitList.map((u) => [u.code, u.kind]));
  const totals = emptyStatusCounts();
  let dueInPeriod = 0;
  let extended = 0;
  for (const entry of byUnit.values()) {
    for (const s of TASK_STATUSES) totals[s] += entry.counts[s];
    dueInPeriod += entry.dueInPeriod;
    extended += entry.extended;
  }
  const rows = [...byUnit.entries()].map(([code, entry]) => ({ code, entry, kind: kinds.get(code) ?? null, completionRate: completionRate(entry.counts) }));
  // Ranked by completion rate among units of their kind (departments apart from districts), as
  // the city ranks them; a unit's user sees no rank (they see their own unit only).
  const rankOf = new Map<string, number | null>();
  if (scope === 'all') {
    for (const kind of new Set(rows.map((r) => r.kind))) {
      for (const [code, rank] of competitionRanks(rows.filter((r) => r.kind === kind).map((r) => ({ key: r.code, value: r.completionRate })))) rankOf.set(code, rank);
    }
  }
  // Each unit's object written out field by field, not spread (`{ ...ref, kind, … }`): V8 makes
  // spread-then-extended objects slow ones, ten times slower to build here and slower to turn
  // into JSON. By code, compared as plain strings: `localeCompare` goes through the locale's
  // collation on every comparison.
  const units = rows
    .map(({ code, entry, kind, completionRate: rate }) => {
      const ref = unitRef(directory, code);
      return {
        code: ref.code,
        name: ref.name,
        kind,
        counts: entry.counts,
        total: TASK_STATUSES.reduce((sum, s) => sum + entry.counts[s], 0),
        completionRate: rate,
        dueInPeriod: entry.dueInPeriod,
        extended: entry.extended,
        flagged: flaggedByUnit.get(code) ?? 0,
        rank: rankOf.get(code) ?? null,
      };
    })
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
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

/** Months the overview's chart of statuses over time covers. */
export const TREND_MONTHS = 12;

/**
 * Tasks by status as they stood at each month's end of the last `months` months up to `asOf`
 * (the month in progress as of `asOf`), with the completion rate: the overview's chart of the
 * status distribution over time. Each point is a read of the kept counts (no task is counted).
 * A unit's user sees their own unit's.
 */
export async function overviewTrend(db: Queryable, access: Access, asOf: IsoDate, today: IsoDate, months: number = TREND_MONTHS): Promise<OverviewTrend> {
  const scope: UnitSelection = access.allowed && access.unitCodes !== 'all' ? access.unitCodes : 'all';
  if (isTransaction(db)) return computeOverviewTrend(db, scope, asOf, today, months);
  return trendMemo.get(db, `${await overviewKey(db, scope, asOf, today)}|${months}`, () => computeOverviewTrend(db, scope, asOf, today, months));
}

export type OverviewTrend = Awaited<ReturnType<typeof computeOverviewTrend>>;
/** As `summaryMemo`, for the chart of statuses over time. */
const trendMemo = new VersionedMemo<OverviewTrend>(16);

async function computeOverviewTrend(db: Queryable, scope: UnitSelection, asOf: IsoDate, today: IsoDate, months: number) {
  const points = await Promise.all(
    monthEndsUpTo(asOf, months).map(async (date) => {
      const byUnit = await keptStatusCounts(db, { asOf: date, period: periodOf('quarter', date), units: scope, today });
      const counts = emptyStatusCounts();
      for (const entry of byUnit.values()) for (const s of TASK_STATUSES) counts[s] += entry.counts[s];
      return { asOf: date, counts, completionRate: completionRate(counts) };
    }),
  );
  return { asOf, points };
}

/**
 * Overdue tasks flagged for the leadership, by lead unit: read from the reminders side (a task
 * needs more than three reminders to its lead unit after its deadline), so that the cost grows
 * with the reminders sent, not with the tasks.
 */
async function flaggedByLeadUnit(db: Queryable, asOf: IsoDate, units: UnitSelection): Promise<Map<string, number>> {
  const conditions = [eq(tasks.isParent, false), activeTask, taskStatusIsSql('overdue', asOf), sql`${remindersWhileOverdueSql(asOf)} > ${LEADERSHIP_REMINDER_THRESHOLD}`];
  if (units !== 'all') conditions.push(inArray(tasks.leadUnitCode, [...units]));
  const reminded = db
    .select({ taskId: reminders.taskId })
    .from(reminders)
    .groupBy(reminders.taskId)
    .having(sql`count(*) > ${LEADERSHIP_REMINDER_THRESHOLD}`);
  const rows = await db
    .select({ unitCode: tasks.leadUnitCode, n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(inArray(tasks.id, reminded), ...conditions))
    .groupBy(tasks.leadUnitCode);
  return new Map(rows.map((r) => [r.unitCode, Number(r.n)]));
}

/**
 * Targets by forecast class, cached per database until a target or a measurement changes:
 * the forecast needs every measurement (tens of thousands at city scale), the overview is
 * asked for often, and measurements change rarely. The key is the `forecasts` version that
 * triggers move in every write to targets and measurements (one row read).
 */
const forecastCache = new WeakMap<object, Map<string, Record<ForecastClass, number>>>();

async function targetsByForecastClass(db: Queryable, asOf: IsoDate): Promise<Record<ForecastClass, number>> {
  const [state] = await db.select({ version: dataVersions.version }).from(dataVersions).where(eq(dataVersions.name, 'forecasts'));
  const key = `${asOf}|${state?.version ?? 'none'}`;
  const cached = forecastCache.get(db)?.get(key);
  if (cached) return { ...cached };
  const counts = Object.fromEntries(FORECAST_CLASSES.map((c) => [c, 0])) as Record<ForecastClass, number>;
  for (const target of await listTargets(db, asOf)) counts[target.forecast.class] += 1;
  // One entry per database is enough: the next change makes the old key useless.
  forecastCache.set(db, new Map([[key, counts]]));
  return { ...counts };
}

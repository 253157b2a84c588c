/**
 * Task status as of a date, and how statuses add up — the way Vietnamese agencies count
 * tasks in a periodic report (DOMAIN.md, "How Vietnamese agencies count tasks"):
 *
 *   tasks that are due (nhiệm vụ đến hạn)
 *     ├─ done (đã hoàn thành):       on time `done_on_time` / late `done_late`
 *     └─ not done (chưa hoàn thành): within deadline `in_progress` / overdue `overdue`
 *   tasks not yet due (chưa đến hạn)  `not_due`
 *   continuous tasks (thường xuyên)   `continuous`
 *   + the flag "chưa cập nhật tiến độ" (`noProgressUpdate`)
 */
import { assertIsoDate, compareDates, maxDate, type IsoDate } from './dates.ts';
import { TASK_STATUSES, type TaskStatus } from './labels.ts';

export interface TaskStatusInput {
  /** Deadline (thời hạn); null for a continuous task (or a task without one). */
  deadline: IsoDate | null;
  /** Continuous task (thường xuyên): no single deadline, reported every period. */
  continuous: boolean;
  /** The day the task was completed; null while it is not. */
  completedOn: IsoDate | null;
}

export interface TaskStatusOptions {
  /**
   * Last day of the current reporting period. An unfinished task whose deadline falls after
   * it is "not yet due" (chưa đến hạn). Defaults to `asOf`. A value before `asOf` is read as
   * `asOf` (a deadline of `asOf` itself is always still within deadline).
   */
  periodEnd?: IsoDate;
}

/**
 * Status of a task as of `asOf`. Rules, first match wins:
 *
 * 1. `continuous` — a continuous task has no single deadline: it is `continuous` whatever
 *    else is recorded on it.
 * 2. Completed on or before `asOf` (a completion dated after `asOf` has not happened yet as
 *    of `asOf`, so it does not count):
 *    `done_on_time` when completed on or before the deadline (the deadline day itself is on
 *    time), `done_late` when after it. A task without a deadline cannot be late.
 * 3. Not completed (as of `asOf`):
 *    - no deadline → `not_due` (it never becomes due);
 *    - deadline before `asOf` → `overdue` (quá hạn);
 *    - deadline after `periodEnd` → `not_due` (chưa đến hạn);
 *    - otherwise, `asOf` ≤ deadline ≤ `periodEnd` → `in_progress` (trong hạn).
 *
 * Why `periodEnd`: agencies count as "not yet due" the tasks whose deadline falls after the
 * end of the current reporting period, and as "in progress within deadline" the unfinished
 * tasks whose deadline falls within the period, on or after the as-of date. Without a
 * period (`periodEnd` defaults to `asOf`) every unfinished task with a future deadline is
 * `not_due`, and a task whose deadline is exactly `asOf` (deadline today) is `in_progress`.
 */
export function taskStatus(
  task: TaskStatusInput,
  asOf: IsoDate,
  options: TaskStatusOptions = {},
): TaskStatus {
  const periodEnd = maxDate(options.periodEnd ?? asOf, asOf);
  const { deadline, completedOn } = task;
  if (task.continuous) return 'continuous';

  if (completedOn !== null && compareDates(completedOn, asOf) <= 0) {
    if (deadline === null) return 'done_on_time';
    return compareDates(completedOn, deadline) <= 0 ? 'done_on_time' : 'done_late';
  }

  if (deadline === null) return 'not_due';
  if (compareDates(deadline, asOf) < 0) return 'overdue';
  if (compareDates(deadline, periodEnd) > 0) return 'not_due';
  return 'in_progress';
}

/** The statuses a report counts as due (đến hạn). */
export const DUE_STATUSES = ['done_on_time', 'done_late', 'overdue', 'in_progress'] as const satisfies readonly TaskStatus[];
/** The statuses that are complete (đã hoàn thành). */
export const DONE_STATUSES = ['done_on_time', 'done_late'] as const satisfies readonly TaskStatus[];

/**
 * Due (đến hạn): done on time, done late, overdue, or in progress within the period.
 * Not due: `not_due` and `continuous` (a continuous task has no deadline to fall due).
 * A completed task counts as due even when completed ahead of a later deadline: it is
 * reported among the completed tasks.
 */
export function isDue(status: TaskStatus): boolean {
  return (DUE_STATUSES as readonly TaskStatus[]).includes(status);
}

export function isDone(status: TaskStatus): boolean {
  return status === 'done_on_time' || status === 'done_late';
}

/** Number of tasks in each status. */
export type StatusCounts = Record<TaskStatus, number>;

export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

export function countStatuses(statuses: Iterable<TaskStatus>): StatusCounts {
  const counts = emptyStatusCounts();
  for (const s of statuses) counts[s] += 1;
  return counts;
}

/**
 * Completion rate (tỷ lệ hoàn thành) = done ÷ due, as a fraction in [0, 1]:
 *   done = done_on_time + done_late
 *   due  = done_on_time + done_late + overdue + in_progress
 * `not_due` and `continuous` tasks are in neither. Null when nothing is due (no rate,
 * rather than a misleading 0% or 100%). Missing keys count as 0.
 */
export function completionRate(counts: Partial<StatusCounts>): number | null {
  const n = (s: TaskStatus): number => {
    const v = counts[s] ?? 0;
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`Count of ${s} must be a whole number ≥ 0: ${v}`);
    return v;
  };
  const done = n('done_on_time') + n('done_late');
  const due = done + n('overdue') + n('in_progress');
  return due === 0 ? null : done / due;
}

/**
 * The flag "chưa cập nhật tiến độ": no progress update within the current period, i.e. no
 * update at all or the last one dated before `periodStart`. An update on `periodStart`
 * counts. Pass the last update on or before the as-of date; the flag is meant for tasks still
 * being worked on (in progress, overdue, continuous), the caller decides where to show it.
 */
export function noProgressUpdate(lastUpdateOn: IsoDate | null, periodStart: IsoDate): boolean {
  assertIsoDate(periodStart);
  return lastUpdateOn === null || compareDates(lastUpdateOn, periodStart) < 0;
}

// ---------------------------------------------------------------------------------------
// Roll-up of a parent task over its children (one child per unit)

export interface RollUpChild {
  status: TaskStatus;
  /** Reported progress in percent, 0-100. */
  progress: number;
}

export interface RollUp {
  /** Children in each status. */
  counts: StatusCounts;
  total: number;
  /**
   * Mean progress of the children in percent, rounded to one decimal; a completed child
   * counts as 100 whatever its last reported progress. Null when there are no children.
   */
  meanProgress: number | null;
  /** The parent's own status (see `rollUp`); null when there are no children. */
  status: TaskStatus | null;
  /** done ÷ due over the children (see `completionRate`). */
  completionRate: number | null;
}

/**
 * Order in which a child's status decides the parent's: the first status present among the
 * children wins. Worst first: one unit overdue makes the whole task overdue.
 */
export const ROLL_UP_PRECEDENCE = [
  'overdue',
  'in_progress',
  'not_due',
  'continuous',
  'done_late',
  'done_on_time',
] as const satisfies readonly TaskStatus[];

/**
 * Rolls up a parent task from its children (one per unit). The parent's status is:
 * - `overdue` if any child is overdue;
 * - else `in_progress` if any child is in progress within deadline;
 * - else `not_due` if any child is not yet due;
 * - else `continuous` if any child is continuous (the rest being done: the work goes on);
 * - else every child is done: `done_late` if any was late, `done_on_time` if all were on time.
 * So the parent is done only when every child is done.
 */
export function rollUp(children: readonly RollUpChild[]): RollUp {
  const counts = countStatuses(children.map((c) => c.status));
  let sum = 0;
  for (const c of children) {
    if (!Number.isFinite(c.progress) || c.progress < 0 || c.progress > 100) {
      throw new RangeError(`Progress must be between 0 and 100: ${c.progress}`);
    }
    sum += isDone(c.status) ? 100 : c.progress;
  }
  const total = children.length;
  return {
    counts,
    total,
    meanProgress: total === 0 ? null : roundTo1(sum / total),
    status: ROLL_UP_PRECEDENCE.find((s) => counts[s] > 0) ?? null,
    completionRate: completionRate(counts),
  };
}

function roundTo1(x: number): number {
  // Rounding x·10 to 9 decimals first settles halves that binary floating point stores just
  // below .x5 (1.45 * 10 is 14.499999999999998), so they round half up as written.
  return Math.round(Number((x * 10).toFixed(9))) / 10;
}

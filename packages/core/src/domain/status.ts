/**
 * Task status as of a date, and how statuses add up — the way Vietnamese agencies count
 * tasks in a periodic report (DOMAIN.md, "How Vietnamese agencies count tasks"):
 *
 *   done (đã hoàn thành):          on time `done_on_time` / late `done_late`
 *   unfinished (chưa hoàn thành):  within deadline `in_progress` / overdue `overdue`
 *   continuous (thường xuyên)       `continuous`
 *   + the flag "chưa cập nhật tiến độ" (`needsProgressFlag`)
 *   + the leadership flag "quá hạn trên 3 lần đôn đốc" (`flaggedForLeadership`)
 *
 * Completion rate = done ÷ (done + unfinished overdue): the formula of the Government's own
 * task reports (Báo cáo 1270/BC-TCTTTg, 2023: 16,051 done and 223 overdue give 98.6%; the
 * 5,640 unfinished tasks still within their deadline are outside the denominator).
 */
import { assertIsoDate, compareDates, maxDate, type IsoDate } from './dates.ts';
import { TASK_STATUSES, type TaskStatus } from './labels.ts';
import { periodForData, type Period } from './periods.ts';
import type { Cadence } from './labels.ts';

export interface TaskStatusInput {
  /** Deadline (thời hạn) in force: the approved one after an extension; null for a continuous task. */
  deadline: IsoDate | null;
  /** Continuous task (thường xuyên): no single deadline, reported every period. */
  continuous: boolean;
  /** The day the task was completed; null while it is not. */
  completedOn: IsoDate | null;
}

/**
 * Status of a task as of `asOf`: it depends on that date, the deadline and the completion
 * date only (no reporting period, so nothing jumps on the 15th of a quarter's last month).
 * Rules, first match wins:
 *
 * 1. `continuous` — a continuous task has no single deadline: it is `continuous` whatever
 *    else is recorded on it.
 * 2. Completed on or before `asOf` (a completion dated after `asOf` has not happened yet as
 *    of `asOf`, so it does not count):
 *    `done_on_time` when completed on or before the deadline (the deadline day itself is on
 *    time), `done_late` when after it. A task without a deadline cannot be late.
 * 3. Not completed (as of `asOf`):
 *    - deadline before `asOf` → `overdue` (quá hạn);
 *    - otherwise (deadline today or later, or no deadline at all) → `in_progress` (trong hạn).
 */
export function taskStatus(task: TaskStatusInput, asOf: IsoDate): TaskStatus {
  assertIsoDate(asOf);
  const { deadline, completedOn } = task;
  if (task.continuous) return 'continuous';

  if (completedOn !== null && compareDates(completedOn, asOf) <= 0) {
    if (deadline === null) return 'done_on_time';
    return compareDates(completedOn, deadline) <= 0 ? 'done_on_time' : 'done_late';
  }

  if (deadline !== null && compareDates(deadline, asOf) < 0) return 'overdue';
  return 'in_progress';
}

/** The statuses that are complete (đã hoàn thành). */
export const DONE_STATUSES = ['done_on_time', 'done_late'] as const satisfies readonly TaskStatus[];
/** The statuses in the completion rate's denominator: done, and unfinished overdue. */
export const RATE_STATUSES = ['done_on_time', 'done_late', 'overdue'] as const satisfies readonly TaskStatus[];
/** Unfinished tasks still being worked on (the "no progress update" flag applies to them). */
export const UNFINISHED_STATUSES = ['in_progress', 'overdue', 'continuous'] as const satisfies readonly TaskStatus[];

export function isDone(status: TaskStatus): boolean {
  return status === 'done_on_time' || status === 'done_late';
}

export function isUnfinished(status: TaskStatus): boolean {
  return (UNFINISHED_STATUSES as readonly TaskStatus[]).includes(status);
}

/**
 * "Đến hạn trong kỳ": a one-off task whose deadline falls within the period's calendar
 * bounds (Q3 2023: 01/07–30/09). A count of its own in the period's report, beside the
 * status counts; it does not change any task's status.
 */
export function isDueInPeriod(task: Pick<TaskStatusInput, 'deadline' | 'continuous'>, period: Pick<Period, 'start' | 'end'>): boolean {
  if (task.continuous || task.deadline === null) return false;
  return compareDates(period.start, task.deadline) <= 0 && compareDates(task.deadline, period.end) <= 0;
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
 * Completion rate (tỷ lệ hoàn thành) = done ÷ (done + overdue), as a fraction in [0, 1]:
 *   done    = done_on_time + done_late
 *   overdue = unfinished and past the deadline
 * Unfinished tasks within their deadline (`in_progress`) and `continuous` tasks are in
 * neither. Null when the denominator is empty (no rate, rather than a misleading 0% or
 * 100%). Missing keys count as 0.
 */
export function completionRate(counts: Partial<StatusCounts>): number | null {
  const n = (s: TaskStatus): number => {
    const v = counts[s] ?? 0;
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`Count of ${s} must be a whole number ≥ 0: ${v}`);
    return v;
  };
  const done = n('done_on_time') + n('done_late');
  const denominator = done + n('overdue');
  return denominator === 0 ? null : done / denominator;
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

export interface ProgressFlagInput {
  status: TaskStatus;
  /** Date of the last progress update (report or edit). */
  lastProgressOn: IsoDate | null;
  /** Date the task was given (issued); a task given inside the current window is not flagged yet. */
  assignedOn: IsoDate | null;
  /** Reporting cadence of the task; quarterly when it has none. */
  cadence: Cadence | null;
}

/**
 * "Chưa cập nhật tiến độ" as of `asOf`: an unfinished task (within deadline, overdue or
 * continuous, so also one not yet due) with no progress update inside the data window of the
 * current period of its cadence (the period `asOf`'s figures belong to: as of 20/09/2023 the
 * quarterly window is 15/09–14/12/2023). Updates dated after `asOf` are not known yet. A task
 * given inside that window counts as updated on the day it was given: it is new, not silent.
 */
export function needsProgressFlag(task: ProgressFlagInput, asOf: IsoDate): boolean {
  if (!isUnfinished(task.status)) return false;
  const windowStart = periodForData(task.cadence ?? 'quarter', asOf).windowStart;
  const known = [task.lastProgressOn, task.assignedOn].filter((d): d is IsoDate => d !== null && compareDates(d, asOf) <= 0);
  const last = known.length === 0 ? null : known.reduce((a, b) => maxDate(a, b));
  return noProgressUpdate(last, windowStart);
}

/** Hà Nội's rule: "quá hạn trên 3 lần đôn đốc" goes to the leadership's briefing (giao ban). */
export const LEADERSHIP_REMINDER_THRESHOLD = 3;

/**
 * Reminders that count toward the leadership flag, as of `asOf`: those sent to the task's
 * lead unit after its deadline (while it was overdue) and on or before `asOf`. Reminders
 * sent on or before the deadline, or to coordinating units, do not count.
 */
export function remindersWhileOverdue(
  deadline: IsoDate | null,
  reminders: ReadonlyArray<{ sentOn: IsoDate; toLeadUnit: boolean }>,
  asOf: IsoDate,
): number {
  if (deadline === null) return 0;
  return reminders.filter((r) => r.toLeadUnit && compareDates(r.sentOn, deadline) > 0 && compareDates(r.sentOn, asOf) <= 0).length;
}

/** The leadership flag: still overdue as of `asOf`, with more than three reminders sent to its lead unit while overdue. */
export function flaggedForLeadership(status: TaskStatus, remindersWhileOverdueCount: number): boolean {
  return status === 'overdue' && remindersWhileOverdueCount > LEADERSHIP_REMINDER_THRESHOLD;
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
  /** done ÷ (done + overdue) over the children (see `completionRate`). */
  completionRate: number | null;
}

/**
 * Order in which a child's status decides the parent's: the first status present among the
 * children wins. Worst first: one unit overdue makes the whole task overdue.
 */
export const ROLL_UP_PRECEDENCE = [
  'overdue',
  'in_progress',
  'continuous',
  'done_late',
  'done_on_time',
] as const satisfies readonly TaskStatus[];

/**
 * Rolls up a parent task from its children (one per unit). The parent's status is:
 * - `overdue` if any child is overdue;
 * - else `in_progress` if any child is unfinished within deadline;
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

/**
 * Status counts as of any date from a few events per task, so that the overview reads kept
 * counts instead of counting every task (the trigger of migration 0010 keeps them; this file is
 * the rule it follows, and what tests hold it against).
 *
 * A task that is not continuous changes status only on these days (`taskStatus`):
 *   `due`                 its deadline: it is due within the periods that hold this day;
 *   `past_deadline`       deadline + 1: from then it is overdue, unless it is done;
 *   `done_on_time`        completedOn, when completedOn ≤ deadline or there is no deadline;
 *   `done_late`           completedOn, when completedOn > deadline;
 *   `past_deadline_done`  max(deadline + 1, completedOn): from then it is both past its deadline
 *                         and done, so it is no longer overdue.
 * With E_k(d) the number of events of kind k on or before d, as of d:
 *   done_on_time = E_done_on_time(d), done_late = E_done_late(d),
 *   overdue = E_past_deadline(d) − E_past_deadline_done(d),
 *   in_progress = (tasks that are not continuous) − the three above,
 *   continuous = the continuous tasks (they have no single deadline);
 * and the tasks due within [start, end] (đến hạn trong kỳ) are the `due` events in it.
 */
import { addDays, maxDate, type IsoDate } from './dates.ts';
import type { StatusCounts } from './status.ts';
import type { TaskStatusInput } from './status.ts';

export const STATUS_EVENT_KINDS = ['due', 'past_deadline', 'done_on_time', 'done_late', 'past_deadline_done'] as const;
export type StatusEventKind = (typeof STATUS_EVENT_KINDS)[number];

export interface StatusEvent {
  kind: StatusEventKind;
  day: IsoDate;
}

/** The days on which a task's status changes, by kind (none for a continuous task). */
export function taskStatusEvents(task: TaskStatusInput): StatusEvent[] {
  if (task.continuous) return [];
  const events: StatusEvent[] = [];
  const { deadline, completedOn } = task;
  if (completedOn !== null) events.push({ kind: deadline === null || completedOn <= deadline ? 'done_on_time' : 'done_late', day: completedOn });
  if (deadline !== null) {
    const pastDeadline = addDays(deadline, 1);
    events.push({ kind: 'due', day: deadline }, { kind: 'past_deadline', day: pastDeadline });
    if (completedOn !== null) events.push({ kind: 'past_deadline_done', day: maxDate(pastDeadline, completedOn) });
  }
  return events;
}

export type EventCounts = Record<StatusEventKind, number>;

export function emptyEventCounts(): EventCounts {
  return { due: 0, past_deadline: 0, done_on_time: 0, done_late: 0, past_deadline_done: 0 };
}

/** The tasks of a unit whose count does not depend on the date. */
export interface UndatedTotals {
  /** Tasks that are not continuous (with a deadline or none). */
  dated: number;
  continuous: number;
}

/** Status counts as of a date from the totals and the events up to that date (see the file's comment). */
export function statusCountsFromEvents(totals: UndatedTotals, events: EventCounts): StatusCounts {
  const overdue = events.past_deadline - events.past_deadline_done;
  return {
    done_on_time: events.done_on_time,
    done_late: events.done_late,
    overdue,
    in_progress: totals.dated - events.done_on_time - events.done_late - overdue,
    continuous: totals.continuous,
  };
}

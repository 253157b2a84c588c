import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/seeded-random.ts';
import { addDays, compareDates, type IsoDate } from './dates.ts';
import { countStatuses, isDueInPeriod, taskStatus, type TaskStatusInput } from './status.ts';
import { emptyEventCounts, statusCountsFromEvents, taskStatusEvents, type EventCounts } from './status-events.ts';

const task = (deadline: IsoDate | null, completedOn: IsoDate | null = null, continuous = false): TaskStatusInput => ({ deadline, completedOn, continuous });

/** Events of the tasks on or before `asOf`, counted by kind. */
function eventsUpTo(tasks: readonly TaskStatusInput[], asOf: IsoDate): EventCounts {
  const counts = emptyEventCounts();
  for (const t of tasks) for (const e of taskStatusEvents(t)) if (compareDates(e.day, asOf) <= 0) counts[e.kind] += 1;
  return counts;
}
const totalsOf = (tasks: readonly TaskStatusInput[]) => ({ dated: tasks.filter((t) => !t.continuous).length, continuous: tasks.filter((t) => t.continuous).length });

describe('taskStatusEvents: the days a task changes status', () => {
  it('an unfinished task due 15/03/2024 turns overdue on 16/03', () => {
    expect(taskStatusEvents(task('2024-03-15'))).toEqual([
      { kind: 'due', day: '2024-03-15' },
      { kind: 'past_deadline', day: '2024-03-16' },
    ]);
  });
  it('done on its deadline day is on time; past the deadline and done from the day after the deadline', () => {
    expect(taskStatusEvents(task('2024-03-15', '2024-03-15'))).toEqual([
      { kind: 'done_on_time', day: '2024-03-15' },
      { kind: 'due', day: '2024-03-15' },
      { kind: 'past_deadline', day: '2024-03-16' },
      { kind: 'past_deadline_done', day: '2024-03-16' },
    ]);
  });
  it('done late: overdue from the day after the deadline until the completion day', () => {
    expect(taskStatusEvents(task('2024-03-15', '2024-04-02'))).toEqual([
      { kind: 'done_late', day: '2024-04-02' },
      { kind: 'due', day: '2024-03-15' },
      { kind: 'past_deadline', day: '2024-03-16' },
      { kind: 'past_deadline_done', day: '2024-04-02' },
    ]);
  });
  it('a task without a deadline is never late; a continuous task has no events', () => {
    expect(taskStatusEvents(task(null, '2024-05-01'))).toEqual([{ kind: 'done_on_time', day: '2024-05-01' }]);
    expect(taskStatusEvents(task(null))).toEqual([]);
    expect(taskStatusEvents(task('2024-03-15', '2024-03-01', true))).toEqual([]);
  });
  it('a deadline on 31/12 is past on 01/01 of the next year', () => {
    expect(taskStatusEvents(task('2024-12-31'))[1]).toEqual({ kind: 'past_deadline', day: '2025-01-01' });
  });
});

describe('statusCountsFromEvents: the same counts as counting every task, on every day', () => {
  it('for 300 generated sets of tasks, every day of eight months', () => {
    const start = '2024-01-01';
    for (let run = 0; run < 300; run++) {
      const next = seededRandom(7_000 + run);
      const day = (span: number) => addDays(start, Math.floor(next() * span));
      const tasks = Array.from({ length: Math.floor(next() * 30) }, () => {
        const r = next();
        if (r < 0.1) return task(null, null, true);
        const deadline = r < 0.2 ? null : day(240);
        const completedOn = next() < 0.5 ? day(240) : null;
        return task(deadline, completedOn);
      });
      for (let d = -1; d < 245; d += 1 + Math.floor(next() * 3)) {
        const asOf = addDays(start, d);
        const expected = countStatuses(tasks.map((t) => taskStatus(t, asOf)));
        expect(statusCountsFromEvents(totalsOf(tasks), eventsUpTo(tasks, asOf)), `run ${run}, ${asOf}`).toEqual(expected);
      }
    }
  });

  it('by hand: four tasks as of 20/03/2024', () => {
    const tasks = [task('2024-03-15'), task('2024-03-15', '2024-03-10'), task('2024-03-01', '2024-03-18'), task('2024-04-30'), task(null, null, true)];
    // overdue: the first (unfinished past 15/03); done on time: the second; done late: the third; in progress: the fourth.
    expect(statusCountsFromEvents(totalsOf(tasks), eventsUpTo(tasks, '2024-03-20'))).toEqual({ done_on_time: 1, done_late: 1, overdue: 1, in_progress: 1, continuous: 1 });
    // As of 17/03, the third is still overdue (done on 18/03).
    expect(statusCountsFromEvents(totalsOf(tasks), eventsUpTo(tasks, '2024-03-17'))).toEqual({ done_on_time: 1, done_late: 0, overdue: 2, in_progress: 1, continuous: 1 });
  });
});

describe('due events: tasks due within a period', () => {
  it('equal isDueInPeriod counted task by task', () => {
    const next = seededRandom(42);
    const tasks = Array.from({ length: 400 }, () => (next() < 0.1 ? task(null, null, true) : task(next() < 0.1 ? null : addDays('2024-01-01', Math.floor(next() * 366)), next() < 0.3 ? '2024-06-01' : null)));
    for (const [from, to] of [['2024-04-01', '2024-06-30'], ['2024-01-01', '2024-01-01'], ['2024-12-01', '2025-03-31']] as const) {
      const expected = tasks.filter((t) => isDueInPeriod(t, { start: from, end: to })).length;
      const due = tasks.flatMap((t) => taskStatusEvents(t)).filter((e) => e.kind === 'due' && compareDates(e.day, from) >= 0 && compareDates(e.day, to) <= 0).length;
      expect(due, `${from}–${to}`).toBe(expected);
      expect(expected).toBeGreaterThan(0);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { TASK_STATUSES, type TaskStatus } from './labels.ts';
import {
  ROLL_UP_PRECEDENCE,
  completionRate,
  countStatuses,
  emptyStatusCounts,
  isDone,
  isDue,
  noProgressUpdate,
  rollUp,
  taskStatus,
  type TaskStatusInput,
} from './status.ts';

/** A one-off task due 15/03/2024. */
const due15 = (completedOn: string | null = null): TaskStatusInput => ({
  deadline: '2024-03-15',
  continuous: false,
  completedOn,
});

describe('taskStatus: unfinished tasks', () => {
  it('deadline today is still within deadline', () => {
    expect(taskStatus(due15(), '2024-03-15')).toBe('in_progress');
  });

  it('the day after the deadline is overdue', () => {
    expect(taskStatus(due15(), '2024-03-16')).toBe('overdue');
    expect(taskStatus(due15(), '2025-01-01')).toBe('overdue');
  });

  it('without a period, a future deadline is not yet due', () => {
    expect(taskStatus(due15(), '2024-03-14')).toBe('not_due');
    expect(taskStatus(due15(), '2023-12-31')).toBe('not_due');
  });

  it('with a period, a deadline within the period is in progress, after it not yet due', () => {
    // As of 10/03/2024, reporting on March (period end 31/03).
    expect(taskStatus(due15(), '2024-03-10', { periodEnd: '2024-03-31' })).toBe('in_progress');
    // Deadline on the period's last day is within the period.
    expect(taskStatus(due15(), '2024-03-10', { periodEnd: '2024-03-15' })).toBe('in_progress');
    // Deadline the day after the period's end.
    expect(taskStatus(due15(), '2024-03-10', { periodEnd: '2024-03-14' })).toBe('not_due');
    // The Q1 2024 data window ends 14/03: a task due 15/03 is not yet due in the Q1 report.
    expect(taskStatus(due15(), '2024-03-01', { periodEnd: '2024-03-14' })).toBe('not_due');
  });

  it('a period end does not rescue an overdue task', () => {
    expect(taskStatus(due15(), '2024-03-20', { periodEnd: '2024-03-31' })).toBe('overdue');
  });

  it('a period end before asOf is read as asOf: deadline today stays in progress', () => {
    expect(taskStatus(due15(), '2024-03-15', { periodEnd: '2024-03-14' })).toBe('in_progress');
    const due16 = { ...due15(), deadline: '2024-03-16' };
    expect(taskStatus(due16, '2024-03-15', { periodEnd: '2024-03-14' })).toBe('not_due');
  });

  it('a task with neither deadline nor continuity never falls due', () => {
    expect(taskStatus({ deadline: null, continuous: false, completedOn: null }, '2024-03-15')).toBe('not_due');
  });
});

describe('taskStatus: completed tasks', () => {
  it('done on the deadline day is on time', () => {
    expect(taskStatus(due15('2024-03-15'), '2024-03-15')).toBe('done_on_time');
    expect(taskStatus(due15('2024-03-15'), '2024-06-30')).toBe('done_on_time');
  });

  it('done a day late is late', () => {
    expect(taskStatus(due15('2024-03-16'), '2024-03-16')).toBe('done_late');
    expect(taskStatus(due15('2024-03-16'), '2024-12-31')).toBe('done_late');
  });

  it('done early is on time, whatever the period', () => {
    expect(taskStatus(due15('2024-02-01'), '2024-02-10')).toBe('done_on_time');
    expect(taskStatus(due15('2024-02-01'), '2024-02-10', { periodEnd: '2024-02-14' })).toBe('done_on_time');
  });

  it('a completion after asOf does not count yet', () => {
    const lateDone = due15('2024-03-18');
    expect(taskStatus(lateDone, '2024-03-14')).toBe('not_due');
    expect(taskStatus(lateDone, '2024-03-15')).toBe('in_progress');
    expect(taskStatus(lateDone, '2024-03-17')).toBe('overdue'); // not yet done on 17/03
    expect(taskStatus(lateDone, '2024-03-18')).toBe('done_late'); // done that day
    const earlyDone = due15('2024-03-10');
    expect(taskStatus(earlyDone, '2024-03-09', { periodEnd: '2024-03-31' })).toBe('in_progress');
    expect(taskStatus(earlyDone, '2024-03-10')).toBe('done_on_time');
  });

  it('a task without a deadline cannot be late', () => {
    expect(taskStatus({ deadline: null, continuous: false, completedOn: '2024-03-01' }, '2024-03-15')).toBe(
      'done_on_time',
    );
  });
});

describe('taskStatus: continuous tasks', () => {
  it('are continuous whatever else is recorded', () => {
    expect(taskStatus({ deadline: null, continuous: true, completedOn: null }, '2024-03-15')).toBe('continuous');
    expect(taskStatus({ deadline: '2024-01-01', continuous: true, completedOn: null }, '2024-03-15')).toBe(
      'continuous',
    );
    expect(taskStatus({ deadline: null, continuous: true, completedOn: '2024-03-01' }, '2024-03-15')).toBe(
      'continuous',
    );
  });
});

describe('taskStatus: input checks', () => {
  it('refuses malformed dates', () => {
    expect(() => taskStatus(due15(), '15/03/2024')).toThrow(RangeError);
    expect(() => taskStatus({ ...due15(), deadline: '2024-02-30' }, '2024-03-15')).toThrow(RangeError);
    expect(() => taskStatus(due15('2024-3-1'), '2024-03-15')).toThrow(RangeError);
    expect(() => taskStatus(due15(), '2024-03-15', { periodEnd: 'soon' })).toThrow(RangeError);
  });
});

describe('isDue / isDone', () => {
  it('due = done on time, done late, overdue, in progress', () => {
    const due = TASK_STATUSES.filter(isDue);
    expect(due).toEqual(['in_progress', 'overdue', 'done_on_time', 'done_late']);
    expect(isDue('not_due')).toBe(false);
    expect(isDue('continuous')).toBe(false);
    expect(TASK_STATUSES.filter(isDone)).toEqual(['done_on_time', 'done_late']);
  });
});

describe('completionRate', () => {
  it('is done ÷ due', () => {
    // done 6 + 2 = 8; due 8 + overdue 1 + in progress 1 = 10; not_due and continuous left out.
    expect(
      completionRate({ done_on_time: 6, done_late: 2, overdue: 1, in_progress: 1, not_due: 5, continuous: 3 }),
    ).toBe(0.8);
    // 1 done of 3 due.
    expect(completionRate({ done_late: 1, overdue: 2 })).toBeCloseTo(1 / 3, 12);
    expect(completionRate({ overdue: 4 })).toBe(0);
    expect(completionRate({ done_on_time: 3 })).toBe(1);
  });

  it('is null when nothing is due', () => {
    expect(completionRate({})).toBeNull();
    expect(completionRate(emptyStatusCounts())).toBeNull();
    expect(completionRate({ not_due: 7, continuous: 2 })).toBeNull();
  });

  it('refuses impossible counts', () => {
    expect(() => completionRate({ overdue: -1 })).toThrow(RangeError);
    expect(() => completionRate({ overdue: 1.5 })).toThrow(RangeError);
  });
});

describe('countStatuses', () => {
  it('counts every status, zero included', () => {
    expect(countStatuses(['overdue', 'overdue', 'done_late'])).toEqual({
      not_due: 0,
      in_progress: 0,
      overdue: 2,
      done_on_time: 0,
      done_late: 1,
      continuous: 0,
    });
  });
});

describe('noProgressUpdate', () => {
  // Current period: March 2024, data window from 15/02/2024.
  it('flags a task never updated or last updated before the period', () => {
    expect(noProgressUpdate(null, '2024-02-15')).toBe(true);
    expect(noProgressUpdate('2024-02-14', '2024-02-15')).toBe(true);
    expect(noProgressUpdate('2023-12-01', '2024-02-15')).toBe(true);
  });

  it('does not flag an update on or after the period start', () => {
    expect(noProgressUpdate('2024-02-15', '2024-02-15')).toBe(false);
    expect(noProgressUpdate('2024-03-10', '2024-02-15')).toBe(false);
  });

  it('refuses malformed dates', () => {
    expect(() => noProgressUpdate(null, '2024-02-30')).toThrow(RangeError);
    expect(() => noProgressUpdate('yesterday', '2024-02-15')).toThrow(RangeError);
  });
});

describe('rollUp', () => {
  const child = (status: TaskStatus, progress = 0) => ({ status, progress });

  it('is overdue when any unit is overdue; counts, mean progress, rate', () => {
    const r = rollUp([
      child('done_on_time', 100),
      child('done_on_time', 90), // a completed child counts as 100
      child('in_progress', 40),
      child('overdue', 25),
    ]);
    expect(r.status).toBe('overdue');
    expect(r.total).toBe(4);
    expect(r.counts).toEqual({ not_due: 0, in_progress: 1, overdue: 1, done_on_time: 2, done_late: 0, continuous: 0 });
    // (100 + 100 + 40 + 25) / 4 = 66.25 → 66.3
    expect(r.meanProgress).toBe(66.3);
    // 2 done of 4 due
    expect(r.completionRate).toBe(0.5);
  });

  it('is done on time only when every child is done on time', () => {
    expect(rollUp([child('done_on_time', 100), child('done_on_time', 100)]).status).toBe('done_on_time');
    const r = rollUp([child('done_on_time', 100), child('done_late', 100), child('done_on_time', 100)]);
    expect(r.status).toBe('done_late');
    expect(r.meanProgress).toBe(100);
    expect(r.completionRate).toBe(1);
  });

  it('is not done while any child is not done', () => {
    expect(rollUp([child('done_on_time', 100), child('in_progress', 80)]).status).toBe('in_progress');
    expect(rollUp([child('done_on_time', 100), child('not_due', 10)]).status).toBe('not_due');
    expect(rollUp([child('done_late', 100), child('continuous', 50)]).status).toBe('continuous');
    expect(rollUp([child('in_progress', 10), child('not_due', 0), child('continuous', 0)]).status).toBe(
      'in_progress',
    );
  });

  it('is continuous when every child is continuous', () => {
    const r = rollUp([child('continuous', 30), child('continuous', 60)]);
    expect(r.status).toBe('continuous');
    expect(r.meanProgress).toBe(45);
    expect(r.completionRate).toBeNull();
  });

  it('follows the stated precedence for every pair of statuses', () => {
    for (const a of TASK_STATUSES) {
      for (const b of TASK_STATUSES) {
        const expected = ROLL_UP_PRECEDENCE.find((s) => s === a || s === b);
        expect(rollUp([child(a), child(b)]).status).toBe(expected);
      }
    }
  });

  it('rounds the mean to one decimal, halves up', () => {
    expect(rollUp([child('in_progress', 10), child('in_progress', 20), child('in_progress', 20)]).meanProgress).toBe(
      16.7, // 50 / 3 = 16.666…
    );
    expect(rollUp([child('in_progress', 1.45)]).meanProgress).toBe(1.5); // 1.45 is stored as 1.4499…
    expect(rollUp([child('in_progress', 0), child('in_progress', 0.5)]).meanProgress).toBe(0.3); // 0.25
    expect(rollUp([child('in_progress', 33), child('in_progress', 34), child('overdue', 34)]).meanProgress).toBe(33.7);
  });

  it('has no status and no mean without children', () => {
    const r = rollUp([]);
    expect(r).toEqual({ counts: emptyStatusCounts(), total: 0, meanProgress: null, status: null, completionRate: null });
  });

  it('refuses progress outside 0-100', () => {
    expect(() => rollUp([child('in_progress', 101)])).toThrow(RangeError);
    expect(() => rollUp([child('in_progress', -1)])).toThrow(RangeError);
    expect(() => rollUp([child('in_progress', Number.NaN)])).toThrow(RangeError);
  });

  it('rolls up statuses computed from real tasks (deadline 15/03/2024, as of 16/03/2024)', () => {
    const asOf = '2024-03-16';
    const units: { task: TaskStatusInput; progress: number }[] = [
      { task: due15('2024-03-15'), progress: 100 }, // on the deadline day: on time
      { task: due15('2024-03-16'), progress: 100 }, // a day late
      { task: due15('2024-03-20'), progress: 90 }, // completion after asOf: still overdue
    ];
    const r = rollUp(units.map((u) => ({ status: taskStatus(u.task, asOf), progress: u.progress })));
    expect(r.counts.done_on_time).toBe(1);
    expect(r.counts.done_late).toBe(1);
    expect(r.counts.overdue).toBe(1);
    expect(r.status).toBe('overdue');
    expect(r.meanProgress).toBe(96.7); // (100 + 100 + 90) / 3 = 96.666…
    expect(r.completionRate).toBeCloseTo(2 / 3, 12);
  });
});

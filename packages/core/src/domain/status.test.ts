import { describe, expect, it } from 'vitest';
import { TASK_STATUSES, type TaskStatus } from './labels.ts';
import { addDays, compareDates, type IsoDate } from './dates.ts';
import { makePeriod } from './periods.ts';
import { seededRandom } from '../../test/seeded-random.ts';
import {
  ROLL_UP_PRECEDENCE,
  completionRate,
  countStatuses,
  emptyStatusCounts,
  flaggedForLeadership,
  isDone,
  isDueInPeriod,
  isUnfinished,
  needsProgressFlag,
  noProgressUpdate,
  remindersWhileOverdue,
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

  it('a future deadline is within deadline, however far', () => {
    expect(taskStatus(due15(), '2024-03-14')).toBe('in_progress');
    expect(taskStatus(due15(), '2023-12-31')).toBe('in_progress');
    expect(taskStatus({ ...due15(), deadline: '2026-12-31' }, '2024-03-14')).toBe('in_progress');
  });

  it('nothing jumps on the 15th of a quarter’s last month (the data window turns, the status does not)', () => {
    // Q1 2024's data window ends 14/03, Q2's opens 15/03; a task due 30/04/2024 stays within deadline.
    const due3004 = { ...due15(), deadline: '2024-04-30' };
    expect(taskStatus(due3004, '2024-03-14')).toBe('in_progress');
    expect(taskStatus(due3004, '2024-03-15')).toBe('in_progress');
  });

  it('a task with neither deadline nor continuity is never overdue', () => {
    expect(taskStatus({ deadline: null, continuous: false, completedOn: null }, '2024-03-15')).toBe('in_progress');
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

  it('done early is on time', () => {
    expect(taskStatus(due15('2024-02-01'), '2024-02-10')).toBe('done_on_time');
  });

  it('a completion after asOf does not count yet', () => {
    const lateDone = due15('2024-03-18');
    expect(taskStatus(lateDone, '2024-03-14')).toBe('in_progress');
    expect(taskStatus(lateDone, '2024-03-15')).toBe('in_progress');
    expect(taskStatus(lateDone, '2024-03-17')).toBe('overdue'); // not yet done on 17/03
    expect(taskStatus(lateDone, '2024-03-18')).toBe('done_late'); // done that day
    const earlyDone = due15('2024-03-10');
    expect(taskStatus(earlyDone, '2024-03-09')).toBe('in_progress');
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
  });
});

describe('isDone / isUnfinished', () => {
  it('done = on time or late; unfinished = within deadline, overdue or continuous', () => {
    expect(TASK_STATUSES.filter(isDone)).toEqual(['done_on_time', 'done_late']);
    expect(TASK_STATUSES.filter(isUnfinished)).toEqual(['in_progress', 'overdue', 'continuous']);
  });
});

describe('completionRate', () => {
  it('is done ÷ (done + overdue): tasks within deadline and continuous ones are outside', () => {
    // done 6 + 2 = 8; denominator 8 + overdue 2 = 10; 5 within deadline and 3 continuous left out.
    expect(completionRate({ done_on_time: 6, done_late: 2, overdue: 2, in_progress: 5, continuous: 3 })).toBe(0.8);
    // 1 done, 2 overdue.
    expect(completionRate({ done_late: 1, overdue: 2 })).toBeCloseTo(1 / 3, 12);
    expect(completionRate({ overdue: 4 })).toBe(0);
    expect(completionRate({ done_on_time: 3, in_progress: 40 })).toBe(1);
  });

  it('gives the Government’s 2023 figure: 16,051 done, 223 overdue, 5,640 within deadline → 98.6%', () => {
    // Báo cáo 1270/BC-TCTTTg: 16,051 ÷ (16,051 + 223) = 0.98630…
    const rate = completionRate({ done_on_time: 16_051, overdue: 223, in_progress: 5_640 });
    expect(Math.round((rate ?? 0) * 1000) / 10).toBe(98.6);
  });

  it('is null when nothing is done or overdue', () => {
    expect(completionRate({})).toBeNull();
    expect(completionRate(emptyStatusCounts())).toBeNull();
    expect(completionRate({ in_progress: 7, continuous: 2 })).toBeNull();
  });

  it('refuses impossible counts', () => {
    expect(() => completionRate({ overdue: -1 })).toThrow(RangeError);
    expect(() => completionRate({ overdue: 1.5 })).toThrow(RangeError);
  });

  it('clause 1.6 as of 20/09/2023: 20 units done on 10/09, 31 not, deadline 30/09 → 100%', () => {
    // By hand: 20 done on time; the 31 others are unfinished but within deadline (30/09 not passed):
    // 20 ÷ (20 + 0) = 100%. The old rule counted the 31 as "due in the period": 20 ÷ 51 = 39.2%.
    const statuses = [
      ...Array.from({ length: 20 }, () => taskStatus({ deadline: '2023-09-30', continuous: false, completedOn: '2023-09-10' }, '2023-09-20')),
      ...Array.from({ length: 31 }, () => taskStatus({ deadline: '2023-09-30', continuous: false, completedOn: null }, '2023-09-20')),
    ];
    const counts = countStatuses(statuses);
    expect(counts).toMatchObject({ done_on_time: 20, in_progress: 31, overdue: 0 });
    expect(completionRate(counts)).toBe(1);
    // On 01/10/2023 the 31 are overdue: 20 ÷ 51 = 39.2%.
    const after = countStatuses([
      ...Array.from({ length: 20 }, () => taskStatus({ deadline: '2023-09-30', continuous: false, completedOn: '2023-09-10' }, '2023-10-01')),
      ...Array.from({ length: 31 }, () => taskStatus({ deadline: '2023-09-30', continuous: false, completedOn: null }, '2023-10-01')),
    ]);
    expect(Math.round((completionRate(after) ?? 0) * 1000) / 10).toBe(39.2);
  });
});

describe('completionRate over a quarter: it moves only on days a deadline passes or a completion is dated', () => {
  const random = seededRandom;
  const quarterStart = '2024-07-01';
  const days = 92; // 01/07–30/09/2024

  it('for 200 generated sets of tasks nobody touches during the quarter', () => {
    for (let run = 0; run < 200; run++) {
      const next = random(run + 1);
      const pick = (from: number, span: number) => addDays(quarterStart, from + Math.floor(next() * span));
      // Deadlines anywhere from a month before to a month after the quarter; completions (done
      // before the quarter, or never: nobody touches them during it); some continuous tasks.
      const tasks: TaskStatusInput[] = Array.from({ length: 1 + Math.floor(next() * 40) }, () => {
        const r = next();
        if (r < 0.15) return { deadline: null, continuous: true, completedOn: null };
        const deadline = pick(-30, days + 60);
        const completedOn = r < 0.45 ? pick(-90, 85) : null;
        return { deadline, continuous: false, completedOn: completedOn && compareDates(completedOn, quarterStart) < 0 ? completedOn : null };
      });
      const rateOn = (asOf: IsoDate) => completionRate(countStatuses(tasks.map((t) => taskStatus(t, asOf))));
      let previous = rateOn(quarterStart);
      for (let d = 1; d < days; d++) {
        const asOf = addDays(quarterStart, d);
        const rate = rateOn(asOf);
        if (rate !== previous) {
          // Some deadline passed yesterday (the task turned overdue today).
          const yesterday = addDays(asOf, -1);
          expect(tasks.some((t) => !t.continuous && t.completedOn === null && t.deadline === yesterday), `run ${run}, ${asOf}`).toBe(true);
        }
        previous = rate;
      }
    }
  });

  it('with completions during the quarter, it moves only on a deadline passing or a completion day', () => {
    for (let run = 0; run < 200; run++) {
      const next = random(1000 + run);
      const pick = (from: number, span: number) => addDays(quarterStart, from + Math.floor(next() * span));
      const tasks: TaskStatusInput[] = Array.from({ length: 1 + Math.floor(next() * 40) }, () => ({
        deadline: pick(-30, days + 60),
        continuous: false,
        completedOn: next() < 0.5 ? pick(-30, days + 30) : null,
      }));
      const rateOn = (asOf: IsoDate) => completionRate(countStatuses(tasks.map((t) => taskStatus(t, asOf))));
      let previous = rateOn(quarterStart);
      for (let d = 1; d < days; d++) {
        const asOf = addDays(quarterStart, d);
        const rate = rateOn(asOf);
        if (rate !== previous) {
          const yesterday = addDays(asOf, -1);
          const explained = tasks.some(
            (t) => t.completedOn === asOf || (t.deadline === yesterday && (t.completedOn === null || compareDates(t.completedOn, asOf) >= 0)),
          );
          expect(explained, `run ${run}, ${asOf}`).toBe(true);
        }
        previous = rate;
      }
    }
  });
});

describe('isDueInPeriod ("đến hạn trong kỳ")', () => {
  const q3 = makePeriod('quarter', 2023, 3); // 01/07–30/09/2023
  it('counts one-off tasks whose deadline falls in the period’s calendar bounds', () => {
    expect(isDueInPeriod({ deadline: '2023-09-30', continuous: false }, q3)).toBe(true);
    expect(isDueInPeriod({ deadline: '2023-07-01', continuous: false }, q3)).toBe(true);
    expect(isDueInPeriod({ deadline: '2023-06-30', continuous: false }, q3)).toBe(false);
    expect(isDueInPeriod({ deadline: '2023-10-01', continuous: false }, q3)).toBe(false);
    expect(isDueInPeriod({ deadline: null, continuous: true }, q3)).toBe(false);
  });
});

describe('countStatuses', () => {
  it('counts every status, zero included', () => {
    expect(countStatuses(['overdue', 'overdue', 'done_late'])).toEqual({
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

describe('needsProgressFlag ("chưa cập nhật tiến độ")', () => {
  const flag = (status: Parameters<typeof needsProgressFlag>[0]['status'], lastProgressOn: string | null, asOf: string, assignedOn: string | null = '2023-08-08', cadence: 'quarter' | 'month' | null = null) =>
    needsProgressFlag({ status, lastProgressOn, assignedOn, cadence }, asOf);

  it('flags a task not yet due that nobody updated this period (a 2025 deadline cannot stay silent for 28 months)', () => {
    // As of 20/12/2024 the quarterly window is 15/12/2024–14/03/2025: last update 01/09/2023 is older.
    expect(flag('in_progress', '2023-09-01', '2024-12-20')).toBe(true);
    expect(flag('in_progress', null, '2024-12-20')).toBe(true);
  });

  it('does not flag an update inside the window, nor a done task', () => {
    expect(flag('in_progress', '2024-12-15', '2024-12-20')).toBe(false);
    expect(flag('overdue', '2024-12-16', '2024-12-20')).toBe(false);
    expect(flag('done_on_time', null, '2024-12-20')).toBe(false);
    expect(flag('done_late', '2020-01-01', '2024-12-20')).toBe(false);
  });

  it('flags overdue and continuous tasks alike', () => {
    expect(flag('overdue', '2024-11-01', '2024-12-20')).toBe(true);
    expect(flag('continuous', '2024-12-14', '2024-12-20')).toBe(true);
  });

  it('uses the window of the task’s cadence (monthly: 15/11–14/12 for data of 10/12)', () => {
    expect(flag('continuous', '2024-11-16', '2024-12-10', '2023-08-08', 'month')).toBe(false);
    expect(flag('continuous', '2024-11-14', '2024-12-10', '2023-08-08', 'month')).toBe(true);
  });

  it('an update dated after the as-of date is not known yet', () => {
    expect(flag('in_progress', '2024-12-25', '2024-12-20')).toBe(true);
  });

  it('a task given inside the current window is new, not silent', () => {
    expect(flag('in_progress', null, '2024-12-20', '2024-12-18')).toBe(false);
    expect(flag('in_progress', null, '2025-03-20', '2024-12-18')).toBe(true); // next window, still nothing
  });
});

describe('leadership flag ("quá hạn trên 3 lần đôn đốc")', () => {
  const deadline = '2024-03-15';
  const toLead = (sentOn: string) => ({ sentOn, toLeadUnit: true });

  it('counts only reminders to the lead unit sent after the deadline and by the as-of date', () => {
    const reminders = [
      toLead('2024-03-01'), // before the deadline: not while overdue
      toLead('2024-03-15'), // on the deadline day: still within deadline
      { sentOn: '2024-03-20', toLeadUnit: false }, // to a coordinating unit
      toLead('2024-03-18'),
      toLead('2024-03-25'),
      toLead('2024-04-02'),
      toLead('2024-04-10'),
    ];
    expect(remindersWhileOverdue(deadline, reminders, '2024-04-05')).toBe(3);
    expect(remindersWhileOverdue(deadline, reminders, '2024-04-10')).toBe(4);
    expect(remindersWhileOverdue(null, reminders, '2024-04-10')).toBe(0);
  });

  it('needs more than three while the task is still overdue', () => {
    expect(flaggedForLeadership('overdue', 3)).toBe(false);
    expect(flaggedForLeadership('overdue', 4)).toBe(true);
    expect(flaggedForLeadership('done_late', 9)).toBe(false);
    expect(flaggedForLeadership('in_progress', 9)).toBe(false);
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
    expect(r.counts).toEqual({ in_progress: 1, overdue: 1, done_on_time: 2, done_late: 0, continuous: 0 });
    // (100 + 100 + 40 + 25) / 4 = 66.25 → 66.3
    expect(r.meanProgress).toBe(66.3);
    // 2 done ÷ (2 done + 1 overdue)
    expect(r.completionRate).toBeCloseTo(2 / 3, 12);
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
    expect(rollUp([child('done_late', 100), child('continuous', 50)]).status).toBe('continuous');
    expect(rollUp([child('in_progress', 10), child('continuous', 0)]).status).toBe('in_progress');
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

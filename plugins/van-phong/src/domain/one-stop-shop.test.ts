import { describe, expect, it } from 'vitest';
import { milestoneProblem, oneStopShopProgress, type MilestoneFacts } from './one-stop-shop.ts';

const m = (unitCode: string, dueOn: string, status: MilestoneFacts['status'], doneOn: string | null = null): MilestoneFacts => ({ unitCode, dueOn, status, doneOn });

describe('one-stop-shop progress', () => {
  const milestones = [
    m('SXD', '2026-06-30', 'done', '2026-06-01'),
    m('SXD', '2026-09-30', 'done', '2026-10-15'), // done late
    m('SXD', '2026-11-30', 'in_progress'), // overdue on 01/12
    m('Q001', '2026-12-01', 'not_started'), // due today: not overdue yet
    m('Q001', '2027-03-31', 'in_progress'),
    m('Q001', '2026-03-31', 'done', '2026-03-31'),
  ];

  it('city-wide: done of all milestones, overdue ones not done and past due', () => {
    expect(oneStopShopProgress(milestones, '2026-12-01').city).toEqual({ total: 6, done: 3, inProgress: 2, overdue: 1, doneLate: 1, percent: 50 });
  });

  it('per unit, sorted by code', () => {
    expect(oneStopShopProgress(milestones, '2026-12-01').byUnit).toEqual([
      { unitCode: 'Q001', total: 3, done: 1, inProgress: 1, overdue: 0, doneLate: 0, percent: 33.33 },
      { unitCode: 'SXD', total: 3, done: 2, inProgress: 1, overdue: 1, doneLate: 1, percent: 66.67 },
    ]);
  });

  it('no milestone: no percent', () => {
    expect(oneStopShopProgress([], '2026-12-01')).toEqual({ city: { total: 0, done: 0, inProgress: 0, overdue: 0, doneLate: 0, percent: null }, byUnit: [] });
  });

  it('a done milestone has its date, and only a done one', () => {
    expect(milestoneProblem('done', null)?.vi).toBe('Mốc đã hoàn thành cần có ngày hoàn thành.');
    expect(milestoneProblem('in_progress', '2026-01-01')?.en).toBe('Only a done milestone has a completion date.');
    expect(milestoneProblem('done', '2026-01-01')).toBeNull();
    expect(milestoneProblem('not_started', null)).toBeNull();
  });
});

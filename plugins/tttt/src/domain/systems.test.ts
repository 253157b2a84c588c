import { describe, expect, it } from 'vitest';
import {
  assessmentOverdue,
  countConnections,
  countFeatures,
  countFindings,
  formatMinutes,
  incidentMinutes,
  isOverdue,
  isStale,
  nextAssessmentDue,
} from './systems.ts';

const today = '2026-12-01';

describe('isOverdue and countFeatures', () => {
  it('is overdue only after the deadline’s day, and never once done or without a deadline', () => {
    expect(isOverdue('2026-11-30', false, today)).toBe(true);
    expect(isOverdue('2026-12-01', false, today)).toBe(false);
    expect(isOverdue('2026-11-30', true, today)).toBe(false);
    expect(isOverdue(null, false, today)).toBe(false);
  });

  it('counts features done, open and overdue', () => {
    expect(
      countFeatures(
        [
          { status: 'done', deadline: '2026-01-01' },
          { status: 'in_progress', deadline: '2026-11-01' },
          { status: 'planned', deadline: '2026-10-01' },
          { status: 'planned', deadline: '2027-01-01' },
          { status: 'planned', deadline: null },
        ],
        today,
      ),
    ).toEqual({ total: 5, done: 1, open: 4, overdue: 2 });
    expect(countFeatures([], today)).toEqual({ total: 0, done: 0, open: 0, overdue: 0 });
  });
});

describe('connections', () => {
  it('flags a live or broken connection after more than N days without a successful exchange', () => {
    expect(isStale({ status: 'live', lastSuccessOn: '2026-11-24' }, today, 7)).toBe(false);
    expect(isStale({ status: 'live', lastSuccessOn: '2026-11-23' }, today, 7)).toBe(true);
    expect(isStale({ status: 'broken', lastSuccessOn: '2026-11-01' }, today, 7)).toBe(true);
    expect(isStale({ status: 'live', lastSuccessOn: null }, today, 7)).toBe(true);
    expect(isStale({ status: 'live', lastSuccessOn: today }, today, 0)).toBe(false);
    expect(isStale({ status: 'live', lastSuccessOn: '2026-11-30' }, today, 0)).toBe(true);
  });

  it('never flags a planned or testing connection', () => {
    expect(isStale({ status: 'planned', lastSuccessOn: null }, today, 7)).toBe(false);
    expect(isStale({ status: 'testing', lastSuccessOn: '2025-01-01' }, today, 7)).toBe(false);
  });

  it('counts by status and stale ones', () => {
    const counts = countConnections(
      [
        { status: 'live', lastSuccessOn: '2026-11-30' },
        { status: 'live', lastSuccessOn: '2026-10-01' },
        { status: 'broken', lastSuccessOn: '2026-11-29' },
        { status: 'testing', lastSuccessOn: null },
        { status: 'planned', lastSuccessOn: null },
        { status: 'planned', lastSuccessOn: null },
      ],
      today,
      7,
    );
    expect(counts).toEqual({ total: 6, byStatus: { planned: 2, testing: 1, live: 2, broken: 1 }, stale: 1 });
    expect(countConnections([], today, 7)).toEqual({ total: 0, byStatus: { planned: 0, testing: 0, live: 0, broken: 0 }, stale: 0 });
  });
});

describe('incidents', () => {
  it('lasts from start to end in whole minutes, or to now while open', () => {
    expect(incidentMinutes('2026-11-30T08:00:00+07:00', '2026-11-30T09:30:59+07:00', '2026-12-01T00:00:00Z')).toBe(90);
    expect(incidentMinutes('2026-11-30T08:00:00+07:00', null, '2026-11-30T02:00:00Z')).toBe(60);
    expect(incidentMinutes('2026-11-30T08:00:00Z', '2026-11-30T08:00:00Z', today)).toBe(0);
  });

  it('refuses an end before the start or a date that is not one', () => {
    expect(incidentMinutes('2026-11-30T09:00:00Z', '2026-11-30T08:00:00Z', today)).toBeNull();
    expect(incidentMinutes('hôm qua', null, '2026-11-30T08:00:00Z')).toBeNull();
  });

  it('writes a duration as a reader counts it', () => {
    expect(formatMinutes(3065, 'vi')).toBe('2 ngày 3 giờ 5 phút');
    expect(formatMinutes(60, 'en')).toBe('1 h');
    expect(formatMinutes(0, 'vi')).toBe('0 phút');
  });
});

describe('security', () => {
  it('counts open and overdue findings; a fixed one is neither', () => {
    expect(
      countFindings(
        [
          { severity: 'high', deadline: '2026-11-15', resolvedOn: null },
          { severity: 'high', deadline: '2026-12-01', resolvedOn: null },
          { severity: 'critical', deadline: '2026-10-01', resolvedOn: '2026-11-20' },
          { severity: 'low', deadline: '2026-01-01', resolvedOn: null },
        ],
        today,
      ),
    ).toEqual({ open: 3, overdue: 2, openBySeverity: { low: 1, medium: 0, high: 2, critical: 0 } });
  });

  it('is due for assessment every year from level 3, every two years below, and at once when never assessed', () => {
    expect(nextAssessmentDue(3, '2025-12-15')).toBe('2026-12-15');
    expect(nextAssessmentDue(2, '2025-06-01')).toBe('2027-06-01');
    expect(assessmentOverdue(3, '2025-11-30', today)).toBe(true);
    expect(assessmentOverdue(3, '2025-12-01', today)).toBe(false);
    expect(assessmentOverdue(1, '2025-01-01', today)).toBe(false);
    expect(assessmentOverdue(4, null, today)).toBe(true);
  });
});

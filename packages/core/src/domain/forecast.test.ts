import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import { AT_RISK_TOLERANCE, FINAL_VALUE_GRACE_DAYS, forecastTarget, sparklinePoints, type Measurement, type TargetSpec } from './forecast.ts';
import { periodForData } from './periods.ts';

/*
 * Most cases use a baseline on 01/01/2024 (day 0) and a target date on day 500, 15/05/2025.
 * Measurements fall on days 100, 200 and 300 (10/04, 19/07 and 27/10/2024): one in each of the
 * data windows of Q2, Q3 and Q4 2024, so each is its own reporting period's point.
 */
const day = (n: number) => addDays('2024-01-01', n);
const TARGET_DAY = 500;

/** at_least: from 50 on 01/01/2024 to 100 by 15/05/2025 (distance 50: at-risk tolerance 5). */
const rise: TargetSpec = { direction: 'at_least', baselineValue: 50, baselineDate: day(0), targetValue: 100, targetDate: day(TARGET_DAY) };

/** at_most: from 10 on 01/01/2024 down to 4 by 15/05/2025 (distance 6: at-risk tolerance 0.6). */
const fall: TargetSpec = { direction: 'at_most', baselineValue: 10, baselineDate: day(0), targetValue: 4, targetDate: day(TARGET_DAY) };

const m = (asOf: string, value: number): Measurement => ({ asOf, value });
/** Values on days 100, 200 and 300. */
const threePoints = (a: number, b: number, c: number) => [m(day(100), a), m(day(200), b), m(day(300), c)];
const AS_OF = day(310);

describe('the fixtures', () => {
  it('put each measurement in its own quarter’s data window', () => {
    expect([100, 200, 300, 500].map((n) => `${day(n)} ${periodForData('quarter', day(n)).id}`)).toEqual([
      '2024-04-10 2024-Q2',
      '2024-07-19 2024-Q3',
      '2024-10-27 2024-Q4',
      '2025-05-15 2025-Q2',
    ]);
  });
});

describe('forecastTarget: at_least, the baseline a point of the fit', () => {
  it('on track: least squares through the baseline and the points', () => {
    // x = 0, 100, 200, 300; y = 50, 61, 69, 83. x̄ = 150, ȳ = 65.75;
    // Σdx·dy = (−150)(−15.75) + (−50)(−4.75) + 50·3.25 + 150·17.25 = 5350; Σdx² = 50000;
    // slope = 0.107/day; intercept = 65.75 − 0.107·150 = 49.7. Day 500: 49.7 + 53.5 = 103.2 ≥ 100.
    // Reached when 49.7 + 0.107x ≥ 100: x ≥ 470.09 → day 471.
    const f = forecastTarget(rise, threePoints(61, 69, 83), AS_OF);
    expect(f.class).toBe('on_track');
    expect(f.trend?.slopePerDay).toBeCloseTo(0.107, 10);
    expect(f.trend?.intercept).toBeCloseTo(49.7, 10);
    expect(f.projectedValue).toBeCloseTo(103.2, 10);
    expect(f.reachedOn).toBe(day(471));
    expect(f.latestValue).toBe(83);
    expect(f.latestOn).toBe(day(300));
    expect(f.points).toBe(3);
  });

  it('at risk: the projection misses by less than 10% of the distance', () => {
    // y = 50 + 0.092x exactly → day 500: 96, short by 4 ≤ 0.1 × 50 = 5.
    const f = forecastTarget(rise, threePoints(59.2, 68.4, 77.6), AS_OF);
    expect(f.class).toBe('at_risk');
    expect(f.projectedValue).toBeCloseTo(96, 10);
    // 50 / 0.092 = 543.48 → day 544, after the target date.
    expect(f.reachedOn).toBe(day(544));
  });

  it('at risk: missing by exactly 10% is still at risk', () => {
    // y = 50 + 0.09x → 95, short by 5 = AT_RISK_TOLERANCE × 50.
    expect(AT_RISK_TOLERANCE).toBe(0.1);
    expect(forecastTarget(rise, threePoints(59, 68, 77), AS_OF).class).toBe('at_risk');
  });

  it('off track: the projection misses by more than 10%', () => {
    // y = 50 + 0.08x → 90, short by 10 > 5.
    const f = forecastTarget(rise, threePoints(58, 66, 74), AS_OF);
    expect(f.class).toBe('off_track');
    expect(f.projectedValue).toBeCloseTo(90, 10);
  });

  it('already met: the latest value meets the target', () => {
    expect(forecastTarget(rise, threePoints(70, 90, 100), AS_OF).class).toBe('met');
    expect(forecastTarget(rise, [m(day(100), 101)], AS_OF).class).toBe('met');
  });

  it('the latest value decides: met, then fallen back, is no longer met', () => {
    const f = forecastTarget(rise, threePoints(70, 100, 80), AS_OF);
    expect(f.class).not.toBe('met');
    expect(f.latestValue).toBe(80);
  });

  it('one low reading cannot turn the line around: the baseline holds it', () => {
    // Without the baseline, 60 then 58 would slope down. With it: (0, 50), (100, 60), (200, 58):
    // x̄ = 100, ȳ = 56; Σdx·dy = (−100)(−6) + 0 + 100·2 = 800; Σdx² = 20000 → slope +0.04.
    const f = forecastTarget(rise, [m(day(100), 60), m(day(200), 58)], AS_OF);
    expect(f.trend?.slopePerDay).toBeCloseTo(0.04, 10);
    expect(f.trend?.intercept).toBeCloseTo(52, 10);
  });

  it('descending trend on an at_least target: off track, never reached', () => {
    const f = forecastTarget(rise, threePoints(45, 40, 35), AS_OF);
    expect(f.class).toBe('off_track');
    expect(f.trend?.slopePerDay).toBeLessThan(0);
    expect(f.reachedOn).toBeNull();
  });

  it('flat trend: never reached', () => {
    const f = forecastTarget(rise, threePoints(50, 50, 50), AS_OF);
    expect(f.trend?.slopePerDay).toBe(0);
    expect(f.reachedOn).toBeNull();
    expect(f.class).toBe('off_track');
  });
});

describe('forecastTarget: at_most', () => {
  it('on track: the value falls to the target by its date', () => {
    // y = 10 − 0.012x → day 500: 4.
    const f = forecastTarget(fall, threePoints(8.8, 7.6, 6.4), AS_OF);
    expect(f.class).toBe('on_track');
    expect(f.projectedValue).toBeCloseTo(4, 10);
    expect(f.reachedOn).toBe(day(500));
  });

  it('at risk: projection 4.5, above the target by 0.5 ≤ 0.6', () => {
    expect(forecastTarget(fall, threePoints(8.9, 7.8, 6.7), AS_OF).class).toBe('at_risk');
  });

  it('off track: projection 5, above the target by 1 > 0.6', () => {
    expect(forecastTarget(fall, threePoints(9, 8, 7), AS_OF).class).toBe('off_track');
  });

  it('met: the latest value is at or below the target', () => {
    expect(forecastTarget(fall, threePoints(8, 6, 4), AS_OF).class).toBe('met');
  });

  it('a rising trend on an at_most target is never reached', () => {
    const f = forecastTarget(fall, threePoints(11, 12, 13), AS_OF);
    expect(f.reachedOn).toBeNull();
    expect(f.class).toBe('off_track');
  });
});

describe('forecastTarget: "chưa đủ số liệu" with fewer than two measurements a reporting period apart', () => {
  it('no measurement, or one: not enough data for a class', () => {
    for (const measured of [[], [m(day(100), 55)]]) {
      const f = forecastTarget(rise, measured, AS_OF);
      expect(f.class).toBe('insufficient_data');
      expect(f.trend).toBeNull();
      expect(f.projectedValue).toBeNull();
    }
  });

  it('two readings in one period are one point: the later stands', () => {
    // 10/04 and 12/04/2024 are both in Q2 2024's window (15/03–14/06).
    const f = forecastTarget(rise, [m(day(100), 70), m(day(102), 52)], AS_OF);
    expect(f.class).toBe('insufficient_data');
    expect(f.points).toBe(1);
    expect(f.latestValue).toBe(52);
  });

  it('14 on 31/12/2024 then 13.8 on 05/01/2025 no longer flips the class to off track', () => {
    // Baseline 0 on 08/08/2023, ≥ 20 by 31/12/2025. Both readings belong to Q1 2025's data
    // window (15/12/2024–14/03/2025): one point, so no trend is drawn from a 0.2 dip in five days.
    const target: TargetSpec = { direction: 'at_least', baselineValue: 0, baselineDate: '2023-08-08', targetValue: 20, targetDate: '2025-12-31' };
    const close = [m('2024-12-31', 14), m('2025-01-05', 13.8)];
    expect(forecastTarget(target, close, '2025-01-10').class).toBe('insufficient_data');
    // With the mid-2024 figure as well (9 on 30/06/2024, day 327 of the baseline): points
    // (0, 0), (327, 9), (516, 13.8): slope 0.02683/day, projection on day 876 = 23.56 ≥ 20.
    const f = forecastTarget(target, [m('2024-06-30', 9), ...close], '2025-01-10');
    expect(f.class).toBe('on_track');
    expect(f.projectedValue).toBeCloseTo(23.564, 3);
  });

  it('a baseline already meeting the target is met without any measurement', () => {
    expect(forecastTarget({ ...rise, targetValue: 50 }, [], AS_OF).class).toBe('met');
  });
});

describe('forecastTarget: dates', () => {
  it('ignores measurements dated after asOf', () => {
    const f = forecastTarget(rise, threePoints(61, 69, 200), day(250));
    expect(f.latestValue).toBe(69);
    expect(f.points).toBe(2);
    expect(f.class).not.toBe('met');
  });

  it('a final value measured after the target date (the January report) still counts', () => {
    // Target date day 500; the figure arrives on day 520, within the grace period.
    expect(FINAL_VALUE_GRACE_DAYS).toBe(90);
    expect(forecastTarget(rise, [...threePoints(61, 69, 83), m(day(520), 101)], day(530)).class).toBe('met');
    // A final value short of the target: missed, whatever the trend said.
    const missed = forecastTarget(rise, [...threePoints(61, 69, 83), m(day(520), 95)], day(530));
    expect(missed.class).toBe('off_track');
    expect(missed.projectedValue).toBeNull();
  });

  it('before the final value arrives, the trend still speaks; after the grace period, missed', () => {
    // Day 510: the target date passed, no final figure yet: the on-track trend stands.
    expect(forecastTarget(rise, threePoints(61, 69, 83), day(510)).class).toBe('on_track');
    // Day 591: the grace period (90 days) is over without a figure meeting the target.
    expect(forecastTarget(rise, threePoints(61, 69, 83), day(TARGET_DAY + FINAL_VALUE_GRACE_DAYS + 1)).class).toBe('off_track');
  });

  it('a value measured after the grace period does not count for the target', () => {
    const f = forecastTarget(rise, [...threePoints(61, 69, 83), m(day(600), 150)], day(610));
    expect(f.class).toBe('off_track');
    expect(f.latestValue).toBe(150); // shown as the latest reading, not as the target's outcome
  });

  it('measurements given out of order are sorted by date; a date given twice keeps the last entry', () => {
    const f = forecastTarget(rise, [m(day(300), 83), m(day(100), 0), m(day(200), 69), m(day(100), 61)], AS_OF);
    expect(f.trend?.slopePerDay).toBeCloseTo(0.107, 10);
  });
});

describe('forecastTarget: the directive’s own targets', () => {
  it('internal procedures cut by 20% by 2025 (2458-CT1, demo figures)', () => {
    const ct1: TargetSpec = { direction: 'at_least', baselineValue: 2.5, baselineDate: '2023-06-30', targetValue: 20, targetDate: '2025-12-31' };
    const measured = [m('2023-12-31', 5), m('2024-06-30', 9), m('2024-12-31', 14), m('2025-06-30', 17), m('2025-12-31', 21)];
    expect(forecastTarget(ct1, measured, '2024-01-10').class).toBe('insufficient_data');
    expect(forecastTarget(ct1, measured, '2025-01-10').class).toBe('on_track');
    expect(forecastTarget(ct1, measured, '2026-01-10').class).toBe('met');
  });
});

describe('forecastTarget: input checks', () => {
  it('refuses a target date before the baseline date', () => {
    expect(() => forecastTarget({ ...rise, targetDate: '2023-12-31' }, [], AS_OF)).toThrow(RangeError);
  });

  it('refuses non-finite numbers and malformed dates', () => {
    expect(() => forecastTarget({ ...rise, targetValue: Number.NaN }, [], AS_OF)).toThrow(RangeError);
    expect(() => forecastTarget(rise, [m(day(100), Number.POSITIVE_INFINITY)], AS_OF)).toThrow(RangeError);
    expect(() => forecastTarget(rise, [m('2024-02-30', 1)], AS_OF)).toThrow(RangeError);
    expect(() => forecastTarget(rise, [], '15/02/2024')).toThrow(RangeError);
  });

  it('gives no reach date beyond the year 9999', () => {
    const f = forecastTarget(rise, [m(day(100), 50 + 1e-7), m(day(200), 50 + 2e-7)], AS_OF);
    expect(f.trend?.slopePerDay).toBeGreaterThan(0);
    expect(f.reachedOn).toBeNull();
  });
});

describe('sparklinePoints', () => {
  const m = (asOf: string, value: number) => ({ asOf, value });
  it('keeps the measurements up to the as-of date, in date order', () => {
    expect(sparklinePoints([m('2024-03-01', 3), m('2024-01-01', 1), m('2024-02-01', 2), m('2024-04-01', 4)], '2024-03-15')).toEqual([m('2024-01-01', 1), m('2024-02-01', 2), m('2024-03-01', 3)]);
  });
  it('takes the last value of a day measured twice (a correction)', () => {
    expect(sparklinePoints([m('2024-01-01', 1), m('2024-01-01', 5)], '2024-12-31')).toEqual([m('2024-01-01', 5)]);
  });
  it('thins a long series to the maximum, keeping the first and the latest', () => {
    const series = Array.from({ length: 100 }, (_, i) => m(`2024-${String(Math.floor(i / 28) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, i));
    const points = sparklinePoints(series, '2024-12-31', 10);
    expect(points).toHaveLength(10);
    expect(points[0]).toEqual(series[0]);
    expect(points.at(-1)).toEqual(series[99]);
    expect(points.map((p) => p.value)).toEqual([...points.map((p) => p.value)].sort((a, b) => a - b));
  });
  it('answers nothing without a measurement on or before the date', () => {
    expect(sparklinePoints([m('2025-01-01', 1)], '2024-12-31')).toEqual([]);
    expect(sparklinePoints([], '2024-12-31')).toEqual([]);
  });
});

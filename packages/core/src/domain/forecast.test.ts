import { describe, expect, it } from 'vitest';
import { AT_RISK_TOLERANCE, forecastTarget, type Measurement, type TargetSpec } from './forecast.ts';

/*
 * Most cases use a baseline on 01/01/2024 and a target date 100 days later, 10/04/2024
 * (January 31 + February 29 + March 31 = 91 days to 01/04, so 10/04 is day 100).
 * Day numbers below are days since the baseline date:
 *   day 20 = 21/01/2024, day 40 = 10/02/2024, day 60 = 01/03/2024, day 100 = 10/04/2024.
 */
const D20 = '2024-01-21';
const D40 = '2024-02-10';
const D60 = '2024-03-01';
const D100 = '2024-04-10';

/** at_least: from 50 on 01/01/2024 to 100 by 10/04/2024 (distance 50: at-risk tolerance 5). */
const rise: TargetSpec = {
  direction: 'at_least',
  baselineValue: 50,
  baselineDate: '2024-01-01',
  targetValue: 100,
  targetDate: D100,
};

/** at_most: from 10 on 01/01/2024 down to 4 by 10/04/2024 (distance 6: at-risk tolerance 0.6). */
const fall: TargetSpec = {
  direction: 'at_most',
  baselineValue: 10,
  baselineDate: '2024-01-01',
  targetValue: 4,
  targetDate: D100,
};

const m = (asOf: string, value: number): Measurement => ({ asOf, value });
const threePoints = (a: number, b: number, c: number) => [m(D20, a), m(D40, b), m(D60, c)];

describe('forecastTarget: at_least', () => {
  it('on track: least-squares trend reaches the target before its date', () => {
    // x = 20, 40, 60; y = 61, 69, 83. x̄ = 40, ȳ = 71; Σdx·dy = (-20)(-10) + 0 + 20·12 = 440;
    // Σdx² = 800; slope = 0.55/day; intercept = 71 − 0.55·40 = 49.
    // Projection on day 100: 49 + 55 = 104 ≥ 100. Reached when 49 + 0.55x ≥ 100: x ≥ 92.7 → day 93 = 03/04/2024.
    const f = forecastTarget(rise, threePoints(61, 69, 83), '2024-03-05');
    expect(f.class).toBe('on_track');
    expect(f.trend?.slopePerDay).toBeCloseTo(0.55, 10);
    expect(f.trend?.intercept).toBeCloseTo(49, 10);
    expect(f.projectedValue).toBeCloseTo(104, 10);
    expect(f.reachedOn).toBe('2024-04-03');
    expect(f.latestValue).toBe(83);
    expect(f.latestOn).toBe(D60);
  });

  it('at risk: the projection misses by less than 10% of the distance', () => {
    // y = 50 + 0.46x exactly → projection 96, short by 4 ≤ 0.1 × 50 = 5.
    // Reached on x = 50 / 0.46 = 108.7 → day 109 = 19/04/2024, after the target date.
    const f = forecastTarget(rise, threePoints(59.2, 68.4, 77.6), '2024-03-05');
    expect(f.class).toBe('at_risk');
    expect(f.projectedValue).toBeCloseTo(96, 10);
    expect(f.reachedOn).toBe('2024-04-19');
  });

  it('at risk: missing by exactly 10% is still at risk', () => {
    expect(AT_RISK_TOLERANCE).toBe(0.1);
    // y = 50 + 0.45x → projection 95, short by exactly 5.
    const f = forecastTarget(rise, threePoints(59, 68, 77), '2024-03-05');
    expect(f.projectedValue).toBeCloseTo(95, 10);
    expect(f.class).toBe('at_risk');
  });

  it('off track: the projection misses by more than 10%', () => {
    // y = 50 + 0.4x → projection 90, short by 10 > 5.
    // Reached on x = 50 / 0.4 = 125 exactly → 05/05/2024 (01/05 is day 121).
    const f = forecastTarget(rise, threePoints(58, 66, 74), '2024-03-05');
    expect(f.class).toBe('off_track');
    expect(f.projectedValue).toBeCloseTo(90, 10);
    expect(f.reachedOn).toBe('2024-05-05');
  });

  it('already met: the latest value meets the target', () => {
    const f = forecastTarget(rise, [m(D20, 90), m(D40, 101)], '2024-02-15');
    expect(f.class).toBe('met');
    expect(f.latestValue).toBe(101);
  });

  it('met exactly on the target value', () => {
    expect(forecastTarget(rise, [m(D40, 100)], '2024-02-15').class).toBe('met');
  });

  it('the latest value decides: met, then fallen back, is no longer met', () => {
    // Days 20, 40: 101, 95 → slope −0.3, projection 95 − 0.3·60 = 77: far off.
    const f = forecastTarget(rise, [m(D20, 101), m(D40, 95)], '2024-02-15');
    expect(f.class).toBe('off_track');
    expect(f.reachedOn).toBeNull();
  });

  it('descending trend on an at_least target: off track, never reached', () => {
    // Days 20, 40: 48, 46 → slope −0.1, intercept 50 → projection on day 100: 40.
    const f = forecastTarget(rise, [m(D20, 48), m(D40, 46)], '2024-02-15');
    expect(f.class).toBe('off_track');
    expect(f.trend?.slopePerDay).toBeCloseTo(-0.1, 12);
    expect(f.trend?.intercept).toBeCloseTo(50, 10);
    expect(f.projectedValue).toBeCloseTo(40, 10);
    expect(f.reachedOn).toBeNull();
  });

  it('flat trend: never reached', () => {
    const f = forecastTarget(rise, [m(D20, 70), m(D40, 70)], '2024-02-15');
    expect(f.trend).toEqual({ slopePerDay: 0, intercept: 70 });
    expect(f.projectedValue).toBe(70);
    expect(f.reachedOn).toBeNull();
    expect(f.class).toBe('off_track');
  });
});

describe('forecastTarget: at_most', () => {
  it('on track: the value falls to the target by its date', () => {
    // x = 20, 40, 60; y = 8.8, 7.6, 6.4 → slope −0.06, intercept 10 → projection 10 − 6 = 4 ≤ 4.
    // Reached when 10 − 0.06x ≤ 4: x ≥ 100 → 10/04/2024, the target date itself.
    const f = forecastTarget(fall, threePoints(8.8, 7.6, 6.4), '2024-03-05');
    expect(f.class).toBe('on_track');
    expect(f.trend?.slopePerDay).toBeCloseTo(-0.06, 12);
    expect(f.projectedValue).toBeCloseTo(4, 10);
    expect(f.reachedOn).toBe(D100);
  });

  it('at risk: projection 4.5, above the target by 0.5 ≤ 0.6', () => {
    // y = 10 − 0.055x: 8.9, 7.8, 6.7 → projection 4.5.
    const f = forecastTarget(fall, threePoints(8.9, 7.8, 6.7), '2024-03-05');
    expect(f.class).toBe('at_risk');
    expect(f.projectedValue).toBeCloseTo(4.5, 10);
  });

  it('off track: projection 5, above the target by 1 > 0.6', () => {
    // y = 10 − 0.05x: 9, 8, 7 → projection 5.
    const f = forecastTarget(fall, threePoints(9, 8, 7), '2024-03-05');
    expect(f.class).toBe('off_track');
    expect(f.projectedValue).toBeCloseTo(5, 10);
  });

  it('met: the latest value is at or below the target', () => {
    expect(forecastTarget(fall, [m(D20, 6), m(D40, 3.9)], '2024-02-15').class).toBe('met');
    expect(forecastTarget(fall, [m(D40, 4)], '2024-02-15').class).toBe('met');
  });

  it('a rising trend on an at_most target is never reached', () => {
    const f = forecastTarget(fall, [m(D20, 10.5), m(D40, 11)], '2024-02-15');
    expect(f.class).toBe('off_track');
    expect(f.reachedOn).toBeNull();
  });
});

describe('forecastTarget: few measurements', () => {
  it('one measurement: the line from the baseline to it', () => {
    // From 50 on day 0 to 70 on day 40: slope 0.5 → projection 50 + 50 = 100 on day 100.
    const f = forecastTarget(rise, [m(D40, 70)], '2024-02-15');
    expect(f.trend).toEqual({ slopePerDay: 0.5, intercept: 50 });
    expect(f.projectedValue).toBe(100);
    expect(f.class).toBe('on_track');
    expect(f.reachedOn).toBe(D100);
    expect(f.latestValue).toBe(70);
  });

  it('one measurement on the baseline date: flat at its value', () => {
    const f = forecastTarget(rise, [m('2024-01-01', 55)], '2024-02-15');
    expect(f.trend).toEqual({ slopePerDay: 0, intercept: 55 });
    expect(f.projectedValue).toBe(55);
    expect(f.reachedOn).toBeNull();
    expect(f.class).toBe('off_track');
  });

  it('no measurement: the projection stays at the baseline', () => {
    const f = forecastTarget(rise, [], '2024-02-15');
    expect(f).toEqual({
      class: 'off_track',
      projectedValue: 50,
      reachedOn: null,
      latestValue: null,
      latestOn: null,
      trend: null,
    });
  });

  it('no measurement: a flat baseline misses by the whole distance, however close', () => {
    // Baseline 95, target 100: distance 5, tolerance 0.5 — a flat 95 misses by 5: off track.
    expect(forecastTarget({ ...rise, baselineValue: 95 }, [], '2024-02-15').class).toBe('off_track');
  });

  it('all measurements on the same day: the last one entered stands, then as one measurement', () => {
    // Day 40 has 64 then 70 (a correction): treated as 70 on day 40 → slope 0.5, projection 100.
    // (A mean of the two, 67, would give 50 + 17/40·100 = 92.5, off track.)
    const f = forecastTarget(rise, [m(D40, 64), m(D40, 70)], '2024-02-15');
    expect(f.trend).toEqual({ slopePerDay: 0.5, intercept: 50 });
    expect(f.class).toBe('on_track');
    expect(f.latestValue).toBe(70);
  });

  it('measurements given out of order are sorted by date', () => {
    const f = forecastTarget(rise, [m(D60, 83), m(D20, 61), m(D40, 69)], '2024-03-05');
    expect(f.latestValue).toBe(83);
    expect(f.trend?.slopePerDay).toBeCloseTo(0.55, 10);
  });
});

describe('forecastTarget: dates', () => {
  it('ignores measurements dated after asOf', () => {
    const f = forecastTarget(rise, [m(D20, 61), m(D40, 69), m(D60, 120)], '2024-02-15');
    // Only days 20 and 40 are known on 15/02: slope 8/20 = 0.4, intercept 61 − 8 = 53 →
    // projection 93, short by 7 > 5: off track (day 60's 120 would have made it met).
    expect(f.latestValue).toBe(69);
    expect(f.latestOn).toBe(D40);
    expect(f.trend?.slopePerDay).toBeCloseTo(0.4, 12);
    expect(f.projectedValue).toBeCloseTo(93, 10);
    expect(f.class).toBe('off_track');
  });

  it('measurements after the target date: ignored for the projection and for met', () => {
    // Known on 15/05/2024: day 40 = 70, day 100 = 98 (target date), 01/05/2024 = 105.
    // The last value on/before the target date is 98 < 100: missed, and the date has passed.
    // Trend over days 40 and 100 only: slope 28/60 ≈ 0.4667 (105 on day 121 is left out).
    const f = forecastTarget(rise, [m(D40, 70), m(D100, 98), m('2024-05-01', 105)], '2024-05-15');
    expect(f.class).toBe('off_track');
    expect(f.trend?.slopePerDay).toBeCloseTo(28 / 60, 12);
    expect(f.projectedValue).toBeNull(); // the outcome is known
    expect(f.latestValue).toBe(105);
    expect(f.latestOn).toBe('2024-05-01');
    // 70 + (28/60)(x − 40) ≥ 100 ⇔ x ≥ 104.3 → day 105 = 15/04/2024
    expect(f.reachedOn).toBe('2024-04-15');
  });

  it('met on the target date stays met even if the value falls afterwards', () => {
    const f = forecastTarget(rise, [m(D40, 70), m(D100, 100), m('2024-05-01', 95)], '2024-05-15');
    expect(f.class).toBe('met');
    expect(f.latestValue).toBe(95);
  });

  it('a target date passed without a measurement meeting it is off track, whatever the trend', () => {
    // Trend from one measurement: 50 → 80 on day 40, slope 0.75, would have reached 100 on day 67.
    const f = forecastTarget(rise, [m(D40, 80)], '2024-04-11');
    expect(f.class).toBe('off_track');
    expect(f.reachedOn).toBe('2024-03-08'); // day 67: 01/03 is day 60
    expect(f.projectedValue).toBeNull();
  });

  it('on the target date itself the projection still counts', () => {
    const f = forecastTarget(rise, [m(D40, 70)], D100);
    expect(f.class).toBe('on_track');
    expect(f.projectedValue).toBe(100);
  });
});

describe('forecastTarget: baseline equal to target', () => {
  const flatTarget: TargetSpec = { ...rise, baselineValue: 100 };

  it('is met while nothing was measured (the baseline already meets it)', () => {
    expect(forecastTarget(flatTarget, [], '2024-02-15').class).toBe('met');
  });

  it('has no tolerance once a measurement falls below it', () => {
    // From 100 to 99 on day 40: slope −0.025 → projection 97.5; tolerance 0.1 × 0 = 0.
    const f = forecastTarget(flatTarget, [m(D40, 99)], '2024-02-15');
    expect(f.class).toBe('off_track');
    expect(f.projectedValue).toBeCloseTo(97.5, 12);
    expect(f.reachedOn).toBeNull();
  });

  it('is met when the measurement holds the line', () => {
    expect(forecastTarget(flatTarget, [m(D40, 100)], '2024-02-15').class).toBe('met');
  });
});

describe('forecastTarget: the directive’s own targets', () => {
  it('20% of public service units financially autonomous by 2025 (at_least)', () => {
    // Baseline 12% on 31/12/2022, target 20% on 31/12/2025 (1096 days: 2024 is leap).
    // Measured 14% on 31/12/2023 (day 365) and 15.5% on 31/12/2024 (day 731).
    // Least squares through two points: slope 1.5/366 per day; projection on day 1096:
    // 15.5 + 365 · 1.5/366 = 16.996 → short by 3.0 > 0.1 × 8 = 0.8: off track.
    const f = forecastTarget(
      { direction: 'at_least', baselineValue: 12, baselineDate: '2022-12-31', targetValue: 20, targetDate: '2025-12-31' },
      [m('2023-12-31', 14), m('2024-12-31', 15.5)],
      '2025-01-15',
    );
    expect(f.projectedValue).toBeCloseTo(15.5 + (365 * 1.5) / 366, 10);
    expect(f.class).toBe('off_track');
  });

  it('cut internal procedure compliance cost to at most 80% of 2023 (at_most)', () => {
    // Baseline 100 (index) on 01/01/2024, target 80 on 31/12/2025; 90 on 01/01/2025 (day 366).
    // One measurement: slope −10/366; projection on day 730: 100 − 7300/366 = 80.055 → short
    // by 0.055 ≤ 0.1 × 20 = 2: at risk.
    const f = forecastTarget(
      { direction: 'at_most', baselineValue: 100, baselineDate: '2024-01-01', targetValue: 80, targetDate: '2025-12-31' },
      [m('2025-01-01', 90)],
      '2025-02-01',
    );
    expect(f.projectedValue).toBeCloseTo(100 - 7300 / 366, 10);
    expect(f.class).toBe('at_risk');
    // 100 − 10x/366 ≤ 80 ⇔ x ≥ 732 → 02/01/2026 (day 731 = 01/01/2026)
    expect(f.reachedOn).toBe('2026-01-02');
  });
});

describe('forecastTarget: input checks', () => {
  it('refuses a target date before the baseline date', () => {
    expect(() => forecastTarget({ ...rise, targetDate: '2023-12-31' }, [], '2024-02-15')).toThrow(RangeError);
  });

  it('refuses non-finite numbers and malformed dates', () => {
    expect(() => forecastTarget({ ...rise, targetValue: Number.NaN }, [], '2024-02-15')).toThrow(RangeError);
    expect(() => forecastTarget(rise, [m(D40, Number.POSITIVE_INFINITY)], '2024-02-15')).toThrow(RangeError);
    expect(() => forecastTarget(rise, [m('2024-02-30', 1)], '2024-02-15')).toThrow(RangeError);
    expect(() => forecastTarget(rise, [], '15/02/2024')).toThrow(RangeError);
  });

  it('gives no reach date beyond the year 9999', () => {
    // Slope 1e-9 per day: 50 more takes 5e10 days.
    const f = forecastTarget(rise, [m(D40, 50 + 40e-9)], '2024-02-15');
    expect(f.trend?.slopePerDay).toBeGreaterThan(0);
    expect(f.reachedOn).toBeNull();
  });
});

/**
 * Forecast of a numeric target (chỉ tiêu): will the indicator reach its target value by
 * its target date? The directive asks that a target "dự báo không đạt mục tiêu" (forecast to
 * miss) trigger action, so the class matters more than the number.
 *
 * The trend is a straight line over (day, value): value(d) = intercept + slopePerDay × x,
 * where x is the number of days from the baseline date to d (so `intercept` is the trend's
 * value on the baseline date).
 */
import {
  assertIsoDate,
  compareDates,
  daysBetween,
  fromDayNumber,
  isDayNumberInRange,
  toDayNumber,
  type IsoDate,
} from './dates.ts';
import type { ForecastClass } from './labels.ts';

export type TargetDirection = 'at_least' | 'at_most';

export interface TargetSpec {
  /** `at_least`: the value must reach targetValue or more; `at_most`: targetValue or less. */
  direction: TargetDirection;
  baselineValue: number;
  baselineDate: IsoDate;
  targetValue: number;
  targetDate: IsoDate;
}

export interface Measurement {
  value: number;
  /** The day the value was measured. */
  asOf: IsoDate;
}

export interface Trend {
  slopePerDay: number;
  /** Trend value on the baseline date. */
  intercept: number;
}

export interface TargetForecast {
  class: ForecastClass;
  /** Trend value on the target date; null once the target date has passed (the outcome is known). */
  projectedValue: number | null;
  /**
   * First day on which the trend line meets the target (may lie in the past); null when the
   * trend is flat, heads the wrong way, or there is no trend (no measurement).
   */
  reachedOn: IsoDate | null;
  /** Latest measurement on or before `asOf` (null when none). */
  latestValue: number | null;
  latestOn: IsoDate | null;
  /** Null when there is no measurement to draw one from (the projection is then the baseline). */
  trend: Trend | null;
}

/**
 * A projection that misses the target by no more than this share of the distance from the
 * baseline to the target is `at_risk`; a bigger miss is `off_track`. With a baseline of 60
 * and a target of 80 (distance 20), a projection of 78 or more is at risk, below 78 off track.
 */
export const AT_RISK_TOLERANCE = 0.1;

/** Relative slack for floating-point noise when comparing a value with the target. */
const EPSILON = 1e-9;

function assertFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number: ${value}`);
}

/**
 * Forecasts a target as of `asOf`.
 *
 * Data: measurements dated on or before `asOf`; when several share a date the last one in
 * the input stands (a later entry corrects an earlier one). Measurements dated after the
 * target date are ignored for the projection and for `met`.
 *
 * Value deciding `met`: the latest measurement on or before both `asOf` and the target date,
 * or, with none, the baseline value.
 *
 * Trend, from the measurements on or before min(asOf, targetDate):
 * - two or more measurement dates: least-squares line over (day, value);
 * - one measurement date (one measurement, or all on the same day): the line from the
 *   baseline to it; flat at its value if it is dated on the baseline date;
 * - none: no trend, the projection stays at the baseline value.
 *
 * Class:
 * - `met` when the deciding value already meets the target (≥ for at_least, ≤ for at_most);
 * - else, once the target date has passed: `off_track` (missed);
 * - else `on_track` when the projection on the target date meets the target;
 * - else `at_risk` when it misses by no more than AT_RISK_TOLERANCE × |target − baseline|
 *   (so a target equal to its baseline has no tolerance);
 * - else `off_track`.
 */
export function forecastTarget(
  target: TargetSpec,
  measurements: readonly Measurement[],
  asOf: IsoDate,
): TargetForecast {
  const { direction, baselineValue, baselineDate, targetValue, targetDate } = target;
  assertFinite('baselineValue', baselineValue);
  assertFinite('targetValue', targetValue);
  if (compareDates(targetDate, baselineDate) < 0) {
    throw new RangeError(`Target date ${targetDate} is before baseline date ${baselineDate}`);
  }
  assertIsoDate(asOf);

  // One value per date, the last given wins; only what is known as of `asOf`.
  const byDate = new Map<IsoDate, number>();
  for (const m of measurements) {
    assertFinite('measurement value', m.value);
    if (compareDates(m.asOf, asOf) <= 0) byDate.set(m.asOf, m.value);
  }
  const known = [...byDate.entries()]
    .map(([date, value]) => ({ date, value }))
    .sort((a, b) => compareDates(a.date, b.date));
  const latest = known.at(-1) ?? null;
  const usable = known.filter((m) => compareDates(m.date, targetDate) <= 0);

  const meets = (value: number): boolean => {
    const slack = EPSILON * Math.max(1, Math.abs(targetValue));
    return direction === 'at_least' ? value >= targetValue - slack : value <= targetValue + slack;
  };

  const trend = fitTrend(baselineDate, baselineValue, usable);
  const targetX = daysBetween(baselineDate, targetDate);
  const projection = trend ? trend.intercept + trend.slopePerDay * targetX : baselineValue;
  const targetPassed = compareDates(asOf, targetDate) > 0;

  const decidingValue = usable.at(-1)?.value ?? baselineValue;
  let cls: ForecastClass;
  if (meets(decidingValue)) cls = 'met';
  else if (targetPassed) cls = 'off_track';
  else if (meets(projection)) cls = 'on_track';
  else {
    const shortfall = Math.abs(targetValue - projection);
    const tolerance = AT_RISK_TOLERANCE * Math.abs(targetValue - baselineValue);
    cls = shortfall <= tolerance + EPSILON * Math.max(1, Math.abs(targetValue)) ? 'at_risk' : 'off_track';
  }

  return {
    class: cls,
    projectedValue: targetPassed ? null : projection,
    reachedOn: trend ? reachDate(trend, direction, baselineDate, targetValue) : null,
    latestValue: latest?.value ?? null,
    latestOn: latest?.date ?? null,
    trend,
  };
}

function fitTrend(
  baselineDate: IsoDate,
  baselineValue: number,
  points: readonly { date: IsoDate; value: number }[],
): Trend | null {
  const first = points[0];
  if (first === undefined) return null;
  if (points.length === 1) {
    const x = daysBetween(baselineDate, first.date);
    if (x === 0) return { slopePerDay: 0, intercept: first.value };
    const slopePerDay = (first.value - baselineValue) / x;
    return { slopePerDay, intercept: baselineValue };
  }
  // Least squares; points have distinct dates, so the x variance is positive.
  const xs = points.map((p) => daysBetween(baselineDate, p.date));
  const n = points.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = points.reduce((a, p) => a + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  points.forEach((p, i) => {
    const dx = (xs[i] as number) - meanX;
    sxy += dx * (p.value - meanY);
    sxx += dx * dx;
  });
  const slopePerDay = sxy / sxx;
  return { slopePerDay, intercept: meanY - slopePerDay * meanX };
}

function reachDate(
  trend: Trend,
  direction: TargetDirection,
  baselineDate: IsoDate,
  targetValue: number,
): IsoDate | null {
  const { slopePerDay, intercept } = trend;
  const towards = direction === 'at_least' ? slopePerDay > 0 : slopePerDay < 0;
  if (!towards) return null;
  // First whole day x with intercept + slope·x on the target's side; the small nudge keeps
  // floating-point noise (x = 99.9999999997) from skipping or adding a day.
  const x = Math.ceil((targetValue - intercept) / slopePerDay - 1e-7);
  const day = toDayNumber(baselineDate) + x;
  return isDayNumberInRange(day) ? fromDayNumber(day) : null;
}

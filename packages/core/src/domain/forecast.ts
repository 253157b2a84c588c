/**
 * Forecast of a numeric target (chỉ tiêu): will the indicator reach its target value by
 * its target date? The directive asks that a target "dự báo không đạt mục tiêu" (forecast to
 * miss) trigger action, so the class matters more than the number.
 *
 * The trend is a straight line over (day, value): value(d) = intercept + slopePerDay × x,
 * where x is the number of days from the baseline date to d. The baseline is one of its
 * points, so one noisy reading cannot turn the line around.
 */
import {
  addDays,
  assertIsoDate,
  compareDates,
  daysBetween,
  fromDayNumber,
  isDayNumberInRange,
  toDayNumber,
  type IsoDate,
} from './dates.ts';
import type { ForecastClass } from './labels.ts';
import { periodForData } from './periods.ts';

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
  /** Trend value on the target date; null once the outcome is known or without a trend. */
  projectedValue: number | null;
  /**
   * First day on which the trend line meets the target (may lie in the past); null when the
   * trend is flat, heads the wrong way, or there is no trend (no measurement).
   */
  reachedOn: IsoDate | null;
  /** Latest measurement on or before `asOf` (null when none). */
  latestValue: number | null;
  latestOn: IsoDate | null;
  /** The line through the baseline and the period points; null with fewer than two points. */
  trend: Trend | null;
  /** Reporting periods with a measurement (the points of the trend, besides the baseline). */
  points: number;
}

/**
 * A projection that misses the target by no more than this share of the distance from the
 * baseline to the target is `at_risk`; a bigger miss is `off_track`. With a baseline of 60
 * and a target of 80 (distance 20), a projection of 78 or more is at risk, below 78 off track.
 */
export const AT_RISK_TOLERANCE = 0.1;

/**
 * A value measured up to this many days after the target date is still the target's final
 * value: the annual figure for 31/12 is reported in January (and corrected until March).
 */
export const FINAL_VALUE_GRACE_DAYS = 90;

/**
 * Measurements are grouped by the reporting period their date belongs to (the quarter's
 * data window, 15th → 14th): within a period the latest value stands (a figure of 05/01
 * corrects the one of 31/12, both reported for Q1), so two close readings never make a trend.
 */
export const FORECAST_PERIOD_CADENCE = 'quarter' as const;

/** Relative slack for floating-point noise when comparing a value with the target. */
const EPSILON = 1e-9;

function assertFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number: ${value}`);
}

/**
 * Forecasts a target as of `asOf`.
 *
 * Data: measurements dated on or before `asOf` (what is known that day) and on or before
 * the target date + FINAL_VALUE_GRACE_DAYS; when several share a date the last one in the
 * input stands (a later entry corrects an earlier one). They are grouped by reporting period
 * (FORECAST_PERIOD_CADENCE): the latest value of each period is that period's point.
 *
 * Value deciding `met`: the latest point, or, with none, the baseline value.
 *
 * Class, first match wins:
 * - `met` when the deciding value meets the target (≥ for at_least, ≤ for at_most);
 * - `off_track` (missed) once the outcome is known: a value dated after the target date has
 *   been measured, or the grace period after the target date is over;
 * - `insufficient_data` ("chưa đủ số liệu") with fewer than two points (fewer than two
 *   measurements a reporting period apart): no trend is drawn from one reading;
 * - otherwise the trend: a least-squares line through the baseline point and every point;
 *   `on_track` when its value on the target date meets the target, `at_risk` when it misses
 *   by no more than AT_RISK_TOLERANCE × |target − baseline| (a target equal to its baseline
 *   has no tolerance), else `off_track`.
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
  const finalCutoff = addDays(targetDate, FINAL_VALUE_GRACE_DAYS);

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
  const usable = known.filter((m) => compareDates(m.date, finalCutoff) <= 0);
  // One point per reporting period: the latest reading of the period.
  const byPeriod = new Map<string, { date: IsoDate; value: number }>();
  for (const m of usable) byPeriod.set(periodForData(FORECAST_PERIOD_CADENCE, m.date).id, m);
  const points = [...byPeriod.values()];

  const meets = (value: number): boolean => {
    const slack = EPSILON * Math.max(1, Math.abs(targetValue));
    return direction === 'at_least' ? value >= targetValue - slack : value <= targetValue + slack;
  };

  const decidingValue = points.at(-1)?.value ?? baselineValue;
  const finalKnown = points.some((p) => compareDates(p.date, targetDate) > 0) || compareDates(asOf, finalCutoff) > 0;
  const trend = points.length >= 2 ? fitTrend(baselineDate, [{ date: baselineDate, value: baselineValue }, ...points]) : null;
  const projection = trend ? trend.intercept + trend.slopePerDay * daysBetween(baselineDate, targetDate) : null;

  let cls: ForecastClass;
  if (meets(decidingValue)) cls = 'met';
  else if (finalKnown) cls = 'off_track';
  else if (projection === null) cls = 'insufficient_data';
  else if (meets(projection)) cls = 'on_track';
  else {
    const shortfall = Math.abs(targetValue - projection);
    const tolerance = AT_RISK_TOLERANCE * Math.abs(targetValue - baselineValue);
    cls = shortfall <= tolerance + EPSILON * Math.max(1, Math.abs(targetValue)) ? 'at_risk' : 'off_track';
  }

  return {
    class: cls,
    projectedValue: finalKnown ? null : projection,
    reachedOn: trend ? reachDate(trend, direction, baselineDate, targetValue) : null,
    latestValue: latest?.value ?? null,
    latestOn: latest?.date ?? null,
    trend,
    points: points.length,
  };
}

/** Least squares over (days from the baseline date, value); the points have distinct dates. */
function fitTrend(baselineDate: IsoDate, points: readonly { date: IsoDate; value: number }[]): Trend {
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
  if (sxx === 0) return { slopePerDay: 0, intercept: meanY };
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

/** Points a target's sparkline shows at most (a watch-list row is a few centimetres wide). */
export const SPARKLINE_POINTS = 24;

/**
 * The measurements a sparkline draws, as of `asOf`: those measured on or before it, the last of
 * each day, thinned to at most `max` points evenly spread over them, the first and the latest
 * always kept (the line must end on the value the forecast starts from).
 */
export function sparklinePoints(measurements: readonly Measurement[], asOf: IsoDate, max: number = SPARKLINE_POINTS): Measurement[] {
  const byDay = new Map<IsoDate, number>();
  for (const m of [...measurements].filter((m) => m.asOf <= asOf).sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0))) byDay.set(m.asOf, m.value);
  const days = [...byDay.entries()].map(([day, value]) => ({ asOf: day, value }));
  if (days.length <= max) return days;
  if (max < 2) return days.slice(-Math.max(0, max));
  const step = (days.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => days[Math.round(i * step)]!);
}

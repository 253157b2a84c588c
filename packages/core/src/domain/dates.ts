/**
 * Calendar dates, the way the domain sees them: a day in Hà Nội's calendar written
 * `YYYY-MM-DD`, with no time and no time zone.
 *
 * Nothing here goes through `Date` for calendar arithmetic: day numbers are computed with
 * integer arithmetic on the proleptic Gregorian calendar (H. Hinnant's days_from_civil), so no
 * time zone or DST of the machine running the code can move a date by a day. The only place an
 * instant becomes a date is `hanoiDateOf`, which applies Hà Nội's fixed UTC+7 offset.
 */

/** A calendar date `YYYY-MM-DD` (Hà Nội local calendar). */
export type IsoDate = string;

export interface CalendarDate {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

/** Viet Nam has kept UTC+7 with no daylight saving since 1975. */
export const HANOI_UTC_OFFSET_MINUTES = 7 * 60;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Day number of 0000-01-01 and 9999-12-31: the range `YYYY-MM-DD` can write. */
const MIN_DAY_NUMBER = -719_528;
const MAX_DAY_NUMBER = 2_932_896;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parseOrNull(value: unknown): CalendarDate | null {
  if (typeof value !== 'string') return null;
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * Years an input date may have (`isIsoDate`, `isPeriodId`): a directive's, a report's or a
 * figure's date is never before 1900 nor after 2999. The arithmetic below works on 0000-9999, so
 * a deadline pushed or a period shifted from an accepted date never leaves what it can write;
 * years 0000 or 9999 from outside are refused here instead of failing the database (no year 0 in
 * Postgres) or an `addDays` at the edge of the range.
 */
export const MIN_INPUT_YEAR = 1900;
export const MAX_INPUT_YEAR = 2999;

/** True for a year an input date may have (1900-2999). */
export function isInputYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_INPUT_YEAR && year <= MAX_INPUT_YEAR;
}

/** True for a real calendar date written `YYYY-MM-DD` (so `2023-02-29` is false) in years 1900-2999. */
export function isIsoDate(value: unknown): value is IsoDate {
  const parsed = parseOrNull(value);
  return parsed !== null && isInputYear(parsed.year);
}

/** Splits `YYYY-MM-DD` into numbers; throws `RangeError` for anything that is not a real date. */
export function parseIsoDate(value: string): CalendarDate {
  const parsed = parseOrNull(value);
  if (!parsed) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return parsed;
}

/** Throws `RangeError` unless `value` is a real `YYYY-MM-DD` date; returns it. */
export function assertIsoDate(value: string): IsoDate {
  parseIsoDate(value);
  return value;
}

/** Builds `YYYY-MM-DD`; throws `RangeError` for an impossible date. */
export function makeIsoDate(year: number, month: number, day: number): IsoDate {
  if (!Number.isInteger(year) || year < 0 || year > 9999) {
    throw new RangeError(`Year out of range 0-9999: ${year}`);
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Month out of range 1-12: ${month}`);
  }
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Day out of range for ${year}-${month}: ${day}`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before it). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date `dayNumber` days after 1970-01-01; throws `RangeError` outside years 0000-9999. */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber) || dayNumber < MIN_DAY_NUMBER || dayNumber > MAX_DAY_NUMBER) {
    throw new RangeError(`Day number outside years 0000-9999: ${dayNumber}`);
  }
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return makeIsoDate(year, month, day);
}

/** True when `dayNumber` can be written as `YYYY-MM-DD` (years 0000-9999). */
export function isDayNumberInRange(dayNumber: number): boolean {
  return Number.isInteger(dayNumber) && dayNumber >= MIN_DAY_NUMBER && dayNumber <= MAX_DAY_NUMBER;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to`: `daysBetween('2024-02-28', '2024-03-01') === 2`. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** -1, 0 or 1, for sorting. Both arguments are validated. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  parseIsoDate(a);
  parseIsoDate(b);
  // Fixed-width `YYYY-MM-DD` strings sort like the dates they write.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) < 0;
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) > 0;
}

export function isSameDate(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) === 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** Month arithmetic on (year, month): `shiftMonth(2024, 1, -1)` is `{ year: 2023, month: 12 }`. */
export function shiftMonth(year: number, month: number, delta: number): { year: number; month: number } {
  const total = year * 12 + (month - 1) + delta;
  return { year: Math.floor(total / 12), month: (((total % 12) + 12) % 12) + 1 };
}

/** The last day of a month, `YYYY-MM-DD`. */
export function endOfMonth(year: number, month: number): IsoDate {
  return makeIsoDate(year, month, daysInMonth(year, month));
}

/**
 * The Hà Nội calendar date of an instant (UTC+7): `2024-03-04T17:00:00Z` is already
 * `2024-03-05` in Hà Nội. Pure: pass the instant (the caller decides what "now" is).
 */
export function hanoiDateOf(instant: Date | number): IsoDate {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid instant');
  return fromDayNumber(Math.floor((ms + HANOI_UTC_OFFSET_MINUTES * 60_000) / MS_PER_DAY));
}

/** `2024-03-05` → `05/03/2024` (dd/mm/yyyy, as Vietnamese documents write dates). */
export function formatDateVi(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${String(year).padStart(4, '0')}`;
}

/**
 * The days a trend over time is read on: the ends of the `months − 1` months before `asOf`'s
 * month, then `asOf` itself (the month in progress as it stands), oldest first.
 */
export function monthEndsUpTo(asOf: IsoDate, months: number): IsoDate[] {
  const { year, month } = parseIsoDate(asOf);
  const ends: IsoDate[] = [];
  for (let back = months - 1; back >= 1; back--) {
    const shifted = shiftMonth(year, month, -back);
    ends.push(endOfMonth(shifted.year, shifted.month));
  }
  return months >= 1 ? [...ends, asOf] : [];
}

/**
 * Reporting periods (Decree 09/2019/NĐ-CP on reporting; the Ministry of Home Affairs for
 * CCHC reports): monthly, quarterly, six-monthly and annual.
 *
 * A period has two different spans:
 * - its calendar bounds `start`–`end` (Q1 2024 is 01/01/2024–31/03/2024);
 * - its data window `windowStart`–`windowEnd`, from the 15th of the month before the
 *   period's first month to the 14th of its last month (Q1 2024: 15/12/2023–14/03/2024;
 *   6 months: 15/12–14/06; Q3: 15/06–14/09; year: 15/12–14/12; month M: 15/(M-1)–14/M).
 * The report is due by the 20th of the period's last month (`dueDate`).
 *
 * `periodOf` places a date by the calendar; `periodForData` places a figure dated that day
 * by the data window (data of 20/12/2023 belongs to Q1 2024 and to year 2024).
 *
 * Ids are stable and sort chronologically within a cadence:
 * `2024-M03`, `2024-Q1`, `2024-H1`, `2024-Y`.
 */
import {
  compareDates,
  endOfMonth,
  isInputYear,
  makeIsoDate,
  parseIsoDate,
  shiftMonth,
  type IsoDate,
} from './dates.ts';
import { periodLabel, type Cadence, type Label } from './labels.ts';

export interface Period {
  /** `2024-M03`, `2024-Q1`, `2024-H1`, `2024-Y` */
  id: string;
  cadence: Cadence;
  year: number;
  /** 1-12 for a month, 1-4 for a quarter, 1-2 for a half, 1 for the year. */
  index: number;
  /** "Tháng 3/2024", "Quý I/2024", "6 tháng đầu năm 2024", "Năm 2024" (and English). */
  label: Label;
  /** First day of the data window: the 15th of the month before the first month. */
  windowStart: IsoDate;
  /** Last day of the data window: the 14th of the last month. */
  windowEnd: IsoDate;
  /** Report due date: the 20th of the last month. */
  dueDate: IsoDate;
  /** First calendar day of the period. */
  start: IsoDate;
  /** Last calendar day of the period. */
  end: IsoDate;
}

/** Months in one period of each cadence. */
export const CADENCE_MONTHS: Readonly<Record<Cadence, number>> = {
  month: 1,
  quarter: 3,
  half: 6,
  year: 12,
};

/** Day of the month on which a data window opens (the window closes the day before). */
export const WINDOW_START_DAY = 15;
/** Day of the period's last month by which the report is due. */
export const REPORT_DUE_DAY = 20;

const ID_LETTER: Readonly<Record<Cadence, string>> = { month: 'M', quarter: 'Q', half: 'H', year: 'Y' };
const PERIOD_ID = /^(\d{4})-(?:M(\d{2})|Q([1-4])|H([12])|(Y))$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

function periodsPerYear(cadence: Cadence): number {
  return 12 / CADENCE_MONTHS[cadence];
}

function periodId(cadence: Cadence, year: number, index: number): string {
  const y = String(year).padStart(4, '0');
  switch (cadence) {
    case 'month':
      return `${y}-M${String(index).padStart(2, '0')}`;
    case 'year':
      return `${y}-Y`;
    default:
      return `${y}-${ID_LETTER[cadence]}${index}`;
  }
}

/**
 * The period of a cadence by year and index (month 1-12, quarter 1-4, half 1-2, year 1).
 * Throws `RangeError` for an impossible index. Years 0001-9999 (the window of a January
 * period starts in the year before).
 */
export function makePeriod(cadence: Cadence, year: number, index: number): Period {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Period year out of range ${MIN_YEAR}-${MAX_YEAR}: ${year}`);
  }
  const count = periodsPerYear(cadence);
  if (!Number.isInteger(index) || index < 1 || index > count) {
    throw new RangeError(`Index of a ${cadence} period must be 1-${count}: ${index}`);
  }
  const months = CADENCE_MONTHS[cadence];
  const firstMonth = (index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const before = shiftMonth(year, firstMonth, -1);
  return {
    id: periodId(cadence, year, index),
    cadence,
    year,
    index,
    label: periodLabel(cadence, year, index),
    windowStart: makeIsoDate(before.year, before.month, WINDOW_START_DAY),
    windowEnd: makeIsoDate(year, lastMonth, WINDOW_START_DAY - 1),
    dueDate: makeIsoDate(year, lastMonth, REPORT_DUE_DAY),
    start: makeIsoDate(year, firstMonth, 1),
    end: endOfMonth(year, lastMonth),
  };
}

function periodOfMonth(cadence: Cadence, year: number, month: number): Period {
  return makePeriod(cadence, year, Math.floor((month - 1) / CADENCE_MONTHS[cadence]) + 1);
}

/** The period whose calendar bounds contain `date`: `periodOf('quarter', '2023-12-20')` is Q4 2023. */
export function periodOf(cadence: Cadence, date: IsoDate): Period {
  const { year, month } = parseIsoDate(date);
  return periodOfMonth(cadence, year, month);
}

/**
 * The period whose data window contains `date`, i.e. the period a figure dated that day is
 * reported in: from the 15th on, a date belongs to the next month's window, so
 * `periodForData('quarter', '2023-12-20')` is Q1 2024 and `periodForData('year', '2023-12-20')`
 * is 2024; `periodForData('quarter', '2024-03-14')` is Q1 2024, `'2024-03-15'` is Q2 2024.
 */
export function periodForData(cadence: Cadence, date: IsoDate): Period {
  const { year, month, day } = parseIsoDate(date);
  const m = day >= WINDOW_START_DAY ? shiftMonth(year, month, 1) : { year, month };
  return periodOfMonth(cadence, m.year, m.month);
}

/** True for a well-formed period id (`2024-M03`, `2024-Q1`, `2024-H2`, `2024-Y`) of a year 1900-2999 (as input dates). */
export function isPeriodId(id: unknown): id is string {
  if (typeof id !== 'string') return false;
  const m = PERIOD_ID.exec(id);
  if (!m) return false;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  return isInputYear(year) && month >= 1 && month <= 12;
}

/** The period with this id; throws `RangeError` for a malformed id. */
export function periodById(id: string): Period {
  const m = PERIOD_ID.exec(id);
  if (!m || !isPeriodId(id)) throw new RangeError(`Not a period id: ${JSON.stringify(id)}`);
  const year = Number(m[1]);
  if (m[2] !== undefined) return makePeriod('month', year, Number(m[2]));
  if (m[3] !== undefined) return makePeriod('quarter', year, Number(m[3]));
  if (m[4] !== undefined) return makePeriod('half', year, Number(m[4]));
  return makePeriod('year', year, 1);
}

function shiftPeriod(period: Period, delta: number): Period {
  const count = periodsPerYear(period.cadence);
  const n = period.year * count + (period.index - 1) + delta;
  return makePeriod(period.cadence, Math.floor(n / count), (n % count) + 1);
}

/** The period before, of the same cadence: Q1 2024 → Q4 2023, 2024-M01 → 2023-M12. */
export function previousPeriod(period: Period): Period {
  return shiftPeriod(period, -1);
}

/** The period after, of the same cadence: Q4 2023 → Q1 2024, 2023-H2 → 2024-H1. */
export function nextPeriod(period: Period): Period {
  return shiftPeriod(period, 1);
}

/**
 * The periods of a cadence whose calendar bounds meet [from, to], in order: from
 * `periodOf(cadence, from)` to `periodOf(cadence, to)` inclusive. Empty when `from` > `to`.
 */
export function periodsBetween(cadence: Cadence, from: IsoDate, to: IsoDate): Period[] {
  if (compareDates(from, to) > 0) return [];
  const last = periodOf(cadence, to);
  const out: Period[] = [];
  for (let p = periodOf(cadence, from); ; p = nextPeriod(p)) {
    out.push(p);
    if (p.id === last.id) return out;
  }
}

/** True when `date` lies within the period's calendar bounds. */
export function periodContains(period: Period, date: IsoDate): boolean {
  return compareDates(period.start, date) <= 0 && compareDates(date, period.end) <= 0;
}

/** True when `date` lies within the period's data window. */
export function windowContains(period: Period, date: IsoDate): boolean {
  return compareDates(period.windowStart, date) <= 0 && compareDates(date, period.windowEnd) <= 0;
}

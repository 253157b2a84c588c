import dayjs, { type Dayjs } from 'dayjs';

/** The administrative date format of every date picker: dd/mm/yyyy. */
export const DATE_FORMAT = 'DD/MM/YYYY';

/** Hà Nội is at UTC+7 all year (no daylight saving). */
const HANOI_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar day (`YYYY-MM-DD`) of an instant in Hà Nội, as the server counts days. */
export function hanoiDay(instant: Date | number = Date.now()): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(ms + HANOI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in Hà Nội (`YYYY-MM-DD`). */
export function todayIso(): string {
  return hanoiDay(Date.now());
}

/** True for a real calendar day written `YYYY-MM-DD`. */
function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An ISO calendar date as a dayjs value for a date picker (no time-zone shift); null for none. */
export function toDayjs(value: string | null | undefined): Dayjs | null {
  if (!value || !isCalendarDay(value)) return null;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return dayjs(new Date(y, m - 1, d));
}

/** A date picker's value as an ISO calendar date (`YYYY-MM-DD`); null for none. */
export function fromDayjs(value: Dayjs | null | undefined): string | null {
  return value && value.isValid() ? value.format('YYYY-MM-DD') : null;
}

/** Date pickers refuse days after today in Hà Nội (completion dates, measurement dates). */
export function isAfterToday(value: Dayjs): boolean {
  const iso = fromDayjs(value);
  return iso !== null && iso > todayIso();
}

/**
 * The forms a person types a date in, as the date pickers read them (the first is how a date
 * is shown): dd/mm/yyyy, d/m/yyyy, dd.mm.yyyy, d.m.yyyy and the ISO yyyy-mm-dd.
 */
export const TYPED_DATE_FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'DD.MM.YYYY', 'D.M.YYYY', 'YYYY-MM-DD'];

/** Years a date typed in a form may have: the server's input range (1900-2999). */
export const TYPED_DATE_YEARS = { min: 1900, max: 2999 } as const;

/** What a typed date reads as: a day (`iso`, null for an empty field) or why it is refused. */
export type TypedDate =
  | { iso: string | null }
  | { problem: 'format' }
  | { problem: 'impossible'; day: number; month: number; year: number; daysInMonth: number }
  | { problem: 'month'; month: number; year: number }
  | { problem: 'year'; year: number };

const DAY_FIRST = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/;
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function monthDays(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a date as a person types it — 30/11/2026, 1/2/2026, 30.11.2026 or 2026-11-30 — into
 * `YYYY-MM-DD`; an impossible day (31/11/2026, 29/02/2026), month (13) or a year outside
 * 1900-2999 says so instead of leaving the field empty.
 */
export function parseTypedDate(text: string): TypedDate {
  const value = text.trim();
  if (!value) return { iso: null };
  let parts: [number, number, number] | null = null;
  const dayFirst = DAY_FIRST.exec(value);
  if (dayFirst) parts = [Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1])];
  const yearFirst = YEAR_FIRST.exec(value);
  if (yearFirst) parts = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  if (!parts) return { problem: 'format' };
  const [year, month, day] = parts;
  if (year < TYPED_DATE_YEARS.min || year > TYPED_DATE_YEARS.max) return { problem: 'year', year };
  if (month < 1 || month > 12) return { problem: 'month', month, year };
  const days = monthDays(year, month);
  if (day < 1 || day > days) return { problem: 'impossible', day, month, year, daysInMonth: days };
  return { iso: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

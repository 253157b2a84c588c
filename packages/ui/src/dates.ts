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

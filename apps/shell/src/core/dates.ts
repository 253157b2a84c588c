import dayjs, { type Dayjs } from 'dayjs';
import { hanoiDateOf, isIsoDate, type IsoDate } from '@dondoc/core';

/** The administrative date format of every date picker: dd/mm/yyyy. */
export const DATE_FORMAT = 'DD/MM/YYYY';

/** Today in Hà Nội, as the server counts it. */
export function todayIso(): IsoDate {
  return hanoiDateOf(Date.now());
}

/** An ISO calendar date as a dayjs value for a date picker (no time-zone shift). */
export function toDayjs(value: string | null | undefined): Dayjs | null {
  if (!value || !isIsoDate(value)) return null;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return dayjs(new Date(y, m - 1, d));
}

/** A date picker's value as an ISO calendar date. */
export function fromDayjs(value: Dayjs | null | undefined): IsoDate | null {
  return value && value.isValid() ? value.format('YYYY-MM-DD') : null;
}

/** Date pickers refuse days after today (completion dates, measurement dates). */
export function isAfterToday(value: Dayjs): boolean {
  const iso = fromDayjs(value);
  return iso !== null && iso > todayIso();
}

import dayjs from 'dayjs';

/**
 * A date as dd/mm/yyyy (the Vietnamese administrative format). Accepts an ISO string
 * (`2025-03-31` is taken as that calendar day, with no time-zone shift), a Date or a
 * timestamp; answers '' for nothing or an unreadable value.
 */
export function formatDate(value: string | Date | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (dateOnly) return `${dateOnly[3]}/${dateOnly[2]}/${dateOnly[1]}`;
  }
  const date = dayjs(value);
  return date.isValid() ? date.format('DD/MM/YYYY') : '';
}

/** A date and time as dd/mm/yyyy HH:mm, in the browser's time zone. */
export function formatDateTime(value: string | Date | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = dayjs(value);
  return date.isValid() ? date.format('DD/MM/YYYY HH:mm') : '';
}

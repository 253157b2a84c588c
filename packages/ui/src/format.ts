import dayjs from 'dayjs';
import type { Locale } from './i18n.ts';

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

/** A wait in whole seconds as people say it: "4 phút 30 giây", "15 phút", "1 giây" (en: "4 min 30 s"); hours past 60 minutes. */
export function formatWait(seconds: number, locale: Locale = 'vi'): string {
  const total = Math.max(0, Math.ceil(seconds));
  const parts: Array<[number, string, string]> = [
    [Math.floor(total / 3600), 'giờ', 'h'],
    [Math.floor((total % 3600) / 60), 'phút', 'min'],
    [total % 60, 'giây', 's'],
  ];
  const said = parts.filter(([value]) => value > 0).map(([value, vi, en]) => `${value} ${locale === 'vi' ? vi : en}`);
  return said.length > 0 ? said.join(' ') : `0 ${locale === 'vi' ? 'giây' : 's'}`;
}
